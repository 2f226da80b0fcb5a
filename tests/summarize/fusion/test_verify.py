from __future__ import annotations

import pytest

from storyweave.summarize.fusion import check_support

SOURCES = [
    "A passenger ferry carrying 48 people sank near Lantern Point on Tuesday evening after striking a rock.",
    'Harbour master Ilse Drummond said the rock had been marked on charts for "more than forty years".',
    "The operator didn't say when crossings would resume.",
]


@pytest.mark.parametrize(
    "sentence",
    [
        "A ferry carrying 48 people sank near Lantern Point on Tuesday evening after striking a rock.",
        "Lantern Point: a passenger ferry carrying 48 people sank on Tuesday evening after striking a rock.",
        'Harbour master Ilse Drummond said the rock had been marked on charts for "more than forty years".',
        "The operator did not say when crossings would resume.",
    ],
)
def test_faithful_rewrites_are_kept(sentence: str) -> None:
    assert check_support(sentence, SOURCES).supported


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("A ferry carrying 51 people sank near Lantern Point on Tuesday evening.", "number 51"),
        ("A ferry sank near Lantern Point, Coast Guard officials said on Tuesday evening.", "'Coast'"),
        ('Drummond said the rock was "never marked" on charts.', "quotation"),
        ("The ferry did not sink near Lantern Point on Tuesday evening.", "negates"),
        ("Storms battered the coast and flooded three harbour towns overnight.", "of its words"),
        ("", "empty"),
    ],
)
def test_unsupported_rewrites_are_refused_with_a_reason(sentence: str, reason: str) -> None:
    verdict = check_support(sentence, SOURCES)
    assert not verdict.supported
    assert reason in verdict.reason


def test_a_sentence_citing_nothing_is_refused() -> None:
    verdict = check_support("A ferry sank near Lantern Point.", [])
    assert not verdict.supported and "cites no source" in verdict.reason


def test_numbers_compare_without_thousands_separators() -> None:
    assert check_support("Some 1200 people were moved.", ["Some 1,200 people were moved."]).supported


def test_a_name_opening_the_sentence_is_still_checked_when_it_is_not_first() -> None:
    # "Brannock" is not in the source: only the very first word gets the capital-letter pass.
    verdict = check_support("the ferry left Brannock at six.", ["The ferry left at six."])
    assert not verdict.supported and "Brannock" in verdict.reason


def test_a_rewrite_that_drops_its_sources_negation_is_refused() -> None:
    verdict = check_support("The operator said when crossings would resume.", SOURCES)
    assert not verdict.supported and "drops a negation" in verdict.reason


def test_a_negation_is_only_backed_by_a_source_negating_the_same_thing() -> None:
    # SOURCES[2] negates "say when crossings resume", not the sinking.
    verdict = check_support("The ferry didn't sink near Lantern Point on Tuesday evening.", SOURCES)
    assert not verdict.supported and "negates" in verdict.reason
