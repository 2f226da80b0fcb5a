"""Sentence splitting on news conventions: abbreviations, datelines, quotes, numbers, initials."""

from __future__ import annotations

import time

import pytest

from storyweave.text.sentences import is_whole_quotation, quotation_states, sentence_spans, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Army said on Monday it had moved north. Officials agreed.",
            ["The U.S. Army said on Monday it had moved north.", "Officials agreed."],
        ),
        (
            "Lt. Gen. Mara Dunn landed in Washington, D.C. on Tuesday. She left on Friday.",
            ["Lt. Gen. Mara Dunn landed in Washington, D.C. on Tuesday.", "She left on Friday."],
        ),
        (
            '"We will not leave," the mayor said. "Never." The crowd cheered.',
            ['"We will not leave," the mayor said.', '"Never."', "The crowd cheered."],
        ),
        ("“I am done.” He left the hall.", ["“I am done.”", "He left the hall."]),
        (
            "BAGHDAD (Reuters) - Troops advanced along the river on Sunday. Fighting went on.",
            ["BAGHDAD (Reuters) - Troops advanced along the river on Sunday.", "Fighting went on."],
        ),
        (
            "Fuel rose 3.5 percent in May. Bread rose 12.25 percent.",
            ["Fuel rose 3.5 percent in May.", "Bread rose 12.25 percent."],
        ),
        ("He paused... Then he walked away.", ["He paused...", "Then he walked away."]),
        (
            "A novel by J. R. R. Tolkien topped the list. Critics agreed.",
            ["A novel by J. R. R. Tolkien topped the list.", "Critics agreed."],
        ),
    ],
)
def test_news_conventions(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_line_breaks_are_hard_boundaries() -> None:
    assert split_sentences("A caption without a full stop\nThe story starts here.") == [
        "A caption without a full stop",
        "The story starts here.",
    ]


def test_spans_index_the_original_text() -> None:
    text = "  First one here.  Second one, in May. Third.\n\nFourth line"
    spans = list(sentence_spans(text))
    assert [text[s:e] for s, e in spans] == split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "First one here.",
        "Second one, in May.",
        "Third.",
        "Fourth line",
    ]


def test_blank_text_has_no_sentences() -> None:
    assert split_sentences(" \n\n \t") == []


@pytest.mark.parametrize(
    ("sentence", "whole"),
    [
        ('"The whole town is holding its breath."', True),
        ("“They killed my baby.” ", True),
        ('"We stay," the mayor said.', False),
        ('He said: "We stay."', False),
        ('"One," she said, "two."', False),
    ],
)
def test_a_sentence_that_is_one_quotation_and_nothing_else(sentence: str, whole: bool) -> None:
    assert is_whole_quotation(sentence) is whole


def test_quotation_states_follow_a_quotation_over_sentences_and_paragraphs() -> None:
    text = (
        '"What now?" he added. "They sold the herd. They sold the land.\n'
        '"And I wondered why." The county said "no" and left. \u201cWe stay,\u201d she said.'
    )
    spans = list(sentence_spans(text))
    states = quotation_states(text, spans)
    shown = [
        (text[a:b].strip('"\u201c ')[:12], inside) for (a, b), (inside, _) in zip(spans, states, strict=True)
    ]
    assert shown == [
        ('What now?" h', False),
        ("They sold th", True),
        ("They sold th", True),
        ("And I wonder", True),
        ("The county s", False),
        ("We stay,\u201d sh", False),
    ]
    assert [still_open for _, still_open in states] == [True, True, True, False, False, False]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He was last seen around 2:30 p.m. Friday afternoon. Police searched the woods.",
            ["He was last seen around 2:30 p.m. Friday afternoon.", "Police searched the woods."],
        ),
        ("The shooting happened at 3:28 a.m. Tuesday near the bar.", None),
        ("It started at 9 a.m. EST on Monday.", None),
        (
            "The polls closed at 8 p.m. Tuesday's vote was calm.",
            ["The polls closed at 8 p.m.", "Tuesday's vote was calm."],
        ),
        (
            "He was admitted at 4 p.m. CT scans showed a bleed.",
            ["He was admitted at 4 p.m.", "CT scans showed a bleed."],
        ),
        (
            "The meeting ends at 5 p.m. The council then votes.",
            ["The meeting ends at 5 p.m.", "The council then votes."],
        ),
    ],
)
def test_a_clock_time_that_goes_on_does_not_end_the_sentence(text: str, expected: list[str] | None) -> None:
    assert split_sentences(text) == (expected if expected is not None else [text])


def test_quotation_states_of_empty_spans_and_unclosed_marks() -> None:
    assert quotation_states("", [(0, 0)]) == [(False, False)]
    text = 'Repairs began beside the 36" water main. Crews will work all night.'
    assert quotation_states(text, list(sentence_spans(text))) == [(False, False), (False, False)]


def test_joining_at_clock_times_stays_linear() -> None:
    text = "at 1 p.m. Friday " * 20000
    started = time.perf_counter()
    split_sentences(text)
    assert time.perf_counter() - started < 20  # quadratic joining took over a minute
