"""Poll findings opened by their poll: "In a CNN/ORC poll released Monday, 31% of Republicans said ...".

PolNeAR annotates these as attributions whose cue is the preposition "In", whose source is the poll and
whose content is the finding (12 of the 16 sentences of this shape in the 718 training documents). The
cue tagger, which reads "in" as a cue only in this layout, finds few of them, and on the 120 held-out
training documents "in" was the most frequent cue of the attributions missed. The layout is fixed (the
sentence opens with "In", a determiner, a phrase naming a poll or survey, and a comma), so it is a rule.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyweave.claims.attribution._tokens import Token

__all__ = ["poll_opening"]

_Range = tuple[int, int]  # token indices [first, last)
_DETERMINERS = frozenset({"a", "an", "the", "its", "his", "her", "their", "this", "that", "one", "another"})
_POLLS = frozenset({"poll", "polls", "survey", "surveys"})
# Words that turn the opening phrase into a clause ("In a memo released *as* polls closed, ...").
_CLAUSE = frozenset(
    {"as", "where", "when", "while", "after", "before", "that", "which", "who", "since", "because"}
)
# The opening phrase may be longer than this only as a clause of its own.
_MAX_OPENING = 25
# A finding shorter than this after the comma is no statement ("In the polls, anyway.").
_MIN_FINDING = 4
_TRAILING = frozenset(".,;:!?")


def poll_opening(tokens: Sequence[Token]) -> tuple[_Range, _Range, _Range] | None:
    """(cue, source, content) token ranges when the sentence opens "In <a poll ...>, <finding>"."""
    if len(tokens) < 5 or tokens[0].text.lower() != "in" or tokens[1].text.lower() not in _DETERMINERS:
        return None
    comma = next((i for i, t in enumerate(tokens[: _MAX_OPENING + 1]) if t.text == ","), None)
    if comma is None:
        return None
    words = [t.text.lower() for t in tokens[1:comma]]
    if not any(w in _POLLS for w in words) or any(w in _CLAUSE for w in words):
        return None
    end = len(tokens)
    while end > comma + 1 and tokens[end - 1].text in _TRAILING:
        end -= 1
    if end - comma - 1 < _MIN_FINDING:
        return None
    return (0, 1), (1, comma), (comma + 1, end)
