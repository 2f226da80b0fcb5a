"""Jobs over a store: stated claims found while briefing are kept and reused by later briefs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storyweave import jobs
from storyweave.briefing import BriefOptions
from storyweave.claims.stated import stated_claims_key
from storyweave.jobs import brief_stories, brief_story
from storyweave.model import Article, ChainLink, StatedClaim, Story, content_id
from storyweave.store import Store, StoreError, open_store

FAST = BriefOptions(contextual_attribution=False)
_TEXTS = (
    "The Orla mine tunnel collapsed near Brevik on Monday, trapping nine workers, the regional governor "
    "said. Rescue teams reached the first two men on Tuesday morning.",
    "Nine miners were trapped when a tunnel of the Orla mine near Brevik collapsed on Monday, officials "
    "said. The mine's owner said safety checks had been carried out in March.",
)


@pytest.fixture
def stored(tmp_path: Path) -> Iterator[tuple[Store, Story]]:
    articles = [Article(id=content_id(text), text=text, origin=f"r{i}.txt") for i, text in enumerate(_TEXTS)]
    store = open_store(tmp_path / "store.sqlite")
    store.add_articles(articles)
    yield store, Story(id="s1", articles=articles)
    store.close()


def _marker(article: Article) -> StatedClaim:
    """A stated claim no model would find: proof that a brief took its claims from the store."""
    end = article.text.index(".") + 1
    return StatedClaim(
        article_id=article.id,
        start=0,
        end=end,
        text=article.text[:end],
        kind="fact",
        certainty="reported",
        chain=(ChainLink(0, 3, "The", anonymous=False, role="marker-role"),),
    )


def test_briefing_keeps_the_stated_claims_it_found(stored: tuple[Store, Story]) -> None:
    store, story = stored
    brief_stories([story], FAST, store=store)
    tagger, version = stated_claims_key(False)
    kept = store.stated_claims([a.id for a in story.articles], tagger, version)
    assert set(kept) == {a.id for a in story.articles}
    assert all(claim.article_id == article_id for article_id, claims in kept.items() for claim in claims)
    assert any(kept.values())


def test_a_later_brief_takes_kept_claims_instead_of_running_the_models(stored: tuple[Store, Story]) -> None:
    store, story = stored
    tagger, version = stated_claims_key(False)
    store.save_stated_claims(tagger, version, {a.id: (_marker(a),) for a in story.articles})
    brief = brief_story(store, story, FAST)
    assert any(link.role == "marker-role" for claim in brief.claims for link in claim.chain)


def test_claims_kept_by_other_code_or_another_tagger_are_not_used(stored: tuple[Store, Story]) -> None:
    store, story = stored
    tagger, version = stated_claims_key(False)
    store.save_stated_claims(tagger, "another-version", {a.id: (_marker(a),) for a in story.articles})
    store.save_stated_claims("contextual", version, {a.id: (_marker(a),) for a in story.articles})
    brief = brief_story(store, story, FAST)
    assert not any(link.role == "marker-role" for claim in brief.claims for link in claim.chain)
    # ... and the claims found instead replaced the stale ones for this tagger.
    assert set(store.stated_claims([a.id for a in story.articles], tagger, version)) == {
        a.id for a in story.articles
    }


class _ReadOnly:
    """A store that cannot write stated claims (a read-only database role, a lock held too long)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.location = store.location

    def stated_claims(self, *args: object) -> dict:
        return self._store.stated_claims(*args)  # type: ignore[arg-type]

    def save_stated_claims(self, *args: object) -> None:
        raise StoreError(
            f"{self.location}: could not keep stated claims: attempt to write a readonly database"
        )


def test_a_store_that_cannot_keep_claims_still_gives_the_brief(
    stored: tuple[Store, Story], capsys: pytest.CaptureFixture[str]
) -> None:
    store, story = stored
    brief = brief_story(_ReadOnly(store), story, FAST)  # type: ignore[arg-type]
    assert brief.claims and brief.summary
    assert "stated claims not kept between runs" in capsys.readouterr().err


def test_many_stories_on_worker_processes_in_batches_keep_and_reuse_claims(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs, "_PARALLEL_MIN_STORIES", 2)
    monkeypatch.setattr(jobs, "_STORIES_PER_BATCH", 2)
    texts = [f"{text} Report {index} of the pile." for index in range(3) for text in _TEXTS]
    articles = [Article(id=content_id(text), text=text, origin=f"r{i}.txt") for i, text in enumerate(texts)]
    stories = [Story(id=f"s{i}", articles=articles[2 * i : 2 * i + 2]) for i in range(3)]
    with open_store(tmp_path / "store.sqlite") as store:
        store.add_articles(articles)
        first = brief_stories(stories, FAST, store=store)
        kept = store.stated_claims([a.id for a in articles], *stated_claims_key(False))
        assert set(kept) == {a.id for a in articles}
        again = brief_stories(stories, FAST, store=store)
        # Workers take what the store holds: planted claims no model would find show up in every brief.
        store.save_stated_claims(*stated_claims_key(False), {a.id: (_marker(a),) for a in articles})
        planted = brief_stories(stories, FAST, store=store)
    assert [b.claims for b in again] == [b.claims for b in first]
    assert [b.story_id for b in first] == ["s0", "s1", "s2"]
    assert all(any(link.role == "marker-role" for c in b.claims for link in c.chain) for b in planted)
