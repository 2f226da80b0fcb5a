"""A quotation that ends right before its speaker and cue: "“We stay,” Trump said Sunday on NBC."

The role tagger learned that unquoted words after a cue are usually its content ("said that ..."), so
when a quotation comes first and the cue is followed by setting ("Sunday on NBC's Meet the Press",
"during his appearance on Fox", "in a statement") or by the inverted speaker ("posted Sharon Geyer"),
it takes that tail as what was said and the quotation is lost: on the 120 held-out PolNeAR train
documents this was the most common way a found cue got a wrong content. The layout is fixed by
punctuation (a closing quotation mark, then only the speaker before the cue), so it is decided by rule.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyweave.claims.attribution._tokens import Token

__all__ = ["quotation_before_cue"]

_Range = tuple[int, int]  # token indices [first, last)
# Punctuation that may stand between the quotation's closing mark and the speaker ("“…,” he said").
_BETWEEN = frozenset(",—–-")
_TRAILING = frozenset(".,;:")
# A speaker phrase longer than this between quotation and cue is more likely a clause of its own.
_MAX_SPEAKER = 12


def quotation_before_cue(
    tokens: Sequence[Token], cue: _Range, source: _Range | None, content: _Range
) -> _Range | None:
    """The quotation a cue's speaker closes, when the tagger's content is an unquoted tail after the cue.

    Only when the content holds no quoted word and does not start before the cue, and everything between
    the quotation's last token and the cue is the tagged source or a comma or dash. Returns the quoted
    run (marks included, trailing punctuation trimmed), which may start in an earlier sentence's
    quotation; None when the layout is not this one.
    """
    first, last = content
    if first < cue[0] or any(t.quoted for t in tokens[first:last]):
        return None
    end = cue[0]
    while end > 0 and not tokens[end - 1].quoted:
        inside_source = source is not None and source[0] <= end - 1 < source[1]
        if not inside_source and tokens[end - 1].text not in _BETWEEN:
            return None
        end -= 1
    if end == 0 or cue[0] - end > _MAX_SPEAKER:
        return None
    start = end
    while start > 0 and tokens[start - 1].quoted:
        start -= 1
    if any(t.text[0].isalnum() for t in tokens[:start]):
        return None  # a phrase quoted inside a sentence ("denounced her “terrible” record") is no statement
    while end - start > 1 and tokens[end - 1].text in _TRAILING:
        end -= 1
    if not any(t.text[0].isalnum() for t in tokens[start:end]):
        return None
    return start, end
