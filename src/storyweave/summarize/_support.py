"""Which input documents back a summary sentence.

A document supports a sentence when one of its own sentences says nearly the same thing: TF-IDF cosine
(stemmed content words) of at least ``SUPPORT_THRESHOLD``, and no contradicting numbers. Citing every
supporting report — not just the one the words were lifted from — is what lets a reader see that a fact
is corroborated, and which outlets stand behind it.

Similar words are not enough when the sentence brings in a name the other document never mentions ("A
Kellhaven couple were among those killed …" against a report that only says who died in general): such a
document does not back it (``uncovered_names``).

The threshold was calibrated by reading cross-document sentence pairs of Multi-News val at each cosine
band (see benchmarks/summarize/calibrate_support.py): from about 0.45 up, pairs are rewordings of one
fact; below, they increasingly share a topic but state different facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np

from storyweave.summarize._group import SentenceGroup
from storyweave.text.entities import uncovered_names
from storyweave.text.quantities import stated_figures
from storyweave.text.timex import find_timexes

__all__ = ["SUPPORT_THRESHOLD", "numbers_agree", "supporting_documents"]

SUPPORT_THRESHOLD = 0.45


def numbers_agree(a: str, b: str) -> bool:
    """False when both sentences state figures and neither's figures include the other's.

    "12 dead, 3 injured" and "12 dead" agree (one says less); "12 dead" and "15 dead" do not, however
    similar their words, nor do "twenty-eight" and "29".
    """
    first, second = stated_figures(a), stated_figures(b)
    return all(
        not (mine and theirs) or mine <= theirs or theirs <= mine
        for mine, theirs in zip(_split_dates(first), _split_dates(second), strict=True)
    )


def _split_dates(figures: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(counts, days of a month): each compared only with its own kind."""
    dates = frozenset(figure for figure in figures if figure.startswith("date:"))
    return figures - dates, dates


def _latest_past_day(text: str, published: date | None) -> date | None:
    """The latest day up to ``published`` that ``text`` names ("said on Tuesday" in a Tuesday report)."""
    if published is None:
        return None
    days = []
    for timex in find_timexes(text, published):
        try:
            day = date.fromisoformat(timex.value[:10])
        except ValueError:
            continue
        if day <= published:
            days.append(day)
    return max(days, default=None)


def supporting_documents(
    group: SentenceGroup,
    row: int,
    *,
    threshold: float = SUPPORT_THRESHOLD,
    dates: Sequence[date | None] | None = None,
) -> tuple[int, ...]:
    """Sorted indices of the documents that support sentence ``row``; always includes its own.

    With publication ``dates``, a report published before a day the sentence names as past ("the service
    said on Tuesday", in a Tuesday report) cannot back it, however similar its words: it was written before
    that was said or done."""
    own = int(group.document[row])
    candidate_index = int(np.searchsorted(group.candidate_rows, row))
    if candidate_index >= group.candidate_rows.size or group.candidate_rows[candidate_index] != row:
        raise ValueError(f"row {row} is not a candidate sentence of this group")
    similarity = group.similarity[candidate_index]
    text = group.texts[row]
    support = {own}
    latest = _latest_past_day(text, dates[own]) if dates is not None else None
    for other in np.flatnonzero(similarity >= threshold):
        document = int(group.document[other])
        if document in support or not numbers_agree(text, group.texts[other]):
            continue
        written = dates[document] if dates is not None else None
        if latest is not None and written is not None and written < latest:
            continue
        if not uncovered_names(text, group.document_vocabulary[document]):
            support.add(document)
    return tuple(sorted(support))
