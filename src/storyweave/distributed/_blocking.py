"""Blocking that never splits a story: the components of the batch clusterer's own similarity graph.

The batch clusterer (average link over discounted cosine at threshold ``t``) never joins two groups that
have no pair at ``t`` or above, so the connected components of the graph "discounted cosine >= t" are
exact blocks: it clusters each one on its own (``storyweave.cluster._linkage``). Computing that graph
with the same vectors (``_vectors``) gives the same components here, by construction, instead of a recall
bet on shared pairs of top terms (which left 45% of the single-machine run's same-story pairs in
different blocks on 2,000 Multi-News reports).

The graph is built without all-pairs work by time: the date discount makes any pair further apart than
``grace + decay * ln(1 / t)`` days unjoinable, so with windows one such span wide a pair can only join
within a window or across neighbouring ones. Each task multiplies one window's chunk of rows by the
vectors of its window and the next (a shuffle by task, columns replicated to two windows' tasks), and
emits the pairs at ``t`` or above; every pair is computed by exactly one task. Undated reports are
discounted by nothing, so their tasks see every article: a corpus of mostly undated reports is one
window, as it is on one machine. Components of the (few) similar pairs are found on the driver.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from storyweave.cluster import DateDiscount
from storyweave.cluster._linkage import settled
from storyweave.distributed._components import components
from storyweave.distributed._vectors import vector_matrix

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame

__all__ = ["BlockSettings", "Blocks", "assign_blocks"]

_UNDATED = -(1 << 40)
"""The window of an undated report: below any real window, so no dated window or its neighbour is it."""
_PAIR_SCHEMA = "a long, b long"


@dataclass(frozen=True, slots=True)
class BlockSettings:
    """``task_rows``: articles a similarity task takes as rows (bounds one task's product: its rows
    times two windows of columns). Smaller is more, cheaper tasks."""

    task_rows: int = 4000

    def __post_init__(self) -> None:
        if self.task_rows < 1:
            raise ValueError(f"BlockSettings needs task_rows >= 1, got {self.task_rows}")


@dataclass(frozen=True, slots=True)
class Blocks:
    """``(position, block)`` per article (block: the smallest ``position`` in its component), the number
    of similar pairs found (the graph's edges) and the width of the time windows."""

    frame: DataFrame
    similar_pairs: int
    window_days: int


def assign_blocks(
    articles: DataFrame,
    vectors: DataFrame,
    vocabulary: int,
    threshold: float,
    dates: DateDiscount,
    settings: BlockSettings,
) -> Blocks:
    """Blocks of ``articles`` (``position``, ``published``): components of "discounted cosine of
    ``vectors`` >= ``threshold``"."""
    from pyspark.sql import functions as F

    span = dates.grace_days + dates.decay_days * math.log(1.0 / threshold)
    window_days = math.floor(span) + 1
    day = F.datediff("published", F.lit("1970-01-01"))
    dated = articles.select("position", day.alias("day")).join(vectors, "position")
    dated = dated.withColumn(
        "window",
        F.when(F.col("day").isNull(), F.lit(_UNDATED)).otherwise(F.floor(F.col("day") / window_days)),
    ).localCheckpoint()
    largest = dated.groupBy("window").count().agg(F.max("count")).first()[0] or 0
    chunks = max(1, math.ceil(largest / settings.task_rows))
    has_undated = dated.where(F.col("window") == _UNDATED).limit(1).count() > 0
    # A task is one chunk of one window's rows, numbered window * chunks + chunk.
    rows = dated.select(
        (F.col("window") * chunks + F.col("position") % chunks).alias("task"),
        F.lit(True).alias("is_row"),
        "*",
    )
    every_chunk = F.sequence(F.lit(0), F.lit(chunks - 1))

    def tasks_of(windows: Column) -> Column:
        return F.flatten(F.transform(windows, lambda w: F.transform(every_chunk, lambda c: w * chunks + c)))

    # As a column, an article meets the rows of its own window and of the window before (which looks one
    # window ahead); undated rows meet every article, so dated articles are columns of their tasks too.
    undated = F.lit(_UNDATED)
    windows = F.when(F.col("window") == _UNDATED, F.array(undated)).otherwise(
        F.array(F.col("window"), F.col("window") - 1, undated)
        if has_undated
        else F.array(F.col("window"), F.col("window") - 1)
    )
    columns = dated.select(F.explode(tasks_of(windows)).alias("task"), F.lit(False).alias("is_row"), "*")
    grace, decay = dates.grace_days, dates.decay_days
    pairs = (
        rows.unionByName(columns)
        .groupBy("task")
        .applyInPandas(lambda frame: _similar_pairs(frame, vocabulary, threshold, grace, decay), _PAIR_SCHEMA)
        .toPandas()
    )
    labels = articles.sparkSession.createDataFrame(components(pairs), "position long, label long")
    blocked = (
        articles.select("position")
        .join(labels, "position", "left")
        .select("position", F.coalesce(F.col("label"), F.col("position")).alias("block"))
    )
    return Blocks(blocked, len(pairs), window_days)


def _similar_pairs(
    task: pd.DataFrame, vocabulary: int, threshold: float, grace: float, decay: float
) -> pd.DataFrame:
    """Pairs ``(a, b)`` of this task with discounted cosine at least ``threshold``, each pair once: a row
    meets a column of its own window only if the column comes later in input order, and a column of
    another window (the next one or, for an undated row, any dated one) always."""
    rows = task[task["is_row"]]
    columns = task[~task["is_row"]]
    if rows.empty or columns.empty:
        return pd.DataFrame({"a": pd.Series(dtype="int64"), "b": pd.Series(dtype="int64")})
    product = (vector_matrix(rows, vocabulary) @ vector_matrix(columns, vocabulary).T).tocoo()
    i, j, similarity = product.row, product.col, product.data
    row_position = rows["position"].to_numpy()[i]
    column_position = columns["position"].to_numpy()[j]
    once = (rows["window"].to_numpy()[i] != columns["window"].to_numpy()[j]) | (
        column_position > row_position
    )
    gap = np.abs(rows["day"].to_numpy(dtype=np.float64)[i] - columns["day"].to_numpy(dtype=np.float64)[j])
    discount = np.where(np.isnan(gap), 1.0, np.exp(-np.clip(gap - grace, 0.0, None) / decay))
    keep = once & (settled(similarity * discount) >= threshold)
    return pd.DataFrame({"a": row_position[keep], "b": column_position[keep]})
