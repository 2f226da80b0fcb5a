"""Average-link agglomerative clustering over a cosine threshold, without an n-by-n matrix.

Average linkage at threshold ``t`` never joins two groups whose every cross pair is below ``t`` (their
mean is below ``t`` too), so the connected components of the "similarity >= t" graph are exact blocks:
each is clustered on its own. The graph itself is built in row blocks of a sparse product, so memory grows
with the number of similar pairs, not with n squared. A block too large for a dense matrix falls back to
average linkage on the sparse graph, where pairs below a floor count as zero (slightly conservative).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable

import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform

__all__ = ["PairDiscount", "average_link_labels", "settled"]

PairDiscount = Callable[[np.ndarray, np.ndarray], np.ndarray]
"""Given row and column index arrays, the factor in [0, 1] to multiply those pairs' similarity by."""

_DENSE_LIMIT = 3000
"""Largest block clustered exactly with a dense distance matrix (3000 items: ~36 MB of float64)."""

_PRODUCT_CELLS = 4_000_000
"""Cells of the similarity product computed at once; bounds peak memory at a few tens of MB."""


_DECIMALS = 9
"""Similarities are rounded to this many decimals before any decision (see ``settled``)."""


def settled(similarity: np.ndarray) -> np.ndarray:
    """Similarities rounded to a fixed grid, so that the same cosine computed along another path (another
    feature numbering, another row block, another machine of a Spark job) gives the same bits.

    Average linkage is a cascade of comparisons: a near-tie broken the other way by a last-bit
    difference changes a merge, and in a component of thousands of reports that change can spread.
    Rounding to 1e-9, far below any meaningful difference in cosine, makes both sides see identical
    inputs; the linkage itself is deterministic (``tests/cluster/test_linkage.py`` flips a tie by 1e-13).
    """
    return np.round(similarity, _DECIMALS)


def _similar_pairs(
    matrix: sp.csr_matrix, floor: float, discount: PairDiscount | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i < j) whose discounted cosine is at least ``floor``, computed block of rows by block."""
    n = matrix.shape[0]
    block = max(1, _PRODUCT_CELLS // max(n, 1))
    transposed = matrix.T.tocsc()
    rows, cols, sims = [], [], []
    for start in range(0, n, block):
        product = (matrix[start : start + block] @ transposed).tocoo()
        i = product.row.astype(np.int64) + start
        j = product.col.astype(np.int64)
        upper = j > i
        i, j, s = i[upper], j[upper], product.data[upper]
        if discount is not None and len(s):
            s = s * discount(i, j)
        s = settled(s)
        keep = s >= floor
        rows.append(i[keep])
        cols.append(j[keep])
        sims.append(s[keep])
    if not rows:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(sims)


def _dense_average_link(
    matrix: sp.csr_matrix, members: np.ndarray, threshold: float, discount: PairDiscount | None
) -> np.ndarray:
    block = matrix[members]
    similarity = np.asarray((block @ block.T).todense(), dtype=np.float64)
    if discount is not None:
        i, j = np.meshgrid(members, members, indexing="ij")
        similarity *= discount(i.ravel(), j.ravel()).reshape(similarity.shape)
    similarity = settled(similarity)
    distance = 1.0 - np.clip(similarity, 0.0, 1.0)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    # A tiny tolerance so that "similarity exactly at the threshold" joins, as in the sparse path.
    return fcluster(tree, t=1.0 - threshold + 1e-12, criterion="distance")


def _sparse_average_link(
    size: int, rows: np.ndarray, cols: np.ndarray, sims: np.ndarray, threshold: float
) -> np.ndarray:
    """Average linkage on a sparse similarity graph (absent pairs count as zero), by a lazy max-heap.

    Every merge creates a new cluster id, so a heap entry naming a merged-away id is simply stale.
    """
    sums: list[dict[int, float]] = [{} for _ in range(size)]
    for i, j, s in zip(rows.tolist(), cols.tolist(), sims.tolist(), strict=True):
        sums[i][j] = sums[i].get(j, 0.0) + s
        sums[j][i] = sums[j].get(i, 0.0) + s
    counts = [1] * size
    parent = list(range(size))
    alive = [True] * size
    heap = [(-s, i, j) for i, j, s in zip(rows.tolist(), cols.tolist(), sims.tolist(), strict=True)]
    heapq.heapify(heap)
    while heap:
        negative_mean, a, b = heapq.heappop(heap)
        if -negative_mean < threshold:
            break
        if not (alive[a] and alive[b]):
            continue
        merged = len(counts)
        alive[a] = alive[b] = False
        alive.append(True)
        counts.append(counts[a] + counts[b])
        parent[a] = parent[b] = merged
        parent.append(merged)
        neighbours: dict[int, float] = {}
        for old in (a, b):
            for other, total in sums[old].items():
                if other not in (a, b):
                    neighbours[other] = neighbours.get(other, 0.0) + total
                    del sums[other][old]
        sums.append(neighbours)
        sums[a] = sums[b] = {}
        for other, total in neighbours.items():
            sums[other][merged] = total
            heapq.heappush(
                heap, (-total / (counts[merged] * counts[other]), min(other, merged), max(other, merged))
            )

    def root(node: int) -> int:
        while parent[node] != node:
            node = parent[node]
        return node

    return np.array([root(i) for i in range(size)])


def average_link_labels(
    matrix: sp.csr_matrix, threshold: float, discount: PairDiscount | None = None, floor: float | None = None
) -> list[int]:
    """Cluster L2-normalised rows by average-link cosine at ``threshold``; one raw label per row.

    ``discount`` lowers chosen pairs' similarity (e.g. by the gap between publication dates) before any
    decision, so it acts on the blocking graph and the linkage alike. ``floor`` is the least similarity
    kept for the sparse fallback on oversized blocks (default: half the threshold).
    """
    n = matrix.shape[0]
    if n == 0:
        return []
    floor = threshold / 2 if floor is None else floor
    rows, cols, sims = _similar_pairs(matrix, min(floor, threshold), discount)
    joined = sims >= threshold
    graph = sp.coo_matrix((np.ones(int(joined.sum())), (rows[joined], cols[joined])), shape=(n, n))
    _, components = connected_components(graph, directed=False)
    labels = np.full(n, -1, dtype=np.int64)
    next_label = 0
    order = np.argsort(components, kind="stable")
    boundaries = np.flatnonzero(np.diff(components[order])) + 1
    for members in np.split(order, boundaries):
        if len(members) <= 2:
            local = np.ones(len(members), dtype=np.int64)
        elif len(members) <= _DENSE_LIMIT:
            local = _dense_average_link(matrix, members, threshold, discount)
        else:
            inside = np.isin(rows, members) & np.isin(cols, members)
            position = {int(m): k for k, m in enumerate(members)}
            local_rows = np.array([position[int(r)] for r in rows[inside]], dtype=np.int64)
            local_cols = np.array([position[int(c)] for c in cols[inside]], dtype=np.int64)
            local = _sparse_average_link(len(members), local_rows, local_cols, sims[inside], threshold)
        _, local = np.unique(local, return_inverse=True)
        labels[members] = local + next_label
        next_label += int(local.max()) + 1
    return labels.tolist()
