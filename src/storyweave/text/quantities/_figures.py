"""Every figure a sentence states, in digits or in words, for a quick "do these two disagree?" check.

The quantity grammar (``_find``) decides what a number counts and rules out dates and identifiers; a
citation check needs less and must be fast: the set of figures, so that "Twenty-eight-year-old" and
"29-year-old" are seen to differ although only one of them is written in digits.
"""

from __future__ import annotations

import re
from decimal import Decimal

from storyweave.text.quantities._lexicon import MONTHS, SCALES, SMALL_NUMBERS, TENS

__all__ = ["stated_figures"]

_MONTH_NAMES = "|".join(sorted((month.capitalize() for month in MONTHS), key=len, reverse=True))
_DAY_OF_MONTH = re.compile(
    rf"\b(?:(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_NAMES})\b)"
)
_MONTH_SET = frozenset(month.capitalize() for month in MONTHS)
# "one" is a pronoun as often as a figure ("one of the victims"), so it is no figure here.
_WORDS = {word: value for word, value in SMALL_NUMBERS.items() if value >= 2}
_DIGIT_WORDS = "|".join(word for word, value in SMALL_NUMBERS.items() if 1 <= value <= 9)
_SCALE_WORDS = "|".join(SCALES)
# "hundred", "hundred thousand", "million": one or two scale words multiply.
_SCALE = rf"(?:\s+(?P<scale>{_SCALE_WORDS})(?:\s+(?P<scale2>{_SCALE_WORDS}))?\b)?"
# "$2.5bn", "€3m": a scale letter glued to an amount (after a currency sign only for "m" and "k", which
# are metres and kilo-anything too).
_DIGIT_FIGURE = re.compile(
    rf"(?P<currency>[$€£¥]\s?)?(?P<figure>\d+(?:[.,]\d+)*)(?![\d])"
    rf"(?:(?P<glued>bn|tn|mn|m|k)\b|{_SCALE})",
    re.IGNORECASE,
)
_GLUED = {"bn": 10**9, "tn": 10**12, "mn": 10**6, "m": 10**6, "k": 10**3}
_PLAIN_NUMBER = re.compile(r"\d{1,15}(?:,\d{3})*(?:\.\d{1,6})?")
_WRITTEN = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(TENS)})(?:[-\s](?P<unit>{_DIGIT_WORDS}))?"
    rf"|(?P<small>{'|'.join(sorted(_WORDS, key=len, reverse=True))})"
    rf"|(?P<one>an?|one)(?=\s+(?:{_SCALE_WORDS})))"
    rf"{_SCALE}\b",
    re.IGNORECASE,
)


def stated_figures(text: str) -> frozenset[str]:
    """The figures of ``text`` as numbers written in digits, scale words applied: "1,200 people, twenty-one
    hurt, two hundred evacuated, $2.5bn lost" gives {"1200", "21", "200", "2500000000"}, so "three
    thousand" and "3,000" are one figure. What is no plain number ("12.03.2024", "1.2.3") is kept as
    written. Days of a month are dates, given as "date:apr 7", and compared with dates only ("April 7" says
    nothing against "two weeks")."""
    figures = {_date_figure(match) for match in _DAY_OF_MONTH.findall(text)}
    text = _DAY_OF_MONTH.sub(" ", text)
    for match in _DIGIT_FIGURE.finditer(text):
        figure = match["figure"]
        if not _PLAIN_NUMBER.fullmatch(figure):
            figures.add(figure)
            continue
        glued = match["glued"]
        if glued and glued.lower() in {"m", "k"} and not match["currency"]:
            glued = None  # "1,200m" is metres, "5k" a race
        scale = _GLUED[glued.lower()] if glued else _scale(match["scale"], match["scale2"])
        figures.add(_shown(Decimal(figure.replace(",", "")) * scale))
    for match in _WRITTEN.finditer(text):
        if match["small"]:
            value = _WORDS[match["small"].lower()]
        elif match["one"]:
            value = 1
        else:
            unit = SMALL_NUMBERS[match["unit"].lower()] if match["unit"] else 0
            value = TENS[match["tens"].lower()] + unit
        figures.add(_shown(Decimal(value) * _scale(match["scale"], match["scale2"])))
    return frozenset(figures)


def _scale(first: str | None, second: str | None) -> int:
    return (SCALES[first.lower()] if first else 1) * (SCALES[second.lower()] if second else 1)


def _shown(value: Decimal) -> str:
    """The exact number without trailing zeros or an exponent: "2500000000", "3.5"."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _date_figure(written: str) -> str:
    words = re.findall(r"[A-Za-z]+|\d+", written.replace(".", " "))
    day = next(word for word in words if word.isdigit())
    month = next(word for word in words if word.capitalize() in _MONTH_SET)
    return f"date:{month.lower()[:3]} {int(day)}"
