"""Tokens with character offsets and quotation state, the unit both taggers label.

Offsets are kept because every role comes back as a ``Span`` into the article text. Quotation state is
computed over the whole article, not per sentence, because a quotation often runs across sentence breaks
and whether a word sits inside quotation marks is the strongest single clue to what is content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyweave.text.sentences import sentence_spans

__all__ = ["Token", "sentences_of", "tokenize"]

# Words keep inner apostrophes, hyphens and dots ("don’t", "U.S.", "al-Atta"); every other visible
# character is a token of its own so quotation marks and colons can be seen by the taggers.
_TOKEN = re.compile(r"[^\W_]+(?:[’'.\-][^\W_]+)*\.?|[^\w\s]|_", re.UNICODE)
_OPENING = frozenset("“‘«")
_CLOSING = frozenset("”’»")
_STRAIGHT = '"'
# A sentence-final dot is glued to abbreviation-like words only ("U.S.", "Gen."), not to ordinary words.
_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?|[A-Z][a-z]{0,3}\.")


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its text, offsets into the article, and whether it lies inside quotation marks."""

    text: str
    start: int
    end: int
    quoted: bool


def _split_trailing_dot(match: re.Match[str]) -> list[tuple[str, int, int]]:
    text, start, end = match.group(), match.start(), match.end()
    if len(text) > 1 and text.endswith(".") and not _ABBREVIATION.fullmatch(text):
        return [(text[:-1], start, end - 1), (".", end - 1, end)]
    return [(text, start, end)]


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]``; quotation state is tracked from ``start`` on.

    A straight double quote toggles the state; curly quotes open and close it. A right single quote
    inside a word is an apostrophe, so ``’`` closes a quotation only when it stands alone after a word.
    """
    stop = len(text) if end is None else end
    tokens: list[Token] = []
    inside = False
    for match in _TOKEN.finditer(text, start, stop):
        for piece, s, e in _split_trailing_dot(match):
            if piece == _STRAIGHT:
                inside = not inside
                tokens.append(Token(piece, s, e, True))
                continue
            if piece in _OPENING and not (piece == "‘" and inside):
                inside = True
                tokens.append(Token(piece, s, e, True))
                continue
            if piece in _CLOSING and inside:
                tokens.append(Token(piece, s, e, True))
                inside = False
                continue
            tokens.append(Token(piece, s, e, inside))
    return tokens


def sentences_of(text: str) -> list[list[Token]]:
    """The article's tokens grouped by sentence, with quotation state carried across sentences.

    Quotation state is reset at each paragraph (line) break: an unbalanced quote in one paragraph must
    not turn the rest of the article into "quoted" text.
    """
    tokens: list[Token] = []
    for line in re.finditer(r"[^\n]+", text):
        tokens.extend(tokenize(text, line.start(), line.end()))
    groups: list[list[Token]] = []
    cursor = 0
    for s, e in sentence_spans(text):
        while cursor < len(tokens) and tokens[cursor].end <= s:
            cursor += 1
        first = cursor
        while cursor < len(tokens) and tokens[cursor].start < e:
            cursor += 1
        if cursor > first:
            groups.append(tokens[first:cursor])
    return groups
