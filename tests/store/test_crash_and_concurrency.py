"""Real processes against one SQLite file: SIGKILL mid-ingest, and two writers at once.

The child (``_ingest_child.py``) writes invented reports whose text starts with "Report N:", so these tests
can tell exactly which reports a store holds.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storyweave.store import open_store

CHILD = Path(__file__).with_name("_ingest_child.py")
TOTAL = 5000
BATCH = 50
CHUNK = 500  # reports per story replacement in the kill test
GROUP = 10  # reports per story (see _ingest_child.stories_for)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX signals"),
]


def _child(db: Path, first: int, stop: int, batch: int, *extra: str) -> subprocess.Popen[str]:
    command = [sys.executable, str(CHILD), str(db), str(first), str(stop), str(batch), *extra]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _stored_count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created yet, or tables not migrated yet
        return 0


def _index(text: str) -> int:
    found = re.match(r"Report (\d+):", text)
    assert found, text
    return int(found.group(1))


def _kill_when_count_reaches(db: Path, threshold: int) -> int:
    """Start an ingest of every report, SIGKILL it once the store holds ``threshold``; returns that count."""
    child = _child(db, 0, TOTAL, BATCH, "--stories", str(CHUNK))
    deadline = time.monotonic() + 60
    while (seen := _stored_count(db)) < threshold and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(child.pid, signal.SIGKILL)
    _, stderr = child.communicate()
    assert child.returncode == -signal.SIGKILL, f"the child ended before it could be killed:\n{stderr}"
    return seen


def _assert_whole_batches_only(db: Path) -> int:
    """The store opens, is intact, and holds a prefix of whole batches and one whole story assignment."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    with open_store(db) as store:
        indices = [_index(a.text) for a in store.articles()]
        stories = store.stories()
    assert indices == list(range(len(indices))), "articles are not a prefix of the ingest order"
    assert len(indices) % BATCH == 0, f"{len(indices)} articles is not a whole number of batches"
    covered = len(stories) * GROUP
    assert covered % CHUNK == 0 and covered <= len(indices), f"{len(stories)} stories is a partial assignment"
    for number, story in enumerate(stories):
        members = [_index(a.text) for a in story.articles]
        text_of = {a.id: a.text for a in story.articles}
        folded = {
            _index(text_of[k]): [_index(a.text) for a in copies] for k, copies in story.duplicates.items()
        }
        start = number * GROUP
        assert story.id == f"s{number}"
        assert members == list(range(start, start + GROUP - 1))
        assert folded == {start: [start + GROUP - 1]}
    return len(indices)


def test_sigkill_mid_ingest_keeps_whole_batches_and_a_rerun_completes_exactly(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    previous = 0
    for threshold in (1000, 3000):  # kill twice: the second run also recovers the first one's leftovers
        _kill_when_count_reaches(db, threshold)
        held = _assert_whole_batches_only(db)
        assert held >= previous
        assert held < TOTAL, "the child finished before the kill; the test proved nothing"
        previous = held

    rerun = _child(db, 0, TOTAL, BATCH, "--stories", str(CHUNK))
    stdout, stderr = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, stderr
    assert json.loads(stdout) == {"added": TOTAL - previous, "existing": previous}
    assert _assert_whole_batches_only(db) == TOTAL
    with open_store(db) as store:
        assert store.count_articles() == TOTAL
        assert len(store.stories()) == TOTAL // GROUP


def test_two_processes_ingesting_overlapping_reports_store_their_union_once(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"  # not created yet: both processes race to create and migrate it
    # The second runs backwards, so both reach the overlap (2000..2999) at about the same time.
    writers = [_child(db, 0, 3000, 40), _child(db, 2000, TOTAL, 70, "--reverse")]
    results = []
    for writer in writers:
        stdout, stderr = writer.communicate(timeout=120)
        assert writer.returncode == 0, stderr
        results.append(json.loads(stdout))
    assert sum(r["added"] for r in results) == TOTAL
    assert sum(r["existing"] for r in results) == 1000
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    with open_store(db) as store:
        indices = sorted(_index(a.text) for a in store.articles())
        assert store.count_articles() == TOTAL
    assert indices == list(range(TOTAL))
