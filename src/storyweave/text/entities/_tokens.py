"""Tokens with offsets and sentence-initial flags, and the corpus counts that tell names from words.

Capitalisation is the only name signal without a tagger, and it lies at the start of a sentence and on
title-case lines. So every token records whether it opens a sentence, and ``WordCounts`` gathers, over all
reports of a story, which words also occur in lower case (ordinary words) and which occur capitalised
mid-sentence (names).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

__all__ = ["Token", "WordCounts", "is_name_shaped", "possessive_base", "tokenize"]

_ABBREVIATIONS = (
    "Lt|Gen|Col|Maj|Capt|Sgt|Adm|Cpl|Pvt|Brig|Cmdr|Lieut|Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Rev|Amb|Hon|Jr|Sr|St"
)
_TOKEN = re.compile(
    rf"(?=[A-Z])(?:(?:[A-Z]\.){{2,}}|(?:{_ABBREVIATIONS})\.)|[^\W\d_](?:[\w’'ʿʾ‘\-]*[^\W_])?|\d[\d,.]*\d|\d|\S"
)
# Tokens after which the next word opens a sentence; an opening curly quote starts quoted speech.
_BREAKS = frozenset({".", "!", "?", ":", "…", "“"})
_LINE_BREAK = re.compile(r"\n")
_START = attrgetter("start")
_new = tuple.__new__
_HEADLINE_WORDS = (4, 40)  # longer lines are prose paragraphs, however many names they hold
_ASCII_CAPITALISED = re.compile(r"(?<!\S)[A-Z]")
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
    """Per line: four to forty words, most of them capitalised (headlines and captions, not prose)."""
    flags = []
    for line in lines:
        words = line.split()
        if not _HEADLINE_WORDS[0] <= len(words) <= _HEADLINE_WORDS[1]:
            flags.append(False)
        elif line.isascii():  # the common case, counted in C
            flags.append(len(_ASCII_CAPITALISED.findall(line)) >= 0.6 * len(words))
        else:
            flags.append(sum(w[0].isupper() for w in words) >= 0.6 * len(words))
    return flags


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text``; ``initial`` is set after a sentence end, a line break, or on title-case lines.

    Built by one regex pass in a comprehension, with no per-token Python loop (every report passes
    through here); then a short walk from each of the few sentence and line openings sets ``initial``.
    Headline lines, rare in prose, are marked afterwards.
    """
    tokens = [_new(Token, (m.group(), m.start(), m.end(), False)) for m in _TOKEN.finditer(text)]
    if not tokens:
        return tokens
    openings = [k + 1 for k, token in enumerate(tokens) if token[0] in _BREAKS]
    if "\n" in text:
        openings += [bisect_left(tokens, m.start(), key=_START) for m in _LINE_BREAK.finditer(text)]
    count = len(tokens)
    for j in (0, *openings):
        while j < count and not tokens[j][3]:
            word, start, end, _ = tokens[j]
            tokens[j] = _new(Token, (word, start, end, True))
            if word not in _OPENERS or word in _BREAKS:
                break
            j += 1
    if "\n" in text:
        _mark_headlines(text, tokens)
    return tokens


def _mark_headlines(text: str, tokens: list[Token]) -> None:
    """Set ``initial`` on every token of a title-case line (headlines and captions, not prose)."""
    lines = text.split("\n")
    flags = _title_case_lines(lines)
    if not any(flags):
        return
    starts = [t.start for t in tokens]
    position = 0
    for line, flag in zip(lines, flags, strict=True):
        if flag:
            first, last = bisect_left(starts, position), bisect_left(starts, position + len(line))
            for k in range(first, last):
                tokens[k] = tokens[k]._replace(initial=True)
        position += len(line) + 1


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
        texts = [t.text for t in sequence]
        lower = {w for w in texts if w.islower()}
        self.lower.update(possessive_base(w) if w.endswith(("’s", "'s")) else w for w in lower)
        texts.append(".")
        for index in [k for k, text in enumerate(texts) if not text.islower() and text[0].isalpha()]:
            if index == len(sequence):
                break
            token = sequence[index]
            text = token.text
            word = possessive_base(text)
            if not is_name_shaped(word):
                continue
            if not token.initial:
                self.capital_mid.add(word)
            following = texts[index + 1]
            follower = following.lower()
            if word != text or not following[0].isalpha() or follower in noun_followers:
                if follower not in ("and", "or"):
                    self.nominal.add(word)
            elif follower.endswith("ed") and len(follower) > 4:
                self.nominal.add(word)

    def ordinary_word(self, word: str) -> bool:
        """True when ``word`` is also written in lower case in these reports: not a name by itself."""
        return word.lower() in self.lower
