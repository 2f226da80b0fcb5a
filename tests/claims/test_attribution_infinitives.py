"""Briefs get cues without a leading infinitive marker, so the claims layer can see a purpose clause."""

from __future__ import annotations

from storyweave.claims.attribution._infinitives import marker_outside_cue
from storyweave.model import Attribution, Span


def _attribution(text: str, cue: str) -> Attribution:
    start = text.index(cue)
    content = text.index("the leader")
    return Attribution(
        "t", None, Span(start, start + len(cue), cue), Span(content, len(text) - 1, text[content:-1])
    )


def test_leading_to_moves_out_of_the_cue() -> None:
    text = "Militia channels post old videos to suggest the leader is still in charge."
    [trimmed] = marker_outside_cue([_attribution(text, "to suggest")])
    assert trimmed.cue.text == "suggest"
    assert text[trimmed.cue.start : trimmed.cue.end] == "suggest"
    assert text[: trimmed.cue.start].endswith("to ")


def test_other_cues_are_left_alone() -> None:
    text = "Officials said the leader is still in charge."
    original = _attribution(text, "said")
    assert marker_outside_cue([original]) == [original]
    # A cue that is only "to" has nothing after the marker to keep.
    lone = _attribution("They went to the leader now.", "to")
    assert marker_outside_cue([lone]) == [lone]
