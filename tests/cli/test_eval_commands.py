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
