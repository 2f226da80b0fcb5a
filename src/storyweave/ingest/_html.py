"""Web pages: trafilatura finds the main text, title and site name; htmldate (through trafilatura, on the
already-parsed tree) finds the publication date.

The page is parsed from memory only. htmldate fetches a URL when handed a string that looks like one, so
it is never handed our string: trafilatura passes it the parsed tree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import trafilatura
from lxml import etree

from storyweave.ingest._decode import decode_text
from storyweave.ingest._options import ReadOptions
from storyweave.ingest._source import InputError, Source
from storyweave.model import Document, InputFailure
from storyweave.text.datelines import parse_published

__all__ = ["HtmlReader", "looks_like_html"]

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|title|meta|div|p)[\s>/]", re.I)
_DOCUMENT_TAG = re.compile(r"<(?:html|body)[\s>/]", re.I)
# Extensive search also reads dates from the text and URL patterns; original_date prefers publication
# over modification. Both are offline: they only look at the tree they are given.
_DATE_SEARCH = {"extensive_search": True, "original_date": True}


class HtmlReader:
    """``.html``/``.htm``/``.xhtml`` files, and any content that opens with an HTML tag."""

    name = "html"
    suffixes = frozenset({".html", ".htm", ".xhtml", ".shtml"})

    def sniff(self, source: Source) -> bool:
        return looks_like_html(source.head())

    def read(self, source: Source, options: ReadOptions) -> Iterator[Document | InputFailure]:
        raw = source.read_bytes(options.max_bytes)
        declared = _META_CHARSET.search(raw[:4096])
        html = decode_text(raw, declared.group(1).decode("ascii") if declared else None)
        if not _DOCUMENT_TAG.search(html):
            # trafilatura discards a bare fragment ("<p>...</p>") as not being a page at all.
            html = f"<html><body>{html}</body></html>"
        try:
            page = trafilatura.bare_extraction(
                html, with_metadata=True, include_comments=False, date_extraction_params=_DATE_SEARCH
            )
        except (ValueError, TypeError, etree.LxmlError) as exc:
            raise InputError(f"could not be parsed as HTML ({exc}); skipped") from None
        if page is None or not (page.text or "").strip():
            raise InputError("no text found: the page has no main text to extract")
        title = _single_line(page.title)
        yield Document(
            text=_without_title_line(page.text, title).strip(),
            origin=source.origin,
            title=title,
            url=_single_line(page.url),
            published=parse_published(page.date),
            source=_single_line(page.sitename),
        )


def looks_like_html(head: bytes) -> bool:
    """Content that opens with an HTML tag, once byte-order marks and white space are skipped."""
    start = head[:1024].lstrip(b"\xef\xbb\xbf").lstrip()
    return start.startswith(b"<") and _HTML_START.search(start) is not None


def _single_line(value: str | None) -> str | None:
    if not value:
        return None
    return " ".join(value.split()) or None


def _without_title_line(text: str, title: str | None) -> str:
    """trafilatura keeps the page's ``<h1>`` as the first line of the text; the title is already in
    ``Document.title``, and a second copy in the body would be summarised as if it were a sentence."""
    first, _, rest = text.lstrip().partition("\n")
    if title and rest.strip() and " ".join(first.split()).casefold() == title.casefold():
        return rest
    return text
