"""Claims across a story's reports: which outlets back each, and where reports disagree.

Called by the brief builder with the story's distinct reports and the brief's source numbers, so every
``Claim.supported_by`` / ``Conflict.sides`` entry points at a [n] the reader can look up.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

import numpy as np

from storyweave.claims.align._group import (
    COMPARABLE,
    SAME_CLAIM,
    StorySentence,
    group_sentences,
    similarity,
    story_sentences,
)
from storyweave.claims.align._slots import Slot, slots_of
from storyweave.claims.attribution import find_attributions
from storyweave.claims.certainty import certainty_of
from storyweave.model import Article, Attribution, Claim, Conflict

__all__ = ["align_claims", "outlet_of"]

# Slots whose values differ legitimately between loosely related sentences ("said on Sunday" vs "on
# Monday", two people doing two things) are compared only between sentences that state the same claim.
_STRICT_KINDS = {"date", "person", "negation"}
# "X did" / "X did not" needs nearly the same sentence: every sentence negates something, and a negated word
# recurring in a loosely related sentence is usually a different predicate.
NEGATION_COMPARABLE = 0.5


def outlet_of(article: Article) -> str:
    """Who published ``article``: its outlet name, else the host of its URL, else its origin.

    Two reports of one outlet are one voice when counting how many outlets back a claim.
    """
    if article.source and article.source.strip():
        return " ".join(article.source.casefold().split())
    if article.url:
        host = urlsplit(article.url).hostname
        if host:
            return host.removeprefix("www.")
    return article.origin


def _source_numbers(articles: Sequence[Article], given: Mapping[str, int] | None) -> list[int]:
    if given is None:
        return list(range(1, len(articles) + 1))
    missing = [a.id for a in articles if a.id not in given]
    if missing:
        raise ValueError(
            f"source_numbers has no number for article(s) {', '.join(missing)}; "
            "pass a number for every article given to align_claims"
        )
    return [given[a.id] for a in articles]


def _same_value(left: Slot, right: Slot) -> bool:
    """Equal values; for people, names sharing a word ("Ivo Rendle", "Rendle") are one person."""
    if left.kind == "person":
        return bool(set(left.value.split()) & set(right.value.split()))
    return left.value == right.value


def _conflicting_values(left: list[Slot], right: list[Slot]) -> list[tuple[Slot, Slot]]:
    """Pairs (a, b) with the same kind and key and different values, where neither side also states the
    other's value (a report that gives both 12 and 15 is not, by itself, on one side)."""
    found = []
    right_by_key: dict[tuple[str, str], list[Slot]] = defaultdict(list)
    for slot in right:
        right_by_key[slot.kind, slot.key].append(slot)
    for slot in left:
        others = right_by_key.get((slot.kind, slot.key), [])
        if any(_same_value(slot, other) for other in others):
            continue
        mine = [s for s in left if (s.kind, s.key) == (slot.kind, slot.key)]
        for other in others:
            if not any(_same_value(m, other) for m in mine):
                found.append((slot, other))
    return found


def _negation_pairs(left: list[Slot], right: list[Slot]) -> list[tuple[Slot, Slot]]:
    """(negated, asserted) pairs: one sentence says "did not respond", the other "responded"."""
    found = []
    for negated_side, asserted_side in ((left, right), (right, left)):
        negated = {s.key: s for s in negated_side if s.kind == "negation" and s.value == "not"}
        asserted = {s.key: s for s in asserted_side if s.kind == "negation" and s.value == "yes"}
        also_negated = {s.key for s in asserted_side if s.kind == "negation" and s.value == "not"}
        for key, slot in negated.items():
            if key in asserted and key not in also_negated:
                found.append((slot, asserted[key]))
    return found


_NUMBER_KEYS = {
    "dead": "death toll",
    "missing": "number missing",
    "injured": "number injured",
    "survivors": "number of survivors",
    "arrested": "number arrested",
}
_DESCRIPTIONS = {
    "number": "reports give different figures for the {key}",
    "place": "reports disagree on the {key}",
    "date": "reports give different dates for '{key}'",
    "person": "reports name different people for '{key}'",
    "negation": "one report states '{key}', another denies it",
}


def _conflicts(
    sentences: Sequence[StorySentence], sims: np.ndarray, numbers: Sequence[int]
) -> tuple[list[Conflict], dict[int, set[int]]]:
    """Conflicts between sentences of different reports, and for each sentence the source numbers that
    contradict it."""
    slots = [slots_of(s.text) for s in sentences]
    sides: dict[tuple[str, str], dict[str, tuple[str, set[int]]]] = {}
    contradicted: dict[int, set[int]] = defaultdict(set)
    for i in range(len(sentences)):
        for j in range(i + 1, len(sentences)):
            if sentences[i].article_index == sentences[j].article_index or sims[i, j] < COMPARABLE:
                continue
            strict = sims[i, j] >= SAME_CLAIM
            negation_comparable = sims[i, j] >= NEGATION_COMPARABLE
            left = [s for s in slots[i] if strict or s.kind not in _STRICT_KINDS]
            right = [s for s in slots[j] if strict or s.kind not in _STRICT_KINDS]
            pairs = _conflicting_values(
                [s for s in left if s.kind != "negation"], [s for s in right if s.kind != "negation"]
            )
            if negation_comparable:
                pairs += [(a, b) if a in slots[i] else (b, a) for a, b in _negation_pairs(left, right)]
            for mine, theirs in pairs:
                number_i = numbers[sentences[i].article_index]
                number_j = numbers[sentences[j].article_index]
                entry = sides.setdefault((mine.kind, mine.key), {})
                for slot, number in ((mine, number_i), (theirs, number_j)):
                    text, backers = entry.get(slot.value, (slot.text, set()))
                    entry[slot.value] = (text, backers | {number})
                contradicted[i].add(number_j)
                contradicted[j].add(number_i)
    conflicts = []
    for (kind, key), values in sides.items():
        shown = _NUMBER_KEYS.get(key, f"number of {key}") if kind == "number" else key
        if kind == "negation":
            shown = next(text for value, (text, _) in values.items() if value == "yes")
        conflicts.append(
            Conflict(
                slot=kind,
                description=_DESCRIPTIONS[kind].format(key=shown),
                sides=tuple((text, tuple(sorted(backers))) for _, (text, backers) in sorted(values.items())),
            )
        )
    return conflicts, contradicted


def _attribution_for(sentence: StorySentence, attributions: Sequence[Attribution]) -> Attribution | None:
    """The attribution whose content overlaps the sentence most (a claim's source and cue)."""
    best, best_overlap = None, 0
    for attribution in attributions:
        span = attribution.content
        overlap = min(span.end, sentence.end) - max(span.start, sentence.start)
        if overlap > best_overlap:
            best, best_overlap = attribution, overlap
    return best


def _representative(members: list[int], sims: np.ndarray) -> int:
    """The member most similar to the rest: the wording most reports would recognise."""
    if len(members) == 1:
        return members[0]
    scores = [sims[m, members].sum() for m in members]
    return members[int(np.argmax(scores))]


def align_claims(
    articles: Sequence[Article], source_numbers: Mapping[str, int] | None = None, max_claims: int = 12
) -> tuple[list[Claim], list[Conflict]]:
    """The story's main claims, each with the sources backing and contradicting it, and every conflict.

    ``source_numbers`` maps article id to its [n] in the brief (default: 1..N in input order). Claims are
    ranked by how many distinct outlets back them, then by whether anyone contradicts them, then by text
    order; at most ``max_claims`` are returned. Conflicts are all returned: a disagreement is news.
    """
    if max_claims < 0:
        raise ValueError(f"max_claims must be zero or more, got {max_claims}")
    numbers = _source_numbers(articles, source_numbers)
    sentences = story_sentences(articles)
    sims = similarity([s.text for s in sentences])
    conflicts, contradicted = _conflicts(sentences, sims, numbers)
    outlets = [outlet_of(a) for a in articles]
    attributions: dict[int, list[Attribution]] = {}
    ranked = []
    for members in group_sentences(sentences, sims):
        chosen = _representative(members, sims)
        # Sources whose wording conflicts with the chosen sentence (12 dead vs 15 dead) contradict the
        # claim even when their sentence is similar enough to be grouped with it.
        against = contradicted.get(chosen, set())
        backing = {
            sentences[m].article_index for m in members if numbers[sentences[m].article_index] not in against
        }
        backing.add(sentences[chosen].article_index)
        outlet_count = len({outlets[a] for a in backing})
        ranked.append(((-outlet_count, -len(against), members[0]), chosen, backing, against))
    claims = []
    for _, chosen_index, backing, against in sorted(ranked, key=lambda item: item[0])[:max_claims]:
        chosen = sentences[chosen_index]
        index = chosen.article_index
        if index not in attributions:
            attributions[index] = find_attributions(articles[index].text, articles[index].id)
        attribution = _attribution_for(chosen, attributions[index])
        if attribution is not None:
            certainty, hedges = attribution.certainty, attribution.hedges
        else:
            certainty, hedges = certainty_of(chosen.text)
        supported = {numbers[a] for a in backing}
        claims.append(
            Claim(
                text=chosen.text,
                article_id=chosen.article_id,
                source=attribution.source.text if attribution and attribution.source else None,
                cue=attribution.cue.text if attribution else None,
                certainty=certainty,
                hedges=tuple(hedges),
                supported_by=tuple(sorted(supported)),
                contradicted_by=tuple(sorted(against - supported)),
            )
        )
    return claims, conflicts
