"""Rules for expressions that only mean something against the anchor: weekdays, "yesterday", "last month",
"five months ago", "next spring", "the year-ago quarter".

Without an anchor each resolver returns None: the expression is real but its date is unknown, and the
contract is never to invent one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyweave.text.timex._calendar import (
    day_value,
    month_value,
    nearest_month_day,
    quarter_value,
    season_value,
    shift_months,
    shift_quarter,
    week_value,
    weekday_date,
)
from storyweave.text.timex._context import Context
from storyweave.text.timex._lexicon import (
    DAY_PARTS,
    FULL_MONTH,
    FULL_WEEKDAY,
    MONTH_WORDS,
    NUMBER,
    SEASON,
    SEASON_WORDS,
    SEASONS,
    UNIT_WORDS,
    WEEKDAYS,
    YEAR,
    number_value,
)
from storyweave.text.timex._rule import Rule, rule
from storyweave.text.timex._rules_calendar import month_number
from storyweave.text.timex._rules_span import duration_value

__all__ = ["RELATIVE_RULES", "day_of_word"]

_PART = r"(?:morning|afternoon|evening|night|overnight)"
_LAST = r"(?:last|past|previous|this\s+past)"
_NEXT = r"(?:next|coming|this\s+coming)"
_DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def day_of_word(word: str, ctx: Context) -> date | None:
    """The date a weekday or "today"/"yesterday"/"tomorrow" names, against the anchor and the tense.

    A bare weekday in news is the latest one not after the publication date ("said Friday"), unless the
    sentence speaks of the future ("will meet Friday"), when it is the next one.
    """
    if ctx.anchor is None:
        return None
    key = word.lower().rstrip(".")
    if key in _DEICTIC:
        return ctx.anchor + timedelta(days=_DEICTIC[key])
    direction = "future" if ctx.tense == "future" else "past"
    return weekday_date(ctx.anchor, WEEKDAYS[key], direction)


def _with_part(day: date, part: str | None) -> str:
    return day_value(day) + (f"T{DAY_PARTS[part.lower()]}" if part else "")


_NOT_A_DAY = re.compile(r"\b[Gg]al\s*$")  # not "man": "police arrested a man Friday"
# A weekday naming a kind of thing, not a day: "the Sunday talk shows", "Sunday night primetime", "Sunday
# school" (but "Friday prayers", "a Sunday news conference", "Sunday services" happened on that day).
_GENERIC_DAY_AFTER = re.compile(
    r"\s+(?:(?:talk|political|morning|evening|night)\s+)?(?:talk\s+)?(?:shows|programs|programmes|"
    r"prime[\s-]?time|primetime|lineups?|school|night\s+football|papers|newspapers)\b",
    re.IGNORECASE,
)
# A newspaper named after its day: "the Sunday Times", "the Sunday Telegraph", "Sunday Mirror".
_PAPER_NAME_AFTER = re.compile(
    r"\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Tribune|Mail|Star|People|Independent|Age|Sun|World|"
    r"Business\s+Post|Observer)\b"
)


@rule(
    "weekday",
    rf"(?:(?P<rel>last|next|this|this\s+past|this\s+coming|(?:early|late|earlier|later)(?:\s+on)?)\s+)?"
    rf"(?P<wd>{FULL_WEEKDAY})(?:['’]s)?(?:\s+(?P<part>{_PART}))?",
    triggers={f"{day}day" for day in ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")},
)
def _weekday(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    if not m["wd"][0].isupper() or ctx.anchor is None:
        return None
    if not m["rel"] and _NOT_A_DAY.search(ctx.before):  # "his gal Friday"
        return None
    possessive = m.group().endswith(("'s", "’s"))  # "Friday's edition" is that Friday's
    if (
        not m["rel"]
        and not possessive
        and (_GENERIC_DAY_AFTER.match(ctx.after) or _PAPER_NAME_AFTER.match(ctx.after))
    ):  # "the Sunday talk shows"
        return None
    relation = (m["rel"] or "").lower().split()
    weekday = WEEKDAYS[m["wd"].lower()]
    if (relation[:1] in (["last"], ["this"]) and relation[-1:] == ["past"]) or relation == ["last"]:
        day = weekday_date(ctx.anchor, weekday, "last")
    elif relation and relation[-1] in ("next", "coming"):
        day = weekday_date(ctx.anchor, weekday, "next")
    else:
        day = day_of_word(m["wd"], ctx)
    if day is None:
        return None
    return ("TIME" if m["part"] else "DATE"), _with_part(day, m["part"])


@rule(
    "deictic-day",
    rf"(?:(?:early|earlier|late|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow)(?:['’]s)?(?:\s+(?P<part>{_PART}))?",
    triggers={"today", "tonight", "yesterday", "tomorrow"},
)
def _deictic_day(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    day = day_of_word(m["w"], ctx)
    if day is None:
        return None
    part = m["part"] or ("night" if m["w"].lower() == "tonight" else None)
    return ("TIME" if part else "DATE"), _with_part(day, part)


@rule(
    "part-of-today",
    r"(?:(?:early|earlier|late|later)\s+)?this\s+(?P<part>morning|afternoon|evening)|last\s+(?P<night>night)",
    triggers={"morning", "afternoon", "evening", "night"},
)
def _part_of_today(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    if ctx.anchor is None:
        return None
    if m["night"]:
        return "TIME", _with_part(ctx.anchor - timedelta(days=1), "night")
    return "TIME", _with_part(ctx.anchor, m["part"])


def _calendar_unit(anchor: date, unit: str, offset: int) -> str | None:
    """The week/month/quarter/year/decade ``offset`` units from the one holding ``anchor``."""
    if unit == "day":
        return day_value(anchor + timedelta(days=offset))
    if unit == "week":
        return week_value(anchor + timedelta(weeks=offset))
    if unit == "weekend":
        return week_value(anchor + timedelta(weeks=offset)) + "-WE"
    if unit == "month":
        return month_value(*shift_months(anchor.year, anchor.month, offset))
    if unit == "quarter":
        return quarter_value(*shift_quarter(anchor.year, (anchor.month - 1) // 3 + 1, offset))
    if unit == "year":
        return f"{anchor.year + offset:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + offset:03d}"
    if unit == "century":
        return f"{anchor.year // 100 + offset:02d}"
    return None


@rule(
    "this-last-next-unit",
    rf"(?:(?:early|late|later|earlier)\s+(?:in\s+)?)?(?P<rel>this|{_LAST}|{_NEXT}|the\s+(?:past|last|previous|coming|next|current|full))"
    r"\s+(?:fiscal\s+|calendar\s+)?(?P<unit>week|weekend|month|quarter|year|decade|century)",
    triggers={"week", "weekend", "month", "quarter", "year", "decade", "century"},
)
def _this_last_next_unit(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    if ctx.anchor is None:
        return None
    relation = m["rel"].lower().split()[-1]
    offset = {"this": 0, "current": 0, "full": 0, "next": 1, "coming": 1}.get(relation, -1)
    unit = m["unit"].lower()
    if unit == "century" and offset != 0:
        return None  # "the past century" is a stretch of a hundred years, not the previous century
    if unit == "decade" and relation == "past":
        return "DURATION", "P10Y"  # "the past decade": the ten years just gone
    value = _calendar_unit(ctx.anchor, unit, offset)
    if value and unit == "quarter":
        ctx.document.quarter = value
    return ("DATE", value) if value else None


@rule("relative-month", rf"(?P<rel>last|next|this|this\s+past)\s+(?P<m>{FULL_MONTH})", triggers=MONTH_WORDS)
def _relative_month(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    if ctx.anchor is None or not m["m"][0].isupper():
        return None
    month = month_number(m["m"])
    relation = m["rel"].lower()
    tense = "future" if relation == "next" else ("past" if relation != "this" else ctx.tense)
    anchor = ctx.anchor
    if relation == "last" or relation.endswith("past"):
        anchor = date(*shift_months(anchor.year, anchor.month, -1), 1)
    elif relation == "next":
        anchor = date(*shift_months(anchor.year, anchor.month, 1), 1)
    resolved = nearest_month_day(anchor, month, None, tense)
    return ("DATE", month_value(*resolved)) if resolved else None


@rule(
    "relative-season",
    rf"(?:(?P<rel>this|last|next|this\s+past|this\s+coming|the)\s+)?(?:(?:early|late)\s+)?(?P<s>{SEASON})",
    triggers=SEASON_WORDS,
)
def _relative_season(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    if ctx.anchor is None:
        return None
    relation = (m["rel"] or "this").lower().split()[-1]
    if relation == "fall" or (m["s"].lower() == "fall" and not m["rel"]):
        return None  # bare "fall" is nearly always the verb or the noun "a fall in prices"
    relation = {"past": "last", "coming": "next", "the": "this"}.get(relation, relation)
    if relation == "this" and ctx.tense == "past" and m["rel"] is None:
        relation = "this"
    return "DATE", season_value(ctx.anchor, SEASONS[m["s"].lower()], relation)


_AGO_UNIT = r"(?P<unit>days?|weeks?|months?|years?|decades?|quarters?)"


@rule(
    "units-ago",
    rf"(?:(?:about|almost|nearly|some|more\s+than|less\s+than|over|just)\s+)?(?P<n>{NUMBER})[\s-]+{_AGO_UNIT}\s+(?P<dir>ago|earlier|before|later|after|from\s+now|hence)",
    triggers=UNIT_WORDS,
)
def _units_ago(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    count = number_value(m["n"])
    unit = m["unit"].lower().rstrip("s")
    direction = m["dir"].lower()
    if direction in ("earlier", "before", "later", "after"):
        # Counted from another event, not from the report's date: TimeML marks the distance only, except
        # "a year earlier", which in results news names the same period a year back.
        if unit == "year" and count == 1 and direction == "earlier" and ctx.anchor is not None:
            return "DATE", _year_back_quarter(ctx) or f"{ctx.anchor.year - 1:04d}"
        return "DURATION", duration_value(count, unit)
    if unit == "year" and count == 1 and direction == "ago":
        quarter = _year_back_quarter(ctx)
        if quarter:
            return "DATE", quarter
    if count is None:
        return "DATE", "PAST_REF" if direction in ("ago", "earlier", "before") else "FUTURE_REF"
    if ctx.anchor is None:
        return None
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    steps = int(count) * sign
    if unit == "decade":
        unit, steps = "year", steps * 10
    if unit == "day":
        return "DATE", day_value(ctx.anchor + timedelta(days=steps))
    if unit == "week":  # "two weeks ago" is a day in TimeBank and MEANTIME alike, not a week
        return "DATE", day_value(ctx.anchor + timedelta(weeks=steps))
    if unit == "month":
        return "DATE", month_value(*shift_months(ctx.anchor.year, ctx.anchor.month, steps))
    if unit == "quarter":
        return "DATE", quarter_value(*shift_quarter(ctx.anchor.year, (ctx.anchor.month - 1) // 3 + 1, steps))
    return "DATE", f"{ctx.anchor.year + steps:04d}"


# A sentence about a longer period than a quarter ("through the first nine months, compared with earnings
# a year earlier"): its "a year earlier" is the year before, not the quarter.
_MONTHS_NOT_QUARTER = re.compile(
    r"\b(?:(?:six|nine|twelve|6|9|12)[\s-]+months|(?:first|second)\s+half|fiscal\s+year)\b", re.IGNORECASE
)
_QUARTER_WORD = re.compile(r"\bquarter", re.IGNORECASE)


def _year_back_quarter(ctx: Context) -> str | None:
    """Four quarters before the document's current quarter, once the document reports on a quarter:
    in results news "up from $10 million a year ago" compares with the same quarter a year back, unless
    its sentence is about a half or nine months (see ``_MONTHS_NOT_QUARTER``)."""
    if ctx.document.quarter is None:
        return None
    if _MONTHS_NOT_QUARTER.search(ctx.sentence) and not _QUARTER_WORD.search(ctx.sentence):
        return None
    year, quarter = int(ctx.document.quarter[:4]), int(ctx.document.quarter[-1])
    return quarter_value(year - 1, quarter)


@rule(
    "reference-quarter",
    r"(?:the\s+)?(?:(?P<rel>latest|most\s+recent|recent|just[\s-]+ended|just[\s-]+completed|"
    r"year[\s-]+(?:earlier|ago)|comparable|same|previous|prior|current)\s+)?(?:fiscal\s+)?(?:quarter|period)"
    r"(?:\s+a\s+year\s+(?:ago|earlier))?|year[\s-]+(?:earlier|ago)",
    triggers={"quarter", "period", "year"},
)
def _reference_quarter(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    text = m.group().lower()
    if not text.startswith("the") and "year" not in text:
        return None
    if ctx.anchor is None:
        return None
    if "period" in text and "year" not in text and "latest" not in text:
        return None
    this_quarter = (ctx.anchor.year, (ctx.anchor.month - 1) // 3 + 1)
    if "current" in text:
        reference = quarter_value(*this_quarter)
    elif m["rel"] or "period" in text:
        reference = quarter_value(*shift_quarter(*this_quarter, -1))  # the latest quarter reported
    else:
        reference = ctx.document.quarter or quarter_value(*shift_quarter(*this_quarter, -1))
    if "year" in text:
        return "DATE", quarter_value(int(reference[:4]) - 1, int(reference[-1]))
    ctx.document.quarter = reference
    return "DATE", reference


@rule(
    "year-quarter", rf"the\s+(?P<y>{YEAR})\s+(?:fiscal\s+)?(?:quarter|period)", triggers={"quarter", "period"}
)
def _year_quarter(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    """ "the 1988 quarter": the quarter under discussion, in the year named."""
    quarter = ctx.document.quarter
    return "DATE", f"{m['y']}-Q{quarter[-1]}" if quarter else m["y"]


@rule("weekend", r"(?:the|this|last|next|this\s+past|over\s+the)\s+weekend", triggers={"weekend"})
def _weekend(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    if ctx.anchor is None:
        return None
    text = m.group().lower()
    if (
        text.startswith(("last", "this past"))
        or ctx.tense == "past"
        or (ctx.anchor.weekday() < 4 and "next" not in text)
    ):
        offset = -1 if ctx.anchor.weekday() < 5 else 0
    else:
        offset = 1 if "next" in text and ctx.anchor.weekday() >= 4 else 0
    return "DATE", week_value(ctx.anchor + timedelta(weeks=offset)) + "-WE"


@rule(
    "within-unit",
    r"(?:earlier|later)\s+(?:in\s+)?(?:this|the)\s+(?P<unit>week|month|year)",
    triggers={"week", "month", "year"},
)
def _within_unit(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    if ctx.anchor is None:
        return None
    value = _calendar_unit(ctx.anchor, m["unit"].lower(), 0)
    return ("DATE", value) if value else None


RELATIVE_RULES: tuple[Rule, ...] = (
    _weekday,
    _deictic_day,
    _part_of_today,
    _this_last_next_unit,
    _relative_month,
    _relative_season,
    _units_ago,
    _reference_quarter,
    _year_quarter,
    _weekend,
    _within_unit,
)
