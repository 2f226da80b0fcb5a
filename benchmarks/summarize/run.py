"""Multi-News val_full: our summariser against Lead, sumy LexRank / TextRank and a greedy oracle, one run.

    python benchmarks/summarize/run.py [--data .../val_full.jsonl] [--words 200 260] [--out DIR]

Every system gets the same full-length, original-case documents and the same sentence splitter
(storyweave.text.sentences), and fills the same word budget the same way unless stated: sentences are
taken in the system's own order until the budget is reached, the sentence that crosses it included (the
scorer cuts at N words). Predictions are written as `storyweave eval summarize` JSON Lines and scored by the
reference scorer (shared/bench/score.py rouge, F1, stemmed). Timing is the median wall time per group of
the system call alone (sentence splitting included, file and scoring work excluded), over all groups
and budgets, single process; systems take turns group by group so that background load hits all alike.

Systems:
* ours, learned   storyweave.summarize.summarize with the default ranker ("learned": gradient-boosted
                  trees trained on Multi-News train, benchmarks/summarize/train_ranker.py)
* ours, centrality the same pipeline with the untrained "centrality" ranker
                  (both take candidates from each document's first 300 words; whole documents gave the
                  same ROUGE with centrality, see git history of this file)
* Lead            round-robin: sentence 1 of document 1, 2, ..., then sentence 2 of each, ... in
                  document order, skipping nothing
* LexRank/TextRank sumy 0.13 with its English stop words and Snowball stemmer; our splitter and a regex
                  word tokenizer replace NLTK's Punkt (so no NLTK data is needed)
* oracle          greedy: adds the sentence that most raises ROUGE-1 + ROUGE-2 F1 against the reference
                  until nothing helps or the budget is full (a ceiling, not a system; not timed)
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path

from storyweave.summarize import summarize
from storyweave.text.sentences import split_sentences

SHARED = Path(__file__).resolve().parents[3] / "shared"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

Summariser = Callable[[Sequence[str], int], list[str]]


def fill(ranked: Sequence[str], words: int) -> list[str]:
    """Take sentences in ranked order until ``words`` is reached, the crossing sentence included."""
    chosen, used = [], 0
    for sentence in ranked:
        if used >= words:
            break
        chosen.append(sentence)
        used += len(sentence.split())
    return chosen


def ours(ranker: str) -> Summariser:
    def run(documents: Sequence[str], words: int) -> list[str]:
        return [extract.text for extract in summarize(documents, words=words, ranker=ranker)]

    return run


def lead(documents: Sequence[str], words: int) -> list[str]:
    split = [split_sentences(document) for document in documents]
    longest = max((len(sentences) for sentences in split), default=0)
    round_robin = [sentences[i] for i in range(longest) for sentences in split if i < len(sentences)]
    return fill(round_robin, words)


class _SumyTokenizer:
    """sumy's tokenizer interface backed by our splitter, so sumy needs no NLTK data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def sumy_system(kind: str) -> Summariser:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}[kind](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = _SumyTokenizer()

    def run(documents: Sequence[str], words: int) -> list[str]:
        model = ObjectDocumentModel(
            [Paragraph([Sentence(s, tokenizer) for s in split_sentences(document)]) for document in documents]
        )

        def budget(infos):  # infos arrive best first; sumy then restores document order
            chosen, used = [], 0
            for info in infos:
                if used >= words:
                    break
                chosen.append(info)
                used += len(str(info.sentence).split())
            return chosen

        return [str(sentence) for sentence in summarizer(model, budget)]

    return run


def oracle(documents: Sequence[str], words: int, reference: str, tokenize) -> list[str]:
    sentences = [s for document in documents for s in split_sentences(document)]
    tokens = [tokenize(s) for s in sentences]
    gold = tokenize(reference)
    gold_1, gold_2 = Counter(gold), Counter(pairwise(gold))

    def gain(chosen: list[int]) -> float:
        toks = [t for i in chosen for t in tokens[i]]
        total = 0.0
        for mine, ref in ((Counter(toks), gold_1), (Counter(pairwise(toks)), gold_2)):
            overlap = sum((mine & ref).values())
            if overlap:
                p, r = overlap / sum(mine.values()), overlap / sum(ref.values())
                total += 2 * p * r / (p + r)
        return total

    chosen: list[int] = []
    best, used = 0.0, 0
    while used < words:
        trials = [(gain([*chosen, i]), i) for i in range(len(sentences)) if i not in chosen and tokens[i]]
        if not trials:
            break
        score, pick = max(trials)
        if score <= best:
            break
        chosen.append(pick)
        best, used = score, used + len(sentences[pick].split())
    return [sentences[i] for i in sorted(chosen)]


def score(pred: Path, gold: Path, words: int, scorer: Path, recall: bool = False) -> dict:
    command = [
        sys.executable,
        str(scorer),
        "rouge",
        "--pred",
        str(pred),
        "--gold",
        str(gold),
        "--words",
        str(words),
        *(["--recall"] if recall else []),
    ]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "multinews" / "val_full.jsonl")
    parser.add_argument("--scorer", type=Path, default=SHARED / "bench" / "score.py")
    parser.add_argument("--words", type=int, nargs="+", default=[200, 260])
    parser.add_argument("--out", type=Path, default=Path("/tmp/storyweave-bench-summarize"))
    parser.add_argument("--limit", type=int, default=None, help="first N groups only (smoke runs)")
    parser.add_argument("--recall", action="store_true", help="ROUGE recall (the DUC convention), not F1")
    parser.add_argument(
        "--min-documents", type=int, default=1, help="only groups with at least this many documents"
    )
    args = parser.parse_args()
    with args.data.open(encoding="utf-8") as handle:
        groups = [json.loads(line) for line in handle if line.strip()]
    groups = [g for g in groups if len(g["documents"]) >= args.min_documents][: args.limit]
    args.out.mkdir(parents=True, exist_ok=True)
    gold = args.out / "gold.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in groups), encoding="utf-8")

    from rouge_score import rouge_scorer

    tokenize = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)._tokenizer.tokenize
    systems: dict[str, Summariser] = {
        "ours, learned": ours("learned"),
        "ours, centrality": ours("centrality"),
        "Lead (round-robin)": lead,
        "sumy LexRank": sumy_system("lexrank"),
        "sumy TextRank": sumy_system("textrank"),
    }
    # Systems take turns on each group, so that load from other work on the machine falls on all alike.
    results: dict[str, dict[int, dict]] = {name: {} for name in [*systems, "greedy oracle"]}
    seconds: dict[str, list[float]] = {name: [] for name in systems}
    for words in args.words:
        lines: dict[str, list[str]] = {name: [] for name in results}
        for group in groups:
            documents = group["documents"]
            for name, system in systems.items():
                started = time.perf_counter()
                sentences = system(documents, words)
                seconds[name].append(time.perf_counter() - started)
                lines[name].append(json.dumps({"id": group["id"], "summary": "\n".join(sentences)}) + "\n")
            best = oracle(documents, words, group["summary"], tokenize)
            lines["greedy oracle"].append(json.dumps({"id": group["id"], "summary": "\n".join(best)}) + "\n")
        for name, written in lines.items():
            pred = args.out / f"{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}-{words}.jsonl"
            pred.write_text("".join(written), encoding="utf-8")
            results[name][words] = score(pred, gold, words, args.scorer, args.recall)
            print(f"{name} @{words}: {results[name][words]}", file=sys.stderr, flush=True)
    timings = {name: statistics.median(values) for name, values in seconds.items()}

    lexrank = timings["sumy LexRank"]
    header = " | ".join(f"R1 / R2 / RLsum @{w}" for w in args.words)
    print(f"\n| system | {header} | ms/group (median) | speed vs LexRank |")
    print("|---|" + "---|" * len(args.words) + "---|---|")
    for name, by_words in results.items():
        figures = " | ".join(f"{r['R1']:.2f} / {r['R2']:.2f} / {r['RLsum']:.2f}" for r in by_words.values())
        ms = f"{1000 * timings[name]:.1f}" if name in timings else "–"
        ratio = f"{lexrank / timings[name]:.1f}x" if name in timings else "–"
        print(f"| {name} | {figures} | {ms} | {ratio} |")
    measure = "recall" if args.recall else "F1"
    print(
        f"\n{len(groups)} groups from {args.data.name} (at least {args.min_documents} documents); "
        f"ROUGE {measure}; scorer {args.scorer}; 2-core CPU, one process."
    )


if __name__ == "__main__":
    main()
