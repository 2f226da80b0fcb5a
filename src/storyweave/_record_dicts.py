"""Provenance links and quantities as plain JSON-ready dicts, and back.

One shape everywhere they leave the library: in brief JSON, through the web API and in the ``eval claims``
contract. Optional fields are left out rather than written as null, as the contract specifies.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from storyweave.model import ChainLink, Quantity, Span, StatedClaim

__all__ = [
    "link_from_dict",
    "link_to_dict",
    "quantity_from_dict",
    "quantity_to_dict",
    "stated_claim_from_dict",
    "stated_claim_to_dict",
]


def link_to_dict(link: ChainLink, *, referent: bool = True) -> dict[str, Any]:
    """``referent=False`` leaves out ``refers_to``, for outputs whose contract has no such field."""
    data: dict[str, Any] = {"start": link.start, "end": link.end, "text": link.text}
    data["anonymous"] = link.anonymous
    if link.role is not None:
        data["role"] = link.role
    if referent and link.refers_to is not None:
        data["refers_to"] = link.refers_to
    return data


def quantity_to_dict(quantity: Quantity) -> dict[str, Any]:
    data: dict[str, Any] = {"start": quantity.start, "end": quantity.end, "text": quantity.text}
    data["value"] = quantity.value
    for key in ("low", "high", "unit"):
        if getattr(quantity, key) is not None:
            data[key] = getattr(quantity, key)
    data["vague"] = quantity.vague
    return data


def link_from_dict(data: Mapping[str, Any]) -> ChainLink:
    return ChainLink(
        start=data["start"],
        end=data["end"],
        text=data["text"],
        anonymous=data["anonymous"],
        role=data.get("role"),
        refers_to=data.get("refers_to"),
    )


def quantity_from_dict(data: Mapping[str, Any]) -> Quantity:
    return Quantity(
        start=data["start"],
        end=data["end"],
        text=data["text"],
        value=data["value"],
        low=data.get("low"),
        high=data.get("high"),
        unit=data.get("unit"),
        vague=data["vague"],
    )


def stated_claim_to_dict(claim: StatedClaim) -> dict[str, Any]:
    """Everything a stated claim holds, for keeping it between runs (see ``Store.save_stated_claims``)."""
    data: dict[str, Any] = {
        "article_id": claim.article_id,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "kind": claim.kind,
        "certainty": claim.certainty,
        "chain": [link_to_dict(link) for link in claim.chain],
        "hedges": list(claim.hedges),
        "quantities": [quantity_to_dict(quantity) for quantity in claim.quantities],
    }
    if claim.cue is not None:
        data["cue"] = {"start": claim.cue.start, "end": claim.cue.end, "text": claim.cue.text}
    return data


def stated_claim_from_dict(data: Mapping[str, Any]) -> StatedClaim:
    cue = data.get("cue")
    return StatedClaim(
        article_id=data["article_id"],
        start=data["start"],
        end=data["end"],
        text=data["text"],
        kind=data["kind"],
        certainty=data["certainty"],
        chain=tuple(link_from_dict(link) for link in data["chain"]),
        cue=Span(cue["start"], cue["end"], cue["text"]) if cue is not None else None,
        hedges=tuple(data["hedges"]),
        quantities=tuple(quantity_from_dict(quantity) for quantity in data["quantities"]),
    )
