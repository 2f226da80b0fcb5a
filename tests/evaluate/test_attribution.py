"""The ``eval attribution`` contract: JSON Lines in, one line out per input, offsets into the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyweave.evaluate.attribution import run


def _write(path: Path, rows: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_writes_one_record_per_input_in_order(tmp_path: Path) -> None:
    texts = {
        7: "The mayor said the bridge would reopen in June.",
        "b": "Snow fell overnight.",
        "c": "Officials denied that the dam had been damaged, according to the state broadcaster.",
    }
    source = _write(tmp_path / "in.jsonl", [{"id": k, "text": t} for k, t in texts.items()])
    target = tmp_path / "out.jsonl"
    assert run(source, target) == 3
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [7, "b", "c"]
    assert rows[1]["attributions"] == []
    first = rows[0]["attributions"]
    assert first and first[0]["cue"] and first[0]["content"]
    for row in rows:
        text = texts[row["id"]]
        for attribution in row["attributions"]:
            s, e = attribution["content"]
            assert 0 <= s < e <= len(text)
            assert attribution["source"] is None or len(attribution["source"]) == 2
            assert "hedge" not in attribution or isinstance(attribution["hedge"], str)
    assert any(a.get("certainty") == "denied" and a.get("hedge") for a in rows[2]["attributions"])


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "not valid JSON"),
        ('{"id": 1}', 'string "text"'),
        ('["id", "text"]', 'string "text"'),
    ],
)
def test_malformed_lines_are_named_and_nothing_is_written(tmp_path: Path, line: str, message: str) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 0, "text": "ok"}\n' + line + "\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    with pytest.raises(ValueError, match=message) as error:
        run(source, target)
    assert "in.jsonl:2" in str(error.value)
    assert not target.exists()


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    source = _write(tmp_path / "in.jsonl", [{"id": 1, "text": "a"}, {"id": 1, "text": "b"}])
    with pytest.raises(ValueError, match="appears twice"):
        run(source, tmp_path / "out.jsonl")
