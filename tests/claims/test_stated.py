"""Claims with provenance chains, type and certainty, on sentences written for these tests."""

from __future__ import annotations

import pytest

from storyweave.claims.stated import stated_claims
from storyweave.claims.stated._fallback import fallback_attributions
from storyweave.claims.stated._kind import kind_of
from storyweave.claims.stated._scare import scare_quotes
from storyweave.claims.stated._voice import voice_of
from storyweave.model import StatedClaim


def _claim(text: str, fragment: str) -> StatedClaim:
    claims = stated_claims(text, "t")
    found = [c for c in claims if fragment in c.text]
    assert found, [c.text for c in claims]
    return found[0]


def _chain(claim: StatedClaim) -> list[tuple[str, bool, str | None]]:
    return [(link.text, link.anonymous, link.role) for link in claim.chain]


def test_offsets_point_into_the_text() -> None:
    text = "The port reopened on Monday. Officials said 40 ships were waiting outside."
    claims = stated_claims(text, "t")
    assert [c.text for c in claims] == ["The port reopened on Monday", "40 ships were waiting outside"]
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        for link in claim.chain:
            assert text[link.start : link.end] == link.text


def test_nested_voice_in_content_is_the_inner_link() -> None:
    text = "Mayor Ana Ruiz announced city engineers had concluded that the old bridge must close."
    claim = _claim(text, "the old bridge")
    assert [link.text for link in claim.chain] == ["Mayor Ana Ruiz", "city engineers"]
    assert [link.anonymous for link in claim.chain] == [False, True]
    assert not any(c.text.startswith("city engineers") for c in stated_claims(text, "t"))


def test_outlet_the_speaker_addressed_is_the_outermost_link() -> None:
    text = "Speaking to Radio Harbour, Colonel Ivo Brand said the convoy had reached the coast."
    claim = _claim(text, "the convoy had reached")
    assert _chain(claim) == [("Radio Harbour", False, "outlet"), ("Colonel Ivo Brand", False, "commander")]


def test_a_day_before_the_outlet_is_not_the_outlet() -> None:
    text = "The valve will last, Professor Ada Morel said in an interview on Sunday with the Gazette du Nord."
    claim = _claim(text, "The valve will last")
    assert _chain(claim)[0] == ("Gazette du Nord", False, "outlet")


@pytest.mark.parametrize("hearer", ["Governor Hale", "Sen. Ana Ruiz", "Prime Minister Vance"])
def test_a_titled_person_spoken_to_is_no_outlet(hearer: str) -> None:
    text = f"Speaking to {hearer}, the harbour minister said the levee would hold."
    claim = _claim(text, "the levee would hold")
    assert [(link.text, link.role) for link in claim.chain] == [("the harbour minister", "government")]


def test_secondary_source_sits_behind_the_reporting_outlet_and_hedges() -> None:
    text = (
        "Based on reports from an anonymous informant in the port, "
        "the Coastal Times reported that the ship sank."
    )
    claim = _claim(text, "the ship sank")
    assert [(link.text, link.anonymous) for link in claim.chain] == [
        ("the Coastal Times", False),
        ("an anonymous informant in the port", True),
    ]
    assert claim.chain[0].role == "outlet"


def test_a_lone_unnamed_informant_hedges_the_claim() -> None:
    claim = _claim("A source close to the talks said the deal was signed.", "the deal was signed")
    assert claim.certainty == "hedged"
    assert "single unnamed source" in claim.hedges


def test_writer_statements_have_an_empty_chain_and_headlines_are_not_claims() -> None:
    text = "Storm hits coast\nThe storm destroyed 300 homes along the coast on Sunday.\nShow your support"
    claims = stated_claims(text, "t")
    assert [c.text for c in claims] == ["The storm destroyed 300 homes along the coast on Sunday"]
    assert claims[0].chain == () and claims[0].certainty == "asserted" and claims[0].kind == "fact"
    assert [q.value for q in claims[0].quantities] == [300]


@pytest.mark.parametrize(
    "text",
    [
        "The harbour master fled the town in June.",
        "Rebel fighters took the northern bridge before dawn.",
        "The incumbent lost the runoff by a wide margin.",
        "Prices rose sharply in the capital last month.",
        "The envoy met both delegations on Thursday.",
        "A falling crane struck two parked cars downtown.",
        "The cooperative sold its last warehouse in 2019.",
    ],
)
def test_a_writers_sentence_with_an_irregular_past_is_a_claim(text: str) -> None:
    claims = stated_claims(text, "t")
    assert [(c.text, c.chain, c.certainty) for c in claims] == [(text.rstrip("."), (), "asserted")]


@pytest.mark.parametrize(
    "text",
    ["Photo by Ana Ruiz for the Harbour Weekly.", "Left to right: the mayor, the bishop and the judge."],
)
def test_captions_without_a_verb_are_still_not_claims(text: str) -> None:
    assert stated_claims(text, "t") == []


@pytest.mark.parametrize(
    ("text", "fragment", "kind"),
    [
        ("The council should publish the audit before the vote.", "should publish", "opinion"),
        ("It is difficult to imagine a quick end to the dispute.", "difficult to imagine", "opinion"),
        ("The commander urged his men to “kill the infidels wherever they hide!”", "infidels", "rhetoric"),
        ("The ferry carried 212 passengers across the strait on Tuesday.", "ferry", "fact"),
    ],
)
def test_claim_type(text: str, fragment: str, kind: str) -> None:
    assert _claim(text, fragment).kind == kind


def test_a_plain_report_of_a_strike_is_not_rhetoric() -> None:
    assert kind_of("the air strike hit a depot near the border", "said") == "fact"
    assert kind_of("“Rise up, O brothers, and strike them!”", "shouted") == "rhetoric"


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("A by-election, which must be held within ten weeks, will follow.", "fact"),
        ("Bids must be submitted no later than 5 p.m. on March 3.", "fact"),
        ("Forms have to be filed by Friday.", "fact"),
        ("The council must act now.", "opinion"),
        ("He must be stopped by any means.", "opinion"),  # "by" an agent, not a date
        ("The bill must be passed before it is too late.", "opinion"),
        ("Emissions must be cut by 40 percent.", "opinion"),  # an amount, not a date
        ("It must be approved by Mayor Smith.", "opinion"),  # "May" inside a word is no month
        ("It must be settled within the family.", "opinion"),
        ("Payment must be made by 2025.", "fact"),
    ],
)
def test_a_deadline_set_by_a_rule_is_a_fact_and_an_obligation_urged_is_an_opinion(
    content: str, kind: str
) -> None:
    assert kind_of(content) == kind


def test_scare_quotes_are_found_and_quoted_speech_is_not() -> None:
    text = 'The so-called "emir" fled. He said, "we will return". They called it "a disaster".'
    spans = [text[s:e] for s, e in scare_quotes(text)]
    assert spans == ['"emir"']


def test_a_scare_quote_is_never_a_claim_or_a_source() -> None:
    # The writer's sentence is the one claim: the scare quote neither splits it off nor speaks.
    text = "The “victories” of the group are now mostly online."
    claims = stated_claims(text, "t")
    assert [(c.text, c.chain) for c in claims] == [(text.rstrip("."), ())]


@pytest.mark.parametrize(
    ("source", "anonymous", "role"),
    [
        ("U.S. and Iraqi officials", True, "officials"),
        ("Kurdish intelligence sources", True, "intelligence"),
        ("Sources in the capital", True, None),
        ("a spokeswoman for the Green Party", True, "spokesperson"),
        ("Lt. Gen. Marta Olsen", False, "commander"),
        ("The Pentagon", False, "military"),
        ("the Iraqi government", False, "government"),
        ("Campaign spokesman Brian Hale", False, "spokesperson"),
    ],
)
def test_named_or_anonymous_and_role(source: str, anonymous: bool, role: str | None) -> None:
    link = voice_of(source, 0, len(source))
    assert (link.anonymous, link.role) == (anonymous, role)


def test_pronoun_source_takes_the_voice_it_refers_to() -> None:
    text = "Two police officers said the road was flooded. They added that the bridge was closed too."
    claim = _claim(text, "the bridge was closed")
    assert claim.chain[-1].text == "They" and claim.chain[-1].anonymous
    assert claim.chain[-1].role == "police"
    assert claim.chain[-1].refers_to == "Two police officers"


def test_a_pronoun_speaker_names_whom_it_stands_for() -> None:
    text = "The director, Wenna Caddow, said the depot was insured. She added that the shop would open."
    claim = _claim(text, "the shop would open")
    assert (claim.chain[-1].text, claim.chain[-1].refers_to) == ("She", "The director, Wenna Caddow")


@pytest.mark.parametrize(
    ("text", "fragment", "referent"),
    [
        # "it" is an institution or a document, never the person who spoke before
        (
            "The Nuclear Regulatory Commission's spokesman, Victor Dane, said the plant was safe. "
            "The commission said the berm had failed. It said in a statement that it would inspect the site.",
            "would inspect",
            "Nuclear Regulatory Commission",
        ),
        # "he" is no document, "they" no single person
        (
            "The study, published on Monday, found that the heart rates were off. "
            "He said the findings were flawed.",
            "findings were flawed",
            None,
        ),
        (
            "His wife, Ada Copeland, said the trips helped. They said the veterans were grateful.",
            "veterans were grateful",
            None,
        ),
        # ... but a name that may be an organisation is "it" or "they", and a prosecutor is a person
        ("Apple said sales fell in March. It said demand would recover by June.", "demand would", "Apple"),
        (
            "Orrel Freight said its staff were safe. It added that it was cooperating.",
            "cooperating",
            "Orrel Freight",
        ),
        (
            "The company's managing director said the depot was insured. It said the damage was large.",
            "damage was large",
            None,
        ),
        ("The Taliban said the attack was theirs. They said more would follow.", "more would", "The Taliban"),
        (
            "The lead prosecutor, Ann Marsh, said the case was strong. She said the trial would start soon.",
            "the trial would",
            "The lead prosecutor, Ann Marsh",
        ),
    ],
)
def test_a_pronoun_source_only_takes_a_voice_it_can_stand_for(
    text: str, fragment: str, referent: str | None
) -> None:
    assert _claim(text, fragment).chain[-1].refers_to == referent


def test_an_institution_named_only_by_its_kind_points_back_to_its_full_name() -> None:
    text = (
        "At least 12 people died, the Lake Orrin Navigation Board said. The ferry was heading north, the "
        "board said. Orrel Freight, a logistics firm based in Kellhaven, said the warehouse was empty. The "
        "firm said it would cooperate with the inquiry."
    )
    service = _claim(
        "Two firefighters were hurt, the Ardmoor Fire and Rescue Service said. Both were released by "
        "morning, the service said.",
        "released by morning",
    ).chain[-1]
    assert (service.anonymous, service.refers_to) == (False, "Ardmoor Fire and Rescue Service")
    board = _claim(text, "heading north").chain[-1]
    assert (board.text, board.anonymous, board.refers_to) == (
        "the board",
        False,
        "Lake Orrin Navigation Board",
    )
    firm = _claim(text, "cooperate with the inquiry").chain[-1]
    assert (firm.anonymous, firm.refers_to) == (False, "Orrel Freight")


def test_a_rejected_bill_in_someones_words_is_no_denial() -> None:
    claim = _claim("Officials said the bill was rejected by the senate.", "the bill was rejected")
    assert claim.certainty == "reported"


@pytest.mark.parametrize(
    ("text", "fragment", "company"),
    [
        (
            "Caddow & Lyle estimates that 3,000 pieces were lost. The firm said none of its staff would lose "
            "their jobs.",
            "none of its staff",
            "Caddow & Lyle",
        ),
        (
            "The warehouse was leased by Orrel Freight Co., officials said. The company said the goods were "
            "insured.",
            "the goods were insured",
            "Orrel Freight Co.",
        ),
    ],
)
def test_the_firm_points_back_to_the_last_company_the_report_named(
    text: str, fragment: str, company: str
) -> None:
    link = _claim(text, fragment).chain[-1]
    assert (link.anonymous, link.refers_to) == (False, company)


@pytest.mark.parametrize(
    ("text", "referent"),
    [
        # A name ending in the word itself comes first: not the maker named in between.
        (
            "Shares in Kestrel Airline fell after the jet, built by Boeing Co., was grounded. The airline "
            "said the fire was out.",
            "Kestrel Airline",
        ),
        # One connector, right before the last word: not two institutions joined by "and".
        (
            "Kellhaven Council and Ardmoor Fire Service were called out. The service said the fire was out.",
            "Ardmoor Fire Service",
        ),
        (
            "Dr Alan Jones of Ardmoor Ambulance Service spoke first. The service said the fire was out.",
            "Ardmoor Ambulance Service",
        ),
        (
            "On Monday Orrel Freight Co. said it was insured. The company said the fire was out.",
            "Orrel Freight Co.",
        ),
    ],
)
def test_institution_referents_take_the_right_name(text: str, referent: str) -> None:
    assert _claim(text, "the fire was out").chain[-1].refers_to == referent


def test_fallback_patterns_give_up_on_a_sentence_padded_with_whitespace() -> None:
    sentence = "Reports that" + " " * 1900 + "the dam burst, officials said."
    assert fallback_attributions(sentence, (0, len(sentence)), "a") == []


def test_a_hedge_in_one_complement_does_not_hedge_its_sibling() -> None:
    text = "Two aides said the talks would resume on Monday, and that the minister may resign."
    assert _claim(text, "talks would resume").certainty == "reported"
    assert _claim(text, "minister may resign").certainty == "hedged"


def test_a_hedge_in_the_framing_clause_covers_the_claim() -> None:
    text = "The inquiry left the auditors able to say with near certainty that the funds were diverted."
    claim = _claim(text, "the funds were diverted")
    assert claim.certainty == "hedged"
    assert [link.text for link in claim.chain] == ["the auditors"]


def test_coming_to_a_conclusion_is_a_cue_of_the_sentence_subject() -> None:
    text = "Engineers have not found the leak, but were able to come to the conclusion that the valve failed."
    claim = _claim(text, "the valve failed")
    assert [link.text for link in claim.chain] == ["Engineers"]


def test_quoted_by_puts_the_outlet_first() -> None:
    text = "Two diplomats, quoted by the Harbour Gazette, said the ferry had been seized at dawn."
    claim = _claim(text, "the ferry had been seized")
    assert _chain(claim) == [("Harbour Gazette", False, "outlet"), ("Two diplomats", True, None)]


def test_who_cited_is_a_secondary_source_not_a_claim() -> None:
    text = "According to the Red Crescent, which cited local doctors, at least 9 people were hurt."
    claims = stated_claims(text, "t")
    assert len(claims) == 1
    assert [link.text for link in claims[0].chain] == ["the Red Crescent", "local doctors"]


def test_a_dropped_cue_keeps_the_writers_sentence() -> None:
    text = "The group often posted videos of its raids on its channels, and its fighters boasted of them."
    claims = stated_claims(text, "t")
    assert [(c.chain, c.certainty) for c in claims] == [((), "asserted")]
    purpose = stated_claims("Militia channels post old videos to suggest the leader is still in charge.")
    assert [(c.chain, c.certainty) for c in purpose] == [((), "asserted")]


def test_emphasis_in_a_quote_is_the_sources_account_not_an_opinion() -> None:
    text = 'The auditor said that "clearly, the tender rules were broken" in the deal.'
    assert _claim(text, "tender rules").kind == "fact"
    assert _claim("Clearly, the tender rules were broken in the deal.", "tender rules").kind == "opinion"


def test_a_writers_prediction_is_analysis_a_sources_prediction_a_fact() -> None:
    assert _claim("The council will likely reject the plan again next week.", "reject").kind == "opinion"
    assert _claim("The plan is likely to fail, aid workers warned.", "likely").kind == "fact"


def test_he_after_a_speaker_takes_the_speakers_role() -> None:
    text = (
        "General Ivo Petrov told reporters in Varna that his troops had held the line. "
        "He added that the enemy was short of fuel."
    )
    claim = _claim(text, "short of fuel")
    assert _chain(claim) == [("He", False, "commander")]


def test_office_titles_are_not_military_ranks() -> None:
    assert voice_of("the inspector general", 0, 21).role != "commander"
    assert voice_of("the attorney general", 0, 20).role != "commander"
    assert voice_of("General Ivo Petrov", 0, 18).role == "commander"


def test_a_named_apposition_makes_a_generic_head_named() -> None:
    text = "the army's spokesman, Colonel Aung Min"
    link = voice_of(text, 0, len(text))
    assert (link.anonymous, link.role) == (False, "spokesperson")


def test_a_hearsay_adverb_hedges_the_writers_sentence_without_inventing_a_voice() -> None:
    claims = stated_claims(
        "The two ministers have reportedly resigned over the tender. "
        "Aides said the deal was allegedly signed."
    )
    first, second = claims
    assert first.text.startswith("The two ministers") and first.chain == () and first.certainty == "hedged"
    assert [link.text for link in second.chain] == ["Aides"] and second.certainty == "hedged"


def test_a_quotation_before_told_keeps_its_opening_words() -> None:
    text = '"They took that ferry a hundred times," their son, Piran, told the Courier.'
    claim = _claim(text, "ferry")
    assert claim.text.startswith('"They took that ferry')
    assert _chain(claim)[-1][0] == "their son, Piran"


def test_a_relative_clause_after_according_to_is_the_sources_not_the_claims() -> None:
    text = (
        "According to one official, who was not authorised to speak publicly, the crew may have stopped "
        "counting passengers once the ferry was full."
    )
    claim = _claim(text, "crew")
    assert claim.text.startswith("the crew may have stopped")
    assert _chain(claim)[-1][0] == "one official"


def test_no_reply_to_a_request_for_comment_is_no_attributed_claim() -> None:
    text = "The ferry's operator, Orrin Lake Lines, did not respond to requests for comment."
    assert all(not c.chain for c in stated_claims(text, "t"))


def test_a_speaker_ending_the_sentence_leaves_the_full_stop_out() -> None:
    text = '"We are now treating this as a recovery operation," said Group Commander Silas Wren.'
    assert _chain(_claim(text, "recovery"))[-1][0] == "Group Commander Silas Wren"


def test_a_bare_prepositional_phrase_is_no_claim_but_a_verbless_judgement_is() -> None:
    text = (
        'In a statement read to the council chamber, Merrow said he was stepping down "to allow the inquiry".'
    )
    assert not any(c.text.startswith("to the council chamber") for c in stated_claims(text, "t"))
    assert _claim(text, "stepping down").chain[-1].text == "Merrow"
    judgement = _claim("The minister called it a reward for murder.", "reward")
    assert judgement.text == "it a reward for murder"


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # An infinitive is what was threatened, not a place: the claim keeps its speaker.
        ("The rebels threatened to attack the capital within a week.", "attack the capital", "The rebels"),
        # "that his name ..." is a claim about a name, not the anonymity formula.
        ("The senator said that his name had been forged on the petition.", "forged", "The senator"),
    ],
)
def test_near_misses_of_the_no_claim_rules_keep_their_speaker(text: str, fragment: str, speaker: str) -> None:
    assert _chain(_claim(text, fragment))[-1][0] == speaker


def test_a_relative_clause_is_cut_only_after_according_to() -> None:
    text = "The report did not say who ordered the strike, which killed 12 people."
    assert not any(c.text == "which killed 12 people" for c in stated_claims(text, "t"))


def test_a_noun_cue_with_its_complement_is_no_claim() -> None:
    text = (
        "The claim of overloading is unconfirmed, and the ferry's operator, Orrin Lake Lines, did not "
        "respond to requests for comment."
    )
    assert all(not c.text.startswith("of overloading") for c in stated_claims(text, "t"))
    assert all(link.text != "The" for c in stated_claims(text, "t") for link in c.chain)


def test_a_claim_ending_in_an_abbreviation_keeps_its_dot() -> None:
    text = "The blaze broke out in a building leased by Orrel Freight Co., according to the fire service."
    assert _claim(text, "blaze").text.endswith("Orrel Freight Co.")
    assert _claim("Officials said the ferry sank.", "ferry").text == "the ferry sank"


def test_a_lone_quotation_goes_on_in_the_voice_of_the_quoted_speaker_before_it() -> None:
    text = (
        '"We had a very heavy storm pass over at around nine," said Station Manager Orla Pendry. '
        '"That may well turn out to be the cause, but it is far too soon to say for certain."'
    )
    claim = _claim(text, "far too soon")
    assert _chain(claim)[-1][0] == "Station Manager Orla Pendry"
    assert claim.certainty == "hedged"
    # After a writer's sentence, a lone quotation has no speaker to borrow and is no claim of the writer's.
    alone = 'The depot burned overnight. "That may well turn out to be the cause, but it is too soon to say."'
    assert not any("too soon" in c.text for c in stated_claims(alone, "t"))


def test_a_quotation_running_over_sentences_and_paragraphs_keeps_its_speaker() -> None:
    text = (
        '"What are they supposed to do now?" the rancher Amos Pell added in comments first reported by the '
        'Valley Wire. "They sold the herd, they sold the land, because nobody would lend them a cent.\n\n'
        '"And I have often wondered whether they were better off before. They got less freedom."\n\n'
        "The county did not respond to requests for comment."
    )
    for words in ("sold the herd", "often wondered"):
        claim = _claim(text, words)
        assert _chain(claim)[-1][0] == "the rancher Amos Pell", words
    assert _claim(text, "did not respond").chain == ()
    # A new quoted paragraph after a speaker's closed quotation goes on in that voice until it closes.
    paragraphs = (
        '"We have seen what campaigns can do for road safety," the council chief Tam Orrel said.\n\n'
        '"This research shows how much a campaign like this could change.\n\n'
        '"These findings should now be used to plan the next one."'
    )
    for words in ("This research", "These findings"):
        assert _chain(_claim(paragraphs, words))[-1][0] == "the council chief Tam Orrel", words


def test_being_called_to_a_place_is_no_attributed_claim() -> None:
    text = "Crews were called to the depot on Millrace Road at about 9:30 p.m. after residents saw flames."
    (claim,) = stated_claims(text, "t")
    assert claim.chain == () and claim.cue is None and claim.kind == "fact"
    call = _claim("The senator called for a full inquiry into the contract.", "inquiry")
    assert call.cue is not None and call.cue.text == "called for" and _chain(call)[-1][0] == "The senator"


def test_a_request_made_in_the_passive_is_no_claim_of_its_own() -> None:
    text = (
        "Pellam Civils has reportedly been asked to hand over correspondence with council officers, "
        "according to a council official who spoke on condition of anonymity."
    )
    claims = stated_claims(text, "t")
    assert not any(c.text.startswith("to hand over") for c in claims), [c.text for c in claims]
    claim = _claim(text, "asked to hand over")
    assert [link.text for link in claim.chain] == ["a council official who spoke on condition of anonymity"]
    assert claim.certainty == "hedged"


def test_a_writers_forecast_of_an_act_stays_in_the_writers_voice() -> None:
    claim = _claim("The council will likely reject the plan again next week.", "reject")
    assert claim.chain == ()


def test_a_phrase_pointing_back_at_what_others_said_is_no_claim_of_its_own() -> None:
    # "those complaints" names a claim made elsewhere: the sentence is the writer's report of the rejection.
    (claim,) = stated_claims("The council rejected those complaints at the time.", "t")
    assert claim.text == "The council rejected those complaints at the time" and claim.chain == ()
    # With a clause of its own, the content says something.
    texts = [c.text for c in stated_claims("He rejected the claims that he had lied.", "t")]
    assert texts == ["the claims that he had lied"]


def test_a_content_ends_before_a_second_cue_coordinated_with_its_own() -> None:
    text = (
        'In a video, the group\'s spokesman urged followers to "burn the crusaders in their homes" and '
        'promised "rivers of blood" for the army.'
    )
    texts = [c.text for c in stated_claims(text, "t")]
    assert any(t.endswith('"burn the crusaders in their homes"') for t in texts)
    assert '"rivers of blood" for the army' in texts


def test_a_clipped_content_that_says_nothing_is_dropped() -> None:
    texts = [c.text for c in stated_claims("Two senators wrote a letter and said the law was unfair.", "t")]
    assert "a letter" not in texts and "the law was unfair" in texts


def test_focus_adverbs_and_hedged_auxiliaries_stay_with_the_cue() -> None:
    (claim,) = stated_claims('The audit office has said only that it is examining "irregularities".', "t")
    assert claim.text.startswith("it is examining")
    # "was reportedly" hedges the writer's own sentence; it names no voice.
    (claim,) = stated_claims("The captain was reportedly among those rescued on Sunday.", "t")
    assert claim.chain == () and claim.certainty.startswith("hedged")


def test_a_passives_agent_is_no_claim_of_its_own() -> None:
    text = (
        "The figure is far above the $56 billion estimated by the Treasury and the $25 billion to "
        "$50 billion estimated by some experts."
    )
    assert not any(c.text.startswith("by ") for c in stated_claims(text, "t"))


def test_a_sourceless_cue_of_belief_or_expectation_leaves_the_writers_sentence() -> None:
    expected = _claim("The plant is expected to reopen next month after repairs.", "reopen")
    assert expected.text == "The plant is expected to reopen next month after repairs"
    assert expected.cue is None and expected.chain == ()
    believed = _claim("The ship is believed to have sunk near the coast.", "sunk")
    assert believed.cue is None and believed.certainty == "hedged"
    # The clause stays a claim when another voice shares the sentence.
    shared = _claim(
        "The plant is expected to reopen next week, but the union said it would strike.", "reopen"
    )
    assert (shared.text, shared.certainty) == ("The plant is expected to reopen next week", "hedged")
    assert _claim("It is believed that the ship sank near the reef.", "ship sank").certainty == "hedged"
    # What the sentence goes on to state with no voice of its own stays a claim; a quotation before the
    # cue is part of the clause.
    rest = _claim("The vote was expected to be close, but the bill passed by 300 votes to 12.", "bill passed")
    assert (rest.text, rest.certainty, rest.chain) == ("the bill passed by 300 votes to 12", "asserted", ())
    quoted = _claim('"The gunman acted alone," it is believed.', "gunman")
    assert (quoted.text, quoted.certainty) == ('"The gunman acted alone," it is believed', "hedged")
    # ... but a clause a speaker is then said to have said is the speaker's.
    vanlo = "An investigator is expected to examine the site once it is declared safe, Vanlo said."
    assert {c.chain[-1].text if c.chain else None for c in stated_claims(vanlo, "t")} == {"Vanlo"}
    shared = stated_claims("Four people, it is feared, died, and police said two more were missing.", "t")
    assert [c.certainty for c in shared if "two more" in c.text] == ["reported"]
    # Saying needs a sayer: an unsourced report is still somebody's, unnamed.
    reported = _claim("It was reported that the minister had resigned.", "minister")
    assert reported.cue is not None and reported.text == "the minister had resigned"


def test_the_title_of_a_person_named_before_is_no_anonymous_source() -> None:
    text = (
        "President Ada Marrow spoke in Dunmere on Monday. "
        "The president said the province was better off than four years ago."
    )
    (link,) = _claim(text, "better off").chain
    assert (link.anonymous, link.refers_to) == (False, "President Ada Marrow")
    two_forms = (
        "President Ada Marrow arrived on Monday. President Marrow met the mayors. "
        "The president said it was time."
    )  # one person named twice
    assert _claim(two_forms, "it was time").chain[-1].refers_to == "President Ada Marrow"
    unnamed = _claim("A local club held its meeting. The president said the club would close.", "close")
    assert unnamed.chain[-1].anonymous and unnamed.chain[-1].refers_to is None
    for before in (
        "President Ada Marrow met President Ivo Kest in Geneva.",  # two presidents: which one?
        "The talks were chaired by Vice President Ada Marrow.",  # a modified title is another office
        "Lieutenant Governor Ada Marrow chaired the talks.",
    ):
        title = "governor" if "Governor" in before else "president"
        voice = _claim(f"{before} The {title} said the talks went well.", "talks went well").chain[-1]
        assert voice.refers_to is None, before


def test_content_opening_with_by_and_a_verb_is_a_claim() -> None:
    text = "Officials said by the end of the year all 5,000 troops would have left the country."
    claim = _claim(text, "troops would have left")
    assert _chain(claim)[-1][0] == "Officials"


def test_an_unclosed_quotation_mark_carries_no_voice_into_the_next_sentence() -> None:
    text = (
        '"We will rebuild every single home in this town, Mayor Jane Doe said on Tuesday. '
        "The storm destroyed 200 homes in the town."
    )
    assert _claim(text, "The storm destroyed").chain == ()


def test_a_follow_on_quotation_goes_on_in_the_voice_of_the_last_quotation() -> None:
    text = (
        '"We won fair and square in every county," said Senator Ann Smith, and her rival Tom Jones replied '
        'that "they cheated in every single county." "This is a disgrace to the whole state."'
    )
    assert _chain(_claim(text, "a disgrace"))[-1][0] == "her rival Tom Jones"
