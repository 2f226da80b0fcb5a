"""Where a reader's bytes come from, and the checks every byte source must pass before anyone reads it.

The size cap, empty-file, permission and gzip checks live here rather than in each reader so that every
reader, including ones added later, refuses hostile input the same way and with the same words.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

__all__ = ["InputError", "Source", "describe_size", "read_stream"]

_GZIP_MAGIC = b"\x1f\x8b"
_HEAD_BYTES = 4096
_CHUNK = 1 << 20


class InputError(Exception):
    """An input cannot be read; ``reason`` is the user-facing sentence (without the input's name)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def describe_size(n_bytes: int) -> str:
    """A size as people say it (decimal units, as disk tools and ``--max-bytes 50000000`` do)."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n_bytes >= scale:
            value = n_bytes / scale
            return f"{value:.0f} {unit}" if value >= 10 else f"{value:.1f} {unit}"
    return f"{n_bytes} bytes"


def _over_limit(size: int | None, max_bytes: int, verb: str = "is") -> InputError:
    limit = describe_size(max_bytes)
    shown = describe_size(size) if size is not None else ""
    if size is None or shown == limit:  # "is 50 MB, over the 50 MB limit" would read as a contradiction
        shown = f"more than {limit}" if size is None else f"{size:,} bytes"
    return InputError(f"{verb} {shown}, over the {limit} limit; raise it with --max-bytes")


@dataclass(frozen=True, slots=True)
class Source:
    """One input a reader may take: a local file (``path``), bytes already read (``data``, for stdin), or
    neither, for inputs a reader fetches itself (a URL, a feed).

    ``origin`` is what every message about this input calls it: the path as the user typed or the walk
    found it, ``<stdin>``, or the URL.
    """

    origin: str
    path: Path | None = None
    data: bytes | None = None

    @property
    def suffix(self) -> str:
        """Lower-case extension that says what the content is, looking through ``.gz`` (``a.jsonl.gz``
        -> ``.jsonl``), so compression never decides which reader gets a file."""
        name = self.path.name.lower() if self.path is not None else ""
        if name.endswith(".gz"):
            name = name[:-3]
        return os.path.splitext(name)[1]

    def head(self) -> bytes:
        """The first few kilobytes of content (decompressed), for sniffing what kind of text it is.

        Never raises: a source that cannot be read sniffs as nothing, and the real read reports why.
        """
        if self.data is not None:
            raw = self.data[:_HEAD_BYTES]
            if raw.startswith(_GZIP_MAGIC):
                try:
                    with gzip.GzipFile(fileobj=io.BytesIO(self.data)) as unzipped:
                        return unzipped.read(_HEAD_BYTES)
                except (OSError, EOFError, zlib.error):
                    return b""
            return raw
        if self.path is None:
            return b""
        try:
            with self.path.open("rb") as handle:
                raw = handle.read(_HEAD_BYTES)
                if raw.startswith(_GZIP_MAGIC):
                    handle.seek(0)
                    with gzip.GzipFile(fileobj=handle) as unzipped:
                        return unzipped.read(_HEAD_BYTES)
                return raw
        except (OSError, EOFError, zlib.error):
            return b""

    def read_bytes(self, max_bytes: int) -> bytes:
        """All of the content, gunzipped when it is gzip, never more than ``max_bytes`` of it.

        The size is checked with ``stat`` before reading, so a 200 MB file is refused without being read,
        and a decompressed or streamed input is read at most one byte past the limit.
        """
        if self.data is not None:
            if len(self.data) > max_bytes:
                raise _over_limit(None, max_bytes)
            raw = self.data
        elif self.path is not None:
            raw = _read_file(self.path, max_bytes)
        else:
            raise InputError("has no content to read here (it needs a reader that fetches it)")
        if not raw:
            raise InputError("empty file")
        if raw.startswith(_GZIP_MAGIC):
            raw = _gunzip(raw, max_bytes)
            if not raw:
                raise InputError("empty file (an empty gzip archive)")
        return raw


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory")
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise _over_limit(info.st_size, max_bytes)
        with path.open("rb") as handle:
            raw = _read_at_most(handle, max_bytes, info.st_size if stat.S_ISREG(info.st_mode) else None)
    except FileNotFoundError:
        raise InputError("no such file or directory") from None
    except PermissionError:
        raise InputError("permission denied; check the file's permissions") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as exc:
        raise InputError(f"could not be read ({exc.strerror or exc})") from None
    return raw


def _read_at_most(handle: BinaryIO, max_bytes: int, size_hint: int | None = None) -> bytes:
    """All of ``handle``, or ``InputError`` as soon as it proves longer than ``max_bytes``."""
    data = _read_up_to(handle, max_bytes + 1, size_hint)
    if len(data) > max_bytes:
        raise _over_limit(None, max_bytes)
    return data


def _read_up_to(handle: BinaryIO, limit: int, size_hint: int | None = None) -> bytes:
    """At most ``limit`` bytes, in chunks: ``read(limit)`` would allocate the whole limit (50 MB) up front
    for every tiny file. ``size_hint`` (a regular file's size) lets a small file be read in one call."""
    parts: list[bytes] = []
    total = 0
    want = size_hint + 1 if size_hint is not None else _CHUNK
    while total < limit:
        chunk = handle.read(min(want, limit - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
        want = _CHUNK
    return b"".join(parts)


def _gunzip(raw: bytes, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as unzipped:
            data = _read_at_most(unzipped, max_bytes)
    except InputError:
        raise _over_limit(None, max_bytes, verb="decompresses to") from None
    except EOFError:
        raise InputError(
            "broken gzip data: the archive is truncated; re-download or re-compress it"
        ) from None
    except (OSError, zlib.error) as exc:
        raise InputError(f"broken gzip data ({exc}); re-download or re-compress it") from None
    return data


def read_stream(stream: BinaryIO, max_bytes: int) -> bytes:
    """Read a stream (stdin) as bytes, at most one byte past the limit so a runaway pipe is bounded.

    The extra byte lets ``Source.read_bytes`` report the input as over the limit.
    """
    return _read_up_to(stream, max_bytes + 1)
