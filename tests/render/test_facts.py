from __future__ import annotations

from dataclasses import replace

import pytest

from storyweave.model import ChainLink, Claim, Conflict
from storyweave.render._facts import (
    claim_certainty,
    claim_speaker,
    conflict_sides,
    link_label,
    validate_brief,
)


def test_a_full_brief_with_every_section_is_valid(full_brief):
    validate_brief(full_brief)


@pytest.mark.parametrize(
    ("break_it", "named"),
    [
        (
            lambda b: replace(b.claims[1], supported_by=(2, 7)),
            r"claim 2 \(supported by\) cites source\(s\) \[7\]",
        ),
        (
            lambda b: replace(b.claims[1], contradicted_by=(8,)),
            r"claim 2 \(contradicted by\) cites source\(s\) \[8\]",
        ),
    ],
)
def test_claims_citing_an_unlisted_source_are_refused(full_brief, break_it, named):
    full_brief.claims[1] = break_it(full_brief)
    with pytest.raises(ValueError, match=named + r" but the source list only has \[1, 2, 3\]"):
        validate_brief(full_brief)


def test_conflict_side_citing_an_unlisted_source_is_refused(full_brief):
    full_brief.conflicts.append(
        Conflict("place", "Where it began.", (("the mill", (1,)), ("the barn", (5,))))
    )
    with pytest.raises(
        ValueError, match=r"conflict 2 \('place'\) side 2 \('the barn'\) cites source\(s\) \[5\]"
    ):
        validate_brief(full_brief)


@pytest.mark.parametrize(
    ("section", "named"), [("timeline", "timeline entry 2"), ("undated", "undated entry 1")]
)
def test_timeline_entries_citing_an_unlisted_source_are_refused(full_brief, section, named):
    entries = getattr(full_brief, section)
    entries[-1] = replace(entries[-1], sources=(3, 0))
    with pytest.raises(ValueError, match=rf"{named} cites source\(s\) \[0\]"):
        validate_brief(full_brief)


@pytest.mark.parametrize(
    ("source", "cue", "speaker"),
    [
        ("Fire chief Ann Lee", "said", "Fire chief Ann Lee (said)"),
        ("Fire chief  Ann\nLee", None, "Fire chief Ann Lee"),
        (None, "reportedly", "unnamed source (reportedly)"),
        (None, None, "the reporter"),
        ("  ", " ", "the reporter"),
    ],
)
def test_claim_speaker_credits_the_reporter_only_when_nobody_is_cited(source, cue, speaker):
    assert claim_speaker(Claim("x", "a", source, cue, "reported")) == speaker


@pytest.mark.parametrize(
    ("certainty", "hedges", "shown"),
    [
        ("asserted", (), "asserted"),
        ("reported", (), "reported"),
        ("denied", (), "denied"),
        ("hedged", ("reportedly", "near  certainty", " "), "hedged: reportedly, near certainty"),
        ("", (), "unknown"),
    ],
)
def test_claim_certainty_names_the_hedge_words(certainty, hedges, shown):
    assert claim_certainty(Claim("x", "a", None, None, certainty, hedges)) == shown


def test_conflict_sides_pad_missing_chains_with_empty_ones() -> None:
    """One helper pairs sides with chains for every format; a brief stored without chains still renders."""
    link = ChainLink(0, 9, "the mayor", anonymous=False, role="government")
    old = Conflict("count", "How many boats.", (("four boats", (1,)), ("six boats", (2,))))
    newer = replace(old, chains=((link,),))
    assert conflict_sides(old) == [("four boats", (1,), ()), ("six boats", (2,), ())]
    assert conflict_sides(newer) == [("four boats", (1,), (link,)), ("six boats", (2,), ())]


def test_a_speakers_age_in_apposition_is_not_part_of_the_voice_shown() -> None:
    assert link_label(ChainLink(0, 10, "Merrow, 58", False, None, None)) == "Merrow"
    assert link_label(ChainLink(0, 7, "the G20", False, None, None)) == "the G20"
