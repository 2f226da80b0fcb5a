"""Every figure a sentence states, in digits or in words, for a quick "do these two disagree?" check.

The quantity grammar (``_find``) decides what a number counts and rules out dates and identifiers; a
citation check needs less and must be fast: the set of figures, so that "Twenty-eight-year-old" and
"29-year-old" are seen to differ although only one of them is written in digits.
"""

from __future__ import annotations

import re

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
_SCALE = rf"(?:\s+(?P<scale>{'|'.join(SCALES)}))?"
_DIGIT_FIGURE = re.compile(rf"(?P<figure>\d+(?:[.,]\d+)*){_SCALE}\b", re.IGNORECASE)
_WRITTEN = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(TENS)})(?:[-\s](?P<unit>{_DIGIT_WORDS}))?"
    rf"|(?P<small>{'|'.join(sorted(_WORDS, key=len, reverse=True))})"
    rf"|(?P<one>an?|one)(?=\s+(?:{'|'.join(SCALES)})))"
    rf"{_SCALE}\b",
    re.IGNORECASE,
)


def stated_figures(text: str) -> frozenset[str]:
    """The figures of ``text`` as numbers written in digits, scale words applied: "1,200 people, twenty-one
    hurt, two hundred evacuated, 3 million lost" gives {"1200", "21", "200", "3000000"}, so "three thousand"
    and "3,000" are one figure. Days of a month are dates, given as "date:apr 7", and compared with dates
    only ("April 7" says nothing against "two weeks")."""
    figures = {_date_figure(match) for match in _DAY_OF_MONTH.findall(text)}
    text = _DAY_OF_MONTH.sub(" ", text)
    for match in _DIGIT_FIGURE.finditer(text):
        figure = match["figure"].replace(",", "")
        figures.add(_shown(float(figure), match["scale"]) if match["scale"] or "." in figure else figure)
    for match in _WRITTEN.finditer(text):
        if match["small"]:
            value = _WORDS[match["small"].lower()]
        elif match["one"]:
            value = 1
        else:
            unit = SMALL_NUMBERS[match["unit"].lower()] if match["unit"] else 0
            value = TENS[match["tens"].lower()] + unit
        figures.add(_shown(value, match["scale"]))
    return frozenset(figures)


def _shown(value: float, scale: str | None) -> str:
    value *= SCALES[scale.lower()] if scale else 1
    return str(int(value)) if value == int(value) else str(value)


def _date_figure(written: str) -> str:
    words = re.findall(r"[A-Za-z]+|\d+", written.replace(".", " "))
    day = next(word for word in words if word.isdigit())
    month = next(word for word in words if word.capitalize() in _MONTH_SET)
    return f"date:{month.lower()[:3]} {int(day)}"
