from __future__ import annotations

import pytest

from storyweave.text.standalone import is_candidate, needs_previous


def _ok(sentence: str, *, cased: bool = True) -> bool:
    return is_candidate(sentence, len(sentence.split()), cased=cased)


def test_a_plain_news_sentence_is_a_candidate():
    assert _ok("The council approved the new harbour budget on Monday after a long debate.")


@pytest.mark.parametrize(
    "sentence",
    [
        "The vote passed.",  # too short to carry a fact
        "Will the council approve the new harbour budget before the winter storms?",
        "Council Approves New Harbour Budget After Long Debate",  # heading: no full stop
        "But the mayor said the money would not arrive before the end of the year.",
        "However, officials in the harbour office said the plan was still on schedule.",
        '"We have waited for this for ten years and the people here deserve it," the mayor',
        "the mayor said, adding that the harbour would reopen in the spring of next year.",
        "Sign up for our morning briefing and get the harbour news in your inbox.",
        "Photo: the mayor of the harbour town speaks to reporters outside the council.",
        "THE COUNCIL APPROVED THE NEW HARBOUR BUDGET ON MONDAY AFTER A LONG DEBATE.",
        " ".join(["word"] * 80) + ".",
    ],
)
def test_sentences_that_cannot_stand_alone_are_rejected(sentence):
    assert not _ok(sentence)


def test_lower_case_opening_is_fine_in_lower_cased_text():
    sentence = "the council approved the new harbour budget on monday after a long debate."
    assert _ok(sentence, cased=False)
    assert not _ok(sentence, cased=True)


def test_a_pronoun_opener_is_left_to_the_ranker():
    assert _ok("He said the harbour would reopen in the spring of next year.")


@pytest.mark.parametrize(
    ("sentence", "needs"),
    [
        ('"We are heartbroken, but nobody was hurt," she said.', True),  # a pronoun for a speaker
        ('"The whole town is holding its breath."', True),  # a quotation with no speaker at all
        ("“They killed my baby.”", True),
        (
            "Most were treated for hypothermia at the cottage hospital.",
            True,
        ),  # who "most" are was said before
        ("Several of them remain in a serious condition.", True),
        ("The board said it could not yet confirm the figure.", True),  # which figure was said before
        ("The operator has not commented on the claim.", True),
        ("The claim that the ferry was overloaded is unconfirmed.", False),
        ('"We stay," Mayor Tolland said on Monday.', False),
        ("Most passengers were treated for hypothermia at the cottage hospital.", False),
        ("The council approved the budget on Tuesday.", False),
        ("The council rejected those complaints at the time.", True),  # which complaints was said before
        ("Those who survived were treated in Halbrook.", False),
        ("Those complaints were rejected by the council.", True),
        ("In those days the ferry ran twice a week.", False),
        ("Police questioned those residents who saw the fire.", False),
        ("He did so on Wednesday afternoon.", True),  # who "he" is was said before
        ("He died in hospital on Monday.", True),
        ("It was the largest single-day drop in the index's history.", True),
        ("This practical book reveals how the family makes decisions.", True),
        ("His findings illustrate the studio's concerns.", True),
        ("They're now in isolation at the university hospital.", True),
        ("It was not immediately clear what caused the fire.", False),  # "it" only fills the subject slot
        ("It's possible that the motive will never be known.", False),
        ("This week, the studio filed its response in court.", False),
        ("Those killed at the checkpoint were trying to flee.", False),
        ("Hebrew and Arabic are both spoken in the town.", False),
        ("The man robbed another pharmacy on Andrews Avenue the following day.", True),  # after which day?
        ("Police arrested the driver two hours later at his home.", True),
        ("The storm came later in the week, forecasters said on Monday.", False),
        ("Police arrested the driver hours later at his home.", True),
        ("The council met later that day to discuss the plan.", True),
        ("The council met on the day after the vote to discuss the plan.", False),
        ("It is expected to reopen on Monday after repairs.", True),  # "it" is the plant named before
        ("It was hard hit by the 2011 tsunami.", True),
        ("Years later, the family returned to the village.", True),
        ("The following year, the club was relegated.", True),
        ("Shortly afterwards, police arrived at the scene.", True),
        ("It isn't clear whether the plan will work.", False),
        ("It's still not clear what happened.", False),
        ("It appears the fire started in the kitchen.", False),
        ("It snowed heavily across the region overnight.", False),
        ("The storm made landfall 12 hours later than forecast.", False),
        ("The king died the day before Christmas in 1901.", False),
        ("The quake struck at 3 a.m. and aftershocks were felt hours later.", False),  # anchored in itself
        ("Her Majesty's Revenue and Customs said the tax was due.", False),
        ("These days, most shoppers pay by card.", False),
        ("It is hoped the bridge will reopen in May.", False),  # "that" left out, as wire copy does
        ("It is feared more than 100 people died.", False),
        ("It was reported missing on Tuesday by the ship's owner.", True),
        ("It was understood as a warning to Beijing.", True),
        ("Her Ferrari was found burned out near the border.", True),
        ("Its Chief Executive, Jane Doe, resigned on Friday.", True),
    ],
)
def test_sentences_that_need_the_one_before_them(sentence: str, needs: bool) -> None:
    assert needs_previous(sentence) is needs
