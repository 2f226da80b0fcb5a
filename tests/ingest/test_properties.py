"""Property tests: whatever bytes arrive, read_inputs yields Documents or InputFailures and never raises."""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyweave.ingest import ReadOptions, read_inputs
from storyweave.model import Document, InputFailure

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "cp1251"]
SUFFIXES = ["", ".txt", ".jsonl", ".json", ".html", ".dat", ".jsonl.gz"]
PROPERTY_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _records_from_stdin(data: bytes, max_bytes: int = 100_000) -> list[Document | InputFailure]:
    return list(read_inputs(["-"], ReadOptions(max_bytes=max_bytes), stdin=io.BytesIO(data)))


def _assert_well_formed(records: list[Document | InputFailure]) -> None:
    assert records, "every input yields at least one record"
    for record in records:
        assert isinstance(record, Document | InputFailure)
        if isinstance(record, Document):
            assert record.text.strip()
            assert record.origin
        else:
            assert record.reason and record.origin


@PROPERTY_SETTINGS
@given(st.binary(max_size=4096))
def test_random_bytes_on_stdin(data):
    _assert_well_formed(_records_from_stdin(data))


@PROPERTY_SETTINGS
@given(data=st.binary(max_size=2048), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_in_files_of_every_kind(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("bytes") / f"input{suffix}"
    path.write_bytes(data)
    _assert_well_formed(list(read_inputs([str(path)])))


@PROPERTY_SETTINGS
@given(text=st.text(max_size=1500), encoding=st.sampled_from(ENCODINGS))
def test_random_text_in_random_encodings(text, encoding):
    data = text.encode(encoding, errors="replace")
    records = _records_from_stdin(data)
    _assert_well_formed(records)


_JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40)
_JSON_VALUES = st.recursive(
    _JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
_FIELD = st.sampled_from(["text", "title", "url", "published", "source", "id", "documents", "date"])
_RECORD = st.dictionaries(_FIELD, _JSON_VALUES | st.lists(st.text(max_size=30), max_size=3), max_size=6)
_LINE = st.one_of(
    _RECORD.map(json.dumps),
    _JSON_VALUES.map(json.dumps),
    _RECORD.map(json.dumps).map(lambda line: line[: len(line) // 2]),  # cut mid-record
    st.text(max_size=60),
)


@PROPERTY_SETTINGS
@given(st.lists(_LINE, min_size=1, max_size=12))
def test_random_json_ish_lines(lines):
    data = "\n".join(lines).encode("utf-8", errors="replace")
    _assert_well_formed(_records_from_stdin(b"{}\n" + data))


_TAGS = st.sampled_from(
    ["p", "div", "article", "h1", "title", "meta", "script", "table", "td", "b", "html", "body"]
)
_HTML_PIECE = st.one_of(
    _TAGS.map(lambda t: f"<{t}>"),
    _TAGS.map(lambda t: f"</{t}>"),
    _TAGS.map(lambda t: f'<{t} class="x" content="2017-03-08">'),
    st.text(max_size=80),
    st.sampled_from(["<!DOCTYPE html>", "<!--", "-->", "<![CDATA[", "&amp;", "&#0;", "<", ">", "\x00"]),
)


@PROPERTY_SETTINGS
@given(st.lists(_HTML_PIECE, max_size=30))
def test_random_html_fragments(pieces):
    data = ("<html>" + "".join(pieces)).encode("utf-8", errors="replace")
    _assert_well_formed(_records_from_stdin(data))


@PROPERTY_SETTINGS
@given(data=st.binary(min_size=1, max_size=300), limit=st.integers(min_value=1, max_value=400))
def test_size_limit_is_never_exceeded(data, limit):
    records = _records_from_stdin(data, max_bytes=limit)
    _assert_well_formed(records)
    if len(data) > limit:
        assert len(records) == 1 and isinstance(records[0], InputFailure)
        assert "limit" in records[0].reason
