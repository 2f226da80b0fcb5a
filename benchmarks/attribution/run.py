"""Attribution benchmark: ours vs the quote-and-speech-verb baseline, scored by shared/bench/score.py.

    python benchmarks/attribution/run.py                    # dev (held out) + train cross-check + certainty
    python benchmarks/attribution/run.py --train-docs 0     # skip the train cross-check

Both systems run in the same process on the same inputs. Prints a Markdown table and writes predictions
and figures under ``benchmarks/out/attribution/``. The train cross-check scores documents the models were
fitted on (in-sample): the gap to dev shows how much is memorised. Certainty accuracy is measured on the
hand-written labelled sentences in ``tests/claims/fixtures/certainty.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from baseline import baseline_attributions

from storyweave.claims.attribution import find_attributions
from storyweave.claims.attribution._sentence_certainty import sentence_certainty
from storyweave.evaluate.attribution import attribution_record

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SCORER = SHARED / "bench" / "score.py"
CERTAINTY_SET = REPO / "tests" / "claims" / "fixtures" / "certainty.jsonl"
OUT = REPO / "benchmarks" / "out" / "attribution"


def ours(text: str, key: str) -> list[dict]:
    return [attribution_record(a) for a in find_attributions(text, key, nested=False)]


def ours_word_features(text: str, key: str) -> list[dict]:
    """The taggers ``--fast-attribution`` and the no-encoder fallback use."""
    return [attribution_record(a) for a in find_attributions(text, key, nested=False, contextual=False)]


def predict(system, records: list[dict], path: Path) -> float:
    """Write the system's predictions; return the median seconds per document."""
    seconds = []
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            began = time.perf_counter()
            rows = system(record["text"], record["id"])
            seconds.append(time.perf_counter() - began)
            out.write(json.dumps({"id": record["id"], "attributions": rows}) + "\n")
    return statistics.median(seconds)


def score(pred: Path, gold: Path) -> dict:
    done = subprocess.run(
        [sys.executable, str(SCORER), "attribution", "--pred", str(pred), "--gold", str(gold)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout)


def certainty_accuracy() -> tuple[float, int, Counter]:
    rows = [json.loads(line) for line in CERTAINTY_SET.open(encoding="utf-8") if line.strip()]
    confusion: Counter = Counter()
    for row in rows:
        confusion[(row["certainty"], sentence_certainty(row["sentence"])[0])] += 1
    right = sum(n for (gold, got), n in confusion.items() if gold == got)
    return 100 * right / len(rows), len(rows), confusion


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dev", type=Path, default=SHARED / "data" / "polnear" / "dev.jsonl")
    parser.add_argument("--train", type=Path, default=SHARED / "data" / "polnear" / "train.jsonl")
    parser.add_argument("--train-docs", type=int, default=84, help="first N train documents to cross-check")
    args = parser.parse_args(argv)
    for path in (args.dev, SCORER):
        if not path.is_file():
            parser.error(f"{path} not found: the benchmark needs shared/data/polnear and shared/bench")
    OUT.mkdir(parents=True, exist_ok=True)
    splits = {"dev": args.dev}
    scratch = tempfile.TemporaryDirectory()  # the train slice is data: kept out of the repository tree
    if args.train_docs:
        subset = Path(scratch.name) / "train_subset_gold.jsonl"
        with args.train.open(encoding="utf-8") as lines, subset.open("w", encoding="utf-8") as out:
            for _, line in zip(range(args.train_docs), lines, strict=False):
                out.write(line)
        splits["train (in-sample)"] = subset
    systems = {  # name: (prediction file stem, system)
        "storyweave CRF (contextual, default)": ("storyweave", ours),
        "storyweave CRF, word features only": ("storyweave_words", ours_word_features),
        "baseline: quotes + speech verbs": ("baseline", lambda t, _k: baseline_attributions(t)),
    }
    figures = {}
    print("| split | system | gold | pred | content F1 | source F1 | cue F1 | median s/doc |")
    print("|---|---|---|---|---|---|---|---|")
    for split, gold in splits.items():
        records = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
        for name, (stem, system) in systems.items():
            pred = OUT / f"{split.split()[0]}_{stem}.jsonl"
            median = predict(system, records, pred)
            result = score(pred, gold)
            figures[f"{split} / {name}"] = {**result, "median_s_per_doc": round(median, 4)}
            print(
                f"| {split} ({len(records)} docs) | {name} | {result['gold']} | {result['pred']} | "
                f"{result['content_F1']:.2f} | {result['source_F1']:.2f} | {result['cue_F1']:.2f} | "
                f"{median:.4f} |"
            )
    accuracy, count, confusion = certainty_accuracy()
    figures["certainty"] = {
        "accuracy": round(accuracy, 1),
        "sentences": count,
        "confusion (gold, predicted)": {f"{g} -> {p}": n for (g, p), n in sorted(confusion.items())},
    }
    print(
        f"\nCertainty accuracy on {count} hand-labelled sentences ({CERTAINTY_SET.relative_to(REPO)}): "
        f"{accuracy:.1f}%"
    )
    for (gold, got), n in sorted(confusion.items()):
        if gold != got:
            print(f"  {gold} -> {got}: {n}")
    (OUT / "figures.json").write_text(json.dumps(figures, indent=2) + "\n")
    scratch.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
