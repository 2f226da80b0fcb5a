"""Every figure a sentence states, in digits or in words, for a quick "do these two disagree?" check.

The quantity grammar (``_find``) decides what a number counts and rules out dates and identifiers; a
citation check needs less and must be fast: the set of figures, so that "Twenty-eight-year-old" and
"29-year-old" are seen to differ although only one of them is written in digits.
"""

from __future__ import annotations

import re

from storyweave.text.quantities._lexicon import MONTHS, SMALL_NUMBERS, TENS

__all__ = ["stated_figures"]

_MONTH_NAMES = "|".join(sorted((month.capitalize() for month in MONTHS), key=len, reverse=True))
_DAY_OF_MONTH = re.compile(
    rf"\b(?:(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_NAMES})\b)"
)
_MONTH_SET = frozenset(month.capitalize() for month in MONTHS)
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
# "one" is a pronoun as often as a figure ("one of the victims"), so it is no figure here.
_WORDS = {word: value for word, value in SMALL_NUMBERS.items() if value >= 2}
_DIGIT_WORDS = "|".join(word for word, value in SMALL_NUMBERS.items() if 1 <= value <= 9)
_WRITTEN = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(TENS)})(?:[-\s](?P<unit>{_DIGIT_WORDS}))?"
    rf"|(?P<small>{'|'.join(sorted(_WORDS, key=len, reverse=True))}))\b",
    re.IGNORECASE,
)


def stated_figures(text: str) -> frozenset[str]:
    """The figures of ``text`` as digit strings without thousands commas: "1,200 people, twenty-one
    hurt, two missing" gives {"1200", "21", "2"}. Days of a month are dates, given as "date:april 7", so
    they are compared with dates only ("April 7" says nothing against "two weeks")."""
    figures = {_date_figure(match) for match in _DAY_OF_MONTH.findall(text)}
    text = _DAY_OF_MONTH.sub(" ", text)
    figures.update(match.replace(",", "") for match in _DIGITS.findall(text))
    for match in _WRITTEN.finditer(text):
        if match["small"]:
            figures.add(str(_WORDS[match["small"].lower()]))
        else:
            unit = SMALL_NUMBERS[match["unit"].lower()] if match["unit"] else 0
            figures.add(str(TENS[match["tens"].lower()] + unit))
    return frozenset(figures)


def _date_figure(written: str) -> str:
    words = re.findall(r"[A-Za-z]+|\d+", written.replace(".", " "))
    day = next(word for word in words if word.isdigit())
    month = next(word for word in words if word.capitalize() in _MONTH_SET)
    return f"date:{month.lower()[:3]} {int(day)}"
