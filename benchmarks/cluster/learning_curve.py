"""How much more training data helps the online join model: half of one dev half against the whole half.

For each direction (tuning → held-out, held-out → tuning), the join model is fitted on the whole training
half and on random halves of it (split by ECB+ topic / Clust-McMs story; ``--partitions`` seeded splits,
both parts of each), thresholds fixed at 0.5 / 0.95, and every model is scored on the other dev half with
the reference B-cubed scorer. If halving the data costs a lot, doubling it (fitting the shipped model on
both halves, as ``train_join_model.py`` does by default) should pay on data neither half holds.

    python benchmarks/cluster/learning_curve.py [--shared ../shared] [--partitions 4]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _datasets import load_scorer
from inner_splits import _folds, _subset
from train_join_model import FIXED_THRESHOLDS, HELD_OUT, TRAINING, fit, load_streams, online_f1

REPO = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared/ folder")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--seed", type=int, default=99)
    args = parser.parse_args(argv)
    scorer = load_scorer(args.shared)
    tuning, held_out = load_streams(args.shared, TRAINING), load_streams(args.shared, HELD_OUT)
    print(
        "| trained on → scored on | ECB+ event: half of a half (mean) / whole half | Clust-McMs story: same |"
    )
    print("|---|---|---|")
    for name, train, test in (
        ("tuning → held-out", tuning, held_out),
        ("held-out → tuning", held_out, tuning),
    ):
        whole = online_f1(fit(train).with_thresholds(*FIXED_THRESHOLDS), test, scorer)
        rng, parts = random.Random(args.seed), []
        for _ in range(args.partitions):
            halves = [_folds(stream, rng, 2) for stream in train]
            for part in (0, 1):
                subset = [_subset(stream, h[part]) for stream, h in zip(train, halves, strict=True)]
                parts.append(online_f1(fit(subset).with_thresholds(*FIXED_THRESHOLDS), test, scorer))
        ecb, mcms = np.mean(parts, axis=0)
        print(f"| {name} | {ecb:.4f} / {whole[0]:.4f} | {mcms:.4f} / {whole[1]:.4f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
