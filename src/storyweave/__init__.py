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
# These two names always give the functions; the subpackages stay importable by their full names.
_SHADOWED = frozenset({"cluster", "summarize"})


class _Package(ModuleType):
    def __getattribute__(self, name: str) -> Any:
        if name in _SHADOWED:
            return getattr(import_module(_LAZY[name]), name)
        return super().__getattribute__(name)


sys.modules[__name__].__class__ = _Package
