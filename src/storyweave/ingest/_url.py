"""Web addresses: fetch through a ``Fetcher``, then read the body as an article page or as a feed.

What a URL holds is decided by what came back (content type, then the bytes), not by how the address
looks: ``/rss`` may serve HTML and ``/story.html`` may serve a feed.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import replace
from urllib.parse import urlsplit

from storyweave.ingest._feed import looks_like_feed, read_feed
from storyweave.ingest._fetch import Fetcher, FetchPolicy, HttpFetcher, Response
from storyweave.ingest._html import HtmlReader, looks_like_html
from storyweave.ingest._options import ReadOptions
from storyweave.ingest._plaintext import TextReader
from storyweave.ingest._source import InputError, Source
from storyweave.model import Document, InputFailure

__all__ = ["UrlReader", "fetcher_for", "read_page"]
_SCHEMES = ("http://", "https://")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


class UrlReader:
    """``http://`` and ``https://`` inputs."""

    name = "url"
    suffixes: frozenset[str] = frozenset()

    def sniff(self, source: Source) -> bool:
        return source.path is None and source.data is None and source.origin.lower().startswith(_SCHEMES)

    def read(self, source: Source, options: ReadOptions) -> Iterator[Document | InputFailure]:
        response = fetcher_for(options).fetch(source.origin)
        head = response.body[:4096]
        # The root element decides: feeds are served as text/xml, application/rss+xml, even text/html.
        if looks_like_feed(head):
            yield from read_feed(response.body, response.url, source.origin, options)
        elif response.content_type in _HTML_TYPES or looks_like_html(head):
            yield read_page(response, source.origin, options)
        elif response.content_type.startswith("text/"):
            yield from TextReader().read(Source(origin=source.origin, data=response.body), options)
        else:
            shown = response.content_type or "of no declared type"
            raise InputError(f"is {shown}, not a web page, a feed or text; skipped")


def read_page(response: Response, origin: str, options: ReadOptions, site: str | None = None) -> Document:
    """An article from a fetched HTML page: the HTML reader's text, title and date, with the address the
    page came from when it names no canonical one. When the page names no site, ``site`` (a feed's title)
    stands in, else the host."""
    page = Source(origin=origin, data=response.body)
    document = next(d for d in HtmlReader().read(page, options) if isinstance(d, Document))
    return replace(
        document,
        url=document.url or response.url,
        source=document.source or site or _site(response.url),
    )


def _site(url: str) -> str | None:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def fetcher_for(options: ReadOptions) -> Fetcher:
    """The caller's fetcher, or one shared HTTP client per distinct set of network settings."""
    if options.fetcher is not None:
        return options.fetcher
    return _shared_fetcher(options.allow_private, options.timeout_s, options.max_bytes)


@functools.lru_cache(maxsize=8)
def _shared_fetcher(allow_private: bool, timeout_s: float, max_bytes: int) -> HttpFetcher:
    # One pool for the whole run: connection reuse, and the per-host politeness limits must be shared
    # by every URL and feed item going to the same host.
    return HttpFetcher(FetchPolicy(timeout_s=timeout_s, max_bytes=max_bytes, allow_private=allow_private))
