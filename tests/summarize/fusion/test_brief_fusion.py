"""Fusion inside a brief: off by default, used when asked, and never at the cost of the brief."""

from __future__ import annotations

import json
import re
from datetime import date

from typer.testing import CliRunner

from storyweave.briefing import BriefOptions, build_brief
from storyweave.cli import app
from storyweave.model import Article, Story
from storyweave.render import render_markdown
from storyweave.render._json import brief_from_dict, brief_to_dict
from storyweave.summarize.fusion import FusionSettings

from ..conftest import FERRY_COURIER, FERRY_GAZETTE, FERRY_HERALD
from .conftest import completion

STORY = Story(
    "ferry",
    [
        Article("g", FERRY_GAZETTE, "gazette.txt", source="Gazette", published=date(2026, 3, 3)),
        Article("c", FERRY_COURIER, "courier.txt", source="Courier", published=date(2026, 3, 3)),
        Article("h", FERRY_HERALD, "herald.txt", source="Herald", published=date(2026, 3, 4)),
    ],
)


def first_sentence_trimmed(body: dict, headers: dict) -> tuple[int, str]:
    """A 'model' that keeps sentence 1 minus its last word or two, and invents one figure."""
    first = re.search(r"^\[1\] (.+)$", body["messages"][-1]["content"], re.MULTILINE)[1]
    kept = " ".join(first.split()[:-2]).rstrip(",") + "."
    sentences = [{"text": kept, "cites": [1]}, {"text": "Officials counted 99 missing.", "cites": [1]}]
    return 200, completion(json.dumps({"sentences": sentences}))


def test_without_settings_the_brief_is_extractive_and_asks_nobody() -> None:
    brief = build_brief(STORY)
    assert brief.summary_method == "extractive"
    assert "Summary:" not in render_markdown(brief)


def test_with_an_endpoint_the_summary_is_fused_checked_and_says_so(chat_server) -> None:
    server = chat_server(first_sentence_trimmed)
    extractive = build_brief(STORY)
    brief = build_brief(STORY, BriefOptions(fusion=FusionSettings(server.endpoint, "tiny")))
    assert len(brief.summary) == 1
    assert extractive.summary[0].text.startswith(brief.summary[0].text[:-1])
    assert brief.summary[0].sources == extractive.summary[0].sources
    assert brief.summary_method.startswith("fused by tiny at http://127.0.0.1:")
    assert "1 of 2" in brief.summary_method
    assert "fused by tiny" in render_markdown(brief)
    assert brief_from_dict(brief_to_dict(brief)).summary_method == brief.summary_method


def test_a_failing_endpoint_leaves_the_extractive_summary_and_the_reason(chat_server) -> None:
    server = chat_server(lambda body, headers: (404, '{"error": "no such model"}'))
    brief = build_brief(STORY, BriefOptions(fusion=FusionSettings(server.endpoint, "missing")))
    assert brief.summary == build_brief(STORY).summary
    assert brief.summary_method.startswith("extractive: fusion failed (")
    assert "HTTP 404" in brief.summary_method


def test_the_cli_refuses_half_a_fusion_setting(tmp_path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(FERRY_HERALD, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["brief", str(report), "-o", str(tmp_path / "out"), "--fusion-model", "m"]
    )
    assert result.exit_code == 2
    assert "--fusion-endpoint and --fusion-model go together" in result.output
