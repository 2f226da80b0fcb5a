"""The extent index that keeps claim building from comparing every attribution with every other."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storyweave.claims.stated._spans import SpanIndex

_SPANS = st.lists(
    st.tuples(st.integers(0, 500), st.integers(0, 60)).map(lambda s: (s[0], s[0] + s[1])), max_size=40
)


@settings(max_examples=200, deadline=None)
@given(_SPANS, st.integers(0, 560), st.integers(0, 80))
def test_near_finds_every_overlapping_span_in_ascending_order(spans, start, length):
    end = start + length
    found = SpanIndex(spans).near(start, end)
    assert found == sorted(found)
    expected = [k for k, (s, e) in enumerate(spans) if s <= end and e >= start]
    assert set(expected) <= set(found)
