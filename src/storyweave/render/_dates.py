"""TIMEX3 calendar values in words a reader knows: "2016-10" is "October 2016", "199" is "the 1990s".

A TIMEX3 value states its own precision by its shape, so the words say exactly as much as the value and
never more: a month is never shown as its first day. A value of a shape not known here is shown as it
is, because a raw but true date beats a readable but invented one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
# TIMEX3 parts of the day, as they follow the "T" of a day value ("2017-03-08TEV").
_PARTS_OF_DAY = {
    "MO": "morning",
    "MI": "midday",
    "AF": "afternoon",
    "EV": "evening",
    "NI": "night",
    "DT": "daytime",
}

_DAY = re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:T(?P<time>.*))?")
_CLOCK = re.compile(r"(?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?")
_WEEK = re.compile(r"(?P<y>\d{4})-W(?P<w>\d\d)(?P<weekend>-WE)?")
_MONTH = re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)")
_QUARTER = re.compile(r"(?P<y>\d{4})-Q(?P<q>[1-4])")
_SEASON = re.compile(r"(?P<y>\d{4})-(?P<s>SP|SU|FA|WI)")
_YEAR = re.compile(r"(?P<y>\d{4})(?:-H(?P<h>[12]))?")
_DECADE = re.compile(r"(?P<c>\d{3})")


def _day_text(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _time_of_day(time: str) -> str | None:
    """ "14:30" or "evening" for the part after "T"; None for a shape not known here."""
    if time in _PARTS_OF_DAY:
        return _PARTS_OF_DAY[time]
    clock = _CLOCK.fullmatch(time)
    return f"{clock['hh']}:{clock['mm']}" if clock else None


def _day(found: re.Match[str]) -> str | None:
    try:
        day = date(int(found["y"]), int(found["m"]), int(found["d"]))
    except ValueError:
        return None
    if found["time"] is None:
        return _day_text(day)
    time = _time_of_day(found["time"])
    return f"{_day_text(day)}, {time}" if time else None


def _week(found: re.Match[str]) -> str:
    year, week = int(found["y"]), int(found["w"])
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:  # week 00 or 54: not a calendar week, but still what the text said
        return f"{year}, week {week}"
    if found["weekend"]:
        return f"weekend of {_day_text(monday + timedelta(days=5))}"
    return f"week of {_day_text(monday)}"


def _month(found: re.Match[str]) -> str | None:
    month = int(found["m"])
    return f"{_MONTHS[month - 1]} {found['y']}" if 1 <= month <= 12 else None


def _year(found: re.Match[str]) -> str:
    half = {"1": "first half of ", "2": "second half of "}.get(found["h"] or "", "")
    return f"{half}{found['y']}"


def human_date(value: str) -> str:
    """A TIMEX3 calendar value as words at its own precision; an unknown shape is returned unchanged.

    "2017-03-08" → "8 March 2017", "2017-03-08TEV" → "8 March 2017, evening", "2014-W33" → "week of
    11 August 2014", "2016-10" → "October 2016", "2016-Q3" → "Q3 2016", "2016-SU" → "summer 2016",
    "2016-H2" → "second half of 2016", "199" → "the 1990s".
    """
    if found := _DAY.fullmatch(value):
        return _day(found) or value
    if found := _WEEK.fullmatch(value):
        return _week(found)
    if found := _MONTH.fullmatch(value):
        return _month(found) or value
    if found := _QUARTER.fullmatch(value):
        return f"Q{found['q']} {found['y']}"
    if found := _SEASON.fullmatch(value):
        return f"{_SEASONS[found['s']]} {found['y']}"
    if found := _YEAR.fullmatch(value):
        return _year(found)
    if found := _DECADE.fullmatch(value):
        return f"the {found['c']}0s"
    return value


def machine_date(value: str) -> str | None:
    """The value as an HTML ``<time datetime>`` string where HTML has one (day, week, month, year).

    Quarters, seasons, halves and decades have no HTML form; for them, and for any value ``human_date``
    would not read, this is None so no page claims a machine-readable date it does not have.
    """
    if found := _DAY.fullmatch(value):
        return value[:10] if _day(found) else None
    if (found := _WEEK.fullmatch(value)) and not found["weekend"]:
        return value if 1 <= int(found["w"]) <= date(int(found["y"]), 12, 28).isocalendar()[1] else None
    if (found := _MONTH.fullmatch(value)) and _month(found):
        return value
    if (found := _YEAR.fullmatch(value)) and not found["h"]:
        return value
    return None
