"""Choosing sentences under a word budget without repeating oneself, then putting them in reading order.

Budget rule: sentences are taken in order of marginal relevance (MMR) while they fit in the budget; one
that does not fit is skipped, and the next is tried. When nothing left fits, the best remaining sentence is
appended once, as long as at least ``MIN_WORDS`` words of budget are unused — so the summary is at most
``words`` plus one sentence, no sentence is ever cut, and a scorer that cuts at ``words`` sees a full
budget instead of a ragged short one.

A sentence that reads right only after the one before it (a pronoun speaker, a lone quotation: see
``text.standalone.needs_previous``) is taken either once that one is in, or together with it, the pair
scored by the mean relevance of its words: a strong quotation then brings the sentence naming its speaker
along, instead of waiting for that sentence to win on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np

from storyweave.summarize._group import SentenceGroup
from storyweave.summarize._support import SUPPORT_THRESHOLD
from storyweave.text.standalone import MIN_WORDS

__all__ = ["reading_order", "select"]


def select(
    group: SentenceGroup,
    scores: np.ndarray,
    words: int,
    *,
    diversity: float = 0.3,
    duplicate: float = SUPPORT_THRESHOLD,
) -> list[int]:
    """Rows of ``group`` to include, best first.

    ``diversity`` is the MMR trade-off (0: scores only); a candidate whose cosine to an already chosen
    sentence reaches ``duplicate`` is never taken, whatever its score. The default is the support
    threshold: a sentence that would be cited as support for one already chosen adds nothing new.
    """
    rows = group.candidate_rows
    if rows.size == 0 or words <= 0:
        return []
    relevance = np.asarray(scores, dtype=np.float64)[rows]
    low, high = relevance.min(), relevance.max()
    relevance = (relevance - low) / (high - low) if high > low else np.ones_like(relevance)
    overlap = group.similarity[:, rows]  # candidates x candidates
    lengths = group.words[rows]

    closest_chosen = np.zeros(rows.size)
    open_ = np.ones(rows.size, dtype=bool)
    # A sentence whose speaker is only a pronoun may follow the sentence before it, never stand alone.
    needs = group.after_previous[rows]
    previous = np.searchsorted(rows, rows - 1)  # index of row - 1 among the candidates, when it is one
    prev = np.minimum(previous, rows.size - 1)
    previous_is_candidate = (previous < rows.size) & (rows[prev] == rows - 1)
    # The pair's first sentence must stand on its own: no chains of sentences needing the one before.
    pair_first_ok = previous_is_candidate & ~needs[prev]
    taken = np.zeros(rows.size, dtype=bool)
    chosen: list[int] = []
    used = 0
    while open_.any():
        allowed = ~needs | (previous_is_candidate & taken[prev])
        mmr = (1.0 - diversity) * relevance - diversity * closest_chosen
        fitting = open_ & allowed & (used + lengths <= words)
        if not fitting.any():
            # Nothing fits any more: one sentence may overflow, if the gap is worth filling.
            if words - used >= MIN_WORDS and (open_ & allowed).any():
                chosen.append(int(np.argmax(np.where(open_ & allowed, mmr, -np.inf))))
            break
        best = int(np.argmax(np.where(fitting, mmr, -np.inf)))
        picks = [best]
        # A sentence that needs the one before it may come with it, as a pair scored by its words' mean.
        pairable = open_ & needs & pair_first_ok & open_[prev] & ~taken[prev]
        pairable &= used + lengths + lengths[prev] <= words
        if pairable.any():
            pair_mmr = (mmr * lengths + mmr[prev] * lengths[prev]) / np.maximum(lengths + lengths[prev], 1)
            pair = int(np.argmax(np.where(pairable, pair_mmr, -np.inf)))
            if pair_mmr[pair] > mmr[best]:
                picks = [int(prev[pair]), pair]
        for best in picks:
            chosen.append(best)
            taken[best] = True
            used += int(lengths[best])
            closest_chosen = np.maximum(closest_chosen, overlap[best])
            open_[best] = False
        open_ &= closest_chosen < duplicate
    return [int(rows[i]) for i in chosen]


def reading_order(
    group: SentenceGroup, chosen: Sequence[int], dates: Sequence[date | None] | None
) -> list[int]:
    """Sort chosen rows by document date (undated documents after dated ones), document, then position."""

    def key(row: int) -> tuple[date, int, int]:
        document = int(group.document[row])
        when = dates[document] if dates is not None else None
        return (when or date.max, document, int(group.position[row]))

    return sorted(chosen, key=key)
