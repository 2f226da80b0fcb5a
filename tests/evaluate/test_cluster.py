"""The `eval cluster` contract: one {"id", "story"} line per input line, in input order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyweave.evaluate.cluster import run

STRIKE = "Bakery workers at the Lindqvist plant in Ostberg walked out on Monday over pay, the union said."
COMET = "Astronomers at the Keldan observatory reported a bright comet visible to the naked eye after sunset."


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_writes_one_story_per_input_line_in_order(tmp_path: Path) -> None:
    records = [
        {"id": "s1", "text": STRIKE, "title": "Bakery strike", "published": "2030-01-07"},
        {"id": 2, "text": COMET},
        {"id": "s3", "text": STRIKE, "published": "2030-01-08T10:00:00"},
    ]
    source = _write(tmp_path / "in.jsonl", [json.dumps(r) for r in records] + [""])
    target = tmp_path / "out.jsonl"
    assert run(source, target) == 3
    out = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in out] == ["s1", 2, "s3"]
    assert out[0]["story"] == out[2]["story"] != out[1]["story"]
    assert all(isinstance(r["story"], int) for r in out)


def test_named_clusterer_is_used(tmp_path: Path) -> None:
    source = _write(tmp_path / "in.jsonl", [json.dumps({"id": "a", "text": STRIKE})])
    assert run(source, tmp_path / "out.jsonl", clusterer="tfidf-agglomerative") == 1
    with pytest.raises(ValueError, match="unknown clusterer"):
        run(source, tmp_path / "out.jsonl", clusterer="nope")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "in.jsonl:2: not valid JSON"),
        ('{"id": "b"}', 'in.jsonl:2: expected an object with "id" and a string "text"'),
        ('{"id": "a", "text": "again"}', "in.jsonl:2: id 'a' appears twice"),
        ('{"id": "b", "text": "x", "published": "last week"}', 'in.jsonl:2: "published" is not a date'),
    ],
)
def test_bad_lines_are_named(tmp_path: Path, line: str, message: str) -> None:
    source = _write(tmp_path / "in.jsonl", [json.dumps({"id": "a", "text": STRIKE}), line])
    with pytest.raises(ValueError, match=message):
        run(source, tmp_path / "out.jsonl")
