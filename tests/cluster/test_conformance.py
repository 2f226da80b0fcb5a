"""Every registered clusterer honours the protocol's contract."""

from __future__ import annotations

import pytest

from storyweave.cluster import Clusterer, available_clusterers, get_clusterer


@pytest.fixture(params=available_clusterers())
def clusterer(request: pytest.FixtureRequest) -> Clusterer:
    return get_clusterer(request.param)


def test_registry_holds_the_default_and_the_baseline() -> None:
    assert {"online", "tfidf-time", "tfidf-agglomerative"} <= set(available_clusterers())


def test_is_a_clusterer(clusterer: Clusterer) -> None:
    assert isinstance(clusterer, Clusterer)
    assert clusterer.name in available_clusterers()


def test_empty_input_gives_no_labels(clusterer: Clusterer) -> None:
    assert clusterer.fit_predict([]) == []


def test_single_article_gets_label_zero(clusterer: Clusterer, reports) -> None:
    assert clusterer.fit_predict([reports.article(reports.bakery_strike)]) == [0]


def test_one_label_per_article_canonical_and_deterministic(clusterer: Clusterer, reports) -> None:
    articles = [
        reports.article(reports.bakery_strike),
        reports.article(reports.comet_sighting),
        reports.article(reports.harbour_flight),
        reports.article(reports.bakery_strike + " A spokesman declined to comment."),
    ]
    first = clusterer.fit_predict(articles)
    assert len(first) == len(articles)
    assert first[0] == 0
    assert sorted(set(first)) == list(range(len(set(first))))
    assert clusterer.fit_predict(articles) == first
    assert get_clusterer(clusterer.name).fit_predict(articles) == first


def test_identical_articles_together_different_ones_apart(clusterer: Clusterer, reports) -> None:
    strike, comet = reports.article(reports.bakery_strike), reports.article(reports.comet_sighting)
    labels = clusterer.fit_predict([strike, comet, strike, comet])
    assert labels[0] == labels[2]
    assert labels[1] == labels[3]
    assert labels[0] != labels[1]


def test_articles_without_words_do_not_crash(clusterer: Clusterer, reports) -> None:
    labels = clusterer.fit_predict([reports.article("..."), reports.article("— !"), reports.article("")])
    assert len(labels) == 3


def test_unknown_name_says_which_names_exist() -> None:
    with pytest.raises(ValueError, match="tfidf-time"):
        get_clusterer("no-such-clusterer")
