"""A story's timeline: event sentences with the calendar date their temporal expression resolves to.

One entry per (event sentence, date). The same sentence in several reports (wire copy, lightly edited
rewrites) dated the same way is one entry citing every report, which is what makes a timeline entry
trustworthy. Dates the text states about itself (datelines, "Published: ...") are not events and are
left out, as are vague values (PRESENT_REF) and durations, which place nothing on a calendar.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from storyweave.model import Article, TimeExpression, TimelineEntry
from storyweave.text.sentences import sentence_spans
from storyweave.text.timex import find_timexes, unanchored_expressions
from storyweave.timeline._values import RANK, calendar_start, granularity, time_of_day

__all__ = ["DEFAULT_MAX_ENTRIES", "build_timeline"]

DEFAULT_MAX_ENTRIES = 15
# Sentences sharing this share of their words are one sentence told twice.
_SAME_SENTENCE = 0.6
# A sentence with fewer words than this besides its date is a date line, a caption or a heading.
_MIN_EVENT_WORDS = 4
_WORD = re.compile(r"\w+")
_UNKNOWN = "XXXX-XX-XX"  # TimeML for "a date, not known"


@dataclass(slots=True)
class _Draft:
    when: str
    granularity: str
    text: str
    expression: str
    article_id: str
    words: frozenset[str]
    sources: set[int] = field(default_factory=set)


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text))


def _event_words(sentence: str, expression: str) -> int:
    return len(_WORD.findall(sentence)) - len(_WORD.findall(expression))


_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z .'-]{2,},?[ \t]*$")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\(|[-\u2013\u2014])")


def _is_dateline(text: str, timex: TimeExpression) -> bool:
    """ "LONDON, March 7 (Reuters) -": the day the report was filed, written at the head of a line."""
    before = text[max(0, timex.start - 60) : timex.start]
    return bool(_DATELINE_BEFORE.search(before) and _DATELINE_AFTER.match(text, timex.end))


def _dating(
    text: str, found: list[TimeExpression], start: int, end: int, published: date | None
) -> list[TimeExpression]:
    """The expressions that date a sentence: DATE/TIME with a calendar value, not merely the publication
    date restated ("WASHINGTON, March 8, 2017 —") or a dateline ("LONDON, March 7 (Reuters) -"): the
    filing day says when the report was written, not when its events happened. "By January ... only
    last month" dates two events."""
    dating = []
    for timex in found:
        if not (start <= timex.start < end) or timex.type not in ("DATE", "TIME"):
            continue
        if granularity(timex.value) is None:
            continue
        if published is not None and timex.value == published.isoformat() and re.search(r"\d{4}", timex.text):
            continue  # the publication date written out ("March 8, 2017"): a dateline, not an event
        if _is_dateline(text, timex):
            continue
        dating.append(timex)
    return dating


# A date inside a "which"/"who" clause, in a comparison ("than it did in June 2013") or in a possessive
# after a preposition ("for the victims of Saturday's disaster") dates something the sentence mentions, not
# what it reports: "A vigil was held on Sunday night for the victims of Saturday's disaster", "Orrin Lake
# Lines, which has run the route since 2011, said on Monday". A possessive subject ("Saturday's earthquake
# killed 200 people, officials said on Monday") and a "where" clause ("flown to Paris on Saturday, where he
# died on Sunday") date events of their own.
_SUBORDINATE_BEFORE = re.compile(
    r"(?:(?:^|[,;(]\s*|\s[—–]\s*)(?:which|who|whose)\b(?:(?!\s[—–]\s)[^,;()])*"
    r"|\bthan\s+(?:it|they|he|she|we|in|on|at|during|last|a|the\s+same)\b[^,;]{0,40}?"
    r"|\bsince\s+(?:the\s+|last\s+|early\s+|late\s+|mid-?)?)$",
    re.IGNORECASE,
)
_POSSESSIVE_OBJECT = re.compile(
    r"\b(?:of|for|after|before|since|following|over|about|from|with)\s+"
    r"(?:last\s+|this\s+)?$",
    re.IGNORECASE,
)


def _main_clause(text: str, dating: list[TimeExpression], sentence_start: int) -> list[TimeExpression]:
    """The dates of a sentence's own event: subordinate ones are dropped when another date is left."""

    def subordinate(timex: TimeExpression) -> bool:
        before = text[sentence_start : timex.start]
        if re.search(r"['’]s$", timex.text) and _POSSESSIVE_OBJECT.search(before):
            return True
        return _SUBORDINATE_BEFORE.search(before) is not None

    main = [t for t in dating if not subordinate(t)]
    return main or dating


# What no report event is: links, handles, credits and sign-up prompts.
_FURNITURE = re.compile(
    r"https?://|www\.|pic\.twitter|\(@\w+\)|©|\b(?:click here|sign up|subscribe|all rights reserved|"
    r"read more)\b|^\W*(?:related|also read|read also|see also|watch)\s*:"
    r"|^\W*(?:last\s+)?(?:updated|published|posted)\s*(?::|on\b|at\b)",
    re.IGNORECASE,
)
_CLOSED = re.compile(r"[.!:;][\"'’”)]*\s*$")  # a question is no event


def _is_event_sentence(sentence: str, dating: list[TimeExpression], start: int) -> bool:
    """Not furniture, and either a closed sentence or a dated list item ("March 3, 2011 - Protests begin");
    a line with no closing punctuation that a date does not open is a headline, caption or teaser."""
    if _FURNITURE.search(sentence):
        return False
    return bool(_CLOSED.search(sentence)) or any(t.start - start < 3 for t in dating)


def _merge(drafts: list[_Draft], draft: _Draft) -> None:
    for kept in drafts:
        if kept.when != draft.when:
            continue
        union = kept.words | draft.words
        if union and len(kept.words & draft.words) / len(union) >= _SAME_SENTENCE:
            kept.sources |= draft.sources
            return
    drafts.append(draft)


def _cap(drafts: list[_Draft], limit: int) -> list[_Draft]:
    """At most ``limit`` entries, one per distinct date first (the best-supported), then the rest."""
    ranked = sorted(drafts, key=lambda d: (-len(d.sources), drafts.index(d)))
    chosen: list[_Draft] = []
    seen: set[str] = set()
    for draft in ranked:
        if draft.when not in seen and len(chosen) < limit:
            chosen.append(draft)
            seen.add(draft.when)
    for draft in ranked:
        if len(chosen) >= limit:
            break
        if draft not in chosen:
            chosen.append(draft)
    return chosen


def _entry(draft: _Draft) -> TimelineEntry:
    return TimelineEntry(
        when=draft.when,
        granularity=draft.granularity,
        text=draft.text,
        expression=draft.expression,
        article_id=draft.article_id,
        sources=tuple(sorted(draft.sources)),
    )


def build_timeline(
    articles: Sequence[Article],
    source_numbers: Mapping[str, int] | None = None,
    *,
    max_entries: int = DEFAULT_MAX_ENTRIES,
) -> tuple[list[TimelineEntry], list[TimelineEntry]]:
    """(dated entries in date order, undated entries) for a story's reports.

    ``source_numbers`` maps an article id to its number in the brief's source list; by default articles
    are numbered 1, 2, ... in the order given. Undated entries are sentences of reports without a
    publication date whose only time reference is relative ("last month"): their date cannot be known,
    so they keep ``when`` "XXXX-XX-XX" and are never placed on the calendar.
    """
    if max_entries < 1:
        raise ValueError(f"max_entries must be at least 1, got {max_entries}")
    numbers = dict(source_numbers) if source_numbers is not None else {}
    dated: list[_Draft] = []
    undated: list[_Draft] = []
    for position, article in enumerate(articles, start=1):
        number = numbers.get(article.id, position)
        found = find_timexes(article.text, article.published)
        relative = unanchored_expressions(article.text) if article.published is None else []
        for start, end in sentence_spans(article.text):
            sentence = article.text[start:end]
            dating = _dating(article.text, found, start, end, article.published)
            if not _is_event_sentence(sentence, dating, start):
                continue
            for timex in _main_clause(article.text, dating, start):
                if _event_words(sentence, timex.text) >= _MIN_EVENT_WORDS:
                    kind = granularity(timex.value) or "day"
                    words = _words(sentence)
                    _merge(
                        dated, _Draft(timex.value, kind, sentence, timex.text, article.id, words, {number})
                    )
            loose = next((r for r in relative if start <= r[0] < end), None)
            if not dating and loose is not None and _event_words(sentence, loose[2]) >= _MIN_EVENT_WORDS:
                draft = _Draft(
                    _UNKNOWN, "unknown", sentence, loose[2], article.id, _words(sentence), {number}
                )
                _merge(undated, draft)
    chosen = _cap(dated, max_entries)
    chosen.sort(
        key=lambda d: (calendar_start(d.when) or date.min, RANK[d.granularity], time_of_day(d.when), d.when)
    )
    return [_entry(d) for d in chosen], [_entry(d) for d in undated[:max_entries]]
