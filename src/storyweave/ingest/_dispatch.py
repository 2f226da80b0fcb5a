"""``read_inputs``: expand the inputs, hand each source to the first reader that claims it, and turn every
way reading can go wrong into one ``InputFailure`` so the run always goes on with the rest."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from storyweave.ingest._expand import expand_inputs
from storyweave.ingest._feed import FeedReader
from storyweave.ingest._html import HtmlReader
from storyweave.ingest._jsonl import JsonLinesReader
from storyweave.ingest._options import Reader, ReadOptions
from storyweave.ingest._plaintext import TextReader
from storyweave.ingest._source import InputError, Source
from storyweave.ingest._url import UrlReader
from storyweave.ingest._warc import WarcReader
from storyweave.model import Document, InputFailure

__all__ = ["DEFAULT_READERS", "choose_reader", "read_inputs"]

_log = logging.getLogger(__name__)

# Tried in order. TextReader is last because its sniff accepts any bytes: it is the fallback. FeedReader
# comes before HtmlReader, whose sniff would take a feed's <title> for a page's.
DEFAULT_READERS: tuple[Reader, ...] = (
    WarcReader(),
    FeedReader(),
    UrlReader(),
    JsonLinesReader(),
    HtmlReader(),
    TextReader(),
)


def read_inputs(
    inputs: Iterable[str], options: ReadOptions | None = None, stdin: BinaryIO | None = None
) -> Iterator[Document | InputFailure]:
    """Documents from files, directories (recursive), globs (``**`` too), ``-`` (``stdin``, default the
    process's standard input), WARC archives, RSS/Atom feeds and ``http(s)://`` URLs (pages or feeds).

    Never raises for bad input: each input that cannot be read, and each bad record inside an input,
    yields one ``InputFailure`` saying which and why, and reading goes on. Lazy: nothing is read until
    iterated, and memory stays bounded by ``options.max_bytes`` per input.
    """
    options = options or ReadOptions()
    readers = options.readers if options.readers is not None else DEFAULT_READERS
    for item in expand_inputs(inputs, options.max_bytes, stdin):
        if isinstance(item, InputFailure):
            yield item
        else:
            yield from _read_source(item, readers, options)


def choose_reader(source: Source, readers: Iterable[Reader]) -> Reader | None:
    """The first reader claiming the source's extension; failing that, the first whose sniff claims it."""
    readers = tuple(readers)
    suffix = source.suffix
    if suffix:
        for reader in readers:
            if suffix in reader.suffixes:
                return reader
    return next((reader for reader in readers if reader.sniff(source)), None)


def _read_source(
    source: Source, readers: tuple[Reader, ...], options: ReadOptions
) -> Iterator[Document | InputFailure]:
    try:
        reader = choose_reader(source, readers)
        if reader is None:
            yield InputFailure(source.origin, "no reader for this kind of input; skipped")
            return
        for record in reader.read(source, options):
            if isinstance(record, Document) and not record.text.strip():
                yield InputFailure(record.origin, "no text found")
            else:
                yield record
    except InputError as exc:
        yield InputFailure(source.origin, exc.reason)
    except Exception as exc:
        # Third-party parsers meet hostile bytes here; whatever they raise must cost this input only.
        _log.debug("reading %s failed", source.origin, exc_info=True)
        yield InputFailure(
            source.origin, f"could not be read: unexpected {type(exc).__name__} ({exc}); skipped"
        )
