"""Words of the temporal grammar and the regular-expression fragments built from them.

Kept apart from the rules so that every rule spells a month, a number or a unit the same way, and a word
added here (a new abbreviation, a number word) is understood by every rule at once.
"""

from __future__ import annotations

__all__ = [
    "CLOCK_WORDS",
    "DAY",
    "DAY_PARTS",
    "DIGITS",
    "FULL_MONTH",
    "FULL_WEEKDAY",
    "MONTH",
    "MONTHS",
    "MONTH_WORDS",
    "NUMBER",
    "NUMBERS",
    "ORDINAL",
    "ORDINALS",
    "SEASON",
    "SEASONS",
    "SEASON_WORDS",
    "UNIT",
    "UNITS",
    "UNIT_WORDS",
    "WEEKDAY",
    "WEEKDAYS",
    "WEEKDAY_WORDS",
    "YEAR",
    "alternatives",
    "number_value",
    "unit_of",
]

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
# TimeML season codes; "autumn" is the British "fall".
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# TimeML part-of-day codes, used after a date: 2017-03-05TNI.
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12,
    "dozen": 12, "half a": 0.5, "a half": 0.5,
}  # fmt: skip
# Quantities TimeML writes as "X": "several years" -> PXY.
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "a number of", "numerous")
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "last": -1, "final": -1,
}  # fmt: skip
# Unit word -> (TimeML duration letter, whether it is a time unit written after "T", multiplier).
UNITS = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1), "day": ("D", False, 1),
    "night": ("D", False, 1), "week": ("W", False, 1), "fortnight": ("W", False, 2),
    "month": ("M", False, 1), "quarter": ("Q", False, 1), "year": ("Y", False, 1),
    "decade": ("Y", False, 10), "century": ("Y", False, 100), "centurie": ("Y", False, 100),
}  # fmt: skip


def alternatives(words: object) -> str:
    """A non-capturing regex alternation, longest first so "sept" is tried before "sep"."""
    return "(?:" + "|".join(sorted((str(w) for w in words), key=len, reverse=True)) + ")"


def number_value(text: str) -> float | None:
    """The number a quantity word or numeral stands for; None for vague ones ("several")."""
    word = " ".join(text.lower().replace("-", " ").split())
    if word in VAGUE_NUMBERS:
        return None
    if word.replace(".", "", 1).isdigit():
        return float(word)
    if word in NUMBERS:
        return float(NUMBERS[word])
    parts = word.split()
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:  # "twenty four"
        return float(NUMBERS[parts[0]] + NUMBERS[parts[1]])
    return None


def unit_of(word: str) -> tuple[str, bool, int]:
    """(duration letter, is a time-of-day unit, multiplier) for a unit word in any number."""
    stem = word.lower().rstrip("s") if word.lower() != "centuries" else "centurie"
    return UNITS[stem]


# A full name never takes the dot after it (that is the sentence's full stop); an abbreviation may.
MONTH = "(?:" + alternatives(w for w in MONTHS if len(w) > 4 or w in ("may", "june", "july")) + r"\b|"
MONTH += alternatives(w for w in MONTHS if len(w) <= 4 and w not in ("may", "june", "july")) + r"\b\.?)"
WEEKDAY = "(?:" + alternatives(w for w in WEEKDAYS if w.endswith("day")) + r"\b|"
WEEKDAY += alternatives(w for w in WEEKDAYS if not w.endswith("day")) + r"\b\.?)"
SEASON = alternatives(SEASONS) + r"\b"
# Names written out in full, for rules where an abbreviation would match too much ("sun", "march on").
FULL_MONTH = alternatives(w for w in MONTHS if len(w) > 4 or w in ("may", "june", "july"))
FULL_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_NUMBER_WORDS = [w for w in NUMBERS if w not in ("a", "an", "a half", "half a")]
# A count of units: "3", "2.5", "twenty-four", "a couple of", "several".
NUMBER = (
    r"(?:\d+(?:\.\d+)?|"
    + alternatives(_NUMBER_WORDS)
    + r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
    + alternatives(VAGUE_NUMBERS)
    + r"|an?)"
)
ORDINAL = alternatives(ORDINALS)
UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))s?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"

# Trigger words (see ``Rule.triggers``): a rule only runs on the lines that hold one of its words, written
# lower-case as the tokenizer in ``_find`` yields them; DIGITS stands for any run of digits.
DIGITS = "#"
MONTH_WORDS = frozenset(MONTHS)
WEEKDAY_WORDS = frozenset(WEEKDAYS)
SEASON_WORDS = frozenset(SEASONS)
UNIT_WORDS = frozenset({*UNITS, *(f"{unit}s" for unit in UNITS)})
CLOCK_WORDS = frozenset({DIGITS, "noon", "midnight", "midday"})
