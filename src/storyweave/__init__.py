"""storyweave: cited, per-event briefs from piles of news reports.

    import storyweave as sw
    stories = sw.cluster(sw.read("reports/"))
    brief = sw.brief(stories[0], words=150)

The functions load lazily so that ``import storyweave`` (and worker processes) stay cheap.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

from storyweave.model import Article, Brief, CitedSentence, Document, InputFailure, SourceRef, Story

if TYPE_CHECKING:
    from storyweave.briefing import BriefOptions
    from storyweave.ingest import ReadOptions
    from storyweave.pipeline import brief, cluster, read
    from storyweave.summarize import summarize

__all__ = [
    "Article",
    "Brief",
    "BriefOptions",
    "CitedSentence",
    "Document",
    "InputFailure",
    "ReadOptions",
    "SourceRef",
    "Story",
    "brief",
    "cluster",
    "read",
    "summarize",
]
__version__ = "0.1.0"

_LAZY = {
    "read": "storyweave.pipeline",
    "cluster": "storyweave.pipeline",
    "brief": "storyweave.pipeline",
    "summarize": "storyweave.summarize",
    "BriefOptions": "storyweave.briefing",
    "ReadOptions": "storyweave.ingest",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'storyweave' has no attribute {name!r}")


# ``cluster`` and ``summarize`` are also the names of subpackages, and importing a subpackage sets it as an
# attribute of its parent: after the first brief, ``sw.cluster`` would be the package, not the function.
# These two names give an object that is both: calling it calls the function, its attributes are the
# subpackage's (``storyweave.summarize.get_ranker``), so neither use breaks the other.
_SHADOWED = frozenset({"cluster", "summarize"})


class _FunctionAndPackage:
    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(import_module(_LAZY[self._name]), self._name)(*args, **kwargs)

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("__") or attribute == "_name":  # copy/pickle probing a bare instance
            raise AttributeError(attribute)
        return getattr(import_module(f"storyweave.{self._name}"), attribute)

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return _shadowed, (self._name,)

    @property
    def __wrapped__(self) -> Any:  # inspect.signature and help() show the function's signature
        return getattr(import_module(_LAZY[self._name]), self._name)

    def __dir__(self) -> list[str]:
        return dir(import_module(f"storyweave.{self._name}"))

    def __repr__(self) -> str:
        return f"<storyweave.{self._name}: function and package>"

    @property
    def __doc__(self) -> str | None:  # type: ignore[override]
        return getattr(import_module(_LAZY[self._name]), self._name).__doc__


_BOTH = {name: _FunctionAndPackage(name) for name in _SHADOWED}


def _shadowed(name: str) -> _FunctionAndPackage:
    """What ``sw.cluster`` / ``sw.summarize`` unpickle to (worker processes get the same object)."""
    return _BOTH[name]


class _Package(ModuleType):
    def __getattribute__(self, name: str) -> Any:
        if name in _SHADOWED:
            return _BOTH[name]
        return super().__getattribute__(name)


sys.modules[__name__].__class__ = _Package
