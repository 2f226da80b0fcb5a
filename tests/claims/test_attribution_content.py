"""Content that spans its own cue: kept only when it wraps the cue, else cut to the part after it."""

from __future__ import annotations

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
