"""Properties of ``stated_claims`` on arbitrary short texts: every claim is a real, non-empty span.

The word pool leans on the constructions the fallback patterns read (cues, quotes, "that", commas), so
the generator reaches the paths where a claim could shrink to nothing.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from storyweave.claims.stated import stated_claims
from storyweave.claims.stated._lexicon import words

_POOL = [
    "The", "the", "officials", "said", "told", "noted", "chanted", "according", "to", "that", "he",
    "Governor", "Vance", "Radio", "Meridian", "Speaking", "concluded", "came", "conclusion", "able", "were",
    "and", "but", "fled", "bridge", "“", "”", '"', ",", ".", "!", ":", "\n", "x",
]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_POOL), max_size=24).map(" ".join) | st.text(max_size=60)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
@example("The said ,")
@example("Officials said engineers concluded that ok.")
def test_every_claim_is_a_non_empty_span_of_the_text(text: str) -> None:
    for claim in stated_claims(text, "t"):
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
        assert len(words(claim.text)) >= 2, claim
        for link in claim.chain:
            assert text[link.start : link.end] == link.text
