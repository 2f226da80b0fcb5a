"""Descriptions that name an entity: appositives, copulas, bound roles, and definite descriptions.

"Abu Bakr al-Baghdadi, the leader of the Islamic State," makes the appositive a mention of him and binds
the role "leader" to him; a later "the group's leader" (or 'the "caliph"' after 'ISIS "caliph" Abu Bakr
al-Baghdadi') then refers to him too, but only while exactly one entity holds that role. "the group" and
"the terrorist organization" go to the organisation that dominates the report so far, and to none when
no organisation clearly does: a wrong link costs an analyst more than a missing one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from storyweave.text.entities._lexicon import (
    COPULAS,
    DEMONYM_SHAPE,
    ORG_DESCRIPTION_HEADS,
    PERSON_ROLES,
    PLACE_HEADS,
)
from storyweave.text.entities._tokens import Token, is_name_shaped

__all__ = [
    "Description",
    "bind_roles",
    "definite_openers",
    "find_definites",
    "find_org_descriptions",
    "find_role_subjects",
    "head_kind",
    "salient_organization",
]

_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their"})
_PREPOSITIONS = frozenset({"of", "for", "in", "at", "from", "on", "with", "to", "behind", "inside"})
_CLOSERS = frozenset({",", ".", ";", ")", "—", "–", ":", "!", "?"})
_QUOTES = frozenset({"“", "”", '"', "‘", "’", "'"})
_CONTRASTIVE = frozenset(
    {"other", "another", "rival", "new", "former", "different", "opposing", "second", "first", "same", "late"}
)
_HEADS = PERSON_ROLES | ORG_DESCRIPTION_HEADS | PLACE_HEADS
# After these, "the group" is a description of something else: "the group of", "the group that".
_NOT_AFTER_A_DESCRIPTION = _PREPOSITIONS | {"that", "who", "which"}
_MAX_DESCRIPTION = 14
_DEFINITE_OPENERS = frozenset({"the", "The", "its", "Its", "their", "Their"})


@dataclass(frozen=True, slots=True)
class Description:
    """A description span in one report and the name mention (index into that report's list) it names."""

    start: int
    end: int
    head: str
    target: int


def head_kind(head: str) -> str | None:
    """The coarse kind a description's head noun implies."""
    if head in PERSON_ROLES:
        return "person"
    if head in ORG_DESCRIPTION_HEADS:
        return "organization"
    return "place" if head in PLACE_HEADS else None


def _plain(token: Token) -> str:
    word = token.text.lower()
    return word[:-2] if word.endswith(("’s", "'s")) else word


def _head(tokens: list[Token]) -> str | None:
    """The head noun: the last word before the first preposition ("the leader of ..." → "leader")."""
    words = [t for t in tokens if t.text not in _QUOTES]
    for index, token in enumerate(words):
        if index > 0 and token.text.lower() in _PREPOSITIONS:
            return _plain(words[index - 1])
    return _plain(words[-1]) if words else None


def _description_after(tokens: list[Token], i: int) -> tuple[int, str] | None:
    """From ``i`` (a determiner or role word): the end index of a description closed by punctuation."""
    if i >= len(tokens):
        return None
    first = tokens[i].text.lower()
    owner = tokens[i].text[0].isupper() and first.endswith(("’s", "'s"))  # "Yemen's capital"
    if first not in _DETERMINERS and first not in PERSON_ROLES and not owner:
        return None
    j = i + 1
    while j < len(tokens) and j - i < _MAX_DESCRIPTION and tokens[j].text not in _CLOSERS:
        if tokens[j].text.lower() in COPULAS or tokens[j].text.lower() in {"and", "who", "which", "that"}:
            break
        j += 1
    if j >= len(tokens) or (j == i + 1 and first in _DETERMINERS):
        return None
    if tokens[j].text not in _CLOSERS and tokens[j].text.lower() not in {"and", "who", "which", "that"}:
        return None
    head = _head(tokens[i:j])
    if head is None or head not in _HEADS:
        return None
    return j, head


def _opening_description(tokens: list[Token], comma: int) -> int | None:
    """A description that opens a sentence or clause and is closed by the comma before a name:
    "The group's leader, Abdullah Ocalan, ..." → index of "The"."""
    for k in range(comma - 1, max(-1, comma - _MAX_DESCRIPTION), -1):
        word = tokens[k].text.lower()
        if tokens[k].text in _CLOSERS:
            return None
        clause_start = tokens[k].initial or (k > 0 and tokens[k - 1].text == ",")
        owner = tokens[k].text[0].isupper() and word.endswith(("’s", "'s"))  # "Al-Qaida's chief, ..."
        if (word in _DETERMINERS or owner) and clause_start:
            found = _description_after(tokens, k)
            return k if found is not None and found[0] == comma else None
    return None


def opening_head(tokens: list[Token], start: int, comma: int) -> str:
    return _head(tokens[start:comma]) or ""


def bind_roles(
    tokens: list[Token], names: list[tuple[int, int]]
) -> tuple[list[Description], list[tuple[str, int]]]:
    """Appositive and copular descriptions of names, and roles bound to names by any of these patterns.

    ``names`` are (first token, end token) of each name mention. Returns the descriptions (mentions in
    their own right) and (role, name index) bindings, which include premodifying titles ('ISIS "caliph"
    Abu Bakr al-Baghdadi') and "the city of Mosul".
    """
    descriptions: list[Description] = []
    bindings: list[tuple[str, int]] = []
    for index, (first, end) in enumerate(names):
        after = end
        if after < len(tokens) and tokens[after].text == ",":
            found = _description_after(tokens, after + 1)
            if found:
                descriptions.append(
                    Description(tokens[after + 1].start, tokens[found[0] - 1].end, found[1], index)
                )
        elif after + 1 < len(tokens) and tokens[after].text.lower() in COPULAS:
            found = _description_after(tokens, after + 1)
            if found and tokens[after + 1].text.lower() in _DETERMINERS:
                descriptions.append(
                    Description(tokens[after + 1].start, tokens[found[0] - 1].end, found[1], index)
                )
        if first >= 2 and tokens[first - 1].text == ",":
            opening = _opening_description(tokens, first - 1)
            if opening is not None:
                descriptions.append(
                    Description(
                        tokens[opening].start,
                        tokens[first - 2].end,
                        opening_head(tokens, opening, first - 1),
                        index,
                    )
                )
        before = first - 1
        while before >= 0 and tokens[before].text in _QUOTES:
            before -= 1
        if before >= 0 and tokens[before].text.islower() and _plain(tokens[before]) in PERSON_ROLES:
            bindings.append((_plain(tokens[before]), index))
        if before >= 1 and tokens[before].text == "of" and _plain(tokens[before - 1]) in PLACE_HEADS:
            bindings.append((_plain(tokens[before - 1]), index))
    bindings.extend((d.head, d.target) for d in descriptions)
    return descriptions, bindings


def _definite_at(
    tokens: list[Token], i: int, heads: frozenset[str], demonyms: bool = False
) -> tuple[int, str] | None:
    """'the leader', 'the group’s leader', 'the “caliph”', 'the terrorist organization' starting at ``i``;
    with ``demonyms``, also 'the German chancellor'."""
    if tokens[i].text.lower() not in {"the", "its", "their"}:
        return None
    j, modifiers = i + 1, 0
    while j < len(tokens) and modifiers <= 3:
        token = tokens[j]
        word = _plain(token)
        if token.text in _QUOTES:
            j += 1
            continue
        demonym = demonyms and token.text[0].isupper() and DEMONYM_SHAPE.search(token.text) is not None
        if not (token.text.islower() or demonym) or word in _CONTRASTIVE | _PREPOSITIONS | _DETERMINERS:
            return None
        if word in heads and not token.text.endswith(("’s", "'s")):
            end = j + 1
            if end < len(tokens) and tokens[end].text in {"”", '"', "’"}:
                end += 1
            following = tokens[end].text if end < len(tokens) else "."
            if following.lower() in _PREPOSITIONS | {"that", "who", "which"} or is_name_shaped(following):
                return None
            return end, word
        j, modifiers = j + 1, modifiers + 1
    return None


def definite_openers(tokens: list[Token]) -> list[int]:
    """Where a definite description may start ("the", "The", "its", "their"): found once per report and
    shared by the three searches below, which would otherwise each walk every token."""
    return [k for k, token in enumerate(tokens) if token.text in _DEFINITE_OPENERS]


def find_definites(
    tokens: list[Token], heads: frozenset[str], openers: list[int]
) -> list[tuple[int, int, str]]:
    """Definite descriptions with a head in ``heads``: (start offset, end offset, head)."""
    if not heads:
        return []
    found = []
    for i in openers:
        hit = _definite_at(tokens, i, heads)
        if hit:
            found.append((tokens[i].start, tokens[hit[0] - 1].end, hit[1]))
    return found


def find_role_subjects(tokens: list[Token], openers: list[int]) -> list[tuple[int, int, str]]:
    """Person descriptions that open a sentence, demonyms allowed: "The German chancellor faced ...".

    A sentence that opens with such a description continues the report's topic, so the caller may bind
    it to the one person the report has named so far; mid-sentence ("met the French president") it may
    as well be someone not yet named.
    """
    found = []
    for i in [k for k in openers if tokens[k].initial and tokens[k].text == "The"]:
        hit = _definite_at(tokens, i, PERSON_ROLES, demonyms=True)
        if hit:
            found.append((tokens[i].start, tokens[hit[0] - 1].end, hit[1]))
    return found


def find_org_descriptions(tokens: list[Token], openers: list[int]) -> list[tuple[int, int, str]]:
    """ "the group", "the terrorist organization", "the group’s" (as possessor): organisation descriptions."""
    found = []
    count = len(tokens)
    for i in [k for k in openers if tokens[k].text in ("the", "The")]:
        for j in range(i + 1, min(i + 4, count)):
            token = tokens[j]
            if not token.text.islower():
                break
            word = _plain(token)
            if word in _CONTRASTIVE:
                break
            if word in ORG_DESCRIPTION_HEADS:
                following = tokens[j + 1].text if j + 1 < count else "."
                if following.lower() in _NOT_AFTER_A_DESCRIPTION or is_name_shaped(following):
                    break
                end = token.end - (2 if token.text.endswith(("’s", "'s")) else 0)
                found.append((tokens[i].start, end, word))
                break
            if token.text.endswith(("’s", "'s")):
                break
    return found


def salient_organization(counts: Counter[int]) -> int | None:
    """The organisation a report is about, when one clearly dominates: the only one named so far, or
    one with at least two mentions and twice as many as any other."""
    ranked = counts.most_common(2)
    if len(ranked) == 1:
        return ranked[0][0]
    if not ranked or ranked[0][1] < 2 or ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]
