"""The blocked, sparse average linkage agrees with plain dense average linkage."""

from __future__ import annotations

import numpy as np
import pytest
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


@pytest.mark.parametrize("dense_limit", [_linkage._DENSE_LIMIT, 2])
def test_a_tie_is_broken_the_same_way_whatever_the_last_bits(monkeypatch, dense_limit: int) -> None:
    """Report 1 is exactly as close to 0 as to 2; the same cosines computed along another path (a Spark
    job numbering features differently) differ in the last bits, and must not flip which pair joins."""
    monkeypatch.setattr(_linkage, "_DENSE_LIMIT", dense_limit)
    middle = np.sqrt(0.5)
    exact = sp.csr_matrix(np.array([[1.0, 0.0, 0.0], [0.5, middle, 0.5], [0.0, 0.0, 1.0]]))
    noisy = exact.copy()
    noisy[1, 2] = 0.5 * (1 + 1e-13)  # cos(1, 2) a hair above cos(0, 1)
    noisy[1, 0] = 0.5 * (1 - 1e-13)
    labels = canonical_labels(_linkage.average_link_labels(exact, 0.3))
    assert len(set(labels)) == 2  # two of the three join, the third (mean 0.25 < 0.3) stays alone
    assert canonical_labels(_linkage.average_link_labels(noisy, 0.3)) == labels
