"""A linear model over TF-IDF word n-grams plus standardised hand features, stored as plain JSON.

JSON rather than pickle: the committed artefact is data anyone can read and diff, and loading it cannot
run code. Inference is pure Python over a sparse dict, so predicting one headline costs microseconds
and needs no scikit-learn; training (``fit``) uses scikit-learn's logistic regression.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["LinearModel", "fit"]

NgramFunction = Callable[[str], list[str]]


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Weights for ``classes`` over ``vocabulary`` (TF-IDF, sublinear, L2-normalised) then ``features``.

    ``coef`` has one row per class, or a single row for two classes (the score of ``classes[1]``), as
    scikit-learn lays it out. ``about`` records data, settings and figures so the artefact explains itself.
    """

    classes: tuple[str, ...]
    vocabulary: dict[str, int]
    idf: tuple[float, ...]
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[tuple[float, ...], ...]
    intercept: tuple[float, ...]
    about: dict[str, Any] = field(default_factory=dict)

    def scores(self, grams: Sequence[str], dense: Sequence[float]) -> list[float]:
        """Decision values, one per coef row."""
        counts = Counter(g for g in grams if g in self.vocabulary)
        weights = {
            self.vocabulary[g]: (1 + math.log(c)) * self.idf[self.vocabulary[g]] for g, c in counts.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        offset = len(self.vocabulary)
        standard = [(x - m) / s for x, m, s in zip(dense, self.mean, self.scale, strict=True)]
        result = []
        for row, bias in zip(self.coef, self.intercept, strict=True):
            total = bias + sum(row[i] * w / norm for i, w in weights.items())
            total += sum(row[offset + k] * x for k, x in enumerate(standard))
            result.append(total)
        return result

    def probabilities(self, grams: Sequence[str], dense: Sequence[float]) -> dict[str, float]:
        """Class probabilities (softmax, or the logistic of the single score for two classes)."""
        scores = self.scores(grams, dense)
        if len(scores) == 1:
            positive = 1.0 / (1.0 + math.exp(-scores[0]))
            return {self.classes[0]: 1.0 - positive, self.classes[1]: positive}
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.classes, exps, strict=True)}

    def to_json(self, path: str | Path) -> None:
        record = {
            "about": self.about,
            "classes": list(self.classes),
            "features": list(self.features),
            "mean": [round(x, 6) for x in self.mean],
            "scale": [round(x, 6) for x in self.scale],
            "intercept": [round(x, 6) for x in self.intercept],
            "vocabulary": sorted(self.vocabulary, key=self.vocabulary.__getitem__),
            "idf": [round(x, 5) for x in self.idf],
            "coef": [[round(x, 5) for x in row] for row in self.coef],
        }
        Path(path).write_text(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")

    @classmethod
    def from_json(cls, path: str | Path) -> LinearModel:
        try:
            record = json.loads(Path(path).read_text("utf-8"))
            return cls(
                classes=tuple(record["classes"]),
                vocabulary={gram: index for index, gram in enumerate(record["vocabulary"])},
                idf=tuple(record["idf"]),
                features=tuple(record["features"]),
                mean=tuple(record["mean"]),
                scale=tuple(record["scale"]),
                coef=tuple(tuple(row) for row in record["coef"]),
                intercept=tuple(record["intercept"]),
                about=record.get("about", {}),
            )
        except FileNotFoundError:
            raise FileNotFoundError(
                f"model file {path} is missing; rebuild it with `python benchmarks/stance/train.py` "
                "(needs shared/data) or reinstall storyweave"
            ) from None
        except (KeyError, TypeError, json.JSONDecodeError) as error:
            raise ValueError(
                f"model file {path} is damaged ({error}); rebuild it with benchmarks/stance/train.py"
            ) from None


def fit(
    texts: Sequence[str],
    dense: np.ndarray,
    labels: Sequence[str],
    feature_names: Sequence[str],
    ngram_function: NgramFunction,
    regularisation: float = 3.0,
    min_df: int = 2,
    balanced: bool = False,
) -> LinearModel:
    """Train a logistic regression on ``texts`` (n-grams seen in at least ``min_df`` texts) plus ``dense``."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    grams = [ngram_function(text) for text in texts]
    document_frequency = Counter(g for doc in grams for g in set(doc))
    kept = sorted(g for g, df in document_frequency.items() if df >= min_df)
    vocabulary = {g: i for i, g in enumerate(kept)}
    n = len(texts)
    idf = [math.log((1 + n) / (1 + document_frequency[g])) + 1 for g in kept]
    rows, cols, values = [], [], []
    for r, doc in enumerate(grams):
        counts = Counter(g for g in doc if g in vocabulary)
        weights = {vocabulary[g]: (1 + math.log(c)) * idf[vocabulary[g]] for g, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        for c, w in weights.items():
            rows.append(r)
            cols.append(c)
            values.append(w / norm)
    bag = csr_matrix((values, (rows, cols)), shape=(n, len(kept)))
    mean = dense.mean(axis=0)
    scale = dense.std(axis=0)
    scale[scale == 0] = 1.0
    matrix = hstack([bag, csr_matrix((dense - mean) / scale)]).tocsr()
    model = LogisticRegression(C=regularisation, max_iter=3000, class_weight="balanced" if balanced else None)
    model.fit(matrix, list(labels))
    return LinearModel(
        classes=tuple(str(c) for c in model.classes_),
        vocabulary=vocabulary,
        idf=tuple(idf),
        features=tuple(feature_names),
        mean=tuple(float(x) for x in mean),
        scale=tuple(float(x) for x in scale),
        coef=tuple(tuple(float(x) for x in row) for row in model.coef_),
        intercept=tuple(float(x) for x in model.intercept_),
    )
