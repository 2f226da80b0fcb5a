"""The training script's pieces on invented streams: weighting options, threshold choice (no shared data)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from storyweave.cluster._report_features import report_features

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks" / "cluster"))
import inner_splits
import train_join_model


def _stream(reports, name: str, key: str) -> train_join_model.Stream:
    texts = [reports.harbour_flight, reports.desert_flight, reports.bakery_strike, reports.comet_sighting]
    records = [
        {"id": f"{name}{k}", key: k % 2 if k < 4 else 2 + k % 4, "topic": k % 2, "story": k % 3}
        for k in range(8)
    ]
    articles = [reports.article(texts[k % 4][: 120 + 20 * k]) for k in range(8)]
    return name, key, records, [report_features(a) for a in articles]


def test_fit_weighs_datasets_equally_or_pairs_alike(reports) -> None:
    streams = [_stream(reports, "a", "event"), _stream(reports, "b", "story")]
    equal = train_join_model.fit(streams)
    alike = train_join_model.fit(streams, equal_datasets=False, c=0.1)
    assert equal.provenance["pairs"] == alike.provenance["pairs"] > 0
    assert (equal.join_threshold, equal.merge_threshold) == (0.5, 1.0)
    assert np.all(np.isfinite(alike.coef)) and alike.coef != equal.coef


def test_best_thresholds_prefers_highest_mean_then_lowest_merge() -> None:
    scores = {(0.3, 0.9): [0.8, 0.9], (0.3, 0.95): [0.85, 0.85], (0.5, 0.9): [0.7, 0.7]}
    assert train_join_model.best_thresholds(scores) == (0.3, 0.9)


def test_smoothing_averages_neighbouring_join_thresholds() -> None:
    scores = {(0.3, 0.9): 0.9, (0.35, 0.9): 0.5, (0.4, 0.9): 0.8, (0.3, 0.95): 0.6}
    smoothed = inner_splits._smoothed(scores)
    assert smoothed[(0.35, 0.9)] == pytest.approx((0.9 + 0.5 + 0.8) / 3)
    assert smoothed[(0.3, 0.9)] == pytest.approx((0.9 + 0.5) / 2)
    assert smoothed[(0.3, 0.95)] == pytest.approx(0.6)
