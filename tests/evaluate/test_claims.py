"""The ``eval claims`` contract: JSONL in, claims with chains, entities and quantities out, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyweave.evaluate._records import SkippedLines
from storyweave.evaluate.claims import run


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_writes_claims_entities_and_quantities_with_offsets(tmp_path: Path) -> None:
    text = (
        "Speaking to Radio Harbour, Colonel Ivo Brand said 40 rebels surrendered. "
        "Colonel Brand should resign, critics say. The harbour has over one thousand berths."
    )
    records = [{"id": "r1", "text": text, "published": "2024-03-01"}, {"id": 2, "text": "Storm"}]
    source = _write(tmp_path / "in.jsonl", [json.dumps(r) for r in records])
    assert run(source, tmp_path / "out.jsonl") == 2
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [o["id"] for o in out] == ["r1", 2]
    first = out[0]
    for claim in first["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]
        assert claim["type"] in {"fact", "opinion", "rhetoric"}
        assert claim["certainty"] in {"asserted", "reported", "hedged", "denied"}
        for link in claim["chain"]:
            assert text[link["start"] : link["end"]] == link["text"]
            assert set(link) <= {"start", "end", "text", "anonymous", "role"}  # the contract's keys only
    surrender = next(c for c in first["claims"] if "surrendered" in c["text"])
    assert [link.get("role") for link in surrender["chain"]] == ["outlet", "commander"]
    writer = next(c for c in first["claims"] if "berths" in c["text"])
    assert writer["chain"] == [] and writer["certainty"] == "asserted"
    assert any(q["value"] == 1000 and isinstance(q["vague"], bool) for q in first["quantities"])
    assert {"Ivo Brand", "Radio Harbour"} <= {e["name"] for e in first["entities"]}, first["entities"]
    for entity in first["entities"]:
        assert entity["name"] and all(isinstance(s, int) for m in entity["mentions"] for s in m)
    assert out[1]["claims"] == []


def test_bad_published_is_reported_with_path_and_line(tmp_path: Path) -> None:
    source = _write(tmp_path / "in.jsonl", [json.dumps({"id": "a", "text": "x", "published": "soon"})])
    with pytest.raises(ValueError, match=r"in\.jsonl:1: \"published\" is not a date"):
        run(source, tmp_path / "out.jsonl")
    assert not (tmp_path / "out.jsonl").exists()


def test_missing_text_is_reported_before_anything_is_written(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "a", "text": "Fine."}), json.dumps({"id": "b"})]
    source = _write(tmp_path / "in.jsonl", lines)
    with pytest.raises(ValueError, match=r"in\.jsonl:2"):
        run(source, tmp_path / "out.jsonl")
    assert not (tmp_path / "out.jsonl").exists()


def test_a_lone_surrogate_is_skipped_named_and_the_rest_written(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "The night ferry ran aground near the lighthouse."}),
        '{"id": "b", "text": "The pier \\ud800 collapsed at noon."}',
        json.dumps({"id": "c", "text": "The old mill burned down on Sunday evening."}),
    ]
    source = _write(tmp_path / "in.jsonl", lines)
    with pytest.raises(SkippedLines) as raised:
        run(source, tmp_path / "out.jsonl")
    assert raised.value.written == 2
    assert len(raised.value.lines) == 1 and "in.jsonl:2:" in raised.value.lines[0]
    out = [
        json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert out == ["a", "c"]
