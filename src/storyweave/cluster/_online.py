"""Online (streaming) story clustering: each report joins an active story or opens a new one on arrival.

The recipe follows Miranda et al. (2018, "Multilingual clustering of streaming news"): TF-IDF sub-vectors
per report, similarity features against candidate story centroids, and a learned join/new decision, with
stories merging when a report is strong evidence for two of them. Reports arrive in publication order
(file order for undated reports), so a pile clustered with :meth:`OnlineClusterer.fit_predict` gets the
labels a live stream would have given it, merges applied.

The core step, :func:`assign`, is a deterministic function of (stream state, report features, model): it
reads nothing else, so a distributed job that feeds the same features in the same order to the same state
gets the same labels, and can persist the state between batches with :meth:`StreamState.snapshot`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from storyweave.cluster._join_model import JoinModel, default_join_model
from storyweave.cluster._protocol import canonical_labels, register_clusterer
from storyweave.cluster._report_features import KINDS, BackgroundFrequencies, ReportFeatures, report_features
from storyweave.cluster._story_state import FEATURE_NAMES, OnlineSettings, StreamState, pair_feature_rows
from storyweave.model import Article

__all__ = ["ONLINE_CLUSTERER", "Assignment", "OnlineClusterer", "assign", "stream_order"]

ONLINE_CLUSTERER = "online"

_WORDS = KINDS.index("words")
_CHEAP_KINDS = tuple(kind for kind in range(len(KINDS)) if kind != _WORDS)
_WORDS_COLUMNS = (FEATURE_NAMES.index("centroid_words"), FEATURE_NAMES.index("closest_words"))
_MARGIN = 1e-9
"""Probability margin under a threshold before a candidate's bound rules it out (rounding is ~1e-16)."""


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one report went: its story's label, whether that story is new, and stories merged into it."""

    label: int
    opened: bool
    merged: tuple[int, ...] = ()


def assign(state: StreamState, report: ReportFeatures, model: JoinModel) -> Assignment:
    """Place ``report`` in ``state`` (updated in place) and say where it went.

    Candidates come from the key index only; the most probable joins when it reaches the model's join
    threshold, and every other candidate at the merge threshold is folded into it. Ties go to the
    candidate sharing the most keys, then the newest, so the result never depends on dict order.
    """
    state.advance(report)
    candidates = state.candidates(report)
    if candidates and report.vectors[_WORDS]:
        # Most candidates are hopeless. Bound each one's probability from every feature but the words
        # cosines (the costly ones), and drop those that cannot reach either threshold: they could be
        # neither joined nor merged, and the rest rank among themselves as before, so nothing changes.
        cheap = pair_feature_rows(report, candidates, kinds=_CHEAP_KINDS)
        bounds = model.upper_probabilities(cheap, _WORDS_COLUMNS).tolist()
        floor = min(model.join_threshold, model.merge_threshold) - _MARGIN
        candidates = [story for story, bound in zip(candidates, bounds, strict=True) if bound >= floor]
    if candidates:
        probabilities = model.probabilities(np.array(pair_feature_rows(report, candidates)))
        best = int(np.argmax(probabilities))
        if probabilities[best] >= model.join_threshold:
            story = candidates[best]
            state.join(report, story)
            merged = []
            for k in np.argsort(-probabilities, kind="stable") if model.merge_threshold < 1.0 else ():
                if k != best and probabilities[k] >= model.merge_threshold:
                    merged.append(candidates[k].label)
                    state.merge(story, candidates[k])
            return Assignment(label=story.label, opened=False, merged=tuple(merged))
    return Assignment(label=state.open_story(report).label, opened=True)


def stream_order(articles: Sequence[Article]) -> list[int]:
    """Indices of ``articles`` in arrival order: by publication date, an undated report where it stands.

    An undated report takes the date of the nearest dated report before it in the input, so it keeps its
    place among its neighbours instead of being pushed to either end of the stream.
    """
    keys: list[date] = []
    current = date.min
    for article in articles:
        current = article.published or current
        keys.append(current)
    return sorted(range(len(articles)), key=keys.__getitem__)


@dataclass(slots=True)
class OnlineClusterer:
    """Streaming clusterer: :meth:`add` one report at a time, or :meth:`fit_predict` a whole pile.

    ``model`` is the join decision (the committed, trained one by default); ``settings`` bound memory and
    work; ``background`` weighs terms (the committed Multi-News table by default). The stream state lives
    in the instance: :meth:`snapshot` captures it, :meth:`from_snapshot` resumes it.
    """

    model: JoinModel | None = None
    settings: OnlineSettings = field(default_factory=OnlineSettings)
    background: BackgroundFrequencies | None = None
    name: str = ONLINE_CLUSTERER
    state: StreamState = field(init=False)

    def __post_init__(self) -> None:
        self.state = StreamState(settings=self.settings)

    @property
    def join_model(self) -> JoinModel:
        return self.model or default_join_model()

    def features(self, article: Article) -> ReportFeatures:
        """The report's features under this clusterer's background table (pure; safe to run elsewhere)."""
        return report_features(article, self.background)

    def add(self, article: Article) -> int:
        """Assign one report on arrival; returns its story label (see :meth:`story_of` after merges)."""
        return assign(self.state, self.features(article), self.join_model).label

    def add_features(self, report: ReportFeatures) -> Assignment:
        """Assign a report whose features were computed elsewhere (another process, a Spark executor)."""
        return assign(self.state, report, self.join_model)

    def story_of(self, label: int) -> int:
        """The label a story carries now: a label handed out earlier may since have merged into another."""
        return self.state.resolve(label)

    def reset(self) -> None:
        """Forget the stream: no active stories, clock at zero."""
        self.state = StreamState(settings=self.settings)

    def snapshot(self) -> dict[str, Any]:
        """The stream state as JSON-ready data, for a job to persist and resume later."""
        return self.state.snapshot()

    @classmethod
    def from_snapshot(
        cls,
        data: dict[str, Any],
        model: JoinModel | None = None,
        background: BackgroundFrequencies | None = None,
    ) -> OnlineClusterer:
        """A clusterer that continues the stream captured by :meth:`snapshot`."""
        state = StreamState.from_snapshot(data)
        clusterer = cls(model=model, settings=state.settings, background=background)
        clusterer.state = state
        return clusterer

    def fit_predict(self, articles: Sequence[Article]) -> list[int]:
        """Stream ``articles`` through a fresh state in arrival order; final labels, merges applied."""
        self.reset()
        raw = [0] * len(articles)
        for index in stream_order(articles):
            raw[index] = self.add(articles[index])
        return canonical_labels([self.story_of(label) for label in raw])


register_clusterer(ONLINE_CLUSTERER, OnlineClusterer)
