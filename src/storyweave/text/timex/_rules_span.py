"""Rules for expressions that need no anchor: durations ("two weeks", "a five-year plan"), recurrences
("each week", "daily") and the vague references TimeML keeps as words (PRESENT_REF, PAST_REF, FUTURE_REF).

These resolve the same with or without a publication date, so an undated report still gets them.
"""

from __future__ import annotations

import re

from storyweave.text.timex._context import Context
from storyweave.text.timex._lexicon import (
    DIGITS,
    FULL_MONTH,
    FULL_WEEKDAY,
    MONTH_WORDS,
    MONTHS,
    NUMBER,
    UNIT,
    UNIT_WORDS,
    WEEKDAY_WORDS,
    WEEKDAYS,
    alternatives,
    number_value,
    unit_of,
)
from storyweave.text.timex._rule import Rule, rule

__all__ = ["SPAN_RULES", "duration_value"]

# Words that may lead a duration and belong to its span: "about two years", "the past three months".
_HEDGE = (
    r"(?:(?:about|almost|nearly|roughly|around|approximately|some|more\s+than|less\s+than|over|under|"
    r"up\s+to|at\s+least|just|only|another|an\s+additional|"
    r"the\s+(?:past|last|next|first|previous|coming|following|latest)|(?:past|last|next|first|previous|coming)|"
    r"the)\s+)"
)


# A fraction of a clock unit written in the next smaller one, as TimeBank does: 5 1/2 hours is PT5H30M.
# (Fractions of years stay decimal, P2.5Y: TimeBank and MEANTIME disagree there.)
_SMALLER = {"H": ("M", 60), "M": ("S", 60)}


def duration_value(count: float | None, unit_word: str) -> str:
    """TimeML duration: P2W, PT3H, P2.5Y, PT5H30M; a vague count is X (PXY); decades and centuries in
    years."""
    letter, is_clock, multiplier = unit_of(unit_word)
    total = None if count is None else count * multiplier
    if is_clock and total is not None and total != int(total) and count > 1 and letter in _SMALLER:
        smaller, per = _SMALLER[letter]
        rest = (total - int(total)) * per
        if rest == int(rest):
            return f"PT{int(total)}{letter}{int(rest)}{smaller}"
    if count is None:
        amount = "X"
        if multiplier == 10:
            letter, amount = "DE", "X"
        elif multiplier == 100:
            letter, amount = "CE", "X"
    else:
        total = count * multiplier
        amount = str(int(total)) if total == int(total) else f"{total:g}"
    return ("PT" if is_clock else "P") + amount + letter


@rule(
    "duration",
    rf"{_HEDGE}{{0,2}}(?P<n>{NUMBER})(?P<and>\s+and\s+a\s+half|\s+1/2)?(?:\s+(?:trading|business|working|straight|consecutive|calendar|more))?[\s-]+(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?(?P<old>[\s-]+old)?(?:[\s-]+long)?",
    triggers=UNIT_WORDS,
)
def _duration(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    count = number_value(m["n"])
    word, unit = m["n"].lower(), m["unit"].lower()
    if m["old"]:
        return None  # an age ("a 44-year-old"), which TimeML does not mark
    if word in ("a", "an"):
        if unit in ("second", "quarter"):
            return None  # "a second betrayal", "a quarter of the market"
        if re.search(r"(?:million|billion|\$[\d.,]+|cents?)\s*$", ctx.before, re.IGNORECASE):
            return None  # a rate of money ("$500 million a year"), not annotated as time
        if re.search(r"(?:\d|\bper|\btimes|\bonce|\btwice|\bhours?|\bdays?)\s*$", ctx.before, re.IGNORECASE):
            return "SET", duration_value(1, unit)  # "15 a year", "twice a week"
    if word == "one" and unit == "day" and re.search(r"\b(?:will|would|could|might|may)\s+$", ctx.before):
        return None  # "will one day be": some future day, left to ``_future_ref``
    if count is not None and count >= 1000:
        return None  # "the 1988 quarter" is a year
    if word == "some" and not unit.endswith("s"):
        return None
    if (
        unit.startswith("quarter")
        and re.search(r"-quarters?$", m.group(), re.IGNORECASE)
        and count
        and count < 4
    ):
        return None  # "three-quarters of its food" is a fraction
    if count is not None and (m["and"] or m["half"]):
        count += 0.5
    return "DURATION", duration_value(count, unit)


_RANGE_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty",
)  # fmt: skip
_RANGE_NUMBER = rf"(?:\d+(?:\.\d+)?|{alternatives(_RANGE_WORDS)}\b)"


@rule(
    "range-start",
    rf"(?P<n>{_RANGE_NUMBER})(?=\s+(?:to|and|or)\s+{_RANGE_NUMBER}[\s-]+(?P<unit>{UNIT})"
    r"\b(?![\s-]+(?:old|ago|earlier|later|before|after)\b))",
    triggers={DIGITS, *_RANGE_WORDS},
)
def _range_start(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    """ "between 60 and 90 days", "two to six days": TimeBank and MEANTIME mark the first number as a
    duration of its own, in the unit written after the second ("60" is P60D), and the second as usual."""
    count = number_value(m["n"])
    if count is None or count >= 1000:
        return None
    return "DURATION", duration_value(count, m["unit"])


@rule(
    "half-unit",
    r"(?:a\s+|an\s+)?half(?:\s+an?|-an?)?[\s-]+(?P<unit>hour|day|year|century|decade)",
    triggers={"half"},
)
def _half_unit(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    return "DURATION", duration_value(0.5, m["unit"]).replace("0.5H", "30M")


@rule(
    "bare-units",
    rf"(?:(?:for|over|in(?:\s+just)?|within|recent|the\s+(?:past|last|next|coming))\s+)?(?P<unit>{UNIT})"
    r"(?=\s+(?:of|ago|to\s+come|now|before|after|later|earlier)\b|\s?[,.;])",
    triggers=UNIT_WORDS,
)
def _bare_units(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    unit = m["unit"].lower()
    text = m.group().lower()
    if not unit.endswith("s") or unit.startswith("second") or text == unit:
        return None
    if re.match(r"\s+ago", ctx.after):
        return "DATE", "PAST_REF"
    if text.startswith("recent") and unit == "years":
        return "DATE", "PAST_REF"
    return "DURATION", duration_value(None, unit)


@rule(
    "open-span",
    r"(?:over|throughout)\s+the\s+(?P<unit>years|decades)|the\s+(?P<ahead>days|weeks|months|years)\s+ahead"
    r"|(?<=\bin\s)coming\s+(?P<coming>days|weeks|years)|(?<=\bthe\s)(?P<followed>years|months)(?=\s+that\s+followed)"
    r"|(?:for\s+)?a\s+(?:long\s+|little\s+|short\s+)?while",
    triggers={"years", "decades", "days", "weeks", "months", "while"},
)
def _open_span(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    """Stretches of unstated length, which TimeML writes with X: "over the years" (PXY), "the weeks ahead"
    and "in coming weeks" (PXW), "in the years that followed", "for a while" (PXX, no unit at all).
    ("coming months" stays FUTURE_REF, see ``_future_ref``.)"""
    unit = m["unit"] or m["ahead"] or m["coming"] or m["followed"]
    if unit is None and re.search(r"\bonce\s+in\s+$", ctx.before, re.IGNORECASE):
        return None  # "once in a while" is a frequency, not a stretch of time
    if unit is None and re.match(r"\s+ago\b", ctx.after):
        return "DATE", "PAST_REF"
    return "DURATION", duration_value(None, unit) if unit else "PXX"


@rule("year-ended", r"the\s+(?:fiscal\s+|financial\s+)?year(?=\s+end(?:ed|ing)\b)", triggers={"year"})
def _year_ended(m: re.Match[str], ctx: Context) -> tuple[str, str]:
    """ "the fiscal year ended Jan. 31" is the twelve months up to that day, a duration in TimeML, not the
    calendar year the end date falls in."""
    return "DURATION", "P1Y"


_ADVERB_UNITS = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "nightly": "night",
                 "hourly": "hour"}  # fmt: skip


# "daily" only at a clause end ("prices are checked daily."): before a noun it is an adjective
# ("the party daily Granma", "daily volume") that TimeML leaves unmarked.
@rule(
    "recurrence",
    r"(?P<word>daily|weekly|monthly|yearly|nightly|hourly)(?=\s*[,.;:)]|\s+basis|$)"
    r"|(?:each|every|per)\s+(?P<n>other\s+)?"
    r"(?P<unit>day|week|month|quarter|year|hour|night|morning|evening|weekend|summer|winter)",
    triggers=UNIT_WORDS
    | {
        "daily",
        "weekly",
        "monthly",
        "yearly",
        "nightly",
        "hourly",
        "morning",
        "evening",
        "weekend",
        "summer",
        "winter",
    },
)
def _recurrence(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    if m["word"]:
        return "SET", duration_value(1, _ADVERB_UNITS[m["word"].lower()])
    unit = m["unit"].lower()
    if unit in ("morning", "evening"):
        return "SET", f"XXXX-XX-XXT{'MO' if unit == 'morning' else 'EV'}"
    if unit == "weekend":
        return "SET", "XXXX-WXX-WE"
    if unit in ("summer", "winter"):
        return "SET", f"XXXX-{unit[:2].upper()}"
    return "SET", duration_value(2 if m["n"] else 1, unit)


@rule(
    "named-recurrence",
    rf"(?:each|every)\s+(?P<wd>{FULL_WEEKDAY})|(?:each|every)\s+(?P<m>{FULL_MONTH})|(?P<wds>{FULL_WEEKDAY})s",
    triggers=MONTH_WORDS
    | WEEKDAY_WORDS
    | {f"{day}days" for day in ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")},
)
def _named_recurrence(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    """ "every Monday" is the set of Mondays (XXXX-WXX-1), "each July" the set of Julys (XXXX-07) and
    "Fridays" on its own the set of Fridays: TimeML writes a recurrence as its value with the year left
    out."""
    weekday = m["wd"] or m["wds"]
    if weekday:
        if not weekday[0].isupper():
            return None
        return "SET", f"XXXX-WXX-{WEEKDAYS[weekday.lower()] + 1}"
    if not m["m"][0].isupper():
        return None
    return "SET", f"XXXX-{MONTHS[m['m'].lower()]:02d}"


_PRESENT = (
    r"now|right\s+now|currently|current|at\s+present|presently|nowadays|these\s+days"
    r"|the\s+present(?:\s+time)?|then[\s-]current"
)
# "recent" on its own ("a recent SEC filing") is PAST_REF in TimeBank and MEANTIME alike.
_PAST = (
    r"(?:more\s+|most\s+)?recently|recent|lately|the\s+past|in\s+the\s+past|years\s+ago|long\s+ago"
    r"|(?:the\s+)?old\s+days"
)
_FUTURE = (
    r"the\s+future|the\s+(?:near|short|long)\s+term|(?:the\s+)?coming\s+months|soon|a\s+later\s+date"
    r"|(?:in\s+)?(?:the\s+)?years\s+to\s+come|someday|one\s+day"
)


@rule("recent-units", r"recent\s+(?P<unit>years|decades|months|weeks|days|quarters)", triggers=UNIT_WORDS)
def _recent_units(m: re.Match[str], ctx: Context) -> tuple[str, str]:
    """ "recent years" is PAST_REF in TimeML practice; shorter spans are vague durations ("recent weeks")."""
    unit = m["unit"].lower()
    if unit in ("years", "decades"):
        return "DATE", "PAST_REF"
    return "DURATION", duration_value(None, unit)


@rule(
    "present-ref",
    _PRESENT,
    triggers={"now", "currently", "current", "present", "presently", "nowadays", "days"},
)
def _present_ref(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    text = m.group().lower()
    if text == "current" and re.match(
        r"\s+(?:account|affairs|events|of|events|flowing|carrying|price)", ctx.after, re.IGNORECASE
    ):
        return None
    if text == "now" and re.match(r"\s*-defunct", ctx.after):
        return None
    if text.startswith("then"):
        return "DATE", "PAST_REF"  # "the then-current price" was current in the past
    return "DATE", "PRESENT_REF"


@rule("past-ref", _PAST, triggers={"recently", "recent", "lately", "past", "ago", "days"})
def _past_ref(m: re.Match[str], ctx: Context) -> tuple[str, str]:
    return "DATE", "PAST_REF"


@rule("future-ref", _FUTURE, triggers={"future", "term", "months", "soon", "date", "years", "someday", "day"})
def _future_ref(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    text = m.group().lower()
    if text == "soon" and (re.search(r"\bas\s+$", ctx.before) or re.match(r"\s+(?:after|as)\b", ctx.after)):
        return None  # "as soon as", "soon after": a relation, not a time
    if text == "soon" and (
        re.search(r"\b(?:was|were|had|been)\s+$", ctx.before, re.IGNORECASE)
        or re.match(r"\s+(?:became|began|came|went|found|[a-z]+ed)\b", ctx.after)
    ):
        return None  # "was soon released", "soon became a flood": a past sequence, not the future
    if text == "the future" and re.match(r"\s+of\b", ctx.after):
        return None
    if text == "one day" and not re.search(
        r"\b(?:will|would|could|might|hope|dream)\b", ctx.sentence, re.IGNORECASE
    ):
        return None
    return "DATE", "FUTURE_REF"


SPAN_RULES: tuple[Rule, ...] = (
    _duration, _range_start, _half_unit, _bare_units, _open_span, _year_ended, _recurrence, _named_recurrence,
    _recent_units, _present_ref, _past_ref, _future_ref,
)  # fmt: skip
