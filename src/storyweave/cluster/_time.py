"""How much a gap between publication dates should weaken the case for "same event"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from storyweave.cluster._linkage import PairDiscount
from storyweave.model import Article

__all__ = ["DateDiscount"]

_EPOCH = date(1970, 1, 1)


@dataclass(frozen=True, slots=True)
class DateDiscount:
    """Similarity factor 1 within ``grace_days``, then ``exp(-(gap - grace_days) / decay_days)``.

    Coverage of one event sits within days of it, with follow-ups over weeks; reports months or years
    apart that read alike describe another event of the same kind (a second flight, a second earthquake).
    The grace keeps a wire story and next week's follow-up together; the decay makes a gap of a few months
    unbridgeable at any sensible threshold. A pair where either date is unknown is not discounted: an
    unknown date is no evidence of distance.
    """

    grace_days: float = 7.0
    decay_days: float = 30.0

    def __post_init__(self) -> None:
        if self.grace_days < 0 or self.decay_days <= 0:
            raise ValueError(
                "DateDiscount needs grace_days >= 0 and decay_days > 0, "
                f"got grace_days={self.grace_days}, decay_days={self.decay_days}"
            )

    def for_articles(self, articles: Sequence[Article]) -> PairDiscount | None:
        """A discount over row indices of ``articles``; None when fewer than two dates are known."""
        days = np.array(
            [(a.published - _EPOCH).days if a.published else np.nan for a in articles], dtype=np.float64
        )
        if np.count_nonzero(~np.isnan(days)) < 2:
            return None
        grace, decay = self.grace_days, self.decay_days

        def discount(rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
            gap = np.abs(days[rows] - days[cols])
            factor = np.exp(-np.clip(gap - grace, 0.0, None) / decay)
            return np.where(np.isnan(gap), 1.0, factor)

        return discount
