"""What the user typed (paths, directories, globs, ``-``, URLs) to the stream of sources to read.

Walks are lazy, sorted (the same inputs always give the same order), skip hidden entries, visit each
real directory once (so symlink loops end), and read each real file once even when several inputs name
it. Globs are matched by this same walk rather than by ``glob.glob``, which follows symlink loops down
to the OS limit and, with two loops in a tree, takes exponential time.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from storyweave.ingest._source import Source, read_stream
from storyweave.model import InputFailure

__all__ = ["STDIN_ORIGIN", "expand_inputs"]

STDIN_ORIGIN = "<stdin>"
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_GLOB_MAGIC = re.compile(r"[*?[]")

_FileKey = tuple[int, int]
_FILE, _DIRECTORY, _BROKEN = "file", "directory", "broken link"


def expand_inputs(
    inputs: Iterable[str], max_bytes: int, stdin: BinaryIO | None
) -> Iterator[Source | InputFailure]:
    """Sources in input order (a directory's or glob's files sorted), or a failure for each input that
    names nothing readable. ``stdin`` is read only if ``-`` is among the inputs, at most once."""
    seen: set[_FileKey] = set()
    stdin_used = False
    for given in inputs:
        if given == "-":
            if stdin_used:
                yield InputFailure(STDIN_ORIGIN, "standard input was already read; pass '-' only once")
                continue
            stdin_used = True
            yield _stdin_source(stdin, max_bytes)
        elif _URL.match(given):
            yield Source(origin=given)  # fetched by a reader that knows the scheme, if any
        else:
            yield from _local(given, seen)


def _stdin_source(stdin: BinaryIO | None, max_bytes: int) -> Source | InputFailure:
    if stdin is None:
        import sys

        if sys.stdin is None:  # closed, as under cron or a daemon
            return InputFailure(STDIN_ORIGIN, "standard input is closed; pipe reports into it or name files")
        stdin = sys.stdin.buffer
    try:
        return Source(origin=STDIN_ORIGIN, data=read_stream(stdin, max_bytes))
    except (OSError, ValueError) as exc:  # ValueError: the stream was closed
        return InputFailure(STDIN_ORIGIN, f"could not be read ({exc})")


def _local(given: str, seen: set[_FileKey]) -> Iterator[Source | InputFailure]:
    try:
        info = os.stat(given)
    except FileNotFoundError:
        if os.path.islink(given):
            yield _broken_link(given)
        elif _GLOB_MAGIC.search(given):
            yield from _glob(given, seen)
        else:
            yield InputFailure(given, "no such file or directory")
        return
    except OSError as exc:
        yield InputFailure(given, _os_reason(exc))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _directory_files(given, seen)
    elif _first_time(info, seen):
        # Named explicitly, so a pipe or device is read too (bounded by max_bytes): `<(zcat x.gz)` works.
        yield Source(origin=given, path=Path(given))


def _directory_files(top: str, seen: set[_FileKey]) -> Iterator[Source | InputFailure]:
    for item in _walk(top, max_depth=None):
        if isinstance(item, InputFailure):
            yield item
        elif item[1] == _BROKEN:
            yield _broken_link(item[0])
        elif item[1] == _FILE:
            yield from _file_source(item[0], seen)


def _glob(pattern: str, seen: set[_FileKey]) -> Iterator[Source | InputFailure]:
    root, rest = _split_glob(pattern)
    matcher = re.compile(_glob_regex(rest))
    max_depth = None if "**" in rest else len(rest)

    def matches(path: str) -> bool:
        relative = os.path.relpath(path, root) if root else path
        return matcher.fullmatch(relative.replace(os.sep, "/")) is not None

    matched = False
    # A matched directory is read whole below, so the walk need not go into it again.
    for item in _walk(root or ".", max_depth, relative=not root, descend=lambda path: not matches(path)):
        if isinstance(item, InputFailure):
            yield item
            continue
        path, kind = item
        if not matches(path):
            continue
        matched = True
        if kind == _DIRECTORY:
            yield from _directory_files(path, seen)
        elif kind == _BROKEN:
            yield _broken_link(path)
        else:
            yield from _file_source(path, seen)
    if not matched:
        yield InputFailure(pattern, "glob matched nothing")


def _walk(
    top: str,
    max_depth: int | None,
    relative: bool = False,
    descend: Callable[[str], bool] = lambda path: True,
) -> Iterator[tuple[str, str] | InputFailure]:
    """``(path, kind)`` for everything under ``top`` (kind: ``_FILE``, ``_DIRECTORY`` or ``_BROKEN``
    link), depth first in name order, hidden entries left out. Sockets, pipes and devices are left out
    too: reading a pipe found by a walk would block the run.

    ``descend(path)`` can keep the walk out of a directory the caller handles itself."""
    try:
        visited = {_key(os.stat(top))}
    except OSError as exc:
        yield InputFailure(top, _os_reason(exc))
        return
    first = _sorted_entries(top)
    if isinstance(first, InputFailure):
        yield first
        return
    stack = [iter(first)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        path = entry.path[2:] if relative and entry.path.startswith("./") else entry.path
        try:
            if entry.is_dir():
                key = _key(entry.stat())
                if key in visited:  # a symlink loop, or a second link to a directory already walked
                    continue
                visited.add(key)
                yield path, _DIRECTORY
                if (max_depth is not None and len(stack) >= max_depth) or not descend(path):
                    continue
                listing = _sorted_entries(entry.path)
                if isinstance(listing, InputFailure):
                    yield listing
                else:
                    stack.append(iter(listing))
            elif entry.is_file():
                yield path, _FILE
            elif entry.is_symlink():
                yield path, _BROKEN
        except OSError as exc:
            yield InputFailure(path, _os_reason(exc))


def _broken_link(path: str) -> InputFailure:
    return InputFailure(path, "broken symbolic link (its target does not exist); skipped")


def _sorted_entries(directory: str) -> list[os.DirEntry[str]] | InputFailure:
    try:
        with os.scandir(directory) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError as exc:
        return InputFailure(directory, f"{_os_reason(exc)}; directory skipped")


def _file_source(path: str, seen: set[_FileKey]) -> Iterator[Source | InputFailure]:
    try:
        info = os.stat(path)
    except OSError as exc:
        yield InputFailure(path, _os_reason(exc))
        return
    if _first_time(info, seen):
        yield Source(origin=path, path=Path(path))


def _first_time(info: os.stat_result, seen: set[_FileKey]) -> bool:
    key = _key(info)
    if key in seen:
        return False
    seen.add(key)
    return True


def _key(info: os.stat_result) -> _FileKey:
    return info.st_dev, info.st_ino


def _split_glob(pattern: str) -> tuple[str, list[str]]:
    """The literal directory a glob starts from, and the path segments left to match."""
    segments = pattern.replace(os.sep, "/").split("/")
    literal = 0
    while literal < len(segments) - 1 and not _GLOB_MAGIC.search(segments[literal]):
        literal += 1
    root = "/".join(segments[:literal])
    if pattern.startswith("/") and not root:
        root = "/"
    return root, [s for s in segments[literal:] if s]


def _glob_regex(segments: list[str]) -> str:
    """Shell glob semantics per segment (``*``, ``?``, ``[...]`` never cross ``/``); ``**`` spans any
    number of directories, including none."""
    parts: list[str] = []
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == "**":
            parts.append(".*" if last else "(?:[^/]+/)*")
        else:
            parts.append(_segment_regex(segment) + ("" if last else "/"))
    return "".join(parts)


def _segment_regex(segment: str) -> str:
    out: list[str] = []
    index = 0
    while index < len(segment):
        char = segment[index]
        close = segment.find("]", index + 2) if char == "[" else -1
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif close > 0:
            inner = segment[index + 1 : close]
            inner = "^" + inner[1:] if inner.startswith("!") else inner
            out.append("[" + inner.replace("\\", "\\\\").replace("/", "") + "]")
            index = close
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied; check its permissions"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    return f"could not be read ({exc.strerror or exc})"
