from __future__ import annotations

import json
from dataclasses import replace

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
        "summary_method",
        "sources",
        "claims",
        "conflicts",
        "timeline",
        "undated",
        "entities",
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


def test_every_section_round_trips_through_json_text(full_brief):
    text = render_json(full_brief)
    back = brief_from_dict(json.loads(text))
    assert back == full_brief
    assert back.conflicts[0].sides == (("six crews", (1,)), ("nine crews", (2, 3)))
    assert back.claims[1].hedges == ("reportedly", "may")


def test_sections_are_plain_data_with_stable_keys(full_brief):
    data = brief_to_dict(full_brief)
    assert data["claims"][0] == {
        "text": "The blaze started in the drying room.",
        "article_id": "art1",
        "source": "Fire chief Ann Lee",
        "cue": "said",
        "certainty": "asserted",
        "hedges": [],
        "supported_by": [1, 2],
        "contradicted_by": [3],
        "type": "fact",
        "chain": [],
        "quantities": [],
        "independent": 0,
    }
    assert data["claims"][4]["chain"] == [
        {"start": 0, "end": 13, "text": "Harbour Radio", "anonymous": False, "role": "outlet"},
        {"start": 22, "end": 25, "text": "she", "anonymous": True, "refers_to": "a firefighter"},
    ]
    assert data["claims"][4]["quantities"] == [
        {
            "start": 0,
            "end": 15,
            "text": "Over forty drums",
            "value": 40,
            "vague": False,
            "low": 40,
            "unit": "drums",
        }
    ]
    assert data["conflicts"][0]["sides"] == [
        {"value": "six crews", "sources": [1], "chain": []},
        {
            "value": "nine crews",
            "sources": [2, 3],
            "chain": [
                {"start": 10, "end": 22, "text": "fire service", "anonymous": False, "role": "officials"}
            ],
        },
    ]
    assert data["entities"][0] == {
        "name": "Marlow Cross Co-operative",
        "kind": "organization",
        "aliases": ["Marlow Cross Co-operative", "the co-op"],
        "mentions": [["art1", 4, 29, "Marlow Cross Co-operative"], ["art2", 0, 9, "the co-op"]],
    }
    assert data["timeline"][0] == {
        "when": "2025-10",
        "granularity": "month",
        "text": "The store was last inspected in October 2025.",
        "expression": "October 2025",
        "article_id": "art1",
        "sources": [1],
    }
    assert data["undated"][0]["when"] == "XXXX-XX-XX"


def test_briefs_stored_before_the_sections_existed_still_load(ordinary_brief):
    data = brief_to_dict(ordinary_brief)
    for key in ("claims", "conflicts", "timeline", "undated", "entities"):
        del data[key]
    back = brief_from_dict(data)
    assert back == ordinary_brief
    assert (back.claims, back.conflicts, back.timeline, back.undated) == ([], [], [], [])


def test_missing_key_inside_a_section_is_reported(full_brief):
    data = brief_to_dict(full_brief)
    del data["conflicts"][0]["sides"][1]["value"]
    with pytest.raises(ValueError, match="'value'"):
        brief_from_dict(data)


def test_dangling_section_citation_is_refused_when_writing(full_brief):
    full_brief.undated[0] = replace(full_brief.undated[0], sources=(12,))
    with pytest.raises(ValueError, match=r"undated entry 1 cites source\(s\) \[12\]"):
        render_json(full_brief)
