"""Which name mentions are one entity: same key, equivalent names, spelling variants, initials, and
surnames or short forms of a longer name.

Every rule that links a short form to a longer one (a surname, an acronym, the part before "of") links
only when exactly one entity in the story could be meant: two Baghdadis leave "Baghdadi" unlinked.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher

from storyweave.text.entities._lexicon import ARABIC_ARTICLES, ORG_HEADS, OUTLET_HEADS
from storyweave.text.entities._mentions import NameMention
from storyweave.text.entities._names import initials, is_acronym, skeleton

__all__ = ["UnionFind", "merge_names"]

_DEFINED_ACRONYM = re.compile(
    r"\s*(?:\(\s*|,?\s*(?:also\s+)?(?:known|referred\s+to)\s+as\s+(?:the\s+)?)([A-Z]{2,6})\b"
)
_SPELLING_SIMILARITY = 0.75
_ORG_HEAD_KEYS = frozenset(head.lower() for head in ORG_HEADS)


class UnionFind:
    """Disjoint sets over mention indices, with path halving."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, left: int, right: int) -> None:
        a, b = self.find(left), self.find(right)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _has_article(text: str) -> bool:
    return any(part.lower() in ARABIC_ARTICLES for part in re.split(r"[\s\-]+", text))


def _spelling_variants(a: str, b: str, text_a: str, text_b: str) -> bool:
    """Transliteration variants: the same consonant skeleton, and close enough as strings."""
    if a.count(" ") != b.count(" ") or skeleton(a) != skeleton(b):
        return False
    long_enough = len(skeleton(a).replace(" ", "")) >= 4 or (_has_article(text_a) and _has_article(text_b))
    return long_enough and SequenceMatcher(None, a, b).ratio() >= _SPELLING_SIMILARITY


def _organization_tail(key: str, text: str, kind: str | None) -> bool:
    """A named organisation ending in a head word: "Muslim Brotherhood" is what "the Brotherhood" means."""
    return len(key.split()) >= 2 and text.split()[-1] in ORG_HEADS and kind in (None, "organization")


def _person_like(key: str, text: str, kind: str | None) -> bool:
    words = text.split()
    return (
        len(key.split()) >= 2
        and " of " not in f" {key} "
        and words[-1] not in ORG_HEADS
        and words[-1] not in OUTLET_HEADS
        and kind in (None, "person")
    )


def _kinds(mentions: list[NameMention], sets: UnionFind) -> dict[int, str | None]:
    votes: dict[int, Counter[str]] = defaultdict(Counter)
    for index, mention in enumerate(mentions):
        if mention.kind:
            weight = 3 if mention.group is not None or mention.titled else 1
            votes[sets.find(index)][mention.kind] += weight
    return {root: (c.most_common(1)[0][0] if c else None) for root, c in votes.items()}


def _link_unique(sets: UnionFind, short: list[int], candidates: list[int]) -> None:
    roots = {sets.find(c) for c in candidates} - {sets.find(s) for s in short}
    if len(roots) == 1 and len({sets.find(s) for s in short}) == 1:
        sets.union(short[0], next(iter(roots)))


def merge_names(mentions: list[NameMention], texts: list[str], owners: list[int]) -> UnionFind:
    """Group name mentions of all reports; ``owners[i]`` indexes the report (in ``texts``) of mention i."""
    sets = UnionFind(len(mentions))
    by_key: dict[str, list[int]] = defaultdict(list)
    by_group: dict[int, list[int]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        by_key[mention.key].append(index)
        if mention.group is not None:
            by_group[mention.group].append(index)
    for members in (*by_key.values(), *by_group.values()):
        for other in members[1:]:
            sets.union(members[0], other)
    surface = {key: mentions[members[0]].text for key, members in by_key.items()}
    keys = list(by_key)
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        by_skeleton[skeleton(key)].append(key)
    for variants in by_skeleton.values():
        for i, a in enumerate(variants):
            for b in variants[i + 1 :]:
                if _spelling_variants(a, b, surface[a], surface[b]):
                    sets.union(by_key[a][0], by_key[b][0])
    for index, mention in enumerate(mentions):
        defined = _DEFINED_ACRONYM.match(texts[owners[index]], mention.end)
        if defined:  # "Kurdistan Workers' Party, known as the PKK": the text defines the acronym
            for other in by_key.get(defined.group(1).lower(), []):
                sets.union(index, other)
    kinds = _kinds(mentions, sets)
    long_forms = [k for k in keys if " " in k and not is_acronym(surface[k])]
    by_last_word: dict[str, list[str]] = defaultdict(list)
    by_part_before_of: dict[str, list[str]] = defaultdict(list)
    for long_key in long_forms:
        by_last_word[long_key.rsplit(" ", 1)[-1]].append(long_key)
        if " of " in long_key:
            by_part_before_of[long_key.split(" of ")[0]].append(long_key)
    for key in keys:
        text = surface[key]
        if is_acronym(text):
            letters = text.replace(".", "")
            matches = [by_key[k][0] for k in long_forms if letters in initials(surface[k])]
            _link_unique(sets, by_key[key], matches)
            continue
        words = key.split()
        surnames = [
            by_key[k][0]
            for k in (by_last_word.get(words[-1], []) if words else [])
            if k != key
            and len(k.split()) > len(words)
            and k.split()[-len(words) :] == words
            and (
                _person_like(k, surface[k], kinds.get(sets.find(by_key[k][0])))
                or (
                    len(words) == 1
                    and words[0] in _ORG_HEAD_KEYS
                    and _organization_tail(k, surface[k], kinds.get(sets.find(by_key[k][0])))
                )
            )
        ]
        before_of = [by_key[k][0] for k in by_part_before_of.get(key, [])]
        _link_unique(sets, by_key[key], surnames + before_of)
    return sets
