"""The learned decision "join this story or start a new one": logistic regression over pair features.

Trained by ``benchmarks/cluster/train_join_model.py`` on (report, story) pairs from both halves of ECB+
dev and Clust-McMs dev (more data pays; the benchmark itself trains on one half and reports the other) and
committed as JSON (a few hundred bytes): the weights are read by numpy
alone, so the decision is the same in every process, with no pickled estimator to trust or to version.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from storyweave.cluster._story_state import FEATURE_NAMES

__all__ = ["JoinModel", "default_join_model"]

DEFAULT_MODEL = Path(__file__).with_name("join_model.json")

_SLACK = 1e-6
"""How far past [0, 1] a computed cosine could stray by rounding, with a wide margin (it is ~1e-15)."""


@dataclass(frozen=True, slots=True)
class JoinModel:
    """Standardise, weigh, squash: ``sigmoid(coef . (x - mean) / scale + intercept)``.

    A report joins its most probable candidate story when that probability reaches ``join_threshold``;
    another candidate at ``merge_threshold`` or above is merged into that story (the report is evidence
    that the two were one story all along); a merge threshold of 1 turns merging off. ``provenance``
    records the data, settings and command that made the model.
    """

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    join_threshold: float
    merge_threshold: float
    provenance: dict[str, Any]

    def __post_init__(self) -> None:
        if tuple(self.features) != FEATURE_NAMES:
            raise ValueError(
                f"join model features {list(self.features)} do not match this version's "
                f"{list(FEATURE_NAMES)}; retrain with benchmarks/cluster/train_join_model.py"
            )
        if not (len(self.mean) == len(self.scale) == len(self.coef) == len(FEATURE_NAMES)):
            raise ValueError("join model mean, scale and coef must each hold one value per feature")
        if not 0.0 < self.join_threshold < 1.0 or not 0.0 < self.merge_threshold <= 1.0:
            raise ValueError(
                f"join model thresholds must lie in (0, 1): join={self.join_threshold}, "
                f"merge={self.merge_threshold}"
            )

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """P(same story) for each row of pair features (one row per candidate)."""
        mean, scale, coef = _arrays(self.mean, self.scale, self.coef)
        z = ((rows - mean) / scale) @ coef
        return 1.0 / (1.0 + np.exp(-(z + self.intercept)))

    def upper_probabilities(self, rows: Sequence[Sequence[float]], free: Sequence[int]) -> np.ndarray:
        """A bound on :meth:`probabilities` for rows whose ``free`` columns (cosines, in [0, 1]) are unknown.

        Before the squashing the model is linear, so setting each free column to the end of [0, 1] that
        raises the score bounds every value it could take; a little slack past both ends absorbs rounding.
        A candidate whose bound is below a threshold is certainly below it, so its cosines need not be
        computed at all.
        """
        optimistic = np.array(rows, dtype=np.float64)
        if len(optimistic):
            columns = list(free)
            optimistic[:, columns] = _optimistic(self.coef, tuple(columns))
        return self.probabilities(optimistic)

    def with_thresholds(self, join: float, merge: float) -> JoinModel:
        """The same weights with other decision thresholds (for tuning and for finer/coarser stories)."""
        values = asdict(self) | {"join_threshold": join, "merge_threshold": merge}
        return JoinModel(**values)

    def with_provenance(self, provenance: dict[str, Any]) -> JoinModel:
        """The same model with ``provenance`` recording how it was made."""
        return JoinModel(**(asdict(self) | {"provenance": provenance}))

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_file(cls, path: Path) -> JoinModel:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})
        except (OSError, json.JSONDecodeError, TypeError) as error:
            raise ValueError(
                f"cannot read the join model {path}: {error}; "
                "rebuild it with benchmarks/cluster/train_join_model.py"
            ) from None


@lru_cache(maxsize=16)
def _arrays(*values: tuple[float, ...]) -> tuple[np.ndarray, ...]:
    # The weights as arrays, made once per model rather than once per report (the assignment step calls
    # the model for every report; the arrays hold the same values, so the products are unchanged).
    return tuple(np.asarray(v) for v in values)


@lru_cache(maxsize=16)
def _optimistic(coef: tuple[float, ...], columns: tuple[int, ...]) -> np.ndarray:
    return np.array([1.0 + _SLACK if coef[c] > 0 else -_SLACK for c in columns])


@cache
def default_join_model() -> JoinModel:
    """The committed model, read once per process."""
    return JoinModel.from_file(DEFAULT_MODEL)
