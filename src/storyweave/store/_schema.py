"""The tables as the latest migration leaves them; every query is built from these.

Migrations must not use these definitions: a migration has to produce the same schema forever, while these
change with the code. So each migration carries its own frozen DDL, and a test checks that migrating an
empty database yields exactly these tables and columns.

Portable types only (no lengths on strings, which PostgreSQL would enforce and SQLite would not), so both
backends accept and return the same values.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = [
    "articles",
    "ingest_failures",
    "ingest_runs",
    "metadata",
    "row_id",
    "schema_version",
    "stated_claims",
    "stories",
    "story_articles",
]

metadata = MetaData()

# SQLite only auto-increments an INTEGER PRIMARY KEY (the rowid); PostgreSQL gets a 64-bit identity.
row_id = BigInteger().with_variant(Integer(), "sqlite")

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", Text, nullable=False),
    Column("applied_at", DateTime, nullable=False),
)

# ``seq`` gives insertion order and cheap keyset paging; ``id`` (the content hash) is the identity.
articles = Table(
    "articles",
    metadata,
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

stories = Table(
    "stories",
    metadata,
    Column("id", String, primary_key=True),
    Column("position", Integer, nullable=False),
)

# One row per article of a story. ``duplicate_of`` is NULL for the story's distinct articles and names
# the kept article for a near-copy folded into it.
story_articles = Table(
    "story_articles",
    metadata,
    Column("story_id", String, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", String, ForeignKey("articles.id"), primary_key=True, index=True),
    Column("position", Integer, nullable=False),
    Column("duplicate_of", String, ForeignKey("articles.id")),
)

ingest_runs = Table(
    "ingest_runs",
    metadata,
    Column("id", row_id, primary_key=True, autoincrement=True),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime),
    Column("added", Integer, nullable=False),
    Column("existing", Integer, nullable=False),
)

ingest_failures = Table(
    "ingest_failures",
    metadata,
    Column("run_id", row_id, ForeignKey("ingest_runs.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("origin", Text, nullable=False),
    Column("reason", Text, nullable=False),
)

# What the attribution models and rules found in one article, kept so that a later brief of a grown story
# pays only for its new reports. ``tagger`` is the mode ("contextual" or "words"), ``version`` a digest of
# the code and models that produced ``claims`` (JSON); a row whose version is not the running one is stale.
stated_claims = Table(
    "stated_claims",
    metadata,
    Column("article_id", String, ForeignKey("articles.id"), primary_key=True),
    Column("tagger", String, primary_key=True),
    Column("version", String, nullable=False),
    Column("claims", Text, nullable=False),
)
