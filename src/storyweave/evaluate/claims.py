"""``storyweave eval claims``: the claims contract (see DESIGN.md, "Evaluation contracts").

Reads JSON Lines ``{"id", "text", "published"?}`` and writes, per input line and in the same order,
``{"id", "claims": [...], "entities": [...], "quantities": [...]}`` with character offsets into ``text``:
every claim with its type, certainty and provenance chain (outermost voice first), the entities named in
the report with all their mentions, and every quantity normalised. ``published`` is validated but nothing
here depends on it: claims, entities and quantities are read from the text alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storyweave._record_dicts import link_to_dict, quantity_to_dict
from storyweave.claims.stated import stated_claims
from storyweave.evaluate._records import parse_published, read_records, write_records
from storyweave.model import Entity, StatedClaim
from storyweave.text.entities import find_entities
from storyweave.text.quantities import find_quantities

__all__ = ["claims_record", "run"]


def _claim(claim: StatedClaim) -> dict[str, Any]:
    return {
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "type": claim.kind,
        "certainty": claim.certainty,
        "chain": [link_to_dict(link, referent=False) for link in claim.chain],
    }


def _entity(entity: Entity) -> dict[str, Any]:
    return {"name": entity.name, "mentions": [[m.start, m.end] for m in entity.mentions]}


def claims_record(record_id: Any, text: str) -> dict[str, Any]:
    """The output line for one input record."""
    key = str(record_id)
    return {
        "id": record_id,
        "claims": [_claim(c) for c in stated_claims(text, key)],
        "entities": [_entity(e) for e in find_entities({key: text})],
        "quantities": [quantity_to_dict(q) for q in find_quantities(text)],
    }


def run(input_path: str | Path, output_path: str | Path) -> int:
    """Read the claims, entities and quantities of every input record and write them; returns the count.

    Raises ValueError naming ``path:line`` for a line that is not a JSON object with ``id`` and a string
    ``text``, or whose ``published`` is not a date, before anything is written. A line whose text holds a
    lone surrogate is left out and named in the ``SkippedLines`` raised once the others are written.
    """
    records, skipped = [], []
    for where, record in read_records(input_path, strings=("text",), skipped=skipped):
        parse_published(record.get("published"), where)
        records.append((record["id"], record["text"]))
    return write_records(output_path, (claims_record(*record) for record in records), skipped)
