"""Did / did not: the predicates a sentence negates and the ones it asserts, for negation conflicts."""

from __future__ import annotations

from storyweave.claims.align._slot import AUXILIARIES, DIRECTIONAL, FUNCTION_WORDS, NEGATORS, Slot
from storyweave.text.verbs import SPEECH_VERBS

__all__ = ["negation_slots"]


def _verb_key(word: str) -> str:
    """One key for a verb's forms, so "did not comply" meets "complied" and "did not respond" meets
    "responded" (the shared stemmer cuts "comply" to "comp" but "complied" to "compli")."""
    for suffix, replacement in (("ied", "y"), ("ies", "y"), ("ying", "y")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + replacement
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


_NEGATION_SCOPE = 6
_LY_VERBS = {"comply", "reply", "apply", "supply", "rely", "fly", "ally", "multiply", "imply", "bully",
             "tally"}  # fmt: skip


def _adverb(word: str) -> bool:
    """ "initially", "immediately": skipped on the way to the negated verb ("did not comply" is no adverb)."""
    return word.endswith("ly") and len(word) > 4 and word not in _LY_VERBS


_CLAUSE_BREAK = {"but", "and", "while", "when", "because", "although", "though", "after", "before", "since"}


def negation_slots(tokens: list[str], lowered: list[str]) -> list[Slot]:
    """Predicates a sentence negates ("did not respond" → respond) and asserts, for did / did not.

    The negated predicate is the first content word after the negator, past adverbs ("did not initially
    suspect" → suspect); nothing else in the negator's clause counts as asserted ("no foul play suspected"
    asserts neither "foul" nor "suspected")."""
    found = []
    negated_at = set()
    for i, word in enumerate(lowered):
        if word in NEGATORS or word.endswith("n't"):
            if i + 1 < len(lowered) and lowered[i + 1] in {"only", "just", "merely"}:
                continue  # "not only flooded the town but ...": an addition, not a negation
            key_found = False
            for j in range(i + 1, min(len(lowered), i + 1 + _NEGATION_SCOPE)):
                if not lowered[j].isalpha() or lowered[j] in _CLAUSE_BREAK:
                    break
                negated_at.add(j)
                if key_found or lowered[j] in AUXILIARIES or (_adverb(lowered[j]) and j < i + 3):
                    continue
                key_found = True
                if lowered[j] not in SPEECH_VERBS:  # "did not confirm" is about the speaker, not the event
                    found.append(Slot("negation", _verb_key(lowered[j]), "not", f"{tokens[i]} {tokens[j]}"))
    for j, word in enumerate(lowered):
        after_preposition = j > 0 and lowered[j - 1] in FUNCTION_WORDS | DIRECTIONAL
        if j not in negated_at and word.isalpha() and not after_preposition and word not in FUNCTION_WORDS:
            found.append(Slot("negation", _verb_key(word), "yes", tokens[j]))
    return found
