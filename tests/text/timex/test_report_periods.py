"""find_timexes on the periods of results and market reports, and the news phrases added with them."""

from __future__ import annotations

from datetime import date

import pytest

from .conftest import timex_values

OCT_1989 = date(1989, 10, 30)  # a Monday
FEB_2009 = date(2009, 2, 24)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        # "the day" of a market wrap is the trading day the story named, else the publication day.
        ("On Monday, the index fell 3.4% to end the day at 7,114.", FEB_2009, "the day", "2009-02-23"),
        ("For the day, the Nikkei closed down 6.4 percent.", FEB_2009, "the day", "2009-02-24"),
        ("Shares rebounded late in the day after a slide.", FEB_2009, "the day", "2009-02-24"),
        ("Following a fall at the start of the day, shares rose.", FEB_2009, "the start of the day",
         "2009-02-24"),
        # "the year" as a period of account is the year under report.
        ("The stock rose to a high for the year of $42 in June.", OCT_1989, "the year", "1989"),
        ("Revenue rose through the first nine months of the year.", OCT_1989, "the year", "1989"),
        ("It was the top seller at the beginning of the year.", OCT_1989, "the beginning of the year",
         "1989"),
        # A period named by reference to one the text gave.
        ("Sales rose 43% in February compared to the same period last year.", date(2010, 3, 3),
         "the same period last year", "2009-02"),
        ("Net for the year-earlier nine months included a gain.", OCT_1989, "the year-earlier nine months",
         "P9M"),
        ("In the quarter ended July 31, Jayark had 5.6 million shares out.", OCT_1989, "the quarter",
         "1989-Q2"),
        ("It lost $673 million in the first nine months, against earnings a year earlier.", OCT_1989,
         "a year earlier", "1988"),
        ("For the final quarter of 2009, Ford made a profit.", date(2010, 1, 28),
         "the final quarter of 2009", "2009-Q4"),
        ("On Friday, shares fell 4.5% from the previous Friday.", OCT_1989,
         "the previous Friday", "1989-10-20"),
        # Decades in a pair, vague stretches, a clock time with its day after a spaced comma.
        ("It rid Detroit of the boxy cars of the 70s and 80s.", OCT_1989, "80s", "198"),
        ("Prices rose to their highest level in years, traders said.", OCT_1989, "in years", "PXY"),
        ("The index fell 100 points in just minutes.", OCT_1989, "in just minutes", "PTXM"),
        ("The plant is secure for the long term.", OCT_1989, "the long term", "FUTURE_REF"),
        ("Islam will one day be the second religion there.", OCT_1989, "one day", "FUTURE_REF"),
        # A range of durations: the first number is a duration in the second's unit.
        ("The process would take between 60 and 90 days.", OCT_1989, "60", "P60D"),
        ("Shipments resume within two to three weeks.", OCT_1989, "three weeks", "P3W"),
        ("At 16:15 UTC , June 1st , the chief spoke.", date(2009, 6, 4), "16:15 UTC , June 1st",
         "2009-06-01T16:15Z"),
    ],
)  # fmt: skip
def test_resolves_report_periods(text: str, published: date, expression: str, value: str) -> None:
    assert timex_values(text, published).get(expression, (None, None))[1] == value


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("He was soon released from the hospital.", "soon"),
        ("Cash from Miami soon became a flood.", "soon"),
        ("Bidders arrived the day before the vote.", "the day"),
        ("The man of the year was named in June.", "the year"),
        ("Profit fell in the last quarter, he said.", "the last quarter"),
        ("Trees 5 to 10 years old were cut.", "5"),
    ],
)
def test_phrases_that_are_no_report_period(text: str, phrase: str) -> None:
    """A past "soon" is a sequence, not the future; "the day" and "the year" need a lead that makes
    them a period of account; "the last quarter" without a year is the previous quarter, not Q4."""
    found = timex_values(text, OCT_1989)
    if phrase == "the last quarter":
        assert found.get("last quarter", found.get(phrase, (None, None)))[1] == "1989-Q3"
    else:
        assert phrase not in found
