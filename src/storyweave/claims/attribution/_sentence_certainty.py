"""One certainty per sentence, for labelled sentence sets (tests, the benchmark) and sentence-level views.

A sentence may hold several attributions; the most doubtful framing wins (denied over hedged over
reported), because a reader skimming the sentence needs the strongest warning it carries. A sentence
with no attribution is in the writer's own voice and falls back to ``certainty_of``.
"""

from __future__ import annotations

from storyweave.claims.attribution._extract import find_attributions
from storyweave.claims.certainty import certainty_of

__all__ = ["sentence_certainty"]

_SEVERITY = {"reported": 0, "hedged": 1, "denied": 2}


def sentence_certainty(sentence: str) -> tuple[str, tuple[str, ...]]:
    """(certainty, hedge words) of one sentence, attributed or not."""
    found = find_attributions(sentence)
    if not found:
        return certainty_of(sentence)
    strongest = max(found, key=lambda a: _SEVERITY.get(a.certainty, 0))
    return strongest.certainty, strongest.hedges
