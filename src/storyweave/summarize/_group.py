"""The sentences of one document group, with the features every ranker and the selector share.

Built once per group so that rankers, redundancy control and citation all agree on what "similar" means
and nobody tokenises a sentence twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from scipy import sparse

from storyweave.summarize._candidates import split_document
from storyweave.text.entities import ReportVocabulary, report_words
from storyweave.text.standalone import is_candidate, needs_previous
from storyweave.text.tokens import content_words

__all__ = ["SentenceGroup", "build_group"]


@dataclass(frozen=True, eq=False)
class SentenceGroup:
    """Every sentence of a document group, row-aligned.

    Rankers score every row; only rows with ``candidate`` set may be selected. Non-candidates stay in
    the group because they still count as context: a heading or a question in another report can show
    that a fact is widely reported.

    ``vectors`` holds one L2-normalised TF-IDF row per sentence (stemmed content words, IDF over the
    group's sentences), so a dot product is a cosine similarity.
    """

    texts: tuple[str, ...]
    document: np.ndarray  # int: index of the input document
    position: np.ndarray  # int: index of the sentence within its document
    word_offset: np.ndarray  # int: words in the document before this sentence
    words: np.ndarray  # int: words in the sentence
    start: np.ndarray  # int: character offset into its document
    end: np.ndarray  # int
    candidate: np.ndarray  # bool
    after_previous: np.ndarray  # bool: reads right only straight after the row before it (same document)
    vectors: sparse.csr_matrix
    document_words: np.ndarray  # int: words per input document

    def __len__(self) -> int:
        return len(self.texts)

    @property
    def n_documents(self) -> int:
        return len(self.document_words)

    @cached_property
    def similarity(self) -> np.ndarray:
        """Cosine similarity of each candidate (rows, in ``candidate_rows`` order) to every sentence."""
        rows = self.vectors[self.candidate_rows]
        return np.asarray((rows @ self.vectors.T).todense(), dtype=np.float32)

    @cached_property
    def candidate_rows(self) -> np.ndarray:
        return np.flatnonzero(self.candidate)

    @cached_property
    def document_vocabulary(self) -> tuple[ReportVocabulary, ...]:
        """Each input document's case-folded words (``report_words``), for checking what it names."""
        texts: list[list[str]] = [[] for _ in range(self.n_documents)]
        for text, document in zip(self.texts, self.document.tolist(), strict=True):
            texts[document].append(text)
        return tuple(report_words(" ".join(parts)) for parts in texts)


def build_group(documents: Sequence[str], *, lead_words: int | None = None) -> SentenceGroup:
    """Split, filter and vectorise ``documents``.

    ``lead_words`` limits candidates to sentences that start within each document's first ``lead_words``
    words; the rest of the document remains as context for support and citation.
    """
    texts: list[str] = []
    document: list[int] = []
    position: list[int] = []
    word_offset: list[int] = []
    n_words: list[int] = []
    start: list[int] = []
    end: list[int] = []
    candidate: list[bool] = []
    after_previous: list[bool] = []
    document_words: list[int] = []
    for index, text in enumerate(documents):
        cased = text != text.lower()
        sentences = split_document(text)
        for rank, sentence in enumerate(sentences):
            texts.append(sentence.text)
            document.append(index)
            position.append(rank)
            word_offset.append(sentence.word_offset)
            n_words.append(sentence.words)
            start.append(sentence.start)
            end.append(sentence.end)
            within_lead = lead_words is None or sentence.word_offset < lead_words
            candidate.append(within_lead and is_candidate(sentence.text, sentence.words, cased=cased))
            # What a sentence ending in a colon announces reads right only after it.
            announced = rank > 0 and sentences[rank - 1].text.rstrip().endswith(":")
            after_previous.append(rank > 0 and (announced or needs_previous(sentence.text)))
        document_words.append(sentences[-1].word_offset + sentences[-1].words if sentences else 0)
    return SentenceGroup(
        texts=tuple(texts),
        document=np.asarray(document, dtype=np.int32),
        position=np.asarray(position, dtype=np.int32),
        word_offset=np.asarray(word_offset, dtype=np.int32),
        words=np.asarray(n_words, dtype=np.int32),
        start=np.asarray(start, dtype=np.int64),
        end=np.asarray(end, dtype=np.int64),
        candidate=np.asarray(candidate, dtype=bool),
        after_previous=np.asarray(after_previous, dtype=bool),
        vectors=tfidf_vectors(texts),
        document_words=np.asarray(document_words, dtype=np.int32),
    )


def tfidf_vectors(texts: Sequence[str]) -> sparse.csr_matrix:
    """L2-normalised sublinear TF-IDF rows over stemmed content words, IDF from ``texts`` themselves.

    The IDF is local to the group on purpose: a word that every report of this story repeats (the
    victim's name) says little about which sentence is central, whatever its frequency in news at large.
    """
    vocabulary: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    counts: list[float] = []
    for text in texts:
        bag: dict[int, int] = {}
        for word in content_words(text):
            column = vocabulary.setdefault(word, len(vocabulary))
            bag[column] = bag.get(column, 0) + 1
        indices.extend(bag)
        counts.extend(bag.values())
        indptr.append(len(indices))
    shape = (len(texts), max(len(vocabulary), 1))
    if not indices:
        return sparse.csr_matrix(shape, dtype=np.float32)
    tf = 1.0 + np.log(np.asarray(counts, dtype=np.float32))
    matrix = sparse.csr_matrix((tf, np.asarray(indices), np.asarray(indptr)), shape=shape)
    df = np.bincount(matrix.indices, minlength=shape[1])
    idf = (np.log((1.0 + shape[0]) / (1.0 + df)) + 1.0).astype(np.float32)
    matrix.data *= idf[matrix.indices]
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix.data /= np.repeat(norms, np.diff(matrix.indptr)).astype(np.float32)
    return matrix
