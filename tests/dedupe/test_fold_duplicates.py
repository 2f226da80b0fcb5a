"""Near-duplicate folding keeps one report per group and credits every copy."""

from __future__ import annotations

from datetime import date

import pytest

from storyweave.dedupe import fold_duplicates
from storyweave.model import Article, content_id

WIRE = (
    "The city council of Brenmoor voted on Wednesday to close the old river bridge to cars from next month, "
    "after engineers found cracks in two of its five arches. Buses will be diverted over the new ring road, "
    "and cyclists and pedestrians may still cross while repairs go ahead. The mayor said the work would take "
    "at least eighteen months and cost about nine million, most of it paid by the regional government. "
    "Shop owners near the bridge said they feared losing customers during the closure."
)
REWRITE_OF_OTHER_EVENT = (
    "Farmers in the Tolland valley began the grape harvest two weeks early this year after a hot, dry "
    "summer, the growers' association said on Monday. Yields are expected to be lower but the quality "
    "high, and several estates have hired extra pickers from neighbouring towns to bring the fruit in "
    "before the rain."
)


def _article(text: str, published: date | None = None, source: str | None = None) -> Article:
    return Article(
        id=content_id(text), text=text, origin=source or "test", published=published, source=source
    )


def test_syndicated_copy_folds_into_the_earliest() -> None:
    original = _article(WIRE, date(2024, 5, 2), "wire")
    copy = _article("By Staff Reporter. " + WIRE + " Copyright the Daily Post.", date(2024, 5, 3), "post")
    other = _article(REWRITE_OF_OTHER_EVENT, date(2024, 5, 1), "farm")
    kept, folded = fold_duplicates([copy, other, original])
    assert kept == [other, original]  # input order of the kept ones
    assert folded == {original.id: [copy]}


def test_same_date_keeps_the_longest_and_undated_loses_to_dated() -> None:
    trimmed = _article(WIRE.rsplit(" Shop owners", 1)[0], date(2024, 5, 2))
    full = _article(WIRE, date(2024, 5, 2))
    kept, folded = fold_duplicates([trimmed, full])
    assert kept == [full] and folded == {full.id: [trimmed]}

    undated_full = _article(WIRE)
    kept, _ = fold_duplicates([undated_full, trimmed])
    assert kept == [trimmed]


def test_exact_same_id_folds_and_keeps_every_outlet() -> None:
    first, second = _article(WIRE, source="a"), _article(WIRE, source="b")
    kept, folded = fold_duplicates([first, second])
    assert kept == [first]
    assert folded == {first.id: [second]}


def test_different_reports_are_all_kept() -> None:
    articles = [_article(WIRE), _article(REWRITE_OF_OTHER_EVENT), _article("Short caption."), _article("")]
    kept, folded = fold_duplicates(articles)
    assert kept == articles and folded == {}


def test_lower_threshold_folds_looser_copies() -> None:
    base = _article(WIRE)
    first_three_sentences = ". ".join(WIRE.split(". ")[:3])
    rewritten_ending = _article(
        first_three_sentences + ". Traders on the bridge were not consulted, they said."
    )
    assert len(fold_duplicates([base, rewritten_ending], threshold=0.9)[0]) == 2
    assert len(fold_duplicates([base, rewritten_ending], threshold=0.5)[0]) == 1


def test_empty_input() -> None:
    assert fold_duplicates([]) == ([], {})


def test_threshold_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError, match="threshold"):
        fold_duplicates([], threshold=0.0)
