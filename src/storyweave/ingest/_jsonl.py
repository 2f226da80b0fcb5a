"""JSON Lines: one report per line, or one group of reports per line (the ``"documents"`` format of the
evaluation contracts), with per-line failures so one bad line never costs the rest of the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from storyweave.ingest._decode import decode_text
from storyweave.ingest._options import ReadOptions
from storyweave.ingest._source import Source
from storyweave.model import Document, InputFailure
from storyweave.text.datelines import parse_published

__all__ = ["JsonLinesReader", "looks_like_json"]

# Datasets name the same field differently (PolNeAR says "publisher"); first present wins.
_FIELD_NAMES = {
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "source": ("source", "publisher", "outlet"),
    "published": ("published", "date"),
}
_BOM = "\ufeff"


class JsonLinesReader:
    """``.jsonl``/``.ndjson``/``.json`` files, and any content whose first character opens a JSON object."""

    name = "jsonl"
    suffixes = frozenset({".jsonl", ".ndjson", ".json"})

    def sniff(self, source: Source) -> bool:
        return looks_like_json(source.head())

    def read(self, source: Source, options: ReadOptions) -> Iterator[Document | InputFailure]:
        text = decode_text(source.read_bytes(options.max_bytes)).lstrip(_BOM)
        lines = _numbered_lines(text)
        first = next(((n, line) for n, line in lines if line.strip()), None)
        if first is None:
            yield InputFailure(source.origin, "no text found (only blank lines)")
            return
        whole = _parse_whole(text) if _parse(first[1]) is None else None
        if whole is not None:  # one pretty-printed object, or an array of them
            yield from _records_from_whole(whole, source.origin)
            return
        for number, line in _chain(first, lines):
            if line.strip():
                yield from _records_from_line(line, f"{source.origin}:{number}")


def looks_like_json(head: bytes) -> bool:
    """Content that opens a JSON object or array, once byte-order marks and white space are skipped."""
    start = head.lstrip(b"\xef\xbb\xbf").lstrip()
    return start.startswith((b"{", b"[{", b"[ ", b"[\n", b"[\r"))


def _numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    """Lines split on ``\\n`` only: U+2028 and friends are legal inside JSON strings, so ``splitlines``
    would cut records apart. Lazy, so a large file is never copied into a list of lines."""
    start, number = 0, 1
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        yield number, text[start:end]
        start, number = end + 1, number + 1


def _chain(first: tuple[int, str], rest: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    yield first
    yield from rest


def _parse(line: str) -> Any | None:
    try:
        return json.loads(line)
    except (ValueError, RecursionError):
        return None


def _parse_whole(text: str) -> list[Any] | dict[str, Any] | None:
    value = _parse(text)
    return value if isinstance(value, list | dict) else None


def _records_from_whole(value: list[Any] | dict[str, Any], origin: str) -> Iterator[Document | InputFailure]:
    if isinstance(value, dict):
        yield from _records_from_value(value, origin)
        return
    for index, item in enumerate(value):
        yield from _records_from_value(item, f"{origin}[{index}]")


def _records_from_line(line: str, origin: str) -> Iterator[Document | InputFailure]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        problem = exc.msg.removesuffix(" starting at").lower()
        yield InputFailure(origin, f"not valid JSON at column {exc.colno} ({problem}); line skipped")
        return
    except (ValueError, RecursionError):
        yield InputFailure(origin, "not valid JSON (nested too deeply or malformed); line skipped")
        return
    if isinstance(value, list):  # an array of reports written on one line: each is a report
        yield from _records_from_whole(value, origin)
        return
    yield from _records_from_value(value, origin)


def _records_from_value(value: Any, origin: str) -> Iterator[Document | InputFailure]:
    if not isinstance(value, dict):
        yield InputFailure(origin, f"expected a JSON object, found {_kind(value)}; skipped")
        return
    if "documents" in value and "text" not in value:
        yield from _documents_group(value, origin)
        return
    yield _document(value, origin, external_id=_identifier(value.get("id")))


def _documents_group(group: dict[str, Any], origin: str) -> Iterator[Document | InputFailure]:
    """``{"id", "documents": [str or {"text", ...}, ...]}``: one document per entry, ``origin#k``."""
    documents = group["documents"]
    if not isinstance(documents, list) or not documents:
        shown = "empty" if documents == [] else _kind(documents)
        yield InputFailure(origin, f'"documents" is {shown}; expected a list of texts; skipped')
        return
    group_id = _identifier(group.get("id"))
    for index, item in enumerate(documents):
        item_origin = f"{origin}#{index}"
        external_id = f"{group_id}#{index}" if group_id is not None else None
        if isinstance(item, str):
            yield _document({"text": item}, item_origin, external_id)
        elif isinstance(item, dict):
            yield _document(item, item_origin, _identifier(item.get("id")) or external_id)
        else:
            expected = 'expected a string or an object with "text"'
            yield InputFailure(item_origin, f"document is {_kind(item)}; {expected}; skipped")


def _document(record: dict[str, Any], origin: str, external_id: str | None) -> Document | InputFailure:
    text = record.get("text")
    if not isinstance(text, str):
        if text is None:
            keys = ", ".join(sorted(map(str, record))[:8]) or "none"
            return InputFailure(origin, f'no "text" field (keys: {keys}); skipped')
        return InputFailure(origin, f'"text" is {_kind(text)}, expected a string; skipped')
    return Document(
        text=text.strip(),
        origin=origin,
        title=_string_field(record, "title"),
        url=_string_field(record, "url"),
        published=parse_published(_first_present(record, "published")),
        source=_string_field(record, "source"),
        external_id=external_id,
    )


def _first_present(record: dict[str, Any], field: str) -> Any:
    return next((record[name] for name in _FIELD_NAMES[field] if record.get(name) is not None), None)


def _string_field(record: dict[str, Any], field: str) -> str | None:
    """Metadata is optional, so a malformed value is dropped rather than failing the whole record."""
    value = _first_present(record, field)
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _identifier(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    return str(value).strip() or None


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")
