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

from storyweave.claims.attribution import cue_word_classes, find_attributions
from storyweave.claims.certainty import certainty_of_claim
from storyweave.claims.stated._chain import chains_of, sentence_at, split_embedded
from storyweave.claims.stated._fallback import fallback_attributions
from storyweave.claims.stated._kind import kind_of
from storyweave.claims.stated._lexicon import REPORTING_CUE, words
from storyweave.claims.stated._repair import carries_no_claim, repaired
from storyweave.claims.stated._scare import scare_quotes, without_scare_quotes
from storyweave.claims.stated._spans import SpanIndex
from storyweave.claims.stated._voice import is_single_unnamed
from storyweave.model import Attribution, Quantity, Span, StatedClaim
from storyweave.text.quantities import find_quantities
from storyweave.text.sentences import is_whole_quotation, quotation_states, sentence_spans
from storyweave.text.verbs import IRREGULAR_PAST

__all__ = ["stated_claims"]

_MIN_CONTENT_WORDS = 3
_MIN_SENTENCE_WORDS = 5
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_QUOTE_MARK = re.compile(r"[“”\"]")
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
_READER = re.compile(r"(?<![\w-])(?:you|your|yours)(?![\w-])", re.IGNORECASE)
# A finite verb: an auxiliary or modal, a regular "-ed" or "-s" form, or an irregular past ("fled", "took").
_FINITE = re.compile(
    r"(?<![\w-])(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|shall|should|"
    r"does|do|did|[’']s|[a-z]{3,}ed|[a-z]{3,}[^s\W]s|"
    + "|".join(sorted(IRREGULAR_PAST, key=len, reverse=True))
    + r")(?![\w-])"
)
_ENDS_STATEMENT = re.compile(r"[.!…][”\"’)]?\s*$|[”\"’]\s*$")
_TRAILING = " .,;:!?"
_ABBREVIATION_END = re.compile(r"\b(?:Co|Inc|Ltd|Corp|Bros|Jr|Sr|U\.S|U\.K|a\.m|p\.m)\.$")
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
    if _READER.search(_QUOTED.sub(" ", text[start:end])):
        return False
    return _says_something(text, attribution, scares)


def _says_something(text: str, attribution: Attribution, scares: list[tuple[int, int]]) -> bool:
    """Content of three words or more once scare quotes are set aside, and neither a bare prepositional
    phrase nor a phrase pointing back at what others said: less is a fragment ("to the council chamber,
    Merrow" after "a statement read"; "rejected those complaints at the time"), not a claim. ("called it a
    reward for murder" has no verb either, but is a claim.)"""
    content = attribution.content
    if len(words(without_scare_quotes(text, content.start, content.end, scares))) < _MIN_CONTENT_WORDS:
        return False
    if _QUOTE_MARK.search(content.text):
        return True
    source = attribution.source
    if _AGENT_OPENING.match(content.text) and (source is None or source.start >= content.start):
        return False  # "estimated *by some experts*": the passive's agent, no claim ("Officials said by the
        # end of the year all troops would have left": the speaker comes first, the claim is one)
    if len(words(content.text)) > _MAX_FRAGMENT_WORDS:
        return True
    pointing = _POINTING_BACK.match(content.text)
    if pointing:  # its noun may look like a verb to _FINITE ("complaints"): read only what follows it
        return bool(_FINITE.search(content.text[pointing.end() :]))
    return not (_PREPOSITION_OPENING.match(content.text) and not _FINITE.search(content.text))


# Cue classes that need someone saying something; a cue of belief, expectation, evidence or feeling with no
# source ("The plant *is expected* to reopen", "The ship *is believed* to have sunk") is the writer's own
# sentence, hedged by its own words, not a claim of an "unnamed source".
_VOICED_CLASSES = frozenset(
    {"speech", "manner", "assertion", "question", "directive", "commissive", "concession", "denial",
     "nominal", "adverb", "marker", "medium"}
)  # fmt: skip


def _unvoiced(cue: str) -> bool:
    forms = words(cue)
    return bool(forms) and not any(_VOICED_CLASSES.intersection(cue_word_classes(f)) for f in forms)


def _writers_clause(
    text: str,
    article_id: str,
    attribution: Attribution,
    attributions: Sequence[Attribution],
    sentences: Sequence[tuple[int, int]],
    quantities: Sequence[Quantity],
) -> list[StatedClaim]:
    """The writer's clause an unvoiced cue stands in ("The plant is expected to reopen next week, but the
    union said ..."): from the sentence's start, or the end of another claim before it, to the content's
    end, as the writer's claim hedged by its own words."""
    sentence = sentence_at(sentences, attribution.cue.start)
    lead = max(
        [sentence[0]]
        + [a.content.end for a in attributions if sentence[0] <= a.content.end <= attribution.cue.start]
        + [
            a.cue.end
            for a in attributions
            if sentence[0] <= a.cue.end <= attribution.cue.start and a is not attribution
        ]
    )
    start, end = _strip(text, lead, max(attribution.content.end, attribution.cue.end))
    start += len(text[start:end]) - len(text[start:end].lstrip(" ,;:—–"))
    clause = text[start:end]
    if len(words(clause)) < _MIN_CONTENT_WORDS:
        return []
    certainty, hedges = certainty_of_claim(clause, clause)
    return [
        StatedClaim(
            article_id=article_id,
            start=start,
            end=end,
            text=clause,
            kind=kind_of(clause),
            certainty=certainty,
            chain=(),
            cue=None,
            hedges=hedges,
            quantities=tuple(q for q in quantities if start <= q.start and q.end <= end),
        )
    ]


def _index(sentences: Sequence[tuple[int, int]], position: int) -> int:
    """The index of the sentence holding ``position`` (-1 when none does)."""
    return next((k for k, (start, end) in enumerate(sentences) if start <= position < end), -1)


def _states_something(sentence: str) -> bool:
    """A full statement: ends like a sentence, has a verb outside quotations, does not address the reader."""
    unquoted = _QUOTED.sub(" ", sentence)
    return (
        len(words(sentence)) >= _MIN_SENTENCE_WORDS
        and bool(_ENDS_STATEMENT.search(sentence))
        and not sentence.rstrip().endswith("?")
        and not _READER.search(unquoted)
        and bool(_FINITE.search(unquoted))
    )


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in _TRAILING:
        if text[end - 1] == "." and _ABBREVIATION_END.search(text, start, end):
            break  # "leased by Orrel Freight Co.": the dot is the abbreviation's
        end -= 1
    while start < end and text[start] in " ":
        start += 1
    # "has said only that it is examining ...": the focus adverb is the cue's, not part of what was said.
    if text.startswith("only that ", start) and end - start > len("only that "):
        start += len("only ")
    # "said that the bridge is closed": the complementiser is the cue's, not part of what was said.
    if text.startswith("that ", start) and end - start > len("that "):
        start += len("that ")
    return start, end


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
        if not _READER.search(_QUOTED.sub(" ", text[sentence[0] : sentence[1]])):
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
    unvoiced = {k for k, chain in enumerate(chains) if not chain and _unvoiced(attributions[k].cue.text)}
    for index, (attribution, chain) in enumerate(zip(attributions, chains, strict=True)):
        if index in wrappers:
            continue
        if index in unvoiced:
            claims.extend(_writers_clause(text, article_id, attribution, attributions, sentences, quantities))
            continue
        start, end = _strip(text, attribution.content.start, attribution.content.end)
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
    covered = [(c.start, c.end) for c in claims] + [
        (a.cue.start, a.cue.end) for k, a in enumerate(attributions) if k not in unvoiced
    ]
    covering = SpanIndex(covered)
    # A quotation standing alone right after a quoted speaker's sentence goes on in that speaker's voice,
    # as do the sentences of a quotation running on after it ('"..." he added. "They abort ... cotton.')
    # and a new quoted paragraph that is not closed yet.
    quoting = quotation_states(text, sentences)
    # The voice of the sentence's last quotation ("'...,' said Smith, and her rival Jones replied that
    # '...'" goes on in Jones's), and of the quotation itself, not of an outer voice relaying the whole
    # sentence ("'...,' he added in comments first reported by the Times"): the quoted claim starting
    # last, the shortest of those.
    speakers: dict[int, StatedClaim] = {}
    for c in sorted(claims, key=lambda c: (c.start, -len(c.text))):
        if c.chain and _QUOTE_MARK.match(c.text):
            speakers[_index(sentences, c.start)] = c
    for index, (s_start, s_end) in enumerate(sentences):
        start, end = _strip(text, s_start, s_end)
        body = text[s_start:s_end]
        if any(covered[k][0] < s_end and s_start < covered[k][1] for k in covering.near(s_start, s_end)):
            continue
        speaker = speakers.get(index - 1) if is_whole_quotation(body) or quoting[index][0] else None
        if speaker is None and not _states_something(body):
            continue
        cues = [speaker.cue.text] if speaker and speaker.cue else []
        certainty, hedges = certainty_of_claim(text[start:end], body, cues)
        claim = StatedClaim(
            article_id=article_id,
            start=start,
            end=end,
            text=text[start:end],
            kind=kind_of(body, *cues, speaker.chain[-1].text) if speaker else kind_of(body),
            certainty=certainty,
            chain=speaker.chain if speaker else (),
            cue=speaker.cue if speaker else None,
            hedges=hedges,
            quantities=tuple(q for q in quantities if start <= q.start and q.end <= end),
        )
        claims.append(claim)
        if speaker:
            speakers[index] = claim
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
