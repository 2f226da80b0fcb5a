"""Turning what the user typed into sources: files, directories, globs, stdin, and what matches nothing."""

from __future__ import annotations

import json
import os

import pytest

from storyweave.model import Document, InputFailure


def _tree(root, files):
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _origins(records):
    return [r.origin for r in records]


@pytest.fixture
def tree(tmp_path):
    _tree(
        tmp_path,
        {
            "b.txt": "Bee report.",
            "a/z.txt": "Zed report.",
            "a/c/d.txt": "Dee report.",
            "a/e.txt": "Eee report.",
            ".hidden.txt": "Hidden report.",
            ".git/config.txt": "Hidden directory.",
            "a/notes.md": "Markdown report.",
        },
    )
    return tmp_path


def test_directory_walk_is_recursive_sorted_and_skips_hidden(tree, read):
    assert _origins(read(tree)) == [
        str(tree / "a/c/d.txt"),
        str(tree / "a/e.txt"),
        str(tree / "a/notes.md"),
        str(tree / "a/z.txt"),
        str(tree / "b.txt"),
    ]


def test_hidden_file_named_explicitly_is_read(tree, read_one):
    assert read_one(tree / ".hidden.txt").text == "Hidden report."


def test_glob_patterns(tree, read, monkeypatch):
    assert _origins(read(f"{tree}/a/*.txt")) == [str(tree / "a/e.txt"), str(tree / "a/z.txt")]
    assert _origins(read(f"{tree}/**/d.txt")) == [str(tree / "a/c/d.txt")]
    assert _origins(read(f"{tree}/**/[bd].txt")) == [str(tree / "a/c/d.txt"), str(tree / "b.txt")]
    assert _origins(read(f"{tree}/a/?")) == [str(tree / "a/c/d.txt")]  # a matched directory is walked
    monkeypatch.chdir(tree)
    assert _origins(read("*.txt")) == ["b.txt"]  # relative patterns give relative origins


def test_inputs_that_name_nothing(tmp_path, read):
    missing = tmp_path / "missing.txt"
    pattern = f"{tmp_path}/*.nothing"
    assert read(missing, pattern) == [
        InputFailure(str(missing), "no such file or directory"),
        InputFailure(pattern, "glob matched nothing"),
    ]


def test_each_file_is_read_once_however_often_it_is_named(tree, read):
    records = read(tree / "b.txt", tree, f"{tree}/*.txt")
    assert _origins(records).count(str(tree / "b.txt")) == 1
    assert len(records) == 5


def test_symlink_loops_end_and_broken_links_are_reported(tmp_path, read):
    _tree(tmp_path, {"news/a.txt": "Ay report.", "news/deep/b.txt": "Bee report."})
    os.symlink(tmp_path / "news", tmp_path / "news/deep/loop")
    os.symlink(tmp_path / "news", tmp_path / "news/deep/loop2")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "news/dangling.txt")
    records = read(tmp_path / "news")
    assert [r.text for r in records if isinstance(r, Document)] == ["Ay report.", "Bee report."]
    assert [r for r in records if isinstance(r, InputFailure)] == [
        InputFailure(
            str(tmp_path / "news/dangling.txt"), "broken symbolic link (its target does not exist); skipped"
        )
    ]
    # The same loops under a recursive glob: still each file once, and quickly.
    globbed = read(f"{tmp_path}/news/**/*.txt")
    assert [r.text for r in globbed if isinstance(r, Document)] == ["Ay report.", "Bee report."]


def test_stdin_plain_text(read_one):
    doc = read_one("-", stdin=b"Ferry returns\n\nThe ferry sailed at dawn.")
    assert doc == Document("The ferry sailed at dawn.", "<stdin>", title="Ferry returns")


def test_stdin_json_lines_are_sniffed(read):
    lines = "\n".join(json.dumps({"text": t}) for t in ("One.", "Two.")).encode()
    assert [(r.origin, r.text) for r in read("-", stdin=lines)] == [
        ("<stdin>:1", "One."),
        ("<stdin>:2", "Two."),
    ]


def test_stdin_is_read_once(read):
    records = read("-", "-", stdin=b"A report.")
    assert records == [
        Document("A report.", "<stdin>"),
        InputFailure("<stdin>", "standard input was already read; pass '-' only once"),
    ]


def test_empty_stdin(read_one):
    assert read_one("-", stdin=b"") == InputFailure("<stdin>", "empty file")


def test_url_without_a_reader_is_one_failure(read_one):
    failure = read_one("ftp://example.org/news/1")
    assert failure == InputFailure("ftp://example.org/news/1", "no reader for this kind of input; skipped")


def test_reading_is_lazy(tmp_path):
    from storyweave.ingest import read_inputs

    records = read_inputs([str(tmp_path / "missing.txt"), "-"], stdin=None)
    first = next(records)  # stdin (the test runner's) is not touched until its turn
    assert first == InputFailure(str(tmp_path / "missing.txt"), "no such file or directory")
