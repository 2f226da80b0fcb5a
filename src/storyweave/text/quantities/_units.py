"""What a quantity counts: the noun after it, or, when the text puts it elsewhere, the noun before it.

"27 soldiers" names its unit after the number. News also writes it before ("the number of displaced
families at more than 2,300", "Casualties among civilians were put at 85") or as a casualty word after a
copula ("seven were dead", "19 were injured"); these are read here so the grammar in ``_find`` stays a
left-to-right reading of the number itself.
"""

from __future__ import annotations

from storyweave.text.quantities._lexicon import CASUALTY_WORDS, DETERMINERS, IRREGULAR_PLURALS, NOUN_STOPS
from storyweave.text.quantities._tokens import Token, adjacent

__all__ = ["casualty_after", "counted_noun", "hyphened_noun", "noun_run", "unit_before", "unit_of_whole"]

_ADJECTIVE_ENDINGS = ("ior", "al", "ous", "ive", "ic", "ful", "ent", "ant", "ish", "ary")
_SENTENCE_ENDS = frozenset({".", "!", "?", ";", "\n"})
_COPULAS = frozenset({"was", "were", "are", "is"})
_PASSIVE_OR_COPULA = frozenset({"was", "were", "is", "are", "been", "be", "has", "have", "had"})
_APPROXIMATE_SUFFIXES = frozenset({"odd", "plus", "ish", "something", "some"})  # "40-odd miles"
_TOTAL_NOUNS = frozenset({"number", "numbers", "toll", "tally", "count", "total"})


def noun_run(tokens: list[Token], j: int) -> list[Token]:
    """Words after the number that may hold the counted noun: up to four, stopping at function words."""
    if j < len(tokens) and tokens[j].low == "of":
        j += 1
        if j < len(tokens) and tokens[j].low in DETERMINERS:
            j += 1
    run: list[Token] = []
    while j < len(tokens) and len(run) < 4:
        token = tokens[j]
        if token.text in "-–" and run and adjacent(run[-1], token):
            j += 1
            continue
        if token.text in "-–" and not run and j > 0 and adjacent(tokens[j - 1], token):
            j += 1
            continue
        if not token.text[0].isalpha() or token.low in NOUN_STOPS:
            break
        run.append(token)
        j += 1
    return run


def _plural_looking(token: Token) -> bool:
    word = token.text
    if token.low in IRREGULAR_PLURALS or (token.low.endswith("men") and token.text.islower()):
        return True
    shape_ok = word.islower() or (word[0].isupper() and word[1:].islower())
    return shape_ok and len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def counted_noun(run: list[Token], singular: bool) -> str | None:
    """The head noun of what is counted: the first plural in the run, or a casualty word ("12 dead")."""
    for index, token in enumerate(run):
        if token.low in CASUALTY_WORDS:
            return token.low
        if _plural_looking(token):
            while index + 1 < len(run) and _plural_looking(run[index + 1]):
                index += 1  # "police officers": the head is the last noun of the compound
            return run[index].low
    if singular and run and run[0].text.islower() and not run[0].low.endswith(("ed", "ing", "ly")):
        adjectival = (
            run[0].low.endswith(_ADJECTIVE_ENDINGS)
            and len(run) > 1
            and run[1].text.islower()
            and not run[1].low.endswith(("ed", "ing"))
        )
        return run[1].low if adjectival else run[0].low  # "one official", "one senior official"
    return None


def hyphened_noun(tokens: list[Token], end: int) -> str | None:
    """The noun a figure is hyphened to, singular as compounds write it: "a two-storey house", "a
    12-member jury" (the house has two storeys; a different figure elsewhere is a real disagreement)."""
    if end + 1 >= len(tokens) or tokens[end].text not in "-–" or not end:
        return None
    hyphen, noun = tokens[end], tokens[end + 1]
    if not (adjacent(tokens[end - 1], hyphen) and adjacent(hyphen, noun)) or not noun.text.isalpha():
        return None
    return noun.low if noun.text.islower() and noun.low not in _APPROXIMATE_SUFFIXES else None


def casualty_after(tokens: list[Token], end: int) -> str | None:
    """ "seven were dead", "19 were injured", "three have been killed": the casualty word after a copula."""
    j = end
    if j < len(tokens) and tokens[j].low in ("have", "has", "had") and j + 1 < len(tokens):
        j += 1  # "have been killed"
    if j + 1 < len(tokens) and tokens[j].low in _COPULAS | {"been"}:
        following = tokens[j + 1].low
        if following in ("reported", "confirmed", "later", "also") and j + 2 < len(tokens):
            following = tokens[j + 2].low
        return following if following in CASUALTY_WORDS else None
    return None


def _head_noun(run: list[Token]) -> str | None:
    """The plural head of a noun phrase named before the amount ("displaced families" → "families")."""
    plurals = [index for index, token in enumerate(run) if _plural_looking(token)]
    return run[plurals[-1]].low if plurals else counted_noun(run, singular=False)


def unit_of_whole(tokens: list[Token], end: int) -> str | None:
    """ "200 of the original 1,500 inhabitants": a part counts what the whole after "of" counts."""
    if end >= len(tokens) or tokens[end].low != "of":
        return None
    for k in range(end + 1, min(end + 5, len(tokens))):
        if tokens[k].is_figure:
            return counted_noun(noun_run(tokens, k + 1), singular=False)
        if not tokens[k].text.isalpha():
            return None
    return None


def unit_before(tokens: list[Token], start: int) -> str | None:
    """The counted noun written before an amount that ends a clause: "put the number of displaced
    families at 2,300" → "families"; "Casualties among civilians were put at 85" → "casualties".

    Only after "at" or "to" (the amount is a value given to something named earlier), and only within
    the sentence: "the number of X" (or toll, tally) gives X; otherwise a plural subject that opens the
    sentence, when a copula or passive just before links it to the amount ("were put at"), not an
    active verb ("Police estimated the crowd at" says nothing about police), and no other figure stands
    between them.
    """
    if start == 0 or tokens[start - 1].low not in ("at", "to"):
        return None
    k = start - 2
    linked = any(t.low in _PASSIVE_OR_COPULA for t in tokens[max(0, start - 4) : start - 1])
    while k >= 0 and tokens[k].text not in _SENTENCE_ENDS:
        if tokens[k].low in _TOTAL_NOUNS and k + 1 < start - 1 and tokens[k + 1].low == "of":
            return _head_noun(noun_run(tokens, k + 1)[: max(0, start - k - 3)])
        if tokens[k].is_figure:
            return None  # "51 seats to 46": the earlier amount's noun, not the subject, is counted
        k -= 1
    first = tokens[k + 1] if k + 1 < start - 1 else None
    if linked and first is not None and (first.low in CASUALTY_WORDS or _plural_looking(first)):
        return first.low
    return None
