"""find_timexes on invented news sentences: TimeML values, spans, and no invented dates without an anchor."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from storyweave.text.timex import find_timexes, unanchored_expressions
from storyweave.text.timex._find import RULES

from .conftest import timex_values

MARCH_2017 = date(2017, 3, 8)  # a Wednesday
MARCH_2013 = date(2013, 3, 22)  # a Friday


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        ("The mayor resigned Friday, aides said.", date(2013, 3, 25), "Friday", "2013-03-22"),
        ("The council will vote Friday on the plan.", MARCH_2017, "Friday", "2017-03-10"),
        ("Prices climbed during the last week of trading.", MARCH_2013, "the last week", "2013-W11"),
        ("The talks collapsed in early December.", MARCH_2013, "early December", "2012-12"),
        ("Five months ago, the siege of the port began.", MARCH_2017, "Five months ago", "2016-10"),
        ("The ferry was idle for a month.", MARCH_2017, "a month", "P1M"),
        ("The river is now higher than the bridge.", MARCH_2017, "now", "PRESENT_REF"),
        ("Repairs began only last month.", MARCH_2017, "last month", "2017-02"),
        ("By January, the crews had cleared the road.", MARCH_2017, "January", "2017-01"),
        ("The mill closed in August 2014 after a fire.", MARCH_2017, "August 2014", "2014-08"),
        ("The town grew quickly in the 1990s.", MARCH_2017, "the 1990s", "199"),
        ("The dam failed yesterday.", MARCH_2017, "yesterday", "2017-03-07"),
        ("Exports fell this year.", MARCH_2017, "this year", "2017"),
        ("The bridge should reopen next spring.", MARCH_2017, "next spring", "2017-SP"),
        ("The strike lasted two weeks.", MARCH_2017, "two weeks", "P2W"),
        ("The market is held each week in the square.", MARCH_2017, "each week", "P1W"),
        ("On March 8 the union met again.", MARCH_2017, "March 8", "2017-03-08"),
        ("Shots were heard Sunday night near the depot.", MARCH_2017, "Sunday night", "2017-03-05TNI"),
        ("The vote closes at 3 p.m. today.", MARCH_2017, "3 p.m. today", "2017-03-08T15:00"),
        ("Output rose in the third quarter.", date(2016, 11, 2), "the third quarter", "2016-Q3"),
        ("Floods have become common in recent years.", MARCH_2017, "recent years", "PAST_REF"),
        ("Nobody can say what the future holds.", MARCH_2017, "the future", "FUTURE_REF"),
        ("The factory is currently idle.", MARCH_2017, "currently", "PRESENT_REF"),
        ("The firm was sold last week.", date(2014, 8, 23), "last week", "2014-W33"),
        ("The harbour froze last winter.", MARCH_2017, "last winter", "2016-WI"),
        ("The levy was introduced in 2009.", MARCH_2017, "2009", "2009"),
        ("He left Tuesday, March 7, 2017, by train.", MARCH_2017, "Tuesday, March 7, 2017", "2017-03-07"),
        ("The ban ends in June next year.", MARCH_2017, "June next year", "2018-06"),
        ("Third-quarter profit fell from a year earlier.", date(2016, 11, 2), "a year earlier", "2015-Q3"),
    ],
)
def test_resolves_news_expressions(text: str, published: date, expression: str, value: str) -> None:
    assert timex_values(text, published).get(expression, (None, None))[1] == value


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        # The verb's tense decides a bare weekday: plans and "until" look ahead, a plan that is over not.
        ("The agency has scheduled a news conference Thursday.", MARCH_2017, "Thursday", "2017-03-09"),
        ("Markets remain closed until Friday.", MARCH_2017, "Friday", "2017-03-10"),
        ("The offer had been scheduled to expire Friday.", MARCH_2017, "Friday", "2017-03-03"),
        # Counted from the last date the text gave, not from the publication date.
        ("The plant shut on May 4, 2015. Later that year, it was sold.", MARCH_2017, "Later that year",
         "2015"),
        ("He was held on Oct. 23, 2016. The next morning, he was charged.", MARCH_2017, "The next morning",
         "2016-10-24TMO"),
        ("The mill flooded in October 2016. That same day, the mayor quit.", MARCH_2017, "That same day",
         "2016-10-XX"),
        ("Sales fell in January, compared to the same month a year ago.", MARCH_2017,
         "the same month a year ago", "2016-01"),
        # Holidays, computed ones included, in the year the tense points at.
        ("The boy was found on Thanksgiving Day.", date(2000, 1, 7), "Thanksgiving Day", "1999-11-25"),
        ("Pilgrims prayed as Easter week began.", date(2000, 4, 17), "Easter week", "2000-W16"),
        ("The shop opened on Christmas 2012.", MARCH_2017, "Christmas 2012", "2012-12-25"),
        ("She was found dead on Christmas night, 1996, at home.", MARCH_2017, "Christmas night, 1996",
         "1996-12-25TNI"),
        ("The claim came after the Sept. 11 terrorist attacks.", date(2014, 7, 25), "Sept. 11", "2001-09-11"),
        ("Airport security changed for good after 9/11.", date(2014, 7, 25), "9/11", "2001-09-11"),
        ("The council votes on Sept. 11 in the town hall.", date(2014, 7, 25), "Sept. 11", "2014-09-11"),
        ("The front page of Friday's edition carried the story.", MARCH_2017, "Friday's", "2017-03-03"),
        ("Births in the first half of July rose sharply.", date(2014, 8, 25), "July", "2014-07"),
        ("Thousands marched after Friday prayers in Cairo.", MARCH_2017, "Friday", "2017-03-03"),
        ("He told a Sunday news conference that he would run.", MARCH_2017, "Sunday", "2017-03-05"),
        ("On Christmas morning 2000 people gathered in the square.", MARCH_2017, "Christmas", "2016-12-25"),
        ("Profits rose in the first half of 2014.", date(2014, 8, 25), "the first half of 2014", "2014-H1"),
        ("The deal should close by year-end.", MARCH_2017, "year-end", "2017"),
        ("The index has risen 4 percent since year-end.", MARCH_2017, "year-end", "2016"),
        # A clock time takes the day written with it, or the day named earlier in its sentence.
        ("The offer expires at 5 p.m. EST, March 10.", MARCH_2017, "5 p.m. EST, March 10",
         "2017-03-10T17:00"),
        ("On Friday, the plane landed at 3 p.m. in the rain.", MARCH_2017, "3 p.m.", "2017-03-03T15:00"),
        ("A recent survey found the same.", MARCH_2017, "recent", "PAST_REF"),
        ("The flight took 5 1/2 hours.", MARCH_2017, "5 1/2 hours", "PT5H30M"),
        ("A minute and a half later, the pilot called.", MARCH_2017, "A minute and a half", "PT1M30S"),
        ("Prospects look good in the near term.", MARCH_2017, "the near term", "FUTURE_REF"),
        ("Profit fell from the year-ago third quarter.", date(2016, 11, 2), "the year-ago third quarter",
         "2015-Q3"),
        ("The firm disclosed in May that it was approached.", date(1989, 10, 30), "May", "1989-05"),
        # A participle after "be" is a passive; the auxiliary's tense ("would") decides, not "-ed".
        ("The fair would be held on October 2 in the park.", MARCH_2017, "October 2", "2017-10-02"),
        ("The launch will be named for a pilot in December.", MARCH_2017, "December", "2017-12"),
        # A present-tense verb of schedules, and "payable"/"effective", look ahead.
        ("The two envoys meet separately Monday in Oslo.", MARCH_2017, "Monday", "2017-03-13"),
        ("The board said the offer expires Friday.", MARCH_2017, "Friday", "2017-03-10"),
        ("The dividend is payable Jan. 5 to holders.", date(2016, 11, 2), "Jan. 5", "2017-01-05"),
        ("Her appointment is effective Feb. 1, the bank said.", date(2016, 11, 2), "Feb. 1", "2017-02-01"),
        ("In January, the mill brought in a new owner.", date(2016, 11, 2), "January", "2016-01"),
        # The second day of a pair, a week named by a day, a month before a noun.
        ("The fair runs on June 14 and 15 in the old town.", MARCH_2017, "15", "2017-06-15"),
        ("The hearing is set for the week of March 20.", MARCH_2017, "the week of March 20", "2017-W12"),
        ("The March vote will settle the matter.", date(2017, 2, 10), "March", "2017-03"),
        # Recurrences named by a day or a month, and decades in words.
        ("The market opens every Monday at dawn.", MARCH_2017, "every Monday", "XXXX-WXX-1"),
        ("Fishermen sail north each July.", MARCH_2017, "each July", "XXXX-07"),
        ("The band toured widely in the nineties.", MARCH_2017, "the nineties", "199"),
        # Stretches of unstated length, and the twelve months up to a fiscal year's end.
        ("Prices have climbed over the years.", MARCH_2017, "over the years", "PXY"),
        ("Traders expect swings in the weeks ahead.", MARCH_2017, "the weeks ahead", "PXW"),
        ("Rates may fall in coming weeks, traders said.", MARCH_2017, "coming weeks", "PXW"),
        ("The road will stay shut for a while.", MARCH_2017, "for a while", "PXX"),
        ("Sales rose 4% in the fiscal year ended June 30.", MARCH_2017, "the fiscal year", "P1Y"),
        ("Holders may buy at half the then-current price.", MARCH_2017, "then-current", "PAST_REF"),
        ("Exports may grow now that the port has reopened.", MARCH_2017, "now", "PRESENT_REF"),
    ],
)  # fmt: skip
def test_resolves_context_dependent_expressions(
    text: str, published: date, expression: str, value: str
) -> None:
    assert timex_values(text, published).get(expression, (None, None))[1] == value


def test_every_rule_match_holds_one_of_the_rules_trigger_words() -> None:
    """The finder skips lines without a rule's trigger words; a match without one would be lost."""
    sentences = [
        "He left Tuesday, March 7, 2017, at 9:30 a.m. and returned 2017-03-09T10:15, on 3/9/2017.",
        "In the late 1990s and the 20th century, nineteen ninety-six and the year two thousand.",
        "The third quarter, the year-earlier period, the 1988 quarter, the first half of 2016.",
        "Last spring, next winter, summer 2012, early December, mid-2014, the end of the month, year's end.",
        "Friday night, early Thursday, tonight, yesterday morning, this afternoon, at noon Friday.",
        "Last week, this coming weekend, later this month, the past decade, the next day, that same year.",
        "Five months ago, two weeks later, a couple of years earlier, a 24-hour vigil, half an hour.",
        "Recent years, recently, the near term, coming months, soon, someday, these days, the past.",
        "Daily, weekly, every other week, each summer, per quarter, twice a year, a fortnight.",
        "Thanksgiving Day, Easter week, New Year's Eve, the Fourth of July, Good Friday, Election Day.",
        "On April 24 and 25, the week of March 6, every Monday, each July, on Fridays, the late nineties.",
        "Over the years, the weeks ahead, in coming weeks, for a while, the fiscal year ended June 30.",
        "To end the day, late in the day, for the year, the rest of the year, the same period last year.",
        "The year-earlier nine months, the quarter ended July 31, the previous Friday, the 70s and 80s.",
        "The final quarter of 2009, in years, in just minutes, the long term, 16:15 UTC , June 1st.",
        "It takes between 60 and 90 days, or two to three weeks.",
    ]
    text = "\n".join(sentences)
    for rule in RULES:
        for match in rule.pattern.finditer(text):
            words = re.findall(r"[^\W\d_]+|\d+", match.group())
            tokens = {"#" if word[0].isdigit() else word.lower() for word in words}
            assert tokens & rule.triggers, f"{rule.name} matched {match.group()!r} without a trigger word"


def test_spans_are_offsets_into_the_text() -> None:
    text = "Late on Friday, officials said the convoy left two weeks ago."
    found = find_timexes(text, MARCH_2017)
    assert found, "expected expressions"
    for timex in found:
        assert text[timex.start : timex.end] == timex.text


def test_without_an_anchor_relative_dates_are_left_out_but_absolute_ones_stay() -> None:
    text = "Last month the plant shut; it had opened in August 2014 and ran for two years."
    values = timex_values(text, None)
    assert "Last month" not in values
    assert values["August 2014"] == ("DATE", "2014-08")
    assert values["two years"] == ("DURATION", "P2Y")
    assert [e[2] for e in unanchored_expressions(text)] == ["Last month"]


def test_ages_money_rates_and_verbs_are_not_time() -> None:
    text = "A 52-year-old trader said troops may march on the city; rent is $900 a month."
    assert find_timexes(text, MARCH_2017) == []


def test_a_weekday_naming_a_kind_of_thing_is_no_date() -> None:
    text = "He spoke on the Sunday talk shows and drew 836,000 viewers in Sunday night primetime."
    assert find_timexes(text, MARCH_2017) == []
    assert find_timexes("The minister told the Sunday Times that he would resign.", MARCH_2017) == []
    assert find_timexes("Sunday papers reported the affair at length.", MARCH_2017) == []


def test_dateline_is_the_filing_day_nearest_the_anchor() -> None:
    """A dateline is the day the story was filed, whatever the tense of the sentence it opens."""
    found = find_timexes("LONDON, March 7 (Reuters) -- Shares fell.", MARCH_2017)
    assert [(t.text, t.value) for t in found] == [("March 7", "2017-03-07")]


def test_a_bare_number_after_and_is_no_day_without_a_date_before_it() -> None:
    assert find_timexes("Police held 12 and 25 were hurt.", MARCH_2017) == []


def test_once_in_a_while_is_not_a_stretch_of_time() -> None:
    assert "a while" not in timex_values("The river floods once in a while.", MARCH_2017)


_SEEDS = Path(__file__).resolve().parents[4] / "shared" / "data" / "seeds"


@pytest.mark.skipif(not _SEEDS.is_dir(), reason="shared/data/seeds is not present in this checkout")
def test_seed_reports_resolve_against_their_dates() -> None:
    mosul = (_SEEDS / "000_88c2f6e5c8816323.txt").read_text(encoding="utf-8")
    syria = (_SEEDS / "001_206f960c28d92c5a.txt").read_text(encoding="utf-8")
    mosul_values = {t.text.lower(): t.value for t in find_timexes(mosul, date(2017, 3, 8))}
    assert mosul_values["five months ago"] == "2016-10"
    assert mosul_values["last month"] == "2017-02"
    assert mosul_values["january"] == "2017-01"
    syria_values = {t.text.lower(): t.value for t in find_timexes(syria, date(2014, 8, 23))}
    assert syria_values["last week"] == "2014-W33"


FEB_2026 = date(2026, 2, 11)  # a Wednesday


def test_a_bare_clock_time_in_a_past_narrative_falls_on_the_day_the_report_moved_to() -> None:
    text = "A fire tore through a warehouse late on Tuesday. The blaze broke out shortly before 11 p.m."
    assert timex_values(text, FEB_2026)["11 p.m."] == ("TIME", "2026-02-10T23:00")


def test_a_morning_after_that_days_evening_is_the_next_morning() -> None:
    text = "The fire started at 10:50 p.m. on Tuesday. It was brought under control shortly after 4 a.m."
    values = timex_values(text, date(2026, 2, 12))  # published on Thursday, two days later
    assert values["10:50 p.m. on Tuesday"] == ("TIME", "2026-02-10T22:50")
    assert values["4 a.m."] == ("TIME", "2026-02-11T04:00")


def test_a_bare_clock_time_does_not_become_the_narratives_day() -> None:
    # "until 11:30 p.m." falls back to the publication day; the next bare time still follows Tuesday.
    text = (
        "A fire tore through a warehouse late on Tuesday. It burned until 11:30 p.m. "
        "The roof fell in at 11 p.m."
    )
    assert timex_values(text, FEB_2026)["11 p.m."] == ("TIME", "2026-02-10T23:00")


def test_a_sentence_that_steps_back_stays_on_the_day() -> None:
    text = "A ferry sank at 8 p.m. on Saturday. It had left the port at 6 a.m."
    assert timex_values(text, date(2026, 3, 23))["6 a.m."] == ("TIME", "2026-03-21T06:00")


def test_a_day_that_only_dates_a_statement_is_not_the_narratives_day() -> None:
    text = (
        "A ferry capsized on the lake on Saturday evening, the board said on Sunday. "
        "The ferry had left the port at about 6 p.m."
    )
    assert timex_values(text, date(2026, 3, 22))["6 p.m."] == ("TIME", "2026-03-21T18:00")


@pytest.mark.parametrize(
    "text",
    [
        # Nothing moved the report off its own day, or the sentence looks ahead: the publication day.
        "The blaze broke out shortly before 11 p.m.",
        "Talks ended on Tuesday. The council will meet at 3 p.m.",
        # A day named long before publication is background, not the narrative's day.
        "The plant opened on January 3. The blaze broke out shortly before 11 p.m.",
        # A day that only dates what a witness told the police is not the day of the fire.
        "The suspect told police on Monday. The blaze broke out shortly before 11 p.m.",
    ],
)
def test_a_bare_clock_time_otherwise_stays_on_the_publication_day(text: str) -> None:
    values = timex_values(text, FEB_2026)
    clock = next(value for key, (_, value) in values.items() if "p.m." in key)
    assert clock.startswith("2026-02-11T")


@pytest.mark.parametrize("anchor", [date(1, 1, 1), date(9999, 12, 31)])
def test_an_anchor_at_the_calendars_edge_never_raises(anchor):
    text = "Police said yesterday the ship sank; tomorrow, next year and five years ago are other days."
    for expression in find_timexes(text, anchor):
        assert text[expression.start : expression.end] == expression.text


def test_a_gal_friday_is_a_person_not_a_day():
    found = find_timexes("She was his gal Friday in 1939; the office reopened on Friday.", date(2014, 12, 15))
    assert [t.text for t in found] == ["1939", "Friday"]
    found = find_timexes("Police arrested a man Friday and found the girl Monday.", date(2014, 12, 15))
    assert [t.text for t in found] == ["Friday", "Monday"]
