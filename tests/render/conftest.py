"""Briefs shared by the render tests: an ordinary one and one built entirely from hostile report text."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import pytest

from storyweave.model import Brief, CitedSentence, SourceRef

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
def hostile_brief() -> Brief:
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
