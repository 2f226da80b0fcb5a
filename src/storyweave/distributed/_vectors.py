"""Corpus-wide TF-IDF vectors, computed on the executors, equal to the batch clusterer's own.

The batch clusterer (``tfidf-time``) fits IDF on the pile it clusters. Clustering each block with IDF
refitted on that block changes every cosine, so a Spark job that did so could not agree with a
single-machine run even with perfect blocking. Here document frequencies are counted once over the whole
corpus (one shuffle by term) and every article's vector is built exactly as the batch clusterer builds it
(same token extractors, smoothed IDF, sublinear TF, per-sub-vector L2 norm and weights, final L2 norm).

Features seen in one article only are dropped after normalising: they weigh in the article's norm but
can never contribute to a dot product, and dropping them makes a vector a few dozen integers, cheap to
shuffle. Feature numbers come from the document-frequency table (the driver numbers features held by two
or more articles and broadcasts ``feature -> (number, df)``), so every executor agrees on them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import scipy.sparse as sp

from storyweave.cluster import SubVectorWeights
from storyweave.cluster._features import _EXTRACTORS, document_text
from storyweave.distributed._records import articles_from_frame

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

__all__ = ["VECTOR_SCHEMA", "Vectors", "article_vectors", "vector_matrix"]

VECTOR_SCHEMA = "position long, features array<int>, weights array<double>"
_TOKENS_SCHEMA = "position long, tokens array<string>, counts array<int>"


@dataclass(frozen=True, slots=True)
class Vectors:
    """``frame``: ``(position, features, weights)`` per article; ``vocabulary``: features shared by two or
    more articles (the width of a vector)."""

    frame: DataFrame
    vocabulary: int


def article_vectors(articles: DataFrame, weights: SubVectorWeights) -> Vectors:
    """Every article's batch-clusterer vector, with IDF over ``articles`` (pass the kept ones, after
    folding, as ``storyweave.pipeline.cluster`` fits IDF on what it keeps)."""
    from pyspark.sql import functions as F

    shares = _shares(weights)
    tokens = articles.mapInPandas(lambda batches: _token_counts(batches, shares), _TOKENS_SCHEMA)
    tokens = tokens.localCheckpoint()
    total = tokens.count()
    shared = (
        tokens.select(F.explode("tokens").alias("token"))
        .groupBy("token")
        .agg(F.count("*").alias("df"))
        .where("df >= 2")
        .orderBy("token")
        .toPandas()
    )
    table = {
        token: (number, int(df))
        for number, (token, df) in enumerate(zip(shared["token"], shared["df"], strict=True))
    }
    spark = articles.sparkSession
    broadcast = spark.sparkContext.broadcast(table)
    frame = tokens.mapInPandas(
        lambda batches: _weigh(batches, broadcast.value, total, shares), VECTOR_SCHEMA
    ).localCheckpoint()
    return Vectors(frame, len(table))


def _shares(weights: SubVectorWeights) -> dict[str, float]:
    shares = {name: float(getattr(weights, name)) for name in _EXTRACTORS}
    total = sum(shares.values())
    if total <= 0:
        raise ValueError(f"sub-vector weights must not all be zero: {weights}")
    return {name: share / total for name, share in shares.items() if share > 0}


def _token_counts(batches: Iterator[pd.DataFrame], shares: dict[str, float]) -> Iterator[pd.DataFrame]:
    """Per article, its tokens as ``space:token`` (one space per sub-vector) with their counts."""
    for batch in batches:
        tokens, counts = [], []
        for article in articles_from_frame(batch):
            text = document_text(article)
            counted: Counter[str] = Counter()
            for name in shares:
                counted.update(f"{name}:{token}" for token in _EXTRACTORS[name](text))
            tokens.append(list(counted))
            counts.append(list(counted.values()))
        yield pd.DataFrame(
            {
                "position": batch["position"].sort_values(kind="stable").to_numpy(),
                "tokens": tokens,
                "counts": counts,
            }
        )


def _weigh(
    batches: Iterator[pd.DataFrame], table: dict[str, tuple[int, int]], total: int, shares: dict[str, float]
) -> Iterator[pd.DataFrame]:
    """TF-IDF as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` computes it, per sub-vector."""
    for batch in batches:
        features, weights = [], []
        for tokens, counts in zip(batch["tokens"], batch["counts"], strict=True):
            by_space: dict[str, list[tuple[int, float]]] = {}
            for token, count in zip(tokens, counts, strict=True):
                number, df = table.get(token, (-1, 1))
                idf = math.log((1 + total) / (1 + df)) + 1.0
                by_space.setdefault(token.split(":", 1)[0], []).append(
                    (number, (1.0 + math.log(count)) * idf)
                )
            numbers: list[int] = []
            values: list[float] = []
            for space, entries in by_space.items():
                column = np.array([w for _, w in entries])
                scale = math.sqrt(shares[space]) / float(np.linalg.norm(column))
                numbers.extend(n for n, _ in entries)
                values.extend((column * scale).tolist())
            vector = np.array(values)
            norm = float(np.linalg.norm(vector)) if len(vector) else 0.0
            kept = [k for k, n in enumerate(numbers) if n >= 0]
            features.append([numbers[k] for k in kept])
            weights.append((vector[kept] / norm).tolist() if norm else [])
        yield pd.DataFrame({"position": batch["position"], "features": features, "weights": weights})


def vector_matrix(frame: pd.DataFrame, vocabulary: int) -> sp.csr_matrix:
    """The ``features``/``weights`` columns of ``frame`` as a CSR matrix, one row per frame row."""
    lengths = [len(f) for f in frame["features"]]
    indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    if indptr[-1]:
        indices = np.concatenate([np.asarray(f, dtype=np.int64) for f in frame["features"]])
        data = np.concatenate([np.asarray(w, dtype=np.float64) for w in frame["weights"]])
    else:
        indices, data = np.zeros(0, dtype=np.int64), np.zeros(0)
    return sp.csr_matrix((data, indices, indptr), shape=(len(frame), max(vocabulary, 1)))
