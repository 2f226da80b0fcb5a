"""Who an aligned sentence comes through, and which of a claim's supporters are one voice.

Counting outlets overstates corroboration when one report only relays another: "according to Reuters"
in the Courier, next to Reuters' own report, is Reuters twice, not two independent sources. The stated
claims of each report (its provenance chains) say whom it relays; supporters that share an outlet, or
relay a fellow supporter's outlet, are merged into one voice.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from storyweave.claims.align._group import StorySentence
from storyweave.claims.stated import stated_claims
from storyweave.model import Article, ChainLink, StatedClaim

__all__ = ["ReportStatements", "StatedClaimsMemo", "independent_voices", "same_voice_name"]

_NOT_NAME = re.compile(r"[^0-9a-z]+")
_LEADING_ARTICLE = re.compile(r"^(?:the|al|el|ash|as|ad|an|ar|az)\s+")
_HOST_SUFFIX = re.compile(r"\.(?:com|org|net|co\.uk|co|news|info|tv|uk|us|de|fr)$")


# Reports whose stated claims a process keeps: a story that grows by one report is briefed again under a new
# id (the web app), and only the new report should pay for the attribution models (~9 ms a sentence).
_REMEMBERED_REPORTS = 2048


@lru_cache(maxsize=_REMEMBERED_REPORTS)
def _claims_of_report(text: str, article_id: str, contextual: bool | None) -> tuple[StatedClaim, ...]:
    return tuple(stated_claims(text, article_id, contextual=contextual))


@dataclass
class StatedClaimsMemo:
    """Stated claims found before, by article id (``kept``, e.g. read from the store), and those this
    brief had to find (``new``, for the caller to keep): the attribution models then run only on reports
    they have not seen. The caller keys what it keeps by ``stated_claims_key``, so nothing stale comes back.
    """

    kept: Mapping[str, Sequence[StatedClaim]] = field(default_factory=dict)
    new: dict[str, tuple[StatedClaim, ...]] = field(default_factory=dict)


class ReportStatements:
    """The stated claims of a story's reports, worked out once per report and only when first asked for:
    the attribution models behind them are the costly part of a brief."""

    def __init__(
        self,
        articles: Sequence[Article],
        contextual: bool | None = None,
        memo: StatedClaimsMemo | None = None,
    ) -> None:
        self._articles = articles
        self._contextual = contextual
        self._memo = memo if memo is not None else StatedClaimsMemo()
        self._found: dict[int, list[StatedClaim]] = {}

    def of(self, article_index: int) -> list[StatedClaim]:
        if article_index not in self._found:
            article = self._articles[article_index]
            kept = self._memo.kept.get(article.id)
            if kept is not None and any(article.text[c.start : c.end] != c.text for c in kept):
                kept = None  # not this text's claims (a store edited by hand, say): find them again
            if kept is None:
                kept = _claims_of_report(article.text, article.id, self._contextual)
                self._memo.new[article.id] = kept
            self._found[article_index] = list(kept)
        return self._found[article_index]

    def within(self, sentence: StorySentence) -> list[StatedClaim]:
        """The stated claims that ``sentence`` makes: those with most of their span inside it."""
        found = []
        for statement in self.of(sentence.article_index):
            overlap = min(statement.end, sentence.end) - max(statement.start, sentence.start)
            if overlap > 0 and 2 * overlap >= statement.end - statement.start:
                found.append(statement)
        return found

    def covering(self, sentence: StorySentence) -> StatedClaim | None:
        """The stated claim that overlaps ``sentence`` most (None when no claim touches it)."""
        best, best_overlap = None, 0
        for statement in self.of(sentence.article_index):
            overlap = min(statement.end, sentence.end) - max(statement.start, sentence.start)
            if overlap > best_overlap:
                best, best_overlap = statement, overlap
        return best


def _name_key(name: str) -> str:
    """ "The Reuters" / "reuters.com" / "Al-Sharq al-Awsat" reduced to a comparable key."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).strip()
    folded = _HOST_SUFFIX.sub("", folded.removeprefix("www."))
    words = _NOT_NAME.sub(" ", folded).strip()
    while True:
        stripped = _LEADING_ARTICLE.sub("", words)
        if stripped == words:
            break
        words = stripped
    return words.replace(" ", "")


def same_voice_name(link_text: str, outlet: str) -> bool:
    """Whether a chain link names ``outlet`` (an outlet name or a host, as ``outlet_of`` gives it)."""
    link, other = _name_key(link_text), _name_key(outlet)
    return bool(link) and len(link) >= 3 and link == other


def independent_voices(
    backing: Iterable[int], outlets: Sequence[str], chains: Mapping[int, tuple[ChainLink, ...]]
) -> int:
    """How many independent voices back a claim.

    ``backing`` are article indices, ``outlets`` their outlets (by article index), ``chains`` the chain
    each backing report gives the claim. Reports of one outlet are one voice; a report whose chain names
    another backer's outlet relays it and joins that backer's voice.
    """
    members = sorted(set(backing))
    parent = {m: m for m in members}

    def root(m: int) -> int:
        while parent[m] != m:
            parent[m] = parent[parent[m]]
            m = parent[m]
        return m

    def join(a: int, b: int) -> None:
        parent[root(a)] = root(b)

    for a in members:
        for b in members:
            if a >= b:
                continue
            if _name_key(outlets[a]) == _name_key(outlets[b]):
                join(a, b)
    for a in members:
        for link in chains.get(a, ()):
            for b in members:
                if b != a and same_voice_name(link.text, outlets[b]):
                    join(a, b)
    return len({root(m) for m in members})
