"""Provenance chains: through whom a claim reaches the reader, outermost voice first.

Three constructions nest voices, and each gives the chain in reading order of trust:

* **Nested attribution** — an attribution inside another's content ("Zinni announced Kurdish
  intelligence sources had concluded that ...", "According to X, Y said ..."): outer source, then inner.
  The tagger often finds only the outer cue, so an inner "<voice> <reporting verb> (that)" opening the
  outer content is split off here as an attribution of its own.
* **Secondary source** — "X reported, based on reports from an anonymous informant ..." and "citing",
  "quoting", "relying on": X, then the informant.
* **Via an outlet** — "Speaking to al-Shorfa, Lt. Gen. Qasim al-Atta stated", "in a statement to
  Al-Sharq al-Awsat", "told Reuters": the outlet is the **outermost link, with role "outlet"**, because
  the writer (and so the reader) has the words from the outlet's report of them, not from the speaker.
  A titled person addressed ("Speaking to Governor Hale") is a hearer, not an outlet, and no link.

A named source whose cue is "reported" is an outlet too ("Ashraq al-Awsat also reported").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from storyweave.claims.stated._lexicon import GENERIC_HEAD, INSTITUTION_HEAD, OUTLET_WORD, PERSON_TITLE
from storyweave.claims.stated._spans import SpanIndex, extent
from storyweave.claims.stated._voice import voice_of
from storyweave.model import Attribution, ChainLink, Span
from storyweave.text.calendar_words import MONTHS, WEEKDAYS

__all__ = ["chains_of", "embedded_at", "sentence_at", "split_embedded"]

_NAME = r"(?:[A-Z][\w’'.-]*|(?:al|el|as|ash|an|ad)-[A-Z][\w’'-]*)"
_NAME_PHRASE = rf"{_NAME}(?:\s+(?:of\s+|the\s+|al-|(?:de|du|des|la|le|del|di)\s+)?{_NAME}){{0,5}}"
# The outlet a speaker addressed: "Speaking to al-Shorfa", "in a statement to Al-Sharq al-Awsat".
_VIA_OUTLET = re.compile(
    rf"(?i:(?:speaking|talking|spoke|talked)\s+(?:exclusively\s+)?(?:to|with)"
    rf"|in\s+(?:a|an)\s+(?:\w+\s+)?(?:statement|interview|comments?|remarks?|conversation|op-ed|article|post)"
    rf"(?:\s+(?:on|last|this)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)?"  # "… on Sunday with"
    rf"\s+(?:to|with|for|on|published\s+by)"
    rf"|(?:as\s+)?quoted\s+(?:by|in)"
    rf"|(?P<told>told|telling|tells))\s+(?:the\s+)?"
    rf"(?P<outlet>(?:(?:state|national|local|official|private|public|news|daily|weekly|[a-z]+-language)\s+)?"
    rf"(?:(?:news\s+)?(?:agency|broadcaster|television|radio|newspaper|channel|website|daily)\s+)?{_NAME_PHRASE})"
)
# A secondary source behind the speaker: "based on reports from an anonymous informant inside Mosul".
_SECONDARY = re.compile(
    r"(?:based\s+on|citing|quoting|relying\s+on|drawing\s+on|on\s+the\s+word\s+of"
    r"|(?:who|which)\s+(?:had\s+)?(?:cited|quoted|relied\s+on|drew\s+on))\s+"
    r"(?:(?:\w+\s+){0,2}?(?:reports?|information|accounts?|statements?|testimony|comments?|remarks?|"
    r"claims?|a\s+tip)\s+(?:from|by|of)\s+)?"
    r"(?P<voice>[^,.;:“\"]{3,80}?)(?=\s*[,.;:]|\s+(?:that|who)\b|$)",
    re.IGNORECASE,
)
# "<voice> (had|has) concluded that ...": a voice and a reporting verb opening another attribution's content.
_EMBEDDED = re.compile(
    r"^(?:that\s+|and\s+|but\s+)?(?P<voice>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)\s+"
    r"(?P<cue>(?:(?:had|has|have|also|had\s+also|have\s+also)\s+)?"
    r"(?:said|say|says|told|concluded|conclude|believe|believed|believes|reported|found|determined|"
    r"confirmed|estimated|assessed|suspected|suspect|think|thought|claimed|claim|stated|announced|"
    r"learned|judged|warned))\s+(?:that\s+)?",
)
_REPORT_CUE = re.compile(r"\breport(?:s|ed|ing)?\b", re.IGNORECASE)
_OUTLET = "outlet"


def _looks_like_voice(voice: str) -> bool:
    """A phrase that can speak: ends in a generic voice noun ("sources") or is a name ("Zinni")."""
    tokens = voice.split()
    last = tokens[-1].lower().rstrip(".,")
    if last in GENERIC_HEAD or last in INSTITUTION_HEAD:
        return True
    return all(t[:1].isupper() or t.lower() in {"of", "the", "al"} for t in tokens)


def embedded_at(text: str, start: int, end: int, article_id: str = "") -> Attribution | None:
    """An attribution "<voice> <reporting verb> (that) <content>" opening ``text[start:end]``, if any."""
    match = _EMBEDDED.match(text[start:end])
    if match is None or not _looks_like_voice(match.group("voice")):
        return None
    rest = start + match.end()
    if rest >= end:
        return None
    voice_start, voice_end = start + match.start("voice"), start + match.end("voice")
    cue_start, cue_end = start + match.start("cue"), start + match.end("cue")
    return Attribution(
        article_id=article_id,
        source=Span(voice_start, voice_end, text[voice_start:voice_end]),
        cue=Span(cue_start, cue_end, text[cue_start:cue_end]),
        content=Span(rest, end, text[rest:end]),
    )


def split_embedded(text: str, attribution: Attribution) -> Attribution | None:
    """The attribution opening ``attribution``'s content, when its content is itself "X concluded that Y"."""
    content = attribution.content
    return embedded_at(text, content.start, content.end, attribution.article_id)


def sentence_at(sentences: Sequence[tuple[int, int]], position: int) -> tuple[int, int]:
    """The sentence span holding ``position``; an empty span there when none does (so nothing is read)."""
    return next((s for s in sentences if s[0] <= position < s[1]), (position, position))


def _outside(span: Span, start: int, end: int) -> bool:
    return end <= span.start or start >= span.end


def _is_titled_person(name: str) -> bool:
    """ "Governor Hale", "Sen. Ruiz", "Prime Minister Vance": a title makes the name a person's."""
    return not OUTLET_WORD.search(name) and any(word.lower() in PERSON_TITLE for word in name.split())


def _via_outlet(text: str, sentence: tuple[int, int], attribution: Attribution) -> ChainLink | None:
    for match in _VIA_OUTLET.finditer(text, *sentence):
        start, end = match.span("outlet")
        if not _outside(attribution.content, start, end):
            continue
        if attribution.source and not _outside(attribution.source, start, end):
            continue
        # "told Reuters" names an outlet, "told Trump" a person: after "told", only outlet-like names count.
        if match.group("told") and not OUTLET_WORD.search(match.group("outlet")):
            continue
        # "Speaking to Governor Hale": a titled person is whom the speaker addressed, not an outlet.
        if _is_titled_person(match.group("outlet")):
            continue
        words = match.group("outlet").split()
        if len(words) == 1 and words[0].casefold().rstrip(".") in WEEKDAYS | MONTHS:  # "… on Monday"
            continue
        if text[end - 1] == "." and text[end - 2].islower():  # the sentence's full stop, not "U.S."
            end -= 1
        return ChainLink(start, end, text[start:end], False, _OUTLET)
    return None


def _secondary(
    text: str, sentence: tuple[int, int], attribution: Attribution, earlier: Sequence[ChainLink]
) -> ChainLink | None:
    for match in _SECONDARY.finditer(text, *sentence):
        start, end = match.span("voice")
        if not _outside(attribution.content, start, end):
            continue
        if attribution.source and not _outside(attribution.source, start, end):
            continue
        return voice_of(text, start, end, earlier)
    return None


def _own_link(text: str, attribution: Attribution, earlier: Sequence[ChainLink]) -> ChainLink | None:
    source = attribution.source
    if source is None:
        return None
    link = voice_of(text, source.start, source.end, earlier)
    is_outlet = OUTLET_WORD.search(link.text) and not link.anonymous
    if not link.anonymous and link.role is None and _REPORT_CUE.search(attribution.cue.text):
        is_outlet = True
    if is_outlet:
        return replace(link, anonymous=False, role=_OUTLET)
    return link


def _known_role(link: ChainLink, earlier: Sequence[ChainLink]) -> ChainLink:
    """A named voice met again by surname ("Zinni") keeps the role its first mention gave it."""
    if link.anonymous or link.role is not None:
        return link
    for before in reversed(earlier):
        if before.role and before.start < link.start and not before.anonymous:
            head = before.text.split(",")[0].split()
            if head and head[-1] == link.text.strip():
                return replace(link, role=before.role)
    return link


def _encloses(outer: Attribution, inner: Attribution) -> bool:
    anchor = inner.source or inner.cue
    content = outer.content
    return (
        outer is not inner
        and content.start <= anchor.start
        and anchor.end <= content.end
        and (_outside(inner.content, outer.cue.start, outer.cue.end))
    )


def chains_of(
    text: str, attributions: Sequence[Attribution], sentences: Sequence[tuple[int, int]]
) -> list[tuple[ChainLink, ...]]:
    """One chain per attribution (same order), outermost voice first; () when nobody is named at all.

    ``sentences`` are the report's sentence spans, where the outlet and secondary-source phrases are read.
    """
    own: list[ChainLink | None] = []
    earlier: list[ChainLink] = []
    for attribution in attributions:
        link = _own_link(text, attribution, earlier)
        own.append(link)
        if link is not None:
            earlier.append(link)

    chains: dict[int, tuple[ChainLink, ...]] = {}
    extents = SpanIndex([extent(a) for a in attributions])

    def chain_of(index: int, visiting: frozenset[int]) -> tuple[ChainLink, ...]:
        if index in chains:
            return chains[index]
        attribution = attributions[index]
        anchor = attribution.source or attribution.cue
        enclosing = [
            o
            for o in extents.near(anchor.start, anchor.end)
            if o not in visiting and _encloses(attributions[o], attribution)
        ]
        chain: list[ChainLink] = []
        sentence = sentence_at(sentences, attribution.cue.start)
        # An outlet or secondary source in the sentence belongs to the outermost attribution only.
        outlet = behind = None
        if enclosing:
            parent = min(enclosing, key=lambda o: attributions[o].content.end - attributions[o].content.start)
            chain.extend(chain_of(parent, visiting | {index}))
        else:
            outlet = _via_outlet(text, sentence, attribution)
            behind = _secondary(text, sentence, attribution, [*earlier, *chain])
        if outlet is not None:
            chain.append(outlet)
        link = own[index]
        if link is not None:
            chain.append(_known_role(link, earlier))
        if behind is not None and all(link.text != behind.text for link in chain):
            chain.append(behind)
        chains[index] = tuple(chain)
        return chains[index]

    return [chain_of(index, frozenset({index})) for index in range(len(attributions))]
