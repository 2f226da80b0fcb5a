"""The `eval stance` contract: one {"id", "stance"} line per input line, in input order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyweave.evaluate.stance import run

CLAIM = "The Vellmark museum sold its bronze owl to a private collector"


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_writes_one_stance_per_input_line_in_order(tmp_path: Path) -> None:
    records = [
        {
            "id": "a",
            "claimHeadline": CLAIM,
            "articleHeadline": "Museum denies bronze owl sale, calls report a hoax",
        },
        {"id": 2, "claimHeadline": CLAIM, "articleHeadline": "Vellmark museum sells bronze owl to collector"},
        {"id": "c", "claimHeadline": CLAIM, "articleHeadline": "Museum reportedly may have sold bronze owl?"},
    ]
    source = _write(tmp_path / "in.jsonl", [json.dumps(r) for r in records] + [""])
    target = tmp_path / "out.jsonl"
    assert run(source, target) == 3
    out = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in out] == ["a", 2, "c"]
    assert [r["stance"] for r in out] == ["against", "for", "observing"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "in.jsonl:2: not valid JSON"),
        ('{"id": "b", "claimHeadline": "x"}', 'in.jsonl:2: expected an object with "id", a string "claim'),
        ('{"id": "a", "claimHeadline": "x", "articleHeadline": "y"}', "in.jsonl:2: id 'a' appears twice"),
    ],
)
def test_bad_lines_are_named_and_nothing_is_written(tmp_path: Path, line: str, message: str) -> None:
    good = json.dumps({"id": "a", "claimHeadline": CLAIM, "articleHeadline": "Owl sold"})
    source = _write(tmp_path / "in.jsonl", [good, line])
    target = tmp_path / "out.jsonl"
    with pytest.raises(ValueError, match=message):
        run(source, target)
    assert not target.exists()
