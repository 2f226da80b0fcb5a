"""Every evaluation contract of DESIGN.md is reachable as `storyweave eval NAME --input --output`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyweave.cli import app

TEXT = "Officials said on Friday that the bridge would reopen next month, according to the city."
CASES = {
    "summarize": (
        {"id": "g1", "documents": [TEXT + " The repairs cost 3 million crowns.", TEXT]},
        ["--words", "40"],
        lambda out: out["sentences"] and all(s["sources"] for s in out["sentences"]),
    ),
    "cluster": ({"id": "d1", "text": TEXT, "published": "2024-05-03"}, [], lambda out: "story" in out),
    "timex": (
        {"id": "d1", "text": TEXT, "published": "2024-05-05"},
        [],
        lambda out: {"2024-05-03", "2024-06"} <= {t["value"] for t in out["timexes"]},
    ),
    "stance": (
        {
            "id": "p1",
            "claimHeadline": "Bridge to reopen",
            "articleHeadline": "City denies bridge will reopen",
        },
        [],
        lambda out: out["stance"] in {"for", "against", "observing"},
    ),
    "attribution": ({"id": "d1", "text": TEXT}, [], lambda out: out["attributions"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_contract_command(tmp_path: Path, name: str) -> None:
    record, options, check = CASES[name]
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["eval", name, "--input", str(source), "--output", str(target), *options]
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == [record["id"]]
    assert check(lines[0]), lines[0]


def test_claims_contract_command(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    text = "A spokesman for the army said 30 soldiers were killed."
    record = {"id": "c1", "text": text, "published": "2024-05-05"}
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "claims", "--input", str(source), "--output", str(target)])
    assert result.exit_code == 0, result.output
    line = json.loads(target.read_text(encoding="utf-8"))
    assert line["id"] == "c1" and set(line) == {"id", "claims", "entities", "quantities"}
    claim = next(c for c in line["claims"] if "soldiers" in c["text"])
    assert claim["type"] == "fact" and claim["certainty"] == "reported"
    chain = [(link["text"], link["anonymous"]) for link in claim["chain"]]
    assert chain == [("A spokesman for the army", True)]
    assert any(q["value"] == 30 for q in line["quantities"])


@pytest.mark.parametrize("name", ["claims", "attribution"])
def test_a_lone_surrogate_line_is_named_skipped_and_the_run_fails(tmp_path: Path, name: str) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "The night ferry ran aground near the lighthouse."}),
        '{"id": "b", "text": "The pier \\ud800 collapsed at noon."}',
        json.dumps({"id": "c", "text": "Officials said the channel would reopen soon."}),
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", name, "--input", str(source), "--output", str(target)])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "in.jsonl:2:" in errors[0] and "surrogate" in errors[0]
    assert "Traceback" not in result.output
    written = [json.loads(line)["id"] for line in target.read_text(encoding="utf-8").splitlines()]
    assert written == ["a", "c"]


def test_a_malformed_line_is_one_error_line_and_nothing_is_written(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "Fine."}) + '\n{"id": "b"}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "claims", "--input", str(source), "--output", str(target)])
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if line.startswith("error:")] == [
        f'error: {source}:2: expected an object with "id" and a string "text"'
    ]
    assert not target.exists()


def test_eval_names_an_input_that_is_not_utf8_and_an_output_it_cannot_write(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"id": "1", "text": "caf\xe9", "published": "2020-01-01"}\n')
    result = CliRunner().invoke(app, ["eval", "timex", "--input", str(bad), "--output", str(tmp_path / "o")])
    assert result.exit_code == 1 and "bad.jsonl: byte" in result.output and "Traceback" not in result.output
    good = tmp_path / "good.jsonl"
    good.write_text('{"id": "1", "text": "today", "published": "2020-01-01"}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "timex", "--input", str(good), "--output", str(tmp_path)])
    assert result.exit_code == 2 and "cannot write" in result.output
