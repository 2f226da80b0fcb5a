"""The shape every rule of the grammar has: a pattern that finds an expression and a resolver for it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from storyweave.text.timex._context import Context

__all__ = ["Resolver", "Rule", "rule"]

# (TIMEX3 type, TIMEX3 value), or None when the match is not a temporal expression after all or needs an
# anchor that is missing: a value is never guessed.
Resolver = Callable[[re.Match[str], Context], tuple[str, str] | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """``name`` identifies the rule in diagnostics and tuning reports.

    ``triggers`` are lower-case words of which every match holds at least one ("#" for a run of digits):
    the finder runs the pattern only on lines that hold one, which is what keeps some forty patterns
    cheap on long articles where most lines have no temporal expression at all.
    """

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    triggers: frozenset[str]


def rule(
    name: str, pattern: str, *, triggers: Iterable[str], case_sensitive: bool = False
) -> Callable[[Resolver], Rule]:
    """Decorator turning a resolver into a Rule; patterns are case-blind and word-bounded by default."""
    flags = 0 if case_sensitive else re.IGNORECASE
    compiled = re.compile(rf"(?<![\w'’-])(?:{pattern})(?![\w-])", flags)
    words = frozenset(triggers)

    def wrap(resolve: Resolver) -> Rule:
        return Rule(name, compiled, resolve, words)

    return wrap
