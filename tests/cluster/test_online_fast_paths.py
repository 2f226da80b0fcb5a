"""The online clusterer's fast paths compute what the plain code they replaced computed.

Features, candidate ranking and pair features were rewritten for throughput (issue 5); each test below
keeps the plain version as the reference and checks the fast one against it, value for value where the
arithmetic is unchanged.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from datetime import date

import numpy as np
import pytest

from storyweave.cluster import OnlineSettings, StreamState, assign, report_features
from storyweave.cluster import _features as batch_features
from storyweave.cluster import _report_features as rf
from storyweave.cluster._join_model import default_join_model
from storyweave.cluster._report_features import KINDS, ReportFeatures, background_terms, default_background
from storyweave.cluster._story_state import FEATURE_NAMES, pair_feature_rows, pair_features
from storyweave.model import Article

TRICKY = [
    "In 1999. In 1999, and 1999 and 2020.5 and 3,2019 and x2019 and 12019 and 20199 and 1950 1949 2099 2100",
    "(2004) [1987] 2010's 1999-2001 ’1998’ 2003.",
    "Ab A aBc _Abc 1Abc É Ab O’Neil ÉAbc McDonald's Über über-Chef NATO's U.S. de Gaulle",
    "東京で地震があった。 Tokyo 2011 震度 한국어 텍스트 Seoul",
    "the and of 1 12 1.5 a I x 42nd co-op don't ’quoted’ killed kills killing",
    "",
]


def _texts(reports) -> list[str]:
    return [
        *TRICKY,
        reports.bakery_strike,
        reports.comet_sighting,
        reports.harbour_flight,
        reports.desert_flight,
    ]


def test_name_and_year_patterns_match_the_batch_features_patterns(reports) -> None:
    for text in _texts(reports):
        assert rf._NAME.findall(text) == batch_features._NAME.findall(text)
        assert rf._YEAR.findall(text) == batch_features._YEAR.findall(text)


def test_word_terms_are_the_background_terms_without_digits(reports) -> None:
    for text in _texts(reports):
        assert rf._terms(text) == [t for t in background_terms(text) if not t.isdigit()]


def _plain_weighted(terms: list[str]) -> dict[str, float]:
    background = default_background()
    weights = {t: (1.0 + math.log(c)) * background.idf(t) for t, c in Counter(terms).items()}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / norm for t, w in weights.items()} if norm else {}


def test_weights_and_top_terms_are_the_plain_computation(reports) -> None:
    for text in _texts(reports):
        terms = rf._terms(text) * 2 + rf._terms(text[: len(text) // 2])
        fast = rf._weighted(terms, default_background())
        assert list(fast.items()) == list(_plain_weighted(terms).items())  # same order, same bits
        for count in (1, 3, 10):
            plain = [t for t, _ in sorted(fast.items(), key=lambda item: (-item[1], item[0]))[:count]]
            assert rf._top(fast, count) == plain
    tied = {"b": 0.5, "a": 0.5, "c": 0.5, "d": 0.1}
    assert rf._top(tied, 2) == ["a", "b"]


def _plain_dot(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(value * b[term] for term, value in a.items() if term in b)


def _plain_row(report: ReportFeatures, story) -> list[float]:
    """The pair features as first written (one story, plain loops)."""
    vectors = report.vectors
    centroid = [
        _plain_dot(v, s) / math.sqrt(n) if v and n > 0 else 0.0
        for v, s, n in zip(vectors, story.sums, story.squared_norms, strict=True)
    ]
    closest = [
        max(_plain_dot(v, member[kind]) for member in story.recent) if v else 0.0
        for kind, v in enumerate(vectors)
    ]
    novel = [sum(x * x for t, x in vectors[k].items() if t not in story.sums[k]) for k in (1, 2)]
    has = [float(bool(v) and n > 0) for v, n in zip(vectors[1:], story.squared_norms[1:], strict=True)]
    gap = None
    if report.day is not None and story.first_day is not None:
        gap = max(story.first_day - report.day, report.day - story.last_day, 0)
    return [
        *centroid,
        *closest,
        *novel,
        *has,
        float(gap is not None),
        math.log1p(gap) if gap is not None else 0.0,
        math.log(story.size),
    ]


def _stream(reports) -> list[ReportFeatures]:
    texts = _texts(reports)[:-1]
    rng = random.Random(5)
    articles = []
    for k in range(60):
        picked = rng.sample(texts, 2)
        text = " ".join(s[: rng.randrange(20, 400)] for s in picked)
        day = date(2021, 3, 1 + k % 20) if k % 7 else None
        articles.append(Article(id=str(k), text=text, origin="t", published=day, title=picked[0][:30]))
    return [report_features(a) for a in articles]


def test_pair_features_and_candidates_match_the_plain_computation(reports) -> None:
    state = StreamState(settings=OnlineSettings(max_candidates=3, recent_members=2))
    for report in _stream(reports):
        state.advance(report)
        candidates = state.candidates(report)
        shared = Counter(label for key in report.keys for label in state.postings.get(key, ()))
        ranked = sorted(shared.items(), key=lambda item: (-item[1], -item[0]))[:3]
        assert [story.label for story in candidates] == [label for label, _ in ranked]
        rows = pair_feature_rows(report, candidates)
        for story, row in zip(candidates, rows, strict=True):
            assert row == pytest.approx(_plain_row(report, story), rel=1e-12, abs=1e-12)
            assert pair_features(report, story) == row
        if candidates and len(state.stories) % 2:
            state.join(report, candidates[0])
        else:
            state.open_story(report)
    for story in state.stories.values():
        for kind in range(len(KINDS)):
            norm = sum(v * v for v in story.sums[kind].values())
            assert story.squared_norms[kind] == pytest.approx(norm, rel=1e-9, abs=1e-12)


def _plain_assign(state: StreamState, report: ReportFeatures, model) -> tuple[int, bool, tuple[int, ...]]:
    """The assignment step before candidates were pruned by a bound: every candidate scored in full."""
    state.advance(report)
    candidates = state.candidates(report)
    if candidates:
        probabilities = model.probabilities(np.array([pair_features(report, s) for s in candidates]))
        best = int(np.argmax(probabilities))
        if probabilities[best] >= model.join_threshold:
            story = candidates[best]
            state.join(report, story)
            merged = []
            for k in np.argsort(-probabilities, kind="stable"):
                if k != best and probabilities[k] >= model.merge_threshold:
                    merged.append(candidates[k].label)
                    state.merge(story, candidates[k])
            return story.label, False, tuple(merged)
    return state.open_story(report).label, True, ()


@pytest.mark.parametrize(("join", "merge"), [(0.5, 0.95), (0.2, 0.3), (0.05, 0.04), (0.6, 1.0)])
def test_pruned_assignment_matches_scoring_every_candidate(reports, join, merge) -> None:
    model = default_join_model().with_thresholds(join=join, merge=merge)
    fast, plain = StreamState(), StreamState()
    for report in _stream(reports) * 2:
        result = assign(fast, report, model)
        assert (result.label, result.opened, result.merged) == _plain_assign(plain, report, model)
    assert fast.snapshot() == plain.snapshot()


def test_probability_bound_is_never_below_the_probability(reports) -> None:
    model = default_join_model()
    state = StreamState()
    columns = (FEATURE_NAMES.index("centroid_words"), FEATURE_NAMES.index("closest_words"))
    for report in _stream(reports):
        candidates = state.candidates(report)
        if candidates:
            rows = np.array([pair_features(report, s) for s in candidates])
            assert np.all(model.upper_probabilities(rows, columns) >= model.probabilities(rows))
        state.open_story(report)
