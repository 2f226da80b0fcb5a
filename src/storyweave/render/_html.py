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

from storyweave.model import Brief, CitedSentence, SourceRef
from storyweave.render._facts import (
    link_target,
    one_line,
    outlets,
    report_count,
    source_outlet,
    source_title,
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


def _citations(sentence: CitedSentence) -> str:
    return "".join(
        f'<sup class="cite"><a href="#source-{n}" aria-label="source {n}">[{n}]</a></sup>'
        for n in sentence.sources
    )


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
    """One brief as a standalone HTML page: headline, dates, cited summary, numbered sources."""
    validate_brief(brief)
    headline = _text(brief.headline) or "Untitled story"
    if brief.summary:
        summary = "".join(f"{_text(s.text)}{_citations(s)} " for s in brief.summary).rstrip()
        summary_html = f"<p>{summary}</p>"
    else:
        summary_html = '<p class="muted">No summary could be written for this story.</p>'
    sources = "\n".join(_source_item(ref) for ref in sorted(brief.sources, key=lambda r: r.number))
    body = (
        f"<article>\n<header>\n<h1>{headline}</h1>\n"
        f'<p class="meta">{_date_range(brief.first_published, brief.last_published)} · '
        f"{len(brief.sources)} sources · {len(outlets(brief))} outlets</p>\n</header>\n"
        f'<section class="summary">\n{summary_html}\n</section>\n'
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
            f'<td class="num">{len(brief.sources)}</td><td class="num">{len(outlets(brief))}</td>'
            f"<td>{brief.words} words / {report_count(brief)} reports</td></tr>"
        )
    lines += ["</tbody>", "</table>"]
    return _page("Stories", "\n".join(lines))
