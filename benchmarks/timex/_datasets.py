"""The temporal-expression sets of shared/data as contract records, with a fixed tuning / held-out split.

TempEval-3 training (TimeBank + AQUAINT) is split by the SHA-1 of the document id: a third is held out and
was never looked at document by document while the rules were written. MEANTIME is kept whole as a second
held-out set from another source (Wikinews): it ships one row per expression with only the sentences that
hold expressions, so each document is rebuilt from those sentences, one a line, in token order.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from pathlib import Path

__all__ = ["Split", "splits"]

Split = tuple[str, list[dict]]
"""(name, records ``{"id", "text", "published", "timexes": [{"start", "end", "text", "type", "value"}]}``)."""


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def held_out(document_id: str) -> bool:
    return int(hashlib.sha1(document_id.encode("utf-8")).hexdigest(), 16) % 3 == 0


def _iso_day(value: str | None) -> str | None:
    """MEANTIME writes a few document dates day first ("03-02-2009"); the contract wants YYYY-MM-DD."""
    if value and re.fullmatch(r"\d\d-\d\d-\d{4}", value):
        return f"{value[6:]}-{value[3:5]}-{value[:2]}"
    return value


def _meantime_documents(rows: list[dict]) -> list[dict]:
    by_document: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_document[f"{row['corpus']}/{row['doc_id']}"].append(row)
    documents = []
    for key, members in sorted(by_document.items()):
        sentences: dict[str, int] = {}
        for row in members:
            first_token = min(int(t) for t in row["token_ids"])
            sentences[row["sentence"]] = min(first_token, sentences.get(row["sentence"], first_token))
        ordered = sorted(sentences, key=sentences.__getitem__)
        offsets, text = {}, ""
        for sentence in ordered:
            offsets[sentence] = len(text)
            text += sentence + "\n"
        timexes, used = [], set()
        for row in sorted(members, key=lambda r: min(int(t) for t in r["token_ids"])):
            base, at = offsets[row["sentence"]], row["sentence"].find(row["text"])
            while at >= 0 and (base + at) in used:
                at = row["sentence"].find(row["text"], at + 1)
            if at < 0 or not row.get("value"):
                continue
            used.add(base + at)
            start = base + at
            timexes.append(
                {
                    "start": start,
                    "end": start + len(row["text"]),
                    "text": row["text"],
                    "type": row["type"],
                    "value": row["value"],
                }
            )
        documents.append(
            {
                "id": key,
                "text": text,
                "published": next((_iso_day(r["dct"]) for r in members if r.get("dct")), None),
                "timexes": timexes,
            }
        )
    return documents


def splits(shared: Path) -> list[Split]:
    tempeval = _read_jsonl(shared / "data" / "tempeval3" / "train.jsonl")
    meantime = _meantime_documents(_read_jsonl(shared / "data" / "meantime" / "meantime_timex.jsonl"))
    return [
        ("TempEval-3 train, tuning part (2/3)", [r for r in tempeval if not held_out(r["id"])]),
        ("TempEval-3 train, held-out part (1/3)", [r for r in tempeval if held_out(r["id"])]),
        ("MEANTIME (held out)", meantime),
    ]
