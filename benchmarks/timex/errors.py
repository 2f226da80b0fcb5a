"""List the timex errors of storyweave on the tuning part (or MEANTIME), one per line, for rule work.

    python benchmarks/timex/errors.py [--split tuning|meantime] [--kind wrong|miss|false] [--shared ../shared]

Matching is the scorer's (shared/bench/score.py timex): a gold expression pairs with the first unused
prediction that overlaps it. Each line is ``kind  doc  published  gold-text -> gold-value | predicted-text
-> predicted-value  ...context``. The held-out third is deliberately not offered: its errors must stay
unseen so its figure stays a fair estimate.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _datasets import splits

from storyweave.text.timex import find_timexes


def _context(text: str, start: int, end: int, width: int = 70) -> str:
    return " ".join(text[max(0, start - width) : end + width].split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    root = Path(__file__).resolve().parents[2]
    parser.add_argument("--shared", type=Path, default=root.parent / "shared")
    parser.add_argument("--split", choices=("tuning", "meantime"), default="tuning")
    parser.add_argument("--kind", choices=("wrong", "miss", "false"), action="append")
    args = parser.parse_args()
    kinds = set(args.kind or ("wrong", "miss", "false"))
    name, records = splits(args.shared)[0 if args.split == "tuning" else 2]
    print(f"# {name}")
    gold_total = predicted_total = right = 0
    for record in records:
        text = record["text"]
        published = date.fromisoformat(record["published"][:10]) if record.get("published") else None
        predicted = find_timexes(text, published)
        predicted_total += len(predicted)
        used: set[int] = set()
        golds = [t for t in record["timexes"] if t.get("value")]
        gold_total += len(golds)
        for gold in golds:
            hit = next(
                (
                    j
                    for j, p in enumerate(predicted)
                    if j not in used and gold["start"] < p.end and p.start < gold["end"]
                ),
                None,
            )
            gold_text = text[gold["start"] : gold["end"]]
            where = _context(text, gold["start"], gold["end"])
            if hit is None:
                if "miss" in kinds:
                    print(f"miss\t{record['id']}\t{published}\t{gold_text!r} -> {gold['value']}\t| {where}")
                continue
            used.add(hit)
            guess = predicted[hit]
            right += str(guess.value).upper() == str(gold["value"]).upper()
            if str(guess.value).upper() != str(gold["value"]).upper() and "wrong" in kinds:
                print(
                    f"wrong\t{record['id']}\t{published}\t{gold_text!r} -> {gold['value']}\t"
                    f"{guess.text!r} -> {guess.value}\t| {where}"
                )
        if "false" in kinds:
            for j, guess in enumerate(predicted):
                if j not in used:
                    where = _context(text, guess.start, guess.end)
                    print(f"false\t{record['id']}\t{published}\t{guess.text!r} -> {guess.value}\t| {where}")
    value_f1 = 200 * right / max(1, gold_total + predicted_total)
    print(f"# gold {gold_total}, predicted {predicted_total}, right values {right}, value F1 {value_f1:.2f}")


if __name__ == "__main__":
    main()
