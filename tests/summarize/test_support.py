from __future__ import annotations

from datetime import date

import pytest

from storyweave.summarize import build_group, summarize
from storyweave.summarize._support import numbers_agree, supporting_documents


def _row_of(group, fragment: str) -> int:
    (row,) = [row for row in group.candidate_rows if fragment in group.texts[row]]
    return int(row)


def test_paraphrase_in_another_report_is_cited(ferry_reports):
    group = build_group(ferry_reports)
    halted = _row_of(group, "suspended all crossings")
    # The Courier says the same thing in other words: "has halted every crossing until ... finished".
    assert supporting_documents(group, halted) == (0, 1)


def test_unrelated_report_never_supports(ferry_reports, bake_sale):
    documents = [*ferry_reports, bake_sale]
    for extract in summarize(documents, words=1000):
        if extract.document != 3:
            assert 3 not in extract.support
        else:
            assert extract.support == (3,)


def test_a_fact_told_only_once_cites_only_its_source(ferry_reports):
    group = build_group(ferry_reports)
    assert supporting_documents(group, _row_of(group, "notoriously strong")) == (1,)


def test_contradicting_numbers_do_not_support(ferry_reports):
    group = build_group(ferry_reports)
    rescued_48 = _row_of(group, "Coast guard crews rescued all 48")
    # The Herald's "Rescuers pulled 51 people" is about the same rescue but states another figure.
    assert 2 not in supporting_documents(group, rescued_48)


def test_every_summary_sentence_cites_its_source_and_the_paraphrases(ferry_reports):
    extracts = summarize(ferry_reports, words=1000)
    assert all(extract.document in extract.support for extract in extracts)
    assert any(len(extract.support) >= 2 for extract in extracts)


def test_non_candidate_rows_are_refused(ferry_reports):
    group = build_group(ferry_reports)
    heading = next(row for row in range(len(group)) if not group.candidate[row])
    with pytest.raises(ValueError, match="not a candidate"):
        supporting_documents(group, heading)


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        ("12 people died.", "Twelve people died.", True),
        ("12 people died and 3 were hurt.", "12 people died.", True),
        ("12 people died.", "15 people died.", False),
        ("It cost 1,200 dollars.", "It cost 1200 dollars.", True),
        ("Dozens died on 4 May.", "Officials gave 30 dead on 5 May.", False),
        ("Twenty-eight-year-old Ann Lee was charged.", "Ann Lee, 29, was charged.", False),
        ("Twenty-eight-year-old Ann Lee was charged.", "Ann Lee, 28, was charged.", True),
        ("One of the 12 victims was a child.", "12 people died.", True),
        ("It began two weeks ago.", "It began on April 7.", True),
        ("Two hundred people were evacuated.", "200 people were evacuated.", True),
    ],
)
def test_numbers_agree(first, second, agree):
    assert numbers_agree(first, second) is agree
    assert numbers_agree(second, first) is agree


_KILLED = (
    "Twelve people were killed when the ferry Sallow Tern capsized on Lake Orrin on Saturday, rescue "
    "services said on Monday."
)
_COUPLE = (
    "A Kellhaven couple were among those killed when the ferry Sallow Tern capsized on Lake Orrin on "
    "Saturday, their family confirmed."
)


def test_a_report_that_never_names_the_sentences_subject_does_not_back_it():
    group = build_group([_KILLED, _COUPLE])
    couple = _row_of(group, "Kellhaven couple")
    assert group.similarity[list(group.candidate_rows).index(couple)][_row_of(group, "Twelve")] >= 0.45
    assert supporting_documents(group, couple) == (1,)
    # The other way round the general sentence names nothing the couple's report leaves out.
    assert supporting_documents(group, _row_of(group, "Twelve")) == (0, 1)


def test_a_speaker_named_only_by_one_report_does_not_block_support():
    group = build_group(
        [
            "The ferry Sallow Tern capsized in a squall on Lake Orrin on Saturday evening, spokeswoman "
            "Tamsin Corve told Northshore Radio.",
            "The ferry Sallow Tern capsized in a squall on Lake Orrin on Saturday evening, according to "
            "the Valley Wire.",
        ]
    )
    assert supporting_documents(group, _row_of(group, "Corve")) == (0, 1)


def test_a_report_written_before_the_day_a_sentence_names_cannot_back_it():
    earlier = (
        "Fire investigators believe a lightning strike may have started the blaze that destroyed the "
        "furniture warehouse in Tessfield late on Sunday, the fire service said."
    )
    later = (
        "Fire investigators believe a lightning strike probably started the blaze that destroyed the "
        "furniture warehouse in Tessfield late on Sunday, the fire service said on Tuesday."
    )
    group = build_group([earlier, later])
    row = _row_of(group, "on Tuesday")
    assert supporting_documents(group, row) == (0, 1)  # no dates: the words alone decide
    published = [date(2026, 5, 18), date(2026, 5, 19)]  # a Monday and a Tuesday
    assert supporting_documents(group, row, dates=published) == (1,)
    # A day still ahead of both reports ("will meet on Friday") bars neither.
    ahead = [s.replace("said on Tuesday", "will say more on Friday") for s in (earlier, later)]
    group = build_group(ahead)
    assert supporting_documents(group, _row_of(group, "on Friday"), dates=published) == (0, 1)
