"""The one call shape every story clusterer shares, and the registry that finds them by name."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from storyweave.model import Article

__all__ = ["Clusterer", "available_clusterers", "canonical_labels", "get_clusterer", "register_clusterer"]


@runtime_checkable
class Clusterer(Protocol):
    """Groups articles into stories, in the scikit-learn spirit: configure in ``__init__``, then call.

    ``fit_predict`` returns one integer label per input article, in input order; equal labels mean "same
    story". Labels are canonical (0, 1, 2, ... in order of first appearance), so the same input always
    gives the same output and two clusterers' labels can be compared directly.
    """

    name: str

    def fit_predict(self, articles: Sequence[Article]) -> list[int]: ...


_REGISTRY: dict[str, Callable[[], Clusterer]] = {}


def register_clusterer(name: str, factory: Callable[[], Clusterer]) -> None:
    """Make ``factory`` available as ``get_clusterer(name)``; a name can be registered only once."""
    if name in _REGISTRY:
        raise ValueError(f"a clusterer named {name!r} is already registered")
    _REGISTRY[name] = factory


def available_clusterers() -> list[str]:
    """Names accepted by :func:`get_clusterer`, sorted."""
    return sorted(_REGISTRY)


def get_clusterer(name: str) -> Clusterer:
    """A fresh clusterer with its tuned defaults, by registered name."""
    try:
        factory = _REGISTRY[name]
    except KeyError:
        known = ", ".join(available_clusterers())
        raise ValueError(f"unknown clusterer {name!r}; choose one of: {known}") from None
    return factory()


def canonical_labels(raw: Sequence[int]) -> list[int]:
    """Renumber labels 0, 1, 2, ... in order of first appearance."""
    mapping: dict[int, int] = {}
    return [mapping.setdefault(label, len(mapping)) for label in raw]
