"""Train the learned sentence ranker on Multi-News and write the packaged model and its sidecar.

    python benchmarks/summarize/train_ranker.py [--groups 20000] [--seed 7]

Deterministic: the same data, ``--groups`` and ``--seed`` give the same model file, byte for byte (one
process, fixed sample, fixed scikit-learn seed). Steps:

1. A fixed random sample of ``--groups`` groups from train.jsonl.gz, each built exactly as ``summarize``
   builds its input (``build_group`` with the same 300-word candidate window).
2. Each candidate's target: the mean of its unigram and bigram precision against the human summary
   (lower-cased word tokens, counts clipped as in ROUGE) — how much of the sentence an editor kept.
3. scikit-learn's HistGradientBoostingRegressor on ``_features.sentence_features``; its trees are
   exported to flat arrays (``TreeEnsemble``) and checked to predict what scikit-learn predicts.
4. Evaluation with the reference scorer on a fixed sample of val (used for every choice of settings)
   and, for the record only, on val_full; both go into the sidecar JSON with the command line.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import random
import sys
import time
from collections import Counter
from itertools import pairwise
from pathlib import Path

import numpy as np

from storyweave.summarize import CentralityRanker, build_group, summarize
from storyweave.summarize._features import FEATURE_NAMES, sentence_features
from storyweave.summarize._learned import MODEL_PATH, LearnedRanker, TreeEnsemble
from storyweave.summarize._summarize import LEAD_WORDS

SHARED = Path(__file__).resolve().parents[3] / "shared"
DATA = SHARED / "data" / "multinews"
SCORER = SHARED / "bench" / "score.py"


def read_groups(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def tokens(text: str) -> list[str]:
    return "".join(ch if ch.isalnum() else " " for ch in text.lower()).split()


def precision_targets(sentences: list[str], reference: str) -> np.ndarray:
    """Mean of unigram and bigram precision of each sentence against ``reference`` (clipped counts)."""
    gold = tokens(reference)
    gold_1, gold_2 = Counter(gold), Counter(pairwise(gold))
    out = np.zeros(len(sentences), dtype=np.float32)
    for index, sentence in enumerate(sentences):
        words = tokens(sentence)
        if len(words) < 2:
            continue
        unigram = sum((Counter(words) & gold_1).values()) / len(words)
        bigram = sum((Counter(pairwise(words)) & gold_2).values()) / (len(words) - 1)
        out[index] = (unigram + bigram) / 2
    return out


def training_matrix(groups: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    features, targets = [], []
    for number, row in enumerate(groups, 1):
        group = build_group(row["documents"], lead_words=LEAD_WORDS)
        if group.candidate_rows.size == 0:
            continue
        features.append(sentence_features(group))
        targets.append(precision_targets([group.texts[r] for r in group.candidate_rows], row["summary"]))
        if number % 2000 == 0:
            print(f"  features: {number}/{len(groups)} groups", file=sys.stderr, flush=True)
    return np.concatenate(features), np.concatenate(targets)


def export_trees(model) -> TreeEnsemble:
    """Flatten a fitted HistGradientBoostingRegressor into a ``TreeEnsemble`` (no scikit-learn needed)."""
    fields: dict[str, list[np.ndarray]] = {key: [] for key in ("feature", "threshold", "left", "right")}
    fields.update(missing_left=[], value=[], is_leaf=[])
    roots, offset, depth = [], 0, 0
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        if nodes["is_categorical"].any():
            raise ValueError("categorical splits are not supported by TreeEnsemble")
        roots.append(offset)
        fields["feature"].append(nodes["feature_idx"].astype(np.int32))
        fields["threshold"].append(nodes["num_threshold"].astype(np.float64))
        fields["left"].append((nodes["left"] + offset).astype(np.int32))
        fields["right"].append((nodes["right"] + offset).astype(np.int32))
        fields["missing_left"].append(nodes["missing_go_to_left"].astype(bool))
        fields["value"].append(nodes["value"].astype(np.float64))
        fields["is_leaf"].append(nodes["is_leaf"].astype(bool))
        depth = max(depth, int(nodes["depth"].max()))
        offset += len(nodes)
    arrays = {key: np.concatenate(value) for key, value in fields.items()}
    # Leaves link to themselves so that evaluation can run a fixed number of steps.
    leaves = np.flatnonzero(arrays["is_leaf"])
    arrays["left"][leaves] = leaves
    arrays["right"][leaves] = leaves
    return TreeEnsemble(
        **arrays,
        roots=np.asarray(roots, dtype=np.int32),
        baseline=float(np.ravel(model._baseline_prediction)[0]),
        depth=depth,
        feature_names=FEATURE_NAMES,
    )


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def evaluate(ranker, groups: list[dict], budgets: list[int], scorer) -> dict[int, dict]:
    """ROUGE (reference scorer, F1) of ``summarize`` with ``ranker`` at each budget."""
    gold = {str(row["id"]): row for row in groups}
    results = {}
    for words in budgets:
        predictions = {
            str(row["id"]): {"summary": "\n".join(e.text for e in summarize(row["documents"], words, ranker))}
            for row in groups
        }
        results[words] = scorer.rouge(predictions, gold, words, False)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--groups", type=int, default=20000, help="training groups sampled from train")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--val-groups", type=int, default=500, help="val groups for evaluation")
    parser.add_argument("--iterations", type=int, default=300)
    parser.add_argument("--learning-rate", type=float, default=0.05)
    parser.add_argument("--leaves", type=int, default=31)
    parser.add_argument("--min-leaf", type=int, default=100)
    parser.add_argument("--depth", type=int, default=8, help="deepest split; bounds the cost of scoring")
    parser.add_argument("--budgets", type=int, nargs="+", default=[200, 260])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--scorer", type=Path, default=SCORER)
    parser.add_argument("--cache", type=Path, default=None, help="folder to keep training features in")
    parser.add_argument("--skip-full", action="store_true", help="do not score val_full (faster sweeps)")
    args = parser.parse_args()

    from sklearn.ensemble import HistGradientBoostingRegressor
    from threadpoolctl import threadpool_limits

    started = time.time()
    train_file = DATA / "train.jsonl.gz"
    train = random.Random(args.seed).sample(read_groups(train_file), args.groups)
    # Cached features are only valid for the feature list they were computed with.
    tag = hashlib.sha256(" ".join(FEATURE_NAMES).encode()).hexdigest()[:8]
    cache = args.cache / f"train-{args.groups}-{args.seed}-{tag}.npz" if args.cache else None
    if cache is not None and cache.is_file():
        with np.load(cache) as stored:
            features, targets = stored["features"], stored["targets"]
    else:
        features, targets = training_matrix(train)
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            np.savez(cache, features=features, targets=targets)
    print(f"{features.shape[0]} sentences from {len(train)} groups", file=sys.stderr, flush=True)
    model = HistGradientBoostingRegressor(
        max_iter=args.iterations,
        learning_rate=args.learning_rate,
        max_leaf_nodes=args.leaves,
        min_samples_leaf=args.min_leaf,
        max_depth=args.depth,
        early_stopping=False,
        random_state=args.seed,
    )
    # One thread: on a shared 2-core machine OpenMP threads spin against other load and made the fit
    # some 30 times slower; one thread also keeps the result independent of the machine.
    with threadpool_limits(limits=1):
        model.fit(features, targets)
    trees = export_trees(model)
    sample = features[:5000]
    if not np.allclose(trees.predict(sample), model.predict(sample), atol=1e-6):
        raise SystemExit("exported trees disagree with scikit-learn; refusing to write the model")

    scorer = load_scorer(args.scorer)
    val = random.Random(13).sample(read_groups(DATA / "val.jsonl.gz"), args.val_groups)
    figures = {"val": evaluate(LearnedRanker(trees), val, args.budgets, scorer)}
    figures["val, centrality"] = evaluate(CentralityRanker(), val, args.budgets, scorer)
    if not args.skip_full:
        full = read_groups(DATA / "val_full.jsonl")
        figures["val_full"] = evaluate(LearnedRanker(trees), full, args.budgets, scorer)
    for split, by_words in figures.items():
        for words, result in by_words.items():
            print(f"{split} @{words}: {result}", file=sys.stderr)

    checksum = trees.save(args.out)
    splits = np.bincount(trees.feature[~trees.is_leaf], minlength=len(FEATURE_NAMES)).tolist()
    importance = dict(zip(FEATURE_NAMES, splits, strict=True))
    sidecar = {
        "model": args.out.name,
        "sha256": checksum,
        "kind": "gradient-boosted regression trees (scikit-learn HistGradientBoostingRegressor, exported)",
        "target": "mean of unigram and bigram precision of the sentence against the reference summary",
        "training_data": {
            "file": "shared/data/multinews/train.jsonl.gz",
            "groups": len(train),
            "seed": args.seed,
            "sentences": int(features.shape[0]),
        },
        "settings": {
            "iterations": args.iterations,
            "learning_rate": args.learning_rate,
            "max_leaf_nodes": args.leaves,
            "min_samples_leaf": args.min_leaf,
            "candidate_window_words": LEAD_WORDS,
            "features": list(FEATURE_NAMES),
        },
        "splits_per_feature": importance,
        "evaluation": {
            "scorer": "shared/bench/score.py rouge (F1, stemmed, output cut to the budget)",
            "val_sample": {"file": "shared/data/multinews/val.jsonl.gz", "groups": len(val), "seed": 13},
            "figures": {
                split: {str(w): r for w, r in by_words.items()} for split, by_words in figures.items()
            },
        },
        "command": "python benchmarks/summarize/train_ranker.py " + " ".join(sys.argv[1:]),
        "seconds": round(time.time() - started),
    }
    args.out.with_suffix(".json").write_text(json.dumps(sidecar, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes) and its sidecar", file=sys.stderr)


if __name__ == "__main__":
    main()
