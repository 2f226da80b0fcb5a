"""WARC archives (``.warc``, ``.warc.gz``; CC-NEWS and other crawls): each HTML response is an article.

Archives are streamed record by record with warcio, so a multi-gigabyte crawl file costs one record's
memory; ``max_bytes`` caps each record's body rather than the file, since crawl files are far larger
than any one page. A corrupt or truncated archive (a cut download, a broken gzip member) ends the file
with one failure that says how many records were read; the articles before it are kept.

The date is the page's own (htmldate, through the HTML reader). ``WARC-Date`` is deliberately not used:
it is when the crawler fetched the page, which for news archives can be days or years after publication,
and a wrong date would split stories apart. A page that states no date stays undated.
"""

from __future__ import annotations

import io
import logging
import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyweave.ingest._html import HtmlReader
from storyweave.ingest._options import ReadOptions
from storyweave.ingest._source import InputError, Source, describe_size
from storyweave.model import Document, InputFailure

__all__ = ["WarcReader", "looks_like_warc"]

_log = logging.getLogger(__name__)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class WarcReader:
    """``.warc``/``.warc.gz`` files, and any content (gunzipped) that opens with a WARC version line."""

    name = "warc"
    suffixes = frozenset({".warc"})

    def sniff(self, source: Source) -> bool:
        return looks_like_warc(source.head())

    def read(self, source: Source, options: ReadOptions) -> Iterator[Document | InputFailure]:
        if source.path is not None:
            try:
                handle: BinaryIO = source.path.open("rb")
            except OSError as exc:
                raise InputError(f"could not be read ({exc.strerror or exc})") from None
            with handle:
                yield from _read_archive(handle, source.origin, options)
        elif source.data is not None:
            yield from _read_archive(io.BytesIO(source.data), source.origin, options)
        else:
            raise InputError("has no content to read here")


def looks_like_warc(head: bytes) -> bool:
    return head.startswith(b"WARC/")


def _read_archive(stream: BinaryIO, origin: str, options: ReadOptions) -> Iterator[Document | InputFailure]:
    first = stream.read(1)
    stream.seek(0)
    if not first:
        raise InputError("is empty; skipped")
    records = _CheckedArchive(stream)
    read = pages = 0
    html = HtmlReader()
    while True:
        try:
            record = next(records)
            if record.format != "warc":  # warcio also takes old ARC files, whose headers match most text
                raise _NotWarc
            if record.rec_type != "response" or not _is_html(record):
                read += 1
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{origin}#{uri}" if uri else f"{origin}#record{read + 1}"
            body = record.content_stream().read(options.max_bytes + 1)
            if len(body) <= options.max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
                # An uncompressed file that stops inside this record: its Content-Length promised more.
                yield _broken(origin, read, f"record {read + 1} ends early: the file is truncated")
                return
        except StopIteration:
            if records.cut_short:
                yield _broken(origin, read, "the gzip data ends mid-record: the file is truncated")
                return
            if read == 0:
                raise InputError("is not a readable WARC archive (no WARC records found); skipped") from None
            if pages == 0:
                raise InputError(f"has no HTML responses among its {read} WARC records; skipped") from None
            if records.err_count:
                yield InputFailure(
                    origin,
                    f"{records.err_count} record(s) have a Content-Length that does not match their data; "
                    "the pages read around them may be cut or run together",
                )
            break
        except (
            _NotWarc,
            ArchiveLoadFailed,
            zlib.error,
            EOFError,
            OSError,
            ValueError,
            LookupError,
            AttributeError,
        ) as exc:
            # Broken gzip, and what warcio's header parsing raises on garbage (it assumes headers exist).
            if read == 0:
                raise InputError(f"is not a readable WARC archive ({_why(exc)}); skipped") from None
            yield _broken(origin, read, _why(exc))
            return
        read += 1
        pages += 1
        if len(body) > options.max_bytes:
            yield InputFailure(
                where, f"record body is over the {describe_size(options.max_bytes)} limit; skipped"
            )
            continue
        yield _page(html, body, where, uri, options)


def _broken(origin: str, read: int, why: str) -> InputFailure:
    return InputFailure(
        origin,
        f"broken WARC data after record {read} ({why}); the records before it were kept, "
        "the rest of the file was skipped",
    )


class _CheckedArchive(ArchiveIterator):
    """warcio ends the iteration quietly when the file stops inside a gzip member, as if it were complete;
    its zlib decompressor, dropped on ``close``, still knows the member never finished."""

    cut_short = False
    # warcio writes a multi-line warning to stderr when a record's Content-Length is off; its count
    # (``err_count``) is enough to name the problem in one failure line.
    INC_RECORD = ""

    def close(self) -> None:
        decompressor = getattr(self.reader, "decompressor", None) if self.reader else None
        self.cut_short = decompressor is not None and not getattr(decompressor, "eof", True)
        super().close()


class _NotWarc(Exception):
    def __str__(self) -> str:
        return "a record that is not in WARC format"


def _is_html(record: object) -> bool:
    headers = getattr(record, "http_headers", None)
    content_type = (headers.get_header("Content-Type") or "") if headers is not None else ""
    return content_type.split(";", 1)[0].strip().lower() in _HTML_TYPES


def _page(
    html: HtmlReader, body: bytes, where: str, uri: str, options: ReadOptions
) -> Document | InputFailure:
    if not body.strip():
        return InputFailure(where, "empty response body; skipped")
    try:
        document = next(
            d for d in html.read(Source(origin=where, data=body), options) if isinstance(d, Document)
        )
    except InputError as exc:
        return InputFailure(where, exc.reason)
    except Exception as exc:  # one hostile page costs its own record, never the rest of the archive
        _log.debug("reading %s failed", where, exc_info=True)
        return InputFailure(where, f"could not be read: unexpected {type(exc).__name__} ({exc}); skipped")
    return replace(document, url=document.url or uri or None)


def _why(exc: BaseException) -> str:
    if isinstance(exc, AttributeError):  # warcio assumes headers it could not parse exist
        return "malformed record headers"
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."
