"""Train the committed stance and weakening-pair models from shared/data and write them as JSON.

    python benchmarks/stance/train.py [--folds 10] [--model stance|weak|both]

Writes src/storyweave/claims/stance/stance_model.json and weak_pair_model.json. Each records the data
file (path, sha256), settings and the grouped cross-validation figures in its "about" block; the
weakening threshold stored there is the F1-best one on out-of-fold probabilities (grouped by topic).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # see run.py: oversubscribed BLAS is 20x slower here
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (
    CLAIMDIFF_WEAK,
    EMERGENT,
    STANCE_C,
    WEAK_C,
    fit_stance,
    fit_weak,
    load_claimdiff,
    load_emergent,
    sha256,
)
from run import stance_cv, weak_cv

from storyweave.claims.stance._predict import STANCE_MODEL, WEAK_PAIR_MODEL


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument(
        "--model", choices=("stance", "weak", "both"), default="both", help="which model to rebuild"
    )
    args = parser.parse_args()
    command = f"python benchmarks/stance/train.py --folds {args.folds} --model {args.model}"
    if args.model in ("stance", "both"):
        train_stance(args.folds, command)
    if args.model in ("weak", "both"):
        train_weak(args.folds, command)


def train_stance(folds: int, command: str) -> None:
    rows = load_emergent()
    figures = stance_cv(rows, folds)
    model = fit_stance(rows)
    model.about.update(
        {
            "what": "stance of an article headline towards a claim headline: for / against / observing",
            "data": {
                "file": "shared/data/emergent/train.jsonl",
                "sha256": sha256(EMERGENT),
                "rows": len(rows),
            },
            "settings": {
                "model": "logistic regression",
                "C": STANCE_C,
                "text": "article headline word 1-2 grams, TF-IDF sublinear, min_df 2",
                "features": "HEADLINE_FEATURES (standardised)",
            },
            "cv_accuracy": {k: round(v, 2) for k, v in figures.items()},
            "cv": f"{folds}-fold GroupKFold by claimId",
            "command": command,
            "trained": date.today().isoformat(),
        }
    )
    model.to_json(STANCE_MODEL)
    print(f"{STANCE_MODEL}: {len(model.vocabulary)} n-grams; CV accuracy {figures}")


def train_weak(folds: int, command: str) -> None:
    pairs = load_claimdiff()
    weak_figures, threshold = weak_cv(pairs, folds)
    weak = fit_weak(pairs)
    weak.about.update(
        {
            "what": "two claims about one story weaken each other (ClaimDiff weak relation = 1)",
            "data": {
                "file": "shared/data/claimdiff/ClaimDiff-weak-train.json",
                "sha256": sha256(CLAIMDIFF_WEAK),
                "pairs": len(pairs),
                "weakening": sum(r["relation"] == 1 for r in pairs),
            },
            "settings": {
                "model": "logistic regression, balanced classes",
                "C": WEAK_C,
                "text": "none (n-grams learned the stories' vocabulary and lost under grouped CV)",
                "features": "WEAK_PAIR_FEATURES (standardised, symmetric)",
            },
            "threshold": threshold,
            "cv_f1": {k: round(v, 2) for k, v in weak_figures.items()},
            "cv": f"{folds}-fold GroupKFold by topic; the threshold is the F1-best on all out-of-fold "
            "probabilities, the honest figure is the one with thresholds tuned inside the training folds",
            "command": command,
            "trained": date.today().isoformat(),
        }
    )
    weak.to_json(WEAK_PAIR_MODEL)
    print(f"{WEAK_PAIR_MODEL}: threshold {threshold}; CV F1 {weak_figures}")


if __name__ == "__main__":
    main()
