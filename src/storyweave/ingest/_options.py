"""The reader plug-in contract and the one options object every reader receives.

Adding a kind of input (URLs, RSS/Atom feeds, WARC) means writing one class with the four members of
``Reader`` and listing it in ``DEFAULT_READERS``; no other reader changes, because readers never look at
each other: the dispatcher decides who gets a source (see ``storyweave.ingest._dispatch``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from storyweave.ingest._fetch import Fetcher
from storyweave.ingest._source import Source
from storyweave.model import Document, InputFailure

__all__ = ["DEFAULT_MAX_BYTES", "ReadOptions", "Reader"]

DEFAULT_MAX_BYTES = 50_000_000


@runtime_checkable
class Reader(Protocol):
    """Turns one kind of input into documents.

    ``suffixes`` are the extensions it claims outright (looking through ``.gz``); ``sniff`` claims a
    source by its content or address when no reader claimed its extension. Two steps, so a declared
    ``.html`` page that happens to start with ``{`` is never taken for JSON.

    ``read`` yields documents and, for inputs holding many records, one ``InputFailure`` per bad record;
    a problem with the whole input is raised as ``InputError`` and reported once by the dispatcher.
    """

    name: str
    suffixes: frozenset[str]

    def sniff(self, source: Source) -> bool: ...

    def read(self, source: Source, options: ReadOptions) -> Iterator[Document | InputFailure]: ...


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read.

    ``max_bytes`` caps one input (after decompression) so one huge file cannot exhaust memory; the CLI's
    ``--max-bytes``. ``readers`` replaces the built-in readers, tried in order (``None``: the built-ins,
    ``DEFAULT_READERS``), so callers can add one of their own: ``(MyReader(), *DEFAULT_READERS)``.

    Network (URLs, and the links in feeds): ``allow_private`` lets fetches reach loopback, private and
    link-local addresses (the CLI's ``--allow-private``; off, so a URL in someone else's list cannot probe
    the local network); ``timeout_s`` bounds each fetch; a feed yields at most ``max_feed_items`` items,
    each fetched from its link when ``follow_links``, else read from the feed's own summary. ``fetcher``
    replaces the HTTP transport (tests, proxies, caches); ``None`` builds one from these settings.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    readers: tuple[Reader, ...] | None = None
    allow_private: bool = False
    timeout_s: float = 10.0
    max_feed_items: int = 50
    follow_links: bool = True
    fetcher: Fetcher | None = None

    def __post_init__(self) -> None:
        if self.max_bytes < 1:
            raise ValueError(f"max_bytes must be a positive number of bytes, not {self.max_bytes}")
        if self.timeout_s <= 0:
            raise ValueError(f"timeout_s must be a positive number of seconds, not {self.timeout_s}")
        if self.max_feed_items < 0:
            raise ValueError(f"max_feed_items cannot be negative, not {self.max_feed_items}")
