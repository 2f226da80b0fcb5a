"""Words that build, bound, qualify or rule out a quantity in English news text.

Kept as plain data so the grammar in ``_find`` reads as rules, and so a reviewer can see at a glance what
counts as a number word, a bound ("over", "nearly") or a unit of time (which belongs to the timex stage).
"""

from __future__ import annotations


def _word_set(words: str) -> frozenset[str]:
    """A set from space-separated words: long word lists stay readable in source."""
    return frozenset(words.split())


__all__ = [
    "APPROXIMATE",
    "CASUALTY_WORDS",
    "CURRENCY_SYMBOLS",
    "CURRENCY_WORDS",
    "DETERMINERS",
    "GLUED_SCALES",
    "GLUED_UNITS",
    "IRREGULAR_PLURALS",
    "LOWER_BOUNDS",
    "MONTHS",
    "NOUN_STOPS",
    "ONE_EXCLUDED_AFTER",
    "ONE_EXCLUDED_BEFORE",
    "PLURAL_SCALES",
    "SCALES",
    "SMALL_NUMBERS",
    "TENS",
    "TIME_UNITS",
    "UPPER_BOUNDS",
    "VAGUE_AMOUNTS",
    "YEAR_PREPOSITIONS",
]

SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 10**9, "trillion": 10**12}
# Scale letters glued to a figure after a currency sign: "$10m", "£3bn", "$500k".
GLUED_SCALES = {"m": 1_000_000, "mn": 1_000_000, "bn": 10**9, "b": 10**9, "k": 1_000, "tn": 10**12}
# "hundreds", "thousands": an unstated multiple of the scale, read as 2..9 of it ("hundreds" = 200..999).
PLURAL_SCALES = {
    "tens": (10, 2, 9), "dozens": (12, 2, 8), "scores": (20, 2, 9), "hundreds": (100, 2, 9),
    "thousands": (1_000, 2, 9), "millions": (10**6, 2, 9), "billions": (10**9, 2, 9),
}  # fmt: skip
# Vague amounts that stand alone or multiply a scale ("a few hundred"): (tokens, low, high).
VAGUE_AMOUNTS: tuple[tuple[tuple[str, ...], float, float], ...] = (
    (("a", "handful", "of"), 2.0, 6.0),
    (("a", "couple", "of"), 2.0, 3.0),
    (("a", "few"), 2.0, 5.0),
    (("several",), 3.0, 9.0),
)
LOWER_BOUNDS = (
    ("more", "than"), ("at", "least"), ("upwards", "of"), ("in", "excess", "of"), ("no", "fewer", "than"),
    ("no", "less", "than"), ("not", "less", "than"), ("greater", "than"), ("over",), ("above",),
    ("exceeding",), ("upward", "of"),
)  # fmt: skip
UPPER_BOUNDS = (
    ("as", "much", "as"), ("as", "many", "as"), ("up", "to"), ("just", "under"), ("fewer", "than"),
    ("less", "than"), ("at", "most"), ("no", "more", "than"), ("not", "more", "than"), ("close", "to"),
    ("just", "shy", "of"), ("nearly",), ("almost",), ("under",), ("below",), ("barely",),
)  # fmt: skip
APPROXIMATE = (
    ("an", "estimated"), ("more", "or", "less"), ("about",), ("around",), ("roughly",),
    ("approximately",), ("some",), ("estimated",), ("circa",), ("approx",),
)  # fmt: skip
# Durations and ages are temporal expressions: the timex stage owns them, so they are not quantities here.
TIME_UNITS = _word_set(
    "second seconds minute minutes hour hours day days week weeks month months year years decade decades "
    "century centuries night nights weekend weekends fortnight fortnights morning mornings evening "
    "evenings ago"
)
MONTHS = _word_set(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
YEAR_PREPOSITIONS = _word_set("in since by until till from of during before after early late mid")
CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
    "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "rupees": "INR", "dinars": "IQD",
}  # fmt: skip
# Letters that may be glued to a figure as a unit ("500lb", "7.62mm"); anything else glued is an identifier.
GLUED_UNITS = _word_set("lb lbs kg km m mm cm ft mph kph g t mw gw")
IRREGULAR_PLURALS = _word_set(
    "people men women children police personnel staff troops militia cattle sheep fish aircraft "
    "livestock clergy youth infantry"
)
CASUALTY_WORDS = _word_set("dead killed wounded injured missing hurt arrested detained displaced")
DETERMINERS = _word_set("the its their his her our these those them whom which")
# Words that end the noun phrase after a figure: the counted noun cannot lie beyond them.
NOUN_STOPS = _word_set(
    "the a an of in on at to for from by with and or but as than that which who whom whose were was are "
    "is be been being have has had will would could should may might can do did does not no this these "
    "those it its their his her they he she we you i after before during while when where since until "
    "into onto over under about around between among per each every some such so also "
    "just only still even if then there here what how why all both either neither up down out off said "
    "says say told added — –"
)
# "one" is a pronoun, not a count, in "no one", "the one", "one of", "one another".
# After a preposition a written "one" is nearly always idiom, not a figure: "in one place", "at one point",
# "for one thing", "from one day to the next".
ONE_EXCLUDED_BEFORE = _word_set(
    "no the this that which any every each someone anyone in at on for from to by into within "
    "loved little young"
)
ONE_EXCLUDED_AFTER = _word_set("of another or and way")
