"""What a small transformer says about each token: how likely it is a cue, a source, or content.

The CRFs read these probabilities (bucketed) beside their word features. They carry what the word
features cannot: whether "said", "believe" or "show" heads a reported clause here, and whether a cue
word train never saw behaves like one — of the held-out attributions the lexical taggers missed, most
had a cue no training document used. Two small networks over frozen all-MiniLM-L6-v2 word vectors
(``storyweave.text.encoder``) give them: the token head (P(cue), P(source), P(content) per token, read by
both taggers) and the role head (P(source), P(content) of each token *for one cue*, read by the role
tagger). Both are trained on PolNeAR train by ``benchmarks/attribution/train.py --contextual``; their
weights are plain arrays in ``.npz`` files read without pickle.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np

from storyweave.claims.attribution._tokens import Token
from storyweave.text.encoder import EncoderUnavailable, TokenEncoder, token_encoder

__all__ = [
    "HEAD",
    "ROLE_HEAD",
    "Probabilities",
    "RoleHead",
    "SentenceContext",
    "TokenHead",
    "cue_pair_rows",
    "project",
    "role_head",
    "sentence_context",
    "sentence_vectors",
]

HEAD = Path(__file__).resolve().parent / "contextual_head.npz"
ROLE_HEAD = Path(__file__).resolve().parent / "contextual_roles.npz"
Probabilities = list[tuple[float, float, float]]  # per token: P(cue), P(source), P(content)
_DISTANCES = (0, 1, 2, 3, 6, 12)  # token distance to the cue, bucketed as the role tagger buckets it


class TokenHead:
    """A ReLU layer and a sigmoid layer with three outputs, as scikit-learn's MLPClassifier fits them."""

    def __init__(self, hidden_w: np.ndarray, hidden_b: np.ndarray, out_w: np.ndarray, out_b: np.ndarray):
        self.hidden_w, self.hidden_b, self.out_w, self.out_b = hidden_w, hidden_b, out_w, out_b

    @classmethod
    def read(cls, path: Path) -> TokenHead:
        with np.load(path, allow_pickle=False) as arrays:
            return cls(
                *(arrays[name].astype(np.float32) for name in ("hidden_w", "hidden_b", "out_w", "out_b"))
            )

    def write(self, path: Path) -> None:
        np.savez_compressed(
            path, hidden_w=self.hidden_w, hidden_b=self.hidden_b, out_w=self.out_w, out_b=self.out_b
        )

    def predict(self, vectors: np.ndarray) -> np.ndarray:
        hidden = np.maximum(vectors @ self.hidden_w + self.hidden_b, 0.0)
        return 1.0 / (1.0 + np.exp(-(hidden @ self.out_w + self.out_b)))


class RoleHead:
    """P(source), P(content) of every token *for one cue*: a fixed linear projection of the encoder vectors
    (fitted by principal components), then a ``TokenHead`` over each token's projection, the cue's mean
    projection and where the token lies from the cue (``cue_pair_rows``). The token head cannot tell
    whose content a word is when a sentence holds two cues; this can."""

    def __init__(self, mean: np.ndarray, components: np.ndarray, head: TokenHead) -> None:
        self.mean, self.components, self.head = mean, components, head

    @classmethod
    def read(cls, path: Path) -> RoleHead:
        with np.load(path, allow_pickle=False) as arrays:
            parts = {name: arrays[name].astype(np.float32) for name in arrays.files}
        head = TokenHead(parts["hidden_w"], parts["hidden_b"], parts["out_w"], parts["out_b"])
        return cls(parts["mean"], parts["components"], head)

    def write(self, path: Path) -> None:
        h = self.head
        np.savez_compressed(
            path, mean=self.mean, components=self.components, hidden_w=h.hidden_w, hidden_b=h.hidden_b,
            out_w=h.out_w, out_b=h.out_b,
        )  # fmt: skip

    def project(self, vectors: np.ndarray) -> np.ndarray:
        return project(vectors, self.mean, self.components)

    def predict(self, projected: np.ndarray, cue: tuple[int, int]) -> np.ndarray:
        return self.head.predict(cue_pair_rows(projected, cue))


def project(vectors: np.ndarray, mean: np.ndarray, components: np.ndarray) -> np.ndarray:
    """Encoder vectors onto the role head's principal components (training and tagging alike)."""
    return ((vectors.astype(np.float32) - mean) @ components.T).astype(np.float32)


def cue_pair_rows(projected: np.ndarray, cue: tuple[int, int]) -> np.ndarray:
    """One row per token: its projection, the cue's mean projection, and its side of the cue (left, cue,
    right) and distance bucket as one-hot columns."""
    first, last = cue
    n = len(projected)
    place = np.zeros((n, 3 + len(_DISTANCES) + 1), np.float32)
    for i in range(n):
        side, distance = (1, 0) if first <= i < last else ((0, first - i) if i < first else (2, i - last + 1))
        place[i, side] = 1.0
        place[i, 3 + next((k for k, d in enumerate(_DISTANCES) if distance <= d), len(_DISTANCES))] = 1.0
    cue_mean = np.repeat(projected[first:last].mean(0, keepdims=True), n, axis=0)
    return np.concatenate([projected, cue_mean, place], axis=1)


@functools.cache
def role_head(path: Path = ROLE_HEAD) -> RoleHead:
    return RoleHead.read(path)


def sentence_vectors(
    text: str, sentences: Sequence[Sequence[Token]], encoder: TokenEncoder
) -> list[np.ndarray]:
    """The encoder's vector for every token of every sentence (one array per sentence)."""
    texts, spans = [], []
    for tokens in sentences:
        begin = tokens[0].start
        texts.append(text[begin : tokens[-1].end])
        spans.append([(t.start - begin, t.end - begin) for t in tokens])
    return encoder.encode_spans(texts, spans)


@functools.cache
def _head(path: Path) -> TokenHead:
    return TokenHead.read(path)


@functools.cache
def _warn_once(reason: str) -> None:
    print(
        f"storyweave: contextual attribution unavailable ({reason}); using the word-feature taggers",
        file=sys.stderr,
    )


class SentenceContext(NamedTuple):
    """What the encoder adds to one sentence: the token head's probabilities and the projected vectors
    the role head reads per cue."""

    probabilities: Probabilities
    projected: np.ndarray


def sentence_context(
    text: str, sentences: Sequence[Sequence[Token]], head: Path = HEAD, roles: Path = ROLE_HEAD
) -> list[SentenceContext] | None:
    """Per sentence, the token probabilities (P(cue), P(source), P(content) per token) and projected
    vectors; None when the encoder cannot be loaded (its package missing or its weights not the expected
    file), after one line on stderr saying why."""
    try:
        encoder = token_encoder()
    except (EncoderUnavailable, ImportError) as error:
        _warn_once(str(error))
        return None
    if not sentences:
        return []
    vectors = sentence_vectors(text, sentences, encoder)
    model, projection = _head(head), role_head(roles)
    return [
        SentenceContext(
            [(float(a), float(b), float(c)) for a, b, c in model.predict(v)], projection.project(v)
        )
        for v in vectors
    ]
