"""Rules for the periods that results and market reports name by reference: "for the year", "the first
nine months of the year", "ended the day", "the same period last year", "the year-earlier nine months",
"the quarter ended July 31".

A company report or a market wrap dates its figures against the period it reports on rather than with a
calendar name: "the year" is the year under report, "the day" is the trading day the story covers (the
last day it named, else the publication day), "the quarter ended July 31" is the three months up to that
date. Kept apart from the calendar rules, which read the calendar name an expression carries itself.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyweave.text.timex._calendar import month_value, nearest_month_day, quarter_value, shift_months
from storyweave.text.timex._context import Context
from storyweave.text.timex._lexicon import DAY, MONTH, NUMBER, number_value
from storyweave.text.timex._rule import Rule, rule
from storyweave.text.timex._rules_calendar import day_number, month_number

__all__ = ["REPORT_RULES"]

# A verb or preposition that makes "the day" the trading day of a market report: "ended the day down",
# "finished the day at 5,210", "for the day, the Nikkei closed down 6.4 percent", "late in the day" (whose
# "late" TimeBank and MEANTIME leave out of the expression, or mark apart).
_DAY_VERB = re.compile(
    r"\b(?:for|end(?:s|ed|ing)?|finish(?:es|ed|ing)?|clos(?:e|es|ed|ing)|open(?:s|ed|ing)?)\s+$",
    re.IGNORECASE,
)
_DAY_TIME = re.compile(r"\b(?:late|later|earlier|early)\s+in\s+$", re.IGNORECASE)
# What comes after "the day" when it is the start of another phrase ("the day before the vote", "the day
# of the attack", "the day's trading" is fine).
_NOT_DAY = re.compile(r"\s+(?:before|after|of|when|that|on|in|which|he|she|they|it)\b", re.IGNORECASE)


@rule(
    "report-day",
    r"(?P<lead>the\s+(?:start|beginning|end|rest|close)\s+of\s+)?the\s+day",
    triggers={"day"},
)
def _report_day(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    """ "ended the day at 7,114", "late in the day", "the start of the day": the day the report covers,
    which is the last day the text named (a market wrap opens with "On Monday, ...") or else the
    publication day. "During the day Friday" and "the day before the vote" are left to other rules."""
    timed = m["lead"] or _DAY_TIME.search(ctx.before)
    if not timed and (not _DAY_VERB.search(ctx.before) or _NOT_DAY.match(ctx.after)):
        return None
    day = ctx.document.last_day or (ctx.anchor.isoformat() if ctx.anchor else None)
    return ("DATE", day) if day else None


# "the year" is the year under report only after words that make it a period of account: "a high for
# the year", "the first nine months of the year", "the rest of the year".
_YEAR_LEAD = re.compile(
    r"\b(?:for|through|throughout|during|(?:months|weeks|quarters?|half|part|rest|remainder|balance|"
    r"beginning|start|middle)\s+of)\s+$",
    re.IGNORECASE,
)


@rule(
    "report-year",
    r"(?P<lead>the\s+(?:beginning|start|rest|remainder|balance|middle)\s+of\s+)?the\s+year"
    r"(?!\s*(?:['’]s|-)|\s+(?:end(?:ed|ing)?|ago|earlier|before|after|two|to\s+come|previous|prior|in|when|that)\b"
    r"|\s+of\s+(?:the|his|her|their|its|a|an)\b)",
    triggers={"year"},
)
def _report_year(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    """The year under report: the year an earlier expression of the same sentence named ("In 1995, sales
    for the year rose"), else the publication year. ("the fiscal year ended June 30" is a duration, see
    ``_year_ended``; "the end of the year" is ``_unit_end``.)"""
    if not m["lead"] and not _YEAR_LEAD.search(ctx.before):
        return None
    last = ctx.document.last_date
    if last and ctx.document.last_date_sentence == ctx.sentence_start and re.match(r"\d{4}", last):
        return "DATE", last[:4]
    return ("DATE", f"{ctx.anchor.year:04d}") if ctx.anchor else None


@rule(
    "same-period-back",
    r"the\s+same\s+period\s+(?:(?:of\s+)?last\s+year|a\s+year\s+(?:ago|earlier)|the\s+(?:previous|prior)\s+year)",
    triggers={"period"},
)
def _same_period_back(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    """ "sales rose in February compared to the same period last year": the month (or quarter) the text
    last named, a year back. Without one the shorter "last year" is taken instead."""
    last = ctx.document.last_date
    if not last:
        return None
    month = re.fullmatch(r"(\d{4})-(\d\d)", last)
    if month:
        return "DATE", month_value(*shift_months(int(month[1]), int(month[2]), -12))
    quarter = re.fullmatch(r"(\d{4})-Q([1-4])", last)
    if quarter:
        return "DATE", quarter_value(int(quarter[1]) - 1, int(quarter[2]))
    return None


@rule(
    "year-back-months",
    rf"the\s+(?:year[\s-]+(?:earlier|ago)|prior[\s-]+year|comparable|same)\s+(?P<n>{NUMBER})[\s-]+months",
    triggers={"months"},
)
def _year_back_months(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    """ "net for the year-earlier nine months": TimeML marks the length of the period (P9M), as it does
    for "the first nine months"; the whole phrase is one expression, not "year-earlier" and a duration."""
    count = number_value(m["n"])
    return ("DURATION", f"P{int(count)}M") if count and count == int(count) else None


@rule(
    "quarter-ended",
    rf"the\s+(?:fiscal\s+)?quarter(?=\s+end(?:ed|ing)\s+(?P<m>{MONTH})\s*(?P<d>{DAY}))",
    triggers={"quarter"},
)
def _quarter_ended(m: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    """ "the quarter ended July 31" is the three months up to that day, written as the calendar quarter
    that holds most of them (May to July is 1989-Q2), not the quarter the end date falls in."""
    if ctx.anchor is None or ctx.document.quarter is not None:
        return None  # a company on a fiscal calendar has already said which quarter it reports on
    month, day = month_number(m["m"]), day_number(m["d"])
    resolved = nearest_month_day(ctx.anchor, month, day, "past")
    if resolved is None:
        return None
    try:
        middle = date(resolved[0], month, day) - timedelta(days=45)
    except ValueError:
        return None
    value = quarter_value(middle.year, (middle.month - 1) // 3 + 1)
    ctx.document.quarter = value
    return "DATE", value


REPORT_RULES: tuple[Rule, ...] = (
    _report_day, _report_year, _same_period_back, _year_back_months, _quarter_ended,
)  # fmt: skip
