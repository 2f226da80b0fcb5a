"""The record every slot finder returns, and the function words they all step over."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["AUXILIARIES", "DIRECTIONAL", "FUNCTION_WORDS", "NEGATORS", "Slot"]


@dataclass(frozen=True, slots=True)
class Slot:
    """One comparable value: ``kind`` (number, place, date, person, negation), ``key`` (what is measured
    or which frame it fills), normalised ``value`` for comparing, and ``text`` as the report wrote it."""

    kind: str
    key: str
    value: str
    text: str
    # Where a count holds, as written ("in Homs"): a toll for one city and a toll for the country are
    # different figures, so only counts of the same scope (or both unscoped) are compared.
    scope: str = ""


DIRECTIONAL = {"to", "towards", "toward", "into", "for"}
AUXILIARIES = {"be", "been", "being", "is", "was", "were", "are", "has", "have", "had", "did", "do",
               "does", "yet", "ever", "so", "the", "a", "an", "any", "to", "also", "still", "immediately",
               "fully"}  # fmt: skip
FUNCTION_WORDS = {"the", "a", "an", "of", "and", "or", "in", "on", "at", "by", "with", "from", "as", "it",
                  "its", "his", "her", "their", "this", "that", "these", "those", "which", "who", "when",
                  "where"}  # fmt: skip
NEGATORS = {"not", "never", "no", "n't", "didn't", "don't", "doesn't", "wasn't", "weren't", "isn't", "aren't",
            "hasn't", "haven't", "hadn't", "won't", "wouldn't", "couldn't", "cannot"}  # fmt: skip
