"""Sentence splitting with character offsets.

sentencex handles news abbreviations ("U.S.", "Lt. Gen.", "D.C.") and quotes, and is ~200x faster than
pysbd on news text (measured on val_full: 0.01 s vs 2.0 s for 60 reports), which matters because every
stage downstream works on sentences. Line breaks are hard boundaries: in extracted news text a line is a
paragraph, a heading or a caption, never half a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import sentencex

from storyweave.text.calendar_words import WEEKDAYS

__all__ = ["is_whole_quotation", "quotation_states", "sentence_spans", "split_sentences"]

_LINE = re.compile(r"[^\n]+")
_WHOLE_QUOTATION = re.compile(r"[\"“][^\"“”]+[\"”]")
# A sentence longer than this is almost always a run-on list or a table flattened to text.
_MAX_CHARS = 2000
# sentencex lists "May" among English abbreviations, so "prices rose in May. Rates fell." stays one sentence.
# "May." is never an abbreviation (the month is not shortened; Theresa May ends sentences too), so a capital
# after it starts a new sentence.
_MAY_THEN_SENTENCE = re.compile(r"\bMay\.(?=\s+[A-Z“\"‘'])")


# sentencex ends a sentence at "p.m." even when the time goes on ("around 2:30 p.m. Friday afternoon.",
# "at 9 a.m. EST on Monday"): a weekday, a time zone or a lower-case word right after it is the same
# sentence; "Tuesday's vote was ..." and "CT scans showed ..." start new ones.
_CLOCK_END = re.compile(r"\b[ap]\.m\.\s*$", re.IGNORECASE)
_WEEKDAY = "|".join(sorted(day.capitalize() for day in WEEKDAYS))
_CLOCK_GOES_ON = re.compile(
    rf"(?:(?:{_WEEKDAY})(?!['’]s)\b"
    r"|(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|BST|UTC|CET|CEST)\b"
    rf"|(?:ET|CT|MT|PT)(?=[,.;)]|\s+(?:on|in|at|and|{_WEEKDAY})\b|$)"
    r"|[a-z(,;])"
)


def _held_at_clock(pieces: Iterator[str]) -> Iterator[str]:
    """Pieces with a piece ending in "a.m."/"p.m." joined to the next one when the time goes on there.

    Linear in the text: only the newest piece is tested, and joined pieces are collected in a list."""
    held: list[str] = []
    for piece in pieces:
        if held and _CLOCK_END.search(held[-1]) and _CLOCK_GOES_ON.match(piece):
            held.append(piece)
            continue
        if held:
            yield "".join(held)
        held = [piece]
    if held:
        yield "".join(held)


def _pieces(chunk: str) -> Iterator[str]:
    for piece in _held_at_clock(iter(sentencex.segment("en", chunk))):
        start = 0
        for may in _MAY_THEN_SENTENCE.finditer(piece):
            yield piece[start : may.end()]
            start = may.end()
        yield piece[start:]


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, stripped of surrounding whitespace."""
    for line in _LINE.finditer(text):
        base = line.start()
        chunk = line.group()
        if not chunk.strip():
            continue
        cursor = 0
        for piece in _pieces(chunk):
            stripped = piece.strip()
            if not stripped:
                cursor += len(piece)
                continue
            found = chunk.find(stripped, cursor)
            if found < 0:  # the segmenter changed the text; fall back to the running cursor
                found = cursor
            end = found + len(stripped)
            cursor = end
            for s in range(found, end, _MAX_CHARS):
                yield base + s, base + min(end, s + _MAX_CHARS)


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (see ``sentence_spans``)."""
    return [text[s:e] for s, e in sentence_spans(text)]


def is_whole_quotation(sentence: str) -> bool:
    """Whether the sentence is one quotation and nothing else ('"The whole town is holding its breath."'):
    its speaker is named elsewhere, usually in the sentence before."""
    return _WHOLE_QUOTATION.fullmatch(sentence.strip()) is not None


_DOUBLE_QUOTE = re.compile(r"[\"“”]")


def quotation_states(text: str, spans: list[tuple[int, int]]) -> list[tuple[bool, bool]]:
    """For each sentence span of ``text`` (in order): whether it lies wholly inside one quotation, and
    whether a quotation is still open where it ends.

    News prose runs a long quotation over several sentences and paragraphs, opening each paragraph with a
    quotation mark and closing only at the end ('"They abort ... cotton.' / '"And I've often wondered ...
    less freedom."'), so the sentences after the first carry no speaker of their own. A line break closes
    any open quotation: the next paragraph reopens it if the quotation goes on. Straight quotation marks
    alternate open/close; single quotation marks are not read (they double as apostrophes).
    """
    states: list[tuple[bool, bool]] = []
    quote_open = False
    position = 0
    for start, end in spans:
        if "\n" in text[position:start]:
            quote_open = False
        open_at_start = quote_open
        inside, first = True, True
        last_word = len(text[start:end].rstrip(' .,;:!?"”’)')) + start
        for mark in _DOUBLE_QUOTE.finditer(text, start, end):
            opens = mark.group() == "“" or (mark.group() == '"' and not quote_open)
            if opens:
                if not (first and mark.start() == start and not open_at_start):
                    inside = inside and quote_open  # a second quotation opening mid-sentence
                quote_open = True
            else:
                if mark.start() < last_word:
                    inside = False  # closed before the sentence ends: words outside the quotation follow
                quote_open = False
            first = False
        opened_here = start < end and text[start] in '"“'
        states.append(((open_at_start or opened_here) and inside, quote_open))
        position = end
    return _unclosed_dropped(text, spans, states)


def _unclosed_dropped(
    text: str, spans: list[tuple[int, int]], states: list[tuple[bool, bool]]
) -> list[tuple[bool, bool]]:
    """A quotation still open where its paragraph ends, and not reopened by the next paragraph, was never
    one: a mark left out ('"We will rebuild, the mayor said.') or an inch sign ('a 36" main'). The
    sentences it seemed to cover are outside any quotation."""
    fixed = list(states)
    for k in range(len(spans)):
        ends_paragraph = k + 1 == len(spans) or "\n" in text[spans[k][1] : spans[k + 1][0]]
        if not (ends_paragraph and fixed[k][1]):
            continue
        if k + 1 < len(spans) and text[spans[k + 1][0] : spans[k + 1][0] + 1] in ('"', "“"):
            continue  # the next paragraph reopens it: the quotation goes on
        j = k
        while j >= 0 and fixed[j][1]:
            fixed[j] = (False, False)
            j -= 1
    return fixed
