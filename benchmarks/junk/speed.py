"""Throughput of ``clean_text`` on real full-length reports, against a whitespace-only normaliser.

The cleaner runs on every report, so it must stay far cheaper than the stages after it. The peer is the
least any cleaner must do (NFC plus whitespace collapsing per line), measured in the same run, so the ratio
says what junk removal itself costs.

    python benchmarks/junk/speed.py [--data ../shared/data] [--repeats 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from storyweave.text.clean import clean_text

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def whitespace_only(text: str) -> str:
    lines = (" ".join(line.split()) for line in unicodedata.normalize("NFC", text).split("\n"))
    return "\n".join(line for line in lines if line)


def reports_per_second(clean: Callable[[str], str], reports: list[str], repeats: int) -> float:
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        for report in reports:
            clean(report)
        rates.append(len(reports) / (time.perf_counter() - start))
    return statistics.median(rates)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    path = args.data / "multinews" / "val_full.jsonl"
    with path.open(encoding="utf-8") as rows:
        reports = [doc for row in rows for doc in json.loads(row)["documents"]]
    words = statistics.mean(len(r.split()) for r in reports)
    ours = reports_per_second(clean_text, reports, args.repeats)
    peer = reports_per_second(whitespace_only, reports, args.repeats)
    print(f"{len(reports)} reports, mean {words:.0f} words, median of {args.repeats} runs, one core")
    print(f"clean_text       {ours:8.0f} reports/s  ({ours * words / 1e6:.2f} M words/s)")
    print(f"whitespace only  {peer:8.0f} reports/s  (peer; clean_text costs {peer / ours:.1f}x the peer)")


if __name__ == "__main__":
    main()
