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
    named_in_each_other,
    similarity,
    story_sentences,
)
from storyweave.claims.align._provenance import ReportStatements, StatedClaimsMemo, independent_voices
from storyweave.claims.align._slots import Slot, slots_of
from storyweave.claims.certainty import certainty_of
from storyweave.model import Article, ChainLink, Claim, Conflict, StatedClaim
from storyweave.text.standalone import needs_previous

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


def _conflicting_values(
    left: list[Slot], right: list[Slot], *, loose_scope: bool = False
) -> list[tuple[Slot, Slot]]:
    """Pairs (a, b) with the same kind and key and different values, where neither side also states the
    other's value (a report that gives both 12 and 15 is not, by itself, on one side).

    Counts of different scopes ("in Homs", "across Syria") are never compared; a scoped and an unscoped
    count only when the sentences say nearly the same thing (``loose_scope``): "15 killed in Kabul" and
    "12 killed" in two tellings of one blast disagree, a national toll and a city's do not."""
    found = []
    for slot in left:
        others = [
            o for o in right if (o.kind, o.key) == (slot.kind, slot.key) and _same_scope(slot, o, loose_scope)
        ]
        if any(_same_value(slot, other) for other in others):
            continue
        mine = [s for s in left if (s.kind, s.key) == (slot.kind, slot.key)]
        for other in others:
            if not any(_same_value(m, other) for m in mine):
                found.append((slot, other))
    return found


def _same_scope(left: Slot, right: Slot, loose: bool) -> bool:
    return left.scope == right.scope or (loose and not (left.scope and right.scope))


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
    "displaced": "number displaced",
}
_PREDICATES = {"dead": "killed", "missing": "missing", "injured": "injured", "survivors": "rescued",
               "arrested": "arrested", "displaced": "displaced"}  # fmt: skip


def _number_key(key: str) -> str:
    """How a count's key reads: "death toll", "number of journalists killed", "number of charge"."""
    counted, _, predicate = key.partition(" ")
    if predicate:
        return f"number of {counted} {_PREDICATES.get(predicate, predicate)}"
    return _NUMBER_KEYS.get(key, f"number of {key}")


_DESCRIPTIONS = {
    "number": "reports give different figures for the {key}",
    "place": "reports disagree on the {key}",
    "date": "reports give different dates for '{key}'",
    "person": "reports name different people for '{key}'",
    "negation": "one report states '{key}', another denies it",
}


# For each sentence (by index): the source numbers that contradict it, each with the words of the sentence
# they contradict ("12 deaths"), so a claim sharing the sentence but not those words is not contradicted.
Contradictions = dict[int, dict[int, set[str]]]


def _conflicts(
    sentences: Sequence[StorySentence], sims: np.ndarray, numbers: Sequence[int], statements: ReportStatements
) -> tuple[list[Conflict], Contradictions]:
    """Conflicts between sentences of different reports, and what contradicts each sentence (see
    ``Contradictions``). Each side carries the provenance chain of the first sentence stating its value."""
    slots = [slots_of(s.text) for s in sentences]
    sides: dict[tuple[str, str, str], dict[str, tuple[str, set[int], int]]] = {}
    contradicted: Contradictions = defaultdict(lambda: defaultdict(set))
    for i in range(len(sentences)):
        for j in range(i + 1, len(sentences)):
            if sentences[i].article_index == sentences[j].article_index or sims[i, j] < COMPARABLE:
                continue
            strict = sims[i, j] >= SAME_CLAIM
            negation_comparable = sims[i, j] >= NEGATION_COMPARABLE
            left = [s for s in slots[i] if strict or s.kind not in _STRICT_KINDS]
            right = [s for s in slots[j] if strict or s.kind not in _STRICT_KINDS]
            pairs = _conflicting_values(
                [s for s in left if s.kind != "negation"],
                [s for s in right if s.kind != "negation"],
                loose_scope=strict,
            )
            if negation_comparable:
                pairs += [(a, b) if a in slots[i] else (b, a) for a, b in _negation_pairs(left, right)]
            for mine, theirs in pairs:
                number_i = numbers[sentences[i].article_index]
                number_j = numbers[sentences[j].article_index]
                scope = mine.scope if mine.scope == theirs.scope else ""
                entry = sides.setdefault((mine.kind, mine.key, scope), {})
                for slot, number, where in ((mine, number_i, i), (theirs, number_j, j)):
                    text, backers, first = entry.get(slot.value, (slot.text, set(), where))
                    entry[slot.value] = (text, backers | {number}, first)
                contradicted[i][number_j].add(mine.text)
                contradicted[j][number_i].add(theirs.text)
    conflicts = []
    for (kind, key, scope), values in sides.items():
        shown = _number_key(key) if kind == "number" else key
        shown = f"{shown} {scope}" if scope else shown
        if kind == "negation":
            shown = next(text for value, (text, _, _) in values.items() if value == "yes")
        ordered = sorted(values.items())
        chains = tuple(_chain_of(sentences[first], statements) for _, (_, _, first) in ordered)
        conflicts.append(
            Conflict(
                slot=kind,
                description=_DESCRIPTIONS[kind].format(key=shown),
                sides=tuple((text, tuple(sorted(backers))) for _, (text, backers, _) in ordered),
                chains=chains if any(chains) else (),
            )
        )
    return conflicts, contradicted


def _chain_of(sentence: StorySentence, statements: ReportStatements) -> tuple[ChainLink, ...]:
    statement = statements.covering(sentence)
    return statement.chain if statement is not None else ()


def _voices(
    sentences: Sequence[StorySentence],
    backing: set[int],
    outlets: Sequence[str],
    statements: ReportStatements,
    own: tuple[int, tuple[ChainLink, ...]] | None = None,
) -> int:
    """Independent voices among the reports of ``backing`` (sentence indices); ``own`` is (report, chain)
    of the claim being shown, whose chain is known, the other reports' chains are read from their sentence."""
    reports = {sentences[m].article_index for m in backing}
    chains: dict[int, tuple[ChainLink, ...]] = dict([own]) if own is not None else {}
    if len({outlets[a] for a in reports}) > 1:
        # Only a claim several outlets back can be over-counted; only then are the others' chains needed.
        for m in sorted(backing):
            if sentences[m].article_index not in chains:
                chains[sentences[m].article_index] = _chain_of(sentences[m], statements)
    return independent_voices(reports, outlets, chains)


def _representative(members: list[int], sims: np.ndarray) -> int:
    """The member most similar to the rest: the wording most reports would recognise."""
    if len(members) == 1:
        return members[0]
    scores = [sims[m, members].sum() for m in members]
    return members[int(np.argmax(scores))]


def align_claims(
    articles: Sequence[Article],
    source_numbers: Mapping[str, int] | None = None,
    max_claims: int = 16,
    *,
    contextual: bool | None = None,
    memo: StatedClaimsMemo | None = None,
) -> tuple[list[Claim], list[Conflict]]:
    """The story's main claims, each with the sources backing and contradicting it, and every conflict.

    ``source_numbers`` maps article id to its [n] in the brief (default: 1..N in input order). Claims are
    ranked by how many independent voices back them (outlets relaying another backer count once, see
    ``independent_voices``), then by distinct outlets, then by whether anyone contradicts them, then by
    whether they carry provenance worth reading (a source, a hedge, a denial, rhetoric) over plain
    statements in the writer's voice, then hedged or denied before merely reported (what is in doubt is
    what a reader must not miss), then by position, taking each report's claims in turn so one long
    report cannot fill the table. A sentence stating several claims ("X said that Y had concluded …")
    gives one row per claim. At most ``max_claims`` rows are returned; conflicts are all returned: a
    disagreement is news. ``contextual`` picks the attribution taggers (see ``find_attributions``);
    ``memo`` supplies stated claims found before and collects the ones found now.
    """
    if max_claims < 0:
        raise ValueError(f"max_claims must be zero or more, got {max_claims}")
    numbers = _source_numbers(articles, source_numbers)
    sentences = story_sentences(articles)
    sims = similarity([s.text for s in sentences])
    statements = ReportStatements(articles, contextual, memo)
    conflicts, contradicted = _conflicts(sentences, sims, numbers, statements)
    outlets = [outlet_of(a) for a in articles]
    groups = []
    # Grouping also needs each report to name what the other's sentence names; conflicts do not (a
    # report naming another captain still disagrees about the figure).
    same_claim = np.where(named_in_each_other(sentences, articles), sims, 0.0)
    for members in group_sentences(sentences, same_claim):
        chosen = _representative(members, same_claim)
        against = set(contradicted.get(chosen, {}))
        groups.append((chosen, members, _backing(members, chosen, against, sentences, numbers), against))
    turn = _turn_within_report(sentences, [chosen for chosen, _, _, _ in groups])
    ranked = []
    for chosen, members, backing, against in groups:
        stated = statements.within(sentences[chosen])
        outlet_count = len({outlets[sentences[m].article_index] for m in backing})
        voices = _voices(sentences, backing, outlets, statements)
        plain = all(_is_plain(statement) for statement in stated)
        unsure = any(statement.certainty in {"hedged", "denied"} for statement in stated)
        position = (turn[chosen], sentences[chosen].article_index)
        # A writer's sentence that leans on the one before it ("It could refer the case to prosecutors")
        # reads worst out of context: after the others with the same backing.
        leaning = not any(statement.chain for statement in stated) and needs_previous(sentences[chosen].text)
        key = (-voices, -outlet_count, -len(against), plain, leaning, not unsure, *position)
        ranked.append((key, chosen, members, backing, against, stated))
    claims: list[Claim] = []
    for _, chosen, members, backing, against, stated in sorted(ranked, key=lambda item: item[0]):
        for statement in stated or [None]:
            if len(claims) == max_claims:
                return claims, conflicts
            shown_backing, shown_against = backing, against
            if statement is not None and statement.chain:
                # One of the sentence's claims: contradicted only where the disputed words are its own, and
                # a report disputing only the others backs this one like any member of the group.
                disputed = contradicted.get(chosen, {})
                shown_against = {n for n, words in disputed.items() if _states_any(statement, words)}
                shown_backing = _backing(members, chosen, shown_against, sentences, numbers)
            claims.append(
                _claim(
                    sentences, chosen, statement, shown_backing, shown_against, numbers, outlets, statements
                )
            )
    return claims, conflicts


def _backing(
    members: Sequence[int],
    chosen: int,
    against: set[int],
    sentences: Sequence[StorySentence],
    numbers: Sequence[int],
) -> set[int]:
    """The group's sentences that back the chosen one: all but those of reports contradicting it.

    Sources whose wording conflicts with the chosen sentence (12 dead vs 15 dead) contradict the claim even
    when their sentence is similar enough to be grouped with it."""
    return {m for m in members if numbers[sentences[m].article_index] not in against} | {chosen}


def _states_any(statement: StatedClaim, words: set[str]) -> bool:
    return any(word in statement.text for word in words)


def _turn_within_report(sentences: Sequence[StorySentence], chosen: Sequence[int]) -> dict[int, int]:
    """For each chosen sentence, how many chosen sentences of its report come before it (0, 1, 2 …)."""
    turn: dict[int, int] = {}
    seen: dict[int, int] = defaultdict(int)
    for index in sorted(chosen):
        report = sentences[index].article_index
        turn[index] = seen[report]
        seen[report] += 1
    return turn


def _is_plain(statement: StatedClaim) -> bool:
    """A statement of fact in the writer's own voice, unhedged: worth a row only after attributed ones."""
    return not statement.chain and statement.kind == "fact" and statement.certainty == "asserted"


def _claim(
    sentences: Sequence[StorySentence],
    chosen_index: int,
    statement: StatedClaim | None,
    backing: set[int],
    against: set[int],
    numbers: Sequence[int],
    outlets: Sequence[str],
    statements: ReportStatements,
) -> Claim:
    """One claim of a group's representative sentence, as that sentence's report states it."""
    chosen = sentences[chosen_index]
    if statement is not None:
        certainty, hedges = statement.certainty, statement.hedges
    else:
        certainty, hedges = certainty_of(chosen.text)
    backing_reports = {sentences[m].article_index for m in backing}
    own = (chosen.article_index, statement.chain if statement else ())
    supported = {numbers[a] for a in backing_reports}
    # An attributed claim is shown as its content, the chain saying who; a writer's claim as the sentence.
    text = statement.text if statement is not None and statement.chain else chosen.text
    return Claim(
        text=text,
        article_id=chosen.article_id,
        source=statement.chain[-1].text if statement and statement.chain else None,
        cue=statement.cue.text if statement and statement.cue else None,
        certainty=certainty,
        hedges=tuple(hedges),
        supported_by=tuple(sorted(supported)),
        contradicted_by=tuple(sorted(against - supported)),
        kind=statement.kind if statement else "fact",
        chain=statement.chain if statement else (),
        quantities=statement.quantities if statement else (),
        independent=_voices(sentences, backing, outlets, statements, own),
    )
