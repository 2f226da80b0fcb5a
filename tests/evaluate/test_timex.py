"""The ``eval timex`` contract: JSONL in, TIMEX3 spans per record out, clear errors on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyweave.evaluate.timex import run


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_writes_offsets_types_and_values_in_input_order(tmp_path: Path) -> None:
    records = [
        {
            "id": "x2",
            "text": "The port reopened last month after two weeks of repairs.",
            "published": "2017-03-08",
        },
        {"id": 7, "text": "No time here.", "published": "2017-03-08"},
        {"id": "x3", "text": "It reopened last month.", "published": "2000-01-24T19:48"},
    ]
    source = _write(tmp_path / "in.jsonl", [json.dumps(r) for r in records])
    assert run(source, tmp_path / "out.jsonl") == 3
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [o["id"] for o in out] == ["x2", 7, "x3"]
    first = out[0]["timexes"]
    assert [(t["type"], t["value"]) for t in first] == [("DATE", "2017-02"), ("DURATION", "P2W")]
    assert records[0]["text"][first[0]["start"] : first[0]["end"]] == "last month"
    assert out[1]["timexes"] == []
    assert out[2]["timexes"][0]["value"] == "1999-12"


def test_missing_published_leaves_relative_dates_out(tmp_path: Path) -> None:
    source = _write(tmp_path / "in.jsonl", [json.dumps({"id": "a", "text": "It opened last month."})])
    run(source, tmp_path / "out.jsonl")
    assert json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))["timexes"] == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"text": "no id"}', '"id"'),
        ('{"id": 1, "text": "x", "published": "March 8"}', "not a date"),
    ],
)
def test_bad_lines_name_the_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    source = _write(tmp_path / "in.jsonl", ['{"id": 0, "text": "fine"}', line])
    with pytest.raises(ValueError, match=message) as error:
        run(source, tmp_path / "out.jsonl")
    assert "in.jsonl:2" in str(error.value)
    assert not (tmp_path / "out.jsonl").exists()
