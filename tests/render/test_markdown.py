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
    # Valley Post also appears folded into source 2, so three outlets, not four; source 3 names none.
    assert head[2] == "*2026-03-04 – 2026-03-06* · 3 sources · 3 outlets, 1 unknown"


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


def _to_html_with_tables(markdown: str) -> str:
    return markdown_it.MarkdownIt("commonmark").enable("table").render(markdown)


def test_sections_sit_between_summary_and_sources_in_order(full_brief, ordinary_brief):
    headings = [line for line in render_markdown(full_brief).splitlines() if line.startswith("#")]
    assert headings == [
        "# Fire destroys grain store in Marlow Cross",
        "## Where sources disagree",
        "## Claims",
        "## Names and aliases",
        "## Timeline",
        "### Undated",
        "## Sources",
    ]
    plain = [line for line in render_markdown(ordinary_brief).splitlines() if line.startswith("## ")]
    assert plain == ["## Sources"]  # empty sections are left out, not shown empty


def test_conflicts_list_each_side_with_its_citations_and_chain(full_brief):
    section = render_markdown(full_brief).split("## Where sources disagree", 1)[1].split("## ", 1)[0]
    assert section.strip().splitlines() == [
        "- **number**: Reports give different numbers of fire crews at the scene.",
        "  - six crews [\\[1\\]](#source-1)",
        "  - nine crews [\\[2\\]](#source-2)[\\[3\\]](#source-3) — via fire service (officials)",
    ]


def test_claims_table_has_type_chain_certainty_figures_and_outlets(full_brief):
    section = render_markdown(full_brief).split("## Claims", 1)[1].split("## ", 1)[0]
    rows = section.strip().splitlines()
    assert rows[0] == (
        "| Claim | Type | Who says it (outermost first) | Certainty | Outlets for | Outlets against |"
    )
    assert rows[2:] == [
        "| The blaze started in the drying room. | fact | Fire chief Ann Lee (said) | asserted "
        "| [\\[1\\]](#source-1)[\\[2\\]](#source-2) | [\\[3\\]](#source-3) |",
        "| The store was insured. | fact | unnamed source (reportedly) | hedged: reportedly, may "
        "| [\\[2\\]](#source-2) | — |",
        "| Nobody was hurt. | fact | the reporter | reported "
        "| [\\[1\\]](#source-1)[\\[2\\]](#source-2) | — |",
        "| Arson was involved. | fact | Police (denied) | denied | — | [\\[3\\]](#source-3) |",
        "| Over forty drums of solvent were stored inside.<br>*figures: ≥ 40 drums* | fact "
        "| Harbour Radio (outlet) → she \\[a firefighter\\] (anonymous); cue: told | hedged: unconfirmed "
        "| [\\[2\\]](#source-2)[\\[3\\]](#source-3) (2 reports, 1 independent) | — |",
        "| Burn them all! | rhetoric (quoted; not a factual claim) | a protester (shouted) | reported "
        "| [\\[1\\]](#source-1) | — |",
    ]


def test_aliases_are_listed_only_for_entities_named_more_than_one_way(full_brief):
    section = render_markdown(full_brief).split("## Names and aliases", 1)[1].split("## ", 1)[0]
    assert section.strip().splitlines() == [
        "- **Marlow Cross Co-operative** (organization): also the co-op "
        "[\\[1\\]](#source-1)[\\[2\\]](#source-2)"
    ]


def test_timeline_is_dated_in_order_and_undated_entries_kept_apart(full_brief):
    section = render_markdown(full_brief).split("## Timeline", 1)[1].split("## Sources", 1)[0]
    dated, undated = section.split("### Undated")
    assert dated.strip().splitlines() == [
        "- **October 2025** — The store was last inspected in October 2025. *(from “October 2025”)* "
        "[\\[1\\]](#source-1)",
        "- **3 March 2026** — The fire broke out on Tuesday night. *(from “Tuesday night”)* "
        "[\\[1\\]](#source-1)[\\[2\\]](#source-2)",
    ]
    assert "*Not placed on the timeline" in undated
    assert (
        "- **undated** — Repairs began last month, a worker said. *(from “last month”)* [\\[3\\]](#source-3)"
        in undated
    )
    assert "XXXX" not in section


def test_section_markers_resolve_in_a_rendered_page(full_brief, parse_elements):
    elements = parse_elements(_to_html_with_tables(render_markdown(full_brief)))
    ids = {a["id"] for _, a in elements if a.get("id")}
    internal = [a["href"][1:] for t, a in elements if t == "a" and (a.get("href") or "").startswith("#")]
    assert len(internal) == 4 + 3 + 10 + 2 + 4  # summary, conflicts, claims, aliases, timeline
    assert set(internal) <= ids
    assert [t for t, _ in elements].count("tr") == 1 + len(full_brief.claims)


def test_hostile_sections_stay_text_and_keep_the_table_shape(
    hostile_brief, assert_nothing_executable, parse_elements
):
    html = _to_html_with_tables(render_markdown(hostile_brief))
    assert_nothing_executable(html)
    elements = parse_elements(html)
    hrefs = [a["href"] for t, a in elements if t == "a" and a.get("href")]
    assert all(h.startswith(("#source-", "https://e.org/")) for h in hrefs), hrefs
    tags = [t for t, _ in elements]
    # Pipes and list markers in the text did not add cells, rows, lists or headings of their own.
    assert tags.count("tr") == 1 + len(hostile_brief.claims)
    assert tags.count("td") == 6 * len(hostile_brief.claims)
    assert tags.count("h1") == 1 and tags.count("h3") == 1


def test_a_story_whose_outlets_are_all_unknown_says_so(ordinary_brief):
    unnamed = [replace(ref, source=None, also_from=()) for ref in ordinary_brief.sources]
    head = render_markdown(replace(ordinary_brief, sources=unnamed)).splitlines()
    assert head[2] == "*2026-03-04 – 2026-03-06* · 3 sources · outlets unknown"
    single = [replace(ref, source="Valley Post", also_from=()) for ref in ordinary_brief.sources]
    assert render_markdown(replace(ordinary_brief, sources=single)).splitlines()[2].endswith("· 1 outlet")


def test_an_outlet_name_with_a_slash_is_an_outlet(ordinary_brief):
    first, second, third = ordinary_brief.sources
    sources = [replace(first, source="CBS/AP", also_from=()), replace(second, also_from=()), third]
    head = render_markdown(replace(ordinary_brief, sources=sources)).splitlines()
    assert head[2].endswith("· 3 sources · 2 outlets, 1 unknown")


def test_copies_listed_by_url_or_file_are_no_outlets(ordinary_brief):
    first, second, third = ordinary_brief.sources
    copies = ("https://example.org/copy", "reports/copy.txt", "c.jsonl:3")
    sources = [replace(first, also_from=copies), replace(second, also_from=()), third]
    head = render_markdown(replace(ordinary_brief, sources=sources)).splitlines()
    assert head[2].endswith("· 3 sources · 2 outlets, 1 unknown")


def test_one_source_is_singular(ordinary_brief):
    (first, *_) = ordinary_brief.sources
    brief = replace(ordinary_brief, sources=[first], summary=[], claims=[], conflicts=[], timeline=[])
    assert render_markdown(brief).splitlines()[2].endswith("· 1 source · 1 outlet")
