"""A `storyweave ingest` killed with SIGKILL mid-run leaves a usable store; a re-run completes it exactly."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storyweave.store import open_store

REPORTS = 3000
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX signals")


def _corpus(path: Path) -> None:
    towns = ["Arvel", "Brisk", "Corran", "Dunmere", "Elsby", "Farrow", "Gellin", "Hoath"]
    with path.open("w", encoding="utf-8") as out:
        for i in range(REPORTS):
            town = towns[i % len(towns)]
            text = (
                f"Council of {town} meets for session {i}. Members of the {town} council voted {i % 7} to "
                f"{(i * 3) % 11} on a proposal numbered {i} about road repairs near the old mill. "
                f"The chair said the vote on item {i} would be reviewed next month."
            )
            out.write(json.dumps({"id": f"r{i}", "text": text, "published": "2025-01-01"}) + "\n")


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_sigkill_mid_ingest_then_rerun_completes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus)
    db = tmp_path / "store.sqlite"
    cmd = [sys.executable, "-m", "storyweave", "ingest", str(corpus), "--db", str(db), "-q"]
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while _stored(db) == 0 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.02)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    partial = _stored(db)
    assert 0 < partial <= REPORTS

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with open_store(db) as store:
        ids = [a.id for a in store.articles()]
        assert len(ids) == len(set(ids)) == REPORTS
        assert sum(len(s.articles) + sum(map(len, s.duplicates.values())) for s in store.stories()) == REPORTS
