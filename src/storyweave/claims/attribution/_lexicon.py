"""How often a word is part of a cue or of a source in the training data, in coarse buckets.

The CRFs see each word's identity, but with L1 regularisation the weight of a word seen a handful of
times is pruned to zero, and PolNeAR's cues are a long tail ("mocked", "has yet to endorse"). A shared
feature "this word was a cue in 60% of its training occurrences" is learned from all words at once and
carries over to the rare ones. ``benchmarks/attribution/train.py`` builds the lexicon (jackknifed for the
training features, so a word's own occurrences do not vouch for it) and writes it next to the models.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from storyweave.text.tokens import stem

__all__ = ["EMPTY", "Lexicon", "RoleCounts", "bucket", "normalise"]

# A word needs this many training occurrences before its rate is trusted; below it the feature is absent.
MIN_OCCURRENCES = 3


def bucket(hits: int, total: int) -> str:
    """The rate ``hits / total`` as one of five coarse levels ("0" never .. "4" mostly)."""
    if total < MIN_OCCURRENCES:
        return ""
    rate = hits / total
    if rate == 0:
        return "0"
    if rate < 0.05:
        return "1"
    if rate < 0.2:
        return "2"
    if rate < 0.5:
        return "3"
    return "4"


def normalise(word: str) -> str:
    return word.lower().replace("’", "'")


@dataclass
class RoleCounts:
    """Occurrence counts of words and stems, and how many of them lay inside a cue or a source."""

    total: Counter[str] = field(default_factory=Counter)
    cue: Counter[str] = field(default_factory=Counter)
    source: Counter[str] = field(default_factory=Counter)

    def add(self, words: Iterable[str], roles: Iterable[str]) -> None:
        """Count one sentence: ``roles`` holds "CUE", "SRC" or anything else per word."""
        for word, role in zip(words, roles, strict=True):
            for key in _keys(word):
                self.total[key] += 1
                if role == "CUE":
                    self.cue[key] += 1
                elif role == "SRC":
                    self.source[key] += 1

    def minus(self, other: RoleCounts) -> RoleCounts:
        return RoleCounts(self.total - other.total, self.cue - other.cue, self.source - other.source)

    def lexicon(self) -> Lexicon:
        cue, source = {}, {}
        for key, total in self.total.items():
            if total >= MIN_OCCURRENCES:
                level = bucket(self.cue[key], total)
                if level != "0":
                    cue[key] = level
                level = bucket(self.source[key], total)
                if level != "0":
                    source[key] = level
        return Lexicon(cue, source)


def _keys(word: str) -> tuple[str, str]:
    lower = normalise(word)
    return f"w:{lower}", f"s:{stem(lower)}"


@dataclass(frozen=True)
class Lexicon:
    """Bucketed cue and source rates per word ("w:said") and per stem ("s:deni"); absent means either too
    rare to tell or never in that role (level "0" is not stored, to keep the file small)."""

    cue: Mapping[str, str]
    source: Mapping[str, str]

    def levels(self, lower: str, stemmed: str) -> tuple[str, str, str]:
        """(cue level of the word, cue level of its stem, source level of word or stem) for a word already
        normalised (``normalise``) and stemmed: the per-token look-up of the feature extractor."""
        word_key, stem_key = f"w:{lower}", f"s:{stemmed}"
        cue, source = self.cue, self.source
        return (
            cue.get(word_key, ""),
            cue.get(stem_key, ""),
            source.get(word_key, "") or source.get(stem_key, ""),
        )

    def cue_levels(self, word: str) -> tuple[str, str]:
        return tuple(self.cue.get(key, "") for key in _keys(word))  # type: ignore[return-value]

    def source_levels(self, word: str) -> tuple[str, str]:
        return tuple(self.source.get(key, "") for key in _keys(word))  # type: ignore[return-value]

    def write(self, path: Path) -> None:
        record = {"cue": dict(sorted(self.cue.items())), "source": dict(sorted(self.source.items()))}
        path.write_bytes(gzip.compress(json.dumps(record, separators=(",", ":")).encode(), mtime=0))

    @classmethod
    def read(cls, path: Path) -> Lexicon:
        if not path.is_file():
            raise FileNotFoundError(
                f"attribution lexicon {path} is missing; rebuild it with "
                "`python benchmarks/attribution/train.py` (needs shared/data/polnear) or reinstall storyweave"
            )
        record = json.loads(gzip.decompress(path.read_bytes()))
        return cls(record["cue"], record["source"])


EMPTY = Lexicon({}, {})
