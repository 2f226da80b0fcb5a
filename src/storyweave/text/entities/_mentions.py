"""Name mentions: capitalised runs of tokens, cleaned of sentence openers, titles and adjectives, plus
the equivalent names of the lexicon wherever they occur (also in lower case: "peshmerga").

No tagger: a run of capitalised tokens (joined by "of", "of the", "... of X and Y", and name particles
such as "bin") is a candidate. Sentence-initial words are kept only when the story's own reports show
them capitalised mid-sentence and never in lower case; titles ("Lt. Gen.") are cut off and mark a
person; a demonym-shaped word that the reports only use before a noun ("Iraqi forces") is an adjective.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from storyweave.text.entities._lexicon import (
    COMMON_ACRONYMS,
    DEMONYM_SHAPE,
    EQUIVALENT_NAMES,
    FUNCTION_WORDS,
    NAME_PARTICLES,
    ORG_HEADS,
    OUTLET_HEADS,
    PLACE_PREPOSITIONS,
    TITLES,
)
from storyweave.text.entities._names import is_acronym, name_key
from storyweave.text.entities._openers import usually_lower
from storyweave.text.entities._tokens import Token, WordCounts, is_name_shaped, possessive_base

__all__ = ["NameMention", "find_names"]

_DEMONYM = DEMONYM_SHAPE
_CAPITALISED_FUNCTION_WORDS = frozenset(w.capitalize() for w in FUNCTION_WORDS) | {
    w.upper() for w in FUNCTION_WORDS
}
_OUTLET_CUE = re.compile(
    r"(?:speaking|spoke|statement|interview|talking|comments?|remarks)\s+(?:to|with)\s*$"
)
_OUTLET_AFTER = re.compile(r"\s*(?:also\s+)?(?:reported|newspaper|daily|news agency|channel|website)\b")
_COMMON_SUFFIX = ("ly", "ing", "ed", "tion", "ment", "ness", "ity")


class NameMention(NamedTuple):
    """A name in one report: offsets, text, normalised key, and what its form says about its kind.

    ``group`` is the index of its equivalent-names group in the lexicon, when it is one of those names.
    A named tuple rather than a frozen dataclass: thousands are made per story, and it is cheaper.
    """

    start: int
    end: int
    text: str
    key: str
    kind: str | None
    titled: bool = False
    group: int | None = None


def _equivalents_pattern() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, int]]:
    """Two patterns: acronyms match case-sensitively ("US" is not "us"); other names are matched on the
    lower-cased text, which is several times faster than a case-insensitive search."""
    group_of: dict[str, int] = {}
    for index, (_, names) in enumerate(EQUIVALENT_NAMES):
        for name in names:
            group_of[name.lower() if not is_acronym(name) else name] = index
    names = sorted(group_of, key=len, reverse=True)
    words = "|".join(re.escape(n) for n in names if not is_acronym(n))
    acronyms = "|".join(re.escape(n) for n in names if is_acronym(n))
    firsts = "".join(sorted({n[0] for n in names if not is_acronym(n)}))
    return (  # the look-ahead on first letters lets the search skip most word starts at once
        re.compile(rf"\b(?=[{re.escape(firsts)}])(?<![.-])(?:{words})(?!\w)"),
        re.compile(rf"\b(?=[A-Z])(?<!\.)(?:{acronyms})(?!\w)"),
        group_of,
    )


_WORD_NAMES, _ACRONYM_NAMES, _GROUP_OF = _equivalents_pattern()
_WORD_NAMES_ANY_CASE = re.compile(_WORD_NAMES.pattern, re.IGNORECASE)


def _equivalent_mentions(text: str) -> list[NameMention]:
    lowered = text.lower()
    if len(lowered) == len(text):
        word_matches = _WORD_NAMES.finditer(lowered)
    else:  # lower-casing changed the length ("İ"): offsets would drift, so search case-insensitively
        word_matches = _WORD_NAMES_ANY_CASE.finditer(text)
    found = []
    for match in (*word_matches, *_ACRONYM_NAMES.finditer(text)):
        start, end = match.span()
        surface = text[start:end]
        group = _GROUP_OF.get(surface) if is_acronym(surface) else _GROUP_OF.get(surface.lower())
        if group is not None:
            kind = EQUIVALENT_NAMES[group][0]
            found.append(NameMention(start, end, surface, name_key(surface), kind, False, group))
    return found


def _runs(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Maximal capitalised runs, joined by "of (the)", "and" after an "of", and name particles.

    Only tokens that can start a name are visited (a comprehension finds them), and a run never crosses
    a line break: a headline's last word and the next line's first are not one name.
    """
    runs: list[list[Token]] = []
    n, reached = len(tokens), 0
    starts = [k for k, t in enumerate(tokens) if not t.text.islower() and is_name_shaped(t.text)]
    for i in starts:
        if i < reached or tokens[i].text in _CAPITALISED_FUNCTION_WORDS:
            continue  # "The", "But", "In" open sentences, never names: a run starts after them
        run = [tokens[i]]
        j = i + 1
        while j < n and possessive_base(run[-1].text) == run[-1].text:
            word = tokens[j].text
            if "\n" in text[run[-1].end : tokens[j].start]:
                break
            if is_name_shaped(word):
                run.append(tokens[j])
                j += 1
                continue
            if word in ("'", "’") and run[-1].text.endswith("s") and adjacent_name(tokens, j):
                run.extend(tokens[j : j + 2])  # "Kurdistan Workers' Party"
                j += 2
                continue
            gap = 2 if word == "of" and j + 1 < n and tokens[j + 1].text == "the" else 1
            joins = (
                word == "of"
                or word in NAME_PARTICLES
                or (word == "for" and run[-1].text in ORG_HEADS)  # "Movement for Justice"
                or (word == "and" and any(t.text in ("of", "for") for t in run))
            )
            if joins and j + gap < n and is_name_shaped(tokens[j + gap].text):
                run.extend(tokens[j : j + gap + 1])
                j += gap + 1
                continue
            break
        runs.append(run)
        reached = j
    return runs


def adjacent_name(tokens: list[Token], j: int) -> bool:
    """A plural possessive apostrophe glued to the word before it, with a name after it."""
    return j + 1 < len(tokens) and tokens[j - 1].end == tokens[j].start and is_name_shaped(tokens[j + 1].text)


def _clean_run(run: list[Token], counts: WordCounts) -> tuple[list[Token], bool]:
    """Cut sentence openers, function words and titles off a run; say whether a title was cut."""
    if run and run[0].initial and len(run) > 1:
        first = run[0].text
        if (
            first.lower() in FUNCTION_WORDS
            or counts.ordinary_word(first)
            or first.endswith(_COMMON_SUFFIX)
            or _learned_opener(first, run[1].text, counts)
        ) and first.lower() not in NAME_PARTICLES:
            run = run[1:]
    while run and (run[0].text.lower() in FUNCTION_WORDS or run[0].text in COMMON_ACRONYMS):
        run = run[1:]
    titled = False
    while len(run) > 1 and (
        run[0].text in TITLES or (_DEMONYM.search(run[0].text) and run[1].text in TITLES)
    ):
        run, titled = run[1:], True
    while run and run[-1].text in {"of", "and", "the"} | NAME_PARTICLES:
        run = run[:-1]
    return run, titled


def _learned_opener(first: str, second: str, counts: WordCounts) -> bool:
    """A run's sentence-initial word that news text usually writes in lower case ("Rival ANC factions"),
    unless the story shows it capitalised mid-sentence ("Shell") or the next word is a lower-case word
    capitalised too, which makes the whole run a title-case name ("Doctors Without Borders")."""
    title_case = second[:1].isupper() and usually_lower(second)
    return first not in counts.capital_mid and usually_lower(first) and not title_case


def _common_noun_shaped(word: str) -> bool:
    """An opener that looks like an ordinary word: an adverb, a verb form, an abstract noun."""
    return word.endswith((*_COMMON_SUFFIX, "ence", "ance", "ous", "ive", "ful", "less"))


def _keep_single(token: Token, counts: WordCounts) -> bool:
    """Whether a one-word run is a name: not a title, opener or adjective, and not an ordinary word."""
    word = possessive_base(token.text)
    if word in TITLES or word.lower() in FUNCTION_WORDS or len(word) < 2:
        return False
    if word in COMMON_ACRONYMS:
        return False
    if is_acronym(word) or ("-" in word and word[:2].islower()):
        return True
    if token.initial and (
        counts.ordinary_word(word)
        or (word not in counts.capital_mid and (usually_lower(word) or _common_noun_shaped(word)))
    ):
        return False
    return not (_DEMONYM.search(word) and word not in counts.nominal)


def _single_is_name(token: Token, counts: WordCounts) -> bool:
    """Whether a run of one token is a name: what ``_clean_run`` and ``_keep_single`` decide for it."""
    run, _ = _clean_run([token], counts)
    if not run or not _keep_single(run[0], counts):
        return False
    return not (_DEMONYM.search(token.text) and token.text not in counts.nominal)


def _kind_hint(text: str, start: int, end: int, words: list[str], titled: bool) -> str | None:
    if titled:
        return "person"
    before = text[max(0, start - 30) : start].lower()
    if words[-1] in OUTLET_HEADS or (("to" in before or "with" in before) and _OUTLET_CUE.search(before)):
        return "outlet"
    if _OUTLET_AFTER.match(text, end) and len(words) <= 4:
        return "outlet"
    if any(w in ORG_HEADS for w in words) or is_acronym(words[0]):
        return "organization"
    before = text[max(0, start - 12) : start].split()
    if before and before[-1].lower() in PLACE_PREPOSITIONS and len(words) <= 3:
        return "place"
    return None


def _compound_heads(text: str, tokens: list[Token], counts: WordCounts) -> list[NameMention]:
    """The name inside a compound adjective: "London-based" names London, "ISIS-held" names ISIS."""
    found = []
    for token in [t for t in tokens if "-" in t.text]:
        first, dash, rest = token.text.partition("-")
        if not (dash and rest.islower() and first[:1].isupper() and len(first) > 1):
            continue
        if _DEMONYM.search(first) or first.lower() in FUNCTION_WORDS or counts.ordinary_word(first):
            continue
        end = token.start + len(first)
        kind = _kind_hint(text, token.start, end, [first], False)
        found.append(NameMention(token.start, end, first, name_key(first), kind))
    return found


def find_names(text: str, tokens: list[Token], counts: WordCounts) -> list[NameMention]:
    """Name mentions of one report, ordered by start; overlapping candidates resolved to the longer."""
    mentions = _equivalent_mentions(text) + _compound_heads(text, tokens, counts)
    single: dict[tuple[str, bool], bool] = {}  # a one-word run's fate depends only on its word and place
    for raw_run in _runs(text, tokens):
        if len(raw_run) == 1:
            token = raw_run[0]
            keep = single.get((token.text, token.initial))
            if keep is None:
                keep = single[token.text, token.initial] = _single_is_name(token, counts)
            if not keep:
                continue
            run, titled = raw_run, False
        else:
            run, titled = _clean_run(raw_run, counts)
            if not run or (len(run) == 1 and not _keep_single(run[0], counts)):
                continue
            if all(_DEMONYM.search(t.text) and t.text not in counts.nominal for t in run):
                continue  # "Iraqi Kurdish": adjectives only
        start = run[0].start
        surface = possessive_base(text[start : run[-1].end])
        end = start + len(surface)
        words = [t.text for t in run]
        words[-1] = possessive_base(words[-1])
        mentions.append(
            NameMention(
                start, end, surface, name_key(surface), _kind_hint(text, start, end, words, titled), titled
            )
        )
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start), m.group is None))
    kept: list[NameMention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept
