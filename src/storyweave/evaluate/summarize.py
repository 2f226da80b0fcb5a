"""The ``storyweave eval summarize`` contract: document groups in, cited extractive summaries out.

Reads JSON Lines ``{"id", "documents": [str, ...]}`` (other keys ignored) and writes, one line per group,
``{"id", "summary": str, "sentences": [{"text": str, "sources": [doc_index, ...]}]}`` where ``summary`` is
the sentences joined by newlines. Score the output with ``shared/bench/score.py rouge``.
"""

from __future__ import annotations

import json
from pathlib import Path

from storyweave.summarize import Ranker, summarize

__all__ = ["run"]


def run(
    input_path: str | Path, output_path: str | Path, words: int, ranker: str | Ranker | None = None
) -> int:
    """Summarise every group of ``input_path`` into ``output_path``; returns the number of groups written.

    A malformed line stops the run with an error naming the file and line: a benchmark with silently
    missing groups would report a figure for a different data set.
    """
    source = Path(input_path)
    written = 0
    with (
        source.open(encoding="utf-8") as lines,
        Path(output_path).open("w", encoding="utf-8") as output,
    ):
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            group_id, documents = _parse_group(line, f"{source}:{number}")
            extracts = summarize(documents, words=words, ranker=ranker)
            sentences = [{"text": extract.text, "sources": list(extract.support)} for extract in extracts]
            record = {
                "id": group_id,
                "summary": "\n".join(sentence["text"] for sentence in sentences),
                "sentences": sentences,
            }
            output.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    return written


def _parse_group(line: str, where: str) -> tuple[object, list[str]]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"{where}: not valid JSON ({error.msg}); expected one object per line") from None
    if not isinstance(record, dict) or "id" not in record:
        raise ValueError(f'{where}: expected an object with "id" and "documents"')
    documents = record.get("documents")
    if not isinstance(documents, list) or not all(isinstance(doc, str) for doc in documents):
        raise ValueError(f'{where}: "documents" must be a list of strings (group id {record["id"]!r})')
    return record["id"], documents
