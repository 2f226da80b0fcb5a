"""Assemble a Brief for one story: numbered sources, a cited summary and a headline.

The summarizer works on plain document indices; this is where indices become numbered, outlet-labelled
sources, and where near-duplicates folded away by dedupe get their credit back ("also ran in").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from storyweave.claims import align_claims
from storyweave.claims.align import StatedClaimsMemo
from storyweave.model import Article, Brief, CitedSentence, SourceRef, Story
from storyweave.summarize import summarize
from storyweave.summarize.fusion import FusionSettings, LLMError, fuse
from storyweave.text.entities import find_entities
from storyweave.timeline import build_timeline

__all__ = ["BriefOptions", "build_brief"]

_HEADLINE_WORDS = 14


@dataclass(frozen=True, slots=True)
class BriefOptions:
    """How a brief is written. One options object, shared by the library, the CLI and the web layer."""

    words: int = 200
    ranker: str | None = None
    fusion: FusionSettings | None = None  # off unless the user names an LLM endpoint
    # Who-said-what taggers: None uses the sentence encoder when it loads (better, ~10 ms a sentence),
    # False the word-feature taggers only (fast, for large corpora), True insists on the encoder.
    contextual_attribution: bool | None = None


def _source_order(story: Story) -> list[Article]:
    """Oldest report first (the story as it unfolded); undated reports after the dated ones."""
    indexed = list(enumerate(story.articles))
    indexed.sort(key=lambda pair: (pair[1].published is None, pair[1].published or date.min, pair[0]))
    return [article for _, article in indexed]


def _outlet(article: Article) -> str:
    return article.source or article.url or article.origin


def _source_refs(ordered: list[Article], story: Story) -> list[SourceRef]:
    refs = []
    for number, article in enumerate(ordered, start=1):
        copies = story.duplicates.get(article.id, [])
        also = tuple(dict.fromkeys(_outlet(c) for c in copies if _outlet(c) != _outlet(article)))
        refs.append(
            SourceRef(
                number=number,
                article_id=article.id,
                title=article.title,
                source=article.source,
                published=article.published,
                url=article.url,
                origin=article.origin,
                also_from=also,
            )
        )
    return refs


def _headline(ordered: list[Article], summary: list[CitedSentence]) -> str:
    """The title of the report the summary opens with, else any title, else the opening words."""
    by_id = {a.id: a for a in ordered}
    if summary and by_id[summary[0].article_id].title:
        return by_id[summary[0].article_id].title or ""
    for article in ordered:
        if article.title:
            return article.title
    text = summary[0].text if summary else ordered[0].text
    words = text.split()
    return " ".join(words[:_HEADLINE_WORDS]) + (" …" if len(words) > _HEADLINE_WORDS else "")


def _fused(summary: list[CitedSentence], options: BriefOptions) -> tuple[list[CitedSentence], str]:
    """The fused summary and how it was made; the extractive one, saying why, when fusion cannot be used."""
    settings = options.fusion
    assert settings is not None
    backend = settings.backend()
    try:
        result = fuse(
            summary,
            backend,
            words=options.words,
            max_tokens=settings.max_tokens,
            min_coverage=settings.min_coverage,
        )
    except LLMError as error:
        return summary, f"extractive: fusion failed ({error})"
    finally:
        backend.close()
    if not result.summary:
        reason = "no rewritten sentence passed the check against its cited sentences"
        return summary, f"extractive: fusion by {backend.name} kept nothing ({reason})"
    total = len(result.summary) + len(result.dropped)
    return result.summary, (
        f"fused by {backend.name}: {len(result.summary)} of {total} rewritten sentences kept after the "
        "check against their cited sentences"
    )


def build_brief(
    story: Story, options: BriefOptions | None = None, *, memo: StatedClaimsMemo | None = None
) -> Brief:
    """Summarise a story and cite every supporting report for each sentence.

    ``memo`` holds stated claims found before for some of the story's reports and collects those found
    now (see ``jobs.brief_stories``, which keeps them in the store)."""
    options = options or BriefOptions()
    if not story.articles:
        raise ValueError(f"story {story.id} has no articles; nothing to brief")
    ordered = _source_order(story)
    extracts = summarize(
        [a.text for a in ordered],
        words=options.words,
        ranker=options.ranker,
        dates=[a.published for a in ordered],
    )
    summary = [
        CitedSentence(
            text=e.text,
            article_id=ordered[e.document].id,
            sources=tuple(sorted({i + 1 for i in e.support} | {e.document + 1})),
        )
        for e in extracts
    ]
    summary, method = _fused(summary, options) if options.fusion else (summary, "extractive")
    numbers = {a.id: n for n, a in enumerate(ordered, start=1)}
    timeline, undated = build_timeline(ordered, numbers)
    claims, conflicts = align_claims(ordered, numbers, contextual=options.contextual_attribution, memo=memo)
    entities = find_entities({a.id: a.text for a in ordered})
    return Brief(
        story_id=story.id,
        headline=_headline(ordered, summary),
        first_published=story.first_published,
        last_published=story.last_published,
        summary=summary,
        summary_method=method,
        sources=_source_refs(ordered, story),
        claims=claims,
        conflicts=conflicts,
        timeline=timeline,
        undated=undated,
        entities=entities,
    )
