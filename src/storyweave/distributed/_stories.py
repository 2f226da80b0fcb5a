"""Per-block clustering and per-story briefs, as Arrow-batch functions for ``applyInPandas``.

Both call the single-machine library (``storyweave.pipeline.cluster``, which folds near-duplicates and
calls ``storyweave.cluster.cluster_articles``; ``storyweave.pipeline.brief``), so the Spark job and a
laptop run share every decision and improve together.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pandas as pd

from storyweave.briefing import BriefOptions
from storyweave.distributed._records import ARTICLE_COLUMNS, ARTICLE_SCHEMA, article_rows, articles_from_frame
from storyweave.model import Article, Story
from storyweave.pipeline import brief, cluster
from storyweave.render import brief_to_dict

__all__ = ["BRIEF_SCHEMA", "STORY_SCHEMA", "brief_stories", "cluster_block", "cluster_singletons"]

STORY_SCHEMA = f"story_id string, duplicate_of string, {ARTICLE_SCHEMA}"
BRIEF_SCHEMA = "story_id string, headline string, first_published date, last_published date, brief string"
_STORY_COLUMNS = ["story_id", "duplicate_of", *ARTICLE_COLUMNS]


def cluster_block(block: pd.DataFrame, clusterer: str | None) -> pd.DataFrame:
    """One block's articles as story rows: every article with its story, near-copies marked by the id
    of the report they were folded into."""
    articles = articles_from_frame(block)
    position = {
        id(a): int(p) for a, p in zip(articles, block.sort_values("position")["position"], strict=True)
    }
    frames = [_story_rows(story, position) for story in cluster(articles, clusterer)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=_STORY_COLUMNS)


def cluster_singletons(batches: Iterator[pd.DataFrame], clusterer: str | None) -> Iterator[pd.DataFrame]:
    """Blocks of one article, a batch at a time (most of a corpus): grouping them one per task would
    cost more than clustering them."""
    for batch in batches:
        frames = [cluster_block(batch.iloc[[row]], clusterer) for row in range(len(batch))]
        if frames:
            yield pd.concat(frames, ignore_index=True)


def _story_rows(story: Story, position: dict[int, int]) -> pd.DataFrame:
    members: list[tuple[str | None, int, Article]] = [(None, position[id(a)], a) for a in story.articles]
    for kept_id, copies in story.duplicates.items():
        members.extend((kept_id, position[id(c)], c) for c in copies)
    frame = article_rows((p, a) for _, p, a in members)
    frame.insert(0, "duplicate_of", [kept for kept, _, _ in members])
    frame.insert(0, "story_id", story.id)
    return frame


def brief_stories(story: pd.DataFrame, options: BriefOptions) -> pd.DataFrame:
    """One brief (as JSON, the format of ``storyweave.render``) for one story's rows."""
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
