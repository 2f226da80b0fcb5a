from __future__ import annotations

import re
from dataclasses import replace

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


def _section(html: str, name: str) -> str:
    found = re.search(rf'<section class="{name}">\n(.*?)</section>', html, re.DOTALL)
    assert found, f"no {name} section"
    return found[1]


def test_sections_sit_between_summary_and_sources_in_order(full_brief, ordinary_brief):
    html = render_html(full_brief)
    assert re.findall(r'<section class="(\w+)">', html) == [
        "summary",
        "conflicts",
        "claims",
        "entities",
        "timeline",
        "sources",
    ]
    assert re.findall(r"<h2>(.*?)</h2>", html) == [
        "Where sources disagree",
        "Claims",
        "Names and aliases",
        "Timeline",
        "Sources",
    ]
    assert re.findall(r'<section class="(\w+)">', render_html(ordinary_brief)) == ["summary", "sources"]


def test_conflicts_list_each_side_with_its_citations(full_brief):
    section = _section(render_html(full_brief), "conflicts")
    assert '<li><span class="slot">number</span>: Reports give different numbers of fire crews' in section
    sides = (
        r'<span class="value">(.*?)</span>((?:<sup.*?</sup>)*)(?: <span class="muted">via .*?</span>)?</li>'
    )
    assert re.findall(sides, section) == [
        ("six crews", '<sup class="cite"><a href="#source-1" aria-label="source 1">[1]</a></sup>'),
        (
            "nine crews",
            '<sup class="cite"><a href="#source-2" aria-label="source 2">[2]</a></sup>'
            '<sup class="cite"><a href="#source-3" aria-label="source 3">[3]</a></sup>',
        ),
    ]


def test_claims_table_has_type_chain_certainty_and_outlets(full_brief):
    section = _section(render_html(full_brief), "claims")
    headers = re.findall(r"<th>(.*?)</th>", section)
    assert headers == [
        "Claim",
        "Type",
        "Who says it (outermost first)",
        "Certainty",
        "Outlets for",
        "Outlets against",
    ]
    rows = [
        [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td>(.*?)</td>", row)]
        for row in re.findall(r"<tr class=\"claim-\w+\"><td>.*?</tr>", section)
    ]
    assert rows == [
        [
            "The blaze started in the drying room.",
            "fact",
            "Fire chief Ann Lee (said)",
            "asserted",
            "[1][2]",
            "[3]",
        ],
        [
            "The store was insured.",
            "fact",
            "unnamed source (reportedly)",
            "hedged: reportedly, may",
            "[2]",
            "—",
        ],
        ["Nobody was hurt.", "fact", "the reporter", "reported", "[1][2]", "—"],
        ["Arson was involved.", "fact", "Police (denied)", "denied", "—", "[3]"],
        [
            "Over forty drums of solvent were stored inside.figures: ≥ 40 drums",
            "fact",
            "Harbour Radio (outlet) → she [a firefighter] (anonymous); cue: told",
            "hedged: unconfirmed",
            "[2][3] (2 reports, 1 independent)",
            "—",
        ],
        [
            "Burn them all!",
            "rhetoric (quoted; not a factual claim)",
            "a protester (shouted)",
            "reported",
            "[1]",
            "—",
        ],
    ]
    assert '<tr class="claim-rhetoric">' in section


def test_conflict_sides_show_the_chain_they_come_through(full_brief):
    section = _section(render_html(full_brief), "conflicts")
    assert 'nine crews</span><sup class="cite">' in section
    assert '<span class="muted">via fire service (officials)</span>' in section


def test_alias_section_lists_other_names_with_citations(full_brief):
    section = _section(render_html(full_brief), "entities")
    assert "<strong>Marlow Cross Co-operative</strong>" in section and "also the co-op" in section
    assert "Ann Lee" not in section  # named one way only: no alias to explain


def test_timeline_is_dated_in_order_and_undated_entries_kept_apart(full_brief):
    section = _section(render_html(full_brief), "timeline")
    dated, undated = section.split("<h3>Undated</h3>")
    assert re.findall(r'<time class="when" datetime="([^"]+)">([^<]+)</time> — ([^<]+?) <span', dated) == [
        ("2025-10", "October 2025", "The store was last inspected in October 2025."),
        ("2026-03-03", "3 March 2026", "The fire broke out on Tuesday night."),
    ]
    assert "(from “Tuesday night”)" in dated
    assert "<time" not in undated and "XXXX" not in section
    assert '<ul class="undated">' in undated and "Not placed on the timeline" in undated
    assert '<span class="when">undated</span> — Repairs began last month, a worker said.' in undated


def test_dates_without_an_html_form_are_not_marked_up_as_times(full_brief):
    full_brief.timeline = [
        replace(entry, when="2025-Q4", granularity="quarter") for entry in full_brief.timeline
    ]
    section = _section(render_html(full_brief), "timeline")
    assert "<time" not in section and section.count('<span class="when">Q4 2025</span>') == 2


def test_section_markers_resolve_to_source_anchors(full_brief, parse_elements):
    elements = parse_elements(render_html(full_brief))
    anchors = {attrs["id"] for _, attrs in elements if attrs.get("id")}
    cited = [a["href"][1:] for tag, a in elements if tag == "a" and (a.get("href") or "").startswith("#")]
    assert len(cited) == 4 + 3 + 10 + 2 + 4  # summary, conflicts, claims, aliases, timeline
    assert set(cited) <= anchors


def test_hostile_sections_yield_no_executable_markup(
    hostile_brief, assert_nothing_executable, parse_elements
):
    html = render_html(hostile_brief)
    assert_nothing_executable(html)
    for name in ("conflicts", "claims", "entities", "timeline"):
        section = _section(html, name)
        assert "<script" not in section and "<img" not in section
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in section
    # The hostile date value is shown as text; its quote could not open an attribute.
    assert '<span class="when">2016-10&quot; onmouseover=&quot;x</span>' in html
    tags = [tag for tag, _ in parse_elements(_section(html, "claims"))]
    assert tags.count("tr") == 1 + len(hostile_brief.claims) and tags.count("td") == 6 * len(
        hostile_brief.claims
    )
