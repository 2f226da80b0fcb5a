from datetime import date

from storyweave.text.datelines import dateline_agency, dateline_end, find_publication_date


def test_dateline_end_skips_the_wire_header():
    line = "KELLHAVEN, Feb. 11, 2026 (Valley Wire Service) – Two firefighters were hurt."
    assert line[dateline_end(line) :] == "Two firefighters were hurt."


def test_dateline_end_is_zero_for_ordinary_sentences():
    assert dateline_end("The U.S. Army said on Monday - again - that it would stay.") == 0
    assert dateline_end("Officials said the convoy left.") == 0


def test_agency_before_or_after_the_date():
    assert dateline_agency("WASHINGTON (Reuters) - The Senate voted.") == "Reuters"
    assert dateline_agency("DUNMERE, March 22, 2026 (Valley Wire) – At least 12 died.") == "Valley Wire"
    assert dateline_agency("BAGHDAD, March 8, 2017 — Officials said.") is None
    assert dateline_agency("Officials said (on Monday) - nothing.") is None


def test_a_bracketed_published_date_inside_a_line_is_the_reports_date() -> None:
    text = "Charges dropped\n\nThe judge threw out the charges. (Published Tuesday, April 23, 2013)\n\nMore."
    assert find_publication_date(text) == date(2013, 4, 23)


def test_a_publication_date_no_report_can_have_is_no_date() -> None:
    from storyweave.text.datelines import parse_published

    assert parse_published("0001-01-01") is None
    assert parse_published("9999-12-31T00:00:00") is None
    assert parse_published("2017-03-08") == date(2017, 3, 8)
    assert find_publication_date("Ship sinks\nPublished: January 1, 0001\n\nText.") is None


def test_an_agency_opening_the_body_is_taken_off_and_named() -> None:
    for text, agency in (
        ("(CNN) -- A man was arrested.", "CNN"),
        ("(HealthDay News) — Older adults", "HealthDay News"),
    ):
        assert dateline_agency(text) == agency
        assert not text[dateline_end(text) :].startswith("(")
    assert dateline_agency("(Bloomberg) -- Stocks fell.") == "Bloomberg"
    assert dateline_agency("(Reuters) - Oil rose.") == "Reuters"
    for text in (
        "(Updated) The council met.",
        "(a) The first point.",
        "(AP Photo/Jane Doe) Crowds",
        "(LEAD) North Korea fired.",
        "(Breaking News) A fire.",
        "(UK) Prices rose.",
        "(SPOILERS) The end.",
    ):
        assert dateline_agency(text) is None and dateline_end(text) == 0
