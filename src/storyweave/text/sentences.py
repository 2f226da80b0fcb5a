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

__all__ = ["is_whole_quotation", "sentence_spans", "split_sentences"]

_LINE = re.compile(r"[^\n]+")
_WHOLE_QUOTATION = re.compile(r"[\"“][^\"“”]+[\"”]")
# A sentence longer than this is almost always a run-on list or a table flattened to text.
_MAX_CHARS = 2000
# sentencex lists "May" among English abbreviations, so "prices rose in May. Rates fell." stays one sentence.
# "May." is never an abbreviation (the month is not shortened; Theresa May ends sentences too), so a capital
# after it starts a new sentence.
_MAY_THEN_SENTENCE = re.compile(r"\bMay\.(?=\s+[A-Z“\"‘'])")


def _pieces(chunk: str) -> Iterator[str]:
    for piece in sentencex.segment("en", chunk):
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
