"""Calendar arithmetic written as TimeML values: shifting months, ISO weeks, quarters, seasons, weekdays.

Each function takes the anchor (normally the publication date) and returns the TIMEX3 value string at the
granularity the expression names: "last month" is a month ("2017-02"), never a day a month back.
"""

from __future__ import annotations

from datetime import date, timedelta

__all__ = [
    "day_value",
    "month_value",
    "nearest_month_day",
    "quarter_value",
    "season_value",
    "shift_months",
    "shift_quarter",
    "week_value",
    "weekday_date",
]

# Month each season starts in, and the day within it (astronomical starts, which news follows loosely:
# "next spring" written on 8 March is this year's spring).
_SLACK_DAYS = 60
_SEASON_START = {"SP": (3, 20), "SU": (6, 21), "FA": (9, 22), "WI": (12, 21)}


def day_value(day: date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(day: date) -> str:
    """ISO week of ``day``, zero-padded as TimeML writes it: 2013-W11."""
    iso_year, iso_week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{iso_week:02d}"


def shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def quarter_value(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def shift_quarter(year: int, quarter: int, quarters: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + quarters
    return index // 4, index % 4 + 1


def _season_start(year: int, season: str) -> date:
    month, day = _SEASON_START[season]
    return date(year, month, day)


def _season_of(day: date) -> tuple[int, str]:
    """The season ``day`` lies in, labelled by the year it started in (winter 2016 runs into 2017)."""
    for season in ("WI", "FA", "SU", "SP"):
        if day >= _season_start(day.year, season):
            return day.year, season
    return day.year - 1, "WI"


def season_value(anchor: date, season: str, relation: str) -> str:
    """``relation`` is "this", "last" or "next".

    "next spring" is the first spring that starts after the anchor; "last fall" the latest fall that has
    started and is not the current season; "this summer" the summer of the anchor's year.
    """
    if relation == "next":
        year = anchor.year if _season_start(anchor.year, season) > anchor else anchor.year + 1
    elif relation == "last":
        current = _season_of(anchor)
        year = anchor.year if _season_start(anchor.year, season) <= anchor else anchor.year - 1
        if (year, season) == current and season != "WI":  # "last winter" in March: the one ending now
            year -= 1
    else:
        year = anchor.year
    return f"{year:04d}-{season}"


def weekday_date(anchor: date, weekday: int, direction: str) -> date:
    """The ``weekday`` nearest the anchor in ``direction``: "past" (or the anchor's own day), "future",
    "last" (strictly before) or "next" (strictly after)."""
    delta = weekday - anchor.weekday()
    if direction in ("future", "next"):
        delta = delta % 7
        if delta == 0 and direction == "next":
            delta = 7
    else:
        delta = -((-delta) % 7)
        if delta == 0 and direction == "last":
            delta = -7
    return anchor + timedelta(days=delta)


def nearest_month_day(anchor: date, month: int, day: int | None, tense: str | None) -> tuple[int, int] | None:
    """The year of a month (and day) named without one.

    News mostly means the publication year; it means the year before only when the sentence is in the past
    and the date would otherwise lie well ahead ("early December" written in March), and the year after
    only when it speaks of the future and the date would lie well behind ("in January", written in
    November). Two months of slack keeps "Dec. 15" in an October report in the same year whatever the tense.
    """
    try:
        start = date(anchor.year, month, day or 1)
    except ValueError:
        return None
    end = start if day else date(*shift_months(anchor.year, month, 1), 1) - timedelta(days=1)
    if tense == "past" and (start - anchor).days > _SLACK_DAYS:
        return anchor.year - 1, month
    if tense == "future" and (anchor - end).days > _SLACK_DAYS:
        return anchor.year + 1, month
    return anchor.year, month
