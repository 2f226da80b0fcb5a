"""Reports that read alike but are years apart are different events; unknown dates are no evidence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest

from storyweave.cluster import DateDiscount, OnlineClusterer, TfidfTimeClusterer, cluster_articles
from storyweave.model import Article, content_id

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "data" / "seeds"


def test_same_topic_years_apart_form_two_stories(reports) -> None:
    march = reports.article(reports.harbour_flight, published=date(2021, 3, 8))
    august = reports.article(reports.desert_flight, published=date(2018, 8, 23))
    stories = cluster_articles([march, august])
    assert sorted(len(s) for s in stories) == [1, 1]


def test_same_pair_undated_reads_as_one_story(reports) -> None:
    """Guards the test above: without dates the pair is similar enough to join, so time did the work."""
    stories = cluster_articles(
        [reports.article(reports.harbour_flight), reports.article(reports.desert_flight)]
    )
    assert [len(s) for s in stories] == [2]


def test_one_unknown_date_is_not_discounted(reports) -> None:
    stories = cluster_articles(
        [
            reports.article(reports.harbour_flight, published=date(2021, 3, 8)),
            reports.article(reports.desert_flight),
        ]
    )
    assert [len(s) for s in stories] == [2]


def test_follow_up_within_days_stays_in_the_story(reports) -> None:
    stories = cluster_articles(
        [
            reports.article(reports.harbour_flight, published=date(2021, 3, 8)),
            reports.article(reports.desert_flight, published=date(2021, 3, 12)),
        ]
    )
    assert [len(s) for s in stories] == [2]


def test_discount_is_one_inside_grace_and_falls_after() -> None:
    articles = [
        Article(id=str(k), text="x", origin="t", published=d)
        for k, d in enumerate([date(2020, 1, 1), date(2020, 1, 5), date(2020, 3, 1), None])
    ]
    discount = DateDiscount(grace_days=7, decay_days=30).for_articles(articles)
    factors = discount(np.array([0, 0, 0]), np.array([1, 2, 3]))
    assert factors[0] == 1.0
    assert factors[1] == pytest.approx(np.exp(-(60 - 7) / 30))
    assert factors[2] == 1.0


def test_discount_rejects_nonsense_settings() -> None:
    with pytest.raises(ValueError, match="decay_days"):
        DateDiscount(decay_days=0)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/data/seeds not present in this checkout")
def test_real_seed_reports_form_two_stories() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    dates = [date(2017, 3, 8), date(2014, 8, 23)]
    articles = [
        Article(id=content_id(t), text=t, origin="seed", published=d)
        for t, d in zip(texts, dates, strict=True)
    ]
    for clusterer in (OnlineClusterer(), TfidfTimeClusterer()):
        assert clusterer.fit_predict(articles) == [0, 1], clusterer.name
