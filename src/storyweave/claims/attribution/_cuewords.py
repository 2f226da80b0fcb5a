"""A hand-written lexicon of cue words by class: what the training lexicon cannot know.

The jackknifed lexicon (``_lexicon``) learns cue rates from PolNeAR train, so a cue word train never
shows ("testified", "lectured", "acknowledge", "blame") has no rate and no weight of its own; most of the
held-out attributions missed without any predicted cue had such a word. ``cue_words.txt`` lists a few
hundred English reporting, cognition, evaluation, intention and evidence verbs and nominal cues by
class; the taggers see the class of a word (and of the class words near it), whose weight is learned
from all the class's members seen in training and so carries over to the unseen ones.

Inflected forms are generated here rather than matched through ``storyweave.text.tokens.stem``: that
stemmer is deliberately crude ("notes" -> "not", "states" -> "stat"), and matching stems would give
"not" the class of "note". Forms are keyed like the taggers' word features (``_lexicon.normalise``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from pathlib import Path

__all__ = ["CUE_WORDS", "CueWords", "inflections", "load", "parse"]

CUE_WORDS = Path(__file__).resolve().parent / "cue_words.txt"
_VOWELS = frozenset("aeiou")
# Classes whose words inflect as nouns (plural only) or not at all.
_NOUN_CLASSES = frozenset({"nominal", "medium"})
_FIXED_CLASSES = frozenset({"adverb", "marker"})


def _doubles(lemma: str) -> bool:
    """Whether a final consonant may double before -ed/-ing ("admit" -> "admitted"): consonant-vowel-
    consonant endings. Stress decides in English ("visited" but "admitted"), which a list of lemmas does
    not record, so both spellings are generated; the wrong one is simply never met."""
    return (
        len(lemma) >= 3
        and lemma[-1] not in _VOWELS
        and lemma[-1] not in "wxy"
        and lemma[-2] in _VOWELS
        and lemma[-3] not in _VOWELS
    )


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def inflections(lemma: str, irregular: Iterable[str] = (), *, noun: bool = False) -> set[str]:
    """The lemma and its regular inflections (plus the irregular forms given), lower-case.

    Verbs get -s, -ed and -ing forms; nouns (``noun=True``) only the plural.
    """
    forms = {lemma, *irregular, _plural(lemma)}
    if noun:
        return forms
    if lemma.endswith("o"):
        forms.add(lemma + "es")
    if lemma.endswith("e"):
        forms.add(lemma + "d")
        forms.add((lemma if lemma.endswith(("ee", "ye", "oe")) else lemma[:-1]) + "ing")
        if lemma.endswith("ie"):
            forms.add(lemma[:-2] + "ying")
    elif lemma.endswith("y") and lemma[-2:-1] and lemma[-2] not in _VOWELS:
        forms.update({lemma[:-1] + "ied", lemma + "ing"})
    else:
        forms.update({lemma + "ed", lemma + "ing"})
        if _doubles(lemma):
            forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    return forms


class CueWords:
    """Word form (lower-case, curly apostrophes straightened) -> the classes it belongs to."""

    def __init__(self, classes: Mapping[str, tuple[str, ...]]) -> None:
        self._classes = dict(classes)

    def classes(self, lower: str) -> tuple[str, ...]:
        """The classes of a normalised word form, in the file's order; () when it is not a cue word."""
        return self._classes.get(lower, ())

    def __len__(self) -> int:
        return len(self._classes)


def parse(lines: Iterable[str]) -> CueWords:
    """Read ``cue_words.txt``'s format: ``[class]`` headers, then ``lemma [irregular forms...]`` lines.

    A line ``!form`` anywhere drops that generated form from every class: a few inflections are far
    commoner as other words ("states" in "United States", "points" in "percentage points") and would
    only dilute their class's weight.
    """
    found: dict[str, list[str]] = {}
    excluded: set[str] = set()
    current = ""
    for raw in lines:
        line = raw.split("#", 1)[0].strip().lower()
        if not line:
            continue
        if line.startswith("!"):
            excluded.add(line[1:].strip())
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            continue
        if not current:
            raise ValueError(f"cue word {line!r} before any [class] header")
        lemma, *irregular = line.split()
        if current in _FIXED_CLASSES:
            forms = {lemma, *irregular}
        else:
            forms = inflections(lemma, irregular, noun=current in _NOUN_CLASSES)
        for form in forms:
            classes = found.setdefault(form, [])
            if current not in classes:
                classes.append(current)
    return CueWords({form: tuple(classes) for form, classes in found.items() if form not in excluded})


@functools.cache
def load(path: Path = CUE_WORDS) -> CueWords:
    """The packaged lexicon, read once per process."""
    return parse(path.read_text(encoding="utf-8").splitlines())
