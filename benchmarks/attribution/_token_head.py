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
from sklearn.decomposition import PCA
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

from storyweave.claims.attribution._contextual import (
    Probabilities,
    RoleHead,
    TokenHead,
    cue_pair_rows,
    project,
    sentence_vectors,
)
from storyweave.claims.attribution._tokens import Token, sentences_of
from storyweave.text.encoder import token_encoder

__all__ = [
    "FOLDS",
    "HEAD_SETTINGS",
    "PROJECTION",
    "covered",
    "cross_fitted",
    "cross_fitted_roles",
    "encode",
    "frags_of",
    "gold_cues",
    "token_labels",
]

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


Frags = list[tuple[int, int]]
PROJECTION = 256  # principal components of the encoder vectors the role head reads
PROJECTION_SAMPLE = 100_000  # tokens the components are fitted on


def frags_of(role: list[dict] | None) -> Frags:
    return [(s, e) for part in role or [] for s, e in part["frags"]]


def covered(tokens: list[Token], frags: Frags) -> list[int]:
    return [i for i, t in enumerate(tokens) if any(t.start < e and s < t.end for s, e in frags)]


def gold_cues(record: dict, sentences: list[list[Token]]) -> list[list[tuple[tuple[int, int], dict]]]:
    """Per sentence, the gold cues (token range of the cue's first fragment) with their attributions;
    attributions without a cue or content are left out, as the scorer leaves them out."""
    by_sentence: list[list[tuple[tuple[int, int], dict]]] = [[] for _ in sentences]
    for attribution in record["attributions"]:
        cue, content = frags_of(attribution["cue"]), frags_of(attribution["content"])
        if not cue or not content:
            continue
        for index, tokens in enumerate(sentences):
            ids = covered(tokens, cue[:1])
            if ids:
                by_sentence[index].append(((ids[0], ids[-1] + 1), attribution))
                break
    return by_sentence


def token_labels(record: dict) -> list[np.ndarray]:
    """Per sentence, a (tokens, 3) bool array: inside a cue / a source / a content span of an attribution
    (cues and sources only of attributions that have content, as the scorer counts them)."""
    attributions = record["attributions"]
    with_content = [a for a in attributions if frags_of(a["content"])]
    roles = (
        [f for a in with_content for f in frags_of(a["cue"])],
        [f for a in with_content for f in frags_of(a["source"])],
        [f for a in attributions for f in frags_of(a["content"])],
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


def cross_fitted_roles(
    vectors: list[list[np.ndarray]], records: list[dict], folds: int = FOLDS
) -> tuple[list[dict[tuple[int, int, int], np.ndarray]], RoleHead]:
    """The per-cue role head, cross-fitted like the token head: per record, {(sentence, cue first, cue
    end): (tokens, 2) P(source), P(content)} from a head fitted without the record's fold, and the head
    fitted on all records. Rows are built from gold cues (``gold_cues``), labels from their spans."""
    began = time.perf_counter()
    every_token = np.concatenate([v for record in vectors for v in record])
    sample = np.random.default_rng(0).choice(
        len(every_token), min(PROJECTION_SAMPLE, len(every_token)), replace=False
    )
    pca = PCA(PROJECTION, random_state=0).fit(every_token[sample].astype(np.float32))
    del every_token
    mean, components = pca.mean_.astype(np.float32), pca.components_.astype(np.float32)
    rows: list[tuple[int, tuple[int, int, int], np.ndarray, np.ndarray]] = []
    for index, (record, record_vectors) in enumerate(zip(records, vectors, strict=True)):
        sentences = sentences_of(record["text"])
        for position, (tokens, cues) in enumerate(zip(sentences, gold_cues(record, sentences), strict=True)):
            projected = project(record_vectors[position], mean, components)
            for cue, attribution in cues:
                labels = np.zeros((len(tokens), 2), dtype=bool)
                labels[covered(tokens, frags_of(attribution["source"])), 0] = True
                labels[covered(tokens, frags_of(attribution["content"])), 1] = True
                labels[cue[0] : cue[1]] = False
                rows.append((index, (position, *cue), cue_pair_rows(projected, cue), labels))
    print(
        f"role rows: {sum(len(r[2]) for r in rows)} tokens, {time.perf_counter() - began:.0f} s", flush=True
    )
    found: list[dict[tuple[int, int, int], np.ndarray]] = [{} for _ in records]
    for fold in range(folds):
        train = [r for r in rows if r[0] % folds != fold]
        head = _fit(np.concatenate([r[2] for r in train]), np.concatenate([r[3] for r in train]))
        for index, key, features, _ in rows:
            if index % folds == fold:
                found[index][key] = head.predict(features)
        print(f"role head fold {fold + 1}/{folds}: {time.perf_counter() - began:.0f} s", flush=True)
    head = _fit(np.concatenate([r[2] for r in rows]), np.concatenate([r[3] for r in rows]))
    return found, RoleHead(mean, components, head)
