"""Conformance: every registered ranker honours the ``Ranker`` contract; plus the registry itself."""

from __future__ import annotations

import numpy as np
import pytest

from storyweave.summarize import (
    CentralityRanker,
    Ranker,
    _rankers,
    available_rankers,
    build_group,
    get_ranker,
    register_ranker,
    summarize,
)


@pytest.fixture(params=available_rankers())
def ranker(request) -> Ranker:
    return get_ranker(request.param)


def test_ranker_satisfies_the_protocol(ranker):
    assert isinstance(ranker, Ranker)
    assert isinstance(ranker.name, str) and ranker.name in available_rankers()


def test_scores_every_row_with_finite_candidate_scores(ranker, ferry_reports):
    group = build_group(ferry_reports)
    scores = np.asarray(ranker.score(group), dtype=float)
    assert scores.shape == (len(group),)
    assert np.isfinite(scores[group.candidate_rows]).all()


def test_scores_depend_on_the_group_not_on_call_history(ranker, ferry_reports, bake_sale):
    group = build_group(ferry_reports)
    first = np.asarray(ranker.score(group))
    ranker.score(build_group([bake_sale]))
    np.testing.assert_array_equal(np.asarray(ranker.score(group)), first)


def test_handles_a_group_without_candidates(ranker):
    group = build_group(["Short.", "Headline Without Full Stop"])
    assert np.asarray(ranker.score(group)).shape == (len(group),)


def test_drives_summarize_by_name_and_by_instance(ranker, ferry_reports):
    assert summarize(ferry_reports, words=50, ranker=ranker.name)
    assert summarize(ferry_reports, words=50, ranker=ranker)


def test_centrality_prefers_what_several_reports_say(ferry_reports):
    group = build_group(ferry_reports)
    scores = CentralityRanker().score(group)
    rows = {group.texts[row]: scores[row] for row in group.candidate_rows}
    widely_reported = next(s for t, s in rows.items() if t.startswith("A passenger ferry carrying 48"))
    told_once = next(s for t, s in rows.items() if t.startswith("Local fishermen"))
    assert widely_reported > told_once


def test_registry_rejects_duplicates_and_unknown_names(monkeypatch):
    monkeypatch.setattr(_rankers, "_REGISTRY", dict(_rankers._REGISTRY))
    with pytest.raises(ValueError, match="already registered"):
        register_ranker("centrality", CentralityRanker)
    with pytest.raises(ValueError, match="unknown ranker 'nope'; available rankers: centrality, learned"):
        get_ranker("nope")
    with pytest.raises(TypeError, match="must be a name, a Ranker or None"):
        get_ranker(42)  # type: ignore[arg-type]


def test_a_registered_ranker_is_used(monkeypatch, ferry_reports):
    monkeypatch.setattr(_rankers, "_REGISTRY", dict(_rankers._REGISTRY))

    class Shortest:
        name = "shortest"

        def score(self, group):
            return -group.words.astype(float)

    register_ranker("shortest", Shortest)
    assert "shortest" in available_rankers()
    (extract,) = summarize(ferry_reports, words=6, ranker="shortest")
    group = build_group(ferry_reports)
    assert len(extract.text.split()) == group.words[group.candidate_rows].min()
