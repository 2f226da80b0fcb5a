"""Extractive, cited summaries of a group of reports about one story.

``summarize(documents, words=200)`` returns whole sentences of the inputs, ranked by a model trained on
Multi-News (``LearnedRanker``, "learned"), de-duplicated, in reading order, each citing every report that
says the same thing. Rankers share one protocol (``Ranker``) and are registered by name; the untrained
``CentralityRanker`` ("centrality") stays available as a model-free baseline.
"""

from storyweave.summarize._group import SentenceGroup, build_group
from storyweave.summarize._learned import LearnedRanker, ModelError
from storyweave.summarize._rankers import (
    CentralityRanker,
    Ranker,
    available_rankers,
    get_ranker,
    register_ranker,
)
from storyweave.summarize._summarize import Extract, summarize

__all__ = [
    "CentralityRanker",
    "Extract",
    "LearnedRanker",
    "ModelError",
    "Ranker",
    "SentenceGroup",
    "available_rankers",
    "build_group",
    "get_ranker",
    "register_ranker",
    "summarize",
]
