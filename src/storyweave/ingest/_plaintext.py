"""Plain-text reports: the body as written, a title only when the first line is one, a date only when stated.

Text files carry no metadata, so both title and date are inferred, and both err towards "unknown": a
first sentence taken for a title would vanish from the body, and an invented date would misplace the
report in time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from storyweave.ingest._dates import find_publication_date, looks_like_date_line, looks_like_dateline
from storyweave.ingest._decode import decode_text
from storyweave.ingest._options import ReadOptions
from storyweave.ingest._source import Source
from storyweave.model import Document, InputFailure

__all__ = ["TextReader", "split_title"]

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
        yield Document(
            text=body.strip(),
            origin=source.origin,
            title=title,
            published=find_publication_date(text),
        )


def split_title(text: str) -> tuple[str | None, str]:
    """``(title, body)`` when the first non-blank line looks like a title, else ``(None, text)``."""
    first = _FIRST_LINE.match(text)
    if first is None:
        return None, text
    rest = text[first.end() :]
    if not rest.strip():
        return None, text
    title = " ".join(first.group(1).split())
    if _looks_like_title(title, followed_by_blank=_BLANK_LINE.match(rest) is not None):
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
