"""Stance of a headline towards a claim, and whether two claims weaken each other, from committed models.

Both models load once per process (``functools.cache``): a brief asks for many pairs, and the JSON
files are small enough (well under 1 MB) that keeping them resident costs nothing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from storyweave.claims.stance._features import headline_features, ngrams, weak_pair_features
from storyweave.claims.stance._linear import LinearModel

__all__ = [
    "STANCES",
    "STANCE_MODEL",
    "WEAK_PAIR_MODEL",
    "is_weakening",
    "predict_stance",
    "stance_probabilities",
    "weakening_probability",
]

STANCES = ("for", "against", "observing")
_HERE = Path(__file__).parent
STANCE_MODEL = _HERE / "stance_model.json"
WEAK_PAIR_MODEL = _HERE / "weak_pair_model.json"
WEAKENS = "weakens"


@cache
def _stance_model() -> LinearModel:
    return LinearModel.from_json(STANCE_MODEL)


@cache
def _weak_pair_model() -> LinearModel:
    return LinearModel.from_json(WEAK_PAIR_MODEL)


def _check_text(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type(value).__name__}")
    return value


def stance_probabilities(claim: str, headline: str) -> dict[str, float]:
    """Probability that ``headline`` is for, against, or merely observing (reporting) ``claim``."""
    claim, headline = _check_text(claim, "claim"), _check_text(headline, "headline")
    return _stance_model().probabilities(ngrams(headline), headline_features(claim, headline))


def predict_stance(claim: str, headline: str) -> str:
    """ "for" (asserts the claim), "against" (denies or debunks it) or "observing" (reports, unendorsed)."""
    probabilities = stance_probabilities(claim, headline)
    return max(probabilities, key=probabilities.__getitem__)


def weakening_probability(first: str, second: str) -> float:
    """Probability that two claims about one story weaken (undercut, contradict) each other.

    The features are symmetric, so the answer does not depend on which claim came first.
    """
    first, second = _check_text(first, "first"), _check_text(second, "second")
    return _weak_pair_model().probabilities([], weak_pair_features(first, second))[WEAKENS]


def is_weakening(first: str, second: str) -> bool:
    """Whether the pair weakens each other, at the F1-best threshold chosen by grouped cross-validation."""
    threshold = float(_weak_pair_model().about.get("threshold", 0.5))
    return weakening_probability(first, second) >= threshold
