"""Stated claims kept per article, tagger and version: every backend (see conftest.store_url)."""

from __future__ import annotations

import threading
from datetime import datetime

from sqlalchemy import Engine, create_engine, insert, make_url, select

from storyweave.model import Article, ChainLink, Quantity, Span, StatedClaim, content_id
from storyweave.store import LATEST_VERSION, open_store
from storyweave.store import _schema as schema
from storyweave.store._migrations import MIGRATIONS


def _article(text: str) -> Article:
    return Article(id=content_id(text), text=text, origin="fixture")


def _claim(article: Article, text: str) -> StatedClaim:
    start = article.text.index(text)
    return StatedClaim(
        article_id=article.id,
        start=start,
        end=start + len(text),
        text=text,
        kind="fact",
        certainty="hedged",
        chain=(
            ChainLink(0, 6, "Radio", anonymous=False, role="outlet"),
            ChainLink(8, 11, "she", anonymous=True, role="spokesperson", refers_to="a spokeswoman"),
        ),
        cue=Span(12, 16, "said"),
        hedges=("may",),
        quantities=(Quantity(0, 2, "12", value=12.0, low=10.0, unit="dead", vague=True),),
    )


HOSTILE = 'Radio, "she" said 12 \'); DROP TABLE stated_claims;-- naïve 東京 🚢 may have died.'


def test_kept_claims_come_back_whole_for_their_tagger_and_version_only(store_url: str) -> None:
    report, other = _article(HOSTILE), _article("Another report says nothing at all.")
    claims = (_claim(report, "DROP TABLE stated_claims;--"), _claim(report, "may have died"))
    with open_store(store_url) as store:
        store.add_articles([report, other])
        store.save_stated_claims("contextual", "v1", {report.id: claims, other.id: ()})
        assert store.stated_claims([report.id, other.id], "contextual", "v1") == {
            report.id: claims,
            other.id: (),
        }
        assert store.stated_claims([report.id], "contextual", "v2") == {}
        assert store.stated_claims([report.id], "words", "v1") == {}
        assert store.stated_claims([], "contextual", "v1") == {}


def test_a_new_version_replaces_the_old_one_and_other_taggers_stay(store_url: str) -> None:
    report = _article(HOSTILE)
    first, second = (_claim(report, "may have died"),), (_claim(report, "12"),)
    with open_store(store_url) as store:
        store.add_articles([report])
        store.save_stated_claims("words", "v1", {report.id: first})
        store.save_stated_claims("contextual", "v1", {report.id: first})
        store.save_stated_claims("contextual", "v2", {report.id: second})
        assert store.stated_claims([report.id], "contextual", "v1") == {}
        assert store.stated_claims([report.id], "contextual", "v2") == {report.id: second}
        assert store.stated_claims([report.id], "words", "v1") == {report.id: first}


def test_claims_of_articles_not_in_the_store_are_skipped(store_url: str) -> None:
    stored, stranger = _article(HOSTILE), _article("A report nobody stored.")
    with open_store(store_url) as store:
        store.add_articles([stored])
        store.save_stated_claims("words", "v1", {stranger.id: (), stored.id: ()})
        assert store.stated_claims([stored.id, stranger.id], "words", "v1") == {stored.id: ()}


def test_many_articles_are_read_and_written_in_pages(store_url: str) -> None:
    reports = [_article(f"Report {index} of the pile says the ferry left.") for index in range(1_203)]
    with open_store(store_url) as store:
        store.add_articles(reports)
        store.save_stated_claims("words", "v1", {report.id: () for report in reports})
        assert len(store.stated_claims([r.id for r in reports], "words", "v1")) == len(reports)


def _engine(store_url: str) -> Engine:
    if "://" not in store_url:
        return create_engine(f"sqlite:///{store_url}")
    return create_engine(make_url(store_url).set(drivername="postgresql+psycopg"))


def test_a_version_1_store_is_upgraded_and_keeps_its_articles(store_url: str) -> None:
    engine = _engine(store_url)
    with engine.begin() as conn:
        MIGRATIONS[0].apply(conn)
        conn.execute(
            insert(schema.schema_version).values(version=1, description="v1", applied_at=datetime(2026, 1, 1))
        )
        conn.execute(insert(schema.articles).values(id="a1", text="An old report.", origin="old"))
    engine.dispose()
    with open_store(store_url) as store:
        assert store.get_article("a1") is not None
        store.save_stated_claims("words", "v1", {"a1": ()})
        assert store.stated_claims(["a1"], "words", "v1") == {"a1": ()}
        with store._engine.connect() as conn:  # type: ignore[attr-defined]
            versions = conn.execute(select(schema.schema_version.c.version)).scalars().all()
    assert versions == list(range(1, LATEST_VERSION + 1))


def test_a_row_that_cannot_be_read_back_counts_as_not_kept(store_url: str) -> None:
    report = _article(HOSTILE)
    with open_store(store_url) as store:
        store.add_articles([report])
        with store._engine.begin() as conn:  # type: ignore[attr-defined]
            row = {"article_id": report.id, "tagger": "words", "version": "v1", "claims": '[{"start": 1}'}
            conn.execute(insert(schema.stated_claims).values(**row))
        assert store.stated_claims([report.id], "words", "v1") == {}


def test_saving_nothing_is_a_no_op(store_url: str) -> None:
    with open_store(store_url) as store:
        store.save_stated_claims("contextual", "v1", {})
        assert store.stated_claims(["x"], "contextual", "v1") == {}


def test_writers_saving_the_same_report_at_once_all_succeed(store_url: str) -> None:
    """Two web workers may brief one story together; the database settles who wins, nobody fails."""
    report = _article(HOSTILE)
    with open_store(store_url) as store:
        store.add_articles([report])
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def save(version: str) -> None:
        with open_store(store_url) as store:
            start.wait()
            try:
                for _ in range(10):
                    store.save_stated_claims("words", version, {report.id: (_claim(report, "12"),)})
            except BaseException as exc:
                errors.append(exc)

    writers = [threading.Thread(target=save, args=(f"v{index}",)) for index in range(4)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert errors == []
    with open_store(store_url) as store:
        kept = [store.stated_claims([report.id], "words", f"v{index}") for index in range(4)]
    assert sum(bool(found) for found in kept) == 1
