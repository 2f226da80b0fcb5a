"""What the name check (``storyweave.text.entities.uncovered_names``) changes in citations, on val_full.

Two counts over the first ``--groups`` full-length, original-case Multi-News groups:

* summary citations: each sentence of the default summary (260 words) cites the other documents with a
  sentence at TF-IDF cosine >= ``SUPPORT_THRESHOLD`` and agreeing numbers; how many of those the name check
  removes, and (``--show N``) a seeded sample of the removed ones to read: the cited sentence, the other
  document's closest sentence, and the names that document never mentions;
* claim groups (the brief's claims table): sentences grouped as one claim across reports, with and without
  the requirement that each report names what the other's sentence names; how many groups span two or more
  reports either way.

    python benchmarks/summarize/citation_names.py [--groups 250] [--claim-groups 80] [--show 20]

The claim count groups sentences only (no attribution models), so it runs in seconds.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import numpy as np

from storyweave.claims.align._group import group_sentences, named_in_each_other, similarity, story_sentences
from storyweave.model import Article
from storyweave.summarize._group import build_group
from storyweave.summarize._rankers import get_ranker
from storyweave.summarize._select import select
from storyweave.summarize._summarize import LEAD_WORDS
from storyweave.summarize._support import SUPPORT_THRESHOLD, numbers_agree, supporting_documents
from storyweave.text.entities import uncovered_names

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "multinews" / "val_full.jsonl"


def _summary_citations(documents: list[str], words: int) -> tuple[int, int, list[tuple[str, str, list[str]]]]:
    """(citations by words and numbers alone, citations kept by the name check, the removed ones)."""
    group = build_group(documents, lead_words=LEAD_WORDS)
    if not group.candidate_rows.size:
        return 0, 0, []
    scores = np.asarray(get_ranker(None).score(group), dtype=np.float64)
    before = after = 0
    removed = []
    for row in select(group, scores, words):
        own, text = int(group.document[row]), group.texts[row]
        similarity_row = group.similarity[int(np.searchsorted(group.candidate_rows, row))]
        closest: dict[int, str] = {}
        for other in np.flatnonzero(similarity_row >= SUPPORT_THRESHOLD):
            document = int(group.document[other])
            if document != own and document not in closest and numbers_agree(text, group.texts[other]):
                closest[document] = group.texts[other]
        kept = set(supporting_documents(group, row)) - {own}
        before, after = before + len(closest), after + len(kept)
        for document, other_text in closest.items():
            if document not in kept:
                missing = uncovered_names(text, group.document_vocabulary[document])
                removed.append((text, other_text, missing))
    return before, after, removed


def _claim_groups(documents: list[str]) -> tuple[int, int]:
    """Claim groups spanning two or more reports: without the name check, with it."""
    articles = [Article(id=f"d{i}", text=text, origin=f"d{i}") for i, text in enumerate(documents)]
    sentences = story_sentences(articles)
    if not sentences:
        return 0, 0
    sims = similarity([s.text for s in sentences])
    named = np.where(named_in_each_other(sentences, articles), sims, 0.0)
    counts = []
    for matrix in (sims, named):
        groups = group_sentences(sentences, matrix)
        counts.append(sum(len({sentences[m].article_index for m in members}) > 1 for members in groups))
    return counts[0], counts[1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--groups", type=int, default=250)
    parser.add_argument("--claim-groups", type=int, default=80)
    parser.add_argument("--words", type=int, default=260)
    parser.add_argument("--show", type=int, default=20, help="removed citations to print (seeded sample)")
    args = parser.parse_args()
    groups = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]

    before = after = 0
    removed: list[tuple[str, str, list[str]]] = []
    for group in groups[: args.groups]:
        b, a, r = _summary_citations(group["documents"], args.words)
        before, after, removed = before + b, after + a, removed + r
    print(f"summary citations of other reports ({min(args.groups, len(groups))} groups, {args.words} words):")
    print(f"  by words and numbers {before}; also naming what the sentence names {after}")

    plain = checked = 0
    for group in groups[: args.claim_groups]:
        p, c = _claim_groups(group["documents"])
        plain, checked = plain + p, checked + c
    print(f"claim groups over 2+ reports ({args.claim_groups} groups): {plain} unchecked, {checked} checked")

    for text, other, missing in random.Random(5).sample(removed, min(args.show, len(removed))):
        print(f"\nCITED    {text[:300]}\nCLOSEST  {other[:300]}\nNOT NAMED {', '.join(missing)}")


if __name__ == "__main__":
    main()
