"""Where a cue's content lies, from the role tagger's labels: one range, and never its own speaker.

Kept apart from ``_extract`` because it is pure layout over tokens and labels (no tagger, no model).
"""

from __future__ import annotations

from collections.abc import Sequence

from storyweave.claims.attribution._tokens import Token

__all__ = ["TRAILING", "content_range"]

_Range = tuple[int, int]  # token indices [first, last)
# Content ends before these: the sentence's own closing punctuation is not part of what was said.
TRAILING = frozenset(".,;:")
# Marks that set a cue and its speaker off inside the content ("The plan, he said, would cost millions").
_SET_OFF = frozenset({",", "—", "–", "-"})


def content_range(labels: Sequence[str], tokens: Sequence[Token], cue: _Range) -> _Range:
    """Everything the tagger called content, as one range; the clause after the cue when it found none.

    One range because a quotation wrapped around its cue ("“We stay,” he said, “and fight.”") is one
    statement, and the record holds one span.
    """
    marked = [i for i, label in enumerate(labels) if label.endswith("-CON")]
    if marked and marked[0] < cue[0] < cue[1] <= marked[-1] and not _wrapped(tokens, marked[0], cue):
        # Content on both sides of the cue is one statement only when it wraps the cue (a quotation, or
        # "the economy, he said, is strong"); else the words before it are its speaker.
        marked = [i for i in marked if i >= cue[1]]
    if marked:
        first, last = marked[0], marked[-1] + 1
    elif cue[1] < len(tokens) - 1:
        first, last = cue[1], len(tokens)
    else:
        first, last = 0, cue[0]
    while last - first > 1 and tokens[last - 1].text in TRAILING:
        last -= 1
    while last - first > 1 and tokens[first].text in TRAILING:
        first += 1
    return first, last


def _wrapped(tokens: Sequence[Token], first: int, cue: _Range) -> bool:
    """Whether content starting at ``first`` goes around the cue: quoted words before it, or the cue and
    its speaker set off by commas or dashes ("The plan, he said on Monday, would cost millions")."""
    if any(tokens[i].quoted for i in range(first, cue[0])):
        return True
    before = {t.text for t in tokens[max(first, cue[0] - 5) : cue[0]]}
    after = {t.text for t in tokens[cue[1] : cue[1] + 4]}
    return bool(before & _SET_OFF) and bool(after & _SET_OFF)
