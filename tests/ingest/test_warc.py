"""WARC archives written here with warcio: HTML responses become articles; truncation and garbage cost
only what they break, and never crash the reader."""

from __future__ import annotations

import functools
import io
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyweave.ingest import ReadOptions, read_inputs
from storyweave.ingest._warc import WarcReader
from storyweave.model import Document, InputFailure

DATED = """<html><head><title>Orchard fire contained</title>
<meta property="article:published_time" content="2019-08-14T10:00:00Z"></head><body><article>
<p>Firefighters contained a blaze in the hill orchards on Wednesday after it had burned through forty
hectares of apple trees, the regional fire service said.</p>
<p>No one was hurt, and the farmers' cooperative promised to replant before the winter rains.</p>
</article></body></html>"""

UNDATED = """<html><head><title>Library extends its hours</title></head><body><article>
<p>The town library will stay open until nine in the evening from next month, after readers asked for
more time to study and borrow books after work.</p>
<p>The extra hours will be paid for by the friends of the library society.</p>
</article></body></html>"""

THIRD = """<html><head><title>Choir wins the regional contest</title></head><body><article>
<p>The village choir won the regional contest on Saturday with a programme of old harvest songs,
beating eleven other choirs from across the valley.</p></article></body></html>"""


def write_warc(path: Path, pages: list[tuple[str, str, str]], gzip: bool = True) -> list[int]:
    """Response records for ``(uri, content_type, body)`` plus a request record first; returns the byte
    offset where each response record ends."""
    ends = []
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.test")], is_http_request=True)
        writer.write_record(
            writer.create_warc_record(
                "http://example.test/", "request", payload=io.BytesIO(b""), http_headers=request
            )
        )
        for uri, content_type, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(body.encode("utf-8")),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-01-02T03:04:05Z"},
            )
            writer.write_record(record)
            ends.append(handle.tell())
    return ends


PAGES = [
    ("https://orchard.example/fire", "text/html; charset=utf-8", DATED),
    ("https://orchard.example/logo.png", "image/png", "not a page"),
    ("https://town.example/library", "text/html", UNDATED),
    ("https://choir.example/contest", "text/html", THIRD),
]


def test_html_responses_become_articles(tmp_path, read):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, PAGES)
    fire, library, choir = read(path)
    assert isinstance(fire, Document) and isinstance(library, Document) and isinstance(choir, Document)
    assert fire.title == "Orchard fire contained" and fire.text.startswith("Firefighters contained")
    assert fire.url == "https://orchard.example/fire"
    assert fire.origin == f"{path}#https://orchard.example/fire"
    assert fire.published == date(2019, 8, 14)
    # The page states no date: it stays unknown, not the crawl's WARC-Date.
    assert library.published is None and library.url == "https://town.example/library"
    assert choir.title == "Choir wins the regional contest"


def test_uncompressed_archive_and_sniffing(tmp_path, read):
    path = tmp_path / "crawl.bin"
    write_warc(path, PAGES, gzip=False)
    assert [type(r) for r in read(path)] == [Document, Document, Document]


def test_truncated_gzip_keeps_the_records_before_it(tmp_path, read):
    path = tmp_path / "cut.warc.gz"
    ends = write_warc(path, PAGES)
    data = path.read_bytes()
    path.write_bytes(data[: ends[2] + (ends[3] - ends[2]) // 2])  # cut halfway through the last page
    records = read(path)
    assert [type(r) for r in records] == [Document, Document, InputFailure]
    assert records[2].origin == str(path)
    assert records[2].reason.startswith("broken WARC data after record 4")
    assert records[2].reason.endswith("the records before it were kept, the rest of the file was skipped")


def test_truncated_uncompressed_archive_keeps_the_records_before_it(tmp_path, read):
    path = tmp_path / "cut.warc"
    ends = write_warc(path, PAGES, gzip=False)
    path.write_bytes(path.read_bytes()[: ends[2] + (ends[3] - ends[2]) * 3 // 4])
    records = read(path)
    assert [type(r) for r in records] == [Document, Document, InputFailure]
    assert "record 5 ends early: the file is truncated" in records[2].reason


def test_an_empty_warc_file_is_empty_not_truncated(tmp_path, read_one):
    path = tmp_path / "empty.warc"
    path.write_bytes(b"")
    failure = read_one(path)
    assert isinstance(failure, InputFailure) and "is empty" in failure.reason


def test_not_a_warc_is_one_failure(tmp_path, read_one):
    path = tmp_path / "fake.warc"
    path.write_bytes(b"this is not an archive at all\n" * 10)
    failure = read_one(path)
    assert isinstance(failure, InputFailure)
    assert failure.reason.startswith("is not a readable WARC archive")


def test_oversized_record_is_skipped_alone(tmp_path, read):
    path = tmp_path / "big.warc.gz"
    huge = "<html><body><p>" + "word " * 5000 + "</p></body></html>"
    write_warc(path, [("https://big.example/", "text/html", huge), PAGES[2]])
    big, library = read(path, max_bytes=10_000)
    assert big == InputFailure(f"{path}#https://big.example/", "record body is over the 10 kB limit; skipped")
    assert isinstance(library, Document)


def read_warc_bytes(blob: bytes) -> list[Document | InputFailure]:
    options = ReadOptions(readers=(WarcReader(),))
    return list(read_inputs(["-"], options, stdin=io.BytesIO(blob)))


def handled_by_the_reader(records: list[Document | InputFailure]) -> bool:
    return all(not (isinstance(r, InputFailure) and "unexpected" in r.reason) for r in records)


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_never_crash_the_warc_reader(blob):
    assert handled_by_the_reader(read_warc_bytes(b"WARC/1.0\r\n" + blob))


@functools.cache
def sample_archive(gzip: bool) -> bytes:
    """Written once per run: hypothesis replays examples, and each writing draws fresh record ids."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.warc"
        write_warc(path, PAGES[:3], gzip=gzip)
        return path.read_bytes()


@settings(max_examples=40, deadline=None)
@given(st.booleans(), st.integers(0, 10**6), st.binary(max_size=30))
def test_damaged_archives_never_crash_the_warc_reader(gzip, cut, junk):
    blob = sample_archive(gzip)
    cut %= len(blob) + 1
    assert handled_by_the_reader(read_warc_bytes(blob[:cut] + junk + blob[cut + len(junk) :]))
