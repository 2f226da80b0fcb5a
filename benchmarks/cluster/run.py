"""Story clustering benchmark: online (default) and batch clusterers against the TF-IDF baseline, same run.

Runs each clusterer (``online``: reports assigned one by one in arrival order; ``tfidf-time``: the batch
sub-vector clusterer; ``tfidf-agglomerative``: the baseline) through the `eval cluster` contract
(storyweave.evaluate.cluster.run) and scores the output with the reference scorer (shared/bench/score.py
bcubed), on

- ECB+ dev (odd topics; two events per topic), gold key ``event`` and, coarser, ``topic``;
- Clust-McMs dev, gold key ``story``;

each whole and split in two deterministic halves (see _datasets.py): the tuning half the defaults and the
online join model were fitted on, and the held-out half they were not. Only the held-out rows say how well
a setting generalises; the "all" rows mix both.
Each half is clustered on its own. Also times both clusterers on the first N Multi-News val documents.

    python benchmarks/cluster/run.py [--shared ../shared] [--repeats 3] [--scale 2000]

Prints a Markdown table (B-cubed F1, median seconds) ready for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _datasets import splits

from storyweave.cluster import BASELINE_CLUSTERER, BATCH_CLUSTERER, DEFAULT_CLUSTERER, get_clusterer
from storyweave.evaluate.cluster import run as eval_cluster
from storyweave.model import Article, content_id

REPO = Path(__file__).resolve().parents[2]
CLUSTERERS = (DEFAULT_CLUSTERER, BATCH_CLUSTERER, BASELINE_CLUSTERER)


def _score(scorer: Path, pred: Path, gold: Path, key: str) -> dict:
    command = [sys.executable, str(scorer), "bcubed", "--pred", str(pred), "--gold", str(gold), "--key", key]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def _timed(function, repeats: int) -> float:
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)


def _scale_articles(shared: Path, count: int) -> list[Article]:
    texts: list[str] = []
    with gzip.open(shared / "data" / "multinews" / "val.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            texts.extend(json.loads(line)["documents"])
            if len(texts) >= count:
                break
    return [
        Article(id=content_id(t), text=t, origin=f"multinews-val:{k}") for k, t in enumerate(texts[:count])
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared/ folder")
    parser.add_argument("--repeats", type=int, default=3, help="timing runs per measurement (median)")
    parser.add_argument("--scale", type=int, default=2000, help="Multi-News documents for the speed row")
    args = parser.parse_args(argv)
    scorer = args.shared / "bench" / "score.py"

    print(
        f"| data | gold key | items | {' | '.join(f'{c} F1' for c in CLUSTERERS)} | "
        f"{' | '.join(f'{c} s' for c in CLUSTERERS)} |"
    )
    print("|---|---|---|" + "---|" * (2 * len(CLUSTERERS)))
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for name, keys, records in splits(args.shared):
            gold = folder / "gold.jsonl"
            gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
            scores: dict[str, dict[str, dict]] = {}
            seconds: dict[str, float] = {}
            for clusterer in CLUSTERERS:
                pred = folder / f"{clusterer}.jsonl"
                seconds[clusterer] = _timed(
                    lambda c=clusterer, p=pred, g=gold: eval_cluster(g, p, c), args.repeats
                )
                scores[clusterer] = {key: _score(scorer, pred, gold, key) for key in keys}
            for key in keys:
                f1 = " | ".join(f"{scores[c][key]['F1']:.4f}" for c in CLUSTERERS)
                timing = " | ".join(f"{seconds[c]:.3f}" for c in CLUSTERERS)
                print(f"| {name} | {key} | {len(records)} | {f1} | {timing} |")

    articles = _scale_articles(args.shared, args.scale)
    timing = " | ".join(
        f"{_timed(lambda c=c: get_clusterer(c).fit_predict(articles), args.repeats):.2f}" for c in CLUSTERERS
    )
    blanks = " | ".join("–" for _ in CLUSTERERS)
    label = f"Multi-News val, first {len(articles)} documents (speed only)"
    print(f"| {label} | – | {len(articles)} | {blanks} | {timing} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
