from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyweave.model import Brief
from storyweave.render import brief_stem, write_briefs

_SAFE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {f"{dev}{i}" for dev in ("com", "lpt") for i in range(10)}


def _brief(headline: str, story_id: str) -> Brief:
    return Brief(story_id, headline, None, None, [], [])


@settings(max_examples=300, deadline=None)
@given(headline=st.text(max_size=400), story_id=st.text(max_size=60))
def test_any_headline_gives_a_portable_name(headline, story_id):
    stem = brief_stem(_brief(headline, story_id))
    assert _SAFE_NAME.fullmatch(stem), stem
    assert len(stem) <= 80
    assert stem.split(".")[0] not in _WINDOWS_RESERVED


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(headline=st.text(max_size=200), story_id=st.text(max_size=30))
def test_any_headline_is_written_inside_out_dir(tmp_path, headline, story_id):
    out_dir = tmp_path / "out"
    paths = write_briefs([_brief(headline, story_id)], out_dir, formats=("md",))
    root = out_dir.resolve()
    for path in paths:
        assert path.resolve().parent == root
        assert path.is_file()


def test_writes_each_format_and_indexes(ordinary_brief, tmp_path):
    second = replace(ordinary_brief, story_id="ffff0000", headline="Ferry runs aground off Tesby")
    paths = write_briefs([ordinary_brief, second], tmp_path)
    names = [p.name for p in paths]
    assert names == [
        "fire-destroys-grain-store-in-marlow-cross-a1b2c3d4.md",
        "ferry-runs-aground-off-tesby-ffff0000.md",
        "fire-destroys-grain-store-in-marlow-cross-a1b2c3d4.html",
        "ferry-runs-aground-off-tesby-ffff0000.html",
        "fire-destroys-grain-store-in-marlow-cross-a1b2c3d4.json",
        "ferry-runs-aground-off-tesby-ffff0000.json",
        "index.md",
        "index.html",
        "index.json",
    ]
    index_md = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert (
        "| [Fire destroys grain store in Marlow Cross](fire-destroys-grain-store-in-marlow-cross-a1b2c3d4.md)"
        " | 2026-03-04 – 2026-03-06 | 3 | 3 | 23 words / 5 reports |"
    ) in index_md
    index_html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'href="ferry-runs-aground-off-tesby-ffff0000.html"' in index_html
    index = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    assert index["stories"][0] == {
        "story_id": ordinary_brief.story_id,
        "headline": ordinary_brief.headline,
        "file": "fire-destroys-grain-store-in-marlow-cross-a1b2c3d4.json",
        "first_published": "2026-03-04",
        "last_published": "2026-03-06",
        "sources": 3,
        "outlets": 3,
        "words": 23,
        "reports": 5,
    }
    assert not list(tmp_path.glob(".tmp-*"))


def test_index_links_only_to_pages_of_its_own_format(ordinary_brief, tmp_path):
    write_briefs([ordinary_brief], tmp_path, formats=["html"])
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".storyweave-written") == [
        "fire-destroys-grain-store-in-marlow-cross-a1b2c3d4.html",
        "index.html",
    ]


def test_briefs_sharing_a_name_do_not_overwrite_each_other(ordinary_brief, tmp_path):
    twin = replace(ordinary_brief, story_id=ordinary_brief.story_id + "-other")
    paths = write_briefs([ordinary_brief, twin], tmp_path, formats=("json",))
    assert [p.name for p in paths[:2]] == [
        "fire-destroys-grain-store-in-marlow-cross-a1b2c3d4.json",
        "fire-destroys-grain-store-in-marlow-cross-a1b2c3d4-2.json",
    ]
    assert json.loads(paths[1].read_text(encoding="utf-8"))["story_id"] == twin.story_id


def test_unknown_format_names_it_and_the_known_ones(ordinary_brief, tmp_path):
    with pytest.raises(ValueError, match=r"unknown output format 'pdf'; known formats: html, json, md"):
        write_briefs([ordinary_brief], tmp_path / "out", formats=("md", "pdf"))
    assert not (tmp_path / "out").exists()  # nothing half-written


def test_a_bad_brief_leaves_the_folder_untouched(ordinary_brief, tmp_path):
    broken = replace(ordinary_brief, sources=[])
    with pytest.raises(ValueError, match="cites source"):
        write_briefs([ordinary_brief, broken], tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_comma_separated_formats_and_no_stories(tmp_path: Path):
    paths = write_briefs([], tmp_path, formats="md, json")
    assert [p.name for p in paths] == ["index.md", "index.json"]
    assert "No stories" in paths[0].read_text(encoding="utf-8")
    assert json.loads(paths[1].read_text(encoding="utf-8"))["stories"] == []


def test_no_format_is_a_clear_error(ordinary_brief, tmp_path):
    with pytest.raises(ValueError, match="no output format"):
        write_briefs([ordinary_brief], tmp_path, formats=())


def test_a_rerun_removes_the_pages_and_indexes_only_the_earlier_run_wrote(ordinary_brief, tmp_path):
    grown = replace(ordinary_brief, story_id="ffff0000")  # the story grew: new id, new page
    write_briefs([ordinary_brief], tmp_path)
    (tmp_path / "my-notes.md").write_text("kept", encoding="utf-8")
    write_briefs([grown], tmp_path, formats="md")
    names = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert names == ["fire-destroys-grain-store-in-marlow-cross-ffff0000.md", "index.md", "my-notes.md"]
