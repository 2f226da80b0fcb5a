"""The learned ranker: gradient-boosted regression trees over ``_features``, evaluated with numpy.

The trees are trained with scikit-learn (benchmarks/summarize/train_ranker.py) to predict, for each
sentence of a Multi-News group, the unigram and bigram precision of that sentence against the human
summary — how much of what it says a human editor kept. Precision rather than oracle membership is the
target because it grades every sentence instead of splitting them into a few winners and many losers,
and it ranked better in a probe (shared notes, ranker-probe.md).

The model ships as plain arrays in an ``.npz`` (loaded with ``allow_pickle=False``, so loading can never
run code) beside a JSON sidecar that records how it was trained and its SHA-256; evaluating a few hundred
trees on a few dozen sentences is a handful of vectorised gathers, so scikit-learn is not needed at run
time.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from storyweave.summarize._features import FEATURE_NAMES, sentence_features
from storyweave.summarize._group import SentenceGroup

__all__ = ["MODEL_PATH", "LearnedRanker", "ModelError", "TreeEnsemble"]

MODEL_PATH = Path(__file__).with_name("ranker_model.npz")
_RETRAIN = "rebuild it with: python benchmarks/summarize/train_ranker.py"
_ARRAYS = ("feature", "threshold", "left", "right", "missing_left", "value", "is_leaf", "roots")


class ModelError(RuntimeError):
    """The ranker model file is missing, corrupt, or was built for other features."""


@dataclass(frozen=True, eq=False)
class TreeEnsemble:
    """Regression trees as flat node arrays; tree ``t`` starts at node ``roots[t]``.

    Node ``n`` sends a sample to ``left[n]`` when ``x[feature[n]] <= threshold[n]`` (or when the value is
    NaN and ``missing_left[n]``), else to ``right[n]``; a leaf links to itself both ways and contributes
    ``value[n]``. The prediction is ``baseline`` plus the sum over trees; ``depth`` is the longest path.
    """

    feature: np.ndarray  # int32
    threshold: np.ndarray  # float64
    left: np.ndarray  # int32, global node index
    right: np.ndarray  # int32
    missing_left: np.ndarray  # bool
    value: np.ndarray  # float64
    is_leaf: np.ndarray  # bool
    roots: np.ndarray  # int32
    baseline: float
    depth: int
    feature_names: tuple[str, ...]

    def __post_init__(self) -> None:
        nodes = self.feature.shape[0]
        for name in _ARRAYS[:-1]:
            array = getattr(self, name)
            if array.shape != (nodes,):
                raise ModelError(f"tree array {name!r} has shape {array.shape}, expected ({nodes},)")
        if self.roots.ndim != 1 or self.roots.size == 0:
            raise ModelError("the model holds no trees")
        internal = ~self.is_leaf
        leaves = np.flatnonzero(self.is_leaf)
        if (self.left[leaves] != leaves).any() or (self.right[leaves] != leaves).any():
            raise ModelError("every leaf must link to itself")
        links = np.concatenate([self.left[internal], self.right[internal], self.roots])
        if links.size and (links.min() < 0 or links.max() >= nodes):
            raise ModelError("a tree links to a node outside the model")
        used = self.feature[internal]
        if used.size and (used.min() < 0 or used.max() >= len(self.feature_names)):
            raise ModelError("a tree splits on a feature the model does not name")

    def predict(self, features: np.ndarray) -> np.ndarray:
        """One score per row of ``features`` (columns in ``feature_names`` order)."""
        features = np.asarray(features, dtype=np.float64)
        if features.ndim != 2 or features.shape[1] != len(self.feature_names):
            raise ValueError(f"expected (n, {len(self.feature_names)}) features, got {features.shape}")
        # Leaves link to themselves (see ``__post_init__``), so every sample can take ``depth`` steps
        # without a leaf test; reading features from the flat array saves a 2-D gather per step.
        flat = features.ravel()
        row_start = (np.arange(features.shape[0]) * features.shape[1])[:, None]
        node = np.broadcast_to(self.roots, (features.shape[0], self.roots.size))
        has_missing = bool(np.isnan(flat).any())
        for _ in range(self.depth):
            x = flat[row_start + self.feature[node]]
            go_left = x <= self.threshold[node]
            if has_missing:
                go_left = np.where(np.isnan(x), self.missing_left[node], go_left)
            node = np.where(go_left, self.left[node], self.right[node])
        return self.baseline + self.value[node].sum(axis=1)

    def save(self, path: Path) -> str:
        """Write the model as a pickle-free ``.npz``; returns its SHA-256 for the sidecar."""
        with Path(path).open("wb") as handle:
            np.savez_compressed(
                handle,
                **{name: getattr(self, name) for name in _ARRAYS},
                baseline=np.float64(self.baseline),
                depth=np.int32(self.depth),
                feature_names=np.array(self.feature_names, dtype=str),
            )
        return _sha256(path)

    @classmethod
    def load(cls, path: Path, *, sha256: str | None = None) -> TreeEnsemble:
        """Read a model written by ``save``, checking its checksum (when given) and its feature list."""
        path = Path(path)
        if not path.is_file():
            raise ModelError(f"ranker model {path} is missing; {_RETRAIN}")
        if sha256 is not None and _sha256(path) != sha256:
            raise ModelError(f"ranker model {path} does not match the checksum in its sidecar; {_RETRAIN}")
        try:
            with np.load(path, allow_pickle=False) as stored:
                arrays = {name: stored[name] for name in _ARRAYS}
                baseline, depth = float(stored["baseline"]), int(stored["depth"])
                names = tuple(str(name) for name in stored["feature_names"])
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
            raise ModelError(f"ranker model {path} cannot be read ({error}); {_RETRAIN}") from error
        if names != FEATURE_NAMES:
            raise ModelError(
                f"ranker model {path} was trained on features {names}, but this version computes "
                f"{FEATURE_NAMES}; {_RETRAIN}"
            )
        return cls(**arrays, baseline=baseline, depth=depth, feature_names=names)


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@cache
def _packaged_model() -> TreeEnsemble:
    """The model shipped with the package, checked against the SHA-256 its sidecar records."""
    sidecar = MODEL_PATH.with_suffix(".json")
    try:
        checksum = json.loads(sidecar.read_text(encoding="utf-8"))["sha256"]
    except (OSError, ValueError, KeyError) as error:
        raise ModelError(
            f"ranker model sidecar {sidecar} is missing or unreadable ({error}); {_RETRAIN}"
        ) from error
    return TreeEnsemble.load(MODEL_PATH, sha256=checksum)


class LearnedRanker:
    """Scores sentences with the packaged tree model (or ``model``, for experiments and training)."""

    name = "learned"

    def __init__(self, model: TreeEnsemble | None = None) -> None:
        self.model = model if model is not None else _packaged_model()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(trees={self.model.roots.size}, depth={self.model.depth})"

    def score(self, group: SentenceGroup) -> np.ndarray:
        scores = np.full(len(group), -np.inf)
        rows = group.candidate_rows
        if rows.size:
            scores[rows] = self.model.predict(sentence_features(group))
        return scores
