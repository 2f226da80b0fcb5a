"""Content that lies in a neighbouring sentence: "He said:" + the quotation after it, or a quotation
followed by a sentence of its own, "Trump said."

The role tagger sees one sentence at a time, so when a cue's sentence holds only the speaker and the cue
it labels no content and the fallback would take the speaker's name as what was said. These two layouts
are fixed by punctuation (a sentence ending in a colon; a sentence after a closing quotation mark), so
they are decided by rule over the neighbouring sentence, extended while the quotation runs on.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyweave.claims.attribution._tokens import Token

__all__ = ["content_after_colon", "content_before_bare_cue"]

_Range = tuple[int, int]
_SentenceRange = tuple[int, _Range]  # (sentence index, token range in that sentence)
_OPENING = frozenset('“"‘«')
_CLOSING = frozenset('”"’»')
_TRAILING = frozenset(".,;:!?")
# A speaker phrase before the cue longer than this is more likely a clause of its own.
_MAX_SPEAKER = 12
# Words that may follow a cue in a sentence that says nothing else: "Trump said Friday.", "he added."
_BARE_TAIL = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "later", "then", "again", "also", "too", "recently", "earlier", "last", "week", "night", "on",
        "in", "a", "an", "the", "statement", "interview", "tuesday's", "at", "rally", "of", "to", "reporters",
        "afterward", "afterwards", "simply", "flatly",
    }
)  # fmt: skip


def _quotation_runs_on(tokens: Sequence[Token]) -> bool:
    """Whether a sentence continues a quotation opened in an earlier sentence (first token quoted, and
    not itself an opening mark)."""
    return tokens[0].quoted and tokens[0].text not in _OPENING


def _trimmed_end(tokens: Sequence[Token]) -> int:
    end = len(tokens)
    while end > 0 and tokens[end - 1].text in _TRAILING:
        end -= 1
    return end


def content_after_colon(
    sentences: Sequence[Sequence[Token]], index: int, cue: _Range
) -> list[_SentenceRange] | None:
    """The sentences a cue introduces with a final colon ("Cruz continued:"), as (sentence, range) pairs.

    Only when the colon ends the cue's sentence and follows (or ends) the cue, and a next sentence exists; the
    content then runs on through further sentences while the quotation that opened it stays open.
    """
    tokens = sentences[index]
    if tokens[-1].text != ":" or index + 1 >= len(sentences):
        return None
    if any(t.text == ":" for t in tokens[cue[1] : len(tokens) - 1]):
        return None
    found: list[_SentenceRange] = []
    following = index + 1
    while following < len(sentences):
        nxt = sentences[following]
        found.append((following, (0, _trimmed_end(nxt) or len(nxt))))
        still_open = nxt[-1].quoted and nxt[-1].text not in _CLOSING
        if not still_open or following + 1 == len(sentences):
            break
        if not _quotation_runs_on(sentences[following + 1]):
            break
        following += 1
    return found


def content_before_bare_cue(
    sentences: Sequence[Sequence[Token]], index: int, cue: _Range, source: _Range | None
) -> list[_SentenceRange] | None:
    """The quotation before a sentence that holds only speaker and cue ("“…,” he said." split after the
    quotation, or "“…!” Cruz said."), as (sentence, range) pairs, earliest first.

    Only when the cue's sentence has no quotation, at most a short speaker phrase before the cue, and
    after it only the (inverted) speaker or time/setting fillers, and the previous sentence ends inside a
    quotation; extended backwards while the quotation runs on.
    """
    tokens = sentences[index]
    end = _trimmed_end(tokens)
    if index == 0 or cue[0] > _MAX_SPEAKER or any(t.quoted for t in tokens):
        return None
    after = cue[1]
    if source is not None and source[0] == cue[1]:
        # inverted "said Sean Spicer, chief strategist for the party.": the speaker and an apposition
        after = end if source[1] < end and tokens[source[1]].text == "," else source[1]
    if any(t.text[0].isalnum() and t.text.lower() not in _BARE_TAIL for t in tokens[after:end]):
        return None
    previous = sentences[index - 1]
    end = _trimmed_end(previous)
    if not previous[-1].quoted and not (end and previous[end - 1].quoted):
        return None
    found: list[_SentenceRange] = [(index - 1, (0, end or len(previous)))]
    earlier = index - 1
    while earlier > 0 and _quotation_runs_on(sentences[earlier]):
        earlier -= 1
        found.insert(0, (earlier, (0, len(sentences[earlier]))))
    return found
