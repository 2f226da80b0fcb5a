"""How sure a statement is: asserted, reported, hedged or denied, and the words that say so.

The four categories, strongest signal first (a sentence gets the first that applies):

``denied``
    The statement is rejected, by its source or by the writer: "denied", "rejected claims", "dismissed
    reports", "no evidence", "not true", "baseless"; for attributed content also a negated main clause
    right after the cue ("officials said it was not involved"). Denial wins over hedging because a reader
    must not take a denied claim as a weak form of the claim.
``hedged``
    Someone signals doubt or less than full knowledge: hearsay adverbs ("reportedly", "allegedly",
    "apparently", "purportedly"), epistemic verbs ("believed to", "thought to", "appears to", "seems",
    "suggests"), modals of possibility ("may have", "might", "could"), probability ("likely", "probably",
    "near certainty" — high confidence is still not knowledge), open status ("unconfirmed", "unverified",
    "unclear", "rumours", "speculation"), and conditions on confirmation ("if these reports ... receive
    confirmation").
``reported``
    Attributed to a source (someone said, told, announced it) with no hedge or denial: the reporter vouches
    only that it was said.
``asserted``
    The writer states it in their own voice, unattributed and unhedged.

Cue-phrase lexicons, not a learned model, because the categories are defined by these words and a reader
can check each decision against the ``hedges`` returned with it.
"""

from __future__ import annotations

import re

__all__ = ["CERTAINTIES", "certainty_of", "certainty_of_attribution"]

CERTAINTIES = ("asserted", "reported", "hedged", "denied")


def _lexicon(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(phrases) + r")(?![\w-])", re.IGNORECASE)


_DENIAL = _lexicon(
    r"den(?:y|ies|ied|ying|ial|ials)",
    r"reject(?:s|ed|ing)?\s+(?:the\s+|these\s+|those\s+|such\s+)?(?:claims?|reports?|allegations?|accounts?|suggestions?)",
    r"dismiss(?:es|ed|ing)?\s+(?:the\s+|these\s+|those\s+|such\s+)?(?:claims?|reports?|allegations?|accounts?)",
    r"refut(?:e|es|ed|ing)",
    r"debunk(?:s|ed|ing)?",
    r"no\s+evidence",
    r"(?:is|was|are|were)\s+not\s+true",
    r"(?:is|was)\s+(?:false|untrue|baseless|unfounded)",
    r"baseless",
    r"unfounded",
    r"fake\s+news",
    r"nothing\s+to\s+do\s+with",
)
_HEDGE = _lexicon(
    r"reportedly",
    r"allegedly",
    r"apparently",
    r"purportedly",
    r"supposedly",
    r"presumably",
    r"possibly",
    r"perhaps",
    r"probably",
    r"(?:un)?likely",
    r"near\s+certainty",
    r"almost\s+certain(?:ly)?",
    r"(?:is|are|was|were)\s+(?:believed|thought|said|understood|rumou?red|alleged|suspected)\s+to",
    r"appear(?:s|ed)?\s+to",
    r"seem(?:s|ed)?",
    r"suggest(?:s|ed|ing)?",
    r"may(?:\s+(?:have|be))?",
    r"might(?:\s+(?:have|be))?",
    r"could(?:\s+(?:have|be))?",
    r"unconfirmed",
    r"unverified",
    r"(?:not|yet\s+to)\s+(?:yet\s+)?(?:be(?:en)?\s+)?(?:independently\s+)?(?:verified|confirmed)",
    r"(?:not\s+(?:yet\s+)?)?(?:clear|confirmed|verified)\s+whether",
    r"unclear",
    r"rumou?rs?",
    r"speculat(?:e|es|ed|ion|ing)",
    r"if\b[^.;]{0,80}?\bconfirm(?:s|ed|ation)?",
    r"if\s+(?:true|confirmed|accurate)",
    r"estimated",
    r"suspect(?:s|ed)?",
)
# Cue verbs that themselves mark the source's own doubt ("believes", "suspects", "speculated").
_HEDGING_CUE = _lexicon(
    r"believ(?:e|es|ed|ing)",
    r"suspect(?:s|ed|ing)?",
    r"speculat(?:e|es|ed|ing)",
    r"guess(?:es|ed)?",
    r"estimat(?:e|es|ed|ing)",
    r"suggest(?:s|ed|ing)?",
    r"reportedly",
    r"allegedly",
)
# A negated main clause opening the content: "it was not", "he did not", "there is no".
_NEGATED_OPENING = re.compile(
    r"^\W*(?:that\s+)?(?:\w+\s+){0,3}?(?:(?:is|was|are|were|has|had|have|do|does|did)(?:\s+not|n['’]t)"
    r"|never|there\s+(?:is|was|are|were)\s+no)\b",
    re.IGNORECASE,
)


def _matches(pattern: re.Pattern[str], text: str) -> list[str]:
    return [" ".join(m.group().split()) for m in pattern.finditer(text)]


def certainty_of(sentence: str) -> tuple[str, tuple[str, ...]]:
    """Certainty of a sentence in the writer's own voice: ("asserted" | "hedged" | "denied", hedge words).

    Never "reported": that needs an attribution, which ``find_attributions`` finds and labels itself.
    """
    denials = _matches(_DENIAL, sentence)
    if denials:
        return "denied", tuple(denials)
    hedges = _matches(_HEDGE, sentence)
    if hedges:
        return "hedged", tuple(hedges)
    return "asserted", ()


def certainty_of_attribution(cue: str, content: str, sentence: str = "") -> tuple[str, tuple[str, ...]]:
    """Certainty of attributed content: "reported" unless the cue, content or framing sentence hedges
    ("reportedly", "believed to") or denies it ("denied", "said it was not").

    The whole sentence is read for hedges because reporters hedge outside the quoted words ("X reportedly
    said ..."); denial is read from cue and content only, so a denial elsewhere in the sentence does not
    flip this attribution.
    """
    denials = _matches(_DENIAL, f"{cue} {content}")
    if not denials and _NEGATED_OPENING.search(content):
        denials = [f"{cue} {' '.join(_NEGATED_OPENING.search(content).group().split())}".strip()]
    if denials:
        return "denied", tuple(denials)
    hedges = _matches(_HEDGING_CUE, cue) + _matches(_HEDGE, sentence or f"{cue} {content}")
    if hedges:
        return "hedged", tuple(dict.fromkeys(hedges))
    return "reported", ()
