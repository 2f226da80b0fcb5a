from __future__ import annotations

import re

from storyweave.render import render_html
from storyweave.render._html import CONTENT_SECURITY_POLICY


def test_every_citation_links_to_a_listed_source(ordinary_brief, parse_elements):
    elements = parse_elements(render_html(ordinary_brief))
    anchors = {attrs["id"] for _, attrs in elements if attrs.get("id")}
    cited = [attrs["href"] for tag, attrs in elements if tag == "a" and (attrs["href"] or "").startswith("#")]
    assert cited == ["#source-1", "#source-2", "#source-2", "#source-3"]
    assert {href[1:] for href in cited} <= anchors
    assert {f"source-{ref.number}" for ref in ordinary_brief.sources} <= anchors


def test_citations_are_superscript_links(ordinary_brief):
    html = render_html(ordinary_brief)
    assert '<sup class="cite"><a href="#source-2"' in html


def test_sources_show_outlet_date_and_safe_links(ordinary_brief, parse_elements):
    html = render_html(ordinary_brief)
    assert "Valley Post" in html and "Harbour Courier" in html and "2026-03-05" in html
    assert "Also ran in: Ridge Daily, valley post" in html
    external = [attrs["href"] for tag, attrs in parse_elements(html) if tag == "a" and "rel" in attrs]
    # Source 3 has an ftp URL: shown, but not a link.
    assert external == ["https://example.org/a"]
    assert "ftp://example.org/c" in html
    assert "reports/b.txt" in html  # no URL: the origin is shown instead


def test_page_is_self_contained_with_strict_policy(ordinary_brief, parse_elements):
    html = render_html(ordinary_brief)
    elements = parse_elements(html)
    policies = [a["content"] for tag, a in elements if tag == "meta" and a.get("http-equiv")]
    assert policies == [CONTENT_SECURITY_POLICY]
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY
    assert not any(tag in {"link", "script", "img"} for tag, _ in elements)
    assert not re.search(r"url\(|@import", html)


def test_hostile_text_yields_no_executable_markup(hostile_brief, assert_nothing_executable, parse_elements):
    html = render_html(hostile_brief)
    assert_nothing_executable(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    links = [a["href"] for tag, a in parse_elements(html) if tag == "a" and "rel" in a]
    # Only the https URL became a link, and its quote could not break out of the attribute.
    assert links == ['https://e.org/"onmouseover="x']
    assert "javascript:alert(1)" in html  # shown to the reader as text


def test_missing_dates_and_empty_summary_are_said_plainly(ordinary_brief):
    ordinary_brief.summary = []
    ordinary_brief.first_published = ordinary_brief.last_published = None
    html = render_html(ordinary_brief)
    assert "date unknown" in html
    assert "No summary could be written" in html
