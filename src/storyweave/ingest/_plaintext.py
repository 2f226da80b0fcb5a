"""Plain-text reports: the body as written, a title only when the first line is one, a date only when stated.

Text files carry no metadata, so both title and date are inferred, and both err towards "unknown": a
first sentence taken for a title would vanish from the body, and an invented date would misplace the
report in time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from storyweave.ingest._decode import decode_text
from storyweave.ingest._options import ReadOptions
from storyweave.ingest._source import Source
from storyweave.model import Document, InputFailure
from storyweave.text.datelines import (
    copyright_holder,
    dateline_agency,
    find_publication_date,
    looks_like_date_line,
    looks_like_dateline,
)

__all__ = ["TextReader", "split_header", "split_title"]

_MAX_TITLE_CHARS = 160
_MAX_TITLE_WORDS = 25
# Without a blank line after it, a line is a heading only if it is short and reads like one.
_MAX_BARE_HEADING_WORDS = 14
# Final periods that end an abbreviation, not a sentence ("Talks stall in Washington, D.C.").
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Inc|Co|Corp|Ltd|Jr|Sr|St|Dr|Mr|Mrs|Ms|Gen|Gov|Sen|Rep|No|vs|etc)\.)$"
)
_CLOSING_QUOTES = "\"'”’»)]"
_FIRST_LINE = re.compile(r"\s*([^\n]*)\n")
_BLANK_LINE = re.compile(r"[ \t]*\n")
_BYLINE = re.compile(r"^by\s+[A-Z]", re.IGNORECASE)
# "By Mara Quill, Kellhaven Courier" / "By Mara Quill | Kellhaven Courier" / "By Mara Quill"
_BYLINE_OUTLET = re.compile(r"^[Bb][Yy]\s+[A-Z][^,|\n]*?(?:\s*[,|]\s*(?P<outlet>[A-Z][^,|\n]*))?$")
_MAX_BYLINE_WORDS = 12
_MAX_HEADER_LINES = 6
_SMALL_WORDS = frozenset({
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "over", "per",
    "the", "to", "up", "via", "vs", "with",
})  # fmt: skip


class TextReader:
    """Reads ``.txt``/``.text``/``.md`` files by name, and, as the last resort, any text nothing else
    recognised (which is why ``sniff`` accepts every source that has bytes)."""

    name = "text"
    suffixes = frozenset({".txt", ".text", ".md"})

    def sniff(self, source: Source) -> bool:
        return source.path is not None or source.data is not None

    def read(self, source: Source, options: ReadOptions) -> Iterator[Document | InputFailure]:
        text = decode_text(source.read_bytes(options.max_bytes))
        title, body = split_title(text)
        outlet, body = split_header(body)
        yield Document(
            text=body.strip(),
            origin=source.origin,
            title=title,
            published=find_publication_date(text),
            source=outlet or dateline_agency(body.lstrip()) or copyright_holder(body),
        )


def split_header(body: str) -> tuple[str | None, str]:
    """Take the header lines under a title ("Published: ...", "By Mara Quill, Kellhaven Courier") out of
    the body, and the outlet out of the byline: they are metadata, and as body text they would end up
    quoted in summaries."""
    lines = body.split("\n")
    outlet = None
    i = 0
    while i < len(lines) and i < _MAX_HEADER_LINES:
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        if looks_like_date_line(line):
            i += 1
            continue
        byline = _BYLINE_OUTLET.match(line)
        if byline and len(line.split()) <= _MAX_BYLINE_WORDS:
            outlet = outlet or (byline.group("outlet") or "").strip() or None
            i += 1
            continue
        break
    return outlet, "\n".join(lines[i:])


# A section trail at the head of a saved page ("English >> World", "News › Europe"): page furniture, never
# the title or the text of the report.
_BREADCRUMB = re.compile(r"[^\n>»›]{1,40}(?:\s(?:>>|»|›)\s[^\n>»›]{1,40}){1,5}")


def split_title(text: str) -> tuple[str | None, str]:
    """``(title, body)`` when the first non-blank line looks like a title, else ``(None, text)``; a section
    trail before it is dropped."""
    first = _FIRST_LINE.match(text)
    if first is not None and _BREADCRUMB.fullmatch(first.group(1).strip()):
        text = text[first.end() :]
        first = _FIRST_LINE.match(text)
    if first is None:
        return None, text
    rest = text[first.end() :]
    if not rest.strip():
        return None, text
    title = " ".join(first.group(1).split())
    next_line = rest.lstrip("\n").split("\n", 1)[0].strip()
    header_follows = bool(
        looks_like_date_line(next_line) or looks_like_dateline(next_line) or _BYLINE.match(next_line)
    )
    if _looks_like_title(title, followed_by_blank=_BLANK_LINE.match(rest) is not None or header_follows):
        return title, rest
    return None, text


def _looks_like_title(line: str, followed_by_blank: bool) -> bool:
    words = line.split()
    if not words or len(line) > _MAX_TITLE_CHARS or len(words) > _MAX_TITLE_WORDS:
        return False
    if looks_like_dateline(line) or looks_like_date_line(line) or _BYLINE.match(line):
        return False
    bare = line.rstrip(_CLOSING_QUOTES)
    if bare.endswith((":", ";", ",", "…", "...")):
        return False
    if bare.endswith(".") and not _ABBREVIATION_END.search(bare):
        return False
    if followed_by_blank:
        return True
    return _reads_like_heading(words, bare)


def _reads_like_heading(words: list[str], bare: str) -> bool:
    """Short, no closing punctuation, and Title Case or ALL CAPS: a heading even with no blank line."""
    if len(words) > _MAX_BARE_HEADING_WORDS or bare.endswith((".", "!", "?")):
        return False
    letters = [w for w in words if w[:1].isalpha()]
    if not letters:
        return False
    if all(w.isupper() for w in letters):
        return True
    content = [w for w in letters if w.lower() not in _SMALL_WORDS]
    return bool(content) and all(w[0].isupper() for w in content)
