"""``open_store``: from a path or URL to a migrated, ready ``Store``.

SQLite durability choice: WAL with ``synchronous=NORMAL``. In WAL mode NORMAL never corrupts the database
and loses nothing when a *process* dies (SIGKILL, crash): a commit is in the WAL, in the OS cache, before it
returns. Only an OS crash or power cut can roll back the last few commits, which is harmless here: articles
are content-addressed and re-ingesting is an idempotent no-op, and stories are recomputed. FULL would add an
fsync to every commit (every batch) to guard against that case only; on the dev machine's disk that made a
5,000-article ingest 14% slower at 200 articles a batch and 71% slower at 20.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from storyweave.store._api import Store, StoreError
from storyweave.store._migrations import migrate
from storyweave.store._sql_store import WRITE_OPTION, SqlStore

__all__ = ["BUSY_TIMEOUT_S", "DEFAULT_STORE_PATH", "open_store", "sqlite_file"]

DEFAULT_STORE_PATH = Path("storyweave.sqlite")
# How long a writer waits for another process's write transaction before giving up. Batches commit in
# milliseconds; a large replace_stories may take seconds.
BUSY_TIMEOUT_S = 30.0
_SQLITE_MAGIC = b"SQLite format 3\x00"


def open_store(url_or_path: str | Path | None = None) -> Store:
    """Open (creating and migrating if needed) the store at a path or URL.

    Accepted: None (``./storyweave.sqlite``); a file path; ``sqlite:///relative.db`` or
    ``sqlite:////absolute.db``; ``postgresql://user@host:port/db`` (psycopg 3; ``postgres://`` and
    ``postgresql+psycopg://`` too). Raises ``StoreError`` with a message naming the database and what to do.
    """
    target = DEFAULT_STORE_PATH if url_or_path is None else url_or_path
    if isinstance(target, Path) or "://" not in target:
        return _open_sqlite(Path(target))
    try:
        url = make_url(target)
    except ArgumentError as exc:
        raise StoreError(f"{target!r} is not a database URL: {exc}") from exc
    backend = url.get_backend_name()
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise StoreError(
                f"{target!r} names an in-memory SQLite database, which would vanish on close; "
                "give a file, e.g. sqlite:///storyweave.sqlite"
            )
        return _open_sqlite(Path(url.database))
    if backend in ("postgresql", "postgres"):
        return _open_postgresql(url)
    raise StoreError(
        f"{url.render_as_string(hide_password=True)!r}: unsupported database {backend!r}; "
        "use a file path, sqlite:///PATH or postgresql://USER@HOST/DB"
    )


def sqlite_file(url_or_path: str | Path | None = None) -> Path | None:
    """The file a SQLite store named as ``open_store`` takes it lives in; None for other databases and for
    what is no database URL. Lets a caller ask whether a store exists without creating it."""
    target = DEFAULT_STORE_PATH if url_or_path is None else url_or_path
    try:
        if isinstance(target, Path) or "://" not in target:
            return Path(target).expanduser().absolute()
        url = make_url(target)
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
            return Path(url.database).expanduser().absolute()
    except (ArgumentError, ValueError, RuntimeError):  # "~nosuchuser/x", a port that is no number
        return None
    return None


def _open_sqlite(path: Path) -> Store:
    path = path.expanduser().absolute()
    _check_sqlite_file(path)
    engine = create_engine(
        URL.create("sqlite+pysqlite", database=str(path)),
        # The pool hands a connection to one thread at a time, so crossing threads is safe.
        connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False},
    )
    event.listen(engine, "connect", _configure_sqlite_connection)
    event.listen(engine, "begin", _begin_sqlite_transaction)
    location = str(path)
    try:
        migrate(engine.execution_options(**{WRITE_OPTION: True}), location)
    except OperationalError as exc:
        engine.dispose()
        raise StoreError(
            f"cannot use SQLite database {location}: {exc.orig}. Check that the file and its directory are "
            f"writable, and that no other process has held a write lock for over {BUSY_TIMEOUT_S:.0f} s."
        ) from exc
    except DBAPIError as exc:  # sqlite3.DatabaseError: a damaged file behind a valid header
        engine.dispose()
        raise StoreError(_damaged(location, exc.orig)) from exc
    except BaseException:
        engine.dispose()
        raise
    return SqlStore(engine, location)


def _check_sqlite_file(path: Path) -> None:
    """Fail with a useful message before SQLite fails with a cryptic one."""
    if path.is_dir():
        raise StoreError(f"{path} is a directory; give a file path for the SQLite store")
    if not path.parent.is_dir():
        raise StoreError(f"cannot create SQLite store {path}: directory {path.parent} does not exist")
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as head:
            if head.read(len(_SQLITE_MAGIC)) != _SQLITE_MAGIC:
                raise StoreError(
                    f"{path} is not a SQLite database. Point --db at a new file, or move this one aside "
                    "if it was meant to be a store."
                )


def _damaged(location: str, reason: object) -> str:
    return (
        f"SQLite database {location} is damaged ({reason}). Move it aside and re-ingest your inputs into a "
        "new store (articles are keyed by content, so nothing is counted twice)."
    )


def _configure_sqlite_connection(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Take over transaction control from the sqlite3 module (it would BEGIN DEFERRED behind our back);
    # _begin_sqlite_transaction emits BEGIN instead.
    dbapi_connection.isolation_level = None
    dbapi_connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    _enter_wal_mode(dbapi_connection)
    dbapi_connection.execute("PRAGMA synchronous = NORMAL")
    dbapi_connection.execute("PRAGMA foreign_keys = ON")


def _enter_wal_mode(dbapi_connection: sqlite3.Connection) -> None:
    """Switching a new file to WAL needs a moment of exclusive access, and when several processes open the
    file at once SQLite reports the clash immediately instead of waiting (busy_timeout does not cover it).
    So retry for as long as busy_timeout would have waited. Once the file is in WAL this succeeds at once.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            dbapi_connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorname != "SQLITE_BUSY" or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _begin_sqlite_transaction(conn: Connection) -> None:
    """Writers begin IMMEDIATE: they queue for the write lock (honouring busy_timeout) before reading
    anything. A DEFERRED transaction that reads and then writes fails at once with "database is locked"
    when another process committed in between, whatever the timeout."""
    if conn.get_execution_options().get(WRITE_OPTION):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def _open_postgresql(url: URL) -> Store:
    if url.drivername in ("postgresql", "postgres"):  # SQLAlchemy would pick psycopg2; we ship psycopg 3
        url = url.set(drivername="postgresql+psycopg")
    location = url.render_as_string(hide_password=True)
    try:
        engine = create_engine(url, pool_pre_ping=True)
    except ImportError as exc:
        raise StoreError(
            f"cannot open {location}: the PostgreSQL driver is missing ({exc}); "
            "install it with: pip install 'storyweave[postgres]'"
        ) from exc
    try:
        migrate(engine, location)
    except OperationalError as exc:
        engine.dispose()
        raise StoreError(
            f"cannot connect to PostgreSQL at {location}: {str(exc.orig).strip()}. "
            "Check that the server is running and the URL's user, host, port and database are right."
        ) from exc
    except BaseException:
        engine.dispose()
        raise
    return SqlStore(engine, location)
