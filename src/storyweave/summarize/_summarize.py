"""Extractive multi-document summarisation with citations: the pipeline behind ``summarize``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from storyweave.summarize._group import build_group
from storyweave.summarize._rankers import Ranker, get_ranker
from storyweave.summarize._select import reading_order, select
from storyweave.summarize._support import supporting_documents

__all__ = ["DEFAULT_WORDS", "Extract", "summarize"]

DEFAULT_WORDS = 200
# Candidates come from each document's first 300 words; the rest still counts as context and support.
# ROUGE is the same with or without this window (Multi-News val and val_full, benchmarks/summarize/), but
# it halves the work on full-length reports, whose later parts are mostly background and page furniture.
LEAD_WORDS = 300


@dataclass(frozen=True, slots=True)
class Extract:
    """One summary sentence: its text, where it was taken from, and every document that supports it.

    ``text == documents[document][start:end]``; ``support`` is sorted and includes ``document``.
    """

    text: str
    document: int
    start: int
    end: int
    support: tuple[int, ...]


def summarize(
    documents: Sequence[str],
    words: int = DEFAULT_WORDS,
    ranker: str | Ranker | None = None,
    dates: Sequence[date | None] | None = None,
) -> list[Extract]:
    """An extractive summary of a group of reports about one story, every sentence cited.

    Sentences are whole sentences of the inputs (never cut), chosen under a budget of ``words`` (the
    result may exceed it by at most one sentence; see ``_select``), and returned in reading order: by
    document date when ``dates`` gives one, then by document, then by position.
    """
    if isinstance(documents, str):
        raise TypeError("documents must be a sequence of report texts, not a single string")
    if words < 0:
        raise ValueError(f"words must be zero or more, got {words}")
    if dates is not None and len(dates) != len(documents):
        raise ValueError(f"dates has {len(dates)} entries but there are {len(documents)} documents")
    scorer = get_ranker(ranker)
    group = build_group(documents, lead_words=LEAD_WORDS)
    if not group.candidate_rows.size:
        return []
    scores = np.asarray(scorer.score(group), dtype=np.float64)
    if scores.shape != (len(group),):
        raise ValueError(f"ranker {scorer.name!r} returned {scores.shape} scores for {len(group)} sentences")
    if not np.isfinite(scores[group.candidate_rows]).all():
        raise ValueError(f"ranker {scorer.name!r} returned a non-finite score for a candidate sentence")
    chosen = reading_order(group, select(group, scores, words), dates)
    return [
        Extract(
            text=group.texts[row],
            document=int(group.document[row]),
            start=int(group.start[row]),
            end=int(group.end[row]),
            support=supporting_documents(group, row, dates=dates),
        )
        for row in chosen
    ]
