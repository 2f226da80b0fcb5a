"""The blocked, sparse average linkage agrees with plain dense average linkage."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import pdist
from sklearn.preprocessing import normalize

from storyweave.cluster import _linkage
from storyweave.cluster._protocol import canonical_labels


def _topic_mixture(seed: int, n: int = 120, dims: int = 60) -> sp.csr_matrix:
    """Rows drawn around a few sparse "topic" centres, so there are real clusters to find."""
    rng = np.random.default_rng(seed)
    centres = rng.random((6, dims)) * (rng.random((6, dims)) < 0.2)
    rows = centres[rng.integers(0, 6, n)] + rng.random((n, dims)) * (rng.random((n, dims)) < 0.1)
    return sp.csr_matrix(normalize(rows))


def _dense_reference(matrix: sp.csr_matrix, threshold: float) -> list[int]:
    tree = linkage(pdist(matrix.toarray(), metric="cosine"), method="average")
    return canonical_labels(fcluster(tree, t=1.0 - threshold + 1e-12, criterion="distance").tolist())


def test_blocked_linkage_matches_dense_reference() -> None:
    for seed in range(3):
        matrix = _topic_mixture(seed)
        for threshold in (0.3, 0.5, 0.7):
            got = canonical_labels(_linkage.average_link_labels(matrix, threshold))
            assert got == _dense_reference(matrix, threshold)


def test_sparse_fallback_matches_dense_when_no_pair_is_dropped(monkeypatch) -> None:
    monkeypatch.setattr(_linkage, "_DENSE_LIMIT", 2)
    matrix = _topic_mixture(7)
    got = canonical_labels(_linkage.average_link_labels(matrix, 0.5, floor=0.0))
    assert got == _dense_reference(matrix, 0.5)


def test_small_product_blocks_give_the_same_pairs(monkeypatch) -> None:
    matrix = _topic_mixture(3)
    expected = _linkage.average_link_labels(matrix, 0.5)
    monkeypatch.setattr(_linkage, "_PRODUCT_CELLS", 7)
    assert _linkage.average_link_labels(matrix, 0.5) == expected


def test_discount_can_keep_similar_rows_apart() -> None:
    matrix = sp.csr_matrix(normalize(np.array([[1.0, 0.0], [1.0, 0.1], [0.0, 1.0]])))
    assert len(set(_linkage.average_link_labels(matrix, 0.5)[:2])) == 1

    def far_apart(rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        return np.where((rows + cols) == 1, 0.0, 1.0)

    labels = _linkage.average_link_labels(matrix, 0.5, discount=far_apart)
    assert labels[0] != labels[1]
