"""Quantities and alias groups against hand-labelled sentences and passages, plus the two seed reports.

    python benchmarks/claims/run_quantities_entities.py [--split dev|test|all] [--seeds DIR] [--errors]

Labels (written by hand for this benchmark, in news style; items marked "test" are held out):
- ``quantities_labels.jsonl``: ``{"id", "split", "text", "quantities": [{"text", "value", "low"?,
  "high"?, "unit"?, "vague"}]}``; a gold span is the first occurrence of its text after the previous one.
- ``entities_labels.jsonl``: ``{"id", "split", "texts": {article: text}, "groups": [[surface, ...]]}``;
  every word-bounded occurrence of a surface form in any text of the passage is a mention of its group,
  except occurrences inside a longer surface form of the same group.

Quantities: span precision/recall/F1 (a prediction matches a gold span it overlaps), value F1 (matched
and the value within 1 %; for a vague gold amount, the predicted range must contain the gold value),
unit and bound accuracy over matched pairs. Alias groups: mention detection (exact spans), pairwise
mention-link precision/recall/F1, and B-cubed over mentions (a mention the other side lacks counts as a
singleton there). Speed: CPU milliseconds (process time, so other jobs on a shared machine do not
inflate it) per 1,000 words, single process.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from storyweave.model import Quantity
from storyweave.text.entities import find_entities
from storyweave.text.quantities import find_quantities

HERE = Path(__file__).resolve().parent
Span = tuple[str, int, int]


def _prf(hits_p: float, n_pred: float, hits_r: float, n_gold: float) -> tuple[float, float, float]:
    precision = hits_p / n_pred if n_pred else 1.0
    recall = hits_r / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _named(name: str, scores: tuple[float, float, float]) -> dict[str, float]:
    return dict(zip((f"{name}_p", f"{name}_r", f"{name}_f1"), scores, strict=True))


def _load(name: str, split: str) -> list[dict]:
    rows = [json.loads(line) for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if split == "all" or r["split"] == split]


def _value_ok(gold: dict, pred: Quantity) -> bool:
    if gold["vague"]:
        return (
            pred.vague
            and pred.low is not None
            and pred.high is not None
            and pred.low <= gold["value"] <= pred.high
        )
    return abs(pred.value - gold["value"]) <= 0.01 * abs(gold["value"]) + 1e-9


def _bounds_ok(gold: dict, pred: Quantity) -> bool:
    if gold["vague"] or pred.vague:
        return gold["vague"] == pred.vague
    return all(
        (gold.get(side) is None) == (getattr(pred, side) is None)
        and (gold.get(side) is None or abs(getattr(pred, side) - gold[side]) <= 0.01 * abs(gold[side]) + 1e-9)
        for side in ("low", "high")
    )


def score_quantities(rows: list[dict], show_errors: bool) -> dict[str, float]:
    n_gold = n_pred = span_hits = value_hits = unit_hits = unit_total = bound_hits = 0
    for row in rows:
        text, predicted = row["text"], find_quantities(row["text"])
        golds, cursor = [], 0
        for gold in row["quantities"]:
            start = text.index(gold["text"], cursor)
            golds.append((start, start + len(gold["text"]), gold))
            cursor = start + 1
        n_gold, n_pred = n_gold + len(golds), n_pred + len(predicted)
        unmatched = list(predicted)
        for start, end, gold in golds:
            match = next((p for p in unmatched if p.start < end and start < p.end), None)
            if match is None:
                if show_errors:
                    print(f"  MISS {row['id']}: {gold['text']!r} in {text!r}")
                continue
            unmatched.remove(match)
            span_hits += 1
            value_hits += _value_ok(gold, match)
            bound_hits += _bounds_ok(gold, match)
            if "unit" in gold:
                unit_total += 1
                unit_hits += match.unit == gold["unit"]
            if show_errors and not (_value_ok(gold, match) and _bounds_ok(gold, match)):
                print(f"  VALUE {row['id']}: gold {gold} got {match}")
            if show_errors and "unit" in gold and match.unit != gold["unit"]:
                print(f"  UNIT {row['id']}: gold {gold['unit']!r} got {match.unit!r} for {match.text!r}")
        for extra in unmatched if show_errors else []:
            print(f"  EXTRA {row['id']}: {extra.text!r} ({extra.value}) in {text!r}")
    return {
        "sentences": len(rows),
        "gold": n_gold,
        **_named("span", _prf(span_hits, n_pred, span_hits, n_gold)),
        **_named("value", _prf(value_hits, n_pred, value_hits, n_gold)),
        "unit_acc": unit_hits / unit_total if unit_total else 1.0,
        "bound_acc": bound_hits / span_hits if span_hits else 1.0,
    }


def gold_clusters(row: dict) -> list[set[Span]]:
    clusters = []
    for group in row["groups"]:
        spans: set[Span] = set()
        for article, text in row["texts"].items():
            found = [
                (m.start(), m.end())
                for surface in group
                for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)
            ]
            for start, end in found:
                if not any(s <= start and end <= e and (s, e) != (start, end) for s, e in found):
                    spans.add((article, start, end))
        clusters.append(spans)
    return clusters


def _links(clusters: Iterable[set[Span]]) -> set[frozenset[Span]]:
    return {frozenset(pair) for cluster in clusters for pair in itertools.combinations(sorted(cluster), 2)}


def _b_cubed(ours: list[set[Span]], theirs: list[set[Span]]) -> tuple[float, int]:
    where = {m: c for c in theirs for m in c}
    total, count = 0.0, 0
    for cluster in ours:
        for mention in cluster:
            other = where.get(mention, {mention})
            total += len(cluster & other) / len(cluster)
            count += 1
    return total, count


def score_entities(rows: list[dict], show_errors: bool) -> dict[str, float]:
    mention_hits = n_gold_m = n_pred_m = link_hits = n_gold_l = n_pred_l = 0
    b3p = b3r = 0.0
    b3p_n = b3r_n = 0
    for row in rows:
        gold = gold_clusters(row)
        predicted = [
            {(m.article_id, m.start, m.end) for m in entity.mentions}
            for entity in find_entities(row["texts"])
        ]
        gold_m, pred_m = set().union(*gold), set().union(*predicted) if predicted else set()
        mention_hits += len(gold_m & pred_m)
        n_gold_m, n_pred_m = n_gold_m + len(gold_m), n_pred_m + len(pred_m)
        gold_l, pred_l = _links(gold), _links(predicted)
        link_hits += len(gold_l & pred_l)
        n_gold_l, n_pred_l = n_gold_l + len(gold_l), n_pred_l + len(pred_l)
        total, count = _b_cubed(predicted, gold)
        b3p, b3p_n = b3p + total, b3p_n + count
        total, count = _b_cubed(gold, predicted)
        b3r, b3r_n = b3r + total, b3r_n + count
        if show_errors:
            texts = row["texts"]

            def show(span: Span, texts: dict = texts) -> str:
                return texts[span[0]][span[1] : span[2]]

            for span in sorted(gold_m - pred_m):
                print(f"  MISSED MENTION {row['id']}: {show(span)!r}")
            for span in sorted(pred_m - gold_m):
                print(f"  EXTRA MENTION {row['id']}: {show(span)!r}")
            for pair in gold_l - pred_l:
                if pair <= pred_m:
                    print(f"  MISSED LINK {row['id']}: " + " = ".join(repr(show(s)) for s in sorted(pair)))
            for pair in pred_l - gold_l:
                if pair <= gold_m:
                    print(f"  WRONG LINK {row['id']}: " + " = ".join(repr(show(s)) for s in sorted(pair)))
    return {
        "passages": len(rows),
        "gold_mentions": n_gold_m,
        **_named("mention", _prf(mention_hits, n_pred_m, mention_hits, n_gold_m)),
        **_named("link", _prf(link_hits, n_pred_l, link_hits, n_gold_l)),
        **_named("b3", _prf(b3p, b3p_n, b3r, b3r_n)),
    }


def _speed(texts: list[str], repeat: int = 20) -> tuple[float, float]:
    words = sum(len(t.split()) for t in texts) * repeat
    began = time.process_time()
    for _ in range(repeat):
        for text in texts:
            find_quantities(text)
    quantities_ms = (time.process_time() - began) * 1000 / words * 1000
    began = time.process_time()
    for _ in range(repeat):
        for n, text in enumerate(texts):
            find_entities({str(n): text})
    entities_ms = (time.process_time() - began) * 1000 / words * 1000
    return quantities_ms, entities_ms


def _show_seeds(seeds: Path) -> list[str]:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))}
    for article, text in texts.items():
        print(f"\n### quantities in {article}")
        for q in find_quantities(text):
            bounds = "".join(
                f" {side}={getattr(q, side):g}" for side in ("low", "high") if getattr(q, side) is not None
            )
            print(f"- {q.text!r} = {q.value:g}{bounds} unit={q.unit} vague={q.vague}")
    print("\n### entities across the seed reports")
    for entity in find_entities(texts):
        aliases = " | ".join(entity.aliases)
        print(f"- {entity.name} ({entity.kind}, {len(entity.mentions)} mentions): {aliases}")
    return list(texts.values())


def _triple(scores: dict[str, float], name: str) -> str:
    return "/".join(f"{scores[f'{name}_{part}']:.3f}" for part in ("p", "r", "f1"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["dev", "test", "all"], default=None, help="default: dev and test")
    parser.add_argument("--seeds", type=Path, default=HERE.parents[2] / "shared" / "data" / "seeds")
    parser.add_argument("--errors", action="store_true", help="print each miss, extra and wrong link")
    args = parser.parse_args(argv)
    splits = [args.split] if args.split else ["dev", "test"]
    print("| split | quantities: n | span P/R/F1 | value P/R/F1 | unit acc | bound acc |")
    print("|---|---|---|---|---|---|")
    for split in splits:
        s = score_quantities(_load("quantities_labels.jsonl", split), args.errors)
        cells = [f"{s['gold']} in {s['sentences']}", _triple(s, "span"), _triple(s, "value")]
        cells += [f"{s['unit_acc']:.3f}", f"{s['bound_acc']:.3f}"]
        print(f"| {split} | " + " | ".join(cells) + " |")
    print("\n| split | entities: mentions | mention P/R/F1 | link P/R/F1 | B-cubed P/R/F1 |")
    print("|---|---|---|---|---|")
    for split in splits:
        s = score_entities(_load("entities_labels.jsonl", split), args.errors)
        cells = [f"{s['gold_mentions']} in {s['passages']}", _triple(s, "mention"), _triple(s, "link")]
        print(f"| {split} | " + " | ".join([*cells, _triple(s, "b3")]) + " |")
    seed_texts = _show_seeds(args.seeds) if args.seeds.is_dir() else []
    if not args.seeds.is_dir():
        print(f"\n(seed reports not found at {args.seeds}; pass --seeds DIR to show them)", file=sys.stderr)
    news = HERE.parents[2] / "shared" / "data" / "multinews" / "val_full.jsonl"
    if news.is_file():
        with news.open(encoding="utf-8") as lines:
            reports = [d for line in itertools.islice(lines, 30) for d in json.loads(line)["documents"]]
        q_ms, e_ms = _speed(reports, repeat=3)
        words = sum(len(r.split()) for r in reports)
        print(
            f"\nspeed (CPU time) on {len(reports)} Multi-News reports ({words} words): "
            f"find_quantities {q_ms:.2f} ms, find_entities {e_ms:.2f} ms per 1,000 words"
        )
    labelled = [r["text"] for r in _load("quantities_labels.jsonl", "all")]
    labelled += [t for r in _load("entities_labels.jsonl", "all") for t in r["texts"].values()]
    q_ms, e_ms = _speed(seed_texts + labelled)
    print(
        f"speed (CPU time) on seeds and labels: find_quantities {q_ms:.2f} ms, "
        f"find_entities {e_ms:.2f} ms per 1,000 words"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
