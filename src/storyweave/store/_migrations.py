"""Explicit, ordered schema migrations, applied in one transaction when a store is opened.

To change the schema: append a ``Migration`` with the next version whose ``apply`` issues the change with
SQLAlchemy Core (portable to SQLite and PostgreSQL), then update ``_schema`` to match. Never edit a
migration that has shipped: databases out there were built by it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Date,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    insert,
    inspect,
    select,
)

from storyweave.store import _schema
from storyweave.store._api import StoreError
from storyweave.store._dialects import serialize_migrations

__all__ = ["LATEST_VERSION", "MIGRATIONS", "Migration", "migrate"]


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def _create_v1(conn: Connection) -> None:
    """Frozen copy of the first schema (see ``_schema`` for why it is not shared)."""
    meta = MetaData()
    row_id = BigInteger().with_variant(Integer(), "sqlite")
    Table(
        "schema_version",
        meta,
        Column("version", Integer, primary_key=True, autoincrement=False),
        Column("description", Text, nullable=False),
        Column("applied_at", DateTime, nullable=False),
    )
    Table(
        "articles",
        meta,
        Column("seq", row_id, primary_key=True, autoincrement=True),
        Column("id", String, nullable=False, unique=True),
        Column("text", Text, nullable=False),
        Column("origin", Text, nullable=False),
        Column("title", Text),
        Column("url", Text),
        Column("published", Date),
        Column("source", Text),
        Column("external_id", Text),
    )
    Table(
        "stories",
        meta,
        Column("id", String, primary_key=True),
        Column("position", Integer, nullable=False),
    )
    Table(
        "story_articles",
        meta,
        Column("story_id", String, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
        Column("article_id", String, ForeignKey("articles.id"), primary_key=True, index=True),
        Column("position", Integer, nullable=False),
        Column("duplicate_of", String, ForeignKey("articles.id")),
    )
    Table(
        "ingest_runs",
        meta,
        Column("id", row_id, primary_key=True, autoincrement=True),
        Column("started_at", DateTime, nullable=False),
        Column("finished_at", DateTime),
        Column("added", Integer, nullable=False),
        Column("existing", Integer, nullable=False),
    )
    Table(
        "ingest_failures",
        meta,
        Column("run_id", row_id, ForeignKey("ingest_runs.id", ondelete="CASCADE"), primary_key=True),
        Column("position", Integer, primary_key=True),
        Column("origin", Text, nullable=False),
        Column("reason", Text, nullable=False),
    )
    meta.create_all(conn)


def _create_v2(conn: Connection) -> None:
    """Frozen copy of the stated-claims table added in version 2."""
    meta = MetaData()
    Table("articles", meta, Column("id", String, primary_key=True))  # only for the foreign key
    Table(
        "stated_claims",
        meta,
        Column("article_id", String, ForeignKey("articles.id"), primary_key=True),
        Column("tagger", String, primary_key=True),
        Column("version", String, nullable=False),
        Column("claims", Text, nullable=False),
    )
    meta.tables["stated_claims"].create(conn)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, stories with duplicate links, ingest runs", _create_v1),
    Migration(2, "stated claims kept per article and tagger", _create_v2),
)
LATEST_VERSION = MIGRATIONS[-1].version


def migrate(engine: Engine, location: str) -> int:
    """Bring the database up to ``LATEST_VERSION``; returns the version it was at before."""
    with engine.begin() as conn:
        serialize_migrations(conn)
        found = _current_version(conn, location)
        if found > LATEST_VERSION:
            raise StoreError(
                f"{location} has store schema version {found}, but this storyweave understands only up to "
                f"{LATEST_VERSION}: it was written by a newer storyweave. Upgrade storyweave, or use another "
                "database."
            )
        for step in MIGRATIONS:
            if step.version > found:
                step.apply(conn)
                conn.execute(
                    insert(_schema.schema_version).values(
                        version=step.version,
                        description=step.description,
                        applied_at=datetime.now(UTC).replace(tzinfo=None),
                    )
                )
    return found


def _current_version(conn: Connection, location: str) -> int:
    tables = set(inspect(conn).get_table_names())
    if _schema.schema_version.name in tables:
        return conn.execute(select(func.coalesce(func.max(_schema.schema_version.c.version), 0))).scalar_one()
    # A SQLite file is ours alone, so any table means someone else's database. A PostgreSQL schema may be
    # shared with other applications; only tables that would collide with ours matter there.
    ours = set(_schema.metadata.tables)
    strangers = tables if conn.dialect.name == "sqlite" else tables & ours
    if strangers:
        raise StoreError(
            f"{location} already holds tables ({', '.join(sorted(strangers))}) but no storyweave "
            "schema_version table, so it is not a storyweave store. Point --db at a new file or database."
        )
    return 0
