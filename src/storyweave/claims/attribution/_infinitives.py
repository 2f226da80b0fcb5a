"""Cues that open with the infinitive marker: "to suggest" becomes the cue "suggest" after "to".

PolNeAR's annotators often put the marker inside the cue ("has yet *to endorse*", 189 of 18,289 cues in
the 718 training documents), and the taggers learned to do so. The claims layer (``claims.stated``)
reads a cue right after "to" as a purpose infinitive ("Militia channels post old videos to suggest the
leader is in charge": the writer's reading of an action, no one's claim) and needs the marker outside
the cue to see it. Only briefs (``nested=True``) get the trimmed cue; the PolNeAR convention keeps the
tagger's span, which the reference scorer matches by overlap either way.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from storyweave.model import Attribution, Span

__all__ = ["marker_outside_cue"]

_MARKER = re.compile(r"to\s+(?=\w)", re.IGNORECASE)


def marker_outside_cue(attributions: Sequence[Attribution]) -> list[Attribution]:
    """``attributions`` with a leading "to " moved out of each cue that has words after it."""
    out = []
    for attribution in attributions:
        cue = attribution.cue
        marker = _MARKER.match(cue.text)
        if marker is None:
            out.append(attribution)
            continue
        cut = marker.end()
        trimmed = Span(cue.start + cut, cue.end, cue.text[cut:])
        out.append(dataclasses.replace(attribution, cue=trimmed))
    return out
