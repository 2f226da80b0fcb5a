"""Per-sentence features for the learned ranker, computed from a ``SentenceGroup`` alone.

The ranker is trained on Multi-News train, whose documents are lower-cased and cut to ~460 words, but it
runs on full-length, original-case reports. Every feature is therefore built to mean the same thing on
both: nothing depends on capital letters, positions and lengths are capped at what training saw, and
the context a sentence is compared with (other documents, centroids) is limited to each document's first
``CONTEXT_WORDS`` words — otherwise a 3,000-word report would give every sentence more chances to find a
near-duplicate than training ever did, and "support" would drift upwards on real input.

Everything is vectorised over the candidate rows; the only per-sentence Python work is a few string
counts, which cost microseconds.
"""

from __future__ import annotations

import re

import numpy as np
from scipy import sparse

from storyweave.summarize._group import SentenceGroup

__all__ = ["CONTEXT_WORDS", "FEATURE_NAMES", "sentence_features"]

# Training documents are cut to ~460 words; comparing against more than that on real input shifts the
# distribution of every similarity feature.
CONTEXT_WORDS = 460
# How far into a document position features look; later sentences all count as "late".
POSITION_CAP = 400
# Cosine above which another document is said to report the same fact (looser than citation support:
# here it is one signal among many, not a claim shown to the reader).
SAME_FACT = 0.25
# Cosine from which two sentences restate one fact (the citation threshold, see ``_support``).
RESTATEMENT = 0.45
# News leads summarise their story: agreeing with other reports' opening sentences is a strong signal.
LEAD_SENTENCES = 2

FEATURE_NAMES: tuple[str, ...] = (
    "support_max",  # cosine to the closest context sentence in another document
    "support_mean",  # mean over other documents of their closest sentence's cosine
    "support_share",  # share of other documents holding a sentence with cosine >= SAME_FACT
    "support_rank",  # support_max as a percentile among the group's candidates
    "support_strong",  # share of other documents holding a near-restatement (cosine >= RESTATEMENT)
    "lead_support",  # cosine to the closest of the first LEAD_SENTENCES sentences of another document
    "own_document",  # mean cosine to the other context sentences of its own document
    "centroid",  # cosine to the mean of per-document centroids
    "own_centroid",  # cosine to its own document's centroid
    "term_spread",  # mean share of other documents that use each of its words
    "word_offset",  # words before it in its document, capped at POSITION_CAP
    "position",  # sentence index in its document, capped at 30
    "first_in_document",  # 1 for the first candidate of its document
    "words",  # words in the sentence
    "words_relative",  # words / median candidate length of the group
    "terms",  # distinct content words
    "document_words",  # its document's length, capped at CONTEXT_WORDS
    "document_share",  # its document's (capped) length over the group's longest
    "documents",  # documents in the group
    "quotes",  # quotation marks
    "numbers",  # tokens containing a digit
    "attribution",  # says / said / according to
    "pronoun_opener",  # opens with a pronoun or demonstrative
)

_QUOTE = re.compile(r"[\"“”]")
_NUMBER = re.compile(r"\d")
_ATTRIBUTION = re.compile(r"\b(?:said|says|according to|told)\b", re.IGNORECASE)
_PRONOUN_OPENER = re.compile(
    r"(?:it|its|this|that|these|those|they|their|he|she|his|her|we|such)\b", re.IGNORECASE
)


def sentence_features(group: SentenceGroup) -> np.ndarray:
    """A ``(candidates, len(FEATURE_NAMES))`` float32 matrix, rows in ``group.candidate_rows`` order."""
    rows = group.candidate_rows
    out = np.zeros((rows.size, len(FEATURE_NAMES)), dtype=np.float32)
    if rows.size == 0:
        return out
    column = {name: index for index, name in enumerate(FEATURE_NAMES)}
    document = group.document
    own = document[rows]
    context = group.word_offset < CONTEXT_WORDS
    similarity = np.where(context[None, :], group.similarity, 0.0)
    similarity[np.arange(rows.size), rows] = 0.0  # a sentence does not support itself

    # Closest context sentence per (candidate, document): every support feature derives from this.
    n_documents = group.n_documents
    per_document = np.zeros((rows.size, n_documents), dtype=np.float32)
    for index in range(n_documents):
        in_document = document == index
        if in_document.any():
            per_document[:, index] = similarity[:, in_document].max(axis=1)
    others = np.arange(n_documents)[None, :] != own[:, None]
    n_others = max(n_documents - 1, 1)
    other_best = np.where(others, per_document, 0.0)
    out[:, column["support_max"]] = other_best.max(axis=1)
    out[:, column["support_mean"]] = other_best.sum(axis=1) / n_others
    out[:, column["support_share"]] = (other_best >= SAME_FACT).sum(axis=1) / n_others
    out[:, column["support_strong"]] = (other_best >= RESTATEMENT).sum(axis=1) / n_others
    other_leads = (group.position < LEAD_SENTENCES)[None, :] & (own[:, None] != document[None, :])
    out[:, column["lead_support"]] = np.where(other_leads, similarity, 0.0).max(axis=1)
    support = out[:, column["support_max"]]
    out[:, column["support_rank"]] = (np.argsort(np.argsort(support)) + 1) / rows.size

    same_document = own[:, None] == document[None, :]
    own_context = (same_document & context[None, :]).sum(axis=1) - 1
    own_similarity = np.where(same_document, similarity, 0.0).sum(axis=1)
    out[:, column["own_document"]] = own_similarity / np.maximum(own_context, 1)

    centroid, own_centroid = _centroid_similarities(group, context)
    out[:, column["centroid"]] = centroid
    out[:, column["own_centroid"]] = own_centroid
    out[:, column["term_spread"]] = _term_spread(group, context, n_others)

    offsets = group.word_offset[rows]
    out[:, column["word_offset"]] = np.minimum(offsets, POSITION_CAP)
    out[:, column["position"]] = np.minimum(group.position[rows], 30)
    first = np.ones(rows.size, dtype=bool)
    first[1:] = own[1:] != own[:-1]  # candidate rows are sorted by document, then position
    out[:, column["first_in_document"]] = first
    lengths = group.words[rows].astype(np.float32)
    out[:, column["words"]] = lengths
    out[:, column["words_relative"]] = lengths / max(float(np.median(lengths)), 1.0)
    out[:, column["terms"]] = np.diff(group.vectors.indptr)[rows]
    document_words = np.minimum(group.document_words, CONTEXT_WORDS).astype(np.float32)
    out[:, column["document_words"]] = document_words[own]
    out[:, column["document_share"]] = document_words[own] / max(float(document_words.max()), 1.0)
    out[:, column["documents"]] = n_documents

    texts = [group.texts[row] for row in rows]
    out[:, column["quotes"]] = [len(_QUOTE.findall(text)) for text in texts]
    out[:, column["numbers"]] = [len(_NUMBER.findall(text)) for text in texts]
    out[:, column["attribution"]] = [_ATTRIBUTION.search(text) is not None for text in texts]
    out[:, column["pronoun_opener"]] = [_PRONOUN_OPENER.match(text) is not None for text in texts]
    return out


def _centroid_similarities(group: SentenceGroup, context: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each candidate's cosine to the group centroid (documents weighted equally) and to its document's."""
    vectors = group.vectors
    membership = sparse.csr_matrix(
        (context.astype(np.float32), (group.document, np.arange(len(group)))),
        shape=(group.n_documents, len(group)),
    )
    centroids = np.asarray((membership @ vectors).todense())
    norms = np.linalg.norm(centroids, axis=1, keepdims=True)
    centroids = np.divide(centroids, norms, out=np.zeros_like(centroids), where=norms > 0)
    group_centroid = centroids.sum(axis=0)
    norm = np.linalg.norm(group_centroid)
    if norm > 0:
        group_centroid /= norm
    candidates = vectors[group.candidate_rows]
    to_documents = np.asarray(candidates @ centroids.T)
    own = to_documents[np.arange(group.candidate_rows.size), group.document[group.candidate_rows]]
    return np.asarray(candidates @ group_centroid).ravel(), own


def _term_spread(group: SentenceGroup, context: np.ndarray, n_others: int) -> np.ndarray:
    """Mean, over a candidate's distinct words, of the share of *other* documents that use the word."""
    present = group.vectors.copy()
    present.data[:] = 1.0
    membership = sparse.csr_matrix(
        (context.astype(np.float32), (group.document, np.arange(len(group)))),
        shape=(group.n_documents, len(group)),
    )
    in_document = (membership @ present).toarray() > 0  # documents x terms
    documents_using = in_document.sum(axis=0).astype(np.float32)
    candidates = present[group.candidate_rows]
    own = group.document[group.candidate_rows]
    # Subtract the candidate's own document, which uses all its words by definition when in context.
    total = np.asarray(candidates @ documents_using).ravel()
    own_uses = np.asarray(candidates.multiply(in_document[own]).sum(axis=1)).ravel()
    terms = np.maximum(np.diff(candidates.indptr), 1)
    return (total - own_uses) / terms / n_others
