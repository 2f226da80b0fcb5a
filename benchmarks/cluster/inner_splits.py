"""Judge a join-model training recipe on inner splits of the TUNING halves, before any held-out check.

The halves are small (ECB+ 11 topics, Clust-McMs ~50 stories per half), so a single inner split is mostly
noise: each partition here splits the tuning halves' groups (ECB+ topics, Clust-McMs stories) in two at
random (seeded), trains on one part with the recipe, scores the other, and then the reverse; the figure
is the mean over ``--partitions`` such splits. Only the tuning halves are read unless ``--check-held-out``
is given, which then runs the recipe once per direction on the real halves (as run.py does) as a check.

Recipes (``--selection``): ``argmax`` is train_join_model's (the grid point of highest mean F1);
``fixed`` uses join 0.5 / merge 0.95 untuned (with balanced classes 0.5 is the even-odds point);
``smooth`` takes the argmax of F1 averaged over neighbouring join thresholds (the plateau, not a spike);
``crossfit`` scores thresholds on out-of-fold runs (2 folds x 3 repeats) of models trained without
that fold, then smooths. ``--c`` and ``--pair-weights`` vary the logistic regression.

    python benchmarks/cluster/inner_splits.py [--selection argmax] [--c 1.0] [--pair-weights]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from types import ModuleType

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _datasets import load_scorer
from train_join_model import (
    JOIN_GRID,
    TRAINING,
    Stream,
    best_thresholds,
    fit,
    load_streams,
    online_f1,
    threshold_scores,
)

from storyweave.cluster._join_model import JoinModel

REPO = Path(__file__).resolve().parents[2]
HELD_OUT = ("ECB+ dev, held-out half", "Clust-McMs dev, held-out half")
SELECTIONS = ("argmax", "fixed", "smooth", "crossfit")


def _group(stream: Stream, record: dict) -> str:
    return str(record["topic"] if stream[1] == "event" else record["story"])


def _subset(stream: Stream, groups: set[str]) -> Stream:
    name, key, records, reports = stream
    keep = [k for k, r in enumerate(records) if _group(stream, r) in groups]
    return name, key, [records[k] for k in keep], [reports[k] for k in keep]


def _folds(stream: Stream, rng: random.Random, count: int) -> list[set[str]]:
    groups = sorted({_group(stream, r) for r in stream[2]})
    rng.shuffle(groups)
    return [set(groups[k::count]) for k in range(count)]


def _smoothed(scores: dict[tuple[float, float], float]) -> dict[tuple[float, float], float]:
    """Mean F1 over the join thresholds one grid step either side (same merge threshold)."""
    grid = list(JOIN_GRID)
    result = {}
    for join, merge in scores:
        k = grid.index(join)
        near = [scores[(j, merge)] for j in grid[max(0, k - 1) : k + 2] if (j, merge) in scores]
        result[(join, merge)] = float(np.mean(near))
    return result


def choose(
    streams: list[Stream], scorer: ModuleType, selection: str, c: float, equal_datasets: bool
) -> JoinModel:
    """A model trained on ``streams`` with thresholds picked by ``selection`` on those streams only."""
    base = fit(streams, c=c, equal_datasets=equal_datasets)
    if selection == "fixed":
        return base.with_thresholds(0.5, 0.95)
    if selection in ("argmax", "smooth"):
        scores = {k: float(np.mean(v)) for k, v in threshold_scores(base, streams, scorer).items()}
    else:  # crossfit
        rng, runs = random.Random(0), {}
        for _ in range(3):
            folds = [_folds(s, rng, 2) for s in streams]
            for held in range(2):
                train = [_subset(s, f[1 - held]) for s, f in zip(streams, folds, strict=True)]
                test = [_subset(s, f[held]) for s, f in zip(streams, folds, strict=True)]
                model = fit(train, c=c, equal_datasets=equal_datasets)
                for point, f1 in threshold_scores(model, test, scorer).items():
                    runs.setdefault(point, []).append(float(np.mean(f1)))
        scores = {k: float(np.mean(v)) for k, v in runs.items()}
    if selection != "argmax":
        scores = _smoothed(scores)
    return base.with_thresholds(*best_thresholds({k: [v] for k, v in scores.items()}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared/ folder")
    parser.add_argument("--selection", choices=SELECTIONS, default="argmax")
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument("--pair-weights", action="store_true", help="weigh pairs alike, not datasets")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--check-held-out", action="store_true", help="then one run per direction")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.shared)
    options = {"selection": args.selection, "c": args.c, "equal_datasets": not args.pair_weights}
    tuning = load_streams(args.shared, TRAINING)
    rng, results = random.Random(1234), []
    for _ in range(args.partitions):
        halves = [_folds(s, rng, 2) for s in tuning]
        for a, b in ((0, 1), (1, 0)):
            model = choose([_subset(s, h[a]) for s, h in zip(tuning, halves, strict=True)], scorer, **options)
            f1 = online_f1(model, [_subset(s, h[b]) for s, h in zip(tuning, halves, strict=True)], scorer)
            results.append(f1)
            print(f"join {model.join_threshold:.2f} merge {model.merge_threshold:.2f}: {f1}", file=sys.stderr)
    ecb, mcms = np.mean(results, axis=0)
    print(
        f"{options} inner splits: ECB+ event {ecb:.4f}, Clust-McMs story {mcms:.4f}, "
        f"mean {(ecb + mcms) / 2:.4f}"
    )
    if args.check_held_out:
        held_out = load_streams(args.shared, HELD_OUT)
        for name, train, test in (
            ("tuning → held-out", tuning, held_out),
            ("held-out → tuning", held_out, tuning),
        ):
            model = choose(train, scorer, **options)
            ecb, mcms = online_f1(model, test, scorer)
            print(
                f"{name} (join {model.join_threshold}, merge {model.merge_threshold}): ECB+ event {ecb:.4f}, "
                f"Clust-McMs story {mcms:.4f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
