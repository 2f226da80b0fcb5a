"""Online clustering throughput and memory on a long stream built from Multi-News documents.

Multi-News has no dates, so the stream's timestamps are SYNTHESISED at a fixed rate: the groups (train,
then val, in file order) start one after another so that ``--per-day`` documents (250 by default) start
each day, and the k-th document of a group is published 2k days after its group starts, so a story
unfolds over up to ~3 weeks and stories interleave. A fixed rate means a longer stream spans more days,
not a denser window: 25k reports already cover 100 days, more than the clusterer's 45-day window, so
memory should stay flat from there on while the stream grows. The stream is read lazily
from the gzip files and put in date order by a small reorder buffer, so the input never sits in memory
whole: peak memory then reflects the clusterer's state, which the time window bounds.

Features are computed in ``--workers`` processes (they are a pure function of one report) while the main
process runs the sequential assignment step. Reports/second counts everything from reading to labels.
Quality at scale: B-cubed F1 (reference scorer) of the labels against the Multi-News groups, a rough check
only (groups are one story each; different groups can be about the same event).

    python benchmarks/cluster/throughput.py [--shared ../shared] [--reports 10000 100000] [--workers 2]

Prints a Markdown table: reports, seconds, reports/s, peak RSS of the main process and of a worker,
active stories at the end, peak active stories, B-cubed F1 vs groups. ``--live-heap`` adds the main
process's live Python heap at each quarter of the stream (tracemalloc; several times slower).
"""

from __future__ import annotations

import argparse
import gc
import gzip
import heapq
import itertools
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _datasets import load_scorer

from storyweave.cluster import OnlineClusterer, ReportFeatures, report_features
from storyweave.model import Article

REPO = Path(__file__).resolve().parents[2]
START = date(2020, 1, 1)
DAYS_PER_DOCUMENT_IN_GROUP = 2
BATCH = 1024


def _groups(shared: Path) -> Iterator[list[str]]:
    for part in ("train", "val"):
        with gzip.open(shared / "data" / "multinews" / f"{part}.jsonl.gz", "rt", encoding="utf-8") as lines:
            for line in lines:
                yield [d for d in json.loads(line)["documents"] if d.strip()]


def dated_stream(shared: Path, reports: int, per_day: int = 250) -> Iterator[tuple[int, date, str]]:
    """(group, synthetic publication date, text) in date order, at most ``reports`` items."""
    buffer: list[tuple[date, int, int, str]] = []
    emitted = sequence = 0
    for group, documents in enumerate(_groups(shared)):
        start = START + timedelta(days=sequence // per_day)
        while buffer and buffer[0][0] <= start:
            day, _, owner, text = heapq.heappop(buffer)
            yield owner, day, text
            emitted += 1
            if emitted == reports:
                return
        for k, text in enumerate(documents):
            if sequence < reports:
                day = start + timedelta(days=DAYS_PER_DOCUMENT_IN_GROUP * k)
                heapq.heappush(buffer, (day, sequence, group, text))
                sequence += 1
        if sequence >= reports:
            break
    while buffer and emitted < reports:
        day, _, owner, text = heapq.heappop(buffer)
        yield owner, day, text
        emitted += 1


def _features(item: tuple[int, date, str]) -> tuple[int, ReportFeatures]:
    group, day, text = item
    return group, report_features(Article(id=str(group), text=text, origin="multinews", published=day))


def run_stream(shared: Path, reports: int, workers: int, per_day: int, live_heap: bool = False) -> dict:
    """One stream through a fresh clusterer. With ``live_heap``, tracemalloc follows the main process and
    the Python heap still in use is read at each quarter of the stream (after a collection): peak RSS
    is a high-water mark that the allocator never gives back, so only this shows whether the state grows
    with the stream. Tracing slows the run several times over, so its timings mean nothing."""
    clusterer = OnlineClusterer()
    report_features(Article(id="warm-up", text="warm up", origin="warm-up"))  # load the table untimed
    groups: list[int] = []
    labels: list[int] = []
    peak_active = 0
    quarters = {reports * k // 4 for k in (1, 2, 3, 4)}
    heap_mb: list[float] = []
    started = time.perf_counter()
    stream = dated_stream(shared, reports, per_day)
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        if live_heap:
            tracemalloc.start()  # after the fork: the workers must not trace (nor pay for it)
        # One batch is featurised while the previous one is assigned; Pool.imap would instead pull the
        # whole input into its task queue at once, and memory would grow with the stream.
        pending = pool.map_async(_features, list(itertools.islice(stream, BATCH)), chunksize=64)
        while True:
            batch = pending.get()
            if not batch:
                break
            pending = pool.map_async(_features, list(itertools.islice(stream, BATCH)), chunksize=64)
            for group, features in batch:
                labels.append(clusterer.add_features(features).label)
                groups.append(group)
                if live_heap and (len(labels) in quarters or len(labels) == reports):
                    gc.collect()
                    heap_mb.append(tracemalloc.get_traced_memory()[0] / 1e6)
            peak_active = max(peak_active, len(clusterer.state.stories))
        seconds = time.perf_counter() - started
        worker_rss = pool.apply(resource.getrusage, (resource.RUSAGE_SELF,)).ru_maxrss
    scorer = load_scorer(shared)
    pred = {str(k): {"story": clusterer.story_of(label)} for k, label in enumerate(labels)}
    gold = {str(k): {"group": group} for k, group in enumerate(groups)}
    return {
        "reports": len(labels),
        "seconds": seconds,
        "per_second": len(labels) / seconds,
        "main_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_rss_mb": worker_rss / 1024,
        "active_end": len(clusterer.state.stories),
        "active_peak": max(peak_active, len(clusterer.state.stories)),
        "f1": scorer.bcubed(pred, gold, "group")["F1"],
        "load_average": os.getloadavg()[0],
        "live_heap_mb": heap_mb,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared/ folder")
    parser.add_argument("--reports", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workers", type=int, default=2, help="processes computing features")
    parser.add_argument("--per-day", type=int, default=250, help="synthetic documents starting per day")
    parser.add_argument(
        "--live-heap", action="store_true", help="trace the main process's live heap at each quarter (slow)"
    )
    parser.add_argument("--json", action="store_true", help="one run, its figures as a JSON line (internal)")
    args = parser.parse_args(argv)
    if args.json:
        print(
            json.dumps(run_stream(args.shared, args.reports[0], args.workers, args.per_day, args.live_heap))
        )
        return 0
    print(
        "| reports | seconds | reports/s | peak RSS main (MB) | peak RSS worker (MB) | active stories "
        "(end / peak) | B-cubed F1 vs groups | load average (1 min, at the end) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for reports in args.reports:
        # Each size in a fresh process, so one run's peak memory does not carry into the next.
        command = [sys.executable, __file__, "--json", "--shared", str(args.shared)]
        command += ["--reports", str(reports), "--workers", str(args.workers), "--per-day", str(args.per_day)]
        command += ["--live-heap"] if args.live_heap else []
        r = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        print(
            f"| {r['reports']} | {r['seconds']:.1f} | {r['per_second']:.0f} | {r['main_rss_mb']:.0f} | "
            f"{r['worker_rss_mb']:.0f} | {r['active_end']} / {r['active_peak']} | {r['f1']:.4f} | "
            f"{r['load_average']:.1f} |",
            flush=True,
        )
        if r["live_heap_mb"]:
            quarters = " / ".join(f"{mb:.0f}" for mb in r["live_heap_mb"])
            print(f"|  | live heap (MB) at 1/4, 1/2, 3/4, all of the stream: {quarters} |||||||", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
