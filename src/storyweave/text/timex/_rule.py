"""The shape every rule of the grammar has: a pattern that finds an expression and a resolver for it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from storyweave.text.timex._context import Context

__all__ = ["Resolver", "Rule", "rule"]

# (TIMEX3 type, TIMEX3 value), or None when the match is not a temporal expression after all or needs an
# anchor that is missing: a value is never guessed.
Resolver = Callable[[re.Match[str], Context], tuple[str, str] | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """``name`` identifies the rule in diagnostics and tuning reports."""

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver


def rule(name: str, pattern: str, *, case_sensitive: bool = False) -> Callable[[Resolver], Rule]:
    """Decorator turning a resolver into a Rule; patterns are case-blind and word-bounded by default."""
    flags = 0 if case_sensitive else re.IGNORECASE
    compiled = re.compile(rf"(?<![\w'’-])(?:{pattern})(?![\w-])", flags)

    def wrap(resolve: Resolver) -> Rule:
        return Rule(name, compiled, resolve)

    return wrap
