"""The library's front door: read → cluster → brief, each a plain function over typed records.

The CLI and the web layer call these and nothing deeper, so every surface behaves the same.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, BinaryIO

from storyweave.briefing import BriefOptions, build_brief
from storyweave.cluster import cluster_articles
from storyweave.dedupe import fold_duplicates
from storyweave.ingest import ReadOptions, read_inputs
from storyweave.model import Article, Brief, Document, InputFailure, Story, content_id
from storyweave.text.clean import clean_text
from storyweave.text.datelines import copyright_holder, dateline_agency, dateline_end

__all__ = ["ReadResult", "brief", "cluster", "iter_read", "read", "story_id", "to_article"]


def _without_dateline(text: str) -> str:
    """The body without its wire header ("DUNMERE, March 22, 2026 (Valley Wire) – "): readers already took
    the date and agency from it, and left in place it would open summary and timeline sentences."""
    body = text.lstrip()
    return body[dateline_end(body) :]


def to_article(document: Document) -> Article | InputFailure:
    """Clean a reader's document into an article; a document that was all page junk is a failure."""
    text = _without_dateline(clean_text(document.text))
    if not text.strip():
        return InputFailure(document.origin, "no article text left after removing page junk; skipped")
    title = clean_text(document.title).strip() if document.title else None
    return Article(
        id=content_id(text),
        text=text,
        origin=document.origin,
        title=title or None,
        url=document.url,
        published=document.published,
        source=document.source or dateline_agency(document.text) or copyright_holder(document.text),
        external_id=document.external_id,
    )


def iter_read(
    inputs: Iterable[str], options: ReadOptions | None = None, stdin: BinaryIO | None = None
) -> Iterator[Article | InputFailure]:
    """Stream articles (and failures, in input order) without holding the corpus in memory."""
    for item in read_inputs(inputs, options, stdin=stdin):
        yield item if isinstance(item, InputFailure) else to_article(item)


@dataclass(slots=True)
class ReadResult:
    """Articles read, plus the inputs that failed and why. Iterates over the articles."""

    articles: list[Article] = field(default_factory=list)
    failures: list[InputFailure] = field(default_factory=list)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)


def read(inputs: str | Iterable[str], options: ReadOptions | None = None) -> ReadResult:
    """Read files, directories, globs or ``-`` into cleaned articles; bad inputs land in ``failures``."""
    result = ReadResult()
    for item in iter_read([inputs] if isinstance(inputs, str) else inputs, options):
        (result.failures if isinstance(item, InputFailure) else result.articles).append(item)
    return result


def story_id(articles: Iterable[Article]) -> str:
    """A story's identity is its membership, so re-running on the same corpus gives the same ids."""
    digest = hashlib.sha256("\n".join(sorted(a.id for a in articles)).encode()).hexdigest()
    return digest[:12]


def cluster(
    articles: Sequence[Article],
    clusterer: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Story]:
    """Fold near-duplicates, then group the distinct reports into stories (events)."""
    unique: dict[str, Article] = {}
    for article in articles:
        unique.setdefault(article.id, article)
    if progress:
        progress("folding near-duplicates")
    kept, folded = fold_duplicates(list(unique.values()))
    if progress:
        progress("clustering stories")
    groups = cluster_articles(kept, clusterer)
    stories = []
    for group in groups:
        members = {a.id for a in group}
        duplicates = {k: v for k, v in folded.items() if k in members and v}
        everyone = list(group) + [c for copies in duplicates.values() for c in copies]
        stories.append(Story(id=story_id(everyone), articles=list(group), duplicates=duplicates))
    return stories


def brief(story: Story, options: BriefOptions | None = None, **overrides: Any) -> Brief:
    """One cited brief for a story. Keyword overrides (``words=120``) adjust the default options."""
    options = replace(options or BriefOptions(), **overrides)
    return build_brief(story, options)
