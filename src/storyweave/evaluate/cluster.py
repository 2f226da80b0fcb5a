"""``storyweave eval cluster``: the clustering evaluation contract (see DESIGN.md, "Evaluation contracts").

Reads JSON Lines ``{"id", "text", "title"?, "published"?}`` in stream order and writes one
``{"id", "story"}`` line per input line, in the same order, so ``shared/bench/score.py bcubed`` can score it.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from storyweave.cluster import DEFAULT_CLUSTERER as _DEFAULT
from storyweave.cluster import Clusterer, get_clusterer
from storyweave.model import Article

__all__ = ["read_articles", "run"]


def _published(value: Any, where: str) -> date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f'{where}: "published" must be a string YYYY-MM-DD, got {value!r}')
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError(f'{where}: "published" is not a date YYYY-MM-DD: {value!r}') from None


def read_articles(input_path: str | Path) -> tuple[list[Any], list[Article]]:
    """The records' ids exactly as given (echoed back in the output) and one article per record.

    Raises ValueError naming ``path:line`` for a line that is not a JSON object with ``id`` and ``text``.
    """
    path = Path(input_path)
    ids: list[Any] = []
    articles: list[Article] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(
                    f"{where}: not valid JSON ({error.msg}); expected one object per line"
                ) from None
            if not isinstance(record, dict) or "id" not in record or not isinstance(record.get("text"), str):
                raise ValueError(f'{where}: expected an object with "id" and a string "text"')
            key = str(record["id"])
            if key in seen:
                raise ValueError(f"{where}: id {record['id']!r} appears twice; ids must be unique")
            seen.add(key)
            title = record.get("title")
            ids.append(record["id"])
            articles.append(
                Article(
                    id=key,
                    text=record["text"],
                    origin=where,
                    title=title if isinstance(title, str) else None,
                    published=_published(record.get("published"), where),
                )
            )
    return ids, articles


def run(input_path: str | Path, output_path: str | Path, clusterer: str | Clusterer | None = None) -> int:
    """Cluster the input's articles and write ``{"id", "story"}`` per input line; returns the exit code 0.

    Stories are integers, numbered in order of first appearance in the input.
    """
    model = get_clusterer(clusterer or _DEFAULT) if not isinstance(clusterer, Clusterer) else clusterer
    ids, articles = read_articles(input_path)
    labels = model.fit_predict(articles)
    with Path(output_path).open("w", encoding="utf-8") as out:
        for record_id, label in zip(ids, labels, strict=True):
            out.write(json.dumps({"id": record_id, "story": label}, ensure_ascii=False) + "\n")
    return 0
