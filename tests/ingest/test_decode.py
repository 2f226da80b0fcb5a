"""Encodings: marks first, then UTF-8, then detection; damaged text read, binary refused with a name."""

from __future__ import annotations

import codecs

import pytest

from storyweave.model import Document, InputFailure

TEXT = "Café owners in Zürich said the “crisis” was over – naïve, perhaps, but señor Díaz agreed."


LATIN1_TEXT = TEXT.replace("“", '"').replace("”", '"').replace("–", "-")


@pytest.mark.parametrize(
    ("encoded", "expected"),
    [
        pytest.param(TEXT.encode("utf-8"), TEXT, id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT, id="utf-8 BOM"),
        pytest.param(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TEXT, id="utf-16-le BOM"),
        pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT, id="utf-16-be BOM"),
        pytest.param(TEXT.encode("utf-16-le"), TEXT, id="utf-16-le no BOM"),
        pytest.param(TEXT.encode("cp1252"), TEXT, id="cp1252"),
        pytest.param(LATIN1_TEXT.encode("latin-1"), LATIN1_TEXT, id="latin-1"),
    ],
)
def test_encodings_decode_correctly(tmp_path, read_one, encoded, expected):
    path = tmp_path / "report.txt"
    path.write_bytes(encoded)
    doc = read_one(path)
    assert isinstance(doc, Document), doc
    assert doc.text == expected


def test_other_legacy_encodings_are_detected(tmp_path, read_one):
    russian = "Москва — столица России, крупнейший город страны. Мэр заявил, что мост откроют в мае."
    path = tmp_path / "ru.txt"
    path.write_bytes(russian.encode("cp1251"))
    assert read_one(path).text == russian


def test_damaged_utf8_is_read_best_effort(tmp_path, read_one):
    path = tmp_path / "damaged.txt"
    path.write_bytes(TEXT.encode("utf-8") + b" \xff\xfe broken tail")
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert doc.text.startswith("Café owners in Zürich")


def test_crlf_and_cr_line_ends_become_newlines(tmp_path, read_one):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"First paragraph.\r\n\r\nSecond.\rThird.")
    assert read_one(path).text == "First paragraph.\n\nSecond.\nThird."


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary (PNG image?); skipped"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "looks binary (PDF document?); skipped"),
        (b"PK\x03\x04\x14\x00\x06\x00", "looks binary (ZIP archive or Office document?); skipped"),
        (bytes(range(256)) * 4, "looks binary; skipped"),
        (b"text\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f", "looks binary; skipped"),
    ],
)
def test_binary_content_is_refused_with_a_name(tmp_path, read_one, content, reason):
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    assert read_one(path) == InputFailure(str(path), reason)


@pytest.mark.parametrize(
    "declared", ["utf-8", "rot13", "base64", "hex", "no-such-codec", "\x00tf-8", "undefined", "idna"]
)
def test_a_declaration_that_cannot_be_right_is_not_believed(declared):
    from storyweave.ingest._decode import decode_text

    latin1 = "Le café a brûlé hier, a dit la police. Douze personnes ont été blessées.".encode("latin-1")
    assert decode_text(latin1, declared) == latin1.decode("cp1252")
