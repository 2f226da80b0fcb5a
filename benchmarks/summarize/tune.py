"""Choose the untrained ranker's weights and the selector's settings on Multi-News val (never val_full).

Runs a one-at-a-time sweep around the current defaults on a fixed random sample of val groups and prints
ROUGE (reference scorer, F1, stemmed) at the given word budget for each setting:

    python benchmarks/summarize/tune.py --groups 400 --words 200

val is lower-cased and its documents are cut to ~460 words, so case-dependent filters do less there than
on real input; weights of case-independent features transfer.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import random
from pathlib import Path

from storyweave.summarize._candidates import MIN_WORDS
from storyweave.summarize._group import build_group
from storyweave.summarize._rankers import CentralityRanker
from storyweave.summarize._select import select

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "multinews"
SCORER = Path(__file__).resolve().parents[3] / "shared" / "bench" / "score.py"


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sample_val(n: int, seed: int = 13) -> list[dict]:
    with gzip.open(DATA / "val.jsonl.gz", "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return random.Random(seed).sample(rows, n)


def run_setting(groups, words: int, ranker_kwargs: dict, select_kwargs: dict, lead_words: int | None):
    ranker = CentralityRanker(**ranker_kwargs)
    predictions = {}
    for row in groups:
        group = build_group(row["documents"], lead_words=lead_words)
        chosen = select(group, ranker.score(group), words, **select_kwargs) if len(group) else []
        chosen.sort(key=lambda r: (int(group.document[r]), int(group.position[r])))
        predictions[str(row["id"])] = {"summary": "\n".join(group.texts[r] for r in chosen)}
    return predictions


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--groups", type=int, default=400)
    parser.add_argument("--words", type=int, default=200)
    parser.add_argument("--scorer", type=Path, default=SCORER)
    args = parser.parse_args()
    scorer = load_scorer(args.scorer)
    groups = sample_val(args.groups)
    gold = {str(row["id"]): row for row in groups}
    base_ranker = {key: value for key, value in vars(CentralityRanker()).items() if not key.startswith("_")}
    sweeps: list[tuple[str, dict, dict, int | None]] = [("defaults", {}, {}, 300)]
    for key, values in {
        "support": [0.0, 2.0],
        "centrality": [0.0],
        "position": [0.0, 1.0],
        "length": [0.0],
        "quote": [0.3],
        "opener": [0.3],
    }.items():
        sweeps += [(f"{key}={v}", {key: v}, {}, 300) for v in values if v != base_ranker.get(key)]
    sweeps += [(f"diversity={v}", {}, {"diversity": v}, 300) for v in (0.0, 0.5)]
    sweeps += [(f"duplicate={v}", {}, {"duplicate": v}, 300) for v in (0.45,)]
    sweeps += [(f"lead_words={v}", {}, {}, v) for v in (None,)]
    print(
        f"| setting ({args.groups} val groups, {args.words} words, MIN_WORDS={MIN_WORDS}) | R1 | R2 | RLsum |"
    )
    for label, ranker_kwargs, select_kwargs, lead_words in sweeps:
        predictions = run_setting(groups, args.words, ranker_kwargs, select_kwargs, lead_words)
        score = scorer.rouge(predictions, gold, args.words, False)
        print(f"| {label} | {score['R1']} | {score['R2']} | {score['RLsum']} |", flush=True)


if __name__ == "__main__":
    main()
