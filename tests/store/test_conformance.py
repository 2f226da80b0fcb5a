"""What every Store implementation must do; runs once per backend (see conftest.store_url)."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError

from storyweave.model import Article, InputFailure, Story, content_id
from storyweave.store import (
    LATEST_VERSION,
    AddResult,
    StaleStoriesError,
    Store,
    StoreError,
    _sql_store,
    open_store,
)
from storyweave.store import _schema as schema


def article(index: int, **fields: object) -> Article:
    text = str(fields.pop("text", f"Invented report {index}: the ferry to Orlen ran {index} minutes late."))
    return Article(id=content_id(text), text=text, origin=f"fixture:{index}", **fields)  # type: ignore[arg-type]


def test_open_store_returns_a_store(store_url: str) -> None:
    with open_store(store_url) as store:
        assert isinstance(store, Store)
        assert store.count_articles() == 0
        assert store.stories() == []
        assert "store.sqlite" in store.location or store.location.startswith("postgresql")


def test_re_adding_an_article_is_a_no_op(store_url: str) -> None:
    first = [article(i) for i in range(5)]
    with open_store(store_url) as store:
        assert store.add_articles(first, batch_size=2) == AddResult(added=5, existing=0)
        again = [*first[:3], article(5)]
        assert store.add_articles(again) == AddResult(added=1, existing=3)
        assert store.count_articles() == 6


def test_a_repeat_within_one_batch_counts_as_existing(store_url: str) -> None:
    one = article(1)
    with open_store(store_url) as store:
        assert store.add_articles([one, one, article(2)]) == AddResult(added=2, existing=1)
        assert store.count_articles() == 2


def test_articles_keep_every_field_and_hostile_text(store_url: str) -> None:
    hostile = 'Robert\'); DROP TABLE articles;-- said "hi" \\ 100% _ naïve 東京 🚢'
    full = article(
        1,
        text=hostile,
        title="O'Brien's %s title",
        url="https://example.org/a?b=1&c='2'",
        published=date(2017, 3, 8),
        source="The Daily Invention",
        external_id="ext-1",
    )
    with open_store(store_url) as store:
        store.add_articles([full, article(2)])
        assert store.get_article(full.id) == full
        assert store.get_article(article(2).id) == article(2)
        assert store.get_article("no-such-id") is None
        assert store.count_articles() == 2


def test_articles_come_back_in_insertion_order_across_pages(store_url: str) -> None:
    count = _sql_store._PAGE * 2 + 7
    made = [article(i) for i in reversed(range(count))]  # ids not sorted, so order cannot come from them
    with open_store(store_url) as store:
        store.add_articles(iter(made), batch_size=300)  # a one-shot iterator must be enough
        assert [a.id for a in store.articles()] == [a.id for a in made]


def test_data_survives_close_and_reopen(store_url: str) -> None:
    made = [article(i) for i in range(3)]
    with open_store(store_url) as store:
        store.add_articles(made)
        store.replace_stories([Story("s1", made[:2], {made[0].id: [made[2]]})])
    with open_store(store_url) as store:
        assert list(store.articles()) == made
        assert store.stories() == [Story("s1", made[:2], {made[0].id: [made[2]]})]


def test_each_batch_commits_alone(store_url: str) -> None:
    """A batch the database rejects rolls back whole, and the batches before it stay committed."""
    broken = Article(id="broken", text=None, origin="fixture:broken")  # type: ignore[arg-type]
    good = [article(i) for i in range(3)]
    with open_store(store_url) as store:
        with pytest.raises(IntegrityError, match=r"(?i)null"):
            store.add_articles([good[0], good[1], good[2], broken], batch_size=2)
        assert [a.id for a in store.articles()] == [good[0].id, good[1].id]


def test_text_no_database_can_store_is_refused_by_name(store_url: str) -> None:
    with open_store(store_url) as store:
        with pytest.raises(ValueError, match=r"fixture:7.*NUL"):
            store.add_articles([article(7, text="before\x00after")])
        assert store.count_articles() == 0


def test_metadata_no_database_can_store_is_replaced_not_refused(store_url: str) -> None:
    odd = Article(
        id=content_id("Plain text."), text="Plain text.", origin="reports/caf\udce9.txt", title="a\x00b"
    )
    with open_store(store_url) as store:
        assert store.add_articles([odd]) == AddResult(added=1)
        stored = store.get_article(odd.id)
    assert stored is not None
    assert (stored.origin, stored.title) == ("reports/caf\ufffd.txt", "a\ufffdb")


def test_an_id_no_database_can_hold_finds_nothing(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add_articles([article(1)])
        assert store.get_story("a\x00b") is None
        assert store.get_article("a\x00b") is None
        assert store.get_article("a\ud800") is None


def test_batch_size_must_be_positive(store_url: str) -> None:
    with open_store(store_url) as store, pytest.raises(ValueError, match="batch_size"):
        store.add_articles([article(1)], batch_size=0)


def test_stories_round_trip_in_order_with_duplicates(store_url: str) -> None:
    a = [article(i, published=date(2020, 1, i + 1)) for i in range(7)]
    given = [
        Story("later", [a[3], a[0]], {a[0].id: [a[4], a[1]], a[3].id: [a[5]]}),
        Story("alone", [a[2]]),
        Story("empty", []),
    ]
    with open_store(store_url) as store:
        store.add_articles(a)
        store.replace_stories(given)
        assert store.stories() == given
        assert [list(s.duplicates) for s in store.stories()] == [[a[0].id, a[3].id], [], []]
        assert store.get_story("alone") == given[1]
        assert store.get_story("empty") == given[2]
        assert store.get_story("missing") is None


def test_replace_stories_swaps_the_whole_assignment(store_url: str) -> None:
    a = [article(i) for i in range(4)]
    with open_store(store_url) as store:
        store.add_articles(a)
        store.replace_stories([Story("x", a[:2]), Story("y", a[2:])])
        store.replace_stories([Story("y", [a[0]], {a[0].id: [a[3]]}), Story("z", [a[1]])])
        assert store.stories() == [Story("y", [a[0]], {a[0].id: [a[3]]}), Story("z", [a[1]])]
        assert store.get_story("x") is None
        store.replace_stories([])
        assert store.stories() == []
        assert store.count_articles() == 4  # stories come and go; articles stay


def test_stories_computed_from_a_stale_article_count_are_refused(store_url: str) -> None:
    a = [article(i) for i in range(3)]
    with open_store(store_url) as store:
        store.add_articles(a[:2])
        store.replace_stories([Story("x", a[:2])], article_count=2)
        store.add_articles(a[2:])  # another writer, between clustering and the swap
        with pytest.raises(StaleStoriesError, match="cluster again"):
            store.replace_stories([Story("y", a[:1])], article_count=2)
        assert store.stories() == [Story("x", a[:2])]
        store.replace_stories([Story("z", a)], article_count=3)
        assert [s.id for s in store.stories()] == ["z"]


def test_stories_naming_unstored_articles_are_refused_and_keep_the_old_ones(store_url: str) -> None:
    stored, unstored = article(1), article(2)
    with open_store(store_url) as store:
        store.add_articles([stored])
        store.replace_stories([Story("old", [stored])])
        with pytest.raises(ValueError, match=f"{unstored.id}.*add_articles"):
            store.replace_stories([Story("new", [stored], {stored.id: [unstored]})])
        assert store.stories() == [Story("old", [stored])]


def test_a_replacement_failing_mid_way_leaves_the_old_assignment(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inject a constraint violation into the last insert, after the old rows were deleted."""
    a = [article(i) for i in range(3)]
    real_rows = _sql_store._story_rows

    def rows_with_a_clash(stories: list[Story]) -> tuple[list[dict], list[dict]]:
        story_rows, member_rows = real_rows(stories)
        return story_rows, [*member_rows, dict(member_rows[0])]  # same (story, article) key twice

    with open_store(store_url) as store:
        store.add_articles(a)
        store.replace_stories([Story("old", a[:2])])
        monkeypatch.setattr(_sql_store, "_story_rows", rows_with_a_clash)
        with pytest.raises(IntegrityError, match=r"(?i)unique|duplicate"):
            store.replace_stories([Story("new", [a[2]])])
        assert store.stories() == [Story("old", a[:2])]


@pytest.mark.parametrize(
    ("make_stories", "message"),
    [
        (lambda a: [Story("s", [a[0]]), Story("s", [a[1]])], "appears twice"),
        (lambda a: [Story("s", [a[0]], {a[1].id: [a[2]]})], "not one of its articles"),
        (lambda a: [Story("s", [a[0], a[1]], {a[0].id: [a[1]]})], "more than once"),
    ],
)
def test_inconsistent_stories_are_refused_with_a_reason(store_url: str, make_stories, message: str) -> None:
    a = [article(i) for i in range(3)]
    with open_store(store_url) as store:
        store.add_articles(a)
        with pytest.raises(ValueError, match=message):
            store.replace_stories(make_stories(a))
        assert store.stories() == []


def test_ingest_runs_are_recorded_with_their_failures(store_url: str) -> None:
    failures = [InputFailure("a.html", "not HTML"), InputFailure("b.json", "line 3 is not JSON")]
    with open_store(store_url) as store:
        first = store.start_run()
        store.finish_run(first, AddResult(added=4, existing=1), failures)
        second = store.start_run()  # never finished, as when the process is killed
        runs = store.runs()
    assert [r.id for r in runs] == [first, second]
    assert (runs[0].added, runs[0].existing, runs[0].failures) == (4, 1, tuple(failures))
    assert runs[0].finished is not None and runs[0].finished >= runs[0].started
    assert runs[1].finished is None and runs[1].failures == ()


def test_finishing_an_unknown_run_is_refused(store_url: str) -> None:
    with open_store(store_url) as store, pytest.raises(ValueError, match="no ingest run 999"):
        store.finish_run(999, AddResult())


def test_migrations_build_exactly_the_schema_the_queries_use(store_url: str) -> None:
    with open_store(store_url) as store:
        inspector = inspect(store._engine)  # type: ignore[attr-defined]
        built = {name: [c["name"] for c in inspector.get_columns(name)] for name in schema.metadata.tables}
    assert built == {name: [c.name for c in table.columns] for name, table in schema.metadata.tables.items()}


def test_a_database_from_newer_code_is_refused(store_url: str) -> None:
    with open_store(store_url) as store, store._engine.begin() as conn:  # type: ignore[attr-defined]
        conn.execute(
            schema.schema_version.insert().values(version=999, description="future", applied_at=date.today())
        )
    with pytest.raises(StoreError, match=r"schema version 999.*newer storyweave"):
        open_store(store_url)


def test_concurrent_first_opens_migrate_once(store_url: str) -> None:
    """Two openers racing on an empty database must not both create the tables."""
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def open_and_close() -> None:
        start.wait()
        try:
            open_store(store_url).close()
        except BaseException as exc:
            errors.append(exc)

    openers = [threading.Thread(target=open_and_close) for _ in range(4)]
    for opener in openers:
        opener.start()
    for opener in openers:
        opener.join()
    assert errors == []
    with open_store(store_url) as store, store._engine.connect() as conn:  # type: ignore[attr-defined]
        versions = conn.execute(select(schema.schema_version.c.version)).scalars().all()
    assert versions == list(range(1, LATEST_VERSION + 1))
