"""Benchmark of ``stated_claims`` on hand-labelled sets: prints dev and held-out figures.

Two labelled sets, both written for this project:

* ``stated_gold.jsonl``: short news reports written for this benchmark (not taken from any data set), every
  claim labelled with an anchor phrase, type, certainty and provenance chain (link text, anonymous, role).
  ``split`` is "dev" (rules were developed looking at it) or "held" (written up front, not tuned on).
  d09-d12 and h05-h09 were added for issue 7 and labelled before any rule change they measure; h01's first
  claim was relabelled reported -> hedged at the same time, for consistency with d03/h04 (one unnamed
  person behind a named outlet is hedged: the outlet vouches only that it was told).
* ``polnear_voices.tsv``: our anonymity and role labels on source spans of PolNeAR (by document id and
  character offsets; the text is read from ``shared/data/polnear`` at run time, never copied here). A
  document goes to "held" when the first hex digit of the md5 of its id is below 6 (about a third).

Scoring: a gold claim is found when a predicted claim covers at least half of its anchor's characters;
precision counts predicted claims that cover no gold anchor. Type, certainty and chain are scored on found
claims: a chain is exact when it has as many links as the gold chain and each link overlaps its gold link.
Link anonymity and role are scored on gold links that a predicted link overlaps.

    python benchmarks/claims/run.py [--polnear ../shared/data/polnear] [--dump REPORT.txt ...]

``--dump`` prints the claims of the given plain-text reports in a readable form instead.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path

from storyweave.claims.stated import stated_claims
from storyweave.claims.stated._voice import voice_of
from storyweave.model import ChainLink, StatedClaim

HERE = Path(__file__).resolve().parent
DEFAULT_POLNEAR = HERE.parents[2] / "shared" / "data" / "polnear"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _find(text: str, phrase: str, near: int = 0) -> tuple[int, int]:
    """Span of ``phrase`` in ``text``: the occurrence nearest ``near`` (links repeat across a report)."""
    starts = []
    at = text.find(phrase)
    while at >= 0:
        starts.append(at)
        at = text.find(phrase, at + 1)
    start = min(starts, key=lambda s: (s > near, abs(s - near)))
    return start, start + len(phrase)


def _score_claims(records: list[dict]) -> dict[str, float]:
    tally: Counter[str] = Counter()
    confusions: Counter[tuple[str, str, str]] = Counter()
    for record in records:
        text = record["text"]
        predicted = stated_claims(text, record["id"])
        used: set[int] = set()
        for gold in record["claims"]:
            anchor = _find(text, gold["anchor"])
            tally["gold"] += 1
            match = _best(predicted, anchor)
            if match is None:
                continue
            used.add(id(match))
            tally["found"] += 1
            for field in ("type", "certainty"):
                value = match.kind if field == "type" else match.certainty
                tally[f"{field}_ok"] += value == gold[field]
                if value != gold[field]:
                    confusions[(field, gold[field], value)] += 1
            tally["chain_ok"] += _chain_exact(text, gold["chain"], match.chain, anchor[0])
            tally["chain_len_ok"] += len(gold["chain"]) == len(match.chain)
            for link in gold["chain"]:
                span = _find(text, link["text"], anchor[0])
                tally["gold_links"] += 1
                hit = next((p for p in match.chain if _overlap(span, (p.start, p.end)) > 0), None)
                if hit is None:
                    continue
                tally["links_found"] += 1
                tally["anonymous_ok"] += hit.anonymous == link["anonymous"]
                tally["role_ok"] += hit.role == link["role"]
        tally["predicted"] += len(predicted)
        tally["predicted_ok"] += sum(
            any(_overlap((p.start, p.end), _find(text, g["anchor"])) for g in record["claims"])
            for p in predicted
        )
    found = tally["found"] or 1
    links = tally["links_found"] or 1
    figures = {
        "claims": tally["gold"],
        "claim_recall": tally["found"] / max(tally["gold"], 1),
        "claim_precision": tally["predicted_ok"] / max(tally["predicted"], 1),
        "type_acc": tally["type_ok"] / found,
        "certainty_acc": tally["certainty_ok"] / found,
        "chain_exact": tally["chain_ok"] / found,
        "chain_length_acc": tally["chain_len_ok"] / found,
        "link_recall": tally["links_found"] / max(tally["gold_links"], 1),
        "link_anonymous_acc": tally["anonymous_ok"] / links,
        "link_role_acc": tally["role_ok"] / links,
    }
    figures["confusions"] = dict(confusions.most_common(8))  # type: ignore[assignment]
    return figures


def _best(predicted: list[StatedClaim], anchor: tuple[int, int]) -> StatedClaim | None:
    best = max(predicted, key=lambda p: _overlap((p.start, p.end), anchor), default=None)
    if best is None or _overlap((best.start, best.end), anchor) * 2 < anchor[1] - anchor[0]:
        return None
    return best


def _chain_exact(text: str, gold: list[dict], chain: tuple[ChainLink, ...], near: int) -> bool:
    if len(gold) != len(chain):
        return False
    pairs = zip(gold, chain, strict=True)
    return all(_overlap(_find(text, g["text"], near), (p.start, p.end)) > 0 for g, p in pairs)


def _held(document_id: str) -> bool:
    return int(hashlib.md5(document_id.encode()).hexdigest()[0], 16) < 6


def _score_voices(polnear: Path) -> dict[str, dict[str, float]]:
    labels = list(csv.DictReader((HERE / "polnear_voices.tsv").open(encoding="utf-8"), delimiter="\t"))
    texts: dict[str, str] = {}
    for name in ("train.jsonl", "dev.jsonl"):
        with (polnear / name).open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                texts[record["id"]] = record["text"]
    result: dict[str, dict[str, float]] = {}
    for split in ("dev", "held"):
        rows = [r for r in labels if ("held" if _held(r["doc"]) else "dev") == split]
        tally: Counter[str] = Counter()
        for row in rows:
            text = texts[row["doc"]]
            start, end = int(row["start"]), int(row["end"])
            link = voice_of(text, start, end)
            gold_anonymous = row["anonymous"] == "1"
            tally["n"] += 1
            tally["anonymous_ok"] += link.anonymous == gold_anonymous
            tally["tp"] += link.anonymous and gold_anonymous
            tally["pred_anon"] += link.anonymous
            tally["gold_anon"] += gold_anonymous
            tally["role_ok"] += (link.role or "") == row["role"]
        n = tally["n"] or 1
        precision = tally["tp"] / max(tally["pred_anon"], 1)
        recall = tally["tp"] / max(tally["gold_anon"], 1)
        result[split] = {
            "spans": tally["n"],
            "anonymous_acc": tally["anonymous_ok"] / n,
            "anonymous_f1": 2 * precision * recall / max(precision + recall, 1e-9),
            "role_acc": tally["role_ok"] / n,
        }
    return result


def _dump(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    print(f"== {path.name}")
    for claim in stated_claims(text, path.stem):
        chain = " → ".join(
            f"{link.text} [{'anon' if link.anonymous else 'named'}{', ' + link.role if link.role else ''}]"
            for link in claim.chain
        )
        hedges = f" ({'; '.join(claim.hedges)})" if claim.hedges else ""
        print(f"- {claim.kind} / {claim.certainty}{hedges}: {claim.text!r}")
        print(f"    chain: {chain or '(writer)'}")
        for quantity in claim.quantities:
            print(f"    quantity: {quantity.text!r} = {quantity.value} {quantity.unit or ''}".rstrip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR, help="folder with train/dev.jsonl")
    parser.add_argument("--dump", type=Path, nargs="+", help="print the claims of these plain-text reports")
    args = parser.parse_args()
    if args.dump:
        for path in args.dump:
            _dump(path)
        return 0
    records = [json.loads(line) for line in (HERE / "stated_gold.jsonl").open(encoding="utf-8")]
    started = time.perf_counter()
    for split in ("dev", "held"):
        chosen = [r for r in records if r["split"] == split]
        figures = _score_claims(chosen)
        confusions = figures.pop("confusions")
        print(f"stated_gold {split} ({len(chosen)} reports):")
        for key, value in figures.items():
            print(f"  {key:20s} {value:.3f}" if isinstance(value, float) else f"  {key:20s} {value}")
        print(f"  confusions (field, gold, predicted): {confusions}")
    elapsed = time.perf_counter() - started
    print(f"  time: {1000 * elapsed / len(records):.1f} ms per report (attribution tagger included)")
    if (args.polnear / "train.jsonl").is_file() and (HERE / "polnear_voices.tsv").is_file():
        for split, figures in _score_voices(args.polnear).items():
            shown = ", ".join(
                f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items()
            )
            print(f"polnear_voices {split}: {shown}")
    else:
        print(f"polnear_voices: skipped ({args.polnear} or polnear_voices.tsv missing)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
