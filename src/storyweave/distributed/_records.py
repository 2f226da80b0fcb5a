"""Articles as Arrow-friendly rows and back: the one schema every stage of the Spark job exchanges.

Rows carry ``position`` (input order: file number, then record number within the file) because the
single-machine pipeline's results depend on input order (which copy of a near-duplicate is kept, how an
online clusterer meets reports), and Spark's shuffles do not keep it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date
from typing import Any

import pandas as pd

from storyweave.model import Article

__all__ = ["ARTICLE_COLUMNS", "ARTICLE_SCHEMA", "article_rows", "articles_from_frame"]

ARTICLE_COLUMNS = ("position", "id", "text", "origin", "title", "url", "published", "source", "external_id")
ARTICLE_SCHEMA = (
    "position long, id string, text string, origin string, title string, url string, published date, "
    "source string, external_id string"
)


def article_rows(articles: Iterable[tuple[int, Article]]) -> pd.DataFrame:
    """A frame of ``(position, article)`` pairs in ``ARTICLE_SCHEMA`` order."""
    records = [
        (position, a.id, a.text, a.origin, a.title, a.url, a.published, a.source, a.external_id)
        for position, a in articles
    ]
    frame = pd.DataFrame.from_records(records, columns=list(ARTICLE_COLUMNS))
    return frame.astype({"position": "int64"})


def articles_from_frame(frame: pd.DataFrame) -> list[Article]:
    """The frame's articles in input order (by ``position``)."""
    ordered = frame.sort_values("position", kind="stable")
    return [
        Article(
            id=row["id"],
            text=row["text"],
            origin=row["origin"],
            title=_optional(row["title"]),
            url=_optional(row["url"]),
            published=_date(row["published"]),
            source=_optional(row["source"]),
            external_id=_optional(row["external_id"]),
        )
        for row in ordered.to_dict("records")
    ]


def _optional(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return str(value)


def _date(value: Any) -> date | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value if isinstance(value, date) else None
