"""Train the online clusterer's join/new decision and write src/storyweave/cluster/join_model.json.

Data: ECB+ dev (gold key ``event``) and Clust-McMs dev (gold key ``story``), each split in two halves (see
_datasets.py). Pairs come from replaying each half's stream in arrival order with gold assignments
("teacher forcing"): for every report, each candidate story the key index returns (plus its gold story when
still active) gives one (pair features, same story?) example, so the classifier sees the candidates it will
face at run time. Logistic regression (scikit-learn, balanced classes, each dataset weighted equally).

The shipped model (``--halves both``, the default) is fitted on all four half-streams with the join and
merge thresholds fixed at 0.5 / 0.95: doubling the training data was worth +2.5 to +3.8 B-cubed points on
Clust-McMs (BENCHMARKS.md, "Session 5: how much does more training data help?"), and fixed thresholds scored
the same as tuned ones on inner splits (session 4). ``--halves tuning --thresholds argmax`` is the recipe
``run.py`` measures per direction: the tuning halves only, thresholds maximising the mean reference B-cubed
F1 of the real online clusterer on those halves.

    python benchmarks/cluster/train_join_model.py [--shared ../shared] [--halves both|tuning]
        [--thresholds fixed|argmax]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _datasets import articles, load_scorer, splits

from storyweave.cluster._join_model import DEFAULT_MODEL, JoinModel
from storyweave.cluster._online import OnlineClusterer, stream_order
from storyweave.cluster._report_features import ReportFeatures, report_features
from storyweave.cluster._story_state import FEATURE_NAMES, OnlineSettings, StreamState, pair_features

REPO = Path(__file__).resolve().parents[2]
TRAINING = ("ECB+ dev, tuning half", "Clust-McMs dev, tuning half")
HELD_OUT = ("ECB+ dev, held-out half", "Clust-McMs dev, held-out half")
FIXED_THRESHOLDS = (0.5, 0.95)
JOIN_GRID = tuple(round(x, 2) for x in np.arange(0.10, 0.96, 0.05))
MERGE_GRID = (0.9, 0.95, 0.99, 1.0)


def teacher_forced_pairs(reports: list[ReportFeatures], gold: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Pair features and same-story targets from replaying one stream with its gold stories."""
    state = StreamState(settings=OnlineSettings())
    story_of_gold: dict[str, int] = {}
    rows, targets = [], []
    for report, label in zip(reports, gold, strict=True):
        state.advance(report)
        candidates = state.candidates(report)
        own = state.stories.get(story_of_gold.get(label, -1))
        if own is not None and own not in candidates:
            candidates.append(own)
        for story in candidates:
            rows.append(pair_features(report, story))
            targets.append(story is own)
        if own is None:
            story_of_gold[label] = state.open_story(report).label
        else:
            state.join(report, own)
    return np.array(rows, dtype=np.float64).reshape(-1, len(FEATURE_NAMES)), np.array(targets)


Stream = tuple[str, str, list[dict], list[ReportFeatures]]
"""(name, gold key, records in arrival order, their features)."""


def load_streams(shared: Path, halves: tuple[str, ...]) -> list[Stream]:
    """The named halves as streams in arrival order, with their report features (ECB+ halves keyed by
    ``event``, Clust-McMs halves by ``story``)."""
    by_name = {name: records for name, _, records in splits(shared, halves_only=True)}
    streams = []
    for name in halves:
        key = "event" if name.startswith("ECB+") else "story"
        records = by_name[name]
        records = [records[k] for k in stream_order(articles(records))]
        streams.append((name, key, records, [report_features(a) for a in articles(records)]))
    return streams


def online_f1(model: JoinModel, streams: list[Stream], scorer: ModuleType) -> list[float]:
    """Reference B-cubed F1 of the online clusterer on each stream, scored on that stream's gold key."""
    scores = []
    for _, key, records, reports in streams:
        clusterer = OnlineClusterer(model=model)
        labels = [clusterer.add_features(r).label for r in reports]
        pred = {
            str(r["id"]): {"story": clusterer.story_of(lab)} for r, lab in zip(records, labels, strict=True)
        }
        scores.append(scorer.bcubed(pred, {str(r["id"]): r for r in records}, key)["F1"])
    return scores


def fit(streams: list[Stream], c: float = 1.0, equal_datasets: bool = True, log: bool = False) -> JoinModel:
    """The join model's weights from teacher-forced pairs of ``streams`` (thresholds 0.5 / 1.0).

    ``equal_datasets`` weighs each stream's pairs to the same total (ECB+ halves give about three times the
    pairs of Clust-McMs ones, so plain per-pair weights let ECB+ decide); ``c`` is scikit-learn's inverse
    regularisation strength.
    """
    xs, ys, weights = [], [], []
    for name, key, records, reports in streams:
        x, y = teacher_forced_pairs(reports, [str(r[key]) for r in records])
        xs.append(x)
        ys.append(y)
        weights.append(np.full(len(y), 1.0 / len(y)))
        if log:
            print(
                f"{name}: {len(records)} reports, {len(y)} pairs, {int(y.sum())} same-story", file=sys.stderr
            )
    x, y, w = np.vstack(xs), np.concatenate(ys), np.concatenate(weights)
    if not equal_datasets:  # every pair alike, the same total weight (one per stream) as equal datasets
        w = np.full(len(y), len(streams) / len(y))
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    classifier = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    classifier.fit((x - mean) / scale, y, sample_weight=w * len(w))
    return JoinModel(
        features=FEATURE_NAMES,
        mean=tuple(mean.tolist()),
        scale=tuple(scale.tolist()),
        coef=tuple(classifier.coef_[0].tolist()),
        intercept=float(classifier.intercept_[0]),
        join_threshold=0.5,
        merge_threshold=1.0,
        provenance={"pairs": len(y), "positives": int(y.sum())},
    )


def threshold_scores(
    base: JoinModel, streams: list[Stream], scorer: ModuleType
) -> dict[tuple[float, float], list[float]]:
    """Per-stream F1 of ``base`` run with every (join, merge) pair of the grids (merge above join)."""
    return {
        (j, m): online_f1(base.with_thresholds(j, m), streams, scorer)
        for j, m in itertools.product(JOIN_GRID, MERGE_GRID)
        if m > j
    }


def best_thresholds(results: dict[tuple[float, float], list[float]]) -> tuple[float, float]:
    """The (join, merge) pair of highest mean F1; ties go to the lowest merge, then the lowest join."""
    return max(results.items(), key=lambda item: (float(np.mean(item[1])), -item[0][1]))[0]


def train(
    streams: list[Stream],
    scorer: ModuleType,
    log: bool = False,
    thresholds: str = "argmax",
    command_args: Sequence[str] = (),
) -> JoinModel:
    """Fit the join model on teacher-forced pairs of ``streams``; thresholds picked on the same streams
    (``argmax``) or :data:`FIXED_THRESHOLDS` (``fixed``)."""
    base = fit(streams, log=log)
    if thresholds == "fixed":
        join, merge = FIXED_THRESHOLDS
        fitted = {
            name: score
            for (name, *_), score in zip(
                streams, online_f1(base.with_thresholds(join, merge), streams, scorer), strict=True
            )
        }
    else:
        results = threshold_scores(base, streams, scorer)
        join, merge = best_thresholds(results)
        fitted = {name: score for (name, *_), score in zip(streams, results[(join, merge)], strict=True)}
        if log:
            for (j, m), scores in sorted(results.items()):
                print(f"join {j:.2f} merge {m:.2f}: " + " ".join(f"{s:.4f}" for s in scores), file=sys.stderr)
    provenance = {
        "data": ", ".join(f"{name} (key {key})" for name, key, _, _ in streams)
        + " (halves as defined in benchmarks/cluster/_datasets.py)",
        **base.provenance,
        "classifier": "sklearn LogisticRegression(C=1.0, class_weight='balanced'), datasets weighted equally",
        "settings": {name: getattr(OnlineSettings(), name) for name in OnlineSettings.__slots__},
        "thresholds": (
            {"fixed": list(FIXED_THRESHOLDS)}
            if thresholds == "fixed"
            else {"join": list(JOIN_GRID), "merge": list(MERGE_GRID)}
        ),
        "training_bcubed_f1 (in-sample)": fitted,
        "command": " ".join(["python", "benchmarks/cluster/train_join_model.py", *command_args]),
    }
    return base.with_thresholds(join, merge).with_provenance(provenance)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared/ folder")
    parser.add_argument("--output", type=Path, default=DEFAULT_MODEL)
    parser.add_argument(
        "--halves", choices=("both", "tuning"), default="both", help="which dev halves to fit"
    )
    parser.add_argument("--thresholds", choices=("fixed", "argmax"), default="fixed")
    args = parser.parse_args(argv)
    halves = TRAINING if args.halves == "tuning" else TRAINING + HELD_OUT
    streams = load_streams(args.shared, halves)
    given = ["--halves", args.halves, "--thresholds", args.thresholds]
    model = train(streams, load_scorer(args.shared), log=True, thresholds=args.thresholds, command_args=given)
    args.output.write_text(model.to_json(), encoding="utf-8")
    print(json.dumps({"join": model.join_threshold, "merge": model.merge_threshold}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
