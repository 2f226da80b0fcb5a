"""Story clustering: which reports are about the same real-world event.

``cluster_articles(articles)`` is the pipeline's entry point. Clusterers share one small protocol
(:class:`Clusterer`, ``fit_predict(articles) -> labels``) and are found by name with :func:`get_clusterer`.
The default, the batch ``"tfidf-time"``, clusters a whole pile at once; ``"online"`` assigns reports one
by one in publication order (join a story or open one, with a learned decision) and serves live streams
through :meth:`OnlineClusterer.add`; ``"tfidf-agglomerative"`` is the plain baseline.
"""

from storyweave.cluster._clusterers import (
    BASELINE_CLUSTERER,
    BATCH_CLUSTERER,
    TfidfAgglomerative,
    TfidfTimeClusterer,
)
from storyweave.cluster._features import SubVectorWeights
from storyweave.cluster._join_model import JoinModel
from storyweave.cluster._online import ONLINE_CLUSTERER, Assignment, OnlineClusterer, assign, stream_order
from storyweave.cluster._protocol import Clusterer, available_clusterers, get_clusterer, register_clusterer
from storyweave.cluster._report_features import ReportFeatures, report_features
from storyweave.cluster._stories import DEFAULT_CLUSTERER, cluster_articles
from storyweave.cluster._story_state import OnlineSettings, StreamState
from storyweave.cluster._time import DateDiscount

__all__ = [
    "BASELINE_CLUSTERER",
    "BATCH_CLUSTERER",
    "DEFAULT_CLUSTERER",
    "ONLINE_CLUSTERER",
    "Assignment",
    "Clusterer",
    "DateDiscount",
    "JoinModel",
    "OnlineClusterer",
    "OnlineSettings",
    "ReportFeatures",
    "StreamState",
    "SubVectorWeights",
    "TfidfAgglomerative",
    "TfidfTimeClusterer",
    "assign",
    "available_clusterers",
    "cluster_articles",
    "get_clusterer",
    "register_clusterer",
    "report_features",
    "stream_order",
]
