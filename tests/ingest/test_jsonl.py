"""JSON Lines: report records, the evaluation "documents" groups, and per-line failures."""

from __future__ import annotations

import gzip
import json
from datetime import date

from storyweave.model import Document, InputFailure


def _write_lines(path, *lines: object) -> None:
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", "utf-8")


def test_records_carry_their_metadata(tmp_path, read):
    path = tmp_path / "reports.jsonl"
    _write_lines(
        path,
        {
            "id": "r1",
            "text": "  The dam held overnight.  ",
            "title": "Dam  holds",
            "url": "https://example.org/dam",
            "published": "2017-03-08",
            "source": "Valley Gazette",
        },
        {"id": 7, "text": "Rain eased by morning.", "published": "2017-03-09T23:30:00-05:00"},
    )
    first, second = read(path)
    assert first == Document(
        text="The dam held overnight.",
        origin=f"{path}:1",
        title="Dam holds",
        url="https://example.org/dam",
        published=date(2017, 3, 8),
        source="Valley Gazette",
        external_id="r1",
    )
    assert second.external_id == "7"
    assert second.published == date(2017, 3, 9)  # the publisher's own calendar day


def test_garbage_dates_and_metadata_are_dropped_not_fatal(tmp_path, read_one):
    path = tmp_path / "junk.jsonl"
    _write_lines(path, {"text": "Rain eased.", "published": "last Tuesday-ish", "title": 42, "url": None})
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert (doc.published, doc.title, doc.url) == (None, None, None)


def test_documents_group_yields_one_document_each(tmp_path, read):
    path = tmp_path / "groups.jsonl"
    _write_lines(path, {"id": "g1", "documents": ["First report.", {"text": "Second report.", "title": "T"}]})
    first, second = read(path)
    assert (first.origin, first.external_id, first.text) == (f"{path}:1#0", "g1#0", "First report.")
    assert (second.origin, second.title) == (f"{path}:1#1", "T")


def test_one_bad_line_costs_only_that_line(tmp_path, read):
    path = tmp_path / "mixed.jsonl"
    _write_lines(
        path,
        {"text": "Good one."},
        '{"text": "unterminated',
        "[1, 2]",
        {"title": "no text here"},
        {"text": ["not", "a", "string"]},
        {"documents": []},
        {"documents": ["ok", 5]},
        "",
        {"text": "   "},
        {"text": "Good two."},
    )
    records = read(path)
    failures = {r.origin: r.reason for r in records if isinstance(r, InputFailure)}
    assert [r.text for r in records if isinstance(r, Document)] == ["Good one.", "ok", "Good two."]
    assert failures == {
        f"{path}:2": "not valid JSON at column 10 (unterminated string); line skipped",
        f"{path}:3[0]": "expected a JSON object, found a number; skipped",
        f"{path}:3[1]": "expected a JSON object, found a number; skipped",
        f"{path}:4": 'no "text" field (keys: title); skipped',
        f"{path}:5": '"text" is a list, expected a string; skipped',
        f"{path}:6": '"documents" is empty; expected a list of texts; skipped',
        f"{path}:7#1": 'document is a number; expected a string or an object with "text"; skipped',
        f"{path}:9": "no text found",
    }


def test_gzipped_jsonl(tmp_path, read_one):
    path = tmp_path / "reports.jsonl.gz"
    path.write_bytes(gzip.compress(json.dumps({"text": "Compressed report."}).encode()))
    assert read_one(path).text == "Compressed report."


def test_pretty_printed_json_and_arrays(tmp_path, read):
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"text": "Pretty report."}, indent=2), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": "A."}, {"text": "B."}], indent=2), encoding="utf-8")
    records = read(single, many)
    assert [(r.origin, r.text) for r in records] == [
        (str(single), "Pretty report."),
        (f"{many}[0]", "A."),
        (f"{many}[1]", "B."),
    ]


def test_line_separator_inside_a_string_does_not_split_the_record(tmp_path, read_one):
    path = tmp_path / "u2028.jsonl"
    path.write_bytes(b'{"text": "before\xe2\x80\xa8after"}\n')
    assert read_one(path).text == "before\u2028after"


def test_dataset_field_aliases(tmp_path, read_one):
    path = tmp_path / "polnear.jsonl"
    _write_lines(path, {"text": "Report.", "publisher": "Daily Planet", "date": "2016-10-01"})
    doc = read_one(path)
    assert (doc.source, doc.published) == ("Daily Planet", date(2016, 10, 1))


def test_an_array_of_reports_on_one_line_is_read_like_a_pretty_printed_one(tmp_path, read):
    path = tmp_path / "array.json"
    path.write_text(
        '[{"text": "A flood hit Tessfield, police said."}, {"text": "A storm hit Lowmoor, the mayor said."}]',
        encoding="utf-8",
    )
    documents = read(path)
    assert [d.text for d in documents if isinstance(d, Document)] == [
        "A flood hit Tessfield, police said.",
        "A storm hit Lowmoor, the mayor said.",
    ]
    assert read(tmp_path / "array.json", stdin=None) and len(read("-", stdin=path.read_bytes())) == 2
