from __future__ import annotations

import re
from dataclasses import replace

import pytest

from storyweave.model import CitedSentence
from storyweave.render import render_markdown
from storyweave.render._markdown import escape_markdown

markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py renders the Markdown for checking")


def _to_html(markdown: str) -> str:
    # The CommonMark preset passes raw HTML through, as permissive viewers do: the worst case for us.
    return markdown_it.MarkdownIt("commonmark").render(markdown)


def test_citation_markers_link_to_source_anchors(ordinary_brief):
    text = render_markdown(ordinary_brief)
    cited = re.findall(r"\]\(#(source-\d+)\)", text)
    anchors = re.findall(r'<a id="(source-\d+)"></a>', text)
    assert cited == ["source-1", "source-2", "source-2", "source-3"]
    assert anchors == ["source-1", "source-2", "source-3"]


def test_every_source_listed_with_outlet_date_and_link(ordinary_brief):
    text = render_markdown(ordinary_brief)
    sources = text.split("## Sources", 1)[1]
    first = (
        '1. <a id="source-1"></a>**Valley Post** · 2026-03-04 · [Grain store burns](https://example.org/a)'
    )
    assert first in sources
    assert "**Harbour Courier** · 2026-03-05 · No injuries in store fire — reports/b.txt" in sources
    assert "also ran in: Ridge Daily, valley  post" not in sources  # whitespace collapsed
    assert "also ran in: Ridge Daily, valley post" in sources
    assert "**unknown outlet** · date unknown · (untitled report) — ftp://example.org/c" in sources


def test_header_shows_date_range_and_counts(ordinary_brief):
    head = render_markdown(ordinary_brief).splitlines()
    assert head[0] == "# Fire destroys grain store in Marlow Cross"
    # Valley Post also appears folded into source 2, so three outlets, not four.
    assert head[2] == "*2026-03-04 – 2026-03-06* · 3 sources · 3 outlets"


def test_rendered_markdown_links_resolve(ordinary_brief, parse_elements):
    elements = parse_elements(_to_html(render_markdown(ordinary_brief)))
    ids = {a["id"] for _, a in elements if a.get("id")}
    internal = [a["href"][1:] for t, a in elements if t == "a" and (a.get("href") or "").startswith("#")]
    assert internal and set(internal) <= ids


def test_hostile_text_cannot_become_a_link_or_html(hostile_brief, assert_nothing_executable, parse_elements):
    text = render_markdown(hostile_brief)
    html = _to_html(text)
    assert_nothing_executable(html)
    hrefs = [a["href"] for t, a in parse_elements(html) if t == "a" and a.get("href")]
    assert all(h.startswith(("#source-", "https://e.org/")) for h in hrefs), hrefs
    # The quote in the https URL is percent-encoded, so it cannot end the destination or add a title.
    assert "https://e.org/%22onmouseover=%22x" in hrefs


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("1. not a list", "1\\. not a list"),
        ("- not a bullet", "\\- not a bullet"),
        ("# not a heading", "\\# not a heading"),
        ("a | b", "a \\| b"),
        ("line\nbreak", "line break"),
        ("AT&T &amp; co", "AT&T &amp;amp; co"),
    ],
)
def test_escape_markdown_keeps_text_literal(raw, shown):
    assert escape_markdown(raw) == shown


def test_dangling_citation_is_refused_with_a_clear_message(ordinary_brief):
    ordinary_brief.summary.append(CitedSentence("Unsupported claim.", "art9", (9,)))
    with pytest.raises(ValueError, match=r"sentence 4 cites source\(s\) \[9\]"):
        render_markdown(ordinary_brief)


def test_duplicate_source_numbers_are_refused(ordinary_brief):
    ordinary_brief.sources.append(replace(ordinary_brief.sources[0], article_id="other"))
    with pytest.raises(ValueError, match="more than once"):
        render_markdown(ordinary_brief)
