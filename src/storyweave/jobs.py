"""Long-running jobs over a store: ingest a pile of inputs, re-cluster, write briefs.

A job streams inputs into the store in batches (each batch one transaction), so a killed run loses at most
the batch in flight and a re-run completes it: articles are keyed by content hash, re-adding is a no-op.
Progress goes through a small ``Reporter`` protocol so the CLI can draw Rich bars and tests can listen.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO, Protocol

from storyweave._workers import one_blas_thread
from storyweave.briefing import BriefOptions, build_brief
from storyweave.claims.align import StatedClaimsMemo
from storyweave.claims.stated import stated_claims_key
from storyweave.ingest import ReadOptions
from storyweave.model import Article, Brief, InputFailure, StatedClaim, Story
from storyweave.pipeline import cluster, iter_read
from storyweave.render import write_briefs
from storyweave.store import AddResult, StaleStoriesError, Store, StoreError

__all__ = ["IngestResult", "NullReporter", "Reporter", "brief_stories", "brief_story", "ingest", "run_brief"]

_BATCH = 200
# Below this many stories a process pool costs more (start-up, imports) than it saves.
_PARALLEL_MIN_STORIES = 64
_RECLUSTER_ATTEMPTS = 5
# Newly found stated claims are written to the store after this many briefs, so a killed run keeps most.
_KEEP_CLAIMS_EVERY = 32
# Stories briefed per batch: the kept claims of one batch's reports are read from the store at a time.
_STORIES_PER_BATCH = 256


class Reporter(Protocol):
    """Receives progress. ``total`` is None while the amount of work is unknown (streamed input)."""

    def start(self, task: str, total: int | None = None) -> None: ...
    def advance(self, task: str, amount: int = 1) -> None: ...
    def finish(self, task: str) -> None: ...
    def failure(self, failure: InputFailure) -> None: ...


class NullReporter:
    """Reports nothing; failures are still returned in the job result."""

    def start(self, task: str, total: int | None = None) -> None:
        pass

    def advance(self, task: str, amount: int = 1) -> None:
        pass

    def finish(self, task: str) -> None:
        pass

    def failure(self, failure: InputFailure) -> None:
        pass


@dataclass(slots=True)
class IngestResult:
    read: int = 0
    added: int = 0
    existing: int = 0
    failures: list[InputFailure] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def _story_order(story: Story) -> tuple:
    """Newest story first; among equals, the bigger one."""
    last = story.last_published or date.min
    return (-last.toordinal(), -len(story.articles), story.id)


def ingest(
    store: Store,
    inputs: Iterable[str],
    *,
    read_options: ReadOptions | None = None,
    stdin: BinaryIO | None = None,
    reporter: Reporter | None = None,
    clusterer: str | None = None,
) -> IngestResult:
    """Read inputs into the store, then re-cluster everything the store holds into stories."""
    reporter = reporter or NullReporter()
    result = IngestResult()
    batch: list[Article] = []
    run_id = store.start_run()

    def flush() -> None:
        if batch:
            outcome = store.add_articles(batch, batch_size=_BATCH)
            result.added += outcome.added
            result.existing += outcome.existing
            batch.clear()

    reporter.start("reading")
    for item in iter_read(inputs, read_options, stdin=stdin):
        if isinstance(item, InputFailure):
            result.failures.append(item)
            reporter.failure(item)
            continue
        result.read += 1
        batch.append(item)
        reporter.advance("reading")
        if len(batch) >= _BATCH:
            flush()
    flush()
    store.finish_run(run_id, AddResult(result.added, result.existing), result.failures)
    reporter.finish("reading")

    result.stories = _recluster(store, reporter, clusterer)
    return result


def _recluster(store: Store, reporter: Reporter, clusterer: str | None) -> list[Story]:
    """Cluster everything stored and swap the stories in, again if another writer added articles
    meanwhile (the store refuses a swap computed from a stale article count)."""
    for _ in range(_RECLUSTER_ATTEMPTS):
        articles = list(store.articles())
        reporter.start("clustering", total=len(articles))
        stories = sorted(cluster(articles, clusterer), key=_story_order)
        try:
            store.replace_stories(stories, article_count=len(articles))
        except StaleStoriesError:
            continue
        finally:
            reporter.advance("clustering", len(articles))
            reporter.finish("clustering")
        return stories
    raise StaleStoriesError(
        f"{store.location}: other writers kept adding articles; run `storyweave ingest` again to re-cluster"
    )


def brief_stories(
    stories: Sequence[Story],
    options: BriefOptions,
    reporter: Reporter | None = None,
    *,
    store: Store | None = None,
) -> list[Brief]:
    """Brief every story, on all cores when there are enough stories to pay for the workers.

    With a ``store``, the stated claims it kept for these reports (by an earlier run with the same tagger,
    code and models) are reused and the newly found ones kept, so briefing a grown pile again pays the
    attribution models only for its new reports. Stories go in batches, so only one batch's kept claims
    are in memory at a time."""
    reporter = reporter or NullReporter()
    reporter.start("summarizing", total=len(stories))
    keeper = _ClaimKeeper(store, options)
    workers = min(os.cpu_count() or 1, 4)
    parallel = len(stories) >= _PARALLEL_MIN_STORIES and workers > 1
    briefs: list[Brief] = []
    with ExitStack() as stack:
        pool = (
            stack.enter_context(ProcessPoolExecutor(max_workers=workers, initializer=one_blas_thread))
            if parallel
            else None
        )
        try:
            for first in range(0, len(stories), _STORIES_PER_BATCH):
                batch = stories[first : first + _STORIES_PER_BATCH]
                calls = (batch, [options] * len(batch), keeper.memos_for(batch))
                made = (
                    pool.map(_brief_with_memo, *calls, chunksize=8) if pool else map(_brief_with_memo, *calls)
                )
                for brief, new in made:
                    briefs.append(brief)
                    keeper.found(new)
                    reporter.advance("summarizing")
        finally:
            keeper.flush()
    reporter.finish("summarizing")
    return briefs


def brief_story(store: Store, story: Story, options: BriefOptions) -> Brief:
    """One story's brief, reusing and keeping stated claims in ``store`` as ``brief_stories`` does."""
    keeper = _ClaimKeeper(store, options)
    brief, new = _brief_with_memo(story, options, keeper.memos_for([story])[0])
    keeper.found(new)
    keeper.flush()
    return brief


def _brief_with_memo(
    story: Story, options: BriefOptions, memo: StatedClaimsMemo
) -> tuple[Brief, dict[str, tuple[StatedClaim, ...]]]:
    """A worker's job: the brief, and the stated claims it had to find (the memo itself stays behind in
    the worker process)."""
    return build_brief(story, options, memo=memo), memo.new


class _ClaimKeeper:
    """Reads the stated claims a store kept for the stories' reports, and writes back new ones in batches.

    Keeping is an optimisation: when the store cannot be read or written (a read-only database, a lock held
    too long) or no version can be told (``stated_claims_key``), briefs go on without it, after one line on
    stderr."""

    def __init__(self, store: Store | None, options: BriefOptions) -> None:
        self._pending: dict[str, tuple[StatedClaim, ...]] = {}
        self._briefs = 0
        key = stated_claims_key(options.contextual_attribution) if store is not None else None
        self._store, self._key = (store, key) if key is not None else (None, ("", ""))

    def memos_for(self, stories: Sequence[Story]) -> list[StatedClaimsMemo]:
        """One memo per story, holding what the store kept for its reports."""
        kept: Mapping[str, tuple[StatedClaim, ...]] = {}
        if self._store is not None:
            ids = [article.id for story in stories for article in story.articles]
            try:
                kept = self._store.stated_claims(ids, *self._key)
            except StoreError as error:
                self._give_up(error)
        return [
            StatedClaimsMemo(kept={a.id: kept[a.id] for a in s.articles if a.id in kept}) for s in stories
        ]

    def found(self, new: Mapping[str, tuple[StatedClaim, ...]]) -> None:
        self._pending.update(new)
        self._briefs += 1
        if self._briefs % _KEEP_CLAIMS_EVERY == 0:
            self.flush()

    def flush(self) -> None:
        if self._store is not None and self._pending:
            try:
                self._store.save_stated_claims(*self._key, self._pending)
            except StoreError as error:
                self._give_up(error)
        self._pending = {}

    def _give_up(self, error: StoreError) -> None:
        print(
            f"storyweave: stated claims not kept between runs ({error}); briefs are unaffected",
            file=sys.stderr,
        )
        self._store = None


def run_brief(
    store: Store,
    inputs: Iterable[str],
    out_dir: Path,
    *,
    formats: Sequence[str] = ("md", "html", "json"),
    options: BriefOptions | None = None,
    read_options: ReadOptions | None = None,
    stdin: BinaryIO | None = None,
    reporter: Reporter | None = None,
) -> IngestResult:
    """The main job: read everything, dedupe, cluster, and write one brief per story plus an index."""
    result = ingest(store, inputs, read_options=read_options, stdin=stdin, reporter=reporter)
    briefs = brief_stories(result.stories, options or BriefOptions(), reporter, store=store)
    result.files = write_briefs(briefs, out_dir, formats)
    return result
