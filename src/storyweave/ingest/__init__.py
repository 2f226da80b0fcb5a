"""Readers: inputs (files, directories, globs, stdin) to ``Document`` records, or ``InputFailure`` for
each input or record that cannot be read.

Readers return a report's main text as found; removing page junk is ``storyweave.text``'s job. Each kind
of input (text, HTML, JSON Lines, URLs, RSS/Atom feeds, WARC) is one ``Reader``; the network sits behind
``Fetcher`` (``HttpFetcher`` on httpx), which tests and callers can replace through ``ReadOptions``.
"""

from storyweave.ingest._dispatch import DEFAULT_READERS, read_inputs
from storyweave.ingest._fetch import Fetcher, FetchPolicy, HttpFetcher, Response
from storyweave.ingest._options import DEFAULT_MAX_BYTES, Reader, ReadOptions
from storyweave.ingest._source import InputError, Source

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_READERS",
    "FetchPolicy",
    "Fetcher",
    "HttpFetcher",
    "InputError",
    "ReadOptions",
    "Reader",
    "Response",
    "Source",
    "read_inputs",
]
