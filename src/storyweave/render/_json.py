"""Briefs as JSON for programs (the web layer, other tools): stable keys, ISO dates, a format version.

``FORMAT_VERSION`` changes only when a key changes meaning or disappears, so consumers can refuse what
they do not understand instead of misreading it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from storyweave._record_dicts import link_from_dict, link_to_dict, quantity_from_dict, quantity_to_dict
from storyweave.model import (
    Brief,
    CitedSentence,
    Claim,
    Conflict,
    Entity,
    Mention,
    SourceRef,
    TimelineEntry,
)
from storyweave.render._facts import conflict_sides, iso, outlets, report_count, validate_brief
from storyweave.render._registry import IndexRow

FORMAT_VERSION = 1


def _claim_to_dict(claim: Claim) -> dict[str, Any]:
    return {
        "text": claim.text,
        "article_id": claim.article_id,
        "source": claim.source,
        "cue": claim.cue,
        "certainty": claim.certainty,
        "hedges": list(claim.hedges),
        "supported_by": list(claim.supported_by),
        "contradicted_by": list(claim.contradicted_by),
        "type": claim.kind,
        "chain": [link_to_dict(link) for link in claim.chain],
        "quantities": [quantity_to_dict(q) for q in claim.quantities],
        "independent": claim.independent,
    }


def _conflict_to_dict(conflict: Conflict) -> dict[str, Any]:
    return {
        "slot": conflict.slot,
        "description": conflict.description,
        "sides": [
            {"value": value, "sources": list(numbers), "chain": [link_to_dict(link) for link in chain]}
            for value, numbers, chain in conflict_sides(conflict)
        ],
    }


def _entity_to_dict(entity: Entity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "kind": entity.kind,
        "aliases": list(entity.aliases),
        "mentions": [[m.article_id, m.start, m.end, m.text] for m in entity.mentions],
    }


def _entry_to_dict(entry: TimelineEntry) -> dict[str, Any]:
    return {
        "when": entry.when,
        "granularity": entry.granularity,
        "text": entry.text,
        "expression": entry.expression,
        "article_id": entry.article_id,
        "sources": list(entry.sources),
    }


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """A brief as plain JSON-ready data (dates as ISO strings, tuples as lists)."""
    validate_brief(brief)
    return {
        "version": FORMAT_VERSION,
        "story_id": brief.story_id,
        "headline": brief.headline,
        "first_published": iso(brief.first_published),
        "last_published": iso(brief.last_published),
        "words": brief.words,
        "summary": [
            {"text": s.text, "article_id": s.article_id, "sources": list(s.sources)} for s in brief.summary
        ],
        "summary_method": brief.summary_method,
        "sources": [
            {
                "number": ref.number,
                "article_id": ref.article_id,
                "title": ref.title,
                "source": ref.source,
                "published": iso(ref.published),
                "url": ref.url,
                "origin": ref.origin,
                "also_from": list(ref.also_from),
            }
            for ref in brief.sources
        ],
        "claims": [_claim_to_dict(claim) for claim in brief.claims],
        "conflicts": [_conflict_to_dict(conflict) for conflict in brief.conflicts],
        "timeline": [_entry_to_dict(entry) for entry in brief.timeline],
        "undated": [_entry_to_dict(entry) for entry in brief.undated],
        "entities": [_entity_to_dict(entity) for entity in brief.entities],
    }


def _date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(f"{where}: expected an ISO date like 2026-03-04 or null, got {value!r}") from None


def _claim_from_dict(data: Mapping[str, Any]) -> Claim:
    # Claims stored before provenance existed lack type/chain/quantities: they load as unanalysed facts.
    return Claim(
        text=data["text"],
        article_id=data["article_id"],
        source=data["source"],
        cue=data["cue"],
        certainty=data["certainty"],
        hedges=tuple(data["hedges"]),
        supported_by=tuple(data["supported_by"]),
        contradicted_by=tuple(data["contradicted_by"]),
        kind=data.get("type", "fact"),
        chain=tuple(link_from_dict(link) for link in data.get("chain", [])),
        quantities=tuple(quantity_from_dict(q) for q in data.get("quantities", [])),
        independent=data.get("independent", 0),
    )


def _conflict_from_dict(data: Mapping[str, Any]) -> Conflict:
    chains = tuple(tuple(link_from_dict(link) for link in side.get("chain", [])) for side in data["sides"])
    return Conflict(
        slot=data["slot"],
        description=data["description"],
        sides=tuple((side["value"], tuple(side["sources"])) for side in data["sides"]),
        chains=chains if any(chains) else (),
    )


def _entity_from_dict(data: Mapping[str, Any]) -> Entity:
    return Entity(
        name=data["name"],
        kind=data.get("kind"),
        mentions=tuple(
            Mention(article_id=article_id, start=start, end=end, text=text)
            for article_id, start, end, text in data["mentions"]
        ),
    )


def _entry_from_dict(data: Mapping[str, Any]) -> TimelineEntry:
    return TimelineEntry(
        when=data["when"],
        granularity=data["granularity"],
        text=data["text"],
        expression=data["expression"],
        article_id=data["article_id"],
        sources=tuple(data["sources"]),
    )


def brief_from_dict(data: Mapping[str, Any]) -> Brief:
    """The inverse of :func:`brief_to_dict`, for readers of stored or served briefs.

    Briefs stored before claims, conflicts and timelines existed lack those keys; they load with the
    lists empty, which is what such a brief had, so the format version did not need to change.
    """
    version = data.get("version")
    if version != FORMAT_VERSION:
        raise ValueError(
            f"brief JSON has version {version!r}, this storyweave reads version {FORMAT_VERSION}; "
            "re-render the brief with this version"
        )
    try:
        return Brief(
            story_id=data["story_id"],
            headline=data["headline"],
            first_published=_date(data["first_published"], "first_published"),
            last_published=_date(data["last_published"], "last_published"),
            summary=[
                CitedSentence(text=s["text"], article_id=s["article_id"], sources=tuple(s["sources"]))
                for s in data["summary"]
            ],
            sources=[
                SourceRef(
                    number=ref["number"],
                    article_id=ref["article_id"],
                    title=ref["title"],
                    source=ref["source"],
                    published=_date(ref["published"], f"sources[{i}].published"),
                    url=ref["url"],
                    origin=ref["origin"],
                    also_from=tuple(ref["also_from"]),
                )
                for i, ref in enumerate(data["sources"])
            ],
            claims=[_claim_from_dict(claim) for claim in data.get("claims", [])],
            conflicts=[_conflict_from_dict(conflict) for conflict in data.get("conflicts", [])],
            timeline=[_entry_from_dict(entry) for entry in data.get("timeline", [])],
            undated=[_entry_from_dict(entry) for entry in data.get("undated", [])],
            entities=[_entity_from_dict(entity) for entity in data.get("entities", [])],
            summary_method=str(data.get("summary_method", "extractive")),
        )
    except KeyError as missing:
        raise ValueError(f"brief JSON lacks the key {missing}; it was not written by brief_to_dict") from None


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_json(brief: Brief) -> str:
    return _dumps(brief_to_dict(brief))


def render_json_index(rows: Sequence[IndexRow]) -> str:
    return _dumps(
        {
            "version": FORMAT_VERSION,
            "stories": [
                {
                    "story_id": row.brief.story_id,
                    "headline": row.brief.headline,
                    "file": row.file_name,
                    "first_published": iso(row.brief.first_published),
                    "last_published": iso(row.brief.last_published),
                    "sources": len(row.brief.sources),
                    "outlets": len(outlets(row.brief)),
                    "words": row.brief.words,
                    "reports": report_count(row.brief),
                }
                for row in rows
            ],
        }
    )
