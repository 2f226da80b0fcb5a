"""Per-block clustering and per-story briefs, as Arrow-batch functions for ``applyInPandas``.

Both call the single-machine library (``storyweave.cluster.cluster_articles`` on the reports a block
keeps after the corpus-wide fold of ``_dedupe``; ``storyweave.pipeline.brief``), so the Spark job and a
laptop run share every decision and improve together. For the batch clusterer a block is clustered with
the vectors computed over the whole corpus (``CorpusVectors``), not refitted on the block: that, and
blocks that are the clusterer's own exact components, is what makes the two runs agree.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

import pandas as pd

from storyweave._workers import one_blas_thread
from storyweave.briefing import BriefOptions
from storyweave.cluster import BATCH_CLUSTERER, Clusterer, TfidfTimeClusterer, cluster_articles
from storyweave.cluster._linkage import average_link_labels
from storyweave.cluster._protocol import canonical_labels
from storyweave.distributed._components import whole_groups
from storyweave.distributed._records import ARTICLE_COLUMNS, ARTICLE_SCHEMA, article_rows, articles_from_frame
from storyweave.distributed._vectors import vector_matrix
from storyweave.model import Article, Story
from storyweave.pipeline import brief, story_id
from storyweave.render import brief_to_dict

__all__ = [
    "BRIEF_SCHEMA",
    "STORY_SCHEMA",
    "CorpusVectors",
    "brief_stories",
    "cluster_block",
    "cluster_blocks",
    "cluster_singletons",
]

STORY_SCHEMA = f"story_id string, duplicate_of string, {ARTICLE_SCHEMA}"
BRIEF_SCHEMA = "story_id string, headline string, first_published date, last_published date, brief string"
_STORY_COLUMNS = ["story_id", "duplicate_of", *ARTICLE_COLUMNS]


class CorpusVectors:
    """The batch clusterer's decision (average link over date-discounted cosine at its threshold) on
    vectors computed for the whole corpus, looked up by article id: a ``Clusterer`` for one block."""

    name = BATCH_CLUSTERER

    def __init__(self, block: pd.DataFrame, vocabulary: int, model: TfidfTimeClusterer) -> None:
        self._row = {article_id: row for row, article_id in enumerate(block["id"])}
        self._matrix = vector_matrix(block, vocabulary)
        self._model = model

    def fit_predict(self, articles: Sequence[Article]) -> list[int]:
        if len(articles) < 2:
            return [0] * len(articles)
        matrix = self._matrix[[self._row[a.id] for a in articles]]
        discount = self._model.dates.for_articles(articles)
        return canonical_labels(average_link_labels(matrix, self._model.threshold, discount))


def cluster_block(
    block: pd.DataFrame, clusterer: str | None, vectors: tuple[int, TfidfTimeClusterer] | None = None
) -> pd.DataFrame:
    """One block's rows as story rows. Rows with a ``duplicate_of`` (the position of the article they
    were folded into, see ``_dedupe``) are copies; the others are clustered with
    ``storyweave.cluster.cluster_articles`` and made into stories as ``storyweave.pipeline.cluster``
    makes them (copies credited to their story; the id from every member). With ``vectors`` (vocabulary
    size and the batch clusterer's settings) the kept rows' ``features``/``weights`` are used instead of
    refitting TF-IDF on the block."""
    ordered = block.sort_values("position", kind="stable")
    copied = ordered["duplicate_of"].notna()
    kept_rows, copy_rows = ordered[~copied], ordered[copied]
    chosen: str | Clusterer | None = clusterer if vectors is None else CorpusVectors(kept_rows, *vectors)
    kept = articles_from_frame(kept_rows)
    id_at = dict(zip(kept_rows["position"], (a.id for a in kept), strict=True))
    copies: dict[str, list[tuple[int, Article]]] = {}
    for (position, target), copy in zip(
        zip(copy_rows["position"], copy_rows["duplicate_of"], strict=True),
        articles_from_frame(copy_rows),
        strict=True,
    ):
        copies.setdefault(id_at[target], []).append((int(position), copy))
    position_of = dict(zip((a.id for a in kept), kept_rows["position"], strict=True))
    frames = []
    for group in cluster_articles(kept, chosen):
        members = [(None, int(position_of[a.id]), a) for a in group]
        members += [(a.id, p, c) for a in group for p, c in copies.get(a.id, [])]
        story = story_id(article for _, _, article in members)
        frame = article_rows((p, a) for _, p, a in members)
        frame.insert(0, "duplicate_of", [kept_id for kept_id, _, _ in members])
        frame.insert(0, "story_id", story)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=_STORY_COLUMNS)


def cluster_blocks(
    batches: Iterator[pd.DataFrame], clusterer: str | None, vectors: tuple[int, TfidfTimeClusterer] | None
) -> Iterator[pd.DataFrame]:
    """Every block of a partition sorted by ``block``."""
    for block in whole_groups(batches, "block"):
        yield cluster_block(block.drop(columns=["block"]), clusterer, vectors)


def cluster_singletons(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """Blocks of one article and no copy (most of a corpus), a batch at a time: each is its own story,
    with the id ``storyweave.pipeline.cluster`` gives a one-article story."""
    for batch in batches:
        frame = batch[list(ARTICLE_COLUMNS)].sort_values("position", kind="stable").reset_index(drop=True)
        frame.insert(0, "duplicate_of", None)
        frame.insert(0, "story_id", [story_id([article]) for article in articles_from_frame(frame)])
        yield frame


def brief_stories(story: pd.DataFrame, options: BriefOptions) -> pd.DataFrame:
    """One brief (as JSON, the format of ``storyweave.render``) for one story's rows."""
    one_blas_thread()  # Spark runs a Python worker per core
    kept = story[story["duplicate_of"].isna()]
    copies = story[story["duplicate_of"].notna()]
    duplicates: dict[str, list[Article]] = {}
    for kept_id, group in copies.groupby("duplicate_of", sort=False):
        duplicates[str(kept_id)] = articles_from_frame(group)
    whole = Story(
        id=str(story["story_id"].iloc[0]), articles=articles_from_frame(kept), duplicates=duplicates
    )
    result = brief(whole, options)
    return pd.DataFrame(
        {
            "story_id": [whole.id],
            "headline": [result.headline],
            "first_published": [result.first_published],
            "last_published": [result.last_published],
            "brief": [json.dumps(brief_to_dict(result), ensure_ascii=False)],
        }
    )
