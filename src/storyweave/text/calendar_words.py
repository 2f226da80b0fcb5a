"""Weekday and month words, lower case: capitalised in English, yet names of no one and nothing a report
could leave out. Shared by the rules that tell names from other capitalised words."""

from __future__ import annotations

__all__ = ["MONTHS", "MONTH_ABBREVIATIONS", "WEEKDAYS"]

WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
MONTHS = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    }
)  # fmt: skip
MONTH_ABBREVIATIONS = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)
