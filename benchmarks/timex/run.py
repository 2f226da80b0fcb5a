"""Temporal expressions: storyweave's grammar against two real peers, scored by shared/bench/score.py.

    python benchmarks/timex/run.py [--shared ../shared] [--out benchmarks/out/timex] [--no-dateparser]

Prints a Markdown table: relaxed span F1 and value F1 (TempEval-3 style) per split, and seconds per
document, for
- storyweave: ``storyweave.evaluate.timex.run`` (the ``storyweave eval timex`` contract);
- explicit-dates regex: full dates, month-year and bare years only, written here as the floor any
  resolver must beat;
- dateparser ``search_dates`` (if installed) with the publication date as its relative base, values at
  day precision, which is what a general date parser gives.
All peers run in the same process on the same inputs, so their times compare.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _datasets import splits

from storyweave.evaluate import timex as timex_contract

_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip
_MONTH = (
    r"(?P<m>"
    + "|".join(m.capitalize() for m in _MONTHS)
    + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_EXPLICIT = re.compile(
    rf"{_MONTH}\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d\d)\b"
    rf"|{_MONTH.replace('?P<m>', '?P<m2>')}\s+(?P<y2>(?:19|20)\d\d)\b"
    r"|(?<![\d$.,])(?P<y3>(?:19|20)\d\d)(?![\d%])"
)


def _month(word: str) -> int:
    word = word.lower().rstrip(".")
    return next(i for i, m in enumerate(_MONTHS, start=1) if m.startswith(word[:3]))


def explicit_dates(text: str, published: date | None) -> list[dict]:
    out = []
    for found in _EXPLICIT.finditer(text):
        if found["y"]:
            value = f"{found['y']}-{_month(found['m']):02d}-{int(found['d']):02d}"
        elif found["y2"]:
            value = f"{found['y2']}-{_month(found['m2']):02d}"
        else:
            value = found["y3"]
        out.append({"start": found.start(), "end": found.end(), "type": "DATE", "value": value})
    return out


def dateparser_dates(text: str, published: date | None) -> list[dict]:
    from dateparser.search import search_dates

    base = datetime.combine(published, datetime.min.time()) if published else None
    settings = {"PREFER_DATES_FROM": "past", "RELATIVE_BASE": base} if base else {"PREFER_DATES_FROM": "past"}
    found = search_dates(text, languages=["en"], settings=settings) or []
    out, cursor = [], 0
    for phrase, when in found:
        start = text.find(phrase, cursor)
        if start < 0:
            continue
        cursor = start + len(phrase)
        out.append({"start": start, "end": cursor, "type": "DATE", "value": when.date().isoformat()})
    return out


def _write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def _score(shared: Path, pred: Path, gold: Path) -> dict:
    command = [
        sys.executable,
        str(shared / "bench" / "score.py"),
        "timex",
        "--pred",
        str(pred),
        "--gold",
        str(gold),
    ]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def _peer(function: Callable[[str, date | None], list[dict]], records: list[dict], pred: Path) -> float:
    began = time.perf_counter()
    rows = []
    for record in records:
        published = date.fromisoformat(record["published"][:10]) if record.get("published") else None
        rows.append({"id": record["id"], "timexes": function(record["text"], published)})
    elapsed = time.perf_counter() - began
    _write(pred, rows)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    root = Path(__file__).resolve().parents[2]
    parser.add_argument("--shared", type=Path, default=root.parent / "shared")
    parser.add_argument("--out", type=Path, default=root / "benchmarks" / "out" / "timex")
    parser.add_argument("--no-dateparser", action="store_true", help="skip the (slow) dateparser peer")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    print("| split | docs | gold | system | relaxed span F1 | value F1 | s/doc |")
    print("|---|---|---|---|---|---|---|")
    for name, records in splits(args.shared):
        slug = re.sub(r"\W+", "_", name.lower()).strip("_")
        gold, source = args.out / f"{slug}.gold.jsonl", args.out / f"{slug}.input.jsonl"
        _write(gold, records)
        _write(
            source,
            [{"id": r["id"], "text": r["text"], "published": (r["published"] or "")[:10]} for r in records],
        )
        systems: list[tuple[str, Path, float]] = []
        pred = args.out / f"{slug}.storyweave.jsonl"
        began = time.perf_counter()
        timex_contract.run(source, pred)
        systems.append(("storyweave", pred, time.perf_counter() - began))
        pred = args.out / f"{slug}.regex.jsonl"
        systems.append(("explicit-dates regex", pred, _peer(explicit_dates, records, pred)))
        if not args.no_dateparser:
            pred = args.out / f"{slug}.dateparser.jsonl"
            systems.append(("dateparser search_dates", pred, _peer(dateparser_dates, records, pred)))
        for system, pred, seconds in systems:
            scores = _score(args.shared, pred, gold)
            print(
                f"| {name} | {len(records)} | {scores['gold']} | {system} | {scores['relaxed_F1']:.2f} "
                f"| {scores['value_F1']:.2f} | {seconds / max(1, len(records)):.4f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
