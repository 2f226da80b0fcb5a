"""`storyweave brief` again after the pile grows: with the store's kept stated claims vs from scratch.

    python benchmarks/e2e/rerun.py --reports 300 --more 10 --runs 3

Each run: brief the first N Multi-News reports into a fresh output directory (its store), then brief the
next ``--more`` reports into the same directory — ingest adds them, the whole store is clustered and briefed
again, and only reports without kept claims meet the attribution models — and, for comparison, brief all
N + more reports into a fresh directory. Default (contextual) attribution, the real CLI, one process per
command; medians over the runs, the two timed commands taking turns.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from run import ROOT, build_corpus


def _brief(corpus: Path, out_dir: Path) -> float:
    cmd = [sys.executable, "-m", "storyweave", "brief", str(corpus), "-o", str(out_dir), "--quiet"]
    start = time.perf_counter()
    done = subprocess.run(cmd, check=False)
    if done.returncode not in (0, 1):  # 1: some inputs were rejected
        raise SystemExit(f"storyweave brief failed with exit code {done.returncode}")
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", type=int, default=300)
    ap.add_argument("--more", type=int, default=10)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "out" / "e2e-rerun")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    everything = args.work / "all.jsonl"
    total = build_corpus(everything, args.reports + args.more)
    lines = everything.read_text(encoding="utf-8").splitlines(keepends=True)
    first, later = args.work / "first.jsonl", args.work / "later.jsonl"
    first.write_text("".join(lines[: args.reports]), encoding="utf-8")
    later.write_text("".join(lines[args.reports :]), encoding="utf-8")
    kept_times, fresh_times = [], []
    for run in range(args.runs):
        grown, fresh = args.work / "grown", args.work / "fresh"
        for directory in (grown, fresh):
            shutil.rmtree(directory, ignore_errors=True)
        _brief(first, grown)
        kept = _brief(later, grown)
        scratch = _brief(everything, fresh)
        kept_times.append(kept)
        fresh_times.append(scratch)
        print(
            f"run {run + 1}: grown pile {kept:.1f} s with kept claims, {scratch:.1f} s from scratch",
            flush=True,
        )
    stories = len(json.loads((args.work / "grown" / "index.json").read_text())["stories"])
    same = (args.work / "grown" / "index.json").read_text() == (
        args.work / "fresh" / "index.json"
    ).read_text()
    kept_median, fresh_median = statistics.median(kept_times), statistics.median(fresh_times)
    print(f"\n{total} reports ({args.reports} + {args.more}), {stories} stories; same index: {same}")
    print("| brief of the grown pile | median wall (s) |")
    print("|---|---|")
    print(f"| same store, kept stated claims | {kept_median:.1f} |")
    print(f"| fresh store, every report through the models | {fresh_median:.1f} |")
    print(f"speed-up: {fresh_median / kept_median:.1f}x")


if __name__ == "__main__":
    main()
