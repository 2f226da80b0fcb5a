"""Briefs shared by the render tests: an ordinary one, the same with claims, conflicts and a timeline, and
one built entirely from hostile report text."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from html.parser import HTMLParser

import pytest

from storyweave.model import (
    Brief,
    ChainLink,
    CitedSentence,
    Claim,
    Conflict,
    Entity,
    Mention,
    Quantity,
    SourceRef,
    TimelineEntry,
)

HOSTILE = '<script>alert(1)</script> " onerror="x [x](javascript:alert(1)) <img src=x onerror=alert(1)>'


@pytest.fixture
def ordinary_brief() -> Brief:
    return Brief(
        story_id="a1b2c3d4e5f6a7b8c9d0",
        headline="Fire destroys grain store in Marlow Cross",
        first_published=date(2026, 3, 4),
        last_published=date(2026, 3, 6),
        summary=[
            CitedSentence("A fire destroyed the co-operative grain store on Tuesday night.", "art1", (1, 2)),
            CitedSentence("Officials said nobody was hurt.", "art2", (2,)),
            CitedSentence("The cause is still unknown, fire crews said.", "art3", (3,)),
        ],
        sources=[
            SourceRef(
                1,
                "art1",
                "Grain store burns",
                "Valley Post",
                date(2026, 3, 4),
                "https://example.org/a",
                "a.txt",
            ),
            SourceRef(
                2,
                "art2",
                "No injuries in store fire",
                "Harbour Courier",
                date(2026, 3, 5),
                None,
                "reports/b.txt",
                also_from=("Ridge Daily", "valley  post"),
            ),
            SourceRef(3, "art3", None, None, None, "ftp://example.org/c", "c.jsonl:3"),
        ],
    )


@pytest.fixture
def full_brief(ordinary_brief: Brief) -> Brief:
    """The ordinary brief with every optional section filled, each cue and certainty kind represented."""
    return replace(
        ordinary_brief,
        claims=[
            Claim(
                "The blaze started in the drying room.",
                "art1",
                "Fire chief Ann Lee",
                "said",
                "asserted",
                supported_by=(1, 2),
                contradicted_by=(3,),
            ),
            Claim(
                "The store was insured.",
                "art2",
                None,
                "reportedly",
                "hedged",
                ("reportedly", "may"),
                supported_by=(2,),
            ),
            Claim("Nobody was hurt.", "art2", None, None, "reported", supported_by=(1, 2)),
            Claim("Arson was involved.", "art3", "Police", "denied", "denied", contradicted_by=(3,)),
            Claim(
                "Over forty drums of solvent were stored inside.",
                "art3",
                "a firefighter",
                "told",
                "hedged",
                ("unconfirmed",),
                supported_by=(2, 3),
                chain=(
                    ChainLink(0, 13, "Harbour Radio", anonymous=False, role="outlet"),
                    ChainLink(22, 25, "she", anonymous=True, refers_to="a firefighter"),
                ),
                quantities=(Quantity(0, 15, "Over forty drums", 40, low=40, unit="drums"),),
                independent=1,
            ),
            Claim(
                "Burn them all!",
                "art1",
                "a protester",
                "shouted",
                "reported",
                kind="rhetoric",
                supported_by=(1,),
            ),
        ],
        conflicts=[
            Conflict(
                "number",
                "Reports give different numbers of fire crews at the scene.",
                (("six crews", (1,)), ("nine crews", (2, 3))),
                chains=((), (ChainLink(10, 22, "fire service", anonymous=False, role="officials"),)),
            )
        ],
        entities=[
            Entity(
                "Marlow Cross Co-operative",
                (Mention("art1", 4, 29, "Marlow Cross Co-operative"), Mention("art2", 0, 9, "the co-op")),
                kind="organization",
            ),
            Entity("Ann Lee", (Mention("art1", 50, 57, "Ann Lee"),), kind="person"),
        ],
        timeline=[
            TimelineEntry(
                "2025-10",
                "month",
                "The store was last inspected in October 2025.",
                "October 2025",
                "art1",
                (1,),
            ),
            TimelineEntry(
                "2026-03-03", "day", "The fire broke out on Tuesday night.", "Tuesday night", "art1", (1, 2)
            ),
        ],
        undated=[
            TimelineEntry(
                "XXXX-XX-XX",
                "unknown",
                "Repairs began last month, a worker said.",
                "last month",
                "art3",
                (3,),
            )
        ],
    )


@pytest.fixture
def hostile_brief() -> Brief:
    hostile_entry = TimelineEntry(HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE, (1,))
    return Brief(
        story_id="../../" + HOSTILE,
        headline=HOSTILE,
        first_published=date(2026, 1, 2),
        last_published=date(2026, 1, 2),
        summary=[CitedSentence(HOSTILE + " javascript:alert(1)", "x", (1,))],
        sources=[
            SourceRef(
                1,
                "x",
                HOSTILE,
                HOSTILE,
                date(2026, 1, 2),
                "javascript:alert(1)",
                HOSTILE,
                also_from=(HOSTILE,),
            ),
            SourceRef(2, "y", "[x](javascript:alert(1))", "Out", None, 'https://e.org/"onmouseover="x', "y"),
            SourceRef(3, "z", "tab trick", "Out", None, "java\tscript:alert(1)", "z"),
            SourceRef(4, "w", "data url", "Out", None, "data:text/html,<script>alert(1)</script>", "w"),
        ],
        claims=[
            Claim(HOSTILE, "x", HOSTILE, HOSTILE, HOSTILE, (HOSTILE, "| a | b |"), (1, 2), (3,)),
            Claim("| 1. cell | breaker |", "y", None, "[x](javascript:alert(1))", "hedged"),
            Claim(
                "x",
                "x",
                None,
                None,
                "reported",
                kind=HOSTILE,
                chain=(ChainLink(0, 1, HOSTILE, anonymous=True, role=HOSTILE, refers_to=HOSTILE),),
                quantities=(Quantity(0, 1, HOSTILE, 1.0, unit=HOSTILE),),
            ),
        ],
        conflicts=[
            Conflict(
                HOSTILE,
                HOSTILE,
                ((HOSTILE, (1,)), ("- item\n# heading", (4,))),
                chains=((ChainLink(0, 1, HOSTILE, anonymous=False),), ()),
            )
        ],
        entities=[
            Entity(HOSTILE, (Mention("x", 0, 1, HOSTILE), Mention("x", 2, 3, "| x | " + HOSTILE)), HOSTILE)
        ],
        timeline=[hostile_entry, replace(hostile_entry, when='2016-10" onmouseover="x')],
        undated=[hostile_entry],
    )


class ElementCollector(HTMLParser):
    """Every start tag with its attributes, as a browser's tokenizer would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def _parse_elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    collector = ElementCollector()
    collector.feed(html)
    collector.close()
    return collector.elements


def _assert_nothing_executable(html: str) -> None:
    """No script elements, no event-handler attributes, no link or resource with a code-running scheme."""
    for tag, attrs in _parse_elements(html):
        assert tag not in {"script", "iframe", "object", "embed", "img", "form", "base"}, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in {"href", "src", "action", "formaction"}:
                scheme = (value or "").strip().split(":", 1)[0].lower() if ":" in (value or "") else ""
                assert scheme in {"", "http", "https"}, (tag, name, value)


@pytest.fixture
def parse_elements():
    return _parse_elements


@pytest.fixture
def assert_nothing_executable():
    return _assert_nothing_executable
