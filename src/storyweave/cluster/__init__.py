"""Story clustering: which reports are about the same real-world event.

``cluster_articles(articles)`` is the pipeline's entry point. Clusterers share one small protocol
(:class:`Clusterer`, ``fit_predict(articles) -> labels``) and are found by name with :func:`get_clusterer`;
the default, ``"tfidf-time"``, weighs words, names and numbers and keeps reports far apart in time apart.
"""

from storyweave.cluster._clusterers import (
    BASELINE_CLUSTERER,
    DEFAULT_CLUSTERER,
    TfidfAgglomerative,
    TfidfTimeClusterer,
)
from storyweave.cluster._features import SubVectorWeights
from storyweave.cluster._protocol import Clusterer, available_clusterers, get_clusterer, register_clusterer
from storyweave.cluster._stories import cluster_articles
from storyweave.cluster._time import DateDiscount

__all__ = [
    "BASELINE_CLUSTERER",
    "DEFAULT_CLUSTERER",
    "Clusterer",
    "DateDiscount",
    "SubVectorWeights",
    "TfidfAgglomerative",
    "TfidfTimeClusterer",
    "available_clusterers",
    "cluster_articles",
    "get_clusterer",
    "register_clusterer",
]
