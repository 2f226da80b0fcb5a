"""Where in a report a number could be: the only stretches the quantity grammar tokenises.

Most of a report holds no number, and tokenising all of it cost more than reading the quantities; a fast
search for anything that could start one (digits, currency signs, number words) finds the windows.
"""

from __future__ import annotations

import re

from storyweave.text.quantities._lexicon import PLURAL_SCALES, SMALL_NUMBERS, TENS
from storyweave.text.quantities._numbers import DENOMINATORS

__all__ = ["number_windows"]

_BEHIND, _AHEAD = 60, 90  # back far enough for "the number of displaced families at ..."
_TRIGGER_WORDS = sorted(
    {
        *SMALL_NUMBERS, *TENS, *PLURAL_SCALES, "dozen", "hundred", "thousand", "million", "billion",
        "trillion", "few", "several", "couple", "handful", *DENOMINATORS,
    },
    key=len,
    reverse=True,
)  # fmt: skip
# Searched in the lower-cased text (much faster than a case-insensitive search); the look-ahead on first
# letters skips most word starts at once.
_TRIGGER = re.compile(
    r"\d+|[$€£¥]|\b(?=["
    + "".join(sorted({w[0] for w in _TRIGGER_WORDS}))
    + r"])(?:"
    + "|".join(_TRIGGER_WORDS)
    + r")\b"
)
_TRIGGER_ANY_CASE = re.compile(_TRIGGER.pattern, re.IGNORECASE)


def number_windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around anything that could start a number, merged where they overlap.

    Most of a report holds no number: tokenising only these windows keeps the cost per report low. A
    window reaches far enough back for the longest bound ("in excess of") and forward for a range, a
    unit and the counted noun.
    """
    spans: list[tuple[int, int]] = []
    lowered = text.lower()
    same_offsets = len(lowered) == len(text)  # lower-casing "İ" changes the length: search the original
    for match in (_TRIGGER if same_offsets else _TRIGGER_ANY_CASE).finditer(
        lowered if same_offsets else text
    ):
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
