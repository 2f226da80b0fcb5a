"""Who a source is: named or anonymous, and the role the text gives it.

The boundary, as a reader of a claim needs it: a voice is **named** when the text lets a reader identify
it — a person's name ("Lt. Gen. Qasim al-Atta", "Zinni"), a named organisation or outlet speaking as itself
("the Pentagon", "Al-Sharq al-Awsat"), or an institution speaking officially ("the army said"). It is
**anonymous** when it is a kind of voice rather than a voice: "officials", "sources in Mosul", "an
informant", "a spokesperson for the party" — an unnamed member of a named body is still unnamed, because
the reader cannot tell who vouches for the claim.

The decision looks at the head of the source phrase (the words before an apposition, a relative clause or
a prepositional tail): a generic noun there ("officials", "sources") makes it anonymous, whatever the
capitalised modifiers ("U.S.", "Kurdish"); otherwise a proper name in it makes it named. Pronouns take
the voice of what they refer to: the nearest earlier source for "they", the nearest earlier name or
unnamed person for "he" and "she", the phrase before the comma for "who".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from storyweave.claims.stated._lexicon import (
    ANONYMOUS_MARKERS,
    DEMONYM,
    GENERIC_HEAD,
    INSTITUTION_HEAD,
    PERSON_TITLE,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_WORDS,
    SINGULAR_UNNAMED,
    word_set,
)
from storyweave.model import ChainLink
from storyweave.text.calendar_words import MONTHS, WEEKDAYS

__all__ = ["is_single_unnamed", "voice_of"]

_TOKEN = re.compile(r"[^\W_]+(?:[’'.\-][^\W_]+)*\.?|[,;:()—–]")
# The head phrase ends where an apposition, relative clause or prepositional tail starts.
_HEAD_END = word_set(
    ", ; : ( — – who which that whose whom in inside from for of at with on familiar close based "
    "within across near among"
)
_DETERMINERS = word_set("a an the this that these those some several many his her their its our")
_CALENDAR = MONTHS | WEEKDAYS
_NAME_PARTICLE = re.compile(r"^(?:al|el|ad|an|as|ash|at|az|bin|ibn|abu|de|van|von|da)-?(?=[A-Z])")
# Heads that only count or group what follows "of": "a number of members of Congress", "two of the aides".
_PARTITIVE = word_set(
    """number numbers one two three four five six seven eight nine ten dozen dozens hundreds thousands some
    many several most all few both each none any majority minority group groups handful member members
    part rest"""
)
# How far back (characters) "the board" looks for the board's full name.
_INSTITUTION_REACH = 3000
_COMPANY_WORDS = frozenset({"firm", "company", "operator", "airline", "insurer"})
_COMPANY_NAME = re.compile(
    r"(?:[A-Z][\w’'-]*\s+){0,3}(?:[A-Z][\w’'-]*\s+&\s+[A-Z][\w’'-]*\b"
    r"|[A-Z][\w’'-]*\s+(?:Co\.|(?:Ltd|Inc|Corp)\b\.?|(?:Corporation|Company|Group|Holdings|plc|LLC|Lines)\b))"
)
# Words a capitalised run may start with that are no part of the name after them.
_LEADING_WORDS = re.compile(
    r"^(?:(?:The|On|In|At|By|For|From|After|Before|Since|When|While|As|Last|This|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)\s+)+"
)
# How far back (characters) a pronoun may look for what it refers to.
_PRONOUN_REACH = 400
_SINGULAR_PRONOUNS = word_set("he she him her his i it its")
_UNNAMED_PERSON = re.compile(
    r"\b(?:an?|the|one)\s+(?:\w+\s+){0,2}?(?:" + "|".join(sorted(SINGULAR_UNNAMED)) + r")\b", re.IGNORECASE
)
_NAMEISH = re.compile(r"(?<![\w-])(?:[A-Z][\w’'-]+|(?:al|el|bin|ibn|abu)-[A-Z][\w’'-]*)")


def _is_name_token(token: str, first_in_sentence: bool) -> bool:
    """A capitalised word that names someone: not a title, demonym, date word or sentence-initial noun."""
    bare = _NAME_PARTICLE.sub("", token)
    if not bare[:1].isupper():
        return False
    lower = token.lower()
    if lower in DEMONYM or lower in PERSON_TITLE or lower.rstrip(".") in _CALENDAR:
        return False
    common = lower in GENERIC_HEAD or lower in INSTITUTION_HEAD or lower in _DETERMINERS or lower in PRONOUNS
    return not (first_in_sentence and common)


def _head(tokens: list[str]) -> list[str]:
    """Tokens of the head phrase: up to the first apposition, relative clause or prepositional tail."""
    head: list[str] = []
    for i, token in enumerate(tokens):
        lower = token.lower()
        if i > 0 and lower in _HEAD_END:
            # "the Democratic Party of Kurdistan": "of" between two names stays inside the name.
            if lower == "of" and head and _is_name_token(head[-1], False) and i + 1 < len(tokens):
                nxt = tokens[i + 1]
                if _is_name_token(nxt, False):
                    head.append(token)
                    continue
            break
        head.append(token)
    return head


def _role_in(text: str) -> str | None:
    for role, pattern in ROLE_WORDS:
        if pattern.search(text):
            return role
    return None


def _role(text: str) -> str | None:
    """The role the source phrase gives its voice, first in ``ROLE_WORDS`` order; a tail after "of" says
    whose the voice is, not what it is ("a relative of the commander" is no commander)."""
    tokens = _TOKEN.findall(text)
    head = _head(tokens)
    tail = tokens[len(head) :]
    partitive = bool(head) and (head[-1].lower() in _PARTITIVE or head[-1].isdigit())
    if tail and tail[0].lower() == "of" and not partitive and not _apposed_name(tokens):
        return _role_in(" ".join(head))
    return _role_in(text)


def _apposed_name(tokens: list[str]) -> bool:
    """ "the army's spokesman, Colonel Aung Min": a generic head followed by a person's or outlet's name."""
    if "," not in tokens:
        return False
    after = tokens[tokens.index(",") + 1 :]
    if "," in after:
        after = after[: after.index(",")]
    bare = [t for t in after if t.lower() not in PERSON_TITLE]
    return bool(bare) and all(_is_name_token(t, False) for t in bare)


def _named(tokens: list[str], at_sentence_start: bool) -> bool:
    head = [t for t in _head(tokens) if t not in ",;:()—–"]
    if not head:
        return False
    if _apposed_name(tokens):
        return True
    last = head[-1].lower().rstrip(".")
    if last in GENERIC_HEAD:
        return False
    if last in INSTITUTION_HEAD:
        return True
    return any(_is_name_token(t, at_sentence_start and i == 0) for i, t in enumerate(head))


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return start == 0 or not before.strip() or before.rstrip()[-1:] in '.!?\n“"‘'


def _resolve_pronoun(text: str, start: int, word: str, earlier: Sequence[ChainLink]) -> ChainLink | None:
    """The voice a pronoun source refers to, as a link whose anonymity and role it inherits."""
    window_start = max(0, start - _PRONOUN_REACH)
    if word in RELATIVE_PRONOUNS:
        before = text[window_start:start].rstrip(" ,")
        clause = re.split(r"[.;:!?\n]|,\s", before)[-1].strip()
        if clause:
            at = start - len(text[window_start:start]) + before.rfind(clause)
            return _describe(text, at, at + len(clause))
        return None
    nearby = [link for link in earlier if window_start <= link.start < start and _agrees(word, link)]
    if word in {"they", "them", "their", "we", "us"}:
        plural = [link for link in nearby if link.text.strip().lower() not in _SINGULAR_PRONOUNS]
        return plural[-1] if plural else None
    if word in {"it", "its"}:
        return nearby[-1] if nearby else None
    # "he" / "she" as a source ("He added that ..."): most often the previous speaker, even when another
    # name ("told reporters in Santa Cruz", "told MRTV") stands nearer; outlets and crowds cannot be "he".
    speakers = [
        link
        for link in nearby
        if link.role != "outlet"
        and link.text.strip().lower() not in PRONOUNS
        and (not link.anonymous or is_single_unnamed(link))
    ]
    if speakers:
        return speakers[-1]
    # Otherwise the nearest earlier name or unnamed person decides.
    window = text[window_start:start]
    names = [m for m in _NAMEISH.finditer(window) if _is_name_token(m.group(), False)]
    people = list(_UNNAMED_PERSON.finditer(window))
    name_at = names[-1].start() if names else -1
    person_at = people[-1].start() if people else -1
    if person_at > name_at:
        match = people[-1]
        return _describe(text, window_start + match.start(), window_start + match.end())
    return None


# What no person is: a document or a finding speaks as "it", never as "he", "she" or "they".
_THING_HEAD = word_set(
    """study studies report reports constitution statement statements document documents survey surveys poll
    polls analysis letter law bill memo affidavit complaint lawsuit filing ruling order indictment research
    paper website post tweet video footage release"""
)


_PRONOUN_NUMBER = {
    **dict.fromkeys(("he", "him", "his", "she", "her", "i"), "person"),
    **dict.fromkeys(("it", "its"), "thing"),
    **dict.fromkeys(("they", "them", "their", "we", "us"), "plural"),
}


def _agrees(pronoun: str, link: ChainLink) -> bool:
    """Whether ``link`` can be what ``pronoun`` stands for. "it" is no person ("the spokesman", "Victor
    Dane", "Mayor Tolland"), "he"/"she" no document or outlet ("the study", "the Constitution"), "they" no
    one person ("His wife", "Ada Copeland"); a proper name that may be an organisation ("Apple", "the
    Kremlin", "Hamas") can be "it" or "they"."""
    tokens = [t for t in _head(_TOKEN.findall(link.text)) if t not in ",;:()—–"]
    if not tokens:
        return False
    last = tokens[-1].lower().rstrip(".")
    if last in PRONOUNS:  # an earlier pronoun, resolved or not: the same person and number
        return _PRONOUN_NUMBER.get(last) == _PRONOUN_NUMBER.get(pronoun)
    document = last in _THING_HEAD or link.role == "outlet"
    if pronoun in {"he", "she", "him", "his", "her", "i"}:
        return not document and (last not in INSTITUTION_HEAD or last in _PERSON_INSTITUTION)
    person = _is_person(tokens, last)
    if pronoun in {"it", "its"}:
        return not person
    return not person or last.endswith("s") or "and" in (t.lower() for t in tokens)


# Institution words that also name one person ("the prosecutor said ... She added").
_PERSON_INSTITUTION = frozenset({"prosecutor"})
_SINGLE_PERSON = word_set(
    """wife husband man woman boy girl father mother son daughter brother sister friend spokesman spokeswoman
    spokesperson official aide adviser advisor officer soldier witness resident lawyer attorney driver
    owner neighbour neighbor student teacher doctor nurse victim suspect survivor president governor mayor
    senator minister judge prosecutor rancher farmer fisherman director inspector captain executive engineer
    chairman chairwoman chair manager commissioner detective sheriff coroner pilot"""
)


def _is_person(tokens: list[str], last: str) -> bool:
    """One person, as far as the words show: a title or a person noun as head ("Mayor Tolland", "the
    company's managing director"). A bare name may be a person or a firm ("Victor Dane", "Orrel Freight",
    "Goldman Sachs"), so it is not excluded from "it"."""
    return last in _SINGLE_PERSON or any(t.lower().rstrip(".") in PERSON_TITLE for t in tokens)


def _describe(text: str, start: int, end: int) -> ChainLink:
    phrase = text[start:end]
    tokens = _TOKEN.findall(phrase)
    anonymous = bool(ANONYMOUS_MARKERS.search(phrase)) or not _named(tokens, _sentence_start(text, start))
    refers_to = _institution_named_before(text, start, tokens)
    if refers_to is None and (refers_to := _titled_person_named_before(text, start, tokens)):
        anonymous = False  # "the president" after "President Barack Obama": someone the reader can name
    return ChainLink(start, end, phrase, anonymous, _role(phrase), refers_to)


# Titles a report uses alone for one named person ("the president", "the governor"), not abbreviations.
_SOLE_TITLES = frozenset(
    t for t in PERSON_TITLE if not t.endswith(".") and t not in {"chief", "general", "major"}
)


def _titled_person_named_before(text: str, start: int, tokens: list[str]) -> str | None:
    """For "the president" / "the mayor": the one person the report named with that title earlier
    ("President Barack Obama", "Mayor Agnes Tolland"), within the last few paragraphs. None when two
    different people carry it ("President Obama met President Putin"), when the title is modified ("Vice
    President", "Prime Minister", "former President") or when the capitalised run goes on like a headline
    ("Governor Orders Evacuations As Fire Spreads")."""
    if len(tokens) != 2 or tokens[0].lower() != "the" or tokens[1].lower() not in _SOLE_TITLES:
        return None
    window = text[max(0, start - _INSTITUTION_REACH) : start]
    title = tokens[1].lower()
    named = r"(?P<name>(?:(?:[A-Z]\.|[A-Z][\w’'-]*)\s+){0,3}[A-Z][\w’'-]*)"
    pattern = rf"(?<![\w-])(?P<before>\w+[\s-]+)?(?i:{title})\s+" + named
    names = set()
    for match in re.finditer(pattern, window):
        before = (match["before"] or "").strip(" -").lower()
        name = match["name"].split()
        if before in _TITLE_MODIFIERS or not match.group()[len(match["before"] or "")].isupper():
            continue
        if len(name) > 3 or any(word.lower() in _FUNCTION_WORDS for word in name):
            continue
        names.add(f"{tokens[1].capitalize()} {' '.join(name)}")
    # "President Barack Obama" and "President Obama" are one person: the same last name.
    if len({name.split()[-1] for name in names}) != 1:
        return None
    return max(names, key=len)


_TITLE_MODIFIERS = frozenset(
    {"vice", "prime", "former", "ex", "deputy", "acting", "interim", "assistant", "first", "lady", "foreign",
     "defence", "defense", "finance", "home", "lieutenant", "attorney", "district", "state"}
)  # fmt: skip
_FUNCTION_WORDS = frozenset({"as", "of", "the", "and", "to", "in", "on", "for", "at", "is", "a"})


def _definite_institution(tokens: list[str]) -> str | None:
    """ "the board" → "board": an institution named only by its kind."""
    if len(tokens) != 2 or tokens[0].lower() != "the" or tokens[1].lower() not in INSTITUTION_HEAD:
        return None
    return tokens[1].lower()


def _institution_named_before(text: str, start: int, tokens: list[str]) -> str | None:
    """For "the board" / "the service": the full name the report gave it earlier ("the Lake Orrin
    Navigation Board", "the Ardmoor Fire and Rescue Service"), the nearest capitalised name ending in the
    same word within the last few paragraphs (a bounded look back: a report may say "the board" hundreds of
    times). "The firm" / "the company", when no name ends in that word, take the nearest company-shaped
    name ("Caddow & Lyle", "Orrel Freight Co.")."""
    if (kind := _definite_institution(tokens)) is None:
        return None
    head = kind.capitalize()
    window = text[max(0, start - _INSTITUTION_REACH) : start]
    # One connector at most, right before the last word: "Fire and Rescue Service", not "Kellhaven Council
    # and Ardmoor Fire Service" or "Dr Jones of Ardmoor Ambulance Service".
    pattern = rf"(?:[A-Z][\w&’'-]*\s+){{1,5}}(?:(?:and|of|for|&)\s+[A-Z][\w&’'-]*\s+)?{head}\b"
    names = _names_in(pattern, window, head)
    if not names and kind in _COMPANY_WORDS:
        names = _names_in(_COMPANY_NAME.pattern, window, head)
    return names[-1] if names else None


def _names_in(pattern: str, window: str, head: str) -> list[str]:
    names = [" ".join(m.group().split()) for m in re.finditer(pattern, window)]
    names = [_LEADING_WORDS.sub("", name) for name in names]
    return [name for name in names if name and name != head]


def voice_of(text: str, start: int, end: int, earlier: Sequence[ChainLink] = ()) -> ChainLink:
    """The chain link for the source phrase ``text[start:end]``.

    ``earlier`` are the links of sources before this one in the report, in text order: a pronoun takes
    the anonymity and role of what it refers to, but keeps its own span, so offsets stay true to the text.
    """
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    phrase = text[start:end]
    word = phrase.strip().lower()
    if word in PRONOUNS or word in RELATIVE_PRONOUNS:
        referent = _resolve_pronoun(text, start, word, earlier)
        if referent is not None:
            shown = referent.refers_to or " ".join(referent.text.split())
            refers_to = shown if shown.lower() not in PRONOUNS | RELATIVE_PRONOUNS else None
            return ChainLink(start, end, phrase, referent.anonymous, referent.role, refers_to)
        # An unresolved "they" is a crowd; an unresolved "he", "I" or "we" is most often someone named nearby.
        return ChainLink(start, end, phrase, word in {"they", "them", "their", "it", "its"}, None)
    link = _describe(text, start, end)
    if link.refers_to is None and (head := _definite_institution(_TOKEN.findall(phrase))):
        # "the firm" after "Caddow & Lyle, a family firm, said": the earlier source that was described so.
        for earlier_link in reversed(earlier):
            name, _, description = earlier_link.text.partition(",")
            if not earlier_link.anonymous and head in description.lower().split():
                return replace(link, anonymous=False, refers_to=" ".join(name.split()))
    return link


def is_single_unnamed(link: ChainLink) -> bool:
    """An anonymous link naming one unnamed individual ("an informant", "a senior official")."""
    if not link.anonymous:
        return False
    head = [t.lower().rstrip(".") for t in _head(_TOKEN.findall(link.text)) if t.isalpha()]
    return bool(head) and head[-1] in SINGULAR_UNNAMED
