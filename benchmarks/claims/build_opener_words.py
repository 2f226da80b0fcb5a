"""Build the learned opener list: words that news text usually writes in lower case mid-sentence.

    python benchmarks/claims/build_opener_words.py [--news PATH] [--output PATH]

A capitalised word at the start of a sentence may be a name ("Houthis control ...") or an ordinary word
("Police said ...", "Rival factions ..."). The story's own reports often cannot tell (the word occurs once),
so the entity finder also asks how news text at large writes the word: this script counts, over the
Multi-News validation reports in their original case, how often each word appears in lower case inside a
sentence and how often capitalised inside a sentence, and keeps the words seen at least twice in lower
case and more often in lower case than capitalised. Output: a gzip'd TSV (``word``, lower-case count,
capitalised count), sorted, written with a fixed gzip timestamp so that a rebuild is byte-identical.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

from storyweave.text.entities._tokens import possessive_base, tokenize

HERE = Path(__file__).resolve().parent
DEFAULT_NEWS = HERE.parents[2] / "shared" / "data" / "multinews" / "val_full.jsonl"
DEFAULT_OUTPUT = HERE.parents[1] / "src" / "storyweave" / "text" / "entities" / "opener_words.tsv.gz"
MIN_LOWER = 2


def count_cases(lines: list[str]) -> tuple[Counter[str], Counter[str]]:
    """Lower-case and capitalised (first letter only) counts of each word inside sentences."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for line in lines:
        for document in json.loads(line)["documents"]:
            for token in tokenize(document):
                word = possessive_base(token.text)
                if token.initial or not word[0].isalpha():
                    continue
                if word.islower():
                    lower[word] += 1
                elif word[0].isupper() and word[1:].islower():
                    capital[word.lower()] += 1
    return lower, capital


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--news", type=Path, default=DEFAULT_NEWS, help="Multi-News JSONL in original case")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    if not args.news.is_file():
        parser.error(f"no news file at {args.news}; pass --news with the Multi-News val_full.jsonl path")
    lower, capital = count_cases(args.news.read_text(encoding="utf-8").splitlines())
    rows = sorted(w for w, n in lower.items() if n >= MIN_LOWER and n > capital[w])
    body = "".join(f"{w}\t{lower[w]}\t{capital[w]}\n" for w in rows).encode("utf-8")
    with args.output.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as out:
        out.write(body)
    print(f"{len(rows)} words usually lower case -> {args.output} ({args.output.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
