"""Whether a sentence lifted out of its report still reads right on its own.

A summary or a timeline shows sentences without their neighbours, so a sentence is only shown alone when
it makes sense alone: no headings, bylines, datelines or page furniture, no questions, no half-quotes, no
opening connector that points back to a sentence the reader will not see (``is_candidate``); and some
sentences read right only straight after the one before them in their report (``needs_previous``). These
rules are deliberately conservative: a false rejection costs one candidate among dozens, a false acceptance
can put "But he denied it." in a brief.
"""

from __future__ import annotations

import re

from storyweave.text.calendar_words import MONTHS, WEEKDAYS
from storyweave.text.sentences import is_whole_quotation

__all__ = ["MAX_WORDS", "MIN_WORDS", "is_candidate", "needs_previous"]

MIN_WORDS = 6
MAX_WORDS = 70

_PAGE_FURNITURE = re.compile(
    r"^(?:(?:photo|image|video|credit|source|related|caption|updated|posted|published)\s*:|click|sign up|"
    r"subscribe|read more|advertisement|copyright)|©|https?://|www\.|"
    r"\b(?:tweets?|cookies?|javascript|newsletter|inbox|all rights reserved|terms of (?:use|service)|"
    r"privacy policy|mailing list|contact details|click here|sign up|subscribe|your browser)\b",
    re.IGNORECASE,
)
# Openers that only make sense after another sentence. A pronoun opener ("He said ...") is left to the
# ranker: it is often fine in news, where the subject was named in the headline.
_DANGLING_OPENER = re.compile(
    r"^(?:but|however|and|or|yet|still|also|so|nevertheless|nonetheless|moreover|furthermore|instead|"
    r"thus|therefore|hence|besides|otherwise|likewise|similarly|additionally|then|even so|in addition|"
    r"in contrast|by contrast|on the other hand|as a result|that's why|that is why|this is why|"
    r"for example|for instance|in fact|indeed|after all|again)\b",
    re.IGNORECASE,
)
# Words whose speaker is only a pronoun ("'We are heartbroken,' she said.", "The plan, he said, ...",
# "He added that ...") name the speaker in an earlier sentence: alone, the reader cannot tell who talks.
_PRONOUN_SPEAKER = re.compile(
    r"(?:[,.!?]['\"’”]?|['\"’”])\s+(?:he|she|they)\s+(?:said|says|added|adds|told|explained|noted|"
    r"continued|insisted|wrote|recalled|warned|argued)\b|^(?:he|she|they)\s+(?:added|continued|went on)\b",
    re.IGNORECASE,
)
# A subject that is only a quantifier ("Most were treated for hypothermia", "Several of them remain"):
# who they are was said before.
_ELIDED_SUBJECT = re.compile(
    r"^(?:most|many|some|several|others|all|both|none|few|each|neither|the rest|the others)"
    r"(?:\s+of\s+(?:them|those|these))?\s+(?:were|are|was|is|had|have|has|remain|remained|died|survived|"
    r"said|say|told|will|would|could)\b",
    re.IGNORECASE,
)
# "could not confirm the figure", "has not commented on the claim": which figure or claim was said before.
_BACK_REFERENCE = re.compile(
    r"\b(?:the|that|this|those|these)\s+(?:claims?|figures?|allegations?)\b"
    r"(?!\s+(?:that|of|by|from|in|on|about|published|released|said|says)\b)(?!\s*,)",
    re.IGNORECASE,
)
# "The council rejected those complaints at the time": which complaints was said in the sentence before.
_DEMONSTRATIVE = re.compile(
    r"\b(?:[Tt]hose|[Tt]hese)\s+(?!(?:days|years|times|kinds|sorts|months|weeks)\b)[a-z]+s\b"
    r"(?!\s+(?:who|whom|whose|which|that|of|where)\b)(?!\s*,)"
)
# A subject that is only a pronoun, a demonstrative or a possessive ("He did so on Wednesday.", "It was the
# largest drop ever.", "This practical book ...", "His findings ...") points at someone named before;
# "this week" / "these days" do not, nor "those killed ..." / "those who ..." (the people described), nor
# a possessive in a title ("Her Majesty's Revenue and Customs", "His Holiness Pope Francis").
_POINTING_SUBJECT = re.compile(
    r"^(?:(?:he|she|they|it|this|that|these)(?:['’](?:s|d|re|ll|ve))?|(?:his|her|its|their)(?!\s+(?:Majesty|Royal|Highness|Holiness|Excellency|Honou?r|Grace|Lordship|Ladyship)\b)"
    r"|those(?!\s+(?:who|whose|[a-z]+ed)\b))\b"
    r"(?!\s+(?:week|weekend|year|month|morning|afternoon|evening|night|season|spring|summer|autumn|fall|"
    r"winter|time|days)\b)",
    re.IGNORECASE,
)
# ... but an "it" or "that" that only fills the subject slot is no pointer: "It was not clear what sparked
# ...", "It is unlikely that ...", "It isn't clear whether ...", "It appears the fire ...", "It snowed".
# ("It is expected to reopen", "It was hard hit" point back.)
_COPULA = (
    r"(?:\s+(?:is|was|has\s+been|had\s+been|will\s+be|would\s+be|remains|remained)|\s+(?:is|was)n['’]t|['’]s)"
)
_ADVERBS = r"(?:\s+(?:not|also|still|now|very|too|so|yet|immediately|entirely|far|less|more))*"
_PLACEHOLDER_SUBJECT = re.compile(
    rf"^(?:it|that){_COPULA}{_ADVERBS}\s+(?:(?:clear|unclear|known|unknown|possible|impossible|important|"
    r"hard|difficult|easy|rare|common|uncommon|unusual|worth|true|false|early|late|illegal|legal|likely|"
    r"unlikely)\s+(?:that|whether|what|how|why|who|when|where|if|to|for)\b"
    r"|(?:expected|believed|thought|understood|hoped|feared|reported|estimated|likely|unlikely)\s+that\b"
    r"|(?:believed|thought|understood|hoped|feared|reported|estimated|expected)(?=\s+(?:(?:the|a|an|some|more|"
    r"many|most|about|at\s+least|he|she|they|we|there|this|these|those|his|her|their|its)\b|\d|(?-i:[A-Z])))"
    r"|(?:raining|snowing|pouring))"
    r"|^it\s+(?:appears|appeared|seems|seemed|emerged|remains\s+to\s+be\s+seen)\b"
    r"|^it\s+(?:has\s+|had\s+)?(?:rain|snow|pour|drizzl|hail)\w*\b",
    re.IGNORECASE,
)
# A time told relative to the sentence before ("the following day", "hours later", "that night"): alone,
# the reader would anchor it on whatever date the summary named last. Not "12 hours later than forecast",
# "the day before Christmas", nor one the sentence anchors itself ("struck at 3 a.m. ... hours later").
_RELATIVE_TIME = re.compile(
    r"\b(?:the\s+(?:following|next|previous|preceding)\s+(?:day|morning|afternoon|evening|night|week|month|year)"
    r"|(?:later|earlier)\s+that\s+(?:day|morning|afternoon|evening|night|week)"
    r"|that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night)(?!\s+(?:of|when|in|at)\b)"
    r"|the\s+day\s+(?:before|after)(?!\s+(?:the|a|an|his|her|their|its)\b)(?!\s+[A-Z0-9])"
    r"|(?:hours?|days?|weeks?|minutes?|moments|months?|years|decades)\s+later(?!\s+than\b)"
    r"|shortly\s+(?:afterwards?|thereafter)|soon\s+afterwards?|thereafter)\b",
    re.IGNORECASE,
)
# "May" is left out: the modal far outnumbers the month.
_NAMED_DAYS = "|".join(sorted(word.capitalize() for word in (WEEKDAYS | MONTHS) - {"may"}))
_ANCHOR_BEFORE = re.compile(
    rf"\b(?:{_NAMED_DAYS}|yesterday|today|tonight)\b|\b\d{{1,2}}(?::\d\d)?\s*[ap]\.?m\b"
)
_TERMINAL = re.compile(r"[.!]['\"’”)]*$")
_LETTER = re.compile(r"[^\W\d_]")


def is_candidate(sentence: str, n_words: int, *, cased: bool = True) -> bool:
    """Whether ``sentence`` can be lifted into a summary and still read correctly.

    ``cased`` says whether the document uses capital letters at all: in lower-cased text (some datasets)
    a lower-case opening proves nothing about the sentence being a fragment.
    """
    if not MIN_WORDS <= n_words <= MAX_WORDS:
        return False
    if not _TERMINAL.search(sentence):  # questions, headings, captions, cut-off lines
        return False
    if _PAGE_FURNITURE.search(sentence) or _DANGLING_OPENER.match(sentence):
        return False
    first = _LETTER.search(sentence)
    if first is None or (cased and first.group().islower()):
        return False
    if cased and sentence.isupper():
        return False
    # An odd number of quote marks means the sentence is one piece of a longer quotation.
    if sentence.count('"') % 2 or sentence.count("“") != sentence.count("”"):
        return False
    letters = sum(map(str.isalpha, sentence))
    return letters >= 0.6 * len(sentence)


def needs_previous(sentence: str) -> bool:
    """Whether ``sentence`` only reads right straight after the sentence before it in its report: its
    speaker is a pronoun ("'...,' she said") or unnamed (a quotation standing alone), its subject is only a
    quantifier ("Most were treated ..."), a pronoun or demonstrative ("He did so ..."), or it points back
    to "the claim", "the figure", "those complaints" or a time ("the following day") without saying which.
    The summarizer takes such a sentence right after that one, or together with it."""
    return bool(
        _PRONOUN_SPEAKER.search(sentence)
        or is_whole_quotation(sentence)
        or _ELIDED_SUBJECT.match(sentence)
        or _BACK_REFERENCE.search(sentence)
        or _DEMONSTRATIVE.search(sentence)
        or (_POINTING_SUBJECT.match(sentence) and not _PLACEHOLDER_SUBJECT.match(sentence))
        or _relative_time_unanchored(sentence)
    )


def _relative_time_unanchored(sentence: str) -> bool:
    found = _RELATIVE_TIME.search(sentence)
    return found is not None and _ANCHOR_BEFORE.search(sentence, 0, found.start()) is None
