"""Temporal expressions: find them in news text and resolve them to TimeML TIMEX3 types and values.

A hand-written grammar (rules over a small lexicon) rather than a library: the timeline needs TimeML
values at the granularity the text states ("last month" is 2017-02, not a day), and news conventions
that general date parsers get wrong (a bare "Friday" is usually the past one). Relative expressions are
resolved against the publication date and left out when there is none; ``unanchored_expressions`` says
where they are, so a caller can keep such sentences apart instead of dating them.
"""

from storyweave.text.timex._find import find_timexes, unanchored_expressions

__all__ = ["find_timexes", "unanchored_expressions"]
