"""Certainty categories: the lexicon rules one by one, and accuracy on a hand-labelled sentence set."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from storyweave.claims import certainty_of
from storyweave.claims.attribution._sentence_certainty import sentence_certainty
from storyweave.claims.certainty import (
    CERTAINTIES,
    SINGLE_UNNAMED_SOURCE,
    certainty_of_attribution,
    certainty_of_claim,
)

LABELLED = Path(__file__).parent / "fixtures" / "certainty.jsonl"


@pytest.mark.parametrize(
    ("sentence", "expected", "hedge"),
    [
        ("The commander has reportedly fled the city.", "hedged", "reportedly"),
        ("The convoy is believed to have crossed into the desert.", "hedged", "is believed to"),
        ("Officers said with near certainty that he had left.", "hedged", "near certainty"),
        ("There were unconfirmed accounts of shelling.", "hedged", "unconfirmed"),
        ("The leak may have started weeks ago.", "hedged", "may have"),
        ("If these reports continue to receive confirmation, the siege is over.", "hedged", None),
        ("The ministry denied the report.", "denied", "denied"),
        ("Auditors found no evidence of fraud.", "denied", "no evidence"),
        ("The spokesman rejected claims of a cover-up.", "denied", "rejected claims"),
        ("The train left at noon.", "asserted", None),
        # The month is no modal; "could not" + an action is a plain negative statement.
        ("The canal reopened to barges in May.", "asserted", None),
        ("May 14 brought the first frost of the season.", "asserted", None),
        ("The orchard could not ship its apples after the storm.", "asserted", None),
        ("Rangers could not confirm how many deer had died.", "hedged", "could not confirm"),
        ("The auditor was unable to verify the receipts.", "hedged", "unable to verify"),
        ("The tunnel may flood again this winter.", "hedged", "may"),
        ("May the harvest be kinder next year.", "hedged", "May"),
        ("The dam could give way after more rain.", "hedged", "could"),
    ],
)
def test_lexicon_decides_category_and_reports_the_words(
    sentence: str, expected: str, hedge: str | None
) -> None:
    certainty, hedges = certainty_of(sentence)
    assert certainty == expected
    if hedge:
        assert hedge in hedges
    if expected == "asserted":
        assert hedges == ()


def test_denial_outranks_hedging() -> None:
    assert certainty_of("Officials denied reports that the leader had apparently fled.")[0] == "denied"


def test_writer_voice_is_never_reported() -> None:
    assert certainty_of("The mayor said the road is open.")[0] == "asserted"


def test_attributed_content_is_reported_unless_framed() -> None:
    assert certainty_of_attribution("said", "the ferry would resume in May") == ("reported", ())
    assert certainty_of_attribution("said", "the road is open") == ("reported", ())
    assert certainty_of_attribution("said", "it was not involved")[0] == "denied"
    assert certainty_of_attribution("believes", "the group is isolated")[0] == "hedged"
    assert certainty_of_attribution("said", "the road is open", "Police reportedly said the road is open.")[
        0
    ] == ("hedged")


def test_labelled_sentences_cover_every_category_and_mostly_agree() -> None:
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 60
    assert set(Counter(r["certainty"] for r in rows)) == set(CERTAINTIES)
    right = sum(sentence_certainty(r["sentence"])[0] == r["certainty"] for r in rows)
    assert right / len(rows) >= 0.8, f"certainty accuracy {right}/{len(rows)} on {LABELLED.name}"


def test_claim_certainty_reads_the_whole_chain() -> None:
    content = "the convoy left the city"
    assert certainty_of_claim(content, f"Officials said {content}.", ["said"]) == ("reported", ())
    # a hedge in an outer link's cue lowers the innermost claim
    outer = certainty_of_claim(content, f"Officials said {content}.", ["reportedly told", "said"])
    assert outer[0] == "hedged" and "reportedly" in outer[1]
    lone = certainty_of_claim(content, f"An informant said {content}.", ["said"], single_unnamed=True)
    assert lone == ("hedged", (SINGLE_UNNAMED_SOURCE,))
    # denial is not softened into a hedge by the chain
    denied = certainty_of_claim("it was not involved", "He said it was not involved.", ["said"], True)
    assert denied[0] == "denied"


def test_writer_claim_certainty_needs_no_chain() -> None:
    assert certainty_of_claim("The bridge reopened", "The bridge reopened.") == ("asserted", ())
    assert certainty_of_claim("It would appear the bridge reopened", "It would appear the bridge reopened.")[
        0
    ] == ("hedged")


def test_a_predicted_or_negated_denial_is_no_denial() -> None:
    assert certainty_of("The ministry will likely deny the new evidence.")[0] == "hedged"
    assert certainty_of("The ministry is expected to deny the report.") == ("hedged", ("is expected to",))
    assert certainty_of("The spokesman did not deny the report.")[0] == "asserted"
    assert certainty_of("The journalists were denied entry at the border.")[0] == "asserted"
    assert certainty_of("The ministry denied the report.")[0] == "denied"


def test_a_claims_verification_status_is_asserted_but_an_unverified_fact_is_hedged() -> None:
    assert certainty_of("The claim could not be confirmed.") == ("asserted", ())
    assert certainty_of("The video has not been independently verified.") == ("asserted", ())
    assert certainty_of("Police have not verified the identity of the gunman.")[0] == "hedged"
    assert certainty_of("Unverified footage showed the bridge collapsing.")[0] == "hedged"


def test_suspect_as_a_noun_or_adjective_is_no_hedge() -> None:
    assert certainty_of("A second suspect was arrested at a checkpoint.")[0] == "asserted"
    assert certainty_of("Police arrested 17 suspected smugglers.")[0] == "asserted"
    assert certainty_of("He is suspected of ordering the attack.")[0] == "hedged"


@pytest.mark.parametrize(
    ("content", "certainty"),
    [
        ("it was not involved in the attack", "denied"),
        ("the vaccine did not cause the deaths", "denied"),
        ("the committee had never been shown the revised bid", "reported"),
        ("I just don't understand", "reported"),
        ("they were never told about the risk", "reported"),
        ("he had not paid any bribes to officials", "denied"),
        ("she did not get any money from the firm", "denied"),
        ("he had never asked the developer for a donation", "denied"),
        ("they were not given any warning", "reported"),
        ("residents were not allowed to return", "reported"),
        ("She doesn't deserve a bond", "reported"),  # a judgement, not a rejected claim
        ("We don't have much at this time", "reported"),
        ("he is not surprised by the study results", "reported"),
        ("I will never stop looking", "reported"),  # a promise
        ("A final decision has not been made", "reported"),  # a status
        ("There was not enough evidence left", "reported"),
        ("the American people are not better off", "reported"),
        ("he did not have any contact with the lobbyist", "denied"),
        ("its fighters were never in the town", "denied"),
        ("the strike was not made by Israeli aircraft", "denied"),  # rejects who did it
        ("The families were not told by officials", "reported"),
        ("The victims were not identified by name", "reported"),
        ("The results were not released by midnight", "reported"),  # a time, not an agent
        ("he would never hurt a child", "denied"),
    ],
)
def test_a_negated_opening_denies_only_when_it_rejects_something(content, certainty) -> None:
    assert certainty_of_attribution("said", content)[0] == certainty


def test_could_of_perception_is_no_hedge() -> None:
    assert certainty_of("Smoke could be seen across the bay.")[0] == "asserted"
    assert certainty_of("Residents could hear the blasts.")[0] == "asserted"
    assert certainty_of("The toll could rise.")[0] == "hedged"
    assert certainty_of("The decision could be seen as a provocation.")[0] == "hedged"
    assert certainty_of("The effects could be felt for decades.")[0] == "hedged"
    assert certainty_of("Smoke could be seen as far away as Dover.")[0] == "asserted"


def test_comparing_chances_is_a_finding_not_a_hedge() -> None:
    assert certainty_of("Men aged 18 to 34 are more likely to live with their parents.")[0] == "asserted"
    assert certainty_of("Top-ranked ads were less likely to feature celebrities.")[0] == "asserted"
    assert certainty_of("The bill is likely to pass on Friday.")[0] == "hedged"


def test_the_writers_own_verdict_on_a_claim_counts() -> None:
    assert certainty_of("He tweeted on Sunday, falsely claiming that the fund had doubled.") == (
        "denied",
        ("falsely claiming",),
    )
    assert certainty_of("The senator said, without evidence, that the ballots were forged.") == (
        "hedged",
        ("said, without evidence",),
    )
    assert certainty_of_attribution("falsely claimed", "the fund had doubled")[0] == "denied"
    # Not the writer's verdict: what the police say someone falsely claimed, an accusation, a charge.
    assert certainty_of_attribution("said", "the man falsely claimed to be a police officer")[0] == "reported"
    assert certainty_of("He was falsely accused of murder in 1998.")[0] == "asserted"
    assert certainty_of("He pleaded guilty to making false statements to the FBI.")[0] == "asserted"
    assert certainty_of("He was held for three years without evidence being presented.")[0] == "asserted"
    assert (
        certainty_of("Prosecutors dropped the case without presenting evidence to the court.")[0]
        == "asserted"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The blast was likely caused by a gas leak.",
        "The fire was most likely caused by an electrical fault.",
        "More likely, the blaze was started by a cigarette.",
        "Hundreds of people are feared dead after the ferry capsized.",
        "The death toll is expected to rise.",
        "It is hoped the bridge will reopen by May.",
        "Trump, without evidence, blamed Democrats for the fire.",
        "Officials accused the rebels, without providing evidence, of shelling the town.",
        "Trump accused Democrats without evidence of rigging the vote.",
    ],
)
def test_likely_feared_and_expected_hedge(sentence: str) -> None:
    assert certainty_of(sentence)[0] == "hedged"
