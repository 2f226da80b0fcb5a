from __future__ import annotations

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
    ],
)
def test_numbers_agree(first, second, agree):
    assert numbers_agree(first, second) is agree
    assert numbers_agree(second, first) is agree
