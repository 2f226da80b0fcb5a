"""``storyweave eval cluster``: the clustering evaluation contract (see DESIGN.md, "Evaluation contracts").

Reads JSON Lines ``{"id", "text", "title"?, "published"?}`` in stream order and writes one
``{"id", "story"}`` line per input line, in the same order, so ``shared/bench/score.py bcubed`` can score it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storyweave.cluster import DEFAULT_CLUSTERER as _DEFAULT
from storyweave.cluster import Clusterer, get_clusterer
from storyweave.evaluate._records import parse_published, read_records, write_records
from storyweave.model import Article

__all__ = ["read_articles", "run"]


def read_articles(input_path: str | Path) -> tuple[list[Any], list[Article]]:
    """The records' ids exactly as given (echoed back in the output) and one article per record.

    Raises ValueError naming ``path:line`` for a line that is not a JSON object with ``id`` and ``text``.
    """
    ids: list[Any] = []
    articles: list[Article] = []
    for where, record in read_records(input_path, strings=("text",)):
        title = record.get("title")
        ids.append(record["id"])
        articles.append(
            Article(
                id=str(record["id"]),
                text=record["text"],
                origin=where,
                title=title if isinstance(title, str) else None,
                published=parse_published(record.get("published"), where),
            )
        )
    return ids, articles


def run(input_path: str | Path, output_path: str | Path, clusterer: str | Clusterer | None = None) -> int:
    """Cluster the input's articles and write ``{"id", "story"}`` per input line; returns the line count.

    Stories are integers, numbered in order of first appearance in the input.
    """
    model = get_clusterer(clusterer or _DEFAULT) if not isinstance(clusterer, Clusterer) else clusterer
    ids, articles = read_articles(input_path)
    labels = model.fit_predict(articles)
    return write_records(
        output_path, ({"id": record_id, "story": label} for record_id, label in zip(ids, labels, strict=True))
    )
