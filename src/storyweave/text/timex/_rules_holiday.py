"""Holidays as dates: "Thanksgiving Day", "Christmas Eve", "Easter week", "Election Day".

A holiday names one day a year, fixed ("Christmas") or computed ("the fourth Thursday of November",
Easter by the Gregorian computus). The year is the one written after it ("Christmas 2012") or, when none
is, the occurrence the sentence points at: the latest one not after the anchor in a past-tense sentence,
the next one in a future-tense sentence, and the nearest one when the tense is unknown.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from storyweave.text.timex._calendar import day_value, week_value
from storyweave.text.timex._context import Context
from storyweave.text.timex._lexicon import DAY_PARTS, YEAR
from storyweave.text.timex._rule import Rule, rule

__all__ = ["HOLIDAY_RULES", "NAMED_DAY_RULES", "easter"]


def easter(year: int) -> date:
    """Easter Sunday of ``year`` (Gregorian; the anonymous "Meeus/Jones/Butcher" computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the computus's own letter
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (0 = Monday) of the month; ``n`` = -1 is the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas eve": _fixed(12, 24),
    "christmas": _fixed(12, 25),
    "boxing day": _fixed(12, 26),
    "new year's eve": _fixed(12, 31),
    "new year's day": _fixed(1, 1),
    "valentine's day": _fixed(2, 14),
    "st. patrick's day": _fixed(3, 17),
    "independence day": _fixed(7, 4),
    "the fourth of july": _fixed(7, 4),
    "halloween": _fixed(10, 31),
    "veterans day": _fixed(11, 11),
    "martin luther king day": lambda year: _nth_weekday(year, 1, 0, 3),
    "presidents' day": lambda year: _nth_weekday(year, 2, 0, 3),
    "memorial day": lambda year: _nth_weekday(year, 5, 0, -1),
    "labor day": lambda year: _nth_weekday(year, 9, 0, 1),
    "thanksgiving": lambda year: _nth_weekday(year, 11, 3, 4),
    # US general elections: the Tuesday after the first Monday of November.
    "election day": lambda year: _nth_weekday(year, 11, 0, 1) + timedelta(days=1),
    "good friday": lambda year: easter(year) - timedelta(days=2),
    "easter": easter,
}


def _key(text: str) -> str:
    key = re.sub(r"\s+", " ", text.lower()).replace("’", "'")
    if key.startswith(("christmas", "thanksgiving", "easter")):
        key = re.sub(r"\s(?:day|sunday)$", "", key)
    return key.replace("presidents day", "presidents' day").replace("st ", "st. ")


_NAMES = (
    r"Christmas(?:\s+Eve|\s+Day)?|Boxing\s+Day|New\s+Year['’]s\s+(?:Eve|Day)|Valentine['’]s\s+Day"
    r"|St\.?\s+Patrick['’]s\s+Day|Independence\s+Day|[Tt]he\s+Fourth\s+of\s+July|Halloween|Veterans\s+Day"
    r"|Martin\s+Luther\s+King\s+Day|Presidents['’]?\s+Day|Memorial\s+Day|Labor\s+Day|Thanksgiving(?:\s+Day)?"
    r"|Election\s+Day|Good\s+Friday|Easter(?:\s+Sunday|\s+Day)?"
)


def _occurrence(ctx: Context, holiday: Callable[[int], date], year: int | None, lead: int) -> date | None:
    """``lead`` days before the holiday already count as its time ("Easter week began" a week ahead)."""
    if year is not None:
        return holiday(year)
    if ctx.anchor is None:
        return None
    around = [holiday(ctx.anchor.year + offset) for offset in (-1, 0, 1)]
    slack = timedelta(days=lead)
    if ctx.tense == "past":
        return max(day for day in around if day - slack <= ctx.anchor)
    if ctx.tense == "future":
        return min(day for day in around if day >= ctx.anchor)
    return min(around, key=lambda day: abs((day - ctx.anchor).days))


@rule(
    "holiday",
    rf"(?P<name>{_NAMES})(?P<week>\s+week)?(?:(?P<part>\s+(?:morning|afternoon|evening|night))?,?\s+(?P<y>{YEAR})(?!\d)(?!\s+(?:people|men|women|children|pilgrims|worshippers|protesters|visitors|fans|troops)\b))?",
    case_sensitive=True,
    triggers={
        "christmas",
        "boxing",
        "year",
        "valentine",
        "patrick",
        "independence",
        "july",
        "halloween",
        "veterans",
        "king",
        "presidents",
        "memorial",
        "labor",
        "thanksgiving",
        "election",
        "friday",
        "easter",
    },
)
def _holiday(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    if re.match(r"\s*(?:tree|card|gift|present|shopping|sales?|party|parties|season)\b", ctx.after):
        return None  # "Christmas tree", "Christmas shopping": a thing or a season, not the day
    holiday = _HOLIDAYS.get(_key(m["name"]))
    if holiday is None:
        return None
    day = _occurrence(ctx, holiday, int(m["y"]) if m["y"] else None, 6 if m["week"] else 0)
    if day is None:
        return None
    if m["part"]:  # "Christmas night, 1996": the year makes the part of the day part of the expression
        return "TIME", f"{day_value(day)}T{DAY_PARTS[m['part'].strip().lower()]}"
    return "DATE", week_value(day) if m["week"] else day_value(day)


@rule(
    "september-11",
    r"(?:Sept(?:ember|\.)?\s+11(?:th)?(?=(?:\s+|-)(?:terror(?:ist)?\s+)?(?:attacks?|hijack\w*|commission|memorial|"
    r"museum|victims|families|anniversary|plot|era)\b)|9/11(?![/\d]))",
    case_sensitive=True,
    triggers={"sept", "september", "#"},
)
def _september_11(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    """The 2001 attacks are a named day like a holiday: "the Sept. 11 terrorist attacks", "after 9/11"
    never mean the September 11 next to the publication date."""
    return "DATE", "2001-09-11"


HOLIDAY_RULES: tuple[Rule, ...] = (_holiday,)
# Named days outrank the calendar rules that read the same words as a month and a day.
NAMED_DAY_RULES: tuple[Rule, ...] = (_september_11,)
