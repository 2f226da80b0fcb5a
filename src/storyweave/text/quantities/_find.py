"""The quantity grammar: [bound] [currency] amount [range] [percent | currency word] [counted noun].

Each candidate is read left to right from a token, then ruled out when it is something else that is
written with numbers: a year, a date, a clock time, an identifier ("F-16", "Article 5"), an ordinal, a
duration or age (the timex stage owns those), or "one" used as a pronoun ("no one", "one of").
"""

from __future__ import annotations

import re

from storyweave.model import Quantity
from storyweave.text.quantities._lexicon import (
    APPROXIMATE,
    CASUALTY_WORDS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DETERMINERS,
    GLUED_SCALES,
    GLUED_UNITS,
    IRREGULAR_PLURALS,
    LOWER_BOUNDS,
    MONTHS,
    NOUN_STOPS,
    ONE_EXCLUDED_AFTER,
    ONE_EXCLUDED_BEFORE,
    PLURAL_SCALES,
    SMALL_NUMBERS,
    TENS,
    TIME_UNITS,
    UPPER_BOUNDS,
    VAGUE_AMOUNTS,
    YEAR_PREPOSITIONS,
)
from storyweave.text.quantities._numbers import Amount, parse_amount
from storyweave.text.quantities._tokens import Token, adjacent, tokenize

__all__ = ["find_quantities"]

_CLOCK_AFTER = re.compile(r"\s*(?:[ap]\.\s?m\.|[ap]m\b|o['’]clock\b|GMT\b|UTC\b|hrs\b|h\b)", re.IGNORECASE)
_ID_WORDS = {
    "no", "number", "article", "section", "chapter", "page", "room", "resolution", "flight", "route",
    "highway", "road", "street", "avenue", "paragraph", "item", "clause", "amendment", "act", "platform",
    "gate", "level", "grade", "channel", "version", "model",
}  # fmt: skip
_RANGE_LINKS = frozenset({"to", "-", "–", "or"})
_BEHIND, _AHEAD = 40, 90
_ADJECTIVE_ENDINGS = ("ior", "al", "ous", "ive", "ic", "ful", "ent", "ant", "ish", "ary")
_TRIGGER = re.compile(
    r"\d|[$€£¥]|\b(?:"
    + "|".join(
        sorted(
            {
                *SMALL_NUMBERS,
                *TENS,
                *PLURAL_SCALES,
                "dozen",
                "hundred",
                "thousand",
                "million",
                "billion",
                "trillion",
                "few",
                "several",
                "couple",
                "handful",
            },
            key=len,
            reverse=True,
        )
    )
    + r")\b",
    re.IGNORECASE,
)


VAGUE_AMOUNTS_PHRASES = tuple(words for words, _, _ in VAGUE_AMOUNTS)
_FIRST_WORDS = frozenset(
    phrase[0]
    for phrases in (LOWER_BOUNDS, UPPER_BOUNDS, APPROXIMATE, VAGUE_AMOUNTS_PHRASES)
    for phrase in phrases
)
# Tokens a quantity can start with; every other token is skipped without parsing.
_STARTS = (
    _FIRST_WORDS
    | SMALL_NUMBERS.keys()
    | TENS.keys()
    | PLURAL_SCALES.keys()
    | CURRENCY_SYMBOLS.keys()
    | {"between", "a", "half"}
)


def _phrase_at(tokens: list[Token], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length in tokens of the first phrase that starts at ``i``, or 0."""
    if i >= len(tokens):
        return 0
    for phrase in phrases:
        if phrase[0] == tokens[i].low and tuple(t.low for t in tokens[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _currency_before(tokens: list[Token], i: int) -> tuple[str | None, int]:
    if i < len(tokens) and tokens[i].text in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[tokens[i].text], i + 1
    return None, i


def _sentence_initial(tokens: list[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].text in {".", "!", "?", "\n", "“", '"'}


def _glued_identifier(tokens: list[Token], amount: Amount, i: int) -> bool:
    """Figures that are part of a name or code: "F-16", "MH17", "9/11", "1990s", "21st", "10:30"."""
    figure = amount.figure
    if figure is None:
        return False
    k = tokens.index(figure, i)
    if k > 0:
        before = tokens[k - 1]
        if adjacent(before, figure) and (before.text[0].isalpha() or before.text in "/:#"):
            return True
        if adjacent(before, figure) and before.text in "-–" and k > 1 and adjacent(tokens[k - 2], before):
            return tokens[k - 2].text[0].isalpha()
    if k + 1 < len(tokens):
        after = tokens[k + 1]
        if adjacent(figure, after) and after.text in "/:":
            return k + 2 < len(tokens) and tokens[k + 2].is_figure
        if adjacent(figure, after) and after.text[0].isalpha():
            return after.low not in GLUED_UNITS and after.low not in GLUED_SCALES
    return False


def _date_or_time(text: str, tokens: list[Token], start: int, amount: Amount) -> bool:
    """Days of a month ("March 8", "8 March") and clock times ("10 a.m.")."""
    if amount.figure is None and not amount.written:
        return False
    end_token = tokens[amount.end - 1]
    if _CLOCK_AFTER.match(text, end_token.end):
        return True
    if amount.value != int(amount.value) or not 1 <= amount.value <= 31:
        return False
    before = tokens[start - 1].low.rstrip(".") if start > 0 else ""
    after = tokens[amount.end].low if amount.end < len(tokens) else ""
    if after == "of" and amount.end + 1 < len(tokens):
        after = tokens[amount.end + 1].low
    return before in MONTHS or after in MONTHS


def _year_like(amount: Amount) -> bool:
    figure = amount.figure
    return (
        figure is not None
        and amount.scale == 1
        and len(figure.text) == 4
        and figure.text.isdigit()
        and 1000 <= amount.value <= 2199
    )


def _noun_run(tokens: list[Token], j: int) -> list[Token]:
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


def _counted_noun(run: list[Token], singular: bool) -> str | None:
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


def _read(text: str, tokens: list[Token], i: int) -> tuple[Quantity | None, int]:
    """The quantity starting at token ``i`` (with its bound word, if any) and the index after it."""
    start = i
    bound = ""
    between = tokens[i].low == "between"
    if between:
        i += 1
    elif length := _phrase_at(tokens, i, LOWER_BOUNDS):
        bound, i = "low", i + length
    elif length := _phrase_at(tokens, i, UPPER_BOUNDS):
        bound, i = "high", i + length
    elif length := _phrase_at(tokens, i, APPROXIMATE):
        i += length
    currency, core_start = _currency_before(tokens, i)
    amount = parse_amount(tokens, core_start, after_currency=currency is not None)
    if amount is None:
        if start != i:
            # "more than" then no number (the text may end there): read on from after the bound words.
            retry = i > start + 1 and not between and i < len(tokens)
            return _read(text, tokens, i) if retry else (None, start + 1)
        return None, start + 1
    low, high, value, end = amount.low, amount.high, amount.value, amount.end
    link = tokens[end].low if end < len(tokens) else ""
    if (between and link == "and") or (not between and link in _RANGE_LINKS):
        second = parse_amount(tokens, end + 1, after_currency=currency is not None)
        if second is not None and not second.vague and not amount.vague:
            first = value * second.scale if amount.scale == 1 and second.scale > 1 else value
            if first < second.value and not (_year_like(amount) and _year_like(second)):
                low, high, value, end = first, second.value, (first + second.value) / 2, second.end
            elif (_year_like(amount) and _year_like(second)) or (link in "-–" and first >= second.value):
                return None, second.end  # a span of years ("2014-2017") or a score ("3-1")
    elif between:
        return None, start + 1
    if bound == "low" and low is None:
        low = value
    if bound == "high" and high is None:
        high = value
    unit = currency
    if end < len(tokens) and tokens[end].text == "%":
        unit, end = "%", end + 1
    elif (length := _phrase_at(tokens, end, (("percent",), ("per", "cent"), ("pct",)))) > 0:
        unit, end = "%", end + length
    elif (length := _phrase_at(tokens, end, (("percentage", "points"), ("percentage", "point")))) > 0:
        unit, end = "percentage points", end + length
    elif end < len(tokens) and tokens[end].low in CURRENCY_WORDS and currency is None:
        unit, end = CURRENCY_WORDS[tokens[end].low], end + 1
    elif currency is None and amount.figure is not None and end < len(tokens):
        glued = tokens[end]
        if adjacent(tokens[end - 1], glued) and glued.low in GLUED_UNITS:
            unit, end = glued.low, end + 1
    run = _noun_run(tokens, end)
    if unit is None and any(t.low in TIME_UNITS for t in run[:2]):
        return None, end
    if _glued_identifier(tokens, amount, core_start):
        return None, end
    if _date_or_time(text, tokens, core_start, amount):
        return None, end
    if unit is None:
        unit = _counted_noun(run, singular=value == 1)
    if _year_like(amount) and currency is None and unit in (None, "%") and unit != "%":
        return None, end
    if _year_like(amount) and core_start > 0 and tokens[core_start - 1].low in YEAR_PREPOSITIONS:
        return None, end
    if _identifier_context(tokens, core_start, currency):
        return None, end
    if amount.written and value == 1 and not _counted_one(tokens, core_start, end, unit):
        return None, end
    return (
        Quantity(
            start=tokens[start].start,
            end=tokens[end - 1].end,
            text=text[tokens[start].start : tokens[end - 1].end],
            value=value,
            low=low,
            high=high,
            unit=unit,
            vague=amount.vague,
        ),
        end,
    )


def _identifier_context(tokens: list[Token], k: int, currency: str | None) -> bool:
    """A figure named by the word before it: "Article 5", "Boeing 737", "Resolution 2249"."""
    if currency is not None or k == 0 or not tokens[k].is_figure:
        return False
    before = tokens[k - 1]
    if before.low.rstrip(".") in _ID_WORDS or before.text == "#":
        return True
    return (
        before.text[0].isupper()
        and before.low not in MONTHS
        and not _sentence_initial(tokens, k - 1)
        and not before.text.isupper()
    )


def _counted_one(tokens: list[Token], k: int, end: int, unit: str | None) -> bool:
    """ "one" counts only before a noun: not "no one", "the one", "one of", "one another", "one-sided"."""
    if k > 0 and (tokens[k - 1].low in ONE_EXCLUDED_BEFORE or tokens[k - 1].low.endswith("est")):
        return False  # "no one", "the largest one"
    after = tokens[end].low if end < len(tokens) else ""
    if after in ONE_EXCLUDED_AFTER or (after in "-–" and after):
        return False
    return unit is not None


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity stated in ``text``, normalised, ordered by start offset.

    Spans cover the bound word, the number and a percent sign or currency ("over one hundred
    thousand", "$3 billion", "as much as forty-five percent"); the counted noun is given as ``unit``,
    not included in the span.
    """
    found: list[Quantity] = []
    for window_start, window_end in _windows(text):
        found.extend(_find_in(text, tokenize(text[window_start:window_end], window_start)))
    return found


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around anything that could start a number, merged where they overlap.

    Most of a report holds no number: tokenising only these windows keeps the cost per report low. A
    window reaches far enough back for the longest bound ("in excess of") and forward for a range, a
    unit and the counted noun.
    """
    spans: list[tuple[int, int]] = []
    for match in _TRIGGER.finditer(text):
        start = text.rfind(" ", 0, max(0, match.start() - _BEHIND))
        start = text.rfind(".", 0, max(0, match.start() - _BEHIND)) if start < 0 else start
        start = max(0, start)
        end = text.find(" ", min(len(text), match.end() + _AHEAD))
        end = len(text) if end < 0 else end
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _find_in(text: str, tokens: list[Token]) -> list[Quantity]:
    found: list[Quantity] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].is_figure and tokens[i].low not in _STARTS:
            i += 1
            continue
        quantity, next_i = _read(text, tokens, i)
        if quantity is not None:
            found.append(quantity)
        i = max(next_i, i + 1)
    return found
