"""From reports to entities: names found and grouped across reports, then descriptions attached."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Mapping
from operator import attrgetter

from storyweave.model import Entity, Mention
from storyweave.text.entities._descriptions import (
    bind_roles,
    definite_openers,
    find_definites,
    find_org_descriptions,
    find_role_subjects,
    head_kind,
    salient_organization,
)
from storyweave.text.entities._lexicon import NOUN_FOLLOWERS, ORG_HEADS, OUTLET_HEADS
from storyweave.text.entities._mentions import NameMention, find_names
from storyweave.text.entities._merge import merge_names
from storyweave.text.entities._names import is_acronym
from storyweave.text.entities._tokens import Token, WordCounts, tokenize

__all__ = ["find_entities"]

_START = attrgetter("start")


def _token_span(tokens: list[Token], mention: NameMention) -> tuple[int, int]:
    """First and end token index of a mention (binary search: no list of offsets built per report)."""
    return bisect_left(tokens, mention.start, key=_START), bisect_left(tokens, mention.end, key=_START)


def _best_name(mentions: list[Mention], names: set[tuple[str, int, int]]) -> str:
    """The fullest name: most words, then longest, preferring spelled-out names over acronyms."""
    candidates = list(dict.fromkeys(m.text for m in mentions if (m.article_id, m.start, m.end) in names))
    spelled = [c for c in candidates if not is_acronym(c)] or candidates
    return max(spelled, key=lambda c: (len(c.split()), len(c)))  # ties: the first used (max keeps it)


def _kind(votes: Counter[str]) -> str | None:
    return votes.most_common(1)[0][0] if votes else None


def _could_be_person(kind: str | None, text: str) -> bool:
    """Named as a person, or a name of two or more words with nothing that makes it a group or outlet."""
    if kind is not None:
        return kind == "person"
    words = text.split()
    return len(words) >= 2 and words[-1] not in ORG_HEADS and words[-1] not in OUTLET_HEADS


def _only(roots: set[int]) -> int | None:
    return next(iter(roots)) if len(roots) == 1 else None


def find_entities(texts: Mapping[str, str]) -> list[Entity]:
    """Entities named in the reports of one story, with every mention, grouped across reports.

    ``texts`` maps article id to report text. Each entity's ``name`` is its fullest name; mentions include
    names ("al-Baghdadi"), appositive or copular descriptions ("the leader of the Islamic State") and
    definite descriptions linked with strong evidence ("the group's leader", "the terrorist
    organization"). Entities are ordered by first mention; mentions by report, then offset.
    """
    ids = list(texts)
    tokenized = [tokenize(texts[i]) for i in ids]
    counts = WordCounts()
    for tokens in tokenized:
        counts.add(tokens, NOUN_FOLLOWERS)
    per_report = [find_names(texts[i], tokens, counts) for i, tokens in zip(ids, tokenized, strict=True)]
    flat = [m for found in per_report for m in found]
    owners = [n for n, found in enumerate(per_report) for _ in found]
    sets = merge_names(flat, [texts[i] for i in ids], owners)

    members: dict[int, list[Mention]] = defaultdict(list)
    votes: dict[int, Counter[str]] = defaultdict(Counter)
    name_spans: set[tuple[str, int, int]] = set()
    offset = 0
    story_roles: dict[str, set[int]] = defaultdict(set)
    report_roles: list[dict[str, set[int]]] = []
    report_descriptions: list[list[tuple[int, int, int]]] = []
    for n, (article_id, found, tokens) in enumerate(zip(ids, per_report, tokenized, strict=True)):
        roots = [sets.find(offset + k) for k in range(len(found))]
        for mention, root in zip(found, roots, strict=True):
            members[root].append(Mention(article_id, mention.start, mention.end, mention.text))
            name_spans.add((article_id, mention.start, mention.end))
            if mention.kind:
                votes[root][mention.kind] += 3 if mention.group is not None or mention.titled else 1
        descriptions, bindings = bind_roles(tokens, [_token_span(tokens, m) for m in found])
        roles: dict[str, set[int]] = defaultdict(set)
        for role, target in bindings:
            roles[role].add(roots[target])
            story_roles[role].add(roots[target])
        report_roles.append(roles)
        report_descriptions.append([(d.start, d.end, roots[d.target]) for d in descriptions])
        for d in descriptions:
            if head_kind(d.head):
                votes[roots[d.target]][head_kind(d.head) or ""] += 2
        offset += len(found)
        del n

    offset = 0
    for n, (article_id, found, tokens) in enumerate(zip(ids, per_report, tokenized, strict=True)):
        text = texts[article_id]
        taken = {(s, e) for s, e, _ in report_descriptions[n]}
        for start, end, root in report_descriptions[n]:
            members[root].append(Mention(article_id, start, end, text[start:end]))
        bound = {r: t for r, t in story_roles.items() if len(t) == 1}
        bound.update({r: t for r, t in report_roles[n].items() if len(t) == 1})
        openers = definite_openers(tokens)
        for start, end, role in find_definites(tokens, frozenset(bound), openers):
            if (start, end) not in taken and not any(s <= start < e for s, e in taken):
                members[next(iter(bound[role]))].append(Mention(article_id, start, end, text[start:end]))
                taken.add((start, end))
        order = sorted(range(len(found)), key=lambda k: found[k].start)
        for start, end, _ in find_role_subjects(tokens, openers):
            if (start, end) in taken or any(s <= start < e for s, e in taken):
                continue
            people = {
                sets.find(offset + k)
                for k in order
                if found[k].end <= start
                and _could_be_person(_kind(votes[sets.find(offset + k)]), found[k].text)
            }
            if (target := _only(people)) is not None:  # "The German chancellor": the one person named
                members[target].append(Mention(article_id, start, end, text[start:end]))
                taken.add((start, end))
        organizations: Counter[int] = Counter()
        unknown: set[int] = set()
        cursor = 0
        for start, end, _ in find_org_descriptions(tokens, openers):
            while cursor < len(order) and found[order[cursor]].start < start:
                root = sets.find(offset + order[cursor])
                kind = _kind(votes[root])
                if kind == "organization":
                    organizations[root] += 1
                elif kind is None:
                    unknown.add(root)
                cursor += 1
            # No organisation named as such: the one name of unknown kind so far ("Oxfam said ... The
            # charity ...") is the only candidate a reader has.
            target = salient_organization(organizations) if organizations else _only(unknown)
            if target is not None and (start, end) not in taken:
                members[target].append(Mention(article_id, start, end, text[start:end]))
        offset += len(found)

    position = {article_id: n for n, article_id in enumerate(ids)}
    entities = []
    for root, mentions in members.items():
        ordered = sorted(set(mentions), key=lambda m: (position[m.article_id], m.start, m.end))
        entities.append(Entity(_best_name(ordered, name_spans), tuple(ordered), _kind(votes[root])))
    entities.sort(key=lambda e: (position[e.mentions[0].article_id], e.mentions[0].start))
    return entities
