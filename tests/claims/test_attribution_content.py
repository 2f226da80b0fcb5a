"""Content layout: content spanning its own cue is kept only when it wraps the cue, else cut to the part
after it; with no content tagged, a cue followed only by "in a statement" or "on Tuesday" takes the clause
before its speaker."""

from __future__ import annotations

import pytest

from storyweave.claims import find_attributions
from storyweave.claims.attribution._content import content_range
from storyweave.claims.attribution._tokens import sentences_of


def _tokens(text: str) -> list:
    (tokens,) = sentences_of(text)
    return tokens


def _at(tokens: list, word: str) -> int:
    return next(i for i, t in enumerate(tokens) if t.text == word)


def _labels(tokens: list, content: range) -> list[str]:
    return ["I-CON" if i in content else "O" for i in range(len(tokens))]


def test_a_speaker_inside_the_tagged_content_is_cut_off() -> None:
    tokens = _tokens("The fire service had earlier said a security guard was unaccounted for.")
    said = _at(tokens, "said")
    first, last = content_range(_labels(tokens, range(0, len(tokens) - 1)), tokens, (said - 2, said + 1))
    assert " ".join(t.text for t in tokens[first:last]) == "a security guard was unaccounted for"


def test_content_wrapped_around_its_cue_stays_whole() -> None:
    tokens = _tokens("The plan, he said on Monday, would cost the city millions.")
    said = _at(tokens, "said")
    labels = _labels(tokens, range(0, len(tokens) - 1))
    assert content_range(labels, tokens, (said, said + 1)) == (0, len(tokens) - 1)
    quoted = _tokens("\u201cWe stay,\u201d he said, \u201cand fight.\u201d")
    said = _at(quoted, "said")
    whole = content_range(_labels(quoted, range(0, len(quoted))), quoted, (said, said + 1))
    assert whole[0] == 0


def _speaker_labels(tokens: list, speaker: str) -> list[str]:
    """No content tagged, only the speaker (the tagger's answer on short trailing attributions)."""
    words = speaker.split()
    first = next(i for i in range(len(tokens)) if [t.text for t in tokens[i : i + len(words)]] == words)
    return ["I-SRC" if first <= i < first + len(words) else "O" for i in range(len(tokens))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices will rise, the company said in a statement.", "Prices will rise"),
        ("Prices will rise, the company said on Tuesday.", "Prices will rise"),
        ("Prices will rise, the company said at a news conference in the capital.", "Prices will rise"),
        ("Prices will rise, the company said.", "Prices will rise"),
        # After the cue comes a clause, not a place or a time: that is what was said.
        ("The company said on Tuesday that prices will rise.", "on Tuesday that prices will rise"),
        ("Separately, the company said on Tuesday prices rose sharply.", "on Tuesday prices rose sharply"),
        (
            "In Paris, the company said in a statement they arrested two men.",
            "in a statement they arrested two men",
        ),
        ("The company said prices will rise.", "prices will rise"),
    ],
)
def test_untagged_content_is_the_clause_before_a_speaker_with_only_an_adjunct(
    text: str, expected: str
) -> None:
    tokens = _tokens(text)
    said = _at(tokens, "said")
    labels = _speaker_labels(tokens, "the company" if "the company" in text else "The company")
    first, last = content_range(labels, tokens, (said, said + 1))
    assert " ".join(t.text for t in tokens[first:last]) == expected


def test_the_whole_pipeline_takes_the_clause_before_a_trailing_speaker() -> None:
    text = (
        "The fire started at about 10:50 p.m. on Tuesday in a storage building operated by Orrel Freight "
        "Co., the Ardmoor Fire and Rescue Service said in a statement."
    )
    (found,) = find_attributions(text)
    assert found.source is not None and found.source.text == "the Ardmoor Fire and Rescue Service"
    assert found.content.text.startswith("The fire started at about 10:50 p.m.")


def test_the_comma_inside_a_number_sets_no_speaker_off() -> None:
    tokens = _tokens("Caddow & Lyle, a family firm, said about 3,000 pieces of furniture had been lost.")
    said = _at(tokens, "said")
    content = [i for i in range(len(tokens) - 1) if i != said]
    first, last = content_range(_labels(tokens, content), tokens, (said, said + 1))
    assert " ".join(t.text for t in tokens[first:last]) == "about 3 , 000 pieces of furniture had been lost"
