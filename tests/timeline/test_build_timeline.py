"""build_timeline on invented reports: date order, merged sources, datelines skipped, undated kept apart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyweave.model import Article
from storyweave.timeline import build_timeline
from storyweave.timeline._values import calendar_start

_FIRST = (
    "HARBOURTOWN, March 8, 2017 —\n"
    "The ferry company said on Wednesday that its new vessel would be delayed.\n"
    "Five months ago, workers at the yard began welding the hull.\n"
    "By January, the engines had been fitted, and sea trials started only last month."
)
_SECOND = "Sea trials started only last month, the ferry company confirmed in a statement to reporters."


def _article(identifier: str, text: str, published: date | None) -> Article:
    return Article(id=identifier, text=text, origin=f"{identifier}.txt", published=published)


def test_entries_are_in_date_order_with_granularity() -> None:
    dated, undated = build_timeline([_article("a", _FIRST, date(2017, 3, 8))])
    assert [(e.when, e.granularity, e.expression) for e in dated] == [
        ("2016-10", "month", "Five months ago"),
        ("2017-01", "month", "January"),
        ("2017-02", "month", "last month"),
        ("2017-03-08", "day", "Wednesday"),
    ]
    assert undated == []
    assert all(e.article_id == "a" and e.sources == (1,) for e in dated)


def test_the_dateline_is_not_an_event() -> None:
    dated, _ = build_timeline([_article("a", _FIRST, date(2017, 3, 8))])
    assert not any("HARBOURTOWN" in e.text for e in dated)


def test_a_dateline_without_a_year_does_not_date_the_opening_sentence() -> None:
    text = (
        "KESTRELMOUTH, March 7 (Coastal Wire) - Harbour pilots said on Tuesday that dredging of the "
        "outer channel had stopped after a survey vessel ran aground there."
    )
    dated, _ = build_timeline([_article("a", text, date(2019, 3, 7))])
    assert [(e.when, e.expression) for e in dated] == [("2019-03-05", "Tuesday")]


def test_a_date_in_running_text_still_dates_its_sentence() -> None:
    text = "Harbour pilots said dredging of the outer channel stopped on March 7 after a vessel ran aground."
    dated, _ = build_timeline([_article("a", text, date(2019, 3, 9))])
    assert [(e.when, e.expression) for e in dated] == [("2019-03-07", "March 7")]


def test_same_event_and_date_in_two_reports_is_one_entry_citing_both() -> None:
    articles = [
        _article(
            "a",
            "Sea trials started only last month, the ferry company said in a statement.",
            date(2017, 3, 8),
        ),
        _article("b", _SECOND, date(2017, 3, 9)),
    ]
    dated, _ = build_timeline(articles, source_numbers={"a": 3, "b": 5})
    assert len(dated) == 1
    assert dated[0].when == "2017-02" and dated[0].sources == (3, 5)


def test_same_words_on_different_dates_stay_apart() -> None:
    articles = [_article("a", _SECOND, date(2017, 3, 8)), _article("b", _SECOND, date(2017, 6, 1))]
    dated, _ = build_timeline(articles)
    assert [(e.when, e.sources) for e in dated] == [("2017-02", (1,)), ("2017-05", (2,))]


def test_undated_report_gives_no_invented_dates() -> None:
    dated, undated = build_timeline([_article("a", _FIRST, None)])
    assert all(e.when[:4].isdigit() for e in dated)
    assert {e.expression for e in undated} == {"Five months ago", "January", "Wednesday"}
    assert any("last month" in e.text for e in undated)
    assert all(e.when == "XXXX-XX-XX" and e.granularity == "unknown" for e in undated)


def test_the_cap_prefers_distinct_dates() -> None:
    lines = [f"The union held rally number {n} in the square last month." for n in range(5)]
    lines.append("The mayor opened the new market hall in August 2014 with a speech.")
    dated, _ = build_timeline([_article("a", "\n".join(lines), date(2017, 3, 8))], max_entries=2)
    assert sorted(e.when for e in dated) == ["2014-08", "2017-02"]


def test_rejects_a_cap_below_one() -> None:
    with pytest.raises(ValueError, match="max_entries"):
        build_timeline([], max_entries=0)


_SEEDS = Path(__file__).resolve().parents[3] / "shared" / "data" / "seeds"


@pytest.mark.skipif(not _SEEDS.is_dir(), reason="shared/data/seeds is not present in this checkout")
def test_seed_reports_are_dated_and_kept_apart() -> None:
    mosul = _article(
        "mosul", (_SEEDS / "000_88c2f6e5c8816323.txt").read_text(encoding="utf-8"), date(2017, 3, 8)
    )
    syria = _article(
        "syria", (_SEEDS / "001_206f960c28d92c5a.txt").read_text(encoding="utf-8"), date(2014, 8, 23)
    )
    dated, _ = build_timeline([mosul, syria])
    found = {(e.when, e.expression.lower(), e.article_id) for e in dated}
    assert ("2016-10", "five months ago", "mosul") in found
    assert ("2017-02", "last month", "mosul") in found
    assert ("2017-01", "january", "mosul") in found
    assert ("2014-W33", "last week", "syria") in found
    starts = [calendar_start(e.when) for e in dated]
    assert None not in starts and starts == sorted(starts)


def test_within_a_day_morning_comes_before_afternoon_and_clock_times_fall_in_between() -> None:
    text = (
        "The senators met again on Friday afternoon to draft the final text of the budget. "
        "Committee staff had gathered on Friday morning to review the amendments one by one. "
        "The vote was finally called at 1:30 p.m. on Friday by the majority leader."
    )
    dated, _ = build_timeline([_article("a", text, date(2015, 3, 28))])
    assert [e.when for e in dated] == ["2015-03-27TMO", "2015-03-27T13:30", "2015-03-27TAF"]


def test_a_weekend_starts_on_its_saturday() -> None:
    assert calendar_start("2014-W26-WE") == date(2014, 6, 28)
    assert calendar_start("2014-W26") == date(2014, 6, 23)


def test_a_sentence_is_filed_under_the_date_of_its_own_event() -> None:
    text = (
        "A candlelit vigil was held on the quayside on Sunday night for the victims of Saturday's ferry "
        "disaster on the lake. Orrin Lake Lines, which has run the Dunmere–Halbrook crossing since 2011, "
        "said on Monday that it would cooperate with the inquiry. "
        "The building, which dates from the 1960s, will be demolished."
    )
    dated, _ = build_timeline([_article("a", text, date(2026, 3, 24))])
    assert [(e.when, e.expression) for e in dated] == [
        ("196", "the 1960s"),  # the only date it has: kept
        ("2026-03-22TNI", "Sunday night"),
        ("2026-03-23", "Monday"),
    ]


def test_page_furniture_and_headings_are_no_timeline_entries_but_any_event_is() -> None:
    text = (
        "Severe weather halts Monday practice at the Masters\n"
        "Watch the video of Monday's storm at https://example.org/video.\n"
        "Also on Monday, a second bomb exploded near the harbour gate.\n"
        "March 24, 2014 - Storm hits the harbour town of Kestrelmouth\n"
        "eBay said on Monday that its site had been down for three hours."
    )
    dated, _ = build_timeline([_article("a", text, date(2014, 3, 26))])
    assert [e.text[:20] for e in dated] == [
        "Also on Monday, a se",
        "March 24, 2014 - Sto",
        "eBay said on Monday ",
    ]


def test_a_possessive_subject_and_a_where_clause_date_their_own_events() -> None:
    text = (
        "Saturday's earthquake killed more than 200 people in the hills, officials said on Monday. "
        "More than 50 protesters turned up on Friday at the gates, police said on Sunday. "
        "The climber was flown to Paris on Thursday, where he died on Sunday in hospital."
    )
    dated, _ = build_timeline([_article("a", text, date(2014, 3, 26))])
    assert sorted({e.expression for e in dated}) == ["Friday", "Monday", "Saturday's", "Sunday", "Thursday"]


@pytest.mark.parametrize(
    ("text", "expressions"),
    [
        ("Prices have risen 40 percent since 2020, the bank said on Monday.", ["Monday"]),
        ("A man was charged on Tuesday in connection with Saturday's bombing.", ["Tuesday"]),
        ("The man – who had fled on Friday – was caught on Monday.", ["Monday"]),
        ("Last updated on Monday, March 23, 2026 at 10:42 a.m.", []),
        ("Will the ferry sail again before Easter, or will the line fold on Monday?", []),
        ("Also read: How the ferry capsized on Saturday.", []),
        (
            "Three people were killed during Saturday's protests, police said on Monday.",
            ["Saturday's", "Monday"],
        ),
        ("The judge also read out the verdict on Tuesday, ending the trial.", ["Tuesday"]),
        ("Posted to Kabul in 2009, the officer was killed on March 3.", ["2009", "March 3"]),
    ],
)
def test_spans_references_updates_and_questions_date_no_event(text: str, expressions: list[str]) -> None:
    dated, _ = build_timeline([_article("a", text, date(2026, 3, 25))])
    assert [e.expression for e in dated] == expressions
