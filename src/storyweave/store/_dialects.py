"""The few places where SQLite and PostgreSQL need different statements, kept in one small module.

Everything else in the store is dialect-neutral SQLAlchemy Core; adding a backend means adding a branch
here and an engine factory in ``_open``.
"""

from __future__ import annotations

from sqlalchemy import Connection, Table, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert

__all__ = ["insert_or_replace", "insert_skipping_existing", "serialize_migrations", "serialize_story_writes"]

# An arbitrary constant that names "storyweave schema migration" among PostgreSQL advisory locks.
_MIGRATION_LOCK_KEY = 0x5707_13A7E


def insert_skipping_existing(conn: Connection, table: Table, key: str) -> Insert:
    """INSERT that silently skips rows whose ``key`` is already stored (ON CONFLICT DO NOTHING).

    Checking first and inserting second would race with another writer; the database must decide.
    """
    dialect = {"sqlite": sqlite, "postgresql": postgresql}[conn.dialect.name]
    return dialect.insert(table).on_conflict_do_nothing(index_elements=[key])


def insert_or_replace(conn: Connection, table: Table, keys: list[str]) -> Insert:
    """INSERT that overwrites the other columns of a row whose ``keys`` are already stored (an upsert, ON
    CONFLICT DO UPDATE): two writers saving the same row both succeed, the later one wins."""
    dialect = {"sqlite": sqlite, "postgresql": postgresql}[conn.dialect.name]
    statement = dialect.insert(table)
    replaced = {c.name: statement.excluded[c.name] for c in table.columns if c.name not in keys}
    return statement.on_conflict_do_update(index_elements=keys, set_=replaced)


def serialize_story_writes(conn: Connection, table: Table) -> None:
    """Make concurrent story replacements queue up instead of interleaving their deletes and inserts.

    SQLite write transactions already begin IMMEDIATE (one writer at a time). PostgreSQL at READ COMMITTED
    would let two replacements each delete the old rows and then collide on inserting the same new ids,
    so take a lock that blocks other writers of the table but not its readers.
    """
    if conn.dialect.name == "postgresql":
        name = conn.dialect.identifier_preparer.format_table(table)
        conn.execute(text(f"LOCK TABLE {name} IN EXCLUSIVE MODE"))


def serialize_migrations(conn: Connection) -> None:
    """Two processes opening a fresh PostgreSQL database at once must not both create the tables.

    SQLite needs nothing: the migration transaction begins IMMEDIATE. PostgreSQL uses a transaction-scoped
    advisory lock because the tables it would lock may not exist yet.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY})
