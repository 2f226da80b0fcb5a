"""The README's first command on the shipped example corpus gives the briefs examples/README.md describes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyweave.cli import EXIT_OK, app
from storyweave.text.datelines import dateline_end

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "reports"
# The ground truth of examples/README.md: report origin (file, or file:line) → story.
TRUTH = {
    "kellhaven-courier-2026-02-11.txt": "A",
    "valley-wire-2026-02-11.txt": "A",
    "dunmere-evening-post-2026-02-12.txt": "A",
    "ardmoor-herald-2026-02-13.txt": "A",
    "tessfield-gazette-2026-05-18.txt": "B",
    "syndicated.jsonl:1": "B",
    "valley-wire-2026-03-22.txt": "C",
    "northshore-radio-2026-03-23.html": "C",
    "dunmere-evening-post-2026-03-23.txt": "C",
    "syndicated.jsonl:2": "C",
    "ardmoor-herald-2026-04-22.txt": "D",
    "syndicated.jsonl:3": "D",
}
JUNK = ("Share this article", "Image courtesy", "Sign up for our newsletter", "Advertisement", "Read more:")


@pytest.fixture(scope="module")
def briefs(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    out = tmp_path_factory.mktemp("briefs")
    result = CliRunner().invoke(app, ["brief", str(EXAMPLES), "-o", str(out), "-q"])
    assert result.exit_code == EXIT_OK, result.output
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert (out / "index.md").exists() and (out / "index.html").exists()
    loaded = []
    for row in index["stories"]:
        stem = Path(row["file"]).stem if "file" in row else None
        path = out / f"{stem}.json" if stem else next(out.glob(f"*{row['story_id'][:8]}.json"))
        loaded.append(json.loads(path.read_text(encoding="utf-8")))
        for ext in ("md", "html"):
            assert path.with_suffix(f".{ext}").exists()
    return loaded


def _name(origin: str) -> str:
    return origin.rsplit("/", 1)[-1]


def _stories_by_truth(briefs: list[dict]) -> dict[str, set[str]]:
    groups = {}
    for brief in briefs:
        names = {_name(s["origin"]) for s in brief["sources"]}
        for s in brief["sources"]:
            names |= {_name(o) for o in s.get("also_from", []) if o.endswith((".txt", ".html"))}
        labels = {TRUTH[n] for n in names if n in TRUTH}
        assert len(labels) == 1, f"brief {brief['headline']!r} mixes stories {labels}"
        groups[labels.pop()] = names
    return groups


def test_four_stories_and_same_kind_fires_stay_apart(briefs: list[dict]) -> None:
    assert len(briefs) == 4
    assert set(_stories_by_truth(briefs)) == {"A", "B", "C", "D"}


def test_near_duplicate_is_folded_and_both_outlets_credited(briefs: list[dict]) -> None:
    fire = next(b for b in briefs if b["first_published"] == "2026-02-11")
    assert len(fire["sources"]) == 3
    credited = [s for s in fire["sources"] if s.get("also_from")]
    assert len(credited) == 1
    outlets = {credited[0]["source"], *credited[0]["also_from"]}
    assert {"Valley Wire Service"} <= outlets or any("dunmere" in o.lower() for o in outlets)


def test_date_ranges_come_from_the_reports(briefs: list[dict]) -> None:
    ranges = {(b["first_published"], b["last_published"]) for b in briefs}
    assert ranges == {
        ("2026-02-11", "2026-02-13"),
        ("2026-05-18", "2026-05-19"),
        ("2026-03-22", "2026-03-24"),
        ("2026-04-22", "2026-04-23"),
    }


def test_every_sentence_is_cited_and_no_junk_or_repeats(briefs: list[dict]) -> None:
    for brief in briefs:
        numbers = {s["number"] for s in brief["sources"]}
        texts = [s["text"] for s in brief["summary"]]
        assert texts, brief["headline"]
        assert len(texts) == len(set(texts))
        for sentence in brief["summary"]:
            assert sentence["sources"] and set(sentence["sources"]) <= numbers
            assert not any(j.lower() in sentence["text"].lower() for j in JUNK), sentence["text"]
            assert re.search(r"[.!?][\"'”’)]?$", sentence["text"]), f"cut sentence: {sentence['text']!r}"
            assert dateline_end(sentence["text"]) == 0, f"wire header in summary: {sentence['text']!r}"
        assert sum(len(t.split()) for t in texts) <= 200 + 60


def test_a_sentence_backed_by_two_outlets_cites_both(briefs: list[dict]) -> None:
    assert any(len(s["sources"]) > 1 for b in briefs for s in b["summary"])
