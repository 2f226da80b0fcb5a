"""The online clusterer's memory: the active stories, an inverted index over their keys, and expiry.

Memory is bounded by the active window, not by the stream: a story whose last report is older than
``window_days`` (dated streams) or ``window_reports`` arrivals (any stream) is dropped with its index
entries, and posting lists keep only their most recent stories. Finding candidate stories goes through the
index (stories sharing a telling term with the report), so the pairwise work per report is bounded by
``max_candidates``, never by the number of stories.

Everything here is deterministic (no randomness, no hash-order dependence) and the whole state is plain
data, so :meth:`StreamState.snapshot` can be persisted and resumed, in this process or another.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import add, mul
from typing import Any

from storyweave.cluster._report_features import KINDS, ReportFeatures

__all__ = ["FEATURE_NAMES", "OnlineSettings", "Story", "StreamState", "pair_feature_rows", "pair_features"]

FEATURE_NAMES = (
    *(f"centroid_{kind}" for kind in KINDS),
    *(f"closest_{kind}" for kind in KINDS),
    "novel_names",
    "novel_numbers",
    *(f"has_{kind}" for kind in KINDS[1:]),
    "dated",
    "log_gap_days",
    "log_size",
)
"""What the join decision sees about one (report, story) pair, in this order: per sub-vector, the cosine
to the story's centroid and to its closest recent member; the share of the report's names and numbers
the story has never mentioned; which sub-vectors both sides have; the date gap; the story's size."""


@dataclass(frozen=True, slots=True)
class OnlineSettings:
    """Bounds on memory and work; none of them is a quality knob learned from data."""

    window_days: int = 45
    window_reports: int = 50_000
    max_candidates: int = 8
    keys_per_story: int = 40
    postings_per_key: int = 64
    recent_members: int = 3

    def __post_init__(self) -> None:
        for name in self.__slots__:
            if getattr(self, name) < 1:
                raise ValueError(f"OnlineSettings.{name} must be at least 1, got {getattr(self, name)!r}")


@dataclass(slots=True)
class Story:
    """An active story: per-kind sums of its members' unit vectors (the centroid), dates, recent members."""

    label: int
    size: int
    sums: list[dict[str, float]]
    squared_norms: list[float]
    recent: list[tuple[dict[str, float], ...]]
    first_day: int | None
    last_day: int | None
    last_arrival: int
    keys: list[str]


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    # The key intersection runs in C and is small; iterating one side with .get() in Python was the
    # clusterer's hottest loop.
    return sum([a[term] * b[term] for term in a.keys() & b.keys()])


def _novelty(vector: dict[str, float], sums: dict[str, float]) -> float:
    # The report's vector is unit length, so this is the share of its squared weight the story lacks.
    return sum([value * value for term, value in vector.items() if term not in sums])


def pair_features(report: ReportFeatures, story: Story) -> list[float]:
    """The :data:`FEATURE_NAMES` values for joining ``report`` to ``story``: a pure function of the two."""
    return pair_feature_rows(report, [story])[0]


def pair_feature_rows(
    report: ReportFeatures, stories: Sequence[Story], kinds: Sequence[int] | None = None
) -> list[list[float]]:
    """:func:`pair_features` of ``report`` against each of ``stories``, in order, in one pass.

    This is the assignment step's hot loop (up to ``max_candidates`` stories, each a centroid and a few
    recent members per sub-vector, for every report). What depends on the report alone is looked up once,
    and each dot product is inlined. The centroid cosines sum over ``report_keys & sums.keys()`` in that
    set's order, as :func:`_dot` does; the closest-member cosines sum over a subset of that set, so they
    can differ from the plain sum in the last bit only (as sums in hash order already did between runs).

    ``kinds`` limits the cosines computed to those sub-vectors (the others read 0.0); every other feature
    is always computed. The assignment step uses it to bound a candidate's probability before paying for
    the words sub-vector, the largest.
    """
    wanted = range(len(KINDS)) if kinds is None else kinds
    vectors = report.vectors
    present = [(kind, vectors[kind].keys(), vectors[kind].__getitem__) for kind in wanted if vectors[kind]]
    empty = [0.0] * len(KINDS)
    names, numbers = vectors[1], vectors[2]
    day = report.day
    sqrt = math.sqrt
    rows = []
    for story in stories:
        sums, norms, recent = story.sums, story.squared_norms, story.recent
        centroid, closest = empty.copy(), empty.copy()
        for kind, keys, value in present:
            s = sums[kind]
            common = keys & s.keys()
            if norms[kind] > 0:
                centroid[kind] = sum([value(t) * s[t] for t in common]) / sqrt(norms[kind])
            if common:
                # A member's terms are all in the story's sums, so its overlap with the report lies
                # inside ``common``, usually a small fraction of the report's terms.
                closest[kind] = max(
                    [sum([value(t) * m[t] for t in common & m.keys()]) for m in [r[kind] for r in recent]]
                )
        gap = None
        if day is not None and story.first_day is not None and story.last_day is not None:
            gap = max(story.first_day - day, day - story.last_day, 0)
        rows.append(
            [
                *centroid,
                *closest,
                _novelty(names, sums[1]) if names else 0.0,
                _novelty(numbers, sums[2]) if numbers else 0.0,
                *[float(bool(v) and n > 0) for v, n in zip(vectors[1:], norms[1:], strict=True)],
                float(gap is not None),
                math.log1p(gap) if gap is not None else 0.0,
                math.log(story.size),
            ]
        )
    return rows


@dataclass(slots=True)
class StreamState:
    """Active stories by label, the key index, the stream clock, and which labels were merged into which."""

    settings: OnlineSettings = field(default_factory=OnlineSettings)
    stories: dict[int, Story] = field(default_factory=dict)
    postings: dict[str, list[int]] = field(default_factory=dict)
    merged_into: dict[int, int] = field(default_factory=dict)
    arrivals: int = 0
    clock_day: int | None = None
    next_label: int = 0
    _by_arrival: list[tuple[int, int]] = field(default_factory=list)
    _by_day: list[tuple[int, int]] = field(default_factory=list)

    # -- the clock and expiry ------------------------------------------------------------------------

    def advance(self, report: ReportFeatures) -> None:
        """Count one arrival, move the date clock forward, and drop stories that fell out of the window."""
        self.arrivals += 1
        if report.day is not None and (self.clock_day is None or report.day > self.clock_day):
            self.clock_day = report.day
        horizon = self.arrivals - self.settings.window_reports
        while self._by_arrival and self._by_arrival[0][0] < horizon:
            arrival, label = heapq.heappop(self._by_arrival)
            story = self.stories.get(label)
            if story is not None and story.last_arrival == arrival:
                self._expire(story)
        if self.clock_day is not None:
            day_horizon = self.clock_day - self.settings.window_days
            while self._by_day and self._by_day[0][0] < day_horizon:
                day, label = heapq.heappop(self._by_day)
                story = self.stories.get(label)
                if story is not None and story.last_day == day:
                    self._expire(story)

    def _expire(self, story: Story) -> None:
        del self.stories[story.label]
        for key in story.keys:
            self._unpost(key, story.label)

    def _unpost(self, key: str, label: int) -> None:
        posting = self.postings.get(key)
        if posting is not None and label in posting:
            posting.remove(label)
            if not posting:
                del self.postings[key]

    def _post(self, story: Story, keys: tuple[str, ...] | list[str]) -> None:
        for key in keys:
            if len(story.keys) >= self.settings.keys_per_story:
                return
            if key in story.keys:
                continue
            story.keys.append(key)
            posting = self.postings.setdefault(key, [])
            posting.append(story.label)
            if len(posting) > self.settings.postings_per_key:
                dropped = posting.pop(0)
                if dropped in self.stories:
                    self.stories[dropped].keys.remove(key)

    def _schedule(self, story: Story) -> None:
        heapq.heappush(self._by_arrival, (story.last_arrival, story.label))
        if story.last_day is not None:
            heapq.heappush(self._by_day, (story.last_day, story.label))

    # -- candidates and updates ----------------------------------------------------------------------

    def candidates(self, report: ReportFeatures) -> list[Story]:
        """Active stories sharing at least one key with ``report``: most shared keys first, then newest."""
        postings = self.postings
        shared = Counter(chain.from_iterable([postings[key] for key in report.keys if key in postings]))
        limit = self.settings.max_candidates
        # Only stories sharing at least as many keys as the limit-th best can make the cut, and
        # (count, label) pairs are unique, so sorting them descending ranks exactly as before.
        floor = heapq.nlargest(limit, shared.values())[-1] if len(shared) > limit else 0
        ranked = [(count, label) for label, count in shared.items() if count >= floor]
        ranked.sort(reverse=True)
        return [self.stories[label] for _, label in ranked[:limit]]

    def open_story(self, report: ReportFeatures) -> Story:
        """A new story holding ``report`` alone."""
        story = Story(
            label=self.next_label,
            size=0,
            sums=[{} for _ in KINDS],
            squared_norms=[0.0 for _ in KINDS],
            recent=[],
            first_day=None,
            last_day=None,
            last_arrival=self.arrivals,
            keys=[],
        )
        self.next_label += 1
        self.stories[story.label] = story
        self.join(report, story)
        return story

    def join(self, report: ReportFeatures, story: Story) -> None:
        """Add ``report`` to ``story``: centroid sums and norms, dates, recent members, index keys."""
        for kind, vector in enumerate(report.vectors):
            if not vector:
                continue  # adds nothing: the norm gains 0.0, the sums no term
            sums = story.sums[kind]
            cross = _dot(vector, sums)
            values = vector.values()
            story.squared_norms[kind] += 2.0 * cross + sum(map(mul, values, values))
            # sums[term] = sums.get(term, 0.0) + value for each term, in order, with the loop in C.
            sums.update(zip(vector, map(add, map(sums.get, vector, repeat(0.0)), values), strict=True))
        story.size += 1
        story.recent.append(report.vectors)
        del story.recent[: -self.settings.recent_members]
        if report.day is not None:
            story.first_day = report.day if story.first_day is None else min(story.first_day, report.day)
            story.last_day = report.day if story.last_day is None else max(story.last_day, report.day)
        story.last_arrival = self.arrivals
        self._post(story, report.keys)
        self._schedule(story)

    def merge(self, survivor: Story, absorbed: Story) -> None:
        """Fold ``absorbed`` into ``survivor``; the absorbed label resolves to the survivor from now on."""
        for kind in range(len(KINDS)):
            sums = survivor.sums[kind]
            for term, value in absorbed.sums[kind].items():
                sums[term] = sums.get(term, 0.0) + value
            survivor.squared_norms[kind] = sum(value * value for value in sums.values())
        survivor.size += absorbed.size
        survivor.recent = (survivor.recent + absorbed.recent)[-self.settings.recent_members :]
        days = [
            d
            for d in (survivor.first_day, survivor.last_day, absorbed.first_day, absorbed.last_day)
            if d is not None
        ]
        survivor.first_day, survivor.last_day = (min(days), max(days)) if days else (None, None)
        survivor.last_arrival = max(survivor.last_arrival, absorbed.last_arrival)
        self._expire(absorbed)
        self.merged_into[absorbed.label] = survivor.label
        self._post(survivor, absorbed.keys)
        self._schedule(survivor)

    def resolve(self, label: int) -> int:
        """The label a story now carries, following merges."""
        while label in self.merged_into:
            label = self.merged_into[label]
        return label

    # -- persistence ---------------------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """The whole state as JSON-ready data; :meth:`from_snapshot` gives back an equal state."""
        return {
            "settings": {name: getattr(self.settings, name) for name in OnlineSettings.__slots__},
            "stories": [
                {name: getattr(story, name) for name in Story.__slots__} for story in self.stories.values()
            ],
            "postings": self.postings,
            "merged_into": [[k, v] for k, v in self.merged_into.items()],
            "arrivals": self.arrivals,
            "clock_day": self.clock_day,
            "next_label": self.next_label,
            "by_arrival": self._by_arrival,
            "by_day": self._by_day,
        }

    @classmethod
    def from_snapshot(cls, data: dict[str, Any]) -> StreamState:
        """Rebuild a state from :meth:`snapshot` output (possibly after a JSON round trip)."""
        try:
            stories = {}
            for raw in data["stories"]:
                story = Story(**raw)
                story.recent = [tuple(dict(v) for v in member) for member in story.recent]
                story.sums = [dict(s) for s in story.sums]
                if len(story.sums) != len(KINDS):
                    raise ValueError(f"stories hold {len(story.sums)} sub-vectors, this version {len(KINDS)}")
                stories[story.label] = story
            return cls(
                settings=OnlineSettings(**data["settings"]),
                stories=stories,
                postings={k: list(v) for k, v in data["postings"].items()},
                merged_into={int(k): int(v) for k, v in data["merged_into"]},
                arrivals=int(data["arrivals"]),
                clock_day=data["clock_day"],
                next_label=int(data["next_label"]),
                _by_arrival=[tuple(e) for e in data["by_arrival"]],
                _by_day=[tuple(e) for e in data["by_day"]],
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(
                f"not an online clustering snapshot ({type(error).__name__}: {error}); "
                "pass the dict that OnlineClusterer.snapshot() returned"
            ) from None
