"""Throughput of ``storyweave spark`` (local[2]) on corpora of Multi-News reports, and its agreement with
the single-machine pipeline. Runs outside CI: it needs ../shared/data, pyspark and Java.

The corpus is the first N documents of Multi-News train (each group one story), written as JSON Lines
shards. Multi-News has no dates, so dates are SYNTHESISED as in ``benchmarks/cluster/throughput.py``: the
groups are spread evenly over one year and the k-th report of a group is published 2k days after it
starts. Figures:

- reports/s: N / wall seconds of ``run_spark`` (session start excluded, every stage included);
- B-cubed F1 vs the Multi-News groups (reference scorer), a rough quality check;
- with ``--compare``: B-cubed F1 of the Spark stories against ``storyweave.pipeline.cluster`` over the
  same articles (the agreement the job promises), and the single-machine wall time as the peer.

    python benchmarks/spark/run.py [--shared ../shared] [--reports 10000 100000] [--compare] [--no-briefs]
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from storyweave.distributed import SparkOptions, run_spark
from storyweave.pipeline import cluster, read

_START = date(2016, 1, 1)


def write_corpus(shared: Path, reports: int, folder: Path, shards: int) -> dict[str, str]:
    """JSON Lines shards of the first ``reports`` train documents; returns record id -> group id."""
    groups: list[tuple[str, list[str]]] = []
    total = 0
    with gzip.open(shared / "data/multinews/train.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            documents = [d for d in record["documents"] if d.strip()][: reports - total]
            groups.append((str(record["id"]), documents))
            total += len(documents)
            if total >= reports:
                break
    outputs = [(folder / f"part-{n:03d}.jsonl").open("w", encoding="utf-8") for n in range(shards)]
    gold: dict[str, str] = {}
    for number, (group, documents) in enumerate(groups):
        start = _START + timedelta(days=365 * number // len(groups))
        for k, text in enumerate(documents):
            key = f"{group}-{k}"
            gold[key] = group
            published = (start + timedelta(days=2 * k)).isoformat()
            outputs[number % shards].write(
                json.dumps({"id": key, "text": text, "published": published}) + "\n"
            )
    for output in outputs:
        output.close()
    return gold


def bcubed(pred: dict[str, str], gold: dict[str, str], scorer: Path, work: Path, key: str) -> float:
    """F1 from the reference scorer, over the items of ``gold``."""
    pred_path, gold_path = work / "pred.jsonl", work / "gold.jsonl"
    pred_path.write_text("".join(json.dumps({"id": i, "story": s}) + "\n" for i, s in pred.items()))
    gold_path.write_text("".join(json.dumps({"id": i, key: s}) + "\n" for i, s in gold.items()))
    command = [sys.executable, str(scorer), "bcubed", "--pred", str(pred_path), "--gold", str(gold_path)]
    out = subprocess.run([*command, "--key", key], check=True, capture_output=True, text=True).stdout
    return float(json.loads(out)["F1"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[3] / "shared")
    parser.add_argument("--reports", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--compare", action="store_true", help="also run the single-machine pipeline")
    parser.add_argument("--no-briefs", action="store_true")
    args = parser.parse_args()
    import pandas as pd

    scorer = args.shared / "bench/score.py"
    rows = []
    for reports in args.reports:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            corpus = work / "corpus"
            corpus.mkdir()
            gold = write_corpus(args.shared, reports, corpus, args.shards)
            options = SparkOptions(briefs=not args.no_briefs)
            started = time.perf_counter()
            result = run_spark(corpus, work / "out", options)
            seconds = time.perf_counter() - started
            table = pd.read_parquet(work / "out/stories.parquet", columns=["id", "external_id", "story_id"])
            by_record = dict(zip(table["external_id"], table["story_id"], strict=True))
            row = {
                "reports": reports,
                "spark s": round(seconds, 1),
                "reports/s": round(reports / seconds, 1),
                "stages s": result.seconds,
                "blocks": result.blocks,
                "largest block": result.largest_block,
                "similar pairs": result.similar_pairs,
                "stories": result.stories,
                "B3 F1 vs groups": bcubed(by_record, gold, scorer, work, "event"),
            }
            print(json.dumps(row), flush=True)  # the Spark figures, before the (long) single-machine peer
            if args.compare:
                started = time.perf_counter()
                stories = cluster(read(str(corpus)).articles)
                row["single s"] = round(time.perf_counter() - started, 1)
                single = {
                    a.external_id: story.id
                    for story in stories
                    for a in [*story.articles, *(c for cs in story.duplicates.values() for c in cs)]
                }
                row["B3 F1 spark vs single"] = bcubed(by_record, single, scorer, work, "story")
            rows.append(row)
            print(json.dumps(row), flush=True)
    print("\n| " + " | ".join(rows[0]) + " |\n|" + "---|" * len(rows[0]))
    for row in rows:
        print("| " + " | ".join(str(v) for v in row.values()) + " |")


if __name__ == "__main__":
    main()
