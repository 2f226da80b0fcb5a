"""Shared helpers for the timex tests."""

from __future__ import annotations

from datetime import date

from storyweave.text.timex import find_timexes


def timex_values(text: str, published: date | None) -> dict[str, tuple[str, str]]:
    """Each expression found in ``text``, by its text: (TIMEX3 type, value)."""
    return {t.text: (t.type, t.value) for t in find_timexes(text, published)}
