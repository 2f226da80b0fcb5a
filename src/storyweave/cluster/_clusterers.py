"""The batch clusterers (whole pile at once): a plain TF-IDF baseline and the time-aware sub-vector one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sklearn.feature_extraction.text import TfidfVectorizer

from storyweave.cluster._features import SubVectorWeights, article_matrix, document_text
from storyweave.cluster._linkage import average_link_labels
from storyweave.cluster._protocol import canonical_labels, register_clusterer
from storyweave.cluster._time import DateDiscount
from storyweave.model import Article

__all__ = ["BASELINE_CLUSTERER", "BATCH_CLUSTERER", "TfidfAgglomerative", "TfidfTimeClusterer"]

BATCH_CLUSTERER = "tfidf-time"
BASELINE_CLUSTERER = "tfidf-agglomerative"


def _check_threshold(threshold: float) -> None:
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"cosine threshold must be in (0, 1], got {threshold!r}")


@dataclass(slots=True)
class TfidfAgglomerative:
    """Baseline: one sublinear TF-IDF vector (English stop words) of title + text, average-link cosine.

    Kept as the peer every benchmark measures against; ignores dates.
    """

    threshold: float = 0.2
    name: str = BASELINE_CLUSTERER

    def fit_predict(self, articles: Sequence[Article]) -> list[int]:
        _check_threshold(self.threshold)
        if len(articles) < 2:
            return [0] * len(articles)
        texts = [document_text(a) for a in articles]
        try:
            matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts).tocsr()
        except ValueError:  # nothing but stop words and punctuation: no evidence to join anything
            return list(range(len(articles)))
        return canonical_labels(average_link_labels(matrix, self.threshold))


@dataclass(slots=True)
class TfidfTimeClusterer:
    """Words, names and numbers as weighted TF-IDF sub-vectors; average-link cosine discounted by date gap.

    The defaults were chosen on the tuning halves of ECB+ dev and Clust-McMs dev (``benchmarks/cluster``).
    """

    threshold: float = 0.2
    weights: SubVectorWeights = field(default_factory=SubVectorWeights)
    dates: DateDiscount = field(default_factory=DateDiscount)
    name: str = BATCH_CLUSTERER

    def fit_predict(self, articles: Sequence[Article]) -> list[int]:
        _check_threshold(self.threshold)
        if len(articles) < 2:
            return [0] * len(articles)
        matrix = article_matrix(articles, self.weights)
        discount = self.dates.for_articles(articles)
        return canonical_labels(average_link_labels(matrix, self.threshold, discount))


register_clusterer(BASELINE_CLUSTERER, TfidfAgglomerative)
register_clusterer(BATCH_CLUSTERER, TfidfTimeClusterer)
