"""Briefs as self-contained HTML pages: inline CSS, no scripts, no external requests.

Report text is hostile by assumption. Every text and attribute value goes through ``html.escape`` with
``quote=True``; URLs become links only when their scheme cannot run code; and a Content-Security-Policy
forbids scripts, frames, forms and every remote load, so a mistake here still cannot execute anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape
from urllib.parse import quote

from storyweave.model import Brief, ChainLink, Claim, Conflict, SourceRef, TimelineEntry
from storyweave.render._dates import human_date, machine_date
from storyweave.render._facts import (
    UNDATED_NOTE,
    chain_text,
    claim_certainty,
    claim_figures,
    claim_kind,
    claim_outlet_count,
    claim_speaker,
    conflict_sides,
    entities_with_aliases,
    link_target,
    one_line,
    outlets,
    outlets_text,
    report_count,
    source_outlet,
    source_title,
    sources_text,
    validate_brief,
)
from storyweave.render._registry import IndexRow

CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
_CSP_META = (
    f'<meta http-equiv="Content-Security-Policy" content="{escape(CONTENT_SECURITY_POLICY, quote=True)}">'
)

_STYLE = """
:root { color-scheme: light dark; --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --accent: #1a5fb4;
  --paper: #fdfcfa; }
@media (prefers-color-scheme: dark) { :root { --ink: #e8e6e3; --muted: #a3a3a8; --rule: #3a3a40;
  --accent: #8ab4f8; --paper: #16161a; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 1.0625rem/1.65 Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif; }
main { max-width: 44rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
h1, h2, .meta, .sources, table { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .4rem; letter-spacing: -.01em; }
h2 { font-size: 1.05rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted);
  border-top: 1px solid var(--rule); padding-top: 1.25rem; margin-top: 2.5rem; }
.meta { color: var(--muted); font-size: .9rem; margin: 0 0 2rem; }
.summary p { margin: 0 0 1rem; hyphens: auto; }
sup.cite { font-size: .68em; line-height: 0; font-family: system-ui, sans-serif; }
sup.cite a { text-decoration: none; padding: 0 .05em; }
a { color: var(--accent); }
a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.sources ol { padding-left: 1.6rem; font-size: .92rem; }
.sources li { margin-bottom: .7rem; }
.sources li:target { background: color-mix(in srgb, var(--accent) 12%, transparent); border-radius: 4px; }
.outlet { font-weight: 600; }
.muted, .also { color: var(--muted); }
.also { font-size: .85rem; }
.where { overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; font-size: .92rem; }
th, td { text-align: left; padding: .55rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
h3 { font-size: .95rem; color: var(--muted); margin: 1.5rem 0 .5rem; }
.conflicts li, .timeline li { margin-bottom: .6rem; }
.conflicts ul ul { margin-top: .3rem; }
.slot, .when { font-weight: 600; font-family: system-ui, sans-serif; }
.claims table { font-size: .88rem; }
"""


def _text(value: str | None) -> str:
    return escape(one_line(value), quote=True)


def _time(day: date | None) -> str:
    if day is None:
        return '<span class="muted">date unknown</span>'
    return f'<time datetime="{day.isoformat()}">{day.isoformat()}</time>'


def _date_range(first: date | None, last: date | None) -> str:
    if first is None or last is None or first == last:
        return _time(first or last)
    return f"{_time(first)} – {_time(last)}"


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"{_CSP_META}\n"
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _external_link(url: str, label: str) -> str:
    return f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer nofollow">{label}</a>'


def _citations(numbers: Sequence[int]) -> str:
    return "".join(
        f'<sup class="cite"><a href="#source-{n}" aria-label="source {n}">[{n}]</a></sup>' for n in numbers
    )


def _conflicts_section(conflicts: Sequence[Conflict]) -> str:
    items = []
    for conflict in conflicts:
        sides = "".join(
            f'<li><span class="value">{_text(value)}</span>{_citations(numbers)}{_via(chain)}</li>'
            for value, numbers, chain in conflict_sides(conflict)
        )
        items.append(
            f'<li><span class="slot">{_text(conflict.slot)}</span>: {_text(conflict.description)}'
            f"<ul>{sides}</ul></li>"
        )
    rows = "\n".join(items)
    return f'<section class="conflicts">\n<h2>Where sources disagree</h2>\n<ul>\n{rows}\n</ul>\n</section>\n'


def _via(chain: tuple[ChainLink, ...]) -> str:
    return f' <span class="muted">via {_text(chain_text(chain))}</span>' if chain else ""


def _claim_row(claim: Claim) -> str:
    none = '<span class="muted">—</span>'
    figures = claim_figures(claim)
    text = _text(claim.text)
    if figures:
        text += f'<br><span class="muted">figures: {_text(figures)}</span>'
    count = claim_outlet_count(claim)
    backing = _citations(claim.supported_by) or none
    if count:
        backing += f' <span class="muted">({_text(count)})</span>'
    return (
        f'<tr class="claim-{_text(claim.kind)}"><td>{text}</td><td>{_text(claim_kind(claim))}</td>'
        f"<td>{_text(claim_speaker(claim))}</td><td>{_text(claim_certainty(claim))}</td>"
        f"<td>{backing}</td><td>{_citations(claim.contradicted_by) or none}</td></tr>"
    )


def _claims_section(claims: Sequence[Claim]) -> str:
    rows = "\n".join(_claim_row(claim) for claim in claims)
    return (
        '<section class="claims">\n<h2>Claims</h2>\n<table>\n'
        "<thead><tr><th>Claim</th><th>Type</th><th>Who says it (outermost first)</th><th>Certainty</th>"
        "<th>Outlets for</th><th>Outlets against</th></tr></thead>\n"
        f"<tbody>\n{rows}\n</tbody>\n</table>\n</section>\n"
    )


def _entities_section(brief: Brief) -> str:
    shown = entities_with_aliases(brief)
    if not shown:
        return ""
    items = "\n".join(
        f"<li><strong>{_text(entity.name)}</strong>"
        + (f' <span class="muted">({_text(entity.kind)})</span>' if entity.kind else "")
        + f": also {', '.join(_text(name) for name in others)}{_citations(cited)}</li>"
        for entity, others, cited in shown
    )
    return f'<section class="entities">\n<h2>Names and aliases</h2>\n<ul>\n{items}\n</ul>\n</section>\n'


def _timex(value: str) -> str:
    words = escape(human_date(one_line(value)), quote=True)
    machine = machine_date(one_line(value))
    if machine is None:
        return f'<span class="when">{words}</span>'
    return f'<time class="when" datetime="{escape(machine, quote=True)}">{words}</time>'


def _timeline_item(when: str, entry: TimelineEntry) -> str:
    expression = _text(entry.expression)
    said = f' <span class="muted">(from “{expression}”)</span>' if expression else ""
    return f"<li>{when} — {_text(entry.text)}{said}{_citations(entry.sources)}</li>"


def _timeline_section(timeline: Sequence[TimelineEntry], undated: Sequence[TimelineEntry]) -> str:
    parts = ['<section class="timeline">', "<h2>Timeline</h2>"]
    if timeline:
        parts += ["<ol>", *(_timeline_item(_timex(entry.when), entry) for entry in timeline), "</ol>"]
    if undated:
        parts += [
            "<h3>Undated</h3>",
            f'<p class="muted">{escape(UNDATED_NOTE, quote=True)}</p>',
            '<ul class="undated">',
        ]
        parts += [_timeline_item('<span class="when">undated</span>', entry) for entry in undated]
        parts.append("</ul>")
    parts.append("</section>")
    return "\n".join(parts) + "\n"


def _source_item(ref: SourceRef) -> str:
    title = _text(source_title(ref))
    target = link_target(ref.url)
    if target is not None:
        where = _external_link(target, title)
    else:
        # Not a safe link (missing, relative, or a scheme that could run code): show it, inert, as text.
        shown = one_line(ref.url) or one_line(ref.origin)
        where = f'{title} <span class="where muted">{_text(shown)}</span>' if shown else title
    parts = [
        f'<li id="source-{ref.number}">',
        f'<span class="outlet">{_text(source_outlet(ref))}</span> · {_time(ref.published)} · {where}',
    ]
    also = [_text(name) for name in ref.also_from if one_line(name)]
    if also:
        parts.append(f'<div class="also">Also ran in: {", ".join(also)}</div>')
    parts.append("</li>")
    return "".join(parts)


def render_html(brief: Brief) -> str:
    """One brief as a standalone HTML page: headline, dates, cited summary, then (where the brief has them)
    where sources disagree, the claims, the timeline, and last the numbered sources every marker links to."""
    validate_brief(brief)
    headline = _text(brief.headline) or "Untitled story"
    if brief.summary:
        summary = "".join(f"{_text(s.text)}{_citations(s.sources)} " for s in brief.summary).rstrip()
        summary_html = f"<p>{summary}</p>"
    else:
        summary_html = '<p class="muted">No summary could be written for this story.</p>'
    if brief.summary_method != "extractive":
        summary_html += f'\n<p class="muted">Summary: {_text(brief.summary_method)}.</p>'
    sources = "\n".join(_source_item(ref) for ref in sorted(brief.sources, key=lambda r: r.number))
    sections = ""
    if brief.conflicts:
        sections += _conflicts_section(brief.conflicts)
    if brief.claims:
        sections += _claims_section(brief.claims)
    sections += _entities_section(brief)
    if brief.timeline or brief.undated:
        sections += _timeline_section(brief.timeline, brief.undated)
    body = (
        f"<article>\n<header>\n<h1>{headline}</h1>\n"
        f'<p class="meta">{_date_range(brief.first_published, brief.last_published)} · '
        f"{sources_text(brief)} · {outlets_text(brief)}</p>\n</header>\n"
        f'<section class="summary">\n{summary_html}\n</section>\n'
        f"{sections}"
        f'<section class="sources">\n<h2>Sources</h2>\n<ol>\n{sources}\n</ol>\n</section>\n</article>'
    )
    return _page(headline, body)


def render_html_index(rows: Sequence[IndexRow]) -> str:
    """All stories as one HTML table linking to their pages."""
    if not rows:
        return _page("Stories", '<h1>Stories</h1>\n<p class="muted">No stories.</p>')
    lines = [
        "<h1>Stories</h1>",
        "<table>",
        "<thead><tr><th>Story</th><th>Dates</th><th>Sources</th><th>Outlets</th><th>Size</th></tr></thead>",
        "<tbody>",
    ]
    for row in rows:
        brief = row.brief
        headline = _text(brief.headline) or "Untitled story"
        href = escape(quote(row.file_name), quote=True)
        lines.append(
            f'<tr><td><a href="{href}">{headline}</a></td>'
            f"<td>{_date_range(brief.first_published, brief.last_published)}</td>"
            f'<td class="num">{len(brief.sources)}</td><td class="num">{len(outlets(brief)) or "–"}</td>'
            f"<td>{brief.words} words / {report_count(brief)} reports</td></tr>"
        )
    lines += ["</tbody>", "</table>"]
    return _page("Stories", "\n".join(lines))
