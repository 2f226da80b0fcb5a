"""End-to-end throughput of `storyweave brief`: reports/second and peak memory on N Multi-News reports.

    python benchmarks/e2e/run.py --reports 2000 --runs 3
    python benchmarks/e2e/run.py --reports 500 --runs 3 --modes contextual,fast   # both attribution modes

``--modes``: ``contextual`` is the default CLI (attribution taggers reading the sentence encoder),
``fast`` adds ``--fast-attribution`` (word features only); several modes take turns run by run, so
background load falls on each alike.

Builds a JSON Lines corpus from the documents of ../shared/data/multinews/val.jsonl.gz (groups in file
order, so reports about one event arrive together, as they would from a feed), then runs the real CLI in a
fresh output directory per run (a fresh store: the timing includes ingest, dedupe, clustering,
summarising and rendering). Peak memory is the child's maximum resident set size.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "multinews" / "val.jsonl.gz"


def build_corpus(path: Path, reports: int) -> int:
    written = 0
    with gzip.open(DATA, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for line in src:
            group = json.loads(line)
            for k, doc in enumerate(group["documents"]):
                if written == reports:
                    return written
                if doc.strip():
                    out.write(json.dumps({"id": f"{group['id']}#{k}", "text": doc}) + "\n")
                    written += 1
    return written


# Runs the CLI and writes the largest resident set of it and its workers to argv[1]. A process of its own per
# run: RUSAGE_CHILDREN of this script would report the largest child of *all* runs so far.
_PEAK_OF_ONE_RUN = (
    "import resource, subprocess, sys; code = subprocess.run(sys.argv[2:]).returncode; "
    "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)); "
    "sys.exit(code)"
)


def run_once(corpus: Path, out_dir: Path, mode: str = "contextual") -> tuple[float, float]:
    """Wall seconds and the largest process's peak RSS (MiB) of one run of the CLI."""
    shutil.rmtree(out_dir, ignore_errors=True)
    cmd = [sys.executable, "-m", "storyweave", "brief", str(corpus), "-o", str(out_dir), "--quiet"]
    cmd += ["--fast-attribution"] if mode == "fast" else []
    peak_file = out_dir.with_name(out_dir.name + ".peak-kib")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _PEAK_OF_ONE_RUN, str(peak_file), *cmd], check=False)
    if done.returncode not in (0, 1):  # 1: some inputs were rejected (e.g. pages that are all junk)
        raise SystemExit(f"storyweave brief failed with exit code {done.returncode}")
    elapsed = time.perf_counter() - start
    return elapsed, int(peak_file.read_text()) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "out" / "e2e")
    ap.add_argument("--modes", default="contextual", help="comma-separated: contextual,fast")
    args = ap.parse_args()
    modes = [m for m in args.modes.split(",") if m]
    if not modes or set(modes) - {"contextual", "fast"}:
        ap.error(f"--modes takes contextual and/or fast, got {args.modes!r}")
    args.work.mkdir(parents=True, exist_ok=True)
    corpus = args.work / f"multinews_val_{args.reports}.jsonl"
    n = build_corpus(corpus, args.reports)
    times: dict[str, list[float]] = {m: [] for m in modes}
    peaks: dict[str, list[float]] = {m: [] for m in modes}
    for i in range(args.runs):
        for mode in modes:
            elapsed, peak = run_once(corpus, args.work / "briefs", mode)
            times[mode].append(elapsed)
            peaks[mode].append(peak)
            print(
                f"run {i + 1} ({mode}): {elapsed:.1f} s, {n / elapsed:.1f} reports/s, peak {peak:.0f} MiB",
                flush=True,
            )
    stories = len(json.loads((args.work / "briefs" / "index.json").read_text())["stories"])
    print("\n| attribution | reports | stories | median wall (s) | reports/s | peak RSS (MiB) |")
    print("|---|---|---|---|---|---|")
    for mode in modes:
        med = statistics.median(times[mode])
        print(f"| {mode} | {n} | {stories} | {med:.1f} | {n / med:.1f} | {max(peaks[mode]):.0f} |")


if __name__ == "__main__":
    main()
