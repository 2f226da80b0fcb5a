"""The ``storyweave eval summarize`` contract: document groups in, cited extractive summaries out.

Reads JSON Lines ``{"id", "documents": [str, ...]}`` (other keys ignored) and writes, one line per group,
``{"id", "summary": str, "sentences": [{"text": str, "sources": [doc_index, ...]}]}`` where ``summary`` is
the sentences joined by newlines. Score the output with ``shared/bench/score.py rouge``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storyweave.evaluate._records import read_records, write_records
from storyweave.summarize import Ranker, summarize

__all__ = ["run"]


def run(
    input_path: str | Path, output_path: str | Path, words: int, ranker: str | Ranker | None = None
) -> int:
    """Summarise every group of ``input_path`` into ``output_path``; returns the number of groups written.

    A malformed line stops the run with an error naming the file and line: a benchmark with silently
    missing groups would report a figure for a different data set.
    """
    groups = read_records(input_path, string_lists=("documents",))
    return write_records(output_path, (_summary_record(r, words, ranker) for _, r in groups))


def _summary_record(group: dict[str, Any], words: int, ranker: str | Ranker | None) -> dict[str, Any]:
    extracts = summarize(group["documents"], words=words, ranker=ranker)
    sentences = [{"text": extract.text, "sources": list(extract.support)} for extract in extracts]
    return {
        "id": group["id"],
        "summary": "\n".join(sentence["text"] for sentence in sentences),
        "sentences": sentences,
    }
