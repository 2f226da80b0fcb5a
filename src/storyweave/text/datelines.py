"""What a report states about itself: publication dates (metadata fields, datelines, "Published:" lines),
and the agency or outlet of its dateline or copyright line.

A wrong date is worse than none here: the timeline resolves "five months ago" against it and the
clusterer keeps events apart by it. So only a date the text states explicitly, in a place where news
states its own date, is taken; anything ambiguous (03/08/2017: March or August?) is left unknown.
"""

from __future__ import annotations

import re
from datetime import date, datetime

__all__ = [
    "copyright_holder",
    "dateline_agency",
    "dateline_end",
    "find_publication_date",
    "looks_like_date_line",
    "looks_like_dateline",
    "parse_published",
    "plausible_publication",
]

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# ISO (2017-03-08, optionally with a time), "March 8, 2017", "8 March 2017"; a weekday may lead. Case-blind
# on its own, so it can sit inside the case-sensitive dateline pattern.
_DATE = (
    rf"(?i:{_WEEKDAY}?(?:(?<!\d)(?P<iso_y>\d{{4}})-(?P<iso_m>\d{{1,2}})-(?P<iso_d>\d{{1,2}})(?!\d)"
    rf"|(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<mdy_y>\d{{4}})(?!\d)"
    rf"|(?<!\d)(?P<dmy_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dmy_m>{_MONTH}),?\s+(?P<dmy_y>\d{{4}})(?!\d)))"
)
_DATE_RE = re.compile(_DATE, re.IGNORECASE)

# "Published: 8 March 2017", "Posted on 2017-03-08", "Updated Mar. 8, 2017 10:02 ET", "Date: ...";
# up to 40 characters (a time, a time zone, "by Reuters staff") may sit between the cue and the date.
_CUE_LINE = re.compile(
    rf"^\W{{0,3}}(?P<cue>first published|published|posted|date|last updated|updated|last modified|modified)"
    rf"\b(?:\s+on)?\s*:?\s*[^\n]{{0,40}}?(?P<date>{_DATE})",
    re.IGNORECASE | re.MULTILINE,
)
# "… has the details. (Published Tuesday, April 23, 2013)": a video blurb's date, inside a line.
_BRACKETED_CUE = re.compile(
    rf"\((?P<cue>Published|Posted)\s*:?\s*(?P<date>{_DATE})\s*\)[ \t]*$", re.MULTILINE
)
_LATER_CUES = ("updated", "modified")
# BAGHDAD, March 8, 2017 — | NEW YORK, Iraq (AP) — | WASHINGTON (Reuters) - : a capitalised place,
# an optional region and agency, an optional date, then a dash.
_PLACE = r"[A-Z][A-Z'’.\-]+(?:[ \-][A-Z][A-Z'’.\-]+){0,3}"
_DATELINE = re.compile(
    rf"^\s*{_PLACE}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*){{0,2}})?\s*(?:\((?P<agency>[^)\n]{{1,40}})\))?"
    rf"\s*(?:,\s*(?P<date>{_DATE}))?\s*(?:\((?P<agency2>[^)\n]{{1,40}})\))?\s*(?:—|–|--|-)\s",
)
# "(CNN) -- A man was …", "(Reuters) - Oil …", "(HealthDay News) — …": an agency opening the body, with no
# place before it. A bracketed name followed by a dash is taken; without a dash, only a known agency or a
# name ending in News/Press/Wire/Service ("(CNN)A man …" is how CNN pages open).
_AGENCY_OPENING = re.compile(
    r"^\s*\((?P<agency>[A-Z][A-Za-z&.]*(?: [A-Z][A-Za-z&.]*){0,3})\)"
    r"\s*(?P<dash>(?:—|–|--|-)\s*)?(?=[A-Z“\"‘'])"
)
_KNOWN_AGENCIES = frozenset({
    "cnn", "ap", "afp", "upi", "bbc", "reuters", "bloomberg", "xinhua", "dpa", "ani", "pti", "ians",
    "efe", "ansa", "kyodo", "yonhap", "tass", "interfax", "anadolu", "bernama", "antara", "cnbc", "abc",
    "nbc", "cbs",
})  # fmt: skip
_AGENCY_SUFFIX = re.compile(r"\b(?:News|Press|Wire|Service)$")
# Bracketed tags that open a story and are no agency: "(LEAD)", "(UPDATE)", "(VIDEO)".
_NOT_AGENCIES = frozenset({
    "lead", "update", "updated", "updates", "video", "videos", "photo", "photos", "watch", "live", "opinion",
    "exclusive", "analysis", "breaking", "breaking news", "corrected", "correction", "refile", "audio",
    "graphic", "urgent", "factbox", "editorial", "interview", "review", "satire", "sponsored", "ad", "new",
    "wrapup", "recasts", "spoiler", "spoilers", "warning", "trigger warning", "related", "file", "uk", "us",
    "usa", "eu", "un", "part", "note", "nsfw", "listen", "read more", "more",
})  # fmt: skip
# "© 2026 Ardmoor Herald. All rights reserved.": whose page it is, stated at its foot.
_COPYRIGHT = re.compile(
    r"^[ \t]*(?:©|\([cC]\)|[Cc]opyright)(?:[ \t]*©)?[ \t]*(?:\d{4}(?:[-–]\d{2,4})?[ \t,]*)?"
    r"(?P<holder>[A-Z][\w&'’.-]*(?:[ \t]+[A-Z&][\w&'’.-]*){0,5}?)(?:[ \t]+\d{4})?[ \t]*[.,]?"
    r"(?:[ \t]*All [Rr]ights [Rr]eserved\.?)?[ \t]*$",
    re.MULTILINE,
)
_COPYRIGHT_TAIL_CHARS = 1500
_PICTURE_CREDIT = re.compile(r"\b(?:Getty|Images?|Photos?|Shutterstock|iStock|Alamy|Pictures?)\b")
_LEADING_DATE = re.compile(rf"^\s*(?P<date>{_DATE})\s*(?:—|–|--|-|:)\s", re.IGNORECASE)
_TOP_CHARS = 2000
# Publication years a news report can have: the first newspapers to the far end of any archive.
_FIRST_YEAR, _LAST_YEAR = 1600, 2199


def parse_published(value: object) -> date | None:
    """A metadata ``published`` value as a date; anything unparseable is ``None``, never an error, since
    datasets put every kind of junk in date fields and a missing date is an honest answer."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return plausible_publication(datetime.fromisoformat(value).date())
    except ValueError:
        pass
    match = _DATE_RE.fullmatch(value) or _DATE_RE.match(value)
    if match is None or (match.end() < len(value) and value[match.end()].isalnum()):
        return None
    return _to_date(match)


def find_publication_date(text: str) -> date | None:
    """The date a plain-text report states for itself near its top, or ``None``.

    Preference: an explicit "Published/Posted" line, then a dateline, then "(Published …)" closing a
    line (a video blurb's), then an "Updated" line (an update comes after publication, so it is only a
    fallback).
    """
    top = text[:_TOP_CHARS]
    updated: date | None = None
    for match in _CUE_LINE.finditer(top):
        found = _to_date(match)
        if found is None:
            continue
        if not match.group("cue").lower().endswith(_LATER_CUES):
            return found
        updated = updated or found
    for paragraph in top.split("\n")[:12]:
        match = _DATELINE.match(paragraph) or _LEADING_DATE.match(paragraph)
        if match and match.group("date"):
            found = _to_date(match)
            if found is not None:
                return found
    for match in _BRACKETED_CUE.finditer(top):
        found = _to_date(match)
        if found is not None:
            return found
    return updated


def looks_like_dateline(line: str) -> bool:
    """Whether a line opens with a dateline ("BAGHDAD, March 8, 2017 —"), so it is body text, not a title."""
    return bool(_DATELINE.match(line) or _LEADING_DATE.match(line) or _agency_opening(line))


def dateline_end(line: str) -> int:
    """Where the body starts after a leading dateline ("KELLHAVEN, Feb. 11, 2026 (Valley Wire) – ", "(CNN)
    -- "), or 0. A summary quotes the sentence, not the wire header glued to its front."""
    match = _DATELINE.match(line) or _LEADING_DATE.match(line) or _agency_opening(line)
    return match.end() if match else 0


def _agency_opening(text: str) -> re.Match[str] | None:
    match = _AGENCY_OPENING.match(text)
    if match is None or match.group("agency").casefold() in _NOT_AGENCIES:
        return None
    agency = match.group("agency")
    known = agency.casefold() in _KNOWN_AGENCIES or _AGENCY_SUFFIX.search(agency)
    return match if known or match.group("dash") else None


def dateline_agency(text: str) -> str | None:
    """The agency named in the opening dateline ("WASHINGTON (Reuters) -" → "Reuters", "(CNN) --" → "CNN")."""
    text = text.lstrip()
    match = _DATELINE.match(text)
    if not match:
        opening = _agency_opening(text)
        return opening.group("agency") if opening else None
    agency = (match.group("agency") or match.group("agency2") or "").strip()
    return agency or None


def copyright_holder(text: str) -> str | None:
    """The outlet a closing copyright line names ("© 2026 Ardmoor Herald. All rights reserved."): the last
    place a page states whose it is, when no byline or dateline did."""
    holders = [
        match.group("holder")
        for match in _COPYRIGHT.finditer(text[-_COPYRIGHT_TAIL_CHARS:])
        if re.search(r"\d{4}", match.group()) and not _PICTURE_CREDIT.search(match.group("holder"))
    ]  # a year marks a page's copyright line; "(c) Jane Doe" and "© Getty Images" credit a picture
    return " ".join(holders[-1].split()).rstrip(".") if holders else None


def looks_like_date_line(line: str) -> bool:
    """Whether a line is a "Published: ..." style line or a bare date, which are never titles."""
    return bool(_CUE_LINE.match(line) or _DATE_RE.fullmatch(line.strip()))


def plausible_publication(day: date | None) -> date | None:
    """``day`` if a news report could have been published then, else ``None``: year 1 or 9999 in a date
    field is junk, and anchoring "yesterday" on it would leave the calendar."""
    return day if day is not None and _FIRST_YEAR <= day.year <= _LAST_YEAR else None


def _to_date(match: re.Match[str]) -> date | None:
    """The date a match of ``_DATE`` names, or ``None`` for an impossible one (February 30th, year 1)."""
    try:
        if match["iso_y"]:
            found = date(int(match["iso_y"]), int(match["iso_m"]), int(match["iso_d"]))
        elif match["mdy_y"]:
            found = date(int(match["mdy_y"]), _month(match["mdy_m"]), int(match["mdy_d"]))
        elif match["dmy_y"]:
            found = date(int(match["dmy_y"]), _month(match["dmy_m"]), int(match["dmy_d"]))
        else:
            return None
    except ValueError:
        return None
    return plausible_publication(found)


def _month(word: str) -> int:
    return _MONTHS[word.rstrip(".").lower()]
