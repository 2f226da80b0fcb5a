"""Scare quotes: the writer's distance from a word ('the "caliph"', '"conditions"'), not anyone's speech.

A quotation is a scare quote when it is short (one to three words), sits inside the writer's sentence as a
noun phrase, and is not introduced as speech: no colon or comma before it (``said, "..."``) and no
reporting verb right before it (``called it "a disaster"`` is a partial quote of someone's words). Such a
quote names no source and carries no claim of its own, so the claim layer must not turn it into one.
"""

from __future__ import annotations

import re

from storyweave.claims.stated._lexicon import words

__all__ = ["MAX_SCARE_WORDS", "scare_quotes", "without_scare_quotes"]

MAX_SCARE_WORDS = 3
_QUOTATION = re.compile(r"“([^”\n]{1,60})”|\"([^\"\n]{1,60})\"|‘([^’\n]{1,60})’(?!\w)")
_INTRODUCED = re.compile(r"[,:]\s*$")
# Verbs that make a short quotation someone's words ("called it “a disaster”", "said “no”").
_SPEECH_VERB = re.compile(
    r"(?:s[ae]ys?|said|saying|told|call(?:s|ed|ing)?|dubb(?:ed|ing)|term(?:s|ed)|describ(?:es|ed|ing)|"
    r"label(?:l?ed|s)|brand(?:s|ed)|nam(?:ed|ing)|wr(?:ote|ites)|tweeted|shout(?:s|ed)|chant(?:s|ed))",
    re.IGNORECASE,
)


def scare_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of every scare quote in ``text``, quotation marks included."""
    found: list[tuple[int, int]] = []
    for match in _QUOTATION.finditer(text):
        inner = next(group for group in match.groups() if group is not None)
        if not 1 <= len(words(inner)) <= MAX_SCARE_WORDS:
            continue
        before = text[max(0, match.start() - 40) : match.start()]
        if _INTRODUCED.search(before):
            continue
        preceding = words(before)[-2:]
        if any(_SPEECH_VERB.fullmatch(word) for word in preceding):
            continue
        found.append((match.start(), match.end()))
    return found


def without_scare_quotes(text: str, start: int, end: int, scares: list[tuple[int, int]]) -> str:
    """``text[start:end]`` without the scare quotes inside it: the claim's own wording."""
    pieces: list[str] = []
    cursor = start
    for s, e in scares:
        if s >= cursor and e <= end:
            pieces.append(text[cursor:s])
            cursor = e
    pieces.append(text[cursor:end])
    return " ".join(pieces)
