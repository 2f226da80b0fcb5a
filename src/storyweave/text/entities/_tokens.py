"""Tokens with offsets and sentence-initial flags, and the corpus counts that tell names from words.

Capitalisation is the only name signal without a tagger, and it lies at the start of a sentence and on
title-case lines. So every token records whether it opens a sentence, and ``WordCounts`` gathers, over all
reports of a story, which words also occur in lower case (ordinary words) and which occur capitalised
mid-sentence (names).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

__all__ = ["Token", "WordCounts", "is_name_shaped", "possessive_base", "tokenize"]

_ABBREVIATIONS = (
    "Lt|Gen|Col|Maj|Capt|Sgt|Adm|Cpl|Pvt|Brig|Cmdr|Lieut|Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Rev|Amb|Hon|Jr|Sr|St"
)
_TOKEN = re.compile(
    rf"(?:[A-Z]\.){{2,}}|(?:{_ABBREVIATIONS})\.|[^\W\d_](?:[\w’'ʿʾ‘\-]*[^\W_])?|\d[\d,.]*\d|\d|\S"
)
_BOUNDARY = frozenset({".", "!", "?", ":", "…"})
_OPENERS = frozenset({"“", '"', "‘", "'", "(", "[", "«", "—", "–", "-"})
_ARTICLE_NAME = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ath|adh)[-‑][A-Z]")
_POSSESSIVE = re.compile(r"[’']s$")


class Token(NamedTuple):
    """A token: its text, offsets, and whether it opens a sentence or sits on a title-case line."""

    text: str
    start: int
    end: int
    initial: bool


@lru_cache(maxsize=100_000)
def possessive_base(text: str) -> str:
    """ "Baghdadi’s" → "Baghdadi": the possessive ending is not part of a name."""
    return _POSSESSIVE.sub("", text) if len(text) > 3 else text


@lru_cache(maxsize=100_000)
def is_name_shaped(text: str) -> bool:
    """Capitalised ("Mosul", "ISIS", "U.S.") or a lower-case Arabic article before a capital ("al-Atta")."""
    if not text or not text[0].isalpha():
        return False
    if text[0].isupper():
        parts = text.split("-")
        return (len(text) > 1 or text == "I") and all(p[:1].isupper() for p in parts[1:])
    return bool(_ARTICLE_NAME.match(text))


def _title_case_lines(lines: list[str]) -> list[bool]:
    """Per line: four or more words, most of them capitalised (headlines and captions, not prose)."""
    flags = []
    for line in lines:
        words = line.split()
        flags.append(len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.6 * len(words))
    return flags


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text``; ``initial`` is set after a sentence end, a line break, or on title-case lines."""
    lines = text.split("\n")
    headline = _title_case_lines(lines)
    line_ends, position = [], 0
    for line in lines:
        position += len(line) + 1
        line_ends.append(position)
    tokens: list[Token] = []
    at_boundary, line = True, 0
    for match in _TOKEN.finditer(text):
        word, start = match.group(), match.start()
        if start >= line_ends[line]:
            line = bisect_right(line_ends, start)
            at_boundary = True
        tokens.append(Token(word, start, match.end(), at_boundary or headline[line]))
        if word in _BOUNDARY or word == "“":
            at_boundary = True  # an opening curly quote starts quoted speech: its first word is capitalised
        elif word not in _OPENERS:
            at_boundary = False
    return tokens


@dataclass(slots=True)
class WordCounts:
    """What all reports of a story say about each word's case, for telling names from sentence openers.

    ``lower``: words seen in lower case anywhere. ``capital_mid``: capitalised words seen inside a
    sentence. ``nominal``: capitalised words seen followed by a verb-like word, punctuation or the end,
    i.e. used as a noun ("Baghdadi has"), not only as an adjective ("Iraqi forces").
    """

    lower: set[str] = field(default_factory=set)
    capital_mid: set[str] = field(default_factory=set)
    nominal: set[str] = field(default_factory=set)

    def add(self, tokens: Iterable[Token], noun_followers: frozenset[str]) -> None:
        sequence = list(tokens)
        for index, token in enumerate(sequence):
            word = possessive_base(token.text)
            if word.islower():
                self.lower.add(word)
                continue
            if not is_name_shaped(word):
                continue
            if not token.initial:
                self.capital_mid.add(word)
            following = sequence[index + 1].text if index + 1 < len(sequence) else "."
            follower = following.lower()
            if word != token.text or not following[0].isalpha() or follower in noun_followers:
                if follower not in ("and", "or"):
                    self.nominal.add(word)
            elif follower.endswith("ed") and len(follower) > 4:
                self.nominal.add(word)

    def ordinary_word(self, word: str) -> bool:
        """True when ``word`` is also written in lower case in these reports: not a name by itself."""
        return word.lower() in self.lower
