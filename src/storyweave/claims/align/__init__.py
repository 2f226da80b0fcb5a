"""Claim alignment across a story's reports: one claim per group of sentences that state it, the outlets
behind each, and conflicts on comparable slots (numbers, places, dates, people, negation)."""

from storyweave.claims.align._align import align_claims, outlet_of
from storyweave.claims.align._provenance import StatedClaimsMemo
from storyweave.claims.align._slots import Slot, slots_of

__all__ = ["Slot", "StatedClaimsMemo", "align_claims", "outlet_of", "slots_of"]
