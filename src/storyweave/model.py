"""Typed records exchanged between pipeline stages.

Records only: no behaviour beyond small derived properties. Every stage takes and returns these, so a
stage can be swapped or run elsewhere (a worker, Spark) without knowing another stage's internals.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "Article",
    "Attribution",
    "Brief",
    "ChainLink",
    "CitedSentence",
    "Claim",
    "Conflict",
    "Document",
    "Entity",
    "InputFailure",
    "Mention",
    "Quantity",
    "Sentence",
    "SourceRef",
    "Span",
    "StatedClaim",
    "Story",
    "TimeExpression",
    "TimelineEntry",
    "content_id",
]


def content_id(text: str) -> str:
    """Identity of a report by its content, so re-ingesting the same text is a no-op.

    Whitespace and Unicode normalisation differences (NFC vs NFD, CRLF, double spaces) must not make two
    copies of one report look different.
    """
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class Document:
    """What a reader found in one input before cleaning: raw main text plus whatever metadata it carried.

    ``origin`` names the input for humans (a path, ``path:line``, ``<stdin>``, a URL) and appears in every
    error message about it.
    """

    text: str
    origin: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    source: str | None = None
    external_id: str | None = None


@dataclass(frozen=True, slots=True)
class InputFailure:
    """One input that could not be read, and why, in words a user can act on.

    Both fields are made printable on one line: a file name or JSON key may hold control characters
    (terminal escapes, a newline forging another "skipped" line) or undecodable bytes, which would reach a
    terminal raw or be refused by a database; they are shown as ``\\xNN`` instead.
    """

    origin: str
    reason: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "origin", _printable(self.origin))
        object.__setattr__(self, "reason", _printable(self.reason))

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    text = str(text)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = text.encode("utf-8", "surrogateescape")  # a file name's undecodable bytes
        except UnicodeEncodeError:
            raw = text.encode("utf-8", "surrogatepass")  # a lone surrogate from JSON ("\\ud800")
        text = raw.decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned report, identified by the hash of its cleaned text."""

    id: str
    text: str
    origin: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    source: str | None = None
    external_id: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article, with character offsets into ``Article.text``."""

    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Story:
    """Reports about one real-world event.

    ``articles`` are the distinct reports (one per near-duplicate group); ``duplicates`` maps a kept
    article's id to the near-copies folded into it, so every outlet that ran the report is still credited.
    """

    id: str
    articles: list[Article]
    duplicates: dict[str, list[Article]] = field(default_factory=dict)

    @property
    def first_published(self) -> date | None:
        dates = [a.published for a in self.articles if a.published]
        return min(dates) if dates else None

    @property
    def last_published(self) -> date | None:
        dates = [a.published for a in self.articles if a.published]
        return max(dates) if dates else None


@dataclass(frozen=True, slots=True)
class SourceRef:
    """One numbered entry of a brief's source list ([1], [2], ...)."""

    number: int
    article_id: str
    title: str | None
    source: str | None
    published: date | None
    url: str | None
    origin: str
    also_from: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CitedSentence:
    """A summary sentence and every source (by number) whose report supports it."""

    text: str
    article_id: str
    sources: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of an article's text: character offsets into ``Article.text`` and the text itself."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said what: source (None when the text names nobody), cue ("said", "according to"), content.

    ``certainty`` is how the source and the reporter frame the content: "asserted", "reported", "hedged"
    or "denied"; ``hedges`` are the words that made it so ("reportedly", "near certainty").
    """

    article_id: str
    source: Span | None
    cue: Span
    content: Span
    certainty: str = "reported"
    hedges: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression resolved to a TimeML TIMEX3 type and value ("2016-10", "P1M", "PRESENT_REF")."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class ChainLink:
    """One voice a claim passes through, outermost first: the outlet, the official, the informant.

    Offsets are into the text of the report that states the claim. ``anonymous`` is true when the text does
    not let a reader identify the voice ("sources in Mosul", "officials", "an informant"). ``role`` is what
    the text says the voice is (spokesperson, commander, intelligence, officials, outlet), when it says.
    ``refers_to`` is, for a pronoun ("she added"), the earlier source phrase it stands for, so a reader sees
    who "she" is without opening the report.
    """

    start: int
    end: int
    text: str
    anonymous: bool
    role: str | None = None
    refers_to: str | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as the text states it, normalised: "over one hundred thousand" is value 100000, low 100000.

    ``vague`` marks amounts the text leaves open ("hundreds of thousands", "dozens"); ``low``/``high`` give
    the range a vague or bounded amount allows, ``unit`` what is counted or measured ("%", "fighters").
    """

    start: int
    end: int
    text: str
    value: float
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    vague: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a report names an entity: character offsets into that report's text."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """One person, group, place or outlet, with every name the reports use for it (its aliases).

    ``name`` is the fullest name used; ``kind`` a coarse type (person, organization, place, outlet) or None.
    """

    name: str
    mentions: tuple[Mention, ...]
    kind: str | None = None

    @property
    def aliases(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for mention in self.mentions:
            seen.setdefault(mention.text, None)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class StatedClaim:
    """A claim as one report states it: the content span, who it comes through, what kind, how sure.

    ``kind`` is "fact" (a reported or asserted state of the world), "opinion" (the writer's or a source's
    judgement or analysis) or "rhetoric" (slogans, threats, propaganda quoted as such — never a factual
    claim). ``chain`` is empty when the writer states it in their own voice.
    """

    article_id: str
    start: int
    end: int
    text: str
    kind: str
    certainty: str
    chain: tuple[ChainLink, ...] = ()
    cue: Span | None = None
    hedges: tuple[str, ...] = ()
    quantities: tuple[Quantity, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement in a story, with who makes it, how sure, and which sources back or contradict it.

    ``supported_by`` / ``contradicted_by`` hold source numbers of the brief (the [n] markers).
    ``independent`` counts the independent voices among the supporters: reports of one outlet, or a report
    that only cites another supporter's outlet, are one voice (0 when it was not computed).
    """

    text: str
    article_id: str
    source: str | None
    cue: str | None
    certainty: str
    hedges: tuple[str, ...] = ()
    supported_by: tuple[int, ...] = ()
    contradicted_by: tuple[int, ...] = ()
    kind: str = "fact"
    chain: tuple[ChainLink, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    independent: int = 0


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources that disagree on one comparable slot: a number, a place, a date, a person, or a negation.

    ``chains`` (when given, one per side) is who each side's value comes through, so a reader can weigh an
    anonymous informant against a named commander.
    """

    slot: str
    description: str
    sides: tuple[tuple[str, tuple[int, ...]], ...]
    chains: tuple[tuple[ChainLink, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A dated event sentence. ``when`` is a TIMEX3 value whose precision is ``granularity``."""

    when: str
    granularity: str
    text: str
    expression: str
    article_id: str
    sources: tuple[int, ...]


@dataclass(slots=True)
class Brief:
    """What a reader gets for one story."""

    story_id: str
    headline: str
    first_published: date | None
    last_published: date | None
    summary: list[CitedSentence]
    sources: list[SourceRef]
    claims: list[Claim] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    undated: list[TimelineEntry] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    # "extractive", or how an LLM fusion of it was made or why it failed (see summarize.fusion).
    summary_method: str = "extractive"

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.summary)
