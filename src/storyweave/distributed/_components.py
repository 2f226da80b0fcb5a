"""Two small tools every blocking stage shares: connected components of a compact edge list (on the
driver), and walking a partition sorted by group one whole group at a time."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

__all__ = ["components", "whole_groups"]


def components(pairs: pd.DataFrame) -> pd.DataFrame:
    """``(position, label)`` for every position in an ``(a, b)`` edge: label = smallest position of its
    component. The edges are few (similar pairs, not all pairs), so one machine holds them easily."""
    if pairs.empty:
        return pd.DataFrame({"position": pd.Series(dtype="int64"), "label": pd.Series(dtype="int64")})
    ends = np.concatenate([pairs["a"].to_numpy(np.int64), pairs["b"].to_numpy(np.int64)])
    positions, index = np.unique(ends, return_inverse=True)
    half = len(pairs)
    graph = sp.coo_matrix((np.ones(half), (index[:half], index[half:])), shape=(len(positions),) * 2)
    _, component = connected_components(graph, directed=False)
    smallest = np.full(component.max() + 1, np.iinfo(np.int64).max)
    np.minimum.at(smallest, component, positions)
    return pd.DataFrame({"position": positions, "label": smallest[component]})


def whole_groups(batches: Iterator[pd.DataFrame], column: str) -> Iterator[pd.DataFrame]:
    """Each group of a partition sorted by ``column``, whole: Arrow batches may cut a group in two, so
    the last group of a batch waits for the next. One Python call per partition, not per group (thousands
    of small groups cost more as ``applyInPandas`` groups than as work)."""
    carried = pd.DataFrame()
    for batch in batches:
        frame = pd.concat([carried, batch], ignore_index=True) if len(carried) else batch
        if frame.empty:
            continue
        last = frame[column].iloc[-1]
        carried = frame[frame[column] == last]
        for _, group in frame[frame[column] != last].groupby(column, sort=False):
            yield group
    if len(carried):
        yield carried
