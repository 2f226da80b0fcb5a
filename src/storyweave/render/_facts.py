"""Facts about a brief that every output format shows the same way.

Kept in one place so the Markdown page, the HTML page and the JSON index can never disagree about, say,
how many outlets ran a story or whether a URL is safe to turn into a link.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from urllib.parse import urlsplit

from storyweave.model import Brief, ChainLink, Claim, Conflict, Entity, Quantity, SourceRef

_LINK_SCHEMES = frozenset({"http", "https"})

# Said wherever undated timeline entries are shown, so no reader takes their order for a chronology.
UNDATED_NOTE = (
    "Not placed on the timeline: these reports carry no publication date and say when only relative to "
    "it, so the date cannot be known."
)


def _cited_numbers(brief: Brief) -> Iterator[tuple[str, tuple[int, ...]]]:
    """Every place a brief cites sources, named the way an error message should name it."""
    for position, sentence in enumerate(brief.summary, start=1):
        yield f"summary sentence {position}", sentence.sources
    for position, claim in enumerate(brief.claims, start=1):
        yield f"claim {position} (supported by)", claim.supported_by
        yield f"claim {position} (contradicted by)", claim.contradicted_by
    for position, conflict in enumerate(brief.conflicts, start=1):
        for side, (value, numbers) in enumerate(conflict.sides, start=1):
            yield (
                f"conflict {position} ({one_line(conflict.slot)!r}) side {side} ({one_line(value)!r})",
                numbers,
            )
    for position, entry in enumerate(brief.timeline, start=1):
        yield f"timeline entry {position}", entry.sources
    for position, entry in enumerate(brief.undated, start=1):
        yield f"undated entry {position}", entry.sources


def validate_brief(brief: Brief) -> None:
    """Refuse a brief whose citations point at nothing.

    A brief is only worth trusting if every marker (in the summary, the claims, the conflicts and the
    timeline) leads to a listed source; a dangling marker means a bug upstream, and rendering it as a dead
    link would hide that bug from the reader.
    """
    numbers = [ref.number for ref in brief.sources]
    if len(set(numbers)) != len(numbers):
        repeated = sorted({n for n in numbers if numbers.count(n) > 1})
        raise ValueError(
            f"brief {brief.story_id!r} lists source number(s) {repeated} more than once; "
            "each source needs its own number for citations to be unambiguous"
        )
    listed = set(numbers)
    for where, cited in _cited_numbers(brief):
        missing = [n for n in cited if n not in listed]
        if missing:
            raise ValueError(
                f"brief {brief.story_id!r}: {where} cites source(s) {missing} "
                f"but the source list only has {sorted(listed)}; build the brief so that every citation "
                "names a listed source"
            )


def one_line(text: str | None) -> str:
    """Untrusted text collapsed to one line, so it can never start a block (a heading, a list) of its own."""
    return " ".join((text or "").split())


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def date_range_text(first: date | None, last: date | None) -> str:
    """ "2026-03-04", "2026-03-04 – 2026-03-06" or "date unknown": never a made-up date."""
    if first is None and last is None:
        return "date unknown"
    if first is None or last is None or first == last:
        return (first or last).isoformat()  # type: ignore[union-attr]
    return f"{first.isoformat()} – {last.isoformat()}"


def outlets(brief: Brief) -> list[str]:
    """Distinct outlet names across the sources and the near-copies folded into them, first seen first.

    Case and spacing differences ("Valley Post" vs "valley  post") are the same outlet.
    """
    seen: dict[str, str] = {}
    for ref in brief.sources:
        for name in (ref.source, *ref.also_from):
            label = one_line(name)
            if label and _is_outlet_name(label):
                seen.setdefault(label.casefold(), label)
    return list(seen.values())


_LOCATION = re.compile(
    r"://|^[./~\\]|\\|^[a-z0-9_.-]+/\S*$|\.(?:txt|html?|jsonl?|xml|warc(?:\.gz)?|gz)(?::\d+)?$"
)


def _is_outlet_name(label: str) -> bool:
    """A folded copy with no outlet is listed by its URL or file; that names no outlet to count."""
    return bool(label) and _LOCATION.search(label) is None


def sources_text(brief: Brief) -> str:
    """ "3 sources", "1 source"."""
    count = len(brief.sources)
    return f"{count} source" if count == 1 else f"{count} sources"


def outlets_text(brief: Brief) -> str:
    """ "3 outlets", "1 outlet", "2 outlets, 1 unknown", or "outlets unknown" when no source names its
    outlet: "0 outlets" would read as a story nobody published, and "1 outlet" beside three sources as
    one voice."""
    count = len(outlets(brief))
    unknown = sum(
        1
        for ref in brief.sources
        if not one_line(ref.source) and not any(_is_outlet_name(one_line(n)) for n in ref.also_from)
    )
    if count == 0:
        return "outlets unknown"
    named = f"{count} outlet" if count == 1 else f"{count} outlets"
    return f"{named}, {unknown} unknown" if unknown else named


def report_count(brief: Brief) -> int:
    """Every report behind the brief, near-copies included, since each copy is an outlet that ran it."""
    return sum(1 + len(ref.also_from) for ref in brief.sources)


def link_target(url: str | None) -> str | None:
    """The URL if it is safe to render as a link (absolute http/https, no whitespace or controls), else None.

    Browsers silently drop tabs, newlines and leading controls from hrefs, so "java\\tscript:" must be
    rejected outright rather than cleaned; only schemes that cannot run code get through.
    """
    if not url or any(ch <= " " or ch == "\x7f" for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in _LINK_SCHEMES or not parts.netloc:
        return None
    return url


def source_title(ref: SourceRef) -> str:
    return one_line(ref.title) or "(untitled report)"


def source_outlet(ref: SourceRef) -> str:
    return one_line(ref.source) or "unknown outlet"


_AGE_AFTER_NAME = re.compile(r"(?<=[^\W\d_]),\s*\d{1,3}$")


def link_label(link: ChainLink) -> str:
    """ "sources in Mosul (anonymous)", "Qasim al-Atta (commander)", "she [Orla Pendry] (commander)"."""
    notes = [note for note in ("anonymous" if link.anonymous else "", one_line(link.role)) if note]
    text = _AGE_AFTER_NAME.sub("", one_line(link.text))  # "Merrow, 58" is Merrow
    if link.refers_to:
        text = f"{text} [{one_line(link.refers_to)}]"
    return f"{text} ({', '.join(notes)})" if notes else text


def chain_text(chain: tuple[ChainLink, ...]) -> str:
    """A provenance chain, outermost voice first: "Al-Sharq al-Awsat (outlet) → an informant (anonymous)"."""
    return " → ".join(link_label(link) for link in chain)


def claim_speaker(claim: Claim) -> str:
    """Who a claim comes from, as the reader should see it: "Ann Lee (said)", or "the reporter".

    A cue with no named source ("it was said", "reportedly") is somebody unnamed, not the reporter, so
    it is shown as an unnamed source rather than credited to the writer of the report. Where the claim's
    provenance chain is known it is shown whole, so "officials → an informant" is not read as "officials".
    """
    source, cue = one_line(claim.source), one_line(claim.cue)
    if claim.chain:
        who = chain_text(claim.chain)
        return f"{who}; cue: {cue}" if cue else who
    if source:
        return f"{source} ({cue})" if cue else source
    return f"unnamed source ({cue})" if cue else "the reporter"


def claim_certainty(claim: Claim) -> str:
    """ "asserted", "reported", "denied" or "hedged: reportedly, may", with the words that made it so."""
    label = one_line(claim.certainty) or "unknown"
    hedges = [word for word in (one_line(h) for h in claim.hedges) if word]
    return f"{label}: {', '.join(hedges)}" if hedges else label


_KIND_LABELS = {
    "fact": "fact",
    "opinion": "opinion / analysis",
    "rhetoric": "rhetoric (quoted; not a factual claim)",
}


def conflict_sides(conflict: Conflict) -> list[tuple[str, tuple[int, ...], tuple[ChainLink, ...]]]:
    """(value, source numbers, chain) per side of a conflict; a side with no chain recorded (briefs stored
    before chains were kept have none) gets an empty one, the same in every format."""
    chains = conflict.chains
    return [
        (value, numbers, chains[i] if i < len(chains) else ())
        for i, (value, numbers) in enumerate(conflict.sides)
    ]


def claim_kind(claim: Claim) -> str:
    """What kind of statement a claim is, worded so rhetoric is never mistaken for a reported fact."""
    return _KIND_LABELS.get(claim.kind, one_line(claim.kind) or "fact")


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def quantity_text(quantity: Quantity) -> str:
    """A normalised amount as a reader checks it: "≥ 100,000 fighters", "200,000–999,999 (vague)"."""
    unit = one_line(quantity.unit)
    low, high = quantity.low, quantity.high
    if low is not None and high is not None and low != high:
        amount = f"{_number(low)}–{_number(high)}"
    elif low is not None and high is None and low == quantity.value:
        amount = f"≥ {_number(low)}"
    elif high is not None and low is None and high == quantity.value:
        amount = f"≤ {_number(high)}"
    else:
        amount = _number(quantity.value)
    if unit == "%":
        amount += " %"
    elif unit:
        amount += f" {unit}"
    return amount + (" (vague)" if quantity.vague else "")


def claim_figures(claim: Claim) -> str:
    """The claim's quantities, normalised, joined for one table cell ("" when it states none)."""
    return "; ".join(quantity_text(q) for q in claim.quantities)


def claim_outlet_count(claim: Claim) -> str:
    """ "3 reports, 2 independent" when citation chains collapse some supporters into one voice."""
    reports = len(claim.supported_by)
    if claim.independent and claim.independent < reports:
        return f"{reports} reports, {claim.independent} independent"
    return ""


def entities_with_aliases(brief: Brief) -> list[tuple[Entity, tuple[str, ...], tuple[int, ...]]]:
    """Entities named more than one way, with their other names and the sources that name them.

    Only these are worth a reader's attention: an entity always called the same thing needs no key.
    """
    numbers = {ref.article_id: ref.number for ref in brief.sources}
    shown = []
    for entity in brief.entities:
        name = one_line(entity.name)
        others: dict[str, str] = {}
        for alias in entity.aliases:
            label = one_line(alias)
            if label and label.casefold() != name.casefold():
                others.setdefault(label.casefold(), label)
        if not others:
            continue
        cited = tuple(sorted({numbers[m.article_id] for m in entity.mentions if m.article_id in numbers}))
        shown.append((entity, tuple(others.values()), cited))
    return shown
