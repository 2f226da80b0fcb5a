"""What kind of claim a statement is: a fact, an opinion, or rhetoric quoted as such.

``rhetoric``
    Propaganda, slogans, threats and calls to arms, reported as words someone used: a vocative ("O Lion of
    Fallujah"), a call to fight or kill, "death to", violent or religious hyperbole ("make their blood flow
    like rivers") together with a second sign (an exclamation, a command, another such phrase). Rhetoric is
    never a factual claim, even when a source is attributed.
``opinion``
    A judgement or analysis, the writer's or a source's: obligation ("should", "must", "ought"), evaluative
    frames ("it is difficult to imagine", "ought not to be underestimated", "it is clear"), evaluative
    words ("humiliating", "bluster"), the writer's own predictions, conditionals and emphasis ("will likely",
    "would carry more weight if", "clearly" — in a source's quoted words these are that source's account of
    the facts, so they do not make a quote an opinion), content after a cue of desire, praise or blame
    ("hope", "praised", "called it"), and what analysts or experts say.
``fact``
    Everything else: a state of the world as reported or asserted, however sure (certainty is separate).

Rules over a closed vocabulary rather than a classifier, because no labelled fact/opinion/rhetoric news
data is available to learn from, and a reader can check each decision against the words that made it.
"""

from __future__ import annotations

import re

from storyweave.claims.stated._lexicon import (
    ANALYST_SOURCE,
    ATTITUDE_CUE,
    EVALUATIVE,
    IMPERATIVE_OPENING,
    RHETORIC_STRONG,
    RHETORIC_WEAK,
    VOCATIVE,
    WRITER_ANALYSIS,
)

__all__ = ["KINDS", "kind_of"]

KINDS = ("fact", "opinion", "rhetoric")
_QUOTED = re.compile(r"[“\"‘]([^”\"’]{2,})[”\"’]")
# A deadline a rule sets ("a by-election, which must be held within ten weeks", "forms have to be filed by
# Friday") is a reported fact, not the writer's or a source's judgement of what ought to happen.
_MONTH = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|march|mar\.|april|apr\.|may|june|july|aug(?:ust|\.)?|sept?(?:ember|\.)?"
    r"|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
_WHEN = (
    rf"(?:{_MONTH}\s+\d|\d{{1,2}}\s+{_MONTH}|{_MONTH}\b|\d{{4}}\b|\d{{1,2}}(?::\d\d)?\s*[ap]\.?m\b"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|midnight|noon|tomorrow|next\s+(?:week|month|year)"
    r"|the\s+(?:end|close|start)\s+of|the\s+deadline|year-end)"
)
_AMOUNT = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty|ninety|\w+teen)"
)
_DEADLINE = re.compile(
    r"\b(?:must|has\s+to|have\s+to|needs?\s+to)\s+be\s+[a-z]+\s+"
    rf"(?:within\s+{_AMOUNT}\s+(?:hours?|days?|weeks?|months?|years?)|(?:by|before|no\s+later\s+than)\s+{_WHEN})",
    re.IGNORECASE,
)


def _rhetoric(content: str, cue: str) -> bool:
    framed = f"{cue} {content}"
    if RHETORIC_STRONG.search(framed) or VOCATIVE.search(content):
        return True
    weak = len(RHETORIC_WEAK.findall(content))
    quoted = " ".join(m.group(1) for m in _QUOTED.finditer(content)) or content
    commanded = bool(IMPERATIVE_OPENING.search(quoted))
    exclaimed = "!" in content
    return weak >= 2 or (weak >= 1 and (commanded or exclaimed)) or (commanded and exclaimed)


def kind_of(content: str, cue: str = "", source: str = "") -> str:
    """ "fact", "opinion" or "rhetoric" for a claim's content and, for attributed claims, its cue and source.

    An empty ``cue`` means the writer's own statement, where emphasis, predictions and conditionals are
    the writer's analysis; a source's prediction is a reported fact, hedged or not. What an analyst or
    expert says is analysis whatever its wording.
    """
    if _rhetoric(content, cue):
        return "rhetoric"
    if cue and ATTITUDE_CUE.search(cue):
        return "opinion"
    if EVALUATIVE.search(_DEADLINE.sub(" ", content)):
        return "opinion"
    if not cue and WRITER_ANALYSIS.search(content):
        return "opinion"
    if cue and ANALYST_SOURCE.search(source):
        return "opinion"
    return "fact"
