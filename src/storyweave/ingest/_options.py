"""The reader plug-in contract and the one options object every reader receives.

Adding a kind of input (URLs, RSS/Atom feeds, WARC) means writing one class with the four members of
``Reader`` and listing it in ``DEFAULT_READERS``; no other reader changes, because readers never look at
each other: the dispatcher decides who gets a source (see ``storyweave.ingest._dispatch``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

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
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    readers: tuple[Reader, ...] | None = None

    def __post_init__(self) -> None:
        if self.max_bytes < 1:
            raise ValueError(f"max_bytes must be a positive number of bytes, not {self.max_bytes}")
