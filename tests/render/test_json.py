from __future__ import annotations

import json

import pytest

from storyweave.render import FORMAT_VERSION, brief_from_dict, brief_to_dict, render_json


def test_round_trip_through_json_text(ordinary_brief):
    text = render_json(ordinary_brief)
    assert brief_from_dict(json.loads(text)) == ordinary_brief


def test_hostile_and_non_ascii_text_round_trips_unchanged(hostile_brief):
    hostile_brief.headline += " — Zürich 北京"
    text = render_json(hostile_brief)
    assert "Zürich 北京" in text  # ensure_ascii=False: readable, not \\u escapes
    assert brief_from_dict(json.loads(text)) == hostile_brief


def test_dates_are_iso_and_keys_stable(ordinary_brief):
    data = brief_to_dict(ordinary_brief)
    assert list(data) == [
        "version",
        "story_id",
        "headline",
        "first_published",
        "last_published",
        "words",
        "summary",
        "sources",
    ]
    assert data["version"] == FORMAT_VERSION
    assert data["first_published"] == "2026-03-04"
    assert data["sources"][1]["published"] == "2026-03-05"
    assert data["sources"][2]["published"] is None
    assert data["sources"][1]["also_from"] == ["Ridge Daily", "valley  post"]
    assert data["words"] == ordinary_brief.words
    json.dumps(data)  # plain data only: no dates, tuples or dataclasses left


def test_unknown_version_is_refused(ordinary_brief):
    data = brief_to_dict(ordinary_brief) | {"version": 99}
    with pytest.raises(ValueError, match="version 99"):
        brief_from_dict(data)


def test_bad_date_names_the_field(ordinary_brief):
    data = brief_to_dict(ordinary_brief)
    data["sources"][0]["published"] = "4 March"
    with pytest.raises(ValueError, match=r"sources\[0\]\.published.*'4 March'"):
        brief_from_dict(data)


def test_missing_key_is_reported(ordinary_brief):
    data = brief_to_dict(ordinary_brief)
    del data["headline"]
    with pytest.raises(ValueError, match="'headline'"):
        brief_from_dict(data)
