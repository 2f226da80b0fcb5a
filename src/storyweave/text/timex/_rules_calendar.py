"""Rules for expressions that name the calendar: dates, months, years, decades, centuries, quarters, halves,
seasons and clock times.

Most carry their own value ("August 2014"); the ones that leave out the year ("March 8", "the third
quarter", "3 p.m.") take it from the anchor, so they resolve only when the document has a date.
"""

from __future__ import annotations

import re
from datetime import date

from storyweave.text.timex._calendar import (
    day_value,
    month_value,
    nearest_month_day,
    quarter_value,
    shift_months,
)
from storyweave.text.timex._context import Context
from storyweave.text.timex._lexicon import (
    CLOCK_WORDS,
    DAY,
    DIGITS,
    MONTH,
    MONTH_WORDS,
    MONTHS,
    SEASON,
    SEASON_WORDS,
    SEASONS,
    WEEKDAY,
    YEAR,
    alternatives,
)
from storyweave.text.timex._rule import Rule, rule
from storyweave.text.timex._rules_anaphora import narrative_day

__all__ = ["CALENDAR_RULES", "day_number", "full_date", "month_number"]

_SEP = r"\s*,?\s*"
_EDGE = r"(?:(?:the\s+)?(?:early|late|mid|middle|end|beginning|start)(?:\s+of)?[\s-]+(?:the\s+)?)"
_QUARTER_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# "the final quarter of 2009" is its fourth; "the last quarter" alone is the one before the anchor's.
_QUARTER_WORD = alternatives([*_QUARTER_ORDINAL, "final", "last"])
_PLAIN_YEAR = r"(?:this|last|next)\s+year"
_RELATIVE_YEAR = r"(?:this|last|next|the\s+previous|the\s+current)\s+(?:fiscal\s+)?year['’]s"
# Words that make a bare "May" or "March" a month rather than a verb or a name.
_MONTH_LEAD = re.compile(
    r"(?:\b(?:in|since|by|until|till|through|from|to|of|during|before|after|early|late|mid|last|next|"
    r"this|since|between|and|or|each|every)[\s-]*)$",
    re.IGNORECASE,
)


_TENS = {"ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80,
         "ninety": 90}  # fmt: skip
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
# Years as broadcast transcripts spell them: "nineteen ninety-six", "the year two thousand".
_SPELLED_YEAR = (
    rf"(?:nineteen|eighteen)[\s-]+{alternatives(_TENS)}(?:[\s-]+{alternatives(_ONES)})?"
    rf"|(?:the\s+year\s+)?two\s+thousand(?:\s+(?:and\s+)?{alternatives(_ONES)})?"
)


def _spelled_year(text: str) -> int | None:
    words = text.lower().replace("-", " ").split()
    if "thousand" in words:
        return 2000 + (_ONES.get(words[-1], 0))
    century = 1900 if words[0] == "nineteen" else 1800
    return century + _TENS[words[1]] + (_ONES[words[2]] if len(words) > 2 else 0)


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _year_of(word: str, anchor: date | None) -> int | None:
    """A year written as digits or relative to the anchor ("this year's", "last year's")."""
    word = word.lower()
    if word[:4].isdigit():
        return int(word[:4])
    if anchor is None:
        return None
    if word.startswith("last") or "previous" in word:
        return anchor.year - 1
    if word.startswith("next"):
        return anchor.year + 1
    return anchor.year


def full_date(year: int, month: int, day: int) -> str | None:
    try:
        return day_value(date(year, month, day))
    except ValueError:
        return None


@rule(
    "month-day-year",
    rf"(?:{WEEKDAY},?\s+)?(?P<m>{MONTH})\s*(?P<d>{DAY}){_SEP}(?P<y>{YEAR})(?!\d)",
    triggers=MONTH_WORDS,
)
def _month_day_year(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    value = full_date(int(m["y"]), month_number(m["m"]), day_number(m["d"]))
    return ("DATE", value) if value else None


@rule(
    "day-month-year",
    rf"(?:{WEEKDAY},?\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH}){_SEP}(?P<y>{YEAR})(?!\d)",
    triggers=MONTH_WORDS,
)
def _day_month_year(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    value = full_date(int(m["y"]), month_number(m["m"]), day_number(m["d"]))
    return ("DATE", value) if value else None


@rule(
    "iso-date",
    r"(?P<y>[12]\d{3})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<h>[0-2]\d):(?P<mi>[0-5]\d))?",
    triggers={DIGITS},
)
def _iso_date(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    value = full_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if value and m["h"]:
        return "TIME", f"{value}T{m['h']}:{m['mi']}"
    return ("DATE", value) if value else None


@rule(
    "numeric-date",
    r"(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>(?:19|20)\d\d)",
    triggers={DIGITS},
)
def _numeric_date(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    value = full_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return ("DATE", value) if value else None


@rule(
    "month-day",
    rf"(?:{WEEKDAY},?\s+)?(?:(?P<m>{MONTH})\s*(?P<d>{DAY})(?!\s*,?\s*\d)|(?P<d2>{DAY})\s+(?:of\s+)?(?P<m2>{MONTH}))",
    triggers=MONTH_WORDS,
)
def _month_day(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    month_word, day_word = (m["m"], m["d"]) if m["m"] else (m["m2"], m["d2"])
    if month_word[0].islower() or ctx.anchor is None:
        return None
    # A dateline ("WASHINGTON, August 13 (Xinhua)") is the day the story was filed: the one nearest the
    # anchor, whatever the tense of the sentence it opens.
    dateline = re.match(r"\s*\(", ctx.after) and re.search(r"[A-Z]{3,},?\s*$", ctx.before)
    month, day = month_number(month_word), day_number(day_word)
    resolved = nearest_month_day(ctx.anchor, month, day, None if dateline else ctx.tense)
    if resolved is None:
        return None
    value = full_date(resolved[0], month, day)
    return ("DATE", value) if value else None


@rule(
    "month-year",
    rf"{_EDGE}?(?P<m>{MONTH}){_SEP}(?:of\s+)?(?:(?P<y>{YEAR})(?!\d)|(?P<rel>this|last|next)\s+year|(?P<spelled>{_SPELLED_YEAR}))",
    triggers=MONTH_WORDS,
)
def _month_year(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    if m["y"]:
        year: int | None = int(m["y"])
    elif m["spelled"]:
        year = _spelled_year(m["spelled"])
    else:
        year = _year_of(m["rel"], ctx.anchor)
    return ("DATE", month_value(year, month_number(m["m"]))) if year else None


@rule("month", rf"{_EDGE}?(?P<m>{MONTH})", case_sensitive=False, triggers=MONTH_WORDS)
def _month(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    word = m["m"]
    if not word[0].isupper() or ctx.anchor is None:
        return None
    bare = m.start("m") == m.start()
    if re.match(r"\s*\d", ctx.after) or (
        re.match(r"\s*\(", ctx.after) and re.search(r"[A-Z]{3,},?\s*$", ctx.before)
    ):
        return None  # the rest of a dateline or a table cell, not a month on its own
    # "the March accession": a month before a noun, as in "the May elections", is the month.
    modifier = re.search(r"\bthe\s+$", ctx.before, re.IGNORECASE) and re.match(r"\s+(?!of\b)[a-z]", ctx.after)
    if bare and word.lower() in ("may", "march") and not (_MONTH_LEAD.search(ctx.before) or modifier):
        return None  # "may" the verb, "March" the verb or a name
    if len(word) <= 4 and word.lower() not in ("may", "june", "july") and not word.endswith(".") and bare:
        return None
    month = month_number(word)
    resolved = nearest_month_day(ctx.anchor, month, None, ctx.tense or "past")
    return ("DATE", month_value(*resolved)) if resolved else None


@rule(
    "year",
    rf"{_EDGE}?(?:(?:the\s+)?fiscal(?:\s+year)?\s+|calendar\s+)?(?<![$#£€\d.,])(?P<y>{YEAR})(?![\d%]|[.,]\d|\s*(?:percent|per\s*cent))",
    triggers={DIGITS},
)
def _year(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    before = ctx.before.rstrip()
    if before.endswith(("$", "No.", "no.", "#", "Flight", "flight", "Room", "room", "Route", "route")):
        return None
    return "DATE", m["y"]


@rule("spelled-year", _SPELLED_YEAR, triggers={"nineteen", "eighteen", "thousand"})
def _spelled_year_rule(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    year = _spelled_year(m.group())
    return ("DATE", f"{year:04d}") if year else None


@rule(
    "decade", r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<c>1[6-9]|20)?(?P<d>\d)0['’]?s", triggers={DIGITS}
)
def _decade(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    if m["c"]:
        return "DATE", f"{m['c']}{m['d']}"
    paired = re.search(r"\d0['’]?s\s+(?:and|or|to|through)\s+$", ctx.before)  # "the 70s and 80s"
    if not paired and not re.search(r"['’]\d0['’]?s$|^the", m.group(), re.IGNORECASE):
        return None  # "20s" with nothing else is an age bracket, not a decade
    century = "19" if int(m["d"]) >= 2 else "20"
    return "DATE", f"{century}{m['d']}"


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}  # fmt: skip


@rule(
    "decade-word",
    rf"the\s+(?:(?:early|late|mid)[\s-]+)?(?P<w>{alternatives(_DECADE_WORDS)})",
    triggers=_DECADE_WORDS,
)
def _decade_word(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    """ "the nineties" is the 1990s (199); "the" is required, since "in her forties" is an age."""
    return "DATE", f"19{_DECADE_WORDS[m['w'].lower()]}"


@rule(
    "century",
    r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<n>[12]?\d)(?:st|nd|rd|th)[\s-]+century",
    triggers={DIGITS},
)
def _century(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    return "DATE", f"{int(m['n']) - 1:02d}"


@rule(
    "ordinal-quarter",
    rf"(?:the\s+|a\s+)?(?:comparable\s+)?(?P<ago>year[\s-]+(?:ago|earlier)\s+)?"
    rf"(?:(?P<y1>{YEAR}|{_RELATIVE_YEAR})\s+)?(?:fiscal[\s-]+)?(?P<q>{_QUARTER_WORD})"
    rf"[\s-]+(?:fiscal[\s-]+)?quarter(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y2>{YEAR}|{_PLAIN_YEAR}))?",
    triggers={"quarter", "quarters"},
)
def _ordinal_quarter(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    written = m["y1"] or m["y2"]
    if m["q"].lower() in ("final", "last") and not written:
        return None
    quarter = _QUARTER_ORDINAL.get(m["q"].lower(), 4)
    year = _year_of(written, ctx.anchor) if written else None
    if year is None:
        if ctx.anchor is None:
            return None
        # The publication year, unless the quarter is more than one ahead and the sentence is not about
        # the future: "the fourth quarter" in a January report is last year's.
        current = (ctx.anchor.month - 1) // 3 + 1
        year = ctx.anchor.year - (quarter > current + 1 and ctx.tense != "future")
    if m["ago"]:  # "the year-ago third quarter": the comparison, not the quarter under discussion
        return "DATE", quarter_value(year - 1, quarter)
    value = quarter_value(year, quarter)
    ctx.document.quarter = value
    return "DATE", value


@rule(
    "half-year",
    rf"(?:the\s+)?(?P<h>first|second|1st|2nd|last)\s+half(?:\s+of\s+(?P<y>{YEAR}|{_PLAIN_YEAR}))?"
    rf"(?!\s+of\s+(?:the\s+)?(?:{MONTH}|month|week|decade|century|season|game|match)\b)",
    triggers={"half"},
)
def _half_year(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    year = _year_of(m["y"], ctx.anchor) if m["y"] else (ctx.anchor.year if ctx.anchor else None)
    if year is None or (m["y"] is None and not m.group().lower().startswith("the")):
        return None
    half = 1 if m["h"].lower() in ("first", "1st") else 2
    return "DATE", f"{year:04d}-H{half}"


@rule(
    "season-year",
    rf"(?:the\s+)?{_EDGE}?(?P<s>{SEASON})(?:\s+of)?\s+(?:(?P<y>{YEAR})(?!\d)|(?P<sp>{_SPELLED_YEAR}))",
    triggers=SEASON_WORDS,
)
def _season_year(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    year = int(m["y"]) if m["y"] else _spelled_year(m["sp"])
    return ("DATE", f"{year:04d}-{SEASONS[m['s'].lower()]}") if year else None


@rule(
    "unit-end",
    r"(?:the\s+)?end\s+of\s+(?:the\s+|(?P<rel>this|last|next)\s+)?(?P<unit>year|month)"
    r"|year[\s-]end|year['’]s\s+end",
    triggers={"end"},
)
def _unit_end(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    """ "by year-end", "the end of the month": the year or month holding the anchor (TimeML keeps the
    "end" as a modifier, not in the value); "since year-end" looks back to the last one."""
    if ctx.anchor is None:
        return None
    offset = {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
    if re.search(r"\bsince\s+$", ctx.before, re.IGNORECASE):
        offset = -1
    if (m["unit"] or "year").lower() == "month":
        return "DATE", month_value(*shift_months(ctx.anchor.year, ctx.anchor.month, offset))
    return "DATE", f"{ctx.anchor.year + offset:04d}"


_MERIDIEM = r"(?P<ap>[ap])\.?\s?m\b\.?"
_ZONE = r"(?:\s+(?P<z>[ECMP][SD]T|GMT|UTC|ET|PT))?"
_DAY_AFTER = (
    rf"(?:,?\s+(?:on\s+)?(?P<wd>{WEEKDAY})|,?\s+(?:on\s+)?(?P<rd>today|yesterday|tomorrow)"
    rf"|\s*,?\s+(?:on\s+)?(?P<mon>{MONTH})\s*(?P<mday>{DAY})(?!\s*,?\s*\d))?"
)


@rule(
    "clock-time",
    rf"(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*{_MERIDIEM}"
    r"|(?P<h24>[01]?\d|2[0-3]):?(?P<m24>[0-5]\d)(?=\s+(?:GMT|UTC|local|[ECMP][SD]T)\b)"
    rf"|(?P<word>noon|midnight|midday)){_ZONE}{_DAY_AFTER}",
    triggers=CLOCK_WORDS,
)
def _clock_time(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    """A clock time on the day written after it ("5 p.m. EST, Nov. 6", "noon Friday"), else on the day an
    earlier expression of the sentence named ("On Friday ... at 3 p.m."), else on the anchor's day."""
    from storyweave.text.timex._rules_relative import day_of_word  # the weekday logic lives there

    if (
        m["word"]
        and not (m["wd"] or m["rd"] or m["mon"])
        and not re.search(r"\b(?:at|by|until|before|after)\s+$", ctx.before)
    ):
        return None  # bare "noon" is usually a figure of speech in news; "noon Friday" is a time
    if ctx.anchor is None:
        return None
    day_text: str | None = None
    if m["mon"]:
        resolved = nearest_month_day(ctx.anchor, month_number(m["mon"]), day_number(m["mday"]), ctx.tense)
        day_text = full_date(resolved[0], month_number(m["mon"]), day_number(m["mday"])) if resolved else None
    elif m["wd"] or m["rd"]:
        weekday = day_of_word(m["wd"] or m["rd"], ctx)
        day_text = weekday.isoformat() if weekday else None
    if m["word"]:
        hour, minute = (24 if m["word"].lower() == "midnight" else 12), 0
    elif m["h24"]:
        hour, minute = int(m["h24"]), int(m["m24"])
    else:
        hour, minute = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0), int(m["mi"] or 0)
    if not (m["mon"] or m["wd"] or m["rd"]):
        day_text = ctx.day_in_sentence or narrative_day(ctx, hour) or ctx.anchor.isoformat()
    if day_text is None:
        return None
    zone = "Z" if m["z"] and m["z"].upper() in ("UTC", "GMT") else ""
    return "TIME", f"{day_text}T{hour:02d}:{minute:02d}{zone}"


CALENDAR_RULES: tuple[Rule, ...] = (
    _month_day_year,
    _day_month_year,
    _iso_date,
    _numeric_date,
    _month_day,
    _month_year,
    _month,
    _year,
    _spelled_year_rule,
    _decade,
    _decade_word,
    _century,
    _ordinal_quarter,
    _half_year,
    _season_year,
    _unit_end,
    _clock_time,
)
