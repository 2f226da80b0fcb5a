"""Precision / recall of ``is_junk_line`` on hand-labelled lines from real news pages.

The labels (labels.jsonl) point at lines in the shared dev data by dataset, document id and line number and
carry the SHA-1 of the line, never its text, so the data stays out of the repository. This runner re-reads
the lines from the shared data, refuses any whose hash no longer matches, and scores the junk class.

Lines are split 50/50 into dev and test by a hash of their document id: rules were tuned on dev only, test
is the held-back figure. Documents, not lines, are split so that one page's furniture is not on both sides.

    python benchmarks/junk/run.py [--verbose] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from storyweave.text.clean import clean_text, is_junk_line

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parents[2] / "shared" / "data"
SOURCES = {
    "multinews_val_full": ("multinews/val_full.jsonl", "documents"),
    "clust_mcms_dev": ("clust_mcms/dev.jsonl", "text"),
}


@dataclass(frozen=True, slots=True)
class LabelledLine:
    dataset: str
    doc_id: str
    line_no: int
    text: str
    is_junk: bool

    @property
    def split(self) -> str:
        digest = hashlib.sha1(f"{self.dataset}:{self.doc_id}".encode()).digest()
        return "dev" if digest[0] % 2 == 0 else "test"


def _documents(data: Path, dataset: str) -> dict[str, list[str]]:
    """Lines of every document of one dataset, keyed by the doc_id used in labels.jsonl."""
    relative, field = SOURCES[dataset]
    path = data / relative
    if not path.exists():
        sys.exit(
            f"error: {path} not found; pass --data pointing at the shared data folder (see its README.md)"
        )
    docs: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as lines:
        for raw in lines:
            record = json.loads(raw)
            if field == "documents":  # Multi-News: a group of reports; doc_id is "<group id>/<index>"
                for index, text in enumerate(record["documents"]):
                    docs[f"{record['id']}/{index}"] = text.split("\n")
            else:
                docs[str(record["id"])] = record["text"].split("\n")
    return docs


def load_labels(labels: Path, data: Path) -> Iterator[LabelledLine]:
    documents = {dataset: _documents(data, dataset) for dataset in SOURCES}
    with labels.open(encoding="utf-8") as rows:
        for number, raw in enumerate(rows, start=1):
            row = json.loads(raw)
            lines = documents[row["dataset"]].get(row["doc_id"])
            if lines is None or row["line_no"] >= len(lines):
                sys.exit(f"error: {labels}:{number} points at a line that does not exist in {row['dataset']}")
            text = lines[row["line_no"]]
            if hashlib.sha1(text.encode("utf-8")).hexdigest() != row["sha1_of_line"]:
                sys.exit(f"error: {labels}:{number}: the line's SHA-1 does not match; the data has changed")
            yield LabelledLine(row["dataset"], row["doc_id"], row["line_no"], text, row["label"] == "junk")


def _cut_from(text: str) -> str:
    """What clean_text removed from a line it kept: the text before and after the part it returned."""
    whole = " ".join(text.split())
    kept = clean_text(text)
    if not kept:
        return whole
    start = whole.find(kept)
    if start < 0:  # inline removals ("[ edit ]") change the middle; report the word difference
        return " ".join(w for w in whole.split() if w not in set(kept.split()))
    return f"{whole[:start].strip()} ... {whole[start + len(kept) :].strip()}".strip(". ")


def score(lines: list[LabelledLine], name: str, verbose: bool) -> None:
    predicted = [is_junk_line(line.text) for line in lines]
    tp = sum(p and line.is_junk for p, line in zip(predicted, lines, strict=True))
    fp = sum(p and not line.is_junk for p, line in zip(predicted, lines, strict=True))
    fn = sum(not p and line.is_junk for p, line in zip(predicted, lines, strict=True))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    # clean_text also cuts glued junk off kept lines: count keep-lines it shortens or removes.
    keep = [line for line in lines if not line.is_junk]
    damaged = [line for line in keep if len(clean_text(line.text).split()) < len(line.text.split())]
    n_junk = sum(line.is_junk for line in lines)
    print(
        f"{name:5s} lines={len(lines):4d} junk={n_junk:3d}  precision={precision:.3f} recall={recall:.3f} "
        f"f1={f1:.3f}  keep-lines wrongly removed={fp}  keep-lines clean_text cut text from={len(damaged)}"
    )
    if verbose:
        for p, line in zip(predicted, lines, strict=True):
            if p != line.is_junk:
                kind = "FALSE JUNK" if p else "MISSED    "
                where = f"{line.dataset}:{line.doc_id}:{line.line_no}"
                print(f"  {kind} {where}  {' '.join(line.text.split())[:150]}")
        for line in damaged:
            print(f"  CUT FROM   {line.dataset}:{line.doc_id}:{line.line_no}  {_cut_from(line.text)[:150]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--labels", type=Path, default=HERE / "labels.jsonl")
    parser.add_argument("--verbose", action="store_true", help="list every misclassified line")
    args = parser.parse_args()
    lines = list(load_labels(args.labels, args.data))
    for split in ("dev", "test"):
        score([line for line in lines if line.split == split], split, args.verbose)
    score(lines, "all", verbose=False)


if __name__ == "__main__":
    main()
