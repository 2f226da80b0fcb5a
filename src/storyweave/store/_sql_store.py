"""The one ``Store`` implementation, over any SQLAlchemy engine whose dialect ``_dialects`` knows.

All SQL is SQLAlchemy Core with bound parameters: article text never becomes part of a statement.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from itertools import islice
from types import TracebackType
from typing import Any, Self

from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from storyweave._record_dicts import stated_claim_from_dict, stated_claim_to_dict
from storyweave.model import Article, InputFailure, StatedClaim, Story
from storyweave.store._api import AddResult, IngestRun, StaleStoriesError, StoreError
from storyweave.store._dialects import insert_or_replace, insert_skipping_existing, serialize_story_writes
from storyweave.store._schema import (
    articles,
    ingest_failures,
    ingest_runs,
    stated_claims,
    stories,
    story_articles,
)

__all__ = ["WRITE_OPTION", "SqlStore"]

# Execution option marking a connection that will write; the SQLite engine begins those transactions
# IMMEDIATE so that a second writer waits for the lock up front instead of failing half-way.
WRITE_OPTION = "storyweave_write"

_PAGE = 500  # rows per round trip when streaming articles or checking ids
_ARTICLE_FIELDS = ("id", "text", "origin", "title", "url", "published", "source", "external_id")
# PostgreSQL text cannot hold NUL, and no UTF-8 database can hold lone surrogates; refuse both on every
# backend so that a store behaves the same whichever database is behind it.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_METADATA_TEXT_FIELDS = ("origin", "title", "url", "source", "external_id")


class SqlStore:
    """Articles and stories in a SQL database. Open one with ``open_store``, not directly."""

    def __init__(self, engine: Engine, location: str) -> None:
        self._engine = engine
        self._writer = engine.execution_options(**{WRITE_OPTION: True})
        self._location = location

    @property
    def location(self) -> str:
        return self._location

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._location!r})"

    # -- articles ----------------------------------------------------------------------------------------

    def add_articles(self, articles_in: Iterable[Article], batch_size: int = 200) -> AddResult:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        total = AddResult()
        pending = iter(articles_in)
        while batch := list(islice(pending, batch_size)):
            rows = _article_rows(batch)
            with self._writer.begin() as conn:
                statement = insert_skipping_existing(conn, articles, "id").returning(articles.c.id)
                added = len(conn.execute(statement, rows).all())
            total += AddResult(added=added, existing=len(batch) - added)
        return total

    def get_article(self, article_id: str) -> Article | None:
        if _UNSTORABLE.search(article_id):  # no stored id holds one; PostgreSQL would refuse the query
            return None
        with self._engine.connect() as conn:
            row = conn.execute(select(*_article_columns()).where(articles.c.id == article_id)).first()
        return _article(row._mapping) if row else None

    def articles(self) -> Iterator[Article]:
        # Keyset pages, each in its own short read: no connection or snapshot is held while the caller
        # works, so a caller may write to the store while iterating (new articles show up at the end).
        after = 0
        while True:
            query = (
                select(articles.c.seq, *_article_columns())
                .where(articles.c.seq > after)
                .order_by(articles.c.seq)
                .limit(_PAGE)
            )
            with self._engine.connect() as conn:
                page = conn.execute(query).all()
            for row in page:
                yield _article(row._mapping)
            if len(page) < _PAGE:
                return
            after = page[-1].seq

    def count_articles(self) -> int:
        with self._engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(articles)).scalar_one()

    # -- stories -----------------------------------------------------------------------------------------

    def replace_stories(self, stories_in: Sequence[Story], *, article_count: int | None = None) -> None:
        story_rows, member_rows = _story_rows(stories_in)
        try:
            with self._writer.begin() as conn:
                serialize_story_writes(conn, stories)
                if article_count is not None:
                    serialize_story_writes(conn, articles)  # no article lands between check and swap
                    stored = conn.execute(select(func.count()).select_from(articles)).scalar_one()
                    if stored != article_count:
                        raise StaleStoriesError(
                            f"{self.location}: {stored} articles stored, stories computed from "
                            f"{article_count}; cluster again"
                        )
                conn.execute(delete(story_articles))
                conn.execute(delete(stories))
                if story_rows:
                    conn.execute(insert(stories), story_rows)
                if member_rows:
                    conn.execute(insert(story_articles), member_rows)
        except IntegrityError as exc:
            # The foreign keys caught it and the transaction rolled back; now find out what to tell.
            missing = self._unstored(row["article_id"] for row in member_rows)
            if not missing:
                raise
            shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
            raise ValueError(
                f"stories name {len(missing)} article(s) not in the store ({shown}); "
                "add them with add_articles before replace_stories"
            ) from exc

    def _unstored(self, article_ids: Iterable[str]) -> list[str]:
        wanted = sorted(set(article_ids))
        stored: set[str] = set()
        with self._engine.connect() as conn:
            for start in range(0, len(wanted), _PAGE):
                chunk = wanted[start : start + _PAGE]
                stored.update(conn.execute(select(articles.c.id).where(articles.c.id.in_(chunk))).scalars())
        return [article_id for article_id in wanted if article_id not in stored]

    def stories(self) -> list[Story]:
        return self._load_stories(None)

    def get_story(self, story_id: str) -> Story | None:
        if _UNSTORABLE.search(story_id):  # a NUL from a URL ("a%00b"): no such story, on either backend
            return None
        found = self._load_stories(story_id)
        return found[0] if found else None

    def _load_stories(self, story_id: str | None) -> list[Story]:
        query = (
            select(
                stories.c.id.label("story_id"),
                story_articles.c.duplicate_of,
                *_article_columns(),
            )
            .select_from(
                stories.outerjoin(story_articles, story_articles.c.story_id == stories.c.id).outerjoin(
                    articles, articles.c.id == story_articles.c.article_id
                )
            )
            .order_by(stories.c.position, story_articles.c.position)
        )
        if story_id is not None:
            query = query.where(stories.c.id == story_id)
        found: dict[str, Story] = {}
        with self._engine.connect() as conn:
            for row in conn.execute(query):
                story = found.get(row.story_id)
                if story is None:
                    story = found[row.story_id] = Story(id=row.story_id, articles=[])
                if row.id is None:  # a story with no articles: outer join filler
                    continue
                article = _article(row._mapping)
                if row.duplicate_of is None:
                    story.articles.append(article)
                else:
                    story.duplicates.setdefault(row.duplicate_of, []).append(article)
        return list(found.values())

    # -- stated claims -------------------------------------------------------------------------------------

    def stated_claims(
        self, article_ids: Iterable[str], tagger: str, version: str
    ) -> dict[str, tuple[StatedClaim, ...]]:
        wanted = sorted(set(article_ids))
        found: dict[str, tuple[StatedClaim, ...]] = {}
        table = stated_claims
        with self._failing_as_store_error("read kept stated claims"), self._engine.connect() as conn:
            for start in range(0, len(wanted), _PAGE):
                query = select(table.c.article_id, table.c.claims).where(
                    table.c.article_id.in_(wanted[start : start + _PAGE]),
                    table.c.tagger == tagger,
                    table.c.version == version,
                )
                for article_id, payload in conn.execute(query):
                    claims = _claims_from_json(payload)
                    if claims is not None:
                        found[article_id] = claims
        return found

    def save_stated_claims(
        self, tagger: str, version: str, found: Mapping[str, Sequence[StatedClaim]]
    ) -> None:
        if not found:
            return
        table = stated_claims
        with self._failing_as_store_error("keep stated claims"), self._writer.begin() as conn:
            ids = sorted(found)
            stored: set[str] = set()
            for start in range(0, len(ids), _PAGE):
                chunk = ids[start : start + _PAGE]
                stored.update(conn.execute(select(articles.c.id).where(articles.c.id.in_(chunk))).scalars())
            rows = [
                {
                    "article_id": article_id,
                    "tagger": tagger,
                    "version": version,
                    "claims": _claims_json(found[article_id]),
                }
                for article_id in ids
                if article_id in stored
            ]
            if rows:
                conn.execute(insert_or_replace(conn, table, ["article_id", "tagger"]), rows)

    @contextmanager
    def _failing_as_store_error(self, doing: str) -> Iterator[None]:
        """Database errors of an optional step (a locked or read-only database) as one StoreError line."""
        try:
            yield
        except DBAPIError as exc:
            reason = " ".join(str(exc.orig or exc).split())
            raise StoreError(f"{self._location}: could not {doing}: {reason}") from exc

    # -- ingest runs ---------------------------------------------------------------------------------------

    def start_run(self) -> int:
        with self._writer.begin() as conn:
            statement = insert(ingest_runs).values(started_at=_utcnow(), added=0, existing=0)
            return conn.execute(statement.returning(ingest_runs.c.id)).scalar_one()

    def finish_run(self, run_id: int, result: AddResult, failures: Sequence[InputFailure] = ()) -> None:
        with self._writer.begin() as conn:
            updated = conn.execute(
                update(ingest_runs)
                .where(ingest_runs.c.id == run_id)
                .values(finished_at=_utcnow(), added=result.added, existing=result.existing)
            )
            if updated.rowcount != 1:
                raise ValueError(f"no ingest run {run_id} in {self._location}; use the id start_run returned")
            conn.execute(delete(ingest_failures).where(ingest_failures.c.run_id == run_id))
            if failures:
                rows = [
                    {"run_id": run_id, "position": i, "origin": f.origin, "reason": f.reason}
                    for i, f in enumerate(failures)
                ]
                conn.execute(insert(ingest_failures), rows)

    def runs(self) -> list[IngestRun]:
        with self._engine.connect() as conn:
            run_rows = conn.execute(select(ingest_runs).order_by(ingest_runs.c.id)).all()
            failure_rows = conn.execute(
                select(ingest_failures).order_by(ingest_failures.c.run_id, ingest_failures.c.position)
            ).all()
        failures: dict[int, list[InputFailure]] = {}
        for row in failure_rows:
            failures.setdefault(row.run_id, []).append(InputFailure(row.origin, row.reason))
        return [
            IngestRun(
                id=row.id,
                started=_as_utc(row.started_at),
                finished=_as_utc(row.finished_at) if row.finished_at else None,
                added=row.added,
                existing=row.existing,
                failures=tuple(failures.get(row.id, ())),
            )
            for row in run_rows
        ]

    # -- lifetime ------------------------------------------------------------------------------------------

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _article_columns() -> list[Any]:
    return [articles.c[name] for name in _ARTICLE_FIELDS]


def _article(row: Mapping[str, Any]) -> Article:
    return Article(**{name: row[name] for name in _ARTICLE_FIELDS})


def _article_rows(batch: Sequence[Article]) -> list[dict[str, Any]]:
    """Rows to insert, the first copy of each id only, so that a repeat within a batch counts as existing
    however a backend treats a key clash inside one statement.

    Characters no backend can store: in ``text`` they are refused, because the id is the hash of the text
    and the cleaner upstream must remove them before hashing; in metadata (an origin taken from a file
    name that is not UTF-8, say) they become U+FFFD, so one odd file name does not fail a whole batch.
    """
    rows: dict[str, dict[str, Any]] = {}
    for article in batch:
        if article.id in rows:
            continue
        if isinstance(article.text, str) and _UNSTORABLE.search(article.text):
            raise ValueError(
                f"article {article.id} from {article.origin!r}: its text contains a NUL character or a lone "
                "surrogate, which databases cannot store; clean the text before computing its id"
            )
        row = {name: getattr(article, name) for name in _ARTICLE_FIELDS}
        for name in _METADATA_TEXT_FIELDS:
            if isinstance(row[name], str):
                row[name] = _UNSTORABLE.sub("\ufffd", row[name])
        rows[article.id] = row
    return list(rows.values())


def _story_rows(given: Sequence[Story]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows for ``stories`` and ``story_articles``, after checks whose failure would otherwise surface as
    an anonymous constraint violation."""
    story_rows: list[dict[str, Any]] = []
    member_rows: list[dict[str, Any]] = []
    seen_ids: set[str] = set()
    for position, story in enumerate(given):
        if story.id in seen_ids:
            raise ValueError(f"story id {story.id!r} appears twice; story ids must be unique")
        seen_ids.add(story.id)
        story_rows.append({"id": story.id, "position": position})
        kept_ids = [a.id for a in story.articles]
        members: list[tuple[str, str | None]] = [(article_id, None) for article_id in kept_ids]
        for kept_id, folded in story.duplicates.items():
            if kept_id not in kept_ids:
                raise ValueError(
                    f"story {story.id!r} lists duplicates of {kept_id}, which is not one of its articles"
                )
            members.extend((copy.id, kept_id) for copy in folded)
        seen_members: set[str] = set()
        for index, (article_id, duplicate_of) in enumerate(members):
            if article_id in seen_members:
                raise ValueError(f"story {story.id!r} holds article {article_id} more than once")
            seen_members.add(article_id)
            member_rows.append(
                {
                    "story_id": story.id,
                    "article_id": article_id,
                    "position": index,
                    "duplicate_of": duplicate_of,
                }
            )
    return story_rows, member_rows


def _claims_json(claims: Sequence[StatedClaim]) -> str:
    return json.dumps([stated_claim_to_dict(claim) for claim in claims], ensure_ascii=False)


def _claims_from_json(payload: str) -> tuple[StatedClaim, ...] | None:
    """The kept claims, or None when the row cannot be read back (then they are found again)."""
    try:
        return tuple(stated_claim_from_dict(item) for item in json.loads(payload))
    except (ValueError, KeyError, TypeError):
        return None


def _utcnow() -> datetime:
    """Naive UTC: a portable DateTime column keeps no zone, so the zone is fixed by convention."""
    return datetime.now(UTC).replace(tzinfo=None)


def _as_utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC)
