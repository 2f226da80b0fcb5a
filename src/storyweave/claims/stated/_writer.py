"""Claims in the writer's own voice, and quotations that go on in a speaker's voice without a cue.

A sentence no attribution covers is the writer's own statement when it states something: a full sentence
with a verb, not a headline, caption, question or an address to the reader ("Show your support"). A
quotation standing alone after a quoted speaker's sentence, or running on over several sentences and
paragraphs, is that speaker's. A cue of belief or expectation with no source ("The plant is expected to
reopen") leaves the writer's clause, hedged by its own words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from storyweave.claims.attribution import cue_word_classes
from storyweave.claims.certainty import certainty_of_claim
from storyweave.claims.stated._chain import sentence_at
from storyweave.claims.stated._kind import kind_of
from storyweave.claims.stated._lexicon import words
from storyweave.claims.stated._spans import SpanIndex
from storyweave.model import Attribution, Quantity, StatedClaim
from storyweave.text.sentences import is_whole_quotation, quotation_states
from storyweave.text.verbs import IRREGULAR_PAST

__all__ = [
    "FINITE",
    "MIN_CONTENT_WORDS",
    "QUOTED",
    "QUOTE_MARK",
    "READER",
    "strip_claim",
    "unvoiced",
    "writer_claims",
    "writers_clause",
]

MIN_CONTENT_WORDS = 3
_MIN_SENTENCE_WORDS = 5
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
QUOTE_MARK = re.compile(r"[“”\"]")
READER = re.compile(r"(?<![\w-])(?:you|your|yours)(?![\w-])", re.IGNORECASE)
# A finite verb: an auxiliary or modal, a regular "-ed" or "-s" form, or an irregular past ("fled", "took").
FINITE = re.compile(
    r"(?<![\w-])(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|shall|should|"
    r"does|do|did|[’']s|[a-z]{3,}ed|[a-z]{3,}[^s\W]s|"
    + "|".join(sorted(IRREGULAR_PAST, key=len, reverse=True))
    + r")(?![\w-])"
)
_ENDS_STATEMENT = re.compile(r"[.!…][”\"’)]?\s*$|[”\"’]\s*$")
_TRAILING = " .,;:!?"
_ABBREVIATION_END = re.compile(r"\b(?:Co|Inc|Ltd|Corp|Bros|Jr|Sr|U\.S|U\.K|a\.m|p\.m)\.$")


# Cue classes that need someone saying something; a cue of belief, expectation, evidence or feeling with no
# source ("The plant *is expected* to reopen", "The ship *is believed* to have sunk") is the writer's own
# sentence, hedged by its own words, not a claim of an "unnamed source".
_VOICED_CLASSES = frozenset(
    {"speech", "manner", "assertion", "question", "directive", "commissive", "concession", "denial",
     "nominal", "adverb", "marker", "medium"}
)  # fmt: skip


def unvoiced(cue: str) -> bool:
    """Whether no word of ``cue`` is one of saying ("is expected", "is believed": no sayer needed)."""
    forms = words(cue)
    return bool(forms) and not any(_VOICED_CLASSES.intersection(cue_word_classes(f)) for f in forms)


def writers_clause(
    text: str,
    article_id: str,
    attribution: Attribution,
    attributions: Sequence[Attribution],
    sentences: Sequence[tuple[int, int]],
    quantities: Sequence[Quantity],
) -> list[StatedClaim]:
    """The writer's clause an unvoiced cue stands in ("The plant is expected to reopen next week, but the
    union said ..."; '"The gunman acted alone," it is believed'): from the sentence's start, or the end of
    another claim before it, to the end of the cue and its content, as the writer's claim hedged by its own
    words; and what the sentence goes on to state with no voice of its own ("..., but the bill passed by
    300 votes to 12"), as the writer's claim too."""
    sentence = sentence_at(sentences, attribution.cue.start)
    others = [a for a in attributions if a is not attribution]
    lead = max(
        [sentence[0]]
        + [a.content.end for a in others if sentence[0] <= a.content.end <= attribution.cue.start]
        + [a.cue.end for a in others if sentence[0] <= a.cue.end <= attribution.cue.start]
    )
    lead = min(lead, attribution.content.start)
    finish = max(attribution.content.end, attribution.cue.end)
    found = [_writer_claim(text, article_id, lead, finish, quantities)]
    rest = (finish, sentence[1])
    if not any(rest[0] <= a.cue.start < rest[1] or rest[0] <= a.content.start < rest[1] for a in others):
        found.append(_writer_claim(text, article_id, rest[0], rest[1], quantities, sentence_only=True))
    return [claim for claim in found if claim is not None]


def _writer_claim(
    text: str,
    article_id: str,
    start: int,
    end: int,
    quantities: Sequence[Quantity],
    sentence_only: bool = False,
) -> StatedClaim | None:
    start, end = strip_claim(text, start, end)
    start += len(text[start:end]) - len(text[start:end].lstrip(" ,;:—–"))
    if sentence_only:  # a clause going on after another: "but", "and", "while" belong to the joint
        start += len(text[start:end]) - len(re.sub(r"^(?:but|and|while|yet|so)\s+", "", text[start:end]))
    clause = text[start:end]
    if len(words(clause)) < (_MIN_SENTENCE_WORDS if sentence_only else MIN_CONTENT_WORDS):
        return None
    if sentence_only and not FINITE.search(clause):
        return None
    certainty, hedges = certainty_of_claim(clause, clause)
    return StatedClaim(
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


def _index(sentences: Sequence[tuple[int, int]], position: int) -> int:
    """The index of the sentence holding ``position`` (-1 when none does)."""
    return next((k for k, (start, end) in enumerate(sentences) if start <= position < end), -1)


def _states_something(sentence: str) -> bool:
    """A full statement: ends like a sentence, has a verb outside quotations, does not address the reader."""
    unquoted = QUOTED.sub(" ", sentence)
    return (
        len(words(sentence)) >= _MIN_SENTENCE_WORDS
        and bool(_ENDS_STATEMENT.search(sentence))
        and not sentence.rstrip().endswith("?")
        and not READER.search(unquoted)
        and bool(FINITE.search(unquoted))
    )


def strip_claim(text: str, start: int, end: int) -> tuple[int, int]:
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


def writer_claims(
    text: str,
    article_id: str,
    sentences: Sequence[tuple[int, int]],
    claims: Sequence[StatedClaim],
    cue_spans: Iterable[tuple[int, int]],
    quantities: Sequence[Quantity],
) -> list[StatedClaim]:
    """Claims of the sentences no claim or cue covers yet: the writer's own statements, and quotations
    going on in the voice of the quoted speaker before them."""
    found: list[StatedClaim] = []
    covered = [(c.start, c.end) for c in claims] + list(cue_spans)
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
        if c.chain and QUOTE_MARK.match(c.text):
            speakers[_index(sentences, c.start)] = c
    for index, (s_start, s_end) in enumerate(sentences):
        start, end = strip_claim(text, s_start, s_end)
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
        found.append(claim)
        if speaker:
            speakers[index] = claim
    return found
