"""Stance and weakening-pair models: committed artefacts load, predictions follow the cues they learned."""

from __future__ import annotations

import json
import math

import pytest

from storyweave.claims.stance import (
    STANCES,
    is_weakening,
    predict_stance,
    stance_probabilities,
    weakening_probability,
)
from storyweave.claims.stance._linear import LinearModel
from storyweave.claims.stance._predict import STANCE_MODEL, WEAK_PAIR_MODEL

CLAIM = "A giant squid washed up on the beach at Porthwenna"


def test_probabilities_cover_the_three_stances_and_sum_to_one() -> None:
    probabilities = stance_probabilities(CLAIM, "Giant squid washes up at Porthwenna beach")
    assert set(probabilities) == set(STANCES)
    assert math.isclose(sum(probabilities.values()), 1.0, rel_tol=1e-9)


@pytest.mark.parametrize(
    ("headline", "stance"),
    [
        ("Porthwenna giant squid photo is a hoax, coastguard says it is fake", "against"),
        ("Giant squid washes up on Porthwenna beach", "for"),
        ("Giant squid reportedly found on beach? Locals claim sighting", "observing"),
    ],
)
def test_clear_cues_decide_the_stance(headline: str, stance: str) -> None:
    assert predict_stance(CLAIM, headline) == stance


def test_models_are_small_json_that_records_its_data_and_figures() -> None:
    for path in (STANCE_MODEL, WEAK_PAIR_MODEL):
        assert path.stat().st_size < 5_000_000
        about = json.loads(path.read_text("utf-8"))["about"]
        assert about["data"]["sha256"] and about["command"].startswith("python benchmarks/stance/train.py")
    assert LinearModel.from_json(STANCE_MODEL).about["cv_accuracy"]["ours"] >= 75


def test_weakening_is_symmetric_and_a_probability() -> None:
    first = "The council said the bridge was safe to reopen."
    second = "Engineers rejected the claim that the bridge was safe, calling it false."
    forward, backward = weakening_probability(first, second), weakening_probability(second, first)
    assert 0.0 <= forward <= 1.0
    assert math.isclose(forward, backward, rel_tol=1e-9)
    assert is_weakening(first, second) == is_weakening(second, first)


def test_non_text_input_is_refused_with_the_argument_name() -> None:
    with pytest.raises(TypeError, match="headline must be a str"):
        predict_stance(CLAIM, None)  # type: ignore[arg-type]


def test_missing_or_damaged_model_file_says_how_to_rebuild(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match=r"benchmarks/stance/train\.py"):
        LinearModel.from_json(tmp_path / "absent.json")
    damaged = tmp_path / "damaged.json"
    damaged.write_text('{"classes": ["for"]}', "utf-8")
    with pytest.raises(ValueError, match="damaged"):
        LinearModel.from_json(damaged)


def test_a_disputed_attributed_pair_weakens_more_than_two_unrelated_facts() -> None:
    disputed = (
        "The mayor said the new tax would not raise rents for families.",
        'Tenant groups said the mayor\'s claim was false and that "rents will go up."',
    )
    unrelated = ("The bridge opened in 1932 and carries four lanes.", "Shares rose 3 percent early on.")
    assert weakening_probability(*disputed) > weakening_probability(*unrelated)
    assert is_weakening(*disputed)
    assert not is_weakening(*unrelated)


def test_weak_pair_model_records_beating_its_baseline_under_grouped_cv() -> None:
    figures = LinearModel.from_json(WEAK_PAIR_MODEL).about["cv_f1"]
    ours = figures["ours (threshold tuned on training folds)"]
    assert ours > figures["overlap + negation rule (threshold tuned on training folds)"] + 3
