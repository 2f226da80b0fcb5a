from __future__ import annotations

import pytest

from storyweave.summarize._candidates import split_document


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("WASHINGTON (AP) — The council approved the budget.", "The council approved the budget."),
        ("LONDON (Reuters) - The council approved the budget.", "The council approved the budget."),
        ("NEW YORK, N.Y. — The council approved the budget.", "The council approved the budget."),
        ("(CNN)The council approved the budget.", "The council approved the budget."),
        (
            "The council - after a long debate - approved it.",
            "The council - after a long debate - approved it.",
        ),
    ],
)
def test_datelines_are_trimmed_and_offsets_follow(line, kept):
    (sentence,) = split_document(line)
    assert sentence.text == kept
    assert line[sentence.start : sentence.end] == kept


def test_word_offsets_count_the_words_before_each_sentence():
    sentences = split_document("One two three four.\nFive six.\nSeven eight nine.")
    assert [s.word_offset for s in sentences] == [0, 4, 6]
    assert [s.words for s in sentences] == [4, 2, 3]
