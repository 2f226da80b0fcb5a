"""Briefs as Markdown, readable as plain text and safe when a viewer turns it into HTML.

Every piece of report text is untrusted: a title like ``[x](javascript:alert(1))`` or ``<script>`` must stay
literal text in any CommonMark/GFM viewer. Text is collapsed to one line (so it cannot open a heading or a
list), Markdown punctuation is backslash-escaped, and ``<``/``>`` become entities so even renderers without
backslash escapes show them as characters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote

from storyweave.model import Brief, Claim, Conflict, SourceRef, TimelineEntry
from storyweave.render._dates import human_date
from storyweave.render._facts import (
    UNDATED_NOTE,
    chain_text,
    claim_certainty,
    claim_figures,
    claim_kind,
    claim_outlet_count,
    claim_speaker,
    conflict_sides,
    date_range_text,
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

_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
_PUNCTUATION = re.compile(r"([\\`*_\[\]|~#])")
_ORDERED_LIST_START = re.compile(r"^(\d+)([.)])")
_BULLET_OR_RULE_START = re.compile(r"^([-+=])")
# Kept as-is in link destinations; parentheses, brackets, angle brackets and quotes get percent-encoded
# because they could end the destination early.
_URL_SAFE = "-._~:/?#@!$&*+,;=%"


def escape_markdown(text: str | None) -> str:
    """Untrusted text as literal Markdown text on a single line."""
    flat = one_line(text)
    flat = _ENTITY_LIKE.sub("&amp;", flat)
    flat = flat.replace("<", "&lt;").replace(">", "&gt;")
    flat = _PUNCTUATION.sub(r"\\\1", flat)
    # Text starting "1. ", "- " or "=" would open a list or underline a heading if it ever began a line.
    flat = _ORDERED_LIST_START.sub(r"\1\\\2", flat)
    return _BULLET_OR_RULE_START.sub(r"\\\1", flat)


def _destination(url: str) -> str:
    """A link destination with parentheses, brackets and angle brackets percent-encoded."""
    return quote(url, safe=_URL_SAFE)


def _citations(numbers: Sequence[int]) -> str:
    return "".join(f"[\\[{n}\\]](#source-{n})" for n in numbers)


def _conflict_lines(conflicts: Sequence[Conflict]) -> list[str]:
    lines = ["## Where sources disagree", ""]
    for conflict in conflicts:
        lines.append(f"- **{escape_markdown(conflict.slot)}**: {escape_markdown(conflict.description)}")
        for value, numbers, chain in conflict_sides(conflict):
            via = f" — via {escape_markdown(chain_text(chain))}" if chain else ""
            lines.append(f"  - {escape_markdown(value)} {_citations(numbers)}{via}".rstrip())
    return [*lines, ""]


def _claim_cell(claim: Claim) -> str:
    figures = claim_figures(claim)
    text = escape_markdown(claim.text)
    return f"{text}<br>*figures: {escape_markdown(figures)}*" if figures else text


def _claim_lines(claims: Sequence[Claim]) -> list[str]:
    lines = [
        "## Claims",
        "",
        "| Claim | Type | Who says it (outermost first) | Certainty | Outlets for | Outlets against |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for claim in claims:
        count = claim_outlet_count(claim)
        backing = (_citations(claim.supported_by) or "—") + (f" ({escape_markdown(count)})" if count else "")
        lines.append(
            f"| {_claim_cell(claim)} | {escape_markdown(claim_kind(claim))} "
            f"| {escape_markdown(claim_speaker(claim))} "
            f"| {escape_markdown(claim_certainty(claim))} "
            f"| {backing} | {_citations(claim.contradicted_by) or '—'} |"
        )
    return [*lines, ""]


def _entity_lines(brief: Brief) -> list[str]:
    shown = entities_with_aliases(brief)
    if not shown:
        return []
    lines = ["## Names and aliases", ""]
    for entity, others, cited in shown:
        kind = f" ({escape_markdown(entity.kind)})" if entity.kind else ""
        aliases = ", ".join(escape_markdown(name) for name in others)
        name = escape_markdown(entity.name)
        lines.append(f"- **{name}**{kind}: also {aliases} {_citations(cited)}".rstrip())
    return [*lines, ""]


def _timeline_line(label: str, entry: TimelineEntry) -> str:
    expression = escape_markdown(entry.expression)
    said = f" *(from “{expression}”)*" if expression else ""
    return f"- **{label}** — {escape_markdown(entry.text)}{said} {_citations(entry.sources)}".rstrip()


def _timeline_lines(timeline: Sequence[TimelineEntry], undated: Sequence[TimelineEntry]) -> list[str]:
    lines = ["## Timeline", ""]
    lines += [_timeline_line(escape_markdown(human_date(entry.when)), entry) for entry in timeline]
    if undated:
        if timeline:
            lines.append("")
        lines += ["### Undated", "", f"*{UNDATED_NOTE}*", ""]
        lines += [_timeline_line("undated", entry) for entry in undated]
    return [*lines, ""]


def _source_line(ref: SourceRef) -> str:
    date_text = ref.published.isoformat() if ref.published else "date unknown"
    title = escape_markdown(source_title(ref))
    target = link_target(ref.url)
    if target is not None:
        where = f"[{title}]({_destination(target)})"
    else:
        shown = one_line(ref.url) or one_line(ref.origin)
        where = f"{title} — {escape_markdown(shown)}" if shown else title
    line = (
        f'{ref.number}. <a id="source-{ref.number}"></a>'
        f"**{escape_markdown(source_outlet(ref))}** · {date_text} · {where}"
    )
    also = [escape_markdown(name) for name in ref.also_from if one_line(name)]
    if also:
        line += f" — also ran in: {', '.join(also)}"
    return line


def render_markdown(brief: Brief) -> str:
    """One brief as a Markdown page: headline, dates, cited summary, then (where the brief has them) where
    sources disagree, the claims, the timeline, and last the numbered sources every marker links to."""
    validate_brief(brief)
    lines = [
        f"# {escape_markdown(brief.headline) or 'Untitled story'}",
        "",
        f"*{date_range_text(brief.first_published, brief.last_published)}* · "
        f"{sources_text(brief)} · {outlets_text(brief)}",
        "",
    ]
    if brief.summary:
        lines.append(" ".join(f"{escape_markdown(s.text)}{_citations(s.sources)}" for s in brief.summary))
    else:
        lines.append("*No summary could be written for this story.*")
    lines.append("")
    if brief.summary_method != "extractive":
        lines += [f"*Summary: {escape_markdown(brief.summary_method)}.*", ""]
    if brief.conflicts:
        lines += _conflict_lines(brief.conflicts)
    if brief.claims:
        lines += _claim_lines(brief.claims)
    lines += _entity_lines(brief)
    if brief.timeline or brief.undated:
        lines += _timeline_lines(brief.timeline, brief.undated)
    lines += ["## Sources", ""]
    lines += [_source_line(ref) for ref in sorted(brief.sources, key=lambda r: r.number)]
    return "\n".join(lines) + "\n"


def render_markdown_index(rows: Sequence[IndexRow]) -> str:
    """All stories as a Markdown table linking to their pages."""
    lines = ["# Stories", ""]
    if not rows:
        return "\n".join([*lines, "*No stories.*"]) + "\n"
    lines += [
        "| Story | Dates | Sources | Outlets | Size |",
        "| --- | --- | ---: | ---: | --- |",
    ]
    for row in rows:
        brief = row.brief
        headline = escape_markdown(brief.headline) or "Untitled story"
        lines.append(
            f"| [{headline}]({quote(row.file_name)}) "
            f"| {date_range_text(brief.first_published, brief.last_published)} "
            f"| {len(brief.sources)} | {len(outlets(brief)) or '–'} "
            f"| {brief.words} words / {report_count(brief)} reports |"
        )
    return "\n".join(lines) + "\n"
