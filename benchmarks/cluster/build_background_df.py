"""Rebuild the background document-frequency table the online clusterer weighs terms with.

Online clustering cannot fit IDF on the whole pile (the pile is not there yet), and IDF fitted on the
first few hundred reports of a stream is noise. So terms are weighed by how many news reports of a large,
unrelated background corpus contain them: Multi-News train (Fabbri et al. 2019; 44,972 groups, lower-cased;
non-commercial research terms). Terms are the clusterer's own (``storyweave.cluster._report_features``
``background_terms``: stemmed content words, so names and numbers look up the same table). Terms in fewer
than ``--min-df`` documents are dropped; the clusterer treats an unlisted term as rarer than any listed one.

    python benchmarks/cluster/build_background_df.py [--shared ../shared] [--min-df 3]

writes ``src/storyweave/cluster/background_df.tsv.gz`` (deterministic bytes: sorted, gzip mtime 0).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
import time
from collections import Counter
from pathlib import Path

from storyweave.cluster._report_features import background_terms

REPO = Path(__file__).resolve().parents[2]
TABLE = REPO / "src" / "storyweave" / "cluster" / "background_df.tsv.gz"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared/ folder")
    parser.add_argument("--min-df", type=int, default=3, help="least document frequency kept")
    parser.add_argument("--output", type=Path, default=TABLE)
    args = parser.parse_args(argv)
    source = args.shared / "data" / "multinews" / "train.jsonl.gz"
    started = time.perf_counter()
    frequencies: Counter[str] = Counter()
    documents = 0
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        for line in lines:
            for text in json.loads(line)["documents"]:
                if text.strip():
                    frequencies.update(set(background_terms(text)))
                    documents += 1
    kept = sorted((term, df) for term, df in frequencies.items() if df >= args.min_df and "\t" not in term)
    buffer = io.StringIO()
    buffer.write(f"#documents\t{documents}\n")
    buffer.writelines(f"{term}\t{df}\n" for term, df in kept)
    with args.output.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed:
        packed.write(buffer.getvalue().encode("utf-8"))
    print(
        f"{documents} documents from {source}, {len(kept)} of {len(frequencies)} terms with df >= "
        f"{args.min_df}; wrote {args.output} ({args.output.stat().st_size / 1e6:.2f} MB) "
        f"in {time.perf_counter() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
