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
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    GLUED_SCALES,
    GLUED_UNITS,
    LOWER_BOUNDS,
    MONTHS,
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
from storyweave.text.quantities._numbers import Amount, fraction_at, parse_amount
from storyweave.text.quantities._tokens import Token, adjacent, tokenize
from storyweave.text.quantities._units import (
    casualty_after,
    counted_noun,
    hyphened_noun,
    noun_run,
    unit_before,
    unit_of_whole,
)
from storyweave.text.quantities._windows import number_windows

__all__ = ["find_quantities"]

_CLOCK_AFTER = re.compile(r"\s*(?:[ap]\.\s?m\.|[ap]m\b|o['’]clock\b|GMT\b|UTC\b|hrs\b|h\b)", re.IGNORECASE)
_ID_WORDS = {
    "no", "number", "article", "section", "chapter", "page", "room", "resolution", "flight", "route",
    "highway", "road", "street", "avenue", "paragraph", "item", "clause", "amendment", "act", "platform",
    "gate", "level", "grade", "channel", "version", "model",
}  # fmt: skip
_RANGE_LINKS = frozenset({"to", "-", "–", "or"})
_ORDINAL_BEFORE_HALF = frozenset({"first", "second", "latter", "former", "other", "final", "last"})
_PART_DETERMINERS = frozenset({"the", "its", "their", "his", "her"})


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
    if (
        before == ""
        and start >= 2
        and tokens[start - 1].text == "."
        and adjacent(tokens[start - 2], tokens[start - 1])
    ):
        before = tokens[start - 2].low  # "Dec. 15": the tokenizer splits the stop off the abbreviation
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
    share = None if currency or between else _share(tokens, start, core_start)
    if share is not None:
        return _percent_quantity(text, tokens, start, share, bound), share[1]
    amount = parse_amount(tokens, core_start, after_currency=currency is not None)
    if amount is None:
        if start != i:
            # "more than" then no number (the text may end there): read on from after the bound words.
            retry = i > start + 1 and not between and i < len(tokens)
            return _read(text, tokens, i) if retry else (None, start + 1)
        return None, start + 1
    if currency is None and (ratio := _ratio(tokens, amount)) is not None:
        return _percent_quantity(text, tokens, start, ratio, bound), ratio[1]
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
    run = noun_run(tokens, end)
    if unit is None and any(t.low in TIME_UNITS for t in run[:2]):
        return None, end
    if _glued_identifier(tokens, amount, core_start):
        return None, end
    if _date_or_time(text, tokens, core_start, amount):
        return None, end
    if unit is None:
        unit = hyphened_noun(tokens, end) or counted_noun(run, singular=value == 1)
    if unit is None:
        unit = unit_of_whole(tokens, end) or casualty_after(tokens, end) or unit_before(tokens, start)
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


def _share(tokens: list[Token], start: int, k: int) -> tuple[float, int] | None:
    """A fraction used as a share: "a third of the residents", "cut by nearly a third", "half of".

    A fraction word alone is too often an ordinal, a time or a part ("a third term", "the first half of
    2019", "a quarter of an hour", "the eastern half of the city"): it counts only before "of" (not of a
    time, not after a determiner) or after "by".
    """
    found = fraction_at(tokens, k)
    if found is None:
        return None
    end = found[1]
    if k > 0 and tokens[k - 1].low in _ORDINAL_BEFORE_HALF:
        return None
    if any(t.low in _PART_DETERMINERS for t in tokens[max(0, k - 2) : k]):
        return None  # "the eastern half of the city", "its northern third": a part of a place, not a share
    after = [t.low for t in tokens[end : end + 4]]
    if after[:1] == ["of"]:
        determiner = len(after) > 2 and after[1] in ("a", "an", "the")
        noun = after[2] if determiner else (after[1] if len(after) > 1 else "")
        percent = ("percent", "percentage", "per", "%")
        of_a_number = noun in percent or (noun[:1].isdigit() and bool(set(after[2:]) & set(percent)))
        return None if noun in TIME_UNITS or of_a_number else found
    return found if start > 0 and tokens[start - 1].low == "by" else None


def _ratio(tokens: list[Token], amount: Amount) -> tuple[float, int] | None:
    """ "one in five", "three out of four": a share, in percent, and the index after it."""
    end = amount.end
    if amount.vague or amount.value != int(amount.value) or amount.value < 1 or end >= len(tokens):
        return None
    if tokens[end].low == "in":
        k = end + 1
    elif _phrase_at(tokens, end, (("out", "of"),)):
        k = end + 2
    else:
        return None
    second = parse_amount(tokens, k)
    if second is None or second.vague or second.value <= amount.value or _year_like(second):
        return None
    after = tokens[second.end].low if second.end < len(tokens) else ""
    if after in TIME_UNITS or after in ("%", "percent"):
        return None
    return 100.0 * amount.value / second.value, second.end


def _percent_quantity(
    text: str, tokens: list[Token], start: int, share: tuple[float, int], bound: str
) -> Quantity:
    value, end = share
    begin, finish = tokens[start].start, tokens[end - 1].end
    return Quantity(
        start=begin,
        end=finish,
        text=text[begin:finish],
        value=value,
        low=value if bound == "low" else None,
        high=value if bound == "high" else None,
        unit="%",
    )


def _identifier_context(tokens: list[Token], k: int, currency: str | None) -> bool:
    """A figure named by the word before it: "Article 5", "Boeing 737", "Resolution 2249"."""
    if currency is not None or k == 0 or not tokens[k].is_figure:
        return False
    before = tokens[k - 1]
    if (
        before.low.rstrip(".") in _ID_WORDS or before.text == "#" or before.low == "top"
    ):  # "top 10 hits": a rank
        return True
    if _numero_before(tokens, k):
        return True
    return (
        before.text[0].isupper()
        and before.low not in MONTHS
        and not _sentence_initial(tokens, k - 1)
        and not before.text.isupper()
    )


def _numero_before(tokens: list[Token], k: int) -> bool:
    """ "No. 4" with its stop split off by the tokenizer: "No" and "." touching, one space before the
    figure (so "the room. 4 men" stays a count)."""
    if k < 2 or tokens[k - 1].text != "." or tokens[k - 2].low not in {"no", "nos"}:
        return False
    return tokens[k - 2].end == tokens[k - 1].start and tokens[k].start - tokens[k - 1].end == 1


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
    for window_start, window_end in number_windows(text):
        found.extend(_find_in(text, tokenize(text[window_start:window_end], window_start)))
    return found


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
