"""`--fast-attribution`: briefs written without ever loading the sentence encoder, claims still found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyweave.claims.attribution import _contextual
from storyweave.cli import EXIT_OK, app

REPORT = """Harbour crane collapses in Velmora

VELMORA, June 3, 2025 — A container crane collapsed at the port of Velmora on Tuesday, injuring four
dock workers, the port authority said. Port director Anika Sorel said the crane had passed an inspection
in April.
"""


def _encoder_must_not_load() -> None:
    raise AssertionError("the encoder was loaded although --fast-attribution was given")


def test_fast_attribution_never_loads_the_encoder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    monkeypatch.setattr(_contextual, "token_encoder", _encoder_must_not_load)
    out = tmp_path / "briefs"
    result = CliRunner().invoke(
        app, ["brief", str(tmp_path / "a.txt"), "-o", str(out), "--quiet", "--fast-attribution"]
    )
    assert result.exit_code == EXIT_OK, result.output
    (brief,) = [p for p in out.glob("*.json") if p.name != "index.json"]
    claims = json.loads(brief.read_text(encoding="utf-8"))["claims"]
    assert any("passed an inspection" in c["text"] for c in claims), claims


def test_without_the_flag_the_brief_asks_for_the_encoder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    calls = []

    def counted() -> None:
        calls.append(1)
        raise _contextual.EncoderUnavailable("test: counted and refused")

    monkeypatch.setattr(_contextual, "token_encoder", counted)
    _contextual._warn_once.cache_clear()
    result = CliRunner().invoke(app, ["brief", str(tmp_path / "a.txt"), "-o", str(tmp_path / "b"), "--quiet"])
    assert result.exit_code == EXIT_OK, result.output
    assert calls  # asked, refused, and fell back to the word-feature taggers
