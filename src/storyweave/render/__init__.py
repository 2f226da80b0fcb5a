"""Briefs as files people and programs read: Markdown, self-contained HTML, JSON, each with an index.

Formats live in a registry keyed by name (``md``, ``html``, ``json``); :func:`register_format` adds one
without touching the writer. The claim wording helpers (``claim_speaker``, ``claim_kind``, ``chain_text``
…) are public so the web pages word claims exactly as the files do. All report text is treated as
untrusted in every format.
"""

from storyweave.render._dates import human_date
from storyweave.render._facts import (
    chain_text,
    claim_certainty,
    claim_figures,
    claim_kind,
    claim_outlet_count,
    claim_speaker,
    entities_with_aliases,
    link_target,
    outlets_text,
    sources_text,
)
from storyweave.render._files import brief_stem, write_briefs
from storyweave.render._html import render_html, render_html_index
from storyweave.render._json import (
    FORMAT_VERSION,
    brief_from_dict,
    brief_to_dict,
    render_json,
    render_json_index,
)
from storyweave.render._markdown import render_markdown, render_markdown_index
from storyweave.render._registry import (
    IndexRow,
    OutputFormat,
    available_formats,
    get_format,
    register_format,
)

__all__ = [
    "FORMAT_VERSION",
    "IndexRow",
    "OutputFormat",
    "available_formats",
    "brief_from_dict",
    "brief_stem",
    "brief_to_dict",
    "chain_text",
    "claim_certainty",
    "claim_figures",
    "claim_kind",
    "claim_outlet_count",
    "claim_speaker",
    "entities_with_aliases",
    "get_format",
    "human_date",
    "link_target",
    "outlets_text",
    "register_format",
    "render_html",
    "render_json",
    "render_markdown",
    "sources_text",
    "write_briefs",
]

register_format(OutputFormat("md", "md", render_markdown, render_markdown_index))
register_format(OutputFormat("html", "html", render_html, render_html_index))
register_format(OutputFormat("json", "json", render_json, render_json_index))
