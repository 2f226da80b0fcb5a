"""What every store offers, whatever database is behind it.

The pipeline talks to this protocol only, so SQLite (the default) and PostgreSQL are interchangeable and one
conformance suite checks both.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self, runtime_checkable

from storyweave.model import Article, InputFailure, StatedClaim, Story

__all__ = ["AddResult", "IngestRun", "Store", "StoreError"]


class StoreError(Exception):
    """The store cannot be opened or used; the message names the database and what to do about it."""


class StaleStoriesError(StoreError):
    """Articles arrived while the stories were being computed; the caller should cluster again."""


@dataclass(frozen=True, slots=True)
class AddResult:
    """How many offered articles were new and how many the store already held (same content id)."""

    added: int = 0
    existing: int = 0

    def __add__(self, other: AddResult) -> AddResult:
        return AddResult(self.added + other.added, self.existing + other.existing)


@dataclass(frozen=True, slots=True)
class IngestRun:
    """One recorded ingest run. ``finished`` is None while it runs, or forever if the process died."""

    id: int
    started: datetime
    finished: datetime | None
    added: int
    existing: int
    failures: tuple[InputFailure, ...]


@runtime_checkable
class Store(Protocol):
    """Articles (content-addressed, append-only), the current assignment of articles to stories, and what
    the claim models found in each article (so a grown story's brief pays only for its new reports)."""

    @property
    def location(self) -> str:
        """Where the data lives, for messages: a file path or a URL without its password."""
        ...

    def add_articles(self, articles: Iterable[Article], batch_size: int = 200) -> AddResult:
        """Store new articles; re-adding a stored id is a no-op. Each batch commits on its own, so a
        killed run keeps every finished batch and a re-run adds only what is missing.

        Text holding NUL or lone surrogates (which no database stores) raises ValueError naming the
        article; the same characters in metadata are replaced with U+FFFD."""
        ...

    def get_article(self, article_id: str) -> Article | None: ...

    def articles(self) -> Iterator[Article]:
        """Every stored article, in insertion order, read page by page (memory stays bounded)."""
        ...

    def count_articles(self) -> int: ...

    def replace_stories(self, stories: Sequence[Story], *, article_count: int | None = None) -> None:
        """Swap in a new story assignment in one transaction: readers see the old one or the new one,
        never a mix. Every article it names must already be stored (else ValueError, old one kept).
        An empty list of duplicates is not kept: it reads back as no entry.

        With ``article_count`` (how many articles the stories were computed from), the swap happens only
        if the store still holds exactly that many, checked under the write lock; otherwise
        StaleStoriesError, so two processes ingesting at once cannot leave stories missing reports."""
        ...

    def stories(self) -> list[Story]:
        """The current stories, in the order they were given to ``replace_stories``."""
        ...

    def get_story(self, story_id: str) -> Story | None: ...

    def stated_claims(
        self, article_ids: Iterable[str], tagger: str, version: str
    ) -> dict[str, tuple[StatedClaim, ...]]:
        """The stated claims kept for these articles by ``save_stated_claims`` with this tagger and
        version; articles with none kept (or kept by another version) are left out."""
        ...

    def save_stated_claims(
        self, tagger: str, version: str, found: Mapping[str, Sequence[StatedClaim]]
    ) -> None:
        """Keep each article's stated claims, replacing what another version kept for the same tagger.
        Articles not in the store are skipped: only stored reports are briefed again."""
        ...

    def start_run(self) -> int:
        """Record that an ingest run began; returns its id for ``finish_run``."""
        ...

    def finish_run(self, run_id: int, result: AddResult, failures: Sequence[InputFailure] = ()) -> None: ...

    def runs(self) -> list[IngestRun]:
        """Every recorded run, oldest first."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...
