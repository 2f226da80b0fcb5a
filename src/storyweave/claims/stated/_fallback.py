"""Attributions the tagger missed, read from a sentence in which it found no claim-carrying cue.

Each pattern is one way news writing attributes a claim that the PolNeAR-trained tagger often misses:

* a quotation introduced by "<voice> <verb>[,:]" ("The banner reads, “...”", "Crowds chanted “...”"),
  or followed by "<voice> <verb>" ("“Rise up ...!” the speaker shouted");
* a trailing attribution ("The outbreak is likely to peak, the health minister told parliament.");
* "<voice> <reporting verb> that" opening a clause ("Investigators concluded that ..."), including the
  periphrases "were able to come to the conclusion that", "reached the conclusion that" and "left the
  commission able to say with near certainty that", whose voice is the object of "left".
"""

from __future__ import annotations

import re

from storyweave.claims.stated._chain import embedded_at
from storyweave.claims.stated._lexicon import REPORTING_CUE
from storyweave.model import Attribution, Span

__all__ = ["fallback_attributions"]

# Where a clause may open with its own "<voice> <verb> that": the sentence start, after a comma or semicolon.
_CLAUSE_START = re.compile(r"^|(?<=[,;]\s)(?:and\s+|but\s+)?")
_VOICE = r"[^,;:“\"]{3,60}?"
# Verbs of loud or collective speech that introduce a quotation but are not reporting cues elsewhere.
_SHOUT = re.compile(
    r"(?i:chant(?:s|ed|ing)?|shout(?:s|ed|ing)?|scream(?:s|ed)?|cr(?:y|ies|ied)|yell(?:s|ed)?)"
)
_CUE_WORD = rf"(?:{REPORTING_CUE.pattern}|{_SHOUT.pattern})"
_INTRODUCED_QUOTE = re.compile(
    rf"(?P<voice>{_VOICE})\s+(?P<cue>{_CUE_WORD})[,:]?\s*(?P<quote>[“\"][^”\"]{{8,}}[”\"])", re.IGNORECASE
)
_QUOTE_FIRST = re.compile(
    rf"^\s*(?P<quote>[“\"][^”\"]{{8,}}[”\"])\s*,?\s*(?P<voice>{_VOICE})\s+(?P<cue>{_CUE_WORD})", re.IGNORECASE
)
# "<content>, <voice> (, <apposition>,)? <verb> (<up to three words>)." at the end of a sentence.
_TRAILING = re.compile(
    r"^(?P<content>\s*\S[^;]{12,}?),\s+(?P<voice>(?:the\s+|a\s+|an\s+)?[^,;“\"]{2,50}?(?:,\s[^,;“\"]{2,40},)?)"
    r"\s+(?P<cue>[a-z]+)(?:\s+[\w’'-]+){0,3}\s*[.!]?\s*$"
)
# A trailing "voice" longer than this is a clause, not a speaker ("..., the rain that fell all night washed").
_MAX_TRAILING_VOICE_WORDS = 8
_CONJUNCTIONS = frozenset({"but", "and", "yet", "so"})
_WHITESPACE_RUN = re.compile(r"\s{24,}")
# The subject of a sentence: the words before its first auxiliary or reporting verb.
_SUBJECT = re.compile(
    r"\s*(?P<voice>[^,;:“\"]{3,80}?)\s+(?:have|has|had|were|was|are|is|will|would|could|did|do|does|said|say|says)\b"
)
# "<voice> were able to come to the conclusion that", "<voice> reached the conclusion that".
_CONCLUSION = re.compile(
    r"(?P<voice>(?:[\w’'.-]+\s+){0,6}?[\w’'.-]+)\s+(?P<cue>(?:(?:were|was|is|are|have\s+been|had\s+been|has\s+been)"
    r"\s+able\s+to\s+)?(?:come|came|arrive[ds]?|arrived|reach(?:ed|es)?)\s+(?:to|at)?\s*the\s+conclusion)\s+that\s+"
)
# "... left <voice> able to say (with near certainty) that": the voice is the object of "left".
_LEFT_ABLE = re.compile(
    r"\b(?:left|leaving|leaves|allowed|allowing|enabled|enabling)\s+(?P<voice>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)\s+"
    r"(?P<cue>(?:able\s+)?to\s+(?:say|state|conclude|confirm|assert|declare|determine)"
    r"(?:\s+with\s+(?:\w+\s+){0,2}(?:certainty|confidence))?)\s+that\s+"
)


def _attribution(text: str, article_id: str, base: int, match: re.Match[str], content: str) -> Attribution:
    spans = {
        group: (base + match.start(group), base + match.end(group)) for group in ("voice", "cue", content)
    }
    voice_start, voice_end = spans["voice"]
    while voice_start < voice_end and text[voice_start] == " ":
        voice_start += 1
    return Attribution(
        article_id,
        Span(voice_start, voice_end, text[voice_start:voice_end]),
        Span(*spans["cue"], text[slice(*spans["cue"])]),
        Span(*spans[content], text[slice(*spans[content])]),
    )


def _is_cue(word: str) -> bool:
    return bool(REPORTING_CUE.fullmatch(word) or _SHOUT.fullmatch(word))


def _open_content(text: str, start: int, match: re.Match[str], end: int, article_id: str) -> Attribution:
    voice_start, voice_end = start + match.start("voice"), start + match.end("voice")
    cue_start, cue_end = start + match.start("cue"), start + match.end("cue")
    rest = start + match.end()
    while end > rest and text[end - 1] in " .!?;":
        end -= 1
    return Attribution(
        article_id,
        Span(voice_start, voice_end, text[voice_start:voice_end]),
        Span(cue_start, cue_end, text[cue_start:cue_end]),
        Span(rest, end, text[rest:end]),
    )


def fallback_attributions(text: str, sentence: tuple[int, int], article_id: str) -> list[Attribution]:
    """Attributions the tagger missed in ``text[sentence[0]:sentence[1]]``, by the patterns above."""
    start, end = sentence
    body = text[start:end]
    if _WHITESPACE_RUN.search(body):
        # Prose never holds such a run; on one, the patterns' competing \s+ and lazy spans backtrack for
        # minutes (a 900-space sentence took 24 s).
        return []
    for pattern in (_QUOTE_FIRST, _INTRODUCED_QUOTE):
        quote = pattern.search(body)
        if quote and quote.group("cue") != ":" and _is_cue(quote.group("cue")):
            return [_attribution(text, article_id, start, quote, "quote")]
    for pattern in (_LEFT_ABLE, _CONCLUSION):
        periphrasis = pattern.search(body)
        if periphrasis is None:
            continue
        found = _open_content(text, start, periphrasis, end, article_id)
        if found.source is not None and found.source.text.lower() in _CONJUNCTIONS:
            # "Officials have not found him, but were able to conclude that": the subject speaks.
            subject = _SUBJECT.match(body)
            if subject is None:
                continue
            voice = Span(start + subject.start("voice"), start + subject.end("voice"), subject.group("voice"))
            found = Attribution(article_id, voice, found.cue, found.content)
        return [found]
    trailing = _TRAILING.search(body)
    if (
        trailing
        and REPORTING_CUE.fullmatch(trailing.group("cue"))
        and len(trailing.group("voice").split()) <= _MAX_TRAILING_VOICE_WORDS
    ):
        return [_attribution(text, article_id, start, trailing, "content")]
    found = []
    for clause in _CLAUSE_START.finditer(body):
        inner = embedded_at(text, start + clause.end(), end, article_id)
        if inner is not None:
            found.append(inner)
    return found
