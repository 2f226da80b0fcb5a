"""Every claim a report makes, attributed or in the writer's own voice, with what a reader needs to weigh it.

Attributed claims come from the attribution tagger, kept only when the cue reports speech, writing,
finding or belief (the tagger, trained on PolNeAR, also marks actions such as "endorsed" or "posted to")
and when the content says something (three words or more once scare quotes are set aside). Sentences with
no such attribution are the writer's own statements when they state something: a full sentence with a
verb, not a headline, caption, question or an address to the reader ("Show your support").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from storyweave.claims.attribution import find_attributions
from storyweave.claims.certainty import certainty_of_claim
from storyweave.claims.stated._chain import chains_of, sentence_at, split_embedded
from storyweave.claims.stated._fallback import fallback_attributions
from storyweave.claims.stated._kind import kind_of
from storyweave.claims.stated._lexicon import REPORTING_CUE, words
from storyweave.claims.stated._repair import carries_no_claim, repaired
from storyweave.claims.stated._scare import scare_quotes, without_scare_quotes
from storyweave.claims.stated._spans import SpanIndex
from storyweave.claims.stated._voice import is_single_unnamed
from storyweave.claims.stated._writer import (
    FINITE,
    MIN_CONTENT_WORDS,
    QUOTE_MARK,
    QUOTED,
    READER,
    strip_claim,
    unvoiced,
    writer_claims,
    writers_clause,
)
from storyweave.model import Attribution, ChainLink, Span, StatedClaim
from storyweave.text.quantities import find_quantities
from storyweave.text.sentences import sentence_spans

__all__ = ["stated_claims"]

# A place or occasion, not a statement: a preposition and a determiner ("to the council chamber"); "to"
# before a verb is an infinitive ("threatened to attack the capital"), which is a claim.
_PREPOSITION_OPENING = re.compile(
    r"(?i:to|in|on|at|from|with|during|after|before|by|for|via)\s+(?i:the|a|an|his|her|its|their|this)\s"
)
_AGENT_OPENING = re.compile(r"(?i:by)\s")
_MAX_FRAGMENT_WORDS = 8
# What someone else said, named only by pointing back at it ("The council rejected *those complaints at the
# time*"): the rejection is a claim about a claim the reader cannot see here, not a proposition of its own.
_POINTING_BACK = re.compile(
    r"(?i:those|these|the|such|that|this|their|his|her|its)\s+(?:[\w-]+\s+)?(?i:complaints?|allegations?|"
    r"claims?|accusations?|charges?|criticisms?|suggestions?|assertions?|rumou?rs?|reports?|remarks?|comments?)\b"
)
_HEDGE_ADVERB = re.compile(
    r"(?i:(?:(?:is|are|was|were|has|have|had)\s+(?:been\s+)?)?(?:reportedly|allegedly|purportedly|supposedly|apparently))"
)
# A coordinated modifier left out of the source: "from Iraqi and Kurdish sources" -> the tagger's
# "Kurdish sources" misses "Iraqi and".
_COORDINATED = re.compile(r"(?:[A-Z][\w.’'-]*,\s+)*[A-Z][\w.’'-]*\s+(?:and|or)\s+$")


def _widen_source(text: str, attribution: Attribution) -> Attribution:
    source = attribution.source
    if source is None:
        return attribution
    match = _COORDINATED.search(text, max(0, source.start - 80), source.start)
    if match is None or match.end() != source.start:
        return attribution
    start = match.start()
    return replace(attribution, source=Span(start, source.end, text[start : source.end]))


def _carries_claim(
    text: str, attribution: Attribution, scares: list[tuple[int, int]], sentences: Sequence[tuple[int, int]]
) -> bool:
    if not REPORTING_CUE.search(attribution.cue.text):
        return False
    start, end = sentence_at(sentences, attribution.cue.start)
    if READER.search(QUOTED.sub(" ", text[start:end])):
        return False
    return _says_something(text, attribution, scares)


def _says_something(text: str, attribution: Attribution, scares: list[tuple[int, int]]) -> bool:
    """Content of three words or more once scare quotes are set aside, and neither a bare prepositional
    phrase nor a phrase pointing back at what others said: less is a fragment ("to the council chamber,
    Merrow" after "a statement read"; "rejected those complaints at the time"), not a claim. ("called it a
    reward for murder" has no verb either, but is a claim.)"""
    content = attribution.content
    if len(words(without_scare_quotes(text, content.start, content.end, scares))) < MIN_CONTENT_WORDS:
        return False
    if QUOTE_MARK.search(content.text):
        return True
    source = attribution.source
    if _AGENT_OPENING.match(content.text) and (source is None or source.start >= content.start):
        return False  # "estimated *by some experts*": the passive's agent, no claim ("Officials said by the
        # end of the year all troops would have left": the speaker comes first, the claim is one)
    if len(words(content.text)) > _MAX_FRAGMENT_WORDS:
        return True
    pointing = _POINTING_BACK.match(content.text)
    if pointing:  # its noun may look like a verb to FINITE ("complaints"): read only what follows it
        return bool(FINITE.search(content.text[pointing.end() :]))
    return not (_PREPOSITION_OPENING.match(content.text) and not FINITE.search(content.text))


_COORDINATED_CUE = re.compile(r"[,;]?\s+(?:and|but)\s+(?:\w+ly\s+)?$")


def _before_coordinated_cues(text: str, attributions: list[Attribution]) -> list[Attribution]:
    """A content that runs on into another cue right after "and" or "but" ("urged followers to 'burn ...'
    *and promised* 'rivers of blood'") ends before the coordinator: each cue reports its own words, and a
    content holding the other cue would read as a mere wrapper of it. (A content left saying nothing, "wrote
    *a letter* and said", is dropped by the caller.)"""
    clipped = []
    cues = _cue_index(attributions)
    for attribution in attributions:
        content = attribution.content
        for other in (attributions[k] for k in cues.near(content.start, content.end)):
            if other is attribution or not content.start < other.cue.start < content.end:
                continue
            coordinator = _COORDINATED_CUE.search(text, content.start, other.cue.start)
            if coordinator is not None and coordinator.start() > content.start:
                end = coordinator.start()
                content = Span(content.start, end, text[content.start : end])
        clipped.append(replace(attribution, content=content))
    return clipped


def _said_after(
    attribution: Attribution,
    attributions: Sequence[Attribution],
    chains: Sequence[tuple[ChainLink, ...]],
    sentence: tuple[int, int],
) -> bool:
    """Whether a sourced cue later in the sentence reports words before it ("..., Vanlo said")."""
    return any(
        chain
        and attribution.cue.end <= other.cue.start < sentence[1]
        and other.content.start < other.cue.start
        for other, chain in zip(attributions, chains, strict=True)
    )


def _cue_index(attributions: Sequence[Attribution]) -> SpanIndex:
    return SpanIndex([(a.cue.start, a.cue.start) for a in attributions])


def _expand(
    text: str, attributions: Sequence[Attribution], scares: list[tuple[int, int]]
) -> tuple[list[Attribution], set[int]]:
    """Attributions plus the inner ones opening their contents; indices of outers that only wrap an inner.

    An inner attribution whose content says nothing ("said engineers concluded that ok") is not split off:
    the outer then keeps the whole content, rather than the claim shrinking to a word.
    """
    expanded: list[Attribution] = []
    wrappers: set[int] = set()
    cues = _cue_index(attributions)
    for attribution in attributions:
        expanded.append(attribution)
        inner = split_embedded(text, attribution)
        nearby = (attributions[k] for k in cues.near(attribution.content.start, attribution.content.end))
        already = [
            other
            for other in nearby
            if other is not attribution
            and attribution.content.start <= other.cue.start < attribution.content.end
            and (other.source or other.cue).start - attribution.content.start <= len("that ")
        ]
        if already:
            wrappers.add(len(expanded) - 1)
        elif inner is not None and _says_something(text, inner, scares):
            wrappers.add(len(expanded) - 1)
            expanded.append(inner)
    return expanded, wrappers


def stated_claims(text: str, article_id: str = "", *, contextual: bool | None = None) -> list[StatedClaim]:
    """Every claim in one report, in text order, each with its provenance chain, type, certainty and
    quantities; offsets are into ``text``.

    Attributed claims carry their chain outermost voice first (an outlet the speaker addressed is the
    outermost link, role "outlet"); the writer's own statements have an empty chain. Scare quotes are
    never claims or sources. ``contextual`` picks the attribution taggers (see ``find_attributions``).
    Raises FileNotFoundError when the attribution models are missing.
    """
    if not isinstance(text, str):
        raise TypeError(f"stated_claims expects the report text as str, got {type(text).__name__}")
    sentences = list(sentence_spans(text))
    scares = scare_quotes(text)
    kept = [
        _widen_source(text, fixed)
        for a in find_attributions(text, article_id, contextual=contextual)
        if not carries_no_claim(text, a)
        for fixed in repaired(text, a)
        if _carries_claim(text, fixed, scares, sentences)
    ]
    tagged = _cue_index(kept)
    for sentence in sentences:
        if any(sentence[0] <= kept[k].cue.start < sentence[1] for k in tagged.near(*sentence)):
            continue
        if not READER.search(QUOTED.sub(" ", text[sentence[0] : sentence[1]])):
            # The fallback patterns choose their own cues (shouts, periphrases); the content must still
            # say something, or "The said ," becomes an empty claim.
            kept.extend(
                a
                for a in fallback_attributions(text, sentence, article_id)
                if _says_something(text, a, scares) and not carries_no_claim(text, a)
            )
    # "X have reportedly fled": a hearsay adverb hedges the writer's sentence; it names no voice, so it is
    # not an attribution (the tagger's source for it is just the sentence's subject).
    kept = [a for a in kept if not _HEDGE_ADVERB.fullmatch(a.cue.text.strip())]
    kept.sort(key=lambda a: (a.cue.start, a.cue.end))
    kept = [a for a in _before_coordinated_cues(text, kept) if _says_something(text, a, scares)]
    attributions, wrappers = _expand(text, kept, scares)
    chains = chains_of(text, attributions, sentences)
    quantities = find_quantities(text)

    claims: list[StatedClaim] = []
    contents = SpanIndex([(a.content.start, a.content.end) for a in attributions])
    cue_points = _cue_index(attributions)
    unvoiced_cues = {k for k, chain in enumerate(chains) if not chain and unvoiced(attributions[k].cue.text)}
    for index, (attribution, chain) in enumerate(zip(attributions, chains, strict=True)):
        if index in wrappers:
            continue
        if index in unvoiced_cues:
            # "A fire investigator is expected to examine the site ..., Vanlo said": the clause is what a
            # speaker said after it, whose own claim carries it. Only a clause nobody is said to say ("...
            # to reopen, but the union said it would strike") is the writer's.
            if not _said_after(
                attribution, attributions, chains, sentence_at(sentences, attribution.cue.start)
            ):
                claims.extend(
                    writers_clause(text, article_id, attribution, attributions, sentences, quantities)
                )
            continue
        start, end = strip_claim(text, attribution.content.start, attribution.content.end)
        sentence = sentence_at(sentences, attribution.cue.start)
        siblings = [attributions[k] for k in contents.near(*sentence)]
        scope = _certainty_scope(text, sentence, siblings, attribution)
        content = text[start:end]
        own_words = _own_wording(
            text, start, end, [attributions[k] for k in cue_points.near(start, end)], attribution
        )
        framing = [attributions[k] for k in contents.near(attribution.cue.start, attribution.cue.start)]
        cues = [a.cue.text for a in _outer_cues(framing, attribution)]
        # An outlet vouches only that it was told: "told the Herald" by one unnamed person is still hedged.
        single = (
            bool(chain)
            and is_single_unnamed(chain[-1])
            and all(link.anonymous or link.role == "outlet" for link in chain)
        )
        certainty, hedges = certainty_of_claim(own_words, scope, cues, single)
        claims.append(
            StatedClaim(
                article_id=article_id,
                start=start,
                end=end,
                text=content,
                kind=kind_of(own_words, attribution.cue.text, chain[-1].text if chain else ""),
                certainty=certainty,
                chain=chain,
                cue=attribution.cue,
                hedges=hedges,
                quantities=tuple(q for q in quantities if start <= q.start and q.end <= end),
            )
        )
    cue_spans = [(a.cue.start, a.cue.end) for k, a in enumerate(attributions) if k not in unvoiced_cues]
    claims += writer_claims(text, article_id, sentences, claims, cue_spans, quantities)
    claims.sort(key=lambda c: (c.start, c.end))
    return claims


def _certainty_scope(
    text: str, sentence: tuple[int, int], attributions: Sequence[Attribution], attribution: Attribution
) -> str:
    """The words that can hedge a claim: its sentence without the contents of other claims in it.

    A hedge in the framing clause ("X reportedly said", "officials say with near certainty that") or in
    the claim itself covers the claim; a hedge in a sibling ("said A, and that B may ...") or in a claim
    nested inside this one covers only that claim. Blanked, not cut, so no words join across a gap.
    """
    start, end = sentence
    chars = list(text[start:end])
    own = attribution.content
    for other in attributions:
        span = other.content
        if other is attribution or (span.start <= own.start and own.end <= span.end):
            continue
        for position in range(max(span.start, start), min(span.end, end)):
            chars[position - start] = " "
    return "".join(chars)


def _outer_cues(attributions: Sequence[Attribution], attribution: Attribution) -> list[Attribution]:
    """The attributions whose contents enclose this one's cue, outermost first, then this one."""
    enclosing = [
        a
        for a in attributions
        if a is not attribution and a.content.start <= attribution.cue.start < a.content.end
    ]
    enclosing.sort(key=lambda a: a.content.start - a.content.end)
    return [*enclosing, attribution]


def _own_wording(
    text: str, start: int, end: int, attributions: Sequence[Attribution], attribution: Attribution
) -> str:
    """The claim's content without the attributions nested in it, which are claims of their own.

    "al-Baghdadi has not spoken since November, when he called on fighters to ..." is a fact; the nested
    call to arms is rhetoric, and must not make its host rhetoric too.
    """
    cuts = sorted(
        (min((a.source or a.cue).start, a.cue.start), a.content.end)
        for a in attributions
        if a is not attribution and start < a.cue.start < end and (a.source or a.cue).start > start + 5
    )
    pieces, cursor = [], start
    for cut_start, cut_end in cuts:
        if cut_start >= cursor:
            pieces.append(text[cursor:cut_start])
            cursor = max(cursor, min(cut_end, end))
    pieces.append(text[cursor:end])
    return " ".join(pieces)
