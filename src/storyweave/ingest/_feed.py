"""RSS and Atom feeds (files on disk or fetched): each item becomes an article.

An item's link is fetched and read as a page when allowed, because a feed's summary is usually a teaser;
when the fetch fails or links are not followed, the item's own title, date and summary stand in, so a
feed still yields what it says. feedparser does the parsing: it copes with the RSS dialects, Atom and
broken XML, and it is handed a byte stream, never a string, since it would fetch a string that looks
like a URL and open one that looks like a file name.
"""

from __future__ import annotations

import calendar
import io
import logging
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from typing import Any

import feedparser
import lxml.html
from lxml import etree

from storyweave.ingest._options import ReadOptions
from storyweave.ingest._source import InputError, Source
from storyweave.model import Document, InputFailure
from storyweave.text.datelines import plausible_publication

__all__ = ["FeedReader", "looks_like_feed", "read_feed"]

_log = logging.getLogger(__name__)

# The root element, after an optional XML declaration, comments, processing instructions and a doctype.
_FEED_ROOT = re.compile(
    rb"^(?:\s|<\?[^>]{0,500}\?>|<!--.{0,2000}?-->|<!DOCTYPE[^>]{0,500}>)*<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF)[\s>/]",
    re.S,
)
_PARALLEL_FETCHES = 4


class FeedReader:
    """``.rss``/``.atom`` files, and any content whose root element is ``<rss>``, ``<feed>`` or ``<rdf:RDF>``
    (so a feed saved as ``.xml``, or piped in, is recognised too)."""

    name = "feed"
    suffixes = frozenset({".rss", ".atom"})

    def sniff(self, source: Source) -> bool:
        return looks_like_feed(source.head())

    def read(self, source: Source, options: ReadOptions) -> Iterator[Document | InputFailure]:
        yield from read_feed(source.read_bytes(options.max_bytes), None, source.origin, options)


def looks_like_feed(head: bytes) -> bool:
    """Content whose root element is a feed's, once a byte-order mark is skipped."""
    return _FEED_ROOT.match(head[:4096].lstrip(b"\xef\xbb\xbf")) is not None


def read_feed(
    body: bytes, base_url: str | None, origin: str, options: ReadOptions
) -> Iterator[Document | InputFailure]:
    """Up to ``options.max_feed_items`` articles from a feed's bytes, in feed order.

    ``base_url`` (where a fetched feed came from) resolves relative item links. Raises ``InputError``
    when the bytes hold no feed items at all.
    """
    try:
        parsed = feedparser.parse(io.BytesIO(body), response_headers=_base_headers(base_url))
    except ValueError as exc:  # an encoding name feedparser cannot even look up ("\x00tf-8")
        raise InputError(f"is not a readable feed ({exc}); skipped") from None
    entries = list(parsed.entries)[: options.max_feed_items]
    if not entries:
        why = f" ({parsed.bozo_exception})" if parsed.get("bozo") and parsed.get("bozo_exception") else ""
        raise InputError(f"is not an RSS or Atom feed with items{why}; skipped")
    feed_title = _clean(parsed.feed.get("title"))
    links = [_link(entry) for entry in entries]
    pages = _fetch_all(links, options, feed_title) if options.follow_links else [None] * len(links)
    for number, (entry, link, page) in enumerate(zip(entries, links, pages, strict=True), start=1):
        yield _item_document(entry, link, page, f"{origin}#item{number}", feed_title)


def _base_headers(base_url: str | None) -> dict[str, str]:
    return {"content-location": base_url} if base_url else {}


def _link(entry: Any) -> str | None:
    link = entry.get("link")
    return link if isinstance(link, str) and link.lower().startswith(("http://", "https://")) else None


def _fetch_all(
    links: list[str | None], options: ReadOptions, feed_title: str | None
) -> list[Document | InputFailure | None]:
    """Each link read as a page, in parallel (the fetcher's per-host limits keep it polite)."""
    wanted = [link for link in links if link]
    if not wanted:
        return [None] * len(links)
    with ThreadPoolExecutor(max_workers=min(_PARALLEL_FETCHES, len(wanted))) as pool:
        fetched = dict(
            zip(wanted, pool.map(lambda link: _fetch_page(link, options, feed_title), wanted), strict=True)
        )
    return [fetched[link] if link else None for link in links]


def _fetch_page(link: str, options: ReadOptions, feed_title: str | None) -> Document | InputFailure:
    from storyweave.ingest._url import fetcher_for, read_page  # _url imports this module

    try:
        return read_page(fetcher_for(options).fetch(link), link, options, site=feed_title)
    except InputError as exc:
        return InputFailure(link, exc.reason)
    except Exception as exc:  # a page's parser failing costs that item's page only; the summary remains
        _log.debug("reading feed item %s failed", link, exc_info=True)
        return InputFailure(link, f"could not be read: unexpected {type(exc).__name__} ({exc})")


def _item_document(
    entry: Any, link: str | None, page: Document | InputFailure | None, origin: str, feed_title: str | None
) -> Document | InputFailure:
    title = _clean(entry.get("title"))
    published = _entry_date(entry)
    if isinstance(page, Document):
        # The feed's date and title are the publisher's own; the page's extraction may have found neither.
        return Document(
            text=page.text,
            origin=link or origin,
            title=page.title or title,
            url=page.url or link,
            published=page.published or published,
            source=page.source or feed_title,
            external_id=_clean(entry.get("id")),
        )
    summary = _entry_text(entry)
    if not summary:
        if isinstance(page, InputFailure):
            reason = f"its page could not be read ({page.reason}) and the feed item has no summary text"
            return InputFailure(page.origin, f"{reason}; skipped")
        return InputFailure(origin, "the feed item has no summary text; skipped")
    if isinstance(page, InputFailure):
        _log.info("%s: using the feed's summary instead (%s)", page.origin, page.reason)
    return Document(
        text=summary,
        origin=origin,
        title=title,
        url=link,
        published=published,
        source=feed_title,
        external_id=_clean(entry.get("id")),
    )


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = dict.get(entry, key)  # plain lookup: feedparser's own maps one key onto another, noisily
        if parsed:
            try:
                found = plausible_publication(datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).date())
            except (OverflowError, ValueError, OSError, TypeError):
                continue
            if found is not None:
                return found
    return None


def _entry_text(entry: Any) -> str:
    """The longest of the item's content and summary, as plain text (feeds carry escaped HTML)."""
    candidates = [part.get("value", "") for part in entry.get("content", []) if isinstance(part, dict)]
    candidates.append(entry.get("summary") or "")
    best = max(candidates, key=len)
    return _html_to_text(best) if best.strip() else ""


# Characters XML forbids: lxml refuses them even in a tail it is handed back, so they go before parsing.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _html_to_text(markup: str) -> str:
    markup = _XML_FORBIDDEN.sub(" ", markup)
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(markup.split())
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4"):
        block.tail = "\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
