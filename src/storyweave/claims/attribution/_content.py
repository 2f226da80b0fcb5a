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
# Words that open a phrase saying where, when or how something was said, and words that show a clause.
_ADJUNCT_OPENERS = frozenset(
    {
        "in", "on", "at", "during", "after", "before", "from", "with", "to", "via", "through", "by",
        "late", "early", "earlier", "later", "last", "this", "yesterday", "today", "tonight", "overnight",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    }
)  # fmt: skip
_CLAUSE_WORDS = frozenset(
    {"that", "whether", "if", "is", "are", "was", "were", "will", "would", "has", "have", "had", "could"}
    | {"should", "he", "she", "they", "it", "we", "i", "you", "its", "their"}
)
_MAX_ADJUNCT = 10
_MIN_CLAUSE_WORDS = 3
_CLOSING_MARKS = frozenset({"”", '"', "’"})
_STATEMENT_PARTICIPLES = frozenset(
    {"issued", "released", "posted", "published", "emailed", "e-mailed", "aired"}
)


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
    elif _clause_before(tokens, _speaker_start(labels, cue)) and (
        cue[1] >= len(tokens) - 1 or _adjunct_only(tokens, cue[1])
    ):
        # "Prices will rise, the company said (in a statement)." — the words after the cue, if any, only
        # say where or when, so what was said comes before the speaker.
        first, last = 0, _speaker_start(labels, cue)
    elif cue[1] < len(tokens) - 1:
        first, last = cue[1], len(tokens)
    else:
        first, last = 0, cue[0]
    while last - first > 1 and tokens[last - 1].text in TRAILING:
        last -= 1
    while last - first > 1 and tokens[first].text in TRAILING:
        first += 1
    return first, last


def _adjunct_only(tokens: Sequence[Token], first: int) -> bool:
    """Whether the tokens from ``first`` to the sentence end are a place/time/manner phrase ("in a
    statement", "on Tuesday", "at a news conference in the capital"), not a clause of what was said."""
    words = [t for t in tokens[first:] if t.text not in TRAILING]
    if not words or len(words) > _MAX_ADJUNCT or any(t.quoted for t in words):
        return False
    lowers = [t.text.lower() for t in words]
    if lowers[0] not in _ADJUNCT_OPENERS or not _CLAUSE_WORDS.isdisjoint(lowers):
        return False
    # "said on Tuesday prices rose": a past-tense verb after the opener starts a clause, except the
    # participles that qualify a statement ("in a statement *released* on Monday").
    return not any(w.endswith("ed") and len(w) > 4 and w not in _STATEMENT_PARTICIPLES for w in lowers)


def _clause_before(tokens: Sequence[Token], speaker: int) -> bool:
    """Whether a clause of its own stands before the speaker, set off by a comma, dash or quotation mark:
    "Prices will rise, the company said" has one; "Separately, the official said" and "In Paris, the
    minister said" only an opener."""
    if speaker < 1 or tokens[speaker - 1].text not in _SET_OFF | _CLOSING_MARKS:
        return False
    return sum(1 for t in tokens[: speaker - 1] if t.text[:1].isalnum()) >= _MIN_CLAUSE_WORDS


def _speaker_start(labels: Sequence[str], cue: _Range) -> int:
    """Where the source the tagger marked just before the cue begins (the cue itself when it marked none)."""
    start = cue[0]
    while start > 0 and labels[start - 1].endswith("-SRC"):
        start -= 1
    return start


def _wrapped(tokens: Sequence[Token], first: int, cue: _Range) -> bool:
    """Whether content starting at ``first`` goes around the cue: quoted words before it, or the cue and
    its speaker set off by commas or dashes ("The plan, he said on Monday, would cost millions")."""
    if any(tokens[i].quoted for i in range(first, cue[0])):
        return True
    before = {tokens[i].text for i in range(max(first, cue[0] - 5), cue[0]) if not _digit_group(tokens, i)}
    after = {
        tokens[i].text for i in range(cue[1], min(len(tokens), cue[1] + 4)) if not _digit_group(tokens, i)
    }
    return bool(before & _SET_OFF) and bool(after & _SET_OFF)


def _digit_group(tokens: Sequence[Token], index: int) -> bool:
    """Whether the token is the comma inside a number ("3,000"), which sets nothing off."""
    if not 0 < index < len(tokens) - 1 or tokens[index].text != ",":
        return False
    left, comma, right = tokens[index - 1], tokens[index], tokens[index + 1]
    return (
        left.end == comma.start
        and comma.end == right.start
        and left.text[-1:].isdigit()
        and right.text[:1].isdigit()
    )
