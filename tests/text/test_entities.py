"""Entities and aliases: names from capitalisation, grouped by surname, initials, spelling and roles."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storyweave.text.entities import find_entities


def _groups(texts: dict[str, str]) -> list[set[str]]:
    return [{m.text for m in entity.mentions} for entity in find_entities(texts)]


def _group_of(texts: dict[str, str], surface: str) -> set[str]:
    return next(g for g in _groups(texts) if surface in g)


def test_full_name_surname_and_appositive_role_are_one_person():
    text = (
        "Gen. Hassan Rahimi, the commander of the northern front, said the troops had reached the river. "
        "Rahimi told reporters the advance would go on. The commander gave no date."
    )
    assert _group_of({"a": text}, "Rahimi") == {
        "Hassan Rahimi",
        "Rahimi",
        "the commander of the northern front",
        "The commander",
    }
    rahimi = next(e for e in find_entities({"a": text}) if e.name == "Hassan Rahimi")
    assert rahimi.kind == "person"


def test_acronym_from_initials_skipping_function_words_and_the_group():
    text = (
        "The Movement for Justice and Equality claimed the raid. Officials said the MJE had planned it for "
        "weeks. The group has fought the army since 2003."
    )
    assert _group_of({"a": text}, "MJE") == {"Movement for Justice and Equality", "MJE", "The group"}


def test_transliteration_variants_across_reports():
    texts = {
        "a": "Muqtada al-Sadr told his followers to leave the square.",
        "b": "Moqtada Sadr urged supporters to go home. Sadr spoke from Najaf.",
    }
    assert _group_of(texts, "Sadr") == {"Muqtada al-Sadr", "Moqtada Sadr", "Sadr"}


def test_arabic_article_forms_are_one_name():
    texts = {
        "a": "In a statement to Asharq al-Awsat, an official spoke.",
        "b": "The daily Al-Sharq al-Awsat said so.",
    }
    assert _group_of(texts, "Asharq al-Awsat") == {"Asharq al-Awsat", "Al-Sharq al-Awsat"}


def test_scare_quoted_role_is_bound_by_a_premodifier():
    text = 'Reports say that group "caliph" Omar Haddad fled. The "caliph" has not been seen since.'
    assert _group_of({"a": text}, "Omar Haddad") == {"Omar Haddad", 'The "caliph"'}


def test_equivalent_names_and_lower_case_lexicon_entries():
    text = "Kurdish forces entered the town. The peshmerga said ISIS had left; Daesh denied it."
    assert _group_of({"a": text}, "peshmerga") == {"Kurdish forces", "peshmerga"}
    assert _group_of({"a": text}, "ISIS") == {"ISIS", "Daesh"}


def test_ambiguous_surname_stays_unlinked():
    text = "Ali Karimi met Reza Karimi in Tehran. Karimi said nothing afterwards."
    assert {"Karimi"} in _groups({"a": text})


def test_group_is_not_linked_without_a_dominant_organisation():
    text = "Hamas and Fatah met in Cairo. Hamas and Fatah disagreed. The group left early."
    assert all("The group" not in g for g in _groups({"a": text}))


def test_sentence_openers_demonyms_and_titles_are_not_names():
    text = (
        "Commanders say Iraqi forces advanced. According to officials, President Lena Varga will visit Iraq."
    )
    names = {m.text for e in find_entities({"a": text}) for m in e.mentions}
    assert names == {"Lena Varga", "Iraq"}


def test_possessive_is_cut_and_offsets_are_exact():
    text = "Mosul's old city fell. Fighting in Mosul went on."
    (mosul,) = find_entities({"a": text})
    assert [(m.start, m.end, m.text) for m in mosul.mentions] == [(0, 5, "Mosul"), (35, 40, "Mosul")]


def test_empty_input():
    assert find_entities({}) == []
    assert find_entities({"a": ""}) == []


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["a", "b"]), st.text(max_size=200), max_size=2))
def test_any_text_gives_valid_mentions(texts):
    for entity in find_entities(texts):
        assert entity.mentions
        for mention in entity.mentions:
            text = texts[mention.article_id]
            assert 0 <= mention.start < mention.end <= len(text)
            assert text[mention.start : mention.end] == mention.text


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Al-Sadr",
                "al-Sadr's",
                "ISIS",
                "the group",
                "The",
                "U.S.",
                "Abu",
                "of",
                ",",
                ".",
                "said",
                "“",
                "”",
            ]
        ),
        max_size=40,
    )
)
def test_name_like_word_salad_gives_valid_mentions(words):
    text = " ".join(words)
    for entity in find_entities({"a": text}):
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


def _names(text: str) -> set[str]:
    return {m.text for e in find_entities({"a": text}) for m in e.mentions}


def test_learned_openers_drop_ordinary_words_and_keep_unknown_capitalised_plurals():
    text = "Druze elders met in the square. Witnesses said the talks were calm. Druze leaders left at noon."
    assert _names(text) == {"Druze"}
    assert "Witnesses" not in _names("Witnesses said Yazidis fled. Yazidis returned later.")
    assert "Yazidis" in _names("Witnesses said Yazidis fled. Yazidis returned later.")


def test_ordinary_opener_is_cut_from_an_acronym_but_title_case_names_stay_whole():
    assert "ZNP" in _names("Embattled ZNP ministers resigned. The ZNP denied it.")
    assert "Embattled ZNP" not in _names("Embattled ZNP ministers resigned. The ZNP denied it.")
    assert "Doctors Without Borders" in _names("Doctors Without Borders opened a clinic in Sitra.")


def test_demonyms_and_common_noun_acronyms_are_not_names():
    text = "French and Dutch envoys met Shiite clerics. The CEO told TV crews that Western firms would stay."
    assert _names(text) == set()


def test_a_headline_does_not_run_into_the_next_line():
    text = "Rebels Take Hill Near Port Kessa\nSoldiers withdrew from Port Kessa overnight."
    assert "Port Kessa\nSoldiers" not in _names(text)
    assert "Port Kessa" in _names(text)


def test_sentence_initial_role_description_binds_to_the_only_person_named():
    text = "Marta Olsen arrived in Tromso. The Norwegian premier met fishermen there."
    assert _group_of({"a": text}, "Marta Olsen") == {"Marta Olsen", "The Norwegian premier"}
    two = "Marta Olsen met Karl Berg in Tromso. The Norwegian premier praised the deal."
    assert all("The Norwegian premier" not in g for g in _groups({"a": two}))


def test_possessive_opening_description_is_bound_to_the_appositive_name():
    text = "Vostok's chief, Ilya Marin, resigned on Monday."
    assert _group_of({"a": text}, "Ilya Marin") == {"Ilya Marin", "Vostok's chief"}


def test_charity_links_to_the_one_organisation_named_and_org_head_links_its_short_form():
    texts = {"a": "Médair said its teams were ready. The charity asked for more funds."}
    assert _group_of(texts, "Médair") == {"Médair", "The charity"}
    text = "The National Salvation Front held a rally. Officials of the Front said turnout was high."
    assert _group_of({"a": text}, "Front") == {"National Salvation Front", "Front"}
