"""Training the token head behind contextual attribution (``claims/attribution/_contextual.py``).

Every PolNeAR train token gets a frozen all-MiniLM-L6-v2 vector (``storyweave.text.encoder``, layers 2, 4
and 6) and three labels: inside a cue, a source, or a content span. A two-layer network (scikit-learn's
MLPClassifier, 256 ReLU units, four passes of Adam) learns the three from the vector. The CRFs are then
trained with the head's probabilities among their features, so those must be what the head says about
text it has not seen: each fitted document gets them from a head trained on the other four fifths
(``FOLDS``, split by document index like the jackknifed lexicon); the head shipped is fitted on all of them.
"""

from __future__ import annotations

import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

from storyweave.claims.attribution._contextual import Probabilities, TokenHead, sentence_vectors
from storyweave.claims.attribution._tokens import Token, sentences_of
from storyweave.text.encoder import token_encoder

__all__ = ["FOLDS", "HEAD_SETTINGS", "cross_fitted", "encode", "token_labels"]

FOLDS = 5
HEAD_SETTINGS = {
    "hidden_layer_sizes": (256,),
    "activation": "relu",
    "solver": "adam",
    "alpha": 1e-5,
    "batch_size": 1024,
    "learning_rate_init": 1e-3,
    "max_iter": 4,
    "shuffle": True,
    "random_state": 0,
}


def _frags(role: list[dict] | None) -> list[tuple[int, int]]:
    return [(s, e) for part in role or [] for s, e in part["frags"]]


def token_labels(record: dict) -> list[np.ndarray]:
    """Per sentence, a (tokens, 3) bool array: inside a cue / a source / a content span of an attribution
    (cues and sources only of attributions that have content, as the scorer counts them)."""
    attributions = record["attributions"]
    with_content = [a for a in attributions if _frags(a["content"])]
    roles = (
        [f for a in with_content for f in _frags(a["cue"])],
        [f for a in with_content for f in _frags(a["source"])],
        [f for a in attributions for f in _frags(a["content"])],
    )

    def inside(token: Token, frags: list[tuple[int, int]]) -> bool:
        return any(token.start < e and s < token.end for s, e in frags)

    return [
        np.array([[inside(t, frags) for frags in roles] for t in tokens], dtype=bool)
        for tokens in sentences_of(record["text"])
    ]


def encode(records: list[dict], log_every: int = 100) -> list[list[np.ndarray]]:
    """Per record, per sentence, the encoder's token vectors (float16 to halve ~3 GB of training data)."""
    encoder, began, out = token_encoder(), time.perf_counter(), []
    for done, record in enumerate(records, start=1):
        sentences = sentences_of(record["text"])
        vectors = sentence_vectors(record["text"], sentences, encoder) if sentences else []
        out.append([v.astype(np.float16) for v in vectors])
        if done % log_every == 0:
            print(f"encoded {done}/{len(records)} documents, {time.perf_counter() - began:.0f} s", flush=True)
    return out


def _fit(vectors: np.ndarray, labels: np.ndarray) -> TokenHead:
    model = MLPClassifier(**HEAD_SETTINGS)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # four passes on purpose: more overfit the folds
        model.fit(vectors, labels)
    (hidden_w, out_w), (hidden_b, out_b) = model.coefs_, model.intercepts_
    return TokenHead(*(np.asarray(a, dtype=np.float32) for a in (hidden_w, hidden_b, out_w, out_b)))


def _stack(rows: list[list[np.ndarray]], indices: list[int]) -> np.ndarray:
    return np.concatenate([sentence for i in indices for sentence in rows[i]])


def _split(
    flat: np.ndarray, shapes: list[list[np.ndarray]], indices: list[int]
) -> dict[int, list[Probabilities]]:
    out, at = {}, 0
    for i in indices:
        per_sentence = []
        for sentence in shapes[i]:
            block = flat[at : at + len(sentence)]
            per_sentence.append([(float(a), float(b), float(c)) for a, b, c in block])
            at += len(sentence)
        out[i] = per_sentence
    return out


def cross_fitted(
    vectors: list[list[np.ndarray]], labels: list[list[np.ndarray]], folds: int = FOLDS
) -> tuple[list[list[Probabilities]], TokenHead]:
    """(each record's probabilities from a head fitted without its fold, the head fitted on all records)."""
    everyone = list(range(len(vectors)))
    found: dict[int, list[Probabilities]] = {}
    for fold in range(folds):
        began = time.perf_counter()
        train = [i for i in everyone if i % folds != fold]
        held = [i for i in everyone if i % folds == fold]
        head = _fit(_stack(vectors, train).astype(np.float32), _stack(labels, train))
        found.update(_split(head.predict(_stack(vectors, held).astype(np.float32)), vectors, held))
        print(f"head fold {fold + 1}/{folds}: {time.perf_counter() - began:.0f} s", flush=True)
    head = _fit(_stack(vectors, everyone).astype(np.float32), _stack(labels, everyone))
    return [found[i] for i in everyone], head
