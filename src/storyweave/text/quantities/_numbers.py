"""The number itself: figures, number words, scale words, vague multiples, and ranges between them.

Works on the token list of ``_tokens``; every parser takes a start index and returns what it read and the
index after it, or None, so the grammar in ``_find`` can try alternatives without backtracking state.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from storyweave.text.quantities._lexicon import (
    GLUED_SCALES,
    PLURAL_SCALES,
    SCALES,
    SMALL_NUMBERS,
    TENS,
    VAGUE_AMOUNTS,
)
from storyweave.text.quantities._tokens import Token, adjacent

__all__ = ["DENOMINATORS", "Amount", "fraction_at", "parse_amount", "representative"]

# Fraction words and what they divide by: "a third", "two-thirds", "three quarters".
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
    "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Amount:
    """A parsed number: its value, the range a vague form allows, and where it ends.

    ``scale`` is the multiplier the text applied last ("million" in "2.5 million"), kept so that
    "between 2 and 3 million" can carry the scale back to the bare first number. ``written`` says whether
    the number is spelled out, which matters for "one" (often a pronoun) and for year-like figures.
    """

    value: float
    end: int
    low: float | None = None
    high: float | None = None
    vague: bool = False
    scale: float = 1.0
    written: bool = False
    figure: Token | None = None


def representative(low: float, high: float) -> float:
    """One value for a vague range: the geometric mean to two significant figures ("hundreds" → 450).

    The geometric mean suits ranges that span an order of magnitude, where the arithmetic mean would sit
    near the top; two significant figures keep the value from looking more precise than the text.
    """
    mean = math.sqrt(low * high)
    if mean < 10:
        return float(round(mean))
    digits = 1 - math.floor(math.log10(mean))
    return float(round(mean, digits))


def _scale_at(tokens: list[Token], i: int) -> float | None:
    if i < len(tokens) and tokens[i].low in SCALES:
        return float(SCALES[tokens[i].low])
    if i < len(tokens) and tokens[i].low == "dozen":
        return 12.0
    return None


def _figure(tokens: list[Token], i: int, after_currency: bool) -> Amount | None:
    """Digits ("360,000", "2.5"), then scale words ("2.5 million") or a glued scale after money ("$10m")."""
    token = tokens[i]
    if not token.is_figure:
        return None
    value = float(token.text.replace(",", ""))
    j, scale = i + 1, 1.0
    if after_currency and j < len(tokens) and adjacent(token, tokens[j]) and tokens[j].low in GLUED_SCALES:
        scale = float(GLUED_SCALES[tokens[j].low])
        return Amount(value * scale, j + 1, scale=scale, figure=token)
    while (step := _scale_at(tokens, j)) is not None:
        scale *= step
        j += 1
    return Amount(value * scale, j, scale=scale, figure=token)


def _words(tokens: list[Token], i: int) -> Amount | None:
    """Spelled-out numbers: "forty-five", "one hundred and twenty", "a million", "half a dozen"."""
    n = len(tokens)
    total, current, j, last, scale = 0.0, 0.0, i, "", 1.0
    if tokens[i].low == "half" and i + 2 < n and tokens[i + 1].low == "a":
        step = _scale_at(tokens, i + 2)
        if step is None:
            return None
        return Amount(step / 2, i + 3, scale=step, written=True)
    if tokens[i].low == "a":
        if _scale_at(tokens, i + 1) is None:
            return None
        current, j, last = 1.0, i + 1, "small"
    while j < n:
        word = tokens[j].low
        if word in SMALL_NUMBERS and last not in ("small", "tens_small"):
            current += SMALL_NUMBERS[word]
            last = "tens_small" if last == "tens" else "small"
        elif word in TENS and last not in ("small", "tens", "tens_small"):
            current += TENS[word]
            last = "tens"
        elif word == "hundred" and last:
            current = (current or 1) * 100
            last, scale = "hundred", 100.0
        elif word == "dozen" and last in ("small", "tens", "tens_small"):
            current *= 12
            last, scale = "dozen", 12.0
        elif word in SCALES and word != "hundred" and last:
            total += (current or 1) * SCALES[word]
            current, last, scale = 0.0, "scale", float(SCALES[word])
        elif word == "-" and last == "tens" and j + 1 < n and adjacent(tokens[j - 1], tokens[j]):
            if not (adjacent(tokens[j], tokens[j + 1]) and tokens[j + 1].low in SMALL_NUMBERS):
                break
        elif word == "and" and last in ("hundred", "scale") and j + 1 < n:
            following = tokens[j + 1].low
            if following not in SMALL_NUMBERS and following not in TENS:
                break
        else:
            break
        j += 1
    if not last:
        return None
    while j > i and tokens[j - 1].low in ("-", "and"):
        j -= 1
    return Amount(total + current, j, scale=scale, written=True)


def _vague(tokens: list[Token], i: int) -> Amount | None:
    """Unstated amounts: "dozens", "hundreds of thousands", "a few", "several hundred"."""
    n = len(tokens)
    for words, low, high in VAGUE_AMOUNTS:
        if tuple(t.low for t in tokens[i : i + len(words)]) == words:
            j = i + len(words)
            step = _scale_at(tokens, j)
            if step is not None:
                low, high, j = low * step, (high + 1) * step - 1, j + 1
            return Amount(representative(low, high), j, low, high, vague=True)
    if tokens[i].low in PLURAL_SCALES:
        if tokens[i].low in ("tens", "scores") and not (i + 1 < n and tokens[i + 1].low == "of"):
            return None
        base, low_mult, high_mult = PLURAL_SCALES[tokens[i].low]
        low, high = float(base * low_mult), float(base * (high_mult + 1) - 1)
        j = i + 1
        while j + 1 < n and tokens[j].low == "of" and tokens[j + 1].low in PLURAL_SCALES:
            step = PLURAL_SCALES[tokens[j + 1].low][0]
            if step <= base and tokens[j + 1].low != "dozens":
                break
            low, high, j = low * step, (high + 1) * step - 1, j + 2
        return Amount(representative(low, high), j, low, high, vague=True)
    return None


def parse_amount(tokens: list[Token], i: int, after_currency: bool = False) -> Amount | None:
    """The amount starting at token ``i``, or None when no number starts there."""
    if i >= len(tokens):
        return None
    return _figure(tokens, i, after_currency) or _vague(tokens, i) or _words(tokens, i)


def fraction_at(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """A spelled-out share, in percent, and the index after it: "a third" (33.3), "two-thirds" (66.7),
    "three quarters" (75), "half" (50) — not "half a million", which is an amount."""
    n = len(tokens)
    if i >= n:
        return None
    word = tokens[i].low
    if word == "half":
        following = tokens[i + 1].low if i + 1 < n else ""
        return None if following in ("a", "an") else (50.0, i + 1)
    numerator = 1 if word in ("a", "one") else SMALL_NUMBERS.get(word)
    if not numerator:
        return None
    j = i + 1
    if (
        j + 1 < n
        and tokens[j].text in "-‐"
        and adjacent(tokens[i], tokens[j])
        and adjacent(tokens[j], tokens[j + 1])
    ):
        j += 1  # "two-thirds"
    if j >= n or tokens[j].low not in DENOMINATORS or tokens[j].low in ("half", "halves"):
        return None
    denominator = DENOMINATORS[tokens[j].low]
    if numerator >= denominator:
        return None
    return 100.0 * numerator / denominator, j + 1
