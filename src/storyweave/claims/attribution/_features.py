"""Token features for the two taggers: one finds cues, the other finds a cue's source and content.

No part-of-speech tagger or parser can be shipped (nothing is downloaded at run time), so the features
stand in for syntax with what a CRF can use cheaply: word identity and a light stem (cue verbs are a
long tail of "said", "told", "argued", "insisted"...), word shape (capitalised names are sources),
neighbouring words ("according" + "to", "said" + "in a statement"), quotation state, and, for roles,
which side of the cue a token lies on and how far, since English puts the source before the cue and the
content after it, or the quotation first and "X said" after.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from storyweave.claims.attribution._cuewords import CueWords, load
from storyweave.claims.attribution._lexicon import EMPTY, Lexicon, normalise
from storyweave.claims.attribution._tokens import Token
from storyweave.text.tokens import stem

__all__ = ["SentenceWords", "cue_features", "role_features", "sentence_words"]

Features = list[str]
_PRONOUNS = frozenset(
    {
        "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "who", "which",
        "that", "this", "these", "those", "someone",
    }
)  # fmt: skip


_QUOTE_MARKS = frozenset('“”"‘’«»')


def _shape(word: str) -> str:
    if not word[0].isalnum():
        return "P"
    if word.isdigit():
        return "D"
    if word.isupper() and len(word) > 1:
        return "XX"
    if word[0].isupper():
        return "Xx"
    return "x"


def _distance_bucket(distance: int) -> str:
    if distance <= 3:
        return str(distance)
    if distance <= 6:
        return "4-6"
    if distance <= 12:
        return "7-12"
    return "13+"


@dataclass(frozen=True, slots=True)
class SentenceWords:
    """What both taggers read off each token of one sentence, computed once per sentence.

    A sentence is featurised once for cues and once more for every cue found in it; lower-casing,
    stemming, shapes and lexicon look-ups are the same each time, so they are done here once.
    """

    tokens: Sequence[Token]
    lowers: list[str]
    stems: list[str]
    shapes: list[str]
    cue_levels: list[tuple[str, str]]
    source_levels: list[str]
    classes: list[tuple[str, ...]]  # hand-written cue-word classes (``_cuewords``); () for other words
    contextual: Sequence[tuple[float, float, float]] | None = None  # P(cue, source, content) per token
    projected: Any = None  # the encoder's projected token vectors (numpy), for the per-cue role head


def sentence_words(
    tokens: Sequence[Token],
    lexicon: Lexicon = EMPTY,
    cue_words: CueWords | None = None,
    contextual: Sequence[tuple[float, float, float]] | None = None,
    projected: Any = None,
) -> SentenceWords:
    """Per-token word forms of ``tokens``, their training-lexicon levels (see ``_lexicon``) and their
    cue-word classes (``cue_words``, by default the packaged ``cue_words.txt``)."""
    lowers = [normalise(t.text) for t in tokens]
    known = load() if cue_words is None else cue_words
    stems = [stem(lower) for lower in lowers]
    levels = [lexicon.levels(lower, stemmed) for lower, stemmed in zip(lowers, stems, strict=True)]
    return SentenceWords(
        tokens=tokens,
        lowers=lowers,
        stems=stems,
        shapes=[_shape(t.text) for t in tokens],
        cue_levels=[(word, stemmed) for word, stemmed, _ in levels],
        source_levels=[source for _, _, source in levels],
        classes=[known.classes(lower) for lower in lowers],
        contextual=contextual,
        projected=projected,
    )


def _neighbours(row: list[str], name: str, i: int, n: int, value: Callable[[int], str]) -> None:
    """The previous and next token's ``value`` as features ``{name}-1`` and ``{name}1`` (names the trained
    taggers read: keep them)."""
    if i > 0:
        row.append(f"{name}-1={value(i - 1)}")
    if i + 1 < n:
        row.append(f"{name}1={value(i + 1)}")


def _level(probability: float) -> str:
    for bound, name in ((0.05, "0"), (0.2, "1"), (0.4, "2"), (0.6, "3"), (0.8, "4")):
        if probability < bound:
            return name
    return "5"


def _class_features(words: SentenceWords) -> list[Features]:
    """Cue-word class features per token: its classes (alone and with its training-lexicon level, so that
    "a speech verb train never saw" can differ from "a speech verb train saw and never as a cue"), its
    first class with the next word ("argue|that", "urge|to"), and the nearest class word within three
    tokens on each side, a cheap stand-in for the head verb of a nominal cue ("issued a *statement*").

    Built for the whole sentence in two linear passes: per-token look-arounds cost a sixth of feature time.
    """
    classes, lowers, n = words.classes, words.lowers, len(words.classes)
    rows: list[Features] = [[] for _ in range(n)]
    for i, names in enumerate(classes):
        if names:
            level = words.cue_levels[i][0] or "-"
            row = rows[i]
            for name in names:
                row.append(f"cls={name}")
                row.append(f"cls|lexw={name}|{level}")
            if i + 1 < n:
                row.append(f"cls|w1={names[0]}|{lowers[i + 1]}")
    for order, feature in ((range(n), "clsL="), (range(n - 1, -1, -1), "clsR=")):
        nearest, distance = "", 4
        for i in order:
            if nearest and distance <= 3:
                rows[i].append(feature + nearest)
            distance += 1
            if classes[i]:
                nearest, distance = classes[i][0], 1
    return rows


def cue_features(words: SentenceWords) -> list[Features]:
    """Per-token features for cue tagging (B-CUE / I-CUE / O) over one sentence.

    Besides word, stem, shape, neighbours and quotation state, each word's (and its neighbours') bucketed
    cue rate in the training data, which carries over to cue words too rare to keep their own weight.
    """
    tokens, lowers, stems, levels = words.tokens, words.lowers, words.stems, words.cue_levels
    n = len(tokens)
    padded = ["<s>", "<s>", *lowers, "</s>", "</s>"]
    quoted = [t.quoted for t in tokens]
    near_quote = [False] * n
    for j, token in enumerate(tokens):
        if token.text in _QUOTE_MARKS:
            for k in range(max(0, j - 3), min(n, j + 4)):
                near_quote[k] = True
    rows: list[Features] = []
    class_rows = _class_features(words)
    for i in range(n):
        lower = lowers[i]
        row = [
            "bias",
            f"w={lower}",
            f"st={stems[i]}",
            f"sh={words.shapes[i]}",
            f"suf3={lower[-3:]}",
            f"q={quoted[i]}",
            f"w-2={padded[i]}",
            f"w-1={padded[i + 1]}",
            f"w1={padded[i + 3]}",
            f"w2={padded[i + 4]}",
        ]
        if i > 0:
            row.append(f"st-1={stems[i - 1]}")
            row.append(f"q-1={quoted[i - 1]}")
        if i + 1 < n:
            row.append(f"st1={stems[i + 1]}")
            row.append(f"q1={quoted[i + 1]}")
        row.append(f"bi-={padded[i + 1]}|{lower}")
        row.append(f"bi+={lower}|{padded[i + 3]}")
        row.append(f"nearq={near_quote[i]}")
        row.append(f"pos={'first' if i == 0 else 'last' if i >= n - 2 else 'mid'}")
        word_level, stem_level = levels[i]
        row.append(f"lex={word_level}|{stem_level}")
        row.append(f"lexw={word_level}")
        row.append(f"lexs={stem_level}")
        _neighbours(row, "lex", i, n, lambda j: levels[j][0] or levels[j][1])
        row.extend(class_rows[i])
        if words.contextual is not None:
            level = _level(words.contextual[i][0])
            row.append(f"ncue={level}")
            row.append(f"ncue|lexw={level}|{word_level}")
            _neighbours(row, "ncue", i, n, lambda j: _level(words.contextual[j][0]))
        rows.append(row)
    return rows


def role_features(
    words: SentenceWords,
    cue: tuple[int, int],
    other_cues: Sequence[bool],
    cue_roles: Sequence[Sequence[float]] | None = None,
) -> list[Features]:
    """Per-token features for tagging one cue's source and content within its sentence.

    ``cue`` is the cue's token range [first, last); ``other_cues`` marks tokens of the sentence's other
    cues, which usually end a content span or start a nested attribution. Each word's bucketed source
    rate in the training data ("spokesman", "officials", "sources") is a feature too. ``cue_roles``: the
    role head's (P(source), P(content)) per token for this cue (contextual taggers only).
    """
    tokens, lowers = words.tokens, words.lowers
    first, last = cue
    cue_head = (
        words.stems[last - 1] if lowers[last - 1].isalnum() or last - first == 1 else words.stems[first]
    )
    cue_feature = f"cue={' '.join(lowers[first:last])}"
    # The cue's word classes: a rare cue's roles follow its class (a belief's holder before it and a
    # clause after; an evidence verb's source is a poll or a study).
    cue_classes = next((c for c in words.classes[first:last] if c), ("none",))
    n = len(tokens)
    punct_before = [0] * (n + 1)
    quotes_before = [0] * (n + 1)
    for i, t in enumerate(tokens):
        punct_before[i + 1] = punct_before[i] + (t.text in ",;:—–()")
        quotes_before[i + 1] = quotes_before[i] + (t.text in '“”"')
    padded = ["<b>", *lowers, "<b>"]
    rows: list[Features] = []
    for i, token in enumerate(tokens):
        lower = lowers[i]
        if first <= i < last:
            side, distance = "C", 0
        elif i < first:
            side, distance = "L", first - i
        else:
            side, distance = "R", i - last + 1
        lo, hi = (i, first) if side == "L" else (last, i)
        bucket = _distance_bucket(distance)
        row = [
            "bias",
            f"w={lower}",
            f"st={words.stems[i]}",
            f"sh={words.shapes[i]}",
            f"side={side}",
            f"side|d={side}|{bucket}",
            f"side|sh={side}|{words.shapes[i]}",
            f"side|q={side}|{token.quoted}",
            f"side|cue={side}|{cue_head}",
            cue_feature,
            f"other={other_cues[i]}",
            f"punct_between={side}|{min(punct_before[hi] - punct_before[lo], 3) if side != 'C' else 0}",
            f"quote_between={side}|{min(quotes_before[hi] - quotes_before[lo], 2) if side != 'C' else 0}",
        ]
        if lower in _PRONOUNS:
            row.append(f"pron|side={side}|{bucket}")
        row.append(f"srclex={side}|{words.source_levels[i]}")
        row.extend(f"side|cuecls={side}|{name}" for name in cue_classes)
        if words.classes[i]:
            row.append(f"side|cls={side}|{words.classes[i][0]}")
        if side != "C":
            row.append(f"side|w={side}|{lower}")
        row.append(f"w-1={padded[i]}")
        if i > 0:
            row.append(f"other-1={other_cues[i - 1]}")
        row.append(f"w1={padded[i + 2]}")
        if i + 1 < n:
            row.append(f"other1={other_cues[i + 1]}")
        if words.contextual is not None:
            p_cue, p_source, p_content = words.contextual[i]
            row.append(f"side|nsrc={side}|{_level(p_source)}")
            row.append(f"side|ncon={side}|{_level(p_content)}")
            row.append(f"ncue={_level(p_cue)}")
        if cue_roles is not None:
            row.append(f"side|csrc={side}|{_level(cue_roles[i][0])}")
            row.append(f"side|ccon={side}|{_level(cue_roles[i][1])}")
        rows.append(row)
    return rows
