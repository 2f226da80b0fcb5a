"""Token features for the two taggers: one finds cues, the other finds a cue's source and content.

No part-of-speech tagger or parser can be shipped (nothing is downloaded at run time), so the features
stand in for syntax with what a CRF can use cheaply: word identity and a light stem (cue verbs are a
long tail of "said", "told", "argued", "insisted"...), word shape (capitalised names are sources),
neighbouring words ("according" + "to", "said" + "in a statement"), quotation state, and, for roles,
which side of the cue a token lies on and how far, since English puts the source before the cue and the
content after it, or the quotation first and "X said" after.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyweave.claims.attribution._tokens import Token
from storyweave.text.tokens import stem

__all__ = ["cue_features", "role_features"]

Features = list[str]
_PRONOUNS = frozenset(
    {
        "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "who", "which",
        "that", "this", "these", "those", "someone",
    }
)  # fmt: skip


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


def _word_features(word: str, prefix: str) -> Features:
    lower = word.lower().replace("’", "'")
    return [f"{prefix}w={lower}", f"{prefix}st={stem(lower)}", f"{prefix}sh={_shape(word)}"]


def _distance_bucket(distance: int) -> str:
    if distance <= 3:
        return str(distance)
    if distance <= 6:
        return "4-6"
    if distance <= 12:
        return "7-12"
    return "13+"


def cue_features(tokens: Sequence[Token]) -> list[Features]:
    """Per-token features for cue tagging (B-CUE / I-CUE / O) over one sentence."""
    words = [t.text for t in tokens]
    lowers = [w.lower().replace("’", "'") for w in words]
    n = len(tokens)
    quote_chars = {i for i, w in enumerate(words) if w in '“”"‘’«»'}
    rows: list[Features] = []
    for i, token in enumerate(tokens):
        lower = lowers[i]
        row = ["bias", *_word_features(token.text, ""), f"suf3={lower[-3:]}", f"q={token.quoted}"]
        for offset in (-2, -1, 1, 2):
            j = i + offset
            row.append(f"w{offset}={lowers[j] if 0 <= j < n else '<s>' if j < 0 else '</s>'}")
        for offset in (-1, 1):
            j = i + offset
            if 0 <= j < n:
                row.append(f"st{offset}={stem(lowers[j])}")
                row.append(f"q{offset}={tokens[j].quoted}")
        row.append(f"bi-={lowers[i - 1] if i else '<s>'}|{lower}")
        row.append(f"bi+={lower}|{lowers[i + 1] if i + 1 < n else '</s>'}")
        near_quote = any(abs(i - j) <= 3 for j in quote_chars)
        row.append(f"nearq={near_quote}")
        row.append(f"pos={'first' if i == 0 else 'last' if i >= n - 2 else 'mid'}")
        rows.append(row)
    return rows


def role_features(
    tokens: Sequence[Token], cue: tuple[int, int], other_cues: Sequence[bool]
) -> list[Features]:
    """Per-token features for tagging one cue's source and content within its sentence.

    ``cue`` is the cue's token range [first, last); ``other_cues`` marks tokens of the sentence's other
    cues, which usually end a content span or start a nested attribution.
    """
    first, last = cue
    lowers = [t.text.lower().replace("’", "'") for t in tokens]
    cue_head = (
        stem(lowers[last - 1]) if lowers[last - 1].isalnum() or last - first == 1 else stem(lowers[first])
    )
    cue_text = " ".join(lowers[first:last])
    n = len(tokens)
    punct_before = [0] * (n + 1)
    quotes_before = [0] * (n + 1)
    for i, t in enumerate(tokens):
        punct_before[i + 1] = punct_before[i] + (t.text in ",;:—–()")
        quotes_before[i + 1] = quotes_before[i] + (t.text in '“”"')
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
            *_word_features(token.text, ""),
            f"side={side}",
            f"side|d={side}|{bucket}",
            f"side|sh={side}|{_shape(token.text)}",
            f"side|q={side}|{token.quoted}",
            f"side|cue={side}|{cue_head}",
            f"cue={cue_text}",
            f"other={other_cues[i]}",
            f"punct_between={side}|{min(punct_before[hi] - punct_before[lo], 3) if side != 'C' else 0}",
            f"quote_between={side}|{min(quotes_before[hi] - quotes_before[lo], 2) if side != 'C' else 0}",
        ]
        if lower in _PRONOUNS:
            row.append(f"pron|side={side}|{bucket}")
        if side != "C":
            row.append(f"side|w={side}|{lower}")
        for offset in (-1, 1):
            j = i + offset
            row.append(f"w{offset}={lowers[j] if 0 <= j < n else '<b>'}")
            if 0 <= j < n:
                row.append(f"other{offset}={other_cues[j]}")
        rows.append(row)
    return rows
