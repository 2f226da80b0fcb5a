"""Ingest and clean on the executors: one task per input file, or Spark's own splits for Parquet.

Files (JSON Lines, WARC, HTML, text, feeds) are read by the same readers and the same cleaning as the
single-machine pipeline (``storyweave.pipeline.iter_read``), so both paths see identical articles. The
unit of parallelism is the file: crawls (CC-NEWS) and large corpora come sharded, and a gzip file cannot
be split anyway. Parquet is read by Spark, split by row group, and cleaned per partition.
"""

from __future__ import annotations

import glob
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from storyweave.distributed._records import ARTICLE_COLUMNS, ARTICLE_SCHEMA
from storyweave.ingest import ReadOptions
from storyweave.model import Document, InputFailure
from storyweave.pipeline import iter_read, to_article

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["INGEST_SCHEMA", "ingest"]

INGEST_SCHEMA = f"{ARTICLE_SCHEMA}, failure string"
_BATCH_ROWS = 2000
_RECORDS_PER_FILE = 1 << 32  # position = file number * this + record number: input order, globally
_PARQUET_FIELDS = ("text", "title", "url", "published", "source", "external_id")


def ingest(spark: SparkSession, inputs: list[str], options: ReadOptions) -> DataFrame:
    """Articles and failures from every input, in ``INGEST_SCHEMA`` (``failure`` set on failure rows)."""
    files, parquet = _list_inputs(inputs)
    frames = []
    if files:
        listing = spark.createDataFrame(
            pd.DataFrame({"number": range(len(files)), "path": files}), "number long, path string"
        ).repartition(max(1, min(len(files), spark.sparkContext.defaultParallelism * 4)), "number")
        frames.append(listing.mapInPandas(lambda batches: _read_files(batches, options), INGEST_SCHEMA))
    if parquet:
        table = spark.read.parquet(*parquet)
        if "text" not in table.columns:
            raise ValueError(f"Parquet input {parquet[0]} has no 'text' column; columns: {table.columns}")
        present = [name for name in _PARQUET_FIELDS if name in table.columns]
        from pyspark.sql import functions as F

        base = len(files) * _RECORDS_PER_FILE
        numbered = table.select(*present).withColumn("position", F.monotonically_increasing_id() + base)
        frames.append(numbered.mapInPandas(_clean_parquet, INGEST_SCHEMA))
    if not frames:
        raise ValueError(f"no input files found in {', '.join(inputs)}")
    result = frames[0]
    for frame in frames[1:]:
        result = result.unionByName(frame)
    return result


def _list_inputs(inputs: list[str]) -> tuple[list[str], list[str]]:
    """Files to read with storyweave's readers, and Parquet files or folders for Spark's reader; sorted
    within each input so a run's positions (and so its results) never depend on directory order."""
    files: list[str] = []
    parquet: list[str] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
            if found and all(p.suffix == ".parquet" or p.name.startswith(("_", ".")) for p in found):
                parquet.append(str(path))
                continue
            files.extend(str(p) for p in found)
        elif path.suffix == ".parquet":
            parquet.append(given)
        elif path.exists():
            files.append(given)
        else:
            matched = sorted(p for p in glob.glob(given, recursive=True) if Path(p).is_file())
            if not matched:
                raise ValueError(f"input {given} names no file, folder or glob match")
            files.extend(matched)
    return files, parquet


def _hidden(path: Path, top: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(top).parts)


def _read_files(batches: Iterator[pd.DataFrame], options: ReadOptions) -> Iterator[pd.DataFrame]:
    rows: list[tuple[Any, ...]] = []
    for batch in batches:
        for number, path in zip(batch["number"], batch["path"], strict=True):
            for index, item in enumerate(iter_read([path], options)):
                rows.append(_row(int(number) * _RECORDS_PER_FILE + index, item))
                if len(rows) >= _BATCH_ROWS:
                    yield _frame(rows)
                    rows = []
    if rows:
        yield _frame(rows)


def _clean_parquet(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    for batch in batches:
        rows = []
        for record in batch.to_dict("records"):
            document = Document(
                text=str(record["text"] or ""),
                origin=f"parquet:{record['position']}",
                title=_text(record.get("title")),
                url=_text(record.get("url")),
                published=_day(record.get("published")),
                source=_text(record.get("source")),
                external_id=_text(record.get("external_id")),
            )
            if document.external_id:
                document = replace(document, origin=f"parquet:{document.external_id}")
            rows.append(_row(int(record["position"]), to_article(document)))
        yield _frame(rows)


def _row(position: int, item: Any) -> tuple[Any, ...]:
    if isinstance(item, InputFailure):
        return (position, None, None, item.origin, None, None, None, None, None, item.reason)
    a = item
    return (position, a.id, a.text, a.origin, a.title, a.url, a.published, a.source, a.external_id, None)


def _frame(rows: list[tuple[Any, ...]]) -> pd.DataFrame:
    return pd.DataFrame.from_records(rows, columns=[*ARTICLE_COLUMNS, "failure"])


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _day(value: Any) -> date | None:
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None
