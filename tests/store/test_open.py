"""open_store: the path and URL forms it takes, the SQLite settings it applies, the inputs it refuses."""

from __future__ import annotations

import re
import sqlite3
import threading
from pathlib import Path

import pytest

from storyweave.model import Article, content_id
from storyweave.store import DEFAULT_STORE_PATH, StoreError, open_store

ONE = Article(id=content_id("An invented line."), text="An invented line.", origin="fixture")


def _holds_one(db: Path) -> bool:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id FROM articles").fetchall() == [(ONE.id,)]


def test_no_argument_means_storyweave_sqlite_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store(None) as store:
        store.add_articles([ONE])
        assert store.location == str(tmp_path / DEFAULT_STORE_PATH)
    assert _holds_one(tmp_path / "storyweave.sqlite")


@pytest.mark.parametrize("form", ["str", "path", "relative-url", "absolute-url"])
def test_path_and_url_forms_name_the_same_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form: str
) -> None:
    monkeypatch.chdir(tmp_path)
    target = {
        "str": str(tmp_path / "s.db"),
        "path": tmp_path / "s.db",
        "relative-url": "sqlite:///s.db",
        "absolute-url": f"sqlite:///{tmp_path / 's.db'}",
    }[form]
    with open_store(target) as store:
        store.add_articles([ONE])
    assert _holds_one(tmp_path / "s.db")


def test_sqlite_runs_in_wal_with_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store, store._engine.connect() as conn:  # type: ignore[attr-defined]
        settings = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    assert settings == {"journal_mode": "wal", "synchronous": 1, "foreign_keys": 1, "busy_timeout": 30000}


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("sqlite://", "in-memory"),
        ("sqlite:///:memory:", "in-memory"),
        ("mysql://u@host/db", "unsupported database 'mysql'"),
        ("postgresql://nobody@127.0.0.1:1/none", "cannot connect to PostgreSQL at .*127.0.0.1:1"),
    ],
)
def test_unusable_urls_are_refused_with_a_reason(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(url)


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("These are my notes, not a database.\n")
    with pytest.raises(StoreError, match=rf"{re.escape(str(notes))} is not a SQLite database.*new file"):
        open_store(notes)
    assert notes.read_text() == "These are my notes, not a database.\n"


def test_a_damaged_sqlite_file_is_refused_with_what_to_do(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with open_store(db) as store:
        store.add_articles([ONE])
    data = bytearray(db.read_bytes())
    data[16:4096] = b"\xff" * (4096 - 16)  # keep the magic header, wreck the rest of page one
    db.write_bytes(bytes(data))
    with pytest.raises(StoreError, match=rf"{re.escape(str(db))} is damaged.*re-ingest"):
        open_store(db)


def test_someone_elses_sqlite_database_is_not_touched(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(StoreError, match=r"already holds tables \(recipes\).*not a storyweave store"):
        open_store(db)


def test_a_directory_or_a_missing_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        open_store(tmp_path)
    with pytest.raises(StoreError, match=r"directory .*nowhere does not exist"):
        open_store(tmp_path / "nowhere" / "s.db")


def test_switching_a_new_file_to_wal_waits_for_another_writer(tmp_path: Path) -> None:
    """SQLite fails the WAL switch at once, busy_timeout notwithstanding, while another connection is
    writing to a file still in rollback-journal mode (as when processes race to create one store)."""
    db = tmp_path / "s.db"
    writer = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    writer.execute("PRAGMA user_version = 1")  # creates the file, in rollback-journal mode
    writer.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, writer.execute, args=("COMMIT",))
    release.start()
    try:
        with open_store(db) as store:
            assert store.count_articles() == 0
    finally:
        release.join()
        writer.close()


@pytest.mark.parametrize("scheme", ["postgres://", "postgresql+psycopg://"])
def test_other_postgresql_url_spellings_reach_the_same_database(postgres_url: str, scheme: str) -> None:
    with open_store(postgres_url) as store:
        store.add_articles([ONE])
    with open_store(postgres_url.replace("postgresql://", scheme, 1)) as store:
        assert store.get_article(ONE.id) == ONE


def test_the_location_shown_in_messages_hides_the_password(postgres_url: str) -> None:
    if not postgres_url.startswith("postgresql://postgres@"):
        pytest.skip("needs the default trust-auth server, which accepts any password")
    with open_store(postgres_url.replace("postgres@", "postgres:s3cret@", 1)) as store:
        assert "s3cret" not in store.location and "***" in store.location


def test_sqlite_file_resolves_names_as_open_store_does(tmp_path, monkeypatch) -> None:
    from storyweave.store import sqlite_file

    monkeypatch.setenv("HOME", str(tmp_path))
    assert sqlite_file("~/news.sqlite") == tmp_path / "news.sqlite"
    assert sqlite_file(f"sqlite:///{tmp_path}/q.sqlite?timeout=5") == tmp_path / "q.sqlite"
    assert sqlite_file("postgresql://localhost/test") is None
    assert sqlite_file("sqlite://") is None
    assert sqlite_file("~nosuchuser-here/x.sqlite") is None  # open_store then says why, in one line
    assert sqlite_file("postgresql://u@h:notaport/db") is None
