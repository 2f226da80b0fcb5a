"""The project's canonical example: two reports on the same man fleeing, two events 2.5 years apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyweave.cli import EXIT_OK, app

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "data" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed reports not found at {SEEDS}")


def test_dated_seed_reports_are_two_stories_without_page_junk(tmp_path: Path) -> None:
    mosul, syria = sorted(SEEDS.glob("*.txt"))
    lines = [
        {"text": mosul.read_text(encoding="utf-8"), "published": "2017-03-08", "source": "seed-mosul"},
        {"text": syria.read_text(encoding="utf-8"), "published": "2014-08-23", "source": "seed-syria"},
    ]
    corpus = tmp_path / "seeds.jsonl"
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    out = tmp_path / "briefs"
    result = CliRunner().invoke(app, ["brief", str(corpus), "-o", str(out), "-q"])
    assert result.exit_code == EXIT_OK, result.output
    stories = json.loads((out / "index.json").read_text(encoding="utf-8"))["stories"]
    assert sorted(s["first_published"] for s in stories) == ["2014-08-23", "2017-03-08"]
    everything = "\n".join(p.read_text(encoding="utf-8") for p in out.glob("*.md"))
    for junk in ("Image courtesy of Reuters", "Clapping shows how much", "Show your support"):
        assert junk not in everything


def test_dated_seed_briefs_carry_chains_types_and_aliases(tmp_path: Path) -> None:
    mosul, syria = sorted(SEEDS.glob("*.txt"))
    lines = [
        {"text": mosul.read_text(encoding="utf-8"), "published": "2017-03-08", "source": "seed-mosul"},
        {"text": syria.read_text(encoding="utf-8"), "published": "2014-08-23", "source": "seed-syria"},
    ]
    corpus = tmp_path / "seeds.jsonl"
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    out = tmp_path / "briefs"
    result = CliRunner().invoke(app, ["brief", str(corpus), "-o", str(out), "-q", "--format", "json"])
    assert result.exit_code == EXIT_OK, result.output
    briefs = {
        brief["first_published"]: brief
        for brief in (json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json"))
        if "story_id" in brief
    }
    assert set(briefs) == {"2014-08-23", "2017-03-08"}
    for brief in briefs.values():
        links = [link for claim in brief["claims"] for link in claim["chain"]]
        assert any(link["anonymous"] for link in links), brief["claims"]  # both lean on unnamed sources
        assert {claim["type"] for claim in brief["claims"]} <= {"fact", "opinion", "rhetoric"}
        aliases = [set(entity["aliases"]) for entity in brief["entities"]]
        assert any("al-Baghdadi" in names and len(names) > 1 for names in aliases), aliases
    # The 2014 report relays named officials through outlets; the outlet is the outermost voice.
    syria_chains = [claim["chain"] for claim in briefs["2014-08-23"]["claims"] if len(claim["chain"]) > 1]
    assert any(chain[0].get("role") == "outlet" for chain in syria_chains), syria_chains
