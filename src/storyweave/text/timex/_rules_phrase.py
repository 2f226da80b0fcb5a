"""Rules for dates that lean on the phrase around them: the second day of a pair ("April 24 and 25") and
a week named by one of its days ("the week of March 6").

A bare "25" is a number almost everywhere; only after "April 24 and" is it a day, of the month and year
the first date of the pair already resolved to. Keeping these apart from the calendar rules keeps the
look-back logic (which reads what an earlier expression of the sentence resolved to) in one place.
"""

from __future__ import annotations

import re
from datetime import date

from storyweave.text.timex._calendar import nearest_month_day, week_value
from storyweave.text.timex._context import Context
from storyweave.text.timex._lexicon import DAY, DIGITS, MONTH, MONTH_WORDS, WEEKDAY, YEAR
from storyweave.text.timex._rule import Rule, rule
from storyweave.text.timex._rules_calendar import day_number, full_date, month_number

__all__ = ["PHRASE_RULES"]

# "April 24 and" / "Jan. 3, 4 or": what must come right before a bare day for it to be the pair's second.
_PAIR_START = re.compile(rf"{MONTH}\s*{DAY}(?:\s*,\s*{DAY})*\s*,?\s+(?:and|or)\s+$", re.IGNORECASE)


@rule(
    "paired-day",
    r"(?:(?<=\band\s)|(?<=\bor\s))(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\s*(?:%|percent|[.,]\d))",
    triggers={DIGITS},
)
def _paired_day(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    """ "on April 24 and 25": the 25th of the month the first day was resolved to (year included)."""
    first = ctx.day_in_sentence
    if first is None or not _PAIR_START.search(ctx.before):
        return None
    value = full_date(int(first[:4]), int(first[5:7]), int(m["d"]))
    return ("DATE", value) if value else None


@rule(
    "week-of",
    rf"the\s+week\s+of\s+(?:{WEEKDAY},?\s+)?(?P<m>{MONTH})\s*(?P<d>{DAY})(?:\s*,?\s*(?P<y>{YEAR})(?!\d))?",
    triggers=MONTH_WORDS,
)
def _week_of(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    """ "the week of March 6" names the ISO week holding that day, not the day."""
    month, day = month_number(m["m"]), day_number(m["d"])
    if m["y"]:
        year = int(m["y"])
    elif ctx.anchor is not None:
        resolved = nearest_month_day(ctx.anchor, month, day, ctx.tense)
        if resolved is None:
            return None
        year = resolved[0]
    else:
        return None
    try:
        return "DATE", week_value(date(year, month, day))
    except ValueError:
        return None


PHRASE_RULES: tuple[Rule, ...] = (_paired_day, _week_of)
