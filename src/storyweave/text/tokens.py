"""Word tokens for similarity features: lower-cased, stemmed where cheap, stop words kept separately.

Shared by dedupe, clustering and ranking so that "the same words" means the same thing everywhere.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

__all__ = ["STOP_WORDS", "content_words", "stem", "words"]

STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "say", "mr", "ms", "mrs", "also", "would"}
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_SUFFIXES = ("ingly", "edly", "ing", "ed", "es", "s", "ly")


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits; apostrophes inside words kept)."""
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light suffix stripper: enough to match "killed"/"kills"/"killing", cheap enough for every token."""
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    """Stemmed tokens without stop words: what similarity between sentences and reports is built on."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]
