"""The pipeline's entry point: every article in exactly one story, in a documented order."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from storyweave.cluster import TfidfAgglomerative, cluster_articles
from storyweave.model import Article


class _FixedLabels:
    """A stand-in clusterer that returns preset labels, to test ordering independently of similarity."""

    name = "fixed"

    def __init__(self, labels: list[int]) -> None:
        self.labels = labels

    def fit_predict(self, articles: Sequence[Article]) -> list[int]:
        return self.labels[: len(articles)]


def _dated(key: str, published: date | None) -> Article:
    return Article(id=key, text=key, origin="test", published=published)


def test_largest_first_then_most_recent_then_input_order() -> None:
    articles = [
        _dated("a", date(2020, 1, 1)),
        _dated("b", date(2021, 1, 1)),
        _dated("c", None),
        _dated("d", date(2020, 6, 1)),
        _dated("e", None),
    ]
    stories = cluster_articles(articles, _FixedLabels([0, 1, 2, 2, 3]))
    assert [[a.id for a in s] for s in stories] == [["c", "d"], ["b"], ["a"], ["e"]]


def test_accepts_a_name_an_instance_or_nothing(reports) -> None:
    articles = [reports.article(reports.bakery_strike), reports.article(reports.comet_sighting)]
    for clusterer in (None, "tfidf-agglomerative", TfidfAgglomerative(threshold=0.3)):
        stories = cluster_articles(articles, clusterer)
        assert sorted(a.id for s in stories for a in s) == sorted(a.id for a in articles)


def test_empty_input_gives_no_stories() -> None:
    assert cluster_articles([]) == []


def test_wrong_label_count_is_reported() -> None:
    with pytest.raises(RuntimeError, match="1 labels for 2 articles"):
        cluster_articles([_dated("a", None), _dated("b", None)], _FixedLabels([0]))


def test_rejects_something_that_is_not_a_clusterer() -> None:
    with pytest.raises(TypeError, match="fit_predict"):
        cluster_articles([], 42)  # type: ignore[arg-type]
