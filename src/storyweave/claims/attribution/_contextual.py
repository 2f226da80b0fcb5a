"""What a small transformer says about each token: how likely it is a cue, a source, or content.

The CRFs read these three probabilities (bucketed) beside their word features. They carry what the word
features cannot: whether "said", "believe" or "show" heads a reported clause here, and whether a cue
word train never saw behaves like one — of the held-out attributions the lexical taggers missed, most
had a cue no training document used. The probabilities come from a two-layer network over frozen
all-MiniLM-L6-v2 word vectors (``storyweave.text.encoder``), trained on PolNeAR train by
``benchmarks/attribution/train.py --contextual``; its weights are plain arrays in an ``.npz`` file read
without pickle.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from storyweave.claims.attribution._tokens import Token
from storyweave.text.encoder import EncoderUnavailable, TokenEncoder, token_encoder

__all__ = ["HEAD", "Probabilities", "TokenHead", "sentence_probabilities", "sentence_vectors"]

HEAD = Path(__file__).resolve().parent / "contextual_head.npz"
Probabilities = list[tuple[float, float, float]]  # per token: P(cue), P(source), P(content)


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


def sentence_probabilities(
    text: str, sentences: Sequence[Sequence[Token]], head: Path = HEAD
) -> list[Probabilities] | None:
    """Per sentence, per token (P(cue), P(source), P(content)); None when the encoder cannot be loaded
    (its package missing or its weights not the expected file), after one line on stderr saying why."""
    try:
        encoder = token_encoder()
    except (EncoderUnavailable, ImportError) as error:
        _warn_once(str(error))
        return None
    if not sentences:
        return []
    vectors = sentence_vectors(text, sentences, encoder)
    model = _head(head)
    return [[(float(a), float(b), float(c)) for a, b, c in model.predict(v)] for v in vectors]
