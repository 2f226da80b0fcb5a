"""The read side of the web layer: story listings, search, briefs and "what's new", over the Store API.

Everything here is a view of what the store holds; the only writes are the stated claims a brief found,
which the store keeps so that a grown story's brief pays only for its new reports. The store has no search or
"changed since" queries yet, so this module keeps a short-lived snapshot of the stories (refreshed every
``story_cache_seconds`` and at once after an ingest job of this server) and filters it in memory. Briefs
are cached by story id: a story's id is the hash of its membership, so a cached brief can never be stale.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date

from storyweave.briefing import BriefOptions
from storyweave.jobs import brief_story
from storyweave.model import Article, Brief, Story
from storyweave.store import Store
from storyweave.text.tokens import words
from storyweave.web._passages import Passage, passages_for

__all__ = ["BriefView", "StoryCatalog", "StoryPage", "StoryRow", "WhatsNew"]


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One line of the story list: enough to choose a story without briefing it."""

    id: str
    headline: str
    first_published: date | None
    last_published: date | None
    sources: int
    reports: int
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoryPage:
    """One page of a (possibly filtered) story list; ``total`` counts every match, not just this page."""

    total: int
    offset: int
    rows: list[StoryRow]


@dataclass(frozen=True, slots=True)
class WhatsNew:
    """What a story gained after insertion mark ``since``: new source numbers and summary sentences.

    A mark is the number of articles the store held when the reader last looked (articles are append-only,
    so their insertion position never changes); ``mark`` is the current one, to remember for next time.
    """

    since: int | None
    mark: int
    sources: tuple[int, ...] = ()
    sentences: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class BriefView:
    """A story's brief with everything a page about it shows: its articles by id and each citation's
    passage, keyed by (summary sentence index, source number)."""

    story: Story
    brief: Brief
    articles: dict[str, Article]
    passages: dict[tuple[int, int], Passage] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Entry:
    story: Story
    row: StoryRow
    words: frozenset[str]
    phrase_text: str


@dataclass(frozen=True, slots=True)
class _Snapshot:
    taken: float
    entries: list[_Entry]
    by_id: dict[str, _Entry]
    by_article: dict[str, _Entry]


def _all_articles(story: Story) -> list[Article]:
    return [*story.articles, *(copy for copies in story.duplicates.values() for copy in copies)]


def _headline(story: Story) -> str:
    """The title of the earliest titled report (the brief lists sources oldest first), else its opening."""
    ordered = sorted(story.articles, key=lambda a: (a.published is None, a.published or date.min))
    for article in ordered:
        if article.title and article.title.strip():
            return " ".join(article.title.split())
    opening = " ".join(ordered[0].text.split()[:14]) if ordered else ""
    return opening or "Untitled story"


def _entry(story: Story) -> _Entry:
    everything = _all_articles(story)
    outlets: dict[str, str] = {}
    for article in everything:
        name = " ".join((article.source or "").split())
        if name:
            outlets.setdefault(name.casefold(), name)
    row = StoryRow(
        id=story.id,
        headline=_headline(story),
        first_published=story.first_published,
        last_published=story.last_published,
        sources=len(story.articles),
        reports=len(everything),
        outlets=tuple(outlets.values()),
    )
    text = " ".join(f"{a.title or ''} {a.source or ''} {a.text}" for a in everything)
    return _Entry(story, row, frozenset(words(text)), " ".join(text.casefold().split()))


def _newest_first(entry: _Entry) -> tuple:
    last = entry.row.last_published or date.min
    return (-last.toordinal(), -entry.row.reports, entry.row.id)


def _parse_query(query: str) -> tuple[list[str], list[str]]:
    """Quoted parts are phrases (matched as written); everything else is words that must all occur."""
    pieces = query.split('"')
    phrases = [" ".join(p.casefold().split()) for p in pieces[1::2] if p.strip()]
    return words(" ".join(pieces[0::2])), phrases


class StoryCatalog:
    """Stories, briefs and passages for the pages and the API. Safe to share between request threads."""

    def __init__(self, store: Store, *, brief_words: int, brief_cache_size: int, cache_seconds: float):
        self._store = store
        self._options = BriefOptions(words=brief_words)
        self._cache_seconds = cache_seconds
        self._brief_cache_size = brief_cache_size
        self._lock = threading.Lock()
        self._snapshot: _Snapshot | None = None
        self._briefs: OrderedDict[str, BriefView] = OrderedDict()
        self._positions: tuple[int, dict[str, int]] = (-1, {})

    def invalidate(self) -> None:
        """Forget the story snapshot; the next read sees the store as it is now."""
        with self._lock:
            self._snapshot = None

    def _current(self) -> _Snapshot:
        with self._lock:
            snapshot = self._snapshot
        if snapshot is not None and time.monotonic() - snapshot.taken < self._cache_seconds:
            return snapshot
        taken = time.monotonic()
        entries = sorted((_entry(story) for story in self._store.stories()), key=_newest_first)
        snapshot = _Snapshot(
            taken=taken,
            entries=entries,
            by_id={entry.row.id: entry for entry in entries},
            by_article={a.id: entry for entry in entries for a in _all_articles(entry.story)},
        )
        with self._lock:
            self._snapshot = snapshot
        return snapshot

    def list_stories(
        self,
        *,
        query: str = "",
        since: date | None = None,
        until: date | None = None,
        outlet: str = "",
        offset: int = 0,
        limit: int = 50,
    ) -> StoryPage:
        """Stories newest first, keeping those that contain every query word (and quoted phrase), overlap
        [since, until] (undated stories are left out once a date bound is given) and ran in ``outlet``."""
        entries = self._current().entries
        terms, phrases = _parse_query(query)
        wanted_outlet = " ".join(outlet.split()).casefold()
        matches = []
        for entry in entries:
            row = entry.row
            if terms and not all(term in entry.words for term in terms):
                continue
            if phrases and not all(phrase in entry.phrase_text for phrase in phrases):
                continue
            if since and (row.last_published is None or row.last_published < since):
                continue
            if until and (row.first_published is None or row.first_published > until):
                continue
            if wanted_outlet and wanted_outlet not in (name.casefold() for name in row.outlets):
                continue
            matches.append(row)
        return StoryPage(total=len(matches), offset=offset, rows=matches[offset : offset + limit])

    def outlets(self) -> list[str]:
        """Every outlet named by a stored story, for the filter's choices."""
        entries = self._current().entries
        names = {name.casefold(): name for entry in entries for name in entry.row.outlets}
        return sorted(names.values(), key=str.casefold)

    def story(self, story_id: str) -> Story | None:
        entry = self._current().by_id.get(story_id)
        if entry is not None:
            return entry.story
        return self._store.get_story(story_id)  # stored since the snapshot was taken

    def story_of_article(self, article_id: str) -> StoryRow | None:
        """The story an article belongs to now; story ids change as stories grow, article ids never do."""
        entry = self._current().by_article.get(article_id)
        return entry.row if entry is not None else None

    def brief(self, story_id: str) -> BriefView | None:
        """The story's brief with its passages, built once per story id (and served only while the story
        exists: after a re-clustering its id may be gone)."""
        story = self.story(story_id)
        if story is None:
            return None
        with self._lock:
            cached = self._briefs.get(story_id)
            if cached is not None:
                self._briefs.move_to_end(story_id)
                return cached
        made = brief_story(self._store, story, self._options)
        articles = {a.id: a for a in _all_articles(story)}
        view = BriefView(story, made, articles, passages_for(made, articles))
        with self._lock:
            self._briefs[story_id] = view
            while len(self._briefs) > self._brief_cache_size:
                self._briefs.popitem(last=False)
        return view

    def insertion_mark(self) -> int:
        """How many articles the store holds: the mark a reader keeps to ask "what's new" later."""
        return self._store.count_articles()

    def _article_positions(self) -> dict[str, int]:
        """Article id to insertion position. Articles are append-only, so the map only needs rebuilding
        when the count changes."""
        count = self._store.count_articles()
        with self._lock:
            known_count, known = self._positions
        if known_count == count:
            return known
        positions = {article.id: index for index, article in enumerate(self._store.articles())}
        with self._lock:
            self._positions = (len(positions), positions)
        return positions

    def whats_new(self, view: BriefView, since: int | None) -> WhatsNew:
        """Sources and summary sentences of a brief that came from articles stored at or after ``since``."""
        positions = self._article_positions()
        mark = max(len(positions), self._store.count_articles())
        if since is None:
            return WhatsNew(since=None, mark=mark)

        def is_new(article_id: str) -> bool:
            # An article stored after the positions were read is new by definition.
            return positions.get(article_id, mark) >= since

        new_sources = tuple(ref.number for ref in view.brief.sources if is_new(ref.article_id))
        new_sentences = tuple(
            index for index, sentence in enumerate(view.brief.summary) if is_new(sentence.article_id)
        )
        return WhatsNew(since=since, mark=mark, sources=new_sources, sentences=new_sentences)
