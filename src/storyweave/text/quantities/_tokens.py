"""Tokens with character offsets: figures, words and single punctuation marks.

Offsets are kept on every token so a quantity's span is exact in the original text, and so the grammar
can tell "forty-five" (hyphen touching both words) from "forty - five" and "F-16" from "16".
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Token", "adjacent", "tokenize"]

_TOKEN = re.compile(r"US\$|\d+(?:,\d{3})+(?:\.\d+)?(?![\d,]*\d)|\d+(?:\.\d+)?|[^\W\d_]+|\S")


class Token(NamedTuple):
    """One token: its text, lower-cased text, offsets, and whether it is a figure written in digits."""

    text: str
    low: str
    start: int
    end: int
    is_figure: bool


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """All tokens of ``text`` in order, offsets shifted by ``offset`` (where ``text`` begins in a report)."""
    return [
        Token(m.group(), m.group().lower(), m.start() + offset, m.end() + offset, m.group()[0].isdecimal())
        for m in _TOKEN.finditer(text)
    ]


def adjacent(left: Token, right: Token) -> bool:
    """True when nothing, not even a space, separates the two tokens."""
    return left.end == right.start
