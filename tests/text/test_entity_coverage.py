"""Which names a sentence brings in, and whether a report mentions them (the citation check)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyweave.text.entities import report_words, uncovered_names
from storyweave.text.entities._coverage import name_words


def _names(sentence: str) -> set[str]:
    return {" ".join(sorted(name)) for name in name_words(sentence)}


def test_names_inside_a_sentence_are_found_and_its_opening_word_is_not():
    sentence = "Rescuers said a Kellhaven couple died when the Sallow Tern capsized."
    assert _names(sentence) == {"kellhaven", "sallow tern"}


def test_names_after_a_preposition_only_say_where_and_are_left_out():
    sentence = "The Rockies handed out misspelled Tulowitzki jerseys at Coors Field in the Denver area."
    assert _names(sentence) == {"rockies", "tulowitzki"}


@pytest.mark.parametrize(
    "sentence",
    [
        '"This is the worst accident on the lake," board spokeswoman Tamsin Corve told reporters.',
        '"No foul play was found," Peggie Krippendorf, a spokeswoman for the prosecutor, said on Thursday.',
        '"It is another attempt to smear her," said the lawyer, William Taylor III.',
        "According to the Ledger, the reservoir fell to its lowest level.",
        "She told Northshore Radio that the boat was crowded.",
        "Rescue boats pulled 41 survivors from the water overnight, the Navigation Board said.",
    ],
)
def test_speakers_and_audiences_are_not_names_the_claim_needs(sentence):
    assert _names(sentence) == set()


def test_what_a_speaker_says_about_others_still_counts():
    sentence = 'The documents established "beyond doubt" that Ghlam planned attacks, said Mr Cazeneuve.'
    assert _names(sentence) == {"ghlam"}
    assert _names("Trump fired Comey on May 9, the White House said.") == {"comey"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The council met on Monday in March and again in the Summer.",  # calendar words
        "The US and the FBI said nothing.",  # acronyms: outlets spell them out in too many ways
        "The fire at the Elkhart Co. depot and the Sun Prairie, Wis. plant spread.",  # abbreviations
        "Lake Orrin Ferry Death Toll Rises To 15",  # a title-case headline says nothing about names
    ],
)
def test_words_capitalised_for_other_reasons_are_left_out(sentence):
    assert not {"monday", "march", "summer", "us", "fbi", "co", "wis", "ferry", "toll"} & {
        word for name in name_words(sentence) for word in name
    }


def test_a_nickname_in_quotes_needs_no_match_of_its_own():
    words = report_words("The missing teens were Liberty German, 14, and Abigail Williams, 13.")
    assert (
        uncovered_names('Abigail "Abby" Williams, 13, and Liberty "Libby" German were last seen.', words)
        == []
    )


def test_a_report_covers_a_name_by_any_of_its_words_and_common_variants():
    words = report_words("Rendle, the captain, met Belanger and Gaddafi's envoy in Indonesia.")
    assert uncovered_names("The captain, Ivo Rendle, was rescued.", words) == []
    assert uncovered_names("They spoke to Bélanger about Gadhafi in the Indonesian capital.", words) == []
    assert uncovered_names("A Kellhaven couple were among the dead.", words) == ["kellhaven"]


def test_a_word_many_names_share_does_not_cover_a_name_by_itself():
    words = report_words("Flights to New York and New Zealand resumed; the county police made no arrests.")
    missing = uncovered_names("Residents of the suburb, New Kellhaven, were evacuated.", words)
    assert missing == ["kellhaven new"]
    assert uncovered_names("Officials said County Police made no arrests.", words) == []
    assert uncovered_names("The New Zealanders were evacuated.", words) == []


def test_short_names_must_match_exactly():
    words = report_words("Kenyan and Omani talks")
    assert uncovered_names("Both Kenya and Oman signed the pact.", words) == ["oman"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_never_raises_and_a_sentence_is_covered_by_itself(sentence, other):
    assert uncovered_names(sentence, report_words(sentence)) == []
    assert isinstance(uncovered_names(sentence, report_words(other)), list)
