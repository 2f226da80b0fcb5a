"""Briefing a story again after it grows by one report, as the web app does (a grown story has a new id, so
its cached brief is gone): cold, and with the process's memory of each report's stated claims.

    python benchmarks/e2e/regrow.py --reports 20 --runs 3

Reports are the first Multi-News documents of more than 150 words in ../shared/data/multinews/val.jsonl.gz,
put in one story whatever their topic (only the cost is measured). Each run: brief N reports with an empty
memory, brief the N + 1 that follow (the N remembered), then brief the N + 1 again with an empty memory.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from pathlib import Path

from storyweave.briefing import BriefOptions, build_brief
from storyweave.claims.align import _provenance
from storyweave.model import Article, Story

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "multinews" / "val.jsonl.gz"


def reports(count: int) -> list[Article]:
    texts: list[str] = []
    with gzip.open(DATA, "rt", encoding="utf-8") as lines:
        for line in lines:
            texts += [d for d in json.loads(line)["documents"] if len(d.split()) > 150]
            if len(texts) >= count:
                break
    return [
        Article(id=f"r{i}", text=t, origin=f"r{i}.txt", source=f"outlet {i}") for i, t in enumerate(texts)
    ]


def seconds(articles: list[Article], name: str) -> float:
    began = time.perf_counter()
    build_brief(Story(id=name, articles=articles), BriefOptions())
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    articles = reports(args.reports + 1)
    seconds(articles[:1], "warm-up")  # loads the models and the encoder
    cold, grown, grown_cold = [], [], []
    for run in range(args.runs):
        _provenance._claims_of_report.cache_clear()
        cold.append(seconds(articles[: args.reports], f"cold-{run}"))
        grown.append(seconds(articles, f"grown-{run}"))
        _provenance._claims_of_report.cache_clear()
        grown_cold.append(seconds(articles, f"grown-cold-{run}"))
    median = statistics.median
    print(
        f"| reports | brief of {args.reports}, cold (s) | grown to {args.reports + 1}, remembered (s) | "
        f"{args.reports + 1}, cold (s) | speed-up |"
    )
    print("|---|---|---|---|---|")
    print(
        f"| {args.reports} → {args.reports + 1} | {median(cold):.2f} | {median(grown):.2f} | "
        f"{median(grown_cold):.2f} | {median(grown_cold) / median(grown):.1f}× |"
    )


if __name__ == "__main__":
    main()
