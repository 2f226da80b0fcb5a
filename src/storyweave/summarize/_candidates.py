"""A report's sentences as the summarizer sees them: offsets, word counts, datelines trimmed.

Which of them may stand alone in a summary is ``storyweave.text.standalone``'s call (shared with the
timeline).
"""

from __future__ import annotations

from dataclasses import dataclass

from storyweave.text.datelines import dateline_end
from storyweave.text.sentences import sentence_spans

__all__ = ["SplitSentence", "split_document"]


@dataclass(frozen=True, slots=True)
class SplitSentence:
    """A sentence of one document: character offsets into that document and its word count."""

    start: int
    end: int
    text: str
    words: int
    word_offset: int


def split_document(text: str) -> list[SplitSentence]:
    """Every sentence of ``text``, with datelines ("WASHINGTON (AP) — ", "(CNN)") trimmed off so the offsets
    cover only the sentence: the place and agency belong to the page (``text.datelines.dateline_end``)."""
    out: list[SplitSentence] = []
    word_offset = 0
    for start, end in sentence_spans(text):
        piece = text[start:end]
        cut = dateline_end(piece)
        if 0 < cut < len(piece):
            start += cut
            piece = piece[cut:]
        n_words = len(piece.split())
        out.append(SplitSentence(start, end, piece, n_words, word_offset))
        word_offset += n_words
    return out
