"""What a rule may look at besides its own match: the anchor date, the sentence's tense, the document so far.

A bare "Friday" in news is the past Friday unless the sentence speaks of the future ("will meet Friday");
"a year earlier" next to "the third quarter" is that quarter a year back. Both need context beyond the
words of the expression, and this is the only place rules get it from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

__all__ = ["Context", "DocumentState", "tense_near"]

# Cues of a future or a past reading of the verb that governs an expression. "would" and "could" mark
# reported futures ("said he would resign Friday"); "until Friday" and "is to resume Tuesday" look ahead;
# "has scheduled" is a plan, "had been scheduled" a plan that is over. Bare "-ed" words are mostly past
# verbs in news, except the ones that announce plans. A present-tense verb of schedules ("the council meets
# Monday", "the offer expires Friday") and "payable"/"effective" before a date speak of the coming one.
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|'ll|going to|plans? to|planned to|intends? to|expects? to|hopes? to|"
    r"(?<!to )(?:meet|convene|begin|resume|reopen|expire|arrive|depart)s?|payable|effective|"
    r"(?:is|are|was|were|be) (?:scheduled|expected|due|set|slated|planned|poised|likely) to|would|"
    r"next|upcoming|coming|as soon as|until|(?:is|are) to|(?:has|have) scheduled|"
    r"(?:plann(?:ed|ing)|(?<!had )(?<!been )scheduled|slated|due|set|ready) (?:to|for))\b",
    re.IGNORECASE,
)
# A participle after "be" is a passive, whose tense is the auxiliary's: "will be held Friday" looks ahead.
_PAST = re.compile(
    r"(?<!\bbe )(?<!\bbeing )"
    r"\b(?:was|were|had|did|said|told|ago|last|earlier|since|(?!(?:need|feed|seed|speed|proceed|"
    r"exceed|succeed|bed|red|shed|hundred|indeed|scheduled)\b)[a-z]{2,}ed|made|came|went|took|gave|began|left|"
    r"met|fell|rose|won|lost|held|sent|got|found|saw|fled|hit|killed|died|struck|led|sold|bought|paid|"
    r"brought|thought|caught|fought|sought|taught|built|spent|kept|became|wrote|spoke|broke|chose|drove|"
    r"grew|knew|threw|drew|flew|stood|felt|meant|heard|swore|stole|dealt|ran|told)\b",
    re.IGNORECASE,
)


def tense_near(sentence: str, start: int, end: int) -> str | None:
    """ "past" or "future" by the cue nearest the expression at ``start:end`` of ``sentence``; None if no cue.

    The nearest cue wins because a news sentence often holds both ("will meet, he said Friday"), and the
    verb that governs a date is usually its neighbour. A cue before the expression wins ties.
    """
    best: tuple[int, str] | None = None
    for cue, pattern in (("future", _FUTURE), ("past", _PAST)):
        for found in pattern.finditer(sentence):
            if start <= found.start() < end:
                continue
            distance = start - found.end() if found.end() <= start else found.start() - end + 1
            if best is None or distance < best[0]:
                best = (distance, cue)
    return best[1] if best else None


@dataclass(slots=True)
class DocumentState:
    """What earlier expressions of the same document established, for expressions that refer back.

    ``quarter`` is the last fiscal quarter resolved ("1989-Q3"): "the year-ago quarter" and, in a
    sentence about a quarter, "a year earlier" are that quarter four quarters back. ``last_date`` is the
    last calendar value resolved ("1998-10-23", "1995"): "later that year" and "the following day" are
    counted from it, not from the publication date. ``last_day`` is the last value that named a day
    ("2009-02-23"): "ended the day" in a market report is that trading day, even after a sentence that
    compared it with "a year ago". ``last_event_day`` is the same without days that only date a
    statement ("the board said on Sunday"): a capsizing "on Saturday evening, the board said on Sunday"
    happened on Saturday. ``last_clock`` is the last clock time resolved ("2026-02-10T22:50"):
    a report that says a fire broke out "at 10:50 p.m. on Tuesday" and was under control "after 4 a.m."
    means 4 a.m. the next day.
    """

    quarter: str | None = None
    last_date: str | None = None
    last_date_sentence: int = -1  # where the sentence holding ``last_date`` starts in the text
    last_day: str | None = None
    last_event_day: str | None = None
    last_clock: str | None = None


@dataclass(slots=True)
class Context:
    """One match's surroundings: the anchor, its sentence (with the match's offsets in it), the document."""

    anchor: date | None
    sentence: str
    start: int
    end: int
    document: DocumentState = field(default_factory=DocumentState)
    sentence_start: int = 0  # where ``sentence`` starts in the document text
    _tense: str | None = None
    _tense_known: bool = False

    @property
    def tense(self) -> str | None:
        if not self._tense_known:
            self._tense = tense_near(self.sentence, self.start, self.end)
            self._tense_known = True
        return self._tense

    @property
    def day_in_sentence(self) -> str | None:
        """The day ("2017-03-05") an earlier expression of this sentence named, if one did: "On Friday,
        ... at 3 p.m." is 3 p.m. on that Friday, not on the publication day."""
        last = self.document.last_date
        if (
            last
            and self.document.last_date_sentence == self.sentence_start
            and re.match(r"\d{4}-\d\d-\d\d", last)
        ):
            return last[:10]
        return None

    @property
    def before(self) -> str:
        """The sentence text before the expression, for rules that depend on a preceding word."""
        return self.sentence[: self.start]

    @property
    def after(self) -> str:
        return self.sentence[self.end :]
