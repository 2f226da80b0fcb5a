"""Rules for expressions counted from a date the text gave earlier, not from the publication date:
"that day", "later that year", "the following month", "the next morning", "the day before".

A news story often moves to a past event ("Slepian was killed on Oct. 23, 1998") and then dates its
details against it ("Earlier that day, ..."). Resolving those against the report's own date would move
them by months or years, so they take the last calendar value resolved in the document (see
``DocumentState.last_date``). With no earlier date they fall back to the anchor, and with neither they are
left out.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyweave.text.timex._calendar import day_value, month_value, shift_months, week_value, weekday_date
from storyweave.text.timex._context import Context
from storyweave.text.timex._lexicon import FULL_WEEKDAY, WEEKDAYS
from storyweave.text.timex._rule import Rule, rule

__all__ = ["ANAPHORA_RULES", "narrative_day"]

_UNIT = r"(?P<unit>day|week|month|year|morning|afternoon|evening|night)"
_PART_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _reference(ctx: Context) -> str | None:
    if ctx.document.last_date:
        return ctx.document.last_date
    return day_value(ctx.anchor) if ctx.anchor else None


def _day_of(value: str) -> date | None:
    found = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    return date(int(found[1]), int(found[2]), int(found[3])) if found else None


def _at_unit(value: str, unit: str, offset: int, *, vague_day: bool = False) -> str | None:
    """``value`` (a TimeML date) moved ``offset`` units and written at the granularity of ``unit``.

    A day counted from a month or a year is unknown; with ``vague_day`` it is written with X ("that same
    day" after "in October 1998" is 1998-10-XX), otherwise there is no value.
    """
    day = _day_of(value)
    if unit in ("day", *_PART_CODES):
        if day is None:
            if offset or not vague_day or value[4:5] != "-" or value[5] == "W":
                return None
            return value[:7] + "-XX"
        moved = day_value(day + timedelta(days=offset))
        return moved + (f"T{_PART_CODES[unit]}" if unit in _PART_CODES else "")
    if unit == "week":
        return week_value(day + timedelta(weeks=offset)) if day else None
    if unit == "month":
        if len(value) < 7 or value[5] == "W":
            return None
        return month_value(*shift_months(int(value[:4]), int(value[5:7]), offset))
    return f"{int(value[:4]) + offset:04d}"


@rule(
    "same-unit",
    rf"(?:(?:earlier|later)\s+(?:on\s+|in\s+)?)?(?:that(?:\s+same)?|the\s+same)\s+{_UNIT}"
    r"(?P<back>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|the\s+(?:previous|prior)\s+year))?",
    triggers={"day", "week", "month", "year", "morning", "afternoon", "evening", "night"},
)
def _same_unit(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    """ "that day", "later that year", "the same month": the unit holding the last date mentioned; "the
    same month a year ago" is that month a year back."""
    if re.match(r"\s+(?:as|when|that|of|in)\b", ctx.after, re.IGNORECASE):
        return None  # "the same day as the vote", "that year's budget" name something else
    reference = _reference(ctx)
    unit = m["unit"].lower()
    if reference and m["back"]:
        if unit != "month" or len(reference) < 7 or reference[5] == "W":
            return None
        reference = month_value(*shift_months(int(reference[:4]), int(reference[5:7]), -12))
    vague_day = not re.fullmatch(r"that\s+\w+", m.group(), re.IGNORECASE)  # "that same day", "later that day"
    value = _at_unit(reference, unit, 0, vague_day=vague_day) if reference else None
    return ("TIME" if m["unit"].lower() in _PART_CODES else "DATE", value) if value else None


@rule(
    "following-unit",
    rf"the\s+(?P<rel>following|next|previous|preceding)\s+{_UNIT}|the\s+(?P<day>day)\s+(?P<dir>after|before)",
    triggers={"day", "week", "month", "year", "morning", "afternoon", "evening", "night"},
)
def _following_unit(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    """ "the following year", "the next morning", "the day before": one unit on from the last date.

    "the next week" and "the previous year" without an earlier date are the anchor's neighbours; a
    clause that goes on ("the next day or two", "the day after the vote") is a span or a relation.
    """
    unit = (m["unit"] or m["day"]).lower()
    relation = (m["rel"] or m["dir"]).lower()
    if m["day"] and not re.match(r"\s*(?:[,.;:)]|$)", ctx.after):
        return None  # "the day after the vote", "the day before returning": a relation to another event
    if re.match(r"\s+(?:or|to)\s", ctx.after):
        return None
    if relation == "next" and unit in ("week", "month", "year") and not ctx.document.last_date:
        return None  # left to "next week" / the duration rules
    reference = _reference(ctx)
    offset = 1 if relation in ("following", "next", "after") else -1
    value = _at_unit(reference, unit, offset) if reference else None
    return ("TIME" if unit in _PART_CODES else "DATE", value) if value else None


@rule(
    "following-weekday",
    rf"the\s+(?P<rel>previous|preceding|following)\s+(?P<wd>{FULL_WEEKDAY})",
    triggers={f"{day}day" for day in ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")},
)
def _following_weekday(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    """ "down 4.5% from the previous Friday" in a story about last Friday: the Friday before the last day
    the text named (else before the publication day), not that Friday itself."""
    reference = _day_of(ctx.document.last_day) if ctx.document.last_day else ctx.anchor
    if reference is None:
        return None
    direction = "next" if m["rel"].lower() == "following" else "last"
    return "DATE", day_value(weekday_date(reference, WEEKDAYS[m["wd"].lower()], direction))


_NARRATIVE_DAYS = 7
# A night's story runs past midnight: "at 10:50 p.m. ... under control after 4 a.m." is the next morning,
# unless the sentence steps back ("had left at 6 a.m.", "Earlier, ...").
_EVENING, _MORNING = "18", 9
_FLASHBACK = re.compile(r"\b(?:had|earlier|before)\b", re.IGNORECASE)


def narrative_day(ctx: Context, hour: int) -> str | None:
    """The day a bare clock time in a past-tense sentence falls on when the report has moved to an
    earlier day: the last day of an event it named in the week before publication ("late on Tuesday ...
    The blaze broke out shortly before 11 p.m."), or the morning after when that day's last clock time was
    in the evening ("at 10:50 p.m. on Tuesday ... under control shortly after 4 a.m." is Wednesday's)."""
    last = ctx.document.last_event_day
    if ctx.anchor is None or last is None or ctx.tense != "past":
        return None
    day = date.fromisoformat(last)
    if not 0 < (ctx.anchor - day).days <= _NARRATIVE_DAYS:
        return None
    clock = ctx.document.last_clock
    overnight = clock and clock[:10] == last and clock[11:13] >= _EVENING and hour < _MORNING
    if overnight and not _FLASHBACK.search(ctx.sentence):
        day += timedelta(days=1)
    return day.isoformat()


ANAPHORA_RULES: tuple[Rule, ...] = (_same_unit, _following_unit, _following_weekday)
