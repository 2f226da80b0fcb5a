"""Hostile inputs: each gives one clear failure naming the input, and the rest of the run goes on."""

from __future__ import annotations

import gzip
import os
import time

import pytest

from storyweave.ingest import ReadOptions, read_inputs
from storyweave.model import Document, InputFailure

GOOD = "The lighthouse keeper reported calm seas on Sunday."


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_empty_file(tmp_path, read, good):
    path = tmp_path / "empty.txt"
    path.touch()
    assert read(path, good) == [InputFailure(str(path), "empty file"), Document(GOOD, str(good))]


def test_whitespace_only_file_has_no_text(tmp_path, read_one):
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\n ", encoding="utf-8")
    assert read_one(path) == InputFailure(str(path), "no text found")


def test_huge_file_is_refused_without_reading_it(tmp_path, read, good):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200_000_000)  # sparse: no disk, no time
    started = time.perf_counter()
    records = read(path, good)
    assert time.perf_counter() - started < 1.0
    reason = "is 200 MB, over the 50 MB limit; raise it with --max-bytes"
    assert records == [InputFailure(str(path), reason), Document(GOOD, str(good))]


def test_size_limit_is_configurable(tmp_path, read_one, good):
    failure = read_one(good, max_bytes=10)
    assert failure == InputFailure(
        str(good), "is 51 bytes, over the 10 bytes limit; raise it with --max-bytes"
    )
    assert isinstance(read_one(good, max_bytes=51), Document)


def test_size_limit_applies_to_stdin_and_decompressed_data(tmp_path, read_one):
    too_long = "is more than 100 bytes, over the 100 bytes limit; raise it with --max-bytes"
    assert read_one("-", stdin=b"x" * 500, max_bytes=100) == InputFailure("<stdin>", too_long)
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 5000))
    expanded = "decompresses to more than 1.0 kB, over the 1.0 kB limit; raise it with --max-bytes"
    assert read_one(bomb, max_bytes=1000) == InputFailure(str(bomb), expanded)


def test_invalid_limit_is_a_clear_error():
    with pytest.raises(ValueError, match="max_bytes must be a positive number of bytes"):
        ReadOptions(max_bytes=0)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path, read, good):
    path = tmp_path / "secret.txt"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    reason = "permission denied; check the file's permissions"
    assert read(path, good) == [InputFailure(str(path), reason), Document(GOOD, str(good))]


def test_broken_gzip(tmp_path, read, good):
    truncated = tmp_path / "cut.jsonl.gz"
    truncated.write_bytes(gzip.compress(b'{"text": "A report."}\n' * 50)[:40])
    garbled = tmp_path / "garbled.txt.gz"
    garbled.write_bytes(b"\x1f\x8b\x08\x00" + b"not deflate data at all" * 3)
    records = read(truncated, garbled, good)
    assert records[0] == InputFailure(
        str(truncated), "broken gzip data: the archive is truncated; re-download or re-compress it"
    )
    assert records[1].origin == str(garbled)
    assert records[1].reason.startswith("broken gzip data (")
    assert records[2] == Document(GOOD, str(good))


def test_binary_among_text_files(tmp_path, read, good):
    image = tmp_path / "photo.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert read(tmp_path) == [
        Document(GOOD, str(good)),
        InputFailure(str(image), "looks binary (PNG image?); skipped"),
    ]


def test_ten_thousand_tiny_files_are_fast(tmp_path):
    for index in range(10_000):
        (tmp_path / f"{index:05d}.txt").write_text(f"Report number {index}.", encoding="utf-8")
    started = time.perf_counter()
    records = list(read_inputs([str(tmp_path)]))
    elapsed = time.perf_counter() - started
    assert len(records) == 10_000
    assert all(isinstance(r, Document) for r in records)
    assert records[0].text == "Report number 0." and records[-1].text == "Report number 9999."
    assert elapsed < 30, f"{elapsed:.1f} s for 10,000 files"


def test_reader_crash_costs_only_that_input(tmp_path, read, good):
    class ExplodingReader:
        name = "exploding"
        suffixes = frozenset({".boom"})

        def sniff(self, source):
            return False

        def read(self, source, options):
            raise RuntimeError("parser fell over")

    from storyweave.ingest import DEFAULT_READERS

    path = tmp_path / "x.boom"
    path.write_text("anything", encoding="utf-8")
    records = read(path, good, readers=(ExplodingReader(), *DEFAULT_READERS))
    reason = "could not be read: unexpected RuntimeError (parser fell over); skipped"
    assert records == [InputFailure(str(path), reason), Document(GOOD, str(good))]


def test_a_json_key_or_file_name_cannot_forge_lines_or_break_the_store(tmp_path, read):
    from storyweave.store import AddResult, open_store

    path = tmp_path / "keys.jsonl"
    path.write_text('{"\\u001b[2J\\nskipped x: fine": 1, "\\ud800": 2}\n', encoding="utf-8")
    (failure,) = [item for item in read(path) if isinstance(item, InputFailure)]
    assert "\x1b" not in str(failure) and "\n" not in str(failure) and "\\x1b" in failure.reason
    str(failure).encode("utf-8")  # no lone surrogate left: printable and storable
    assert InputFailure("bad\udcff.txt", "empty").origin == "bad\\xff.txt"
    with open_store(tmp_path / "s.sqlite") as store:
        run = store.start_run()
        store.finish_run(run, AddResult(added=0, existing=0), [failure])
