"""Reading a TIMEX3 calendar value back: its granularity and where it starts, so entries can be ordered."""

from __future__ import annotations

import re
from datetime import date

__all__ = ["calendar_start", "granularity", "time_of_day"]

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day", re.compile(r"^(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:T.*)?$")),
    ("week", re.compile(r"^(?P<y>\d{4})-W(?P<w>\d\d)(?:-WE)?$")),
    ("month", re.compile(r"^(?P<y>\d{4})-(?P<m>\d\d)$")),
    ("quarter", re.compile(r"^(?P<y>\d{4})-Q(?P<q>[1-4])$")),
    ("season", re.compile(r"^(?P<y>\d{4})-(?P<s>SP|SU|FA|WI)$")),
    ("year", re.compile(r"^(?P<y>\d{4})(?:-H(?P<h>[12]))?$")),
    ("decade", re.compile(r"^(?P<c>\d{3})$")),
)
_SEASON_MONTH = {"WI": 12, "SP": 3, "SU": 6, "FA": 9}
# Finer granularities sort after coarser ones that start on the same day: "March 2017" before "March 8".
RANK = {name: rank for rank, (name, _) in enumerate(reversed(_PATTERNS))}


def granularity(value: str) -> str | None:
    """ "day", "week", "month", "quarter", "season", "year" or "decade"; None for anything else (durations,
    PRESENT_REF, centuries, values with X)."""
    for name, pattern in _PATTERNS:
        if pattern.match(value):
            return name
    return None


def calendar_start(value: str) -> date | None:
    """The first day a calendar value covers; None when it is not one ``granularity`` knows."""
    for name, pattern in _PATTERNS:
        found = pattern.match(value)
        if not found:
            continue
        try:
            if name == "day":
                return date(int(found["y"]), int(found["m"]), int(found["d"]))
            if name == "week":  # a weekend ("2014-W26-WE") starts on its Saturday
                return date.fromisocalendar(
                    int(found["y"]), int(found["w"]), 6 if value.endswith("WE") else 1
                )
            if name == "month":
                return date(int(found["y"]), int(found["m"]), 1)
            if name == "quarter":
                return date(int(found["y"]), 3 * int(found["q"]) - 2, 1)
            if name == "season":
                return date(int(found["y"]), _SEASON_MONTH[found["s"]], 1)
            if name == "year":
                return date(int(found["y"]), 7 if found["h"] == "2" else 1, 1)
            return date(int(found["c"]) * 10, 1, 1)
        except ValueError:
            return None
    return None


# Where a part of the day falls, in minutes after midnight, so "morning" sorts before "afternoon".
_PART_OF_DAY = {"MO": 8 * 60, "MI": 12 * 60, "AF": 15 * 60, "EV": 19 * 60, "NI": 22 * 60}
_CLOCK = re.compile(r"T(?P<h>\d\d)(?::(?P<m>\d\d))?")


def time_of_day(value: str) -> int:
    """Minutes after midnight a day value's time names ("2026-03-21T17:00" → 1020, "…TAF" → 900); -1 for
    a whole day, which comes first."""
    _, _, time = value.partition("T")
    if not time:
        return -1
    if time[:2] in _PART_OF_DAY:
        return _PART_OF_DAY[time[:2]]
    found = _CLOCK.match("T" + time)
    return int(found["h"]) * 60 + int(found["m"] or 0) if found else -1
