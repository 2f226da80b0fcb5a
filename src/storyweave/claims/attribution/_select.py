"""Which of a sentence's candidate attributions to keep, by where they lie against each other.

The cue tagger's posterior alone decides badly in two places, both measured on the 120 held-out PolNeAR
train documents (``benchmarks/attribution/README.md``):

- a cue inside the content of a cue before it ("Trump said voters *think* ...", "the poll shows voters
  *prefer* ..."): PolNeAR annotates such nested attributions only now and then, so below a posterior of
  0.9 they matched a gold attribution 17 times in 98, a loss in F1;
- a weak cue (posterior between the weak and the confident threshold) where no other attribution
  claims the words: these are mostly the long tail of cues ("lectured", "testified", "lays out") and
  matched about half the time, against a fifth for weak cues whose content another cue already covers.
  Deciding the doubtful range by that check instead of by the posterior alone is why the confident
  threshold could rise from 0.35 to 0.7 (figures in ``_extract``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storyweave.model import Attribution

__all__ = ["Candidate", "inside_content", "overlaps", "select"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One attribution built for a cue, with the cue tagger's peak posterior over the cue's tokens and
    whether the cue reached the main threshold (``weak`` ones reached only the lower one)."""

    attribution: Attribution
    probability: float
    weak: bool = False


def _nested(candidate: Candidate, others: Sequence[Candidate]) -> bool:
    """Whether the candidate's cue lies inside the content of another candidate whose cue comes first."""
    cue = candidate.attribution.cue
    return any(
        other.attribution.cue.start < cue.start
        and other.attribution.content.start <= cue.start
        and cue.end <= other.attribution.content.end
        for other in others
        if other is not candidate
    )


def overlaps(attribution: Attribution, kept: Sequence[Attribution]) -> bool:
    """Whether the attribution's content shares a character with the content of any of ``kept``."""
    content = attribution.content
    return any(other.content.start < content.end and content.start < other.content.end for other in kept)


def inside_content(start: int, end: int, kept: Sequence[Attribution]) -> bool:
    """Whether the characters [start, end) lie inside the content of any of ``kept``: a weak cue there
    would almost always have a content overlapping it, so its roles need not be tagged at all."""
    return any(other.content.start <= start and end <= other.content.end for other in kept)


def select(candidates: Sequence[Candidate], nested_threshold: float) -> list[Attribution]:
    """The attributions to report for one sentence's candidates, in cue order.

    A confident candidate is kept unless its cue is nested in an earlier cue's content and its posterior
    is below ``nested_threshold``. A weak candidate is kept, in cue order, only when its content overlaps
    the content of no attribution kept so far.
    """
    confident = [c for c in candidates if not c.weak]
    kept = [
        c.attribution for c in confident if c.probability >= nested_threshold or not _nested(c, confident)
    ]
    weak = sorted((c for c in candidates if c.weak), key=lambda c: c.attribution.cue.start)
    for candidate in weak:
        if not overlaps(candidate.attribution, kept):
            kept.append(candidate.attribution)
    return sorted(kept, key=lambda a: (a.cue.start, a.cue.end))
