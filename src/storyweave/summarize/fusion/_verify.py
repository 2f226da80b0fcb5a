"""Does a rewritten sentence say only what the sentences it cites say? A conservative, testable check.

A model that rewrites can add a number, a name, a negation or a quotation that no source holds; a reader
who sees a citation must be able to trust it. So a fused sentence is kept only when, against the text of
the sentences it cites:

* every number it states appears there (after "1,200" → "1200"),
* every capitalised word after its first (names, places, outlets) appears there,
* every quotation it holds appears there word for word,
* it negates nothing the sources do not ("not", "no", "never", "denied" ...), and drops no negation
  from what it restates,
* at least ``min_coverage`` of its content words (stemmed) appear there.

This accepts reordering, merging and trimming; it refuses paraphrase that changes the words much, which
is the point: an unverifiable sentence is dropped, not shown with a citation it does not deserve.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyweave.text.tokens import STOP_WORDS, content_words, stem, words

__all__ = ["Verdict", "check_support"]

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_CONTRACTED_NOT = re.compile(r"\b(\w+)n't\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“]([^\"“”]{3,})[\"”]")
_CAPITALISED = re.compile(r"(?<![\w'’])[A-Z][\w'’-]*")
_NEGATIONS = frozenset(
    {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "denied", "denies",
     "deny", "refused", "false"}
)  # fmt: skip
# Capitalised words that are not names: sentence openers the model may move into the middle.
_COMMON_CAPITALS = frozenset({"I", "The", "A", "An", "In", "On", "At", "But", "And", "He", "She", "They"})


@dataclass(frozen=True, slots=True)
class Verdict:
    """``supported`` and, when not, what failed (shown to the user as the reason the sentence was dropped)."""

    supported: bool
    reason: str = ""


def check_support(sentence: str, cited: Sequence[str], *, min_coverage: float = 0.8) -> Verdict:
    """Whether ``sentence`` is backed by the texts in ``cited`` (the sentences it claims to come from)."""
    if not sentence.strip():
        return Verdict(False, "empty sentence")
    if not cited:
        return Verdict(False, "cites no source sentence")
    sentence, cited = _normal(sentence), [_normal(text) for text in cited]
    source = " ".join(cited)
    source_numbers = set(_NUMBER.findall(source))  # thousands separators already gone (``_normal``)
    for number in _NUMBER.findall(sentence):
        if number not in source_numbers:
            return Verdict(False, f"the number {number} is not in its sources")
    source_words = set(words(source))
    opening = len(sentence) - len(sentence.lstrip(" \"'“‘("))
    for match in _CAPITALISED.finditer(sentence):
        name = match.group()
        if match.start() == opening or name in _COMMON_CAPITALS:
            continue  # the sentence's first word is capitalised whatever it is
        if not set(words(name)) <= source_words:
            return Verdict(False, f"{name!r} is not in its sources")
    flat_source = _flat(source)
    for quotation in _QUOTED.findall(sentence):
        if _flat(quotation) not in flat_source:
            return Verdict(False, "a quotation is not word for word in its sources")
    if not _negations_backed(sentence, cited):
        return Verdict(False, "it negates something its sources do not")
    if _drops_negation(sentence, cited):
        return Verdict(False, "it drops a negation its source has")
    mine = set(content_words(sentence))
    if mine:
        theirs = set(content_words(source))
        coverage = len(mine & theirs) / len(mine)
        if coverage < min_coverage:
            return Verdict(False, f"only {coverage:.0%} of its words are in its sources")
    return Verdict(True)


def _normal(text: str) -> str:
    """One spelling for what a rewrite may spell differently: "didn't" / "did not", "1,200" / "1200",
    curly / straight apostrophes."""
    text = text.replace("’", "'")
    text = _THOUSANDS.sub("", text)
    text = _CONTRACTED_NOT.sub(r"\1 not", text)
    return re.sub(r"\b([Cc])annot\b", r"\1an not", text)


def _flat(text: str) -> str:
    return " ".join(words(text))


def _negations_backed(sentence: str, cited: Sequence[str]) -> bool:
    """Each negation must come from a cited sentence that negates too and shares the words it negates
    (the next few content words): "did not sink" is not backed by "didn't say when crossings resume"."""
    tokens = words(sentence)
    negating = [s for s in cited if _is_negated(words(s))]
    for index, token in enumerate(tokens):
        if not _negates(token):
            continue
        scope = {stem(w) for w in tokens[index + 1 : index + 6] if w not in STOP_WORDS}
        needed = min(2, len(scope))
        if not any(len(scope & set(content_words(s))) >= needed for s in negating):
            return False
    return True


def _drops_negation(sentence: str, cited: Sequence[str]) -> bool:
    """A sentence without any negation that restates what a cited sentence negates ("didn't say when
    crossings resume" → "said when crossings resume")."""
    tokens = words(sentence)
    if _is_negated(tokens):
        return False
    mine = set(content_words(sentence))
    for source in cited:
        source_tokens = words(source)
        for index, token in enumerate(source_tokens):
            if _negates(token):
                scope = {stem(w) for w in source_tokens[index + 1 : index + 6] if w not in STOP_WORDS}
                if len(scope) >= 2 and len(scope & mine) >= 2:
                    return True
    return False


def _negates(token: str) -> bool:
    return token in _NEGATIONS


def _is_negated(tokens: Sequence[str]) -> bool:
    return any(_negates(t) for t in tokens)
