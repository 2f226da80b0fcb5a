"""find_timexes on invented news sentences: TimeML values, spans, and no invented dates without an anchor."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyweave.text.timex import find_timexes, unanchored_expressions

MARCH_2017 = date(2017, 3, 8)  # a Wednesday
MARCH_2013 = date(2013, 3, 22)  # a Friday


def _values(text: str, published: date | None) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in find_timexes(text, published)}


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
    assert _values(text, published).get(expression, (None, None))[1] == value


def test_spans_are_offsets_into_the_text() -> None:
    text = "Late on Friday, officials said the convoy left two weeks ago."
    found = find_timexes(text, MARCH_2017)
    assert found, "expected expressions"
    for timex in found:
        assert text[timex.start : timex.end] == timex.text


def test_without_an_anchor_relative_dates_are_left_out_but_absolute_ones_stay() -> None:
    text = "Last month the plant shut; it had opened in August 2014 and ran for two years."
    values = _values(text, None)
    assert "Last month" not in values
    assert values["August 2014"] == ("DATE", "2014-08")
    assert values["two years"] == ("DURATION", "P2Y")
    assert [e[2] for e in unanchored_expressions(text)] == ["Last month"]


def test_ages_money_rates_and_verbs_are_not_time() -> None:
    text = "A 52-year-old trader said troops may march on the city; rent is $900 a month."
    assert find_timexes(text, MARCH_2017) == []


def test_dateline_month_is_not_an_event_date() -> None:
    assert find_timexes("LONDON, August 13 (Reuters) -- Shares fell.", MARCH_2017) == []


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
