"""Repairs to the attribution tagger's spans before they become claims.

The tagger (a CRF trained on PolNeAR) gets the cue right far more often than the span edges, and a wrong
edge turns into a wrong claim: a content that swallows its own source ("Turnout fell, the commission"), a
recipient read as content ("told reporters that ..."), two complements read as one ("said A, and that B
may ..."), an outlet read as the source ("X, quoted by the Herald, said"). Each repair here fixes one such
construction, wherever it occurs, and leaves every other attribution as the tagger gave it.

Some tagged cues carry no claim at all: a purpose infinitive ("posts videos to suggest he is in charge")
states the writer's reading of an action, and "which cited Y" names a secondary source of the enclosing
attribution (read by the chain, not a claim of its own).
"""

from __future__ import annotations

import re

from storyweave.model import Attribution, Span

__all__ = ["carries_no_claim", "repaired"]

# The hearer after "told", up to "that" ("told the state broadcaster MRTV that"), or a generic hearer
# followed directly by the content ("told reporters they heard").
_RECIPIENT_THAT = re.compile(r"(?P<hearer>(?:[^\s,;]+\s+){0,6}?)that\s+")
_GENERIC_RECIPIENT = re.compile(
    r"(?:(?i:reporters|journalists|the\s+press|parliament|lawmakers|the\s+court|us|him|her|them|me)"
    r"|(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)\s+(?=[a-z])"
)
_TELL = re.compile(r"(?i:tell|tells|told|telling)")
# Lowercase words that cannot sit between "told" and the content: a finite verb ends the recipient.
_FINITE_WORD = re.compile(r"\b(?:is|are|was|were|had|has|have|will|would|could|did|does)\b")
# "said A, and that B": a second complement of the same cue.
_SECOND_COMPLEMENT = re.compile(r",?\s+(?:and|but)\s+that\s+")
# "to suggest", "in order to show": a purpose, not a report.
_INFINITIVE_BEFORE = re.compile(
    r"(?<!able )(?<!went on )(?<!continued )(?<!continues )(?<!goes on )\bto\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
# "According to X, which cited Y, <content>": the relative clause is the chain's, not the content's.
_CITING_OPENING = re.compile(
    r"(?i:(?:who|which)\s+(?:had\s+)?(?:cited|quoted|relied\s+on|drew\s+on)|citing|quoting)\s+[^,;]{3,80},\s*"
)
# "According to one official, who was not authorised to speak publicly, <content>": after "according to"
# only, the relative clause is the source's, not the content's.
_RELATIVE_OPENING = re.compile(r"(?i:who|which)\s+[^,;]{3,80},\s*")
_DISPATCH_CUE = re.compile(r"(?i:\b(?:called|summoned|sent)\s*$)")
_TO_A_PLACE = re.compile(r"(?i:(?:to|into|out\s+to)\s+(?:the|a|an)\s)")
# "did not respond to requests for comment": a non-answer, not a claim.
_NO_COMMENT = re.compile(
    r"(?i:(?:to\s+)?(?:repeated\s+|several\s+|multiple\s+|emailed\s+|written\s+)?"
    r"(?:requests?|messages?|calls?|e-?mails?|inquiries|queries)\s+(?:for|seeking)\s+(?:a\s+)?comments?)"
)
_RELATIVE = re.compile(r"^(?:who|which|that)$", re.IGNORECASE)
# "The council will likely reject the plan": a cue opening with a modal is the writer's forecast of an
# act; it reports a claim only when a clause or a quotation follows ("will say that ...", "may argue “...”").
_MODAL_CUE = re.compile(r"(?i:(?:will|would|may|might|could|should|must|can)\b)")
# "X has been asked to hand over ...": a request made of X, in the passive, is an act the report states
# (its claim is the enclosing attribution's), not words anyone is quoted as saying.
_PASSIVE_REQUEST = re.compile(
    r"(?i:\b(?:been|was|were|is|are|being)\s+(?:\w+ly\s+)?(?:asked|told|urged|ordered|instructed|requested)$)"
)
_CLAUSE_OPENING = re.compile(r"(?i:that\b|whether\b|[“\"‘'])")
_SECONDARY_CUE = re.compile(r"(?i:cit(?:e|es|ed|ing)|quot(?:e|es|ed|ing))")
# "X, quoted by the Erbil Herald, said": X is the source; the outlet is read by the chain (``_chain``).
_QUOTED_BY_REACH = 400
_QUOTED_BY = re.compile(r"(?P<voice>[^,;.“\"]{3,80}?),?\s+(?:as\s+)?quoted\s+(?:by|in)\s+[^,;.]{2,60}?,?\s*$")


def _with(attribution: Attribution, **spans: Span | None) -> Attribution:
    return Attribution(
        attribution.article_id,
        spans.get("source", attribution.source),
        spans.get("cue", attribution.cue),
        spans.get("content", attribution.content),
        attribution.certainty,
        attribution.hedges,
    )


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def carries_no_claim(text: str, attribution: Attribution) -> bool:
    """A cue that reports no claim: a purpose infinitive, "which cited Y" (a secondary source), "did not
    respond to requests for comment", a noun's "of" complement, or being "called to the scene"."""
    cue = attribution.cue
    if _INFINITIVE_BEFORE.search(text, max(0, cue.start - 20), cue.start):
        return True
    if re.fullmatch(r"(?i:citing|quoting)", cue.text.strip()):
        return True
    if _NO_COMMENT.match(attribution.content.text.lstrip()):
        return True
    if attribution.content.start >= cue.end and attribution.content.text.lstrip().lower().startswith("of "):
        return True  # "the claim of overloading": a noun's complement, not what anyone said
    if _DISPATCH_CUE.search(cue.text) and _TO_A_PLACE.match(attribution.content.text.lstrip()):
        return True  # "crews were called to the depot": sent somewhere, not a call for anything
    content = attribution.content.text.strip()
    passive = text[max(0, cue.start - 30) : cue.end]
    if content.lower().startswith("to ") and attribution.source is None and _PASSIVE_REQUEST.search(passive):
        return True
    if _MODAL_CUE.match(cue.text) and not _CLAUSE_OPENING.match(content) and not _FINITE_WORD.search(content):
        return True
    source = attribution.source
    return bool(source and _RELATIVE.match(source.text.strip()) and _SECONDARY_CUE.match(cue.text))


def _clip_source(text: str, attribution: Attribution) -> Attribution:
    """Content that runs into its own source or cue ("Turnout fell, the commission") ends before them."""
    content = attribution.content
    anchors = [s for s in (attribution.source, attribution.cue) if s is not None]
    inside = [s.start for s in anchors if content.start < s.start < content.end]
    if not inside:
        return attribution
    end = min(inside)
    while end > content.start and text[end - 1] in " ,;:—–":
        end -= 1
    if end - content.start < 8:
        return attribution
    return _with(attribution, content=_span(text, content.start, end))


def _drop_recipient(text: str, attribution: Attribution) -> Attribution:
    """ "told reporters they heard X", "told the state broadcaster MRTV that X": the content is X."""
    content = attribution.content
    if not _TELL.fullmatch(attribution.cue.text.strip().split()[-1]) or content.start < attribution.cue.end:
        return attribution  # the hearer follows the cue: '"We took it," he told the Courier' has none inside
    match = _RECIPIENT_THAT.match(text, content.start, content.end)
    if match is not None and _FINITE_WORD.search(match.group("hearer")):
        match = None
    match = match or _GENERIC_RECIPIENT.match(text, content.start, content.end)
    if match is None or content.end - match.end() < 8:
        return attribution
    return _with(attribution, content=_span(text, match.end(), content.end))


def _quoted_by_source(text: str, attribution: Attribution) -> Attribution:
    """ "X, quoted by Y, said": the tagger often takes Y for the source; the voice is X."""
    source = attribution.source
    line_start = (
        max(text.rfind(".", 0, attribution.cue.start), text.rfind("\n", 0, attribution.cue.start)) + 1
    )
    # The pattern ends at the cue and spans at most ~160 characters: searching further back only costs
    # time (quadratic in a long sentence with many cues).
    match = _QUOTED_BY.search(
        text, max(line_start, attribution.cue.start - _QUOTED_BY_REACH), attribution.cue.start
    )
    if match is None:
        return attribution
    if source is not None and source.start < match.start("voice"):
        return attribution
    start, end = match.span("voice")
    while start < end and text[start] == " ":
        start += 1
    return _with(attribution, source=_span(text, start, end))


def repaired(text: str, attribution: Attribution) -> list[Attribution]:
    """The attribution with its span edges repaired; two when its content holds two complements."""
    # "X, quoted by Y, said ...": the tagger's "quoted" attribution is the chain's outlet, not a claim.
    by = text[attribution.content.start : attribution.content.start + 3].lower()
    if attribution.cue.text.strip().lower().startswith("quot") and by in {"by ", "in "}:
        return []
    fixed = _drop_recipient(text, _clip_source(text, _quoted_by_source(text, attribution)))
    content = fixed.content
    citing = _CITING_OPENING.match(text, content.start, content.end)
    if citing is None and fixed.cue.text.strip().lower().startswith("according"):
        citing = _RELATIVE_OPENING.match(text, content.start, content.end)
    if citing is not None and content.end - citing.end() >= 8:
        content = _span(text, citing.end(), content.end)
        fixed = _with(fixed, content=content)
    second = _SECOND_COMPLEMENT.search(text, content.start, content.end)
    if second is None or second.start() - content.start < 8:
        return [fixed]
    first = _with(fixed, content=_span(text, content.start, second.start()))
    rest = _with(fixed, content=_span(text, second.end(), content.end))
    return [first, rest]
