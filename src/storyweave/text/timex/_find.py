"""Find temporal expressions in a text and resolve them: every rule proposes matches, the longest
non-overlapping ones win, and they are resolved in reading order so later ones can refer back.

Longest-match-wins is what makes "Friday, March 8, 2017" one expression rather than a weekday and a date,
and "five months ago" a date rather than the duration "five months".
"""

from __future__ import annotations

import bisect
import re
from datetime import date

from storyweave.model import TimeExpression
from storyweave.text.sentences import sentence_spans
from storyweave.text.timex._context import Context, DocumentState
from storyweave.text.timex._lexicon import DIGITS, MONTH, WEEKDAY
from storyweave.text.timex._rule import Rule
from storyweave.text.timex._rules_anaphora import ANAPHORA_RULES
from storyweave.text.timex._rules_calendar import CALENDAR_RULES
from storyweave.text.timex._rules_holiday import HOLIDAY_RULES, NAMED_DAY_RULES
from storyweave.text.timex._rules_phrase import PHRASE_RULES
from storyweave.text.timex._rules_relative import RELATIVE_RULES
from storyweave.text.timex._rules_report import REPORT_RULES
from storyweave.text.timex._rules_span import SPAN_RULES

__all__ = ["RULES", "find_timexes", "unanchored_expressions"]

# Only used to tell whether an expression would resolve with an anchor; its values are thrown away.
_PROBE_ANCHOR = date(2000, 6, 15)
# A value that names a stretch of the calendar (not "PAST_REF", not a duration): later expressions that
# refer back ("that day", "the following year") are counted from the last one.
_CALENDAR_VALUE = re.compile(r"\d{4}(?:-(?:\d\d|W\d\d)(?:-\d\d)?)?(?:T|$)")

_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
# A day that dates a statement, not an event: "officials said (late) on Sunday", "told reporters Monday".
_HEARER = (
    r"(?:reporters|journalists|police|officers|investigators|lawmakers|parliament"
    r"|the\s+[\w’'-]+|(?-i:[A-Z])[\w’'-]*)"
)
_STATEMENT_DAY = re.compile(
    rf"\b(?:said|says|told(?:\s+{_HEARER}){{0,2}}|confirmed|announced|reported|added|stated|wrote|explained|"
    r"insisted|warned|declared)\s+(?:late\s+|early\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)
# A clock time names its day only with a weekday, month or "today"-like word; a bare "11 p.m." borrowed its
# day from the context, so it must not become the narrative's day in turn.
_NAMES_DAY = re.compile(rf"\b(?:{WEEKDAY}|{MONTH}|today|tonight|yesterday|tomorrow)", re.IGNORECASE)
_CLOCK_VALUE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")

_TOKEN = re.compile(r"[^\W\d_]+|\d+")
RULES: tuple[Rule, ...] = (
    NAMED_DAY_RULES
    + CALENDAR_RULES
    + PHRASE_RULES
    + REPORT_RULES
    + HOLIDAY_RULES
    + RELATIVE_RULES
    + ANAPHORA_RULES
    + SPAN_RULES
)
_Candidate = tuple[int, int, int, re.Match[str]]  # start, end, rule index, match


def _candidates(text: str) -> list[_Candidate]:
    """Every rule's matches, line by line (an expression never spans lines), each rule only on the lines
    that hold one of its trigger words: most lines of an article hold none, and scanning them with every
    pattern was most of the cost of finding expressions."""
    found = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        words = {DIGITS if token[0].isdigit() else token.lower() for token in _TOKEN.findall(line)}
        if words:
            for index, rule in enumerate(RULES):
                if rule.triggers.isdisjoint(words):
                    continue
                for match in rule.pattern.finditer(text, start, end):
                    if match.end() > match.start():
                        found.append((match.start(), match.end(), index, match))
        start = end + 1
    return found


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest first (earlier rule on ties), skipping any that overlaps one already taken."""
    taken: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if all(candidate[1] <= t[0] or t[1] <= candidate[0] for t in taken):
            taken.append(candidate)
    return sorted(taken)


def find_timexes(text: str, published: date | None) -> list[TimeExpression]:
    """Temporal expressions in ``text`` with TimeML TIMEX3 types and values, in reading order.

    ``published`` anchors relative expressions ("last month", "Friday"). When it is None those are left
    out rather than given a guessed date; expressions that carry their own value ("August 2014", "two
    weeks", "now") are still returned.
    """
    sentences = list(sentence_spans(text)) or [(0, len(text))]
    starts = [s for s, _ in sentences]
    document = DocumentState()
    candidates = _candidates(text)
    found: list[TimeExpression] = []
    for start, end, index, match in _select(candidates):
        resolved = _resolve(text, sentences, starts, document, published, start, end, index, match)
        if resolved is not None:
            found.append(resolved)
            continue
        # The longest reading was no expression ("March" the verb); a shorter one inside it may be.
        inner = [
            c
            for c in candidates
            if start <= c[0] and c[1] <= end and (c[0], c[1], c[2]) != (start, end, index)
        ]
        for candidate in _select(inner):
            resolved = _resolve(text, sentences, starts, document, published, *candidate)
            if resolved is not None:
                found.append(resolved)
    return sorted(found, key=lambda t: t.start)


def _resolve(
    text: str,
    sentences: list[tuple[int, int]],
    starts: list[int],
    document: DocumentState,
    published: date | None,
    start: int,
    end: int,
    index: int,
    match: re.Match[str],
) -> TimeExpression | None:
    position = max(0, bisect.bisect_right(starts, start) - 1)
    sentence_start, sentence_end = sentences[position]
    sentence_start, sentence_end = min(sentence_start, start), max(sentence_end, end)
    context = Context(
        anchor=published,
        sentence=text[sentence_start:sentence_end],
        start=start - sentence_start,
        end=end - sentence_start,
        document=document,
        sentence_start=sentence_start,
    )
    try:
        resolved = RULES[index].resolve(match, context)
    except (OverflowError, ValueError):
        return None  # "tomorrow" of 9999-12-31, "last year" of year 1: no calendar date to give
    if resolved is None:
        return None
    kind, value = resolved
    if kind in ("DATE", "TIME") and _CALENDAR_VALUE.match(value):
        document.last_date, document.last_date_sentence = value, sentence_start
        if _DAY_VALUE.match(value):
            document.last_day = value[:10]
            if not _STATEMENT_DAY.search(context.before) and (
                kind == "DATE" or _NAMES_DAY.search(text[start:end])
            ):
                document.last_event_day = value[:10]
        if kind == "TIME" and _CLOCK_VALUE.match(value):
            document.last_clock = value[:16]
    return TimeExpression(start=start, end=end, text=text[start:end], type=kind, value=value)


def unanchored_expressions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of the expressions that need a publication date to resolve ("last month",
    "Friday"), for a text that has none: callers can say such a sentence is dated relative to an
    unknown day instead of dropping it. No value is produced for them."""
    anchored = find_timexes(text, _PROBE_ANCHOR)
    free = {(t.start, t.end) for t in find_timexes(text, None)}
    return [(t.start, t.end, t.text) for t in anchored if (t.start, t.end) not in free]
