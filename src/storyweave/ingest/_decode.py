"""Bytes to text: byte-order marks first, then UTF-8, then charset detection; binary refused with a name.

News archives hold every encoding the web ever used. Byte-order marks are certain, so they win; UTF-8 is
self-checking, so a clean decode is trusted; only then do we guess. charset-normalizer alone picks cp1250
for short Western European texts (it scores "crème" and "crčme" alike), so among its equally good
candidates we prefer cp1252, the legacy encoding the web actually used for such text (WHATWG maps
Latin-1 to it too).
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from storyweave.ingest._source import InputError

__all__ = ["binary_kind", "decode_text"]

# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Formats worth naming in "looks binary (PNG image?)"; all start with bytes no text file starts with.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00asm", "WebAssembly module"),
    (b"\xca\xfe\xba\xbe", "Java class file"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
_SIGNATURE_PREFIXES = tuple(signature for signature, _ in _SIGNATURES)
_BOM_PREFIXES = tuple(bom for bom, _ in _BOMS)
# Control bytes that never occur in text (tab, newlines, form feed and escape do).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
# A whole, valid multi-byte UTF-8 sequence: real UTF-8 text with a few damaged bytes still has many.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}",
)
_SAMPLE = 65536
_DETECTION_SAMPLE = 1 << 18
_MAX_CONTROL_SHARE = 0.05
_MAX_UNPRINTABLE_SHARE = 0.10
_PREFERRED_LEGACY = "cp1252"
_UNNAMED_BINARY = "binary data"


def binary_kind(head: bytes) -> str | None:
    """``None`` for text; otherwise what the bytes look like, in words ("PNG image", "binary data").

    Judged on the first bytes only, so it is cheap enough to run on every file of a large directory.
    """
    if head.startswith(_SIGNATURE_PREFIXES):
        return next(name for signature, name in _SIGNATURES if head.startswith(signature))
    sample = head[:_SAMPLE]
    if not sample or sample.startswith(_BOM_PREFIXES):
        return None
    if b"\x00" in sample:
        return None if _utf16_without_bom(sample) else _UNNAMED_BINARY
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls / len(sample) > _MAX_CONTROL_SHARE:
        return _UNNAMED_BINARY
    return None


def decode_text(data: bytes, declared_encoding: str | None = None) -> str:
    """Decode ``data`` to text with ``\\n`` line ends, or raise ``InputError`` saying why it is not text.

    ``declared_encoding`` (an HTML ``<meta charset>``) is believed before guessing but after UTF-8, since
    pages re-saved as UTF-8 often keep their old declaration.
    """
    kind = binary_kind(data[:_SAMPLE])
    if kind is not None:
        detail = "" if kind == _UNNAMED_BINARY else f" ({kind}?)"
        raise InputError(f"looks binary{detail}; skipped")
    text = _decode(data, declared_encoding)
    sample = text[:_SAMPLE]
    if sample and len(_UNPRINTABLE.findall(sample)) / len(sample) > _MAX_UNPRINTABLE_SHARE:
        raise InputError("is not readable text in any encoding we recognise (binary?); skipped")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def _decode(data: bytes, declared_encoding: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    utf16 = _utf16_without_bom(data[:_SAMPLE])
    if utf16:
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace")
    if declared_encoding and _known_codec(declared_encoding):
        try:
            return data.decode(declared_encoding, errors="replace")
        except UnicodeError:  # codecs such as "idna" raise whatever ``errors`` says
            pass
    return _guess(data)


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 saved without a mark: ASCII-range text puts a NUL in every other byte, on one side only."""
    if len(head) < 4 or b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    even_nuls, odd_nuls = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few damaged bytes (a truncated download, a bad copy), not a legacy encoding."""
    valid = len(_UTF8_MULTIBYTE.findall(data[:_SAMPLE]))
    damaged = data[:_SAMPLE].decode("utf-8", errors="replace").count("\ufffd")
    return valid > 0 and damaged < valid


def _known_codec(name: str) -> bool:
    """A legacy text encoding the declaration may name: not rot13 or base64 (bytes-to-bytes codecs); not
    UTF-8, which has just failed to decode these bytes (the page was saved in another encoding); not
    UTF-16/32, which the byte-order mark and NUL-pattern checks have already ruled out."""
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):  # ValueError: a NUL inside the declared name
        return False
    unicode = info.name.startswith(("utf-8", "utf-16", "utf-32"))
    if unicode or not getattr(info, "_is_text_encoding", True):
        return False
    try:
        b"text".decode(info.name)  # "undefined" is a text codec that decodes nothing
    except (UnicodeError, LookupError):
        return False
    return True


def _guess(data: bytes) -> str:
    return data.decode(_guess_encoding(data[:_DETECTION_SAMPLE]), errors="replace")


def _guess_encoding(sample: bytes) -> str:
    """Detection on a sample ending at a line break: the whole of a 40 MB file would take seconds and
    say no more (a line break never splits a character in the encodings charset-normalizer knows)."""
    cut = sample.rfind(b"\n")
    matches = charset_normalizer.from_bytes(sample[: cut + 1] if cut > 0 else sample)
    best = matches.best()
    if best is None:
        return _PREFERRED_LEGACY
    for match in matches:
        if match.chaos <= best.chaos and _PREFERRED_LEGACY in (match.encoding, *match.could_be_from_charset):
            return _PREFERRED_LEGACY
    return best.encoding
