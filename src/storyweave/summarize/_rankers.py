"""Sentence rankers: one small protocol, a registry by name, and the untrained centrality ranker.

A ranker only scores; choosing, de-duplicating, ordering and citing happen elsewhere, so the learned ranker
(``_learned``, gradient boosting trained on Multi-News, the default) replaced this one without touching
the rest. "centrality" stays registered: it needs no model file and is the baseline the learned one must
beat.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol, runtime_checkable

import numpy as np

from storyweave.summarize._group import SentenceGroup
from storyweave.summarize._learned import LearnedRanker

__all__ = [
    "DEFAULT_RANKER",
    "CentralityRanker",
    "Ranker",
    "available_rankers",
    "get_ranker",
    "register_ranker",
]


@runtime_checkable
class Ranker(Protocol):
    """Scores the sentences of a group: higher means more worth including.

    ``score`` returns a float array of ``len(group)``; entries on candidate rows must be finite, the
    others are ignored. Scores only need to order sentences within one group: the selector rescales them.
    """

    name: str

    def score(self, group: SentenceGroup) -> np.ndarray: ...


_QUOTE = re.compile(r"[\"“”]")
_OPENER = re.compile(r"(?:it|its|this|that|these|those|they|their|he|she|his|her|we|such)\b", re.IGNORECASE)


class CentralityRanker:
    """An untrained ranker: what the whole group talks about, said early, in a full-length sentence.

    The score is a weighted sum of:

    * ``support`` — cosine to the closest sentence in *another* document. Reported by several outlets
      means central to the story; the strongest single feature in a supervised probe on Multi-News.
    * ``centrality`` — cosine to the group centroid, each document weighted equally so that one long
      report cannot define the story alone.
    * ``position`` — ``exp(-words_before / position_scale)``: news puts the essentials first.
    * ``length`` — ``min(1, words / full_length)``: short sentences carry little information per slot.
    * ``quote`` (subtracted) — direct quotations are colour rather than facts, and read badly out of context.
    * ``opener`` (subtracted) — a pronoun or demonstrative opener ("It", "This", "They") leans on a
      sentence the reader will not see; often fine in news, so a penalty rather than a filter.

    Default weights were chosen on Multi-News val (not val_full); see benchmarks/summarize/.
    """

    name = "centrality"

    def __init__(
        self,
        *,
        support: float = 1.0,
        centrality: float = 1.0,
        position: float = 0.3,
        length: float = 0.3,
        quote: float = 0.1,
        opener: float = 0.1,
        position_scale: float = 400.0,
        full_length: float = 15.0,
    ) -> None:
        self.support = support
        self.centrality = centrality
        self.position = position
        self.length = length
        self.quote = quote
        self.opener = opener
        self.position_scale = position_scale
        self.full_length = full_length

    def __repr__(self) -> str:
        params = ", ".join(f"{key}={value!r}" for key, value in vars(self).items())
        return f"{type(self).__name__}({params})"

    def score(self, group: SentenceGroup) -> np.ndarray:
        scores = np.full(len(group), -np.inf)
        rows = group.candidate_rows
        if rows.size == 0:
            return scores
        features = (
            self.support * cross_document_support(group)
            + self.centrality * centroid_similarity(group)
            + self.position * np.exp(-group.word_offset[rows] / self.position_scale)
            + self.length * np.minimum(1.0, group.words[rows] / self.full_length)
            - self.quote * np.array([bool(_QUOTE.search(group.texts[i])) for i in rows])
            - self.opener * np.array([bool(_OPENER.match(group.texts[i])) for i in rows])
        )
        scores[rows] = features
        return scores


def cross_document_support(group: SentenceGroup) -> np.ndarray:
    """For each candidate, the cosine to its closest sentence in any other document (0 when alone)."""
    similarity = group.similarity
    if group.n_documents < 2:
        return np.zeros(similarity.shape[0])
    same_document = group.document[group.candidate_rows][:, None] == group.document[None, :]
    return np.where(same_document, 0.0, similarity).max(axis=1)


def centroid_similarity(group: SentenceGroup) -> np.ndarray:
    """For each candidate, the cosine to the mean of per-document centroids."""
    vectors = group.vectors
    centroid = np.zeros(vectors.shape[1])
    for index in np.unique(group.document):
        document_centroid = np.asarray(vectors[group.document == index].sum(axis=0)).ravel()
        norm = np.linalg.norm(document_centroid)
        if norm > 0:
            centroid += document_centroid / norm
    norm = np.linalg.norm(centroid)
    if norm == 0:
        return np.zeros(group.candidate_rows.size)
    return np.asarray(vectors[group.candidate_rows] @ (centroid / norm)).ravel()


_REGISTRY: dict[str, Callable[[], Ranker]] = {
    CentralityRanker.name: CentralityRanker,
    LearnedRanker.name: LearnedRanker,
}
# Learned beats centrality on held-out Multi-News at every budget measured (benchmarks/summarize/run.py).
DEFAULT_RANKER = LearnedRanker.name


def register_ranker(name: str, factory: Callable[[], Ranker]) -> None:
    """Make a ranker available by name (``summarize(..., ranker=name)``, ``storyweave eval``)."""
    if name in _REGISTRY:
        raise ValueError(f"a ranker named {name!r} is already registered; choose another name")
    _REGISTRY[name] = factory


def available_rankers() -> tuple[str, ...]:
    return tuple(sorted(_REGISTRY))


def get_ranker(ranker: str | Ranker | None) -> Ranker:
    """The ranker to use: a registered name, a ranker instance, or None for the default."""
    if ranker is None:
        return _REGISTRY[DEFAULT_RANKER]()
    if isinstance(ranker, str):
        try:
            return _REGISTRY[ranker]()
        except KeyError:
            known = ", ".join(available_rankers())
            raise ValueError(f"unknown ranker {ranker!r}; available rankers: {known}") from None
    if isinstance(ranker, Ranker):
        return ranker
    raise TypeError(f"ranker must be a name, a Ranker or None, not {type(ranker).__name__}")
