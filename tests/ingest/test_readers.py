"""The reader plug-in contract: choosing a reader, adding one, and what every reader may rely on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from storyweave.ingest import DEFAULT_READERS, Reader, ReadOptions, Source
from storyweave.ingest._dispatch import choose_reader
from storyweave.model import Document, InputFailure


class EchoUrlReader:
    """A stand-in for the future URL reader: claims URLs by sniffing, yields one document each."""

    name = "echo-url"
    suffixes: frozenset[str] = frozenset()

    def sniff(self, source: Source) -> bool:
        return source.origin.startswith("https://")

    def read(self, source: Source, options: ReadOptions) -> Iterator[Document | InputFailure]:
        yield Document(text=f"fetched {source.origin}", origin=source.origin, url=source.origin)


@pytest.mark.parametrize("reader", DEFAULT_READERS, ids=lambda r: r.name)
def test_built_in_readers_follow_the_protocol(reader):
    assert isinstance(reader, Reader)
    assert reader.name and all(s.startswith(".") for s in reader.suffixes)


@pytest.mark.parametrize(
    ("name", "head", "reader"),
    [
        ("a.jsonl", b"{}", "jsonl"),
        ("a.jsonl.gz", b"", "jsonl"),
        ("a.html", b'{"text": 1}', "html"),  # a declared extension beats sniffing
        ("a.txt", b"<html><body>", "text"),
        ("a.dat", b'  {"text": "x"}', "jsonl"),
        ("a.dat", b"\n<!DOCTYPE html><html>", "html"),
        ("a.dat", b"Plain words.", "text"),
    ],
)
def test_choose_reader(tmp_path, name, head, reader):
    path = tmp_path / name
    path.write_bytes(head)
    assert choose_reader(Source(origin=name, path=path), DEFAULT_READERS).name == reader


def test_a_new_reader_plugs_in_without_touching_the_others(tmp_path, read):
    good = tmp_path / "a.txt"
    good.write_text("Local report.", encoding="utf-8")
    records = read("https://example.org/x", good, readers=(EchoUrlReader(), *DEFAULT_READERS))
    assert records == [
        Document("fetched https://example.org/x", "https://example.org/x", url="https://example.org/x"),
        Document("Local report.", str(good)),
    ]


def test_documents_without_text_become_failures_for_every_reader(read):
    class BlankReader(EchoUrlReader):
        def read(self, source, options):
            yield Document(text=" \n ", origin=source.origin)

    assert read("https://example.org/x", readers=(BlankReader(),)) == [
        InputFailure("https://example.org/x", "no text found")
    ]
