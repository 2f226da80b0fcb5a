"""TF-IDF sub-vectors that tell one event from another of the same kind.

Two earthquakes or two rehab stays share most of their vocabulary; what differs is detail: the names, the
places, the numbers, the years. So besides the stemmed content words, names (capitalised words), numbers
and years (a cheap time signal when publication dates are missing) get their own TF-IDF sub-vectors,
weighted and concatenated: cosine on the concatenation is the weighted mean of the sub-vector cosines.
IDF is fitted on the batch being clustered, so "common" means common in this pile.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from storyweave.model import Article
from storyweave.text.tokens import STOP_WORDS, content_words

__all__ = ["SubVectorWeights", "article_matrix", "document_text"]

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")
_NAME = re.compile(r"\b[A-Z][^\W\d_]+(?:['’][^\W\d_]+)?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?<![\d.,])(?:19[5-9]\d|20\d\d)(?![\d.,])")


@dataclass(frozen=True, slots=True)
class SubVectorWeights:
    """Relative weight of each sub-vector in the cosine (normalised to sum to one when used)."""

    words: float = 1.0
    names: float = 2.0
    numbers: float = 0.2
    years: float = 0.2


def document_text(article: Article) -> str:
    """Title and text; the title twice, because it states the event in the fewest, most telling words."""
    title = (article.title or "").strip()
    return f"{title}\n{title}\n{article.text}" if title else article.text


def _word_features(text: str) -> list[str]:
    # Chinese and Japanese runs have no spaces: their character bigrams stand in for words.
    tokens = content_words(_CJK.sub(" ", text))
    for run in _CJK.findall(text):
        tokens.extend(run[k : k + 2] for k in range(max(1, len(run) - 1)))
    return tokens


def _name_features(text: str) -> list[str]:
    return [n.lower() for n in _NAME.findall(text) if n.lower() not in STOP_WORDS]


def _number_features(text: str) -> list[str]:
    return [n.replace(",", "") for n in _NUMBER.findall(text)]


def _year_features(text: str) -> list[str]:
    return _YEAR.findall(text)


_EXTRACTORS: dict[str, Callable[[str], list[str]]] = {
    "words": _word_features,
    "names": _name_features,
    "numbers": _number_features,
    "years": _year_features,
}


def _tfidf(texts: Sequence[str], analyzer: Callable[[str], list[str]]) -> sp.csr_matrix:
    token_lists = [analyzer(t) for t in texts]
    if not any(token_lists):
        return sp.csr_matrix((len(texts), 0))
    vectorizer = TfidfVectorizer(analyzer=lambda tokens: tokens, sublinear_tf=True, norm="l2")
    return vectorizer.fit_transform(token_lists).tocsr()


def article_matrix(articles: Sequence[Article], weights: SubVectorWeights) -> sp.csr_matrix:
    """One L2-normalised row per article: the weighted concatenation of its TF-IDF sub-vectors."""
    texts = [document_text(a) for a in articles]
    shares = {name: getattr(weights, name) for name in _EXTRACTORS}
    total = sum(shares.values())
    if total <= 0:
        raise ValueError(f"sub-vector weights must not all be zero: {weights}")
    blocks = [
        _tfidf(texts, _EXTRACTORS[name]) * np.sqrt(share / total)
        for name, share in shares.items()
        if share > 0
    ]
    matrix = sp.hstack(blocks, format="csr")
    # No token anywhere (only punctuation): zero rows, which the linkage treats as similar to nothing.
    return normalize(matrix, norm="l2", copy=False) if matrix.shape[1] else matrix
