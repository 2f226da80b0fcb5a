"""Plain text: a title only when the first line is one, a date only when the text states it."""

from __future__ import annotations

from datetime import date

import pytest

from storyweave.ingest._plaintext import split_title
from storyweave.model import Document

BODY = (
    "The harbour authority said on Tuesday that the ferry would resume service next week.\n\n"
    "Engineers replaced a cracked propeller shaft, a spokeswoman said."
)


def test_short_first_line_before_a_blank_line_is_the_title(tmp_path, read_one):
    path = tmp_path / "ferry.txt"
    path.write_text("Ferry returns to the island\n\n" + BODY, encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert doc.title == "Ferry returns to the island"
    assert doc.text == BODY
    assert doc.origin == str(path)
    assert doc.published is None  # no date in the text: none invented


def test_first_sentence_is_not_taken_for_a_title(tmp_path, read_one):
    text = "According to port officials, the ferry will sail again on Monday.\n\n" + BODY
    path = tmp_path / "lead.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_one(path)
    assert doc.title is None
    assert doc.text == text


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        (
            "Talks resume in Washington, D.C.",
            "Talks resume in Washington, D.C.",
        ),  # abbreviation, not a sentence
        ("Will the ferry sail again?", "Will the ferry sail again?"),
        ("Ferry   returns  ", "Ferry returns"),
        ("BAGHDAD, March 8, 2017 — Officials said", None),  # a dateline opens the body
        ("Published: 8 March 2017", None),
        ("By Jane Moreau", None),
        ("The council voted as follows:", None),
        ("x" * 200, None),  # too long to be a headline
    ],
)
def test_title_rules_with_a_blank_line_after(first_line, title):
    assert split_title(f"{first_line}\n\n{BODY}")[0] == title


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ("Ferry Returns to the Island", "Ferry Returns to the Island"),  # Title Case heading
        ("FERRY RETURNS", "FERRY RETURNS"),
        ("ferry returns to the island after repairs", None),  # could be a broken sentence
        ("Ferry Returns to the Island!", None),
    ],
)
def test_without_a_blank_line_only_a_clear_heading_is_a_title(first_line, title):
    assert split_title(f"{first_line}\n{BODY}")[0] == title


def test_single_line_text_has_no_title():
    assert split_title("Ferry returns\n") == (None, "Ferry returns\n")


@pytest.mark.parametrize(
    ("top", "published"),
    [
        ("BAGHDAD, March 8, 2017 — Iraqi officials said", date(2017, 3, 8)),
        ("MOSUL, Iraq (Reuters), 8 March 2017 - Officials said", date(2017, 3, 8)),
        ("WASHINGTON (Reuters) - Officials said", None),  # a dateline without a date
        ("KELLHAVEN, Feb. 11, 2026 (Valley Wire Service) – Two were hurt", date(2026, 2, 11)),
        ("Published: 8 March 2017", date(2017, 3, 8)),
        ("Posted on 2017-03-08 by the news desk", date(2017, 3, 8)),
        ("Updated Mar. 8, 2017 10:02 a.m. ET", date(2017, 3, 8)),
        ("Published Wednesday, March 8th, 2017", date(2017, 3, 8)),
        ("Posted on 03/08/2017", None),  # March or August: ambiguous, so unknown
        ("Posted on February 30, 2017", None),  # impossible
    ],
)
def test_date_comes_from_the_top_of_the_text(tmp_path, read_one, top, published):
    path = tmp_path / "dated.txt"
    path.write_text(f"Ferry returns to the island\n\n{top}\n\n{BODY}", encoding="utf-8")
    assert read_one(path).published == published


def test_published_line_beats_updated_line(tmp_path, read_one):
    path = tmp_path / "both.txt"
    path.write_text(f"Updated March 9, 2017\nPublished March 8, 2017\n\n{BODY}", encoding="utf-8")
    assert read_one(path).published == date(2017, 3, 8)


def test_a_date_deep_in_the_body_is_not_the_publication_date(tmp_path, read_one):
    path = tmp_path / "deep.txt"
    filler = "The committee met again and again to discuss the matter at length.\n\n" * 60
    path.write_text(f"{BODY}\n\n{filler}Published: 8 March 2017\n", encoding="utf-8")
    assert read_one(path).published is None


def test_unknown_extension_is_read_as_text(tmp_path, read_one):
    path = tmp_path / "REPORT"
    path.write_text(BODY, encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert doc.text == BODY


def test_title_then_published_line_then_byline_is_metadata(tmp_path, read_one):
    path = tmp_path / "courier.txt"
    path.write_text(
        "Fire guts harbour warehouse\nPublished: 2026-02-11\n\nBy Mara Quill, Kellhaven Courier\n\n" + BODY,
        encoding="utf-8",
    )
    doc = read_one(path)
    assert doc.title == "Fire guts harbour warehouse"
    assert doc.source == "Kellhaven Courier"
    assert doc.published == date(2026, 2, 11)
    assert "Published" not in doc.text and "Mara Quill" not in doc.text


def test_sentence_case_title_directly_over_a_dateline(tmp_path, read_one):
    path = tmp_path / "wire.txt"
    path.write_text(
        "Warehouse blaze injures two firefighters\n"
        "KELLHAVEN, Feb. 11, 2026 (Valley Wire Service) – Two firefighters were hurt overnight.\n\n" + BODY,
        encoding="utf-8",
    )
    doc = read_one(path)
    assert doc.title == "Warehouse blaze injures two firefighters"
    assert doc.source == "Valley Wire Service"
    assert doc.published == date(2026, 2, 11)


def test_a_closing_copyright_line_names_the_outlet_when_nothing_else_does(tmp_path, read_one):
    path = tmp_path / "herald.txt"
    path.write_text(
        "Fire guts harbour warehouse\n\n" + BODY + "\n\n© 2026 Ardmoor Herald. All rights reserved.\n",
        encoding="utf-8",
    )
    assert read_one(path).source == "Ardmoor Herald"
    path.write_text("Fire guts harbour warehouse\n\n" + BODY + "\n\nHe said © is a sign.\n", encoding="utf-8")
    assert read_one(path).source is None


@pytest.mark.parametrize(
    ("text", "title", "body_start"),
    [
        (
            "English >> World\n\nLeader named in satire list\n\nThe body.",
            "Leader named in satire list",
            "The body.",
        ),
        ("News » Europe » France\n\nPlane lands safely\n\nThe body.", "Plane lands safely", "The body."),
        (
            "Profits > costs for Tessfield firm\n\nThe body.",
            "Profits > costs for Tessfield firm",
            "The body.",
        ),
    ],
)
def test_a_section_trail_is_neither_title_nor_text(text: str, title: str, body_start: str) -> None:
    found, body = split_title(text)
    assert found == title
    assert body.strip().startswith(body_start)
