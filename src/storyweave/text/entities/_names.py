"""Comparable forms of a name: a normalised key, a consonant skeleton, and initials.

Reports spell the same name differently: case, hyphens, diacritics and transliteration marks
("Saʿiyd"), and the Arabic article in its assimilated forms ("al-Sharq", "ash-Sharq", "Asharq"). The key
removes what never distinguishes two names; the skeleton (consonants only) also absorbs vowel and
letter-order noise of transliteration, and is only trusted for long or multi-word names.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from storyweave.text.entities._lexicon import ARABIC_ARTICLES

__all__ = ["initials", "is_acronym", "name_key", "skeleton"]

_MARKS = re.compile(r"[ʿʾ’'‘`´.]")
_SPLIT = re.compile(r"[\s\-‐‑–]+")
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLES = re.compile(r"(.)\1+")
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z]{2,6}$")
_SKIPPED_IN_INITIALS = frozenset({"of", "and", "the", "for", "in", "on", "at", "to", "de", "du", "la"})


@lru_cache(maxsize=50_000)
def _ascii_lower(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _MARKS.sub("", stripped).lower()


@lru_cache(maxsize=50_000)
def name_key(name: str) -> str:
    """Case, diacritics, marks, hyphens and Arabic articles removed: "Al-Sharq al-Awsat" → "sharq awsat"."""
    words = [w for w in _SPLIT.split(_ascii_lower(name)) if w]
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    kept = [w for w in words if w not in ARABIC_ARTICLES]
    return " ".join(kept or words)


def _token_skeleton(word: str) -> str:
    if word.endswith("ah") and len(word) > 3:
        word = word[:-1]
    return _DOUBLES.sub(r"\1", _VOWELS.sub("", word.replace("q", "k")))


@lru_cache(maxsize=50_000)
def skeleton(key: str) -> str:
    """Consonants of each word of a key, doubled letters collapsed: "ashraq awsat" → "shrk wst"."""
    return " ".join(_token_skeleton(word) for word in key.split())


def is_acronym(text: str) -> bool:
    """ "ISIS", "U.S.", "DPK": capitals only, two to six letters, with or without dots."""
    return bool(_ACRONYM.match(text))


@lru_cache(maxsize=50_000)
def initials(name: str) -> tuple[str, ...]:
    """The acronyms a name may go by: initials of its content words, and of all its words.

    "Islamic State of Iraq and Syria" → ("ISIS", "ISOIAS"): news acronyms usually skip function words.
    """
    words = [w for w in _SPLIT.split(_ascii_lower(name)) if w]
    words = [w for w in words if w not in ARABIC_ARTICLES] or words
    content = "".join(w[0] for w in words if w not in _SKIPPED_IN_INITIALS).upper()
    every = "".join(w[0] for w in words).upper()
    return (content, every) if content != every else (content,)
