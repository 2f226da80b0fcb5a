"""Page-junk removal for extracted news text.

Extractors hand over the article body with the page's furniture still in it: photo captions and credits,
share bars, newsletter prompts, "Advertisement", related-story links, copyright lines. Left in, they become
"sentences" that the ranker can pick and the clusterer counts as shared words (every Reuters caption says
"REUTERS"). The rules live in ``_junk_patterns`` and judge one line at a time, because in extracted text a
line is a paragraph, a heading or a caption. Precision comes first: a credit line left in costs little,
a real sentence removed loses a fact, so every rule is narrow and bounded by line length.

Junk is also found glued to real text when markup was stripped without a break
("Image courtesy of ReutersThe army said ..."); such a line is cut at the seam and only the junk part goes.
"""

from __future__ import annotations

import re
import sys
import unicodedata

from storyweave.text import _junk_patterns as rules

__all__ = ["clean_text", "is_junk_line"]

# Where a junk fragment may join real text inside one line: a glue point with no space (the end of a word of
# four or more letters, or closing punctuation, directly followed by a capitalised word) or, for trailing
# junk such as an agency tag ("... the minister said. REUTERS"), also an ordinary sentence boundary. The
# four letters keep camel-case names whole: "McDonald", "DeAngelo", "YouTube" are not seams.
_GLUE_SEAM = re.compile(r"(?:(?<=[a-z0-9]{4})|(?<=[.!?;:)\]”\"’']))(?=[A-Z][a-z])")
_SEAM = re.compile(
    r"(?:(?<=[a-z0-9]{4})|(?<=[.!?;:)\]”\"’']))(?=[A-Z][a-z])|(?<=[.!?”\"’)])\s+(?=[A-Z“\"(\[])"
)
# Junk fragments are short; seams further into the line than this are never tried.
_SEAM_WINDOW = 200

_INLINE_JUNK = re.compile(
    r"\s*\[\s*edit\s*\]|\s*\((?:[Cc]lick|[Tt]ap) here\b[^()]{0,100}\)"
    r"|\s*\((?:Published|Posted|Updated)\s[^()]{0,40}\d{4}\)"  # a video blurb's date: the report keeps it
)


def _invisible_char_class() -> re.Pattern[str]:
    """Control, format, private-use and surrogate characters, other than tab and newline.

    They carry no text (zero-width spaces, bidi marks, soft hyphens, icon-font glyphs) but split words and
    defeat every pattern; lone surrogates cannot even be encoded. Built from the running Python's Unicode
    tables so it matches ``unicodedata.category`` exactly.
    """
    ranges: list[tuple[int, int]] = []
    for plane in (range(0, 0x30000), range(0xE0000, 0xE1000)):
        for code in plane:
            if unicodedata.category(chr(code)) in {"Cc", "Cf", "Co", "Cs"} and code not in (9, 10):
                if ranges and ranges[-1][1] == code - 1:
                    ranges[-1] = (ranges[-1][0], code)
                else:
                    ranges.append((code, code))
    ranges += [(0xF0000, 0xFFFFD), (0x100000, 0x10FFFD)]  # the supplementary private-use planes
    body = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges
    )
    return re.compile(f"[{body}]+")


_INVISIBLE = _invisible_char_class()
assert sys.maxunicode == 0x10FFFF  # the planes above assume a full-Unicode build


def _normalised_lines(text: str) -> list[str]:
    """NFC lines with single spaces and no invisible characters.

    ``str.splitlines`` breaks on every Unicode line boundary (CR, LS, PS, ...), ``str.split`` collapses
    every kind of space. The regex for invisible characters is slow, so it only runs on the rare lines
    that ``str.isprintable`` (a C loop) says hold one.
    """
    lines = []
    for raw in unicodedata.normalize("NFC", text).splitlines():
        line = " ".join(raw.split())
        if not line.isprintable():
            line = " ".join(unicodedata.normalize("NFC", _INVISIBLE.sub("", line)).split())
        lines.append(line)
    return lines


def _mentions_any(text: str, hints: tuple[str, ...]) -> bool:
    # A plain loop, not any(generator): this runs for every rule on every line and the generator costs more.
    for hint in hints:  # noqa: SIM110
        if hint in text:
            return True
    return False


def _ends_with_credit(line: str) -> bool:
    """Whether the line closes with a photo credit, which makes it a caption."""
    tail = line[-200:]
    if tail.endswith((")", ").")) and rules.PARENTHESISED_CREDIT.search(tail[-160:]):
        return True
    return any(_mentions_any(tail, hints) and rule.search(tail) for hints, rule in rules.CAPTION_TAILS)


def _is_junk(line: str) -> bool:
    """``is_junk_line`` for a line that is already normalised and has single spaces only."""
    if not line:
        return False
    if len(line) > rules.MAX_JUNK_LINE_CHARS:
        return False
    if not rules.HAS_ALNUM.search(line):
        return True  # separators, bullets, star ratings, icon glyphs
    if len(line) <= rules.EXACT_MAX_CHARS and rules.EDGE_PUNCT.sub("", line.lower()) in rules.EXACT_JUNK:
        return True
    if rules.STARTS_WITH_QUOTE.match(line):
        return False  # a quotation is the article speaking, whatever words it uses
    if _ends_with_credit(line):
        return True
    if len(line) > rules.SHORT_LINE_CHARS:
        return False
    if rules.HEAD_RULES.match(line.lstrip("-–—•*▪ ")):
        return True
    lower = line.lower()
    for hints, rule in rules.ANYWHERE_RULES:
        if _mentions_any(lower, hints) and rule.search(line):
            return True
    if len(line) <= 60 and (rules.AGENCY_ONLY.fullmatch(line) or rules.CREDIT_ONLY.fullmatch(line)):
        return not any(ch.isdigit() for ch in line)
    if _mentions_any(line, ("@", "http", "www.")) and not rules.HAS_ALNUM.search(
        rules.CONTACT_TOKENS.sub("", line)
    ):
        return True
    if len(line) <= 80:
        words = rules.WORD.findall(line.lower())
        return bool(words) and all(w in rules.WIDGET_WORDS or "." in w for w in words)
    return False


def is_junk_line(line: str) -> bool:
    """Whether ``line`` is page furniture rather than article text, i.e. whether ``clean_text`` drops it.

    True for captions and photo credits, share bars, newsletter / sign-in / cookie prompts, ads, related-
    story links, copyright and "originally published" boilerplate, contributor and byline credits, and
    lines with no letters or digits. False for a blank line, for lines longer than a caption can be, and
    for a line where junk is glued to real text ("Image courtesy of ReutersThe army said ..."): the
    cleaner keeps the real part of those.
    """
    normalised = " ".join(_normalised_lines(line))
    return bool(normalised) and not _clean_line(normalised)


def _is_junk_fragment(fragment: str) -> bool:
    # A fragment without letters is punctuation at the seam (an opening quote), never furniture to cut.
    return bool(rules.HAS_ALNUM.search(fragment)) and _is_junk(fragment)


def _glued_at(line: str, seam: int) -> bool:
    """Whether a no-space seam at ``seam`` joins two texts rather than splitting one token.

    URLs, handles and quoted titles have capitals inside them ("twitter.com/JaneDoe", "@LATimesJerry",
    "'Evil Dead'"); a real glue point ends a plain word or a sentence ("ReutersThe", "story.Image").
    """
    if line[seam].isspace():
        return True  # a sentence boundary with a space: nothing to split
    token = line[line.rfind(" ", 0, seam) + 1 : seam]
    if any(mark in token for mark in "/@#=_"):
        return False
    if token[-1] in "'’" and len(token) <= 3:  # a name's prefix: O'Hara, D'Angelo, N'Golo
        return False
    return token[-1].isalnum() or (len(token) >= 2 and token[-2].isalnum())


def _strip_glued_junk(line: str) -> str:
    """Cut junk fragments off the start and end of a line that also holds real text.

    Only fragments that sit between a line edge and a seam are removed, and only when the fragment on its
    own is junk, so the rest of the line is returned unchanged.
    """
    changed = True
    while changed and line:
        changed = False
        head = line[:_SEAM_WINDOW]
        seams = _GLUE_SEAM.finditer(head) if _mentions_any(head[:40].lower(), rules.PREFIX_HINTS) else ()
        for seam in seams:
            if _glued_at(line, seam.start()) and _is_junk_fragment(line[: seam.start()].rstrip()):
                line = line[seam.end() :].lstrip()
                changed = True
                break
        if changed:
            continue
        tail_start = max(0, len(line) - _SEAM_WINDOW)
        if not _mentions_any(line[tail_start:].lower(), rules.SUFFIX_HINTS):
            break
        for seam in _SEAM.finditer(line, tail_start):
            if (
                seam.end() < len(line)
                and _glued_at(line, seam.start())
                and _is_junk_fragment(line[seam.end() :])
            ):
                line = line[: seam.start()].rstrip()
                changed = True
                break
    return line


def _clean_line(line: str) -> str:
    """The article text of one normalised line: empty if it is all junk.

    Glued junk is cut before the line is judged, so that a junk prefix ("Image courtesy of Reuters...")
    cannot condemn the real sentence glued to it.
    """
    if "[" in line or "(" in line:
        line = " ".join(_INLINE_JUNK.sub("", line).split())
    if len(line) <= rules.MAX_JUNK_LINE_CHARS and _is_junk(line) and not _GLUE_SEAM.search(line):
        return ""  # the common case, decided without trying seams
    line = _strip_glued_junk(line)
    return "" if _is_junk(line) else line


def clean_text(text: str) -> str:
    """The article text of ``text`` with page junk removed, one paragraph per line.

    Normalises to NFC, drops control and zero-width characters, collapses whitespace inside lines and runs
    of blank lines, removes junk lines and junk glued to real lines. Never adds text: every word of the
    result occurs in the (normalised) input. ``clean_text(clean_text(x)) == clean_text(x)``.
    """
    kept: list[str] = []
    for line in _normalised_lines(text):
        if not line:
            if kept and kept[-1]:
                kept.append("")
            continue
        line = _clean_line(line)
        if line:
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept)
