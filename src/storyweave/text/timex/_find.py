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
from storyweave.text.timex._rule import Rule
from storyweave.text.timex._rules_calendar import CALENDAR_RULES
from storyweave.text.timex._rules_relative import RELATIVE_RULES
from storyweave.text.timex._rules_span import SPAN_RULES

__all__ = ["RULES", "find_timexes", "unanchored_expressions"]

# Only used to tell whether an expression would resolve with an anchor; its values are thrown away.
_PROBE_ANCHOR = date(2000, 6, 15)

RULES: tuple[Rule, ...] = CALENDAR_RULES + RELATIVE_RULES + SPAN_RULES
_Candidate = tuple[int, int, int, re.Match[str]]  # start, end, rule index, match


def _candidates(text: str) -> list[_Candidate]:
    found = []
    for index, rule in enumerate(RULES):
        for match in rule.pattern.finditer(text):
            if match.end() > match.start() and "\n" not in match.group():  # lines are never joined
                found.append((match.start(), match.end(), index, match))
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
    )
    resolved = RULES[index].resolve(match, context)
    if resolved is None:
        return None
    kind, value = resolved
    return TimeExpression(start=start, end=end, text=text[start:end], type=kind, value=value)


def unanchored_expressions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of the expressions that need a publication date to resolve ("last month",
    "Friday"), for a text that has none: callers can say such a sentence is dated relative to an
    unknown day instead of dropping it. No value is produced for them."""
    anchored = find_timexes(text, _PROBE_ANCHOR)
    free = {(t.start, t.end) for t in find_timexes(text, None)}
    return [(t.start, t.end, t.text) for t in anchored if (t.start, t.end) not in free]
