"""Source rules inside matched attributions (agentless passives, "asked", participle clauses, manner
adverbs) and the poll-opening rule."""

from __future__ import annotations

import pytest

from storyweave.claims import find_attributions
from storyweave.claims.attribution._polls import poll_opening
from storyweave.claims.attribution._sources import (
    agentless_passive,
    anonymity_formula,
    asked_clause,
    manner_adverb,
    outside_relative_clause,
    participle_sources,
    subject_before_coordination,
    whole_determiner_phrase,
    without_relative_opening,
)
from storyweave.claims.attribution._tokens import sentences_of
from storyweave.model import Attribution, Span


def _tokens(text: str) -> list:
    sentences = sentences_of(text)
    assert len(sentences) == 1, [[t.text for t in s] for s in sentences]
    return sentences[0]


def _lowers(text: str) -> list[str]:
    return [t.text.lower() for t in _tokens(text)]


def _cue(lowers: list[str], *words: str) -> tuple[int, int]:
    first = next(i for i in range(len(lowers)) if lowers[i : i + len(words)] == list(words))
    return first, first + len(words)


def test_an_agentless_passive_cue_has_no_source() -> None:
    lowers = _lowers("Clinton was asked about the speeches on Tuesday.")
    assert agentless_passive(lowers, _cue(lowers, "asked", "about"))
    assert agentless_passive(lowers, _cue(lowers, "was", "asked", "about"))
    lowers = _lowers("The report is not expected to change anything.")
    assert agentless_passive(lowers, _cue(lowers, "expected"))


def test_a_passive_with_its_agent_or_a_feeling_keeps_the_source() -> None:
    lowers = _lowers("She is disliked by most voters in the state.")
    assert not agentless_passive(lowers, _cue(lowers, "disliked"))
    lowers = _lowers("Voters are worried that the economy will slow.")
    assert not agentless_passive(lowers, _cue(lowers, "worried"))
    lowers = _lowers("Trump said the wall would be built.")
    assert not agentless_passive(lowers, _cue(lowers, "said"))


def test_asked_opening_a_clause_has_no_source() -> None:
    lowers = _lowers("Asked about the wall, Trump said it would be built.")
    assert asked_clause(lowers, _cue(lowers, "asked", "about"))
    lowers = _lowers("When asked about the wall, Trump said it would be built.")
    assert asked_clause(lowers, _cue(lowers, "asked", "about"))
    lowers = _lowers("Reporters asked Trump about the wall.")
    assert not asked_clause(lowers, _cue(lowers, "asked"))


def test_manner_adverbs_are_never_sources_but_names_are_kept() -> None:
    assert manner_adverb("forcefully") and manner_adverb("originally")
    assert not manner_adverb("family") and not manner_adverb("Daily") and not manner_adverb("Kelly")


def _attribution(text: str, cue: str, content: str, source: str | None) -> Attribution:
    def span(part: str) -> Span:
        start = text.index(part)
        return Span(start, start + len(part), part)

    return Attribution("a", span(source) if source else None, span(cue), span(content))


def test_a_participle_clause_takes_the_main_clause_source() -> None:
    text = "Citing the attack, Will said voters were wrong."
    citing = _attribution(text, "Citing", "the attack", None)
    said = _attribution(text, "said", "voters were wrong", "Will")
    fixed = participle_sources([citing, said], text, 0)
    assert fixed[0].source == said.source and fixed[1] == said


def test_a_missing_source_of_an_ordinary_cue_is_not_borrowed() -> None:
    text = "Trump said voters agreed, and the report noted gains."
    noted = _attribution(text, "noted", "gains", None)
    said = _attribution(text, "said", "voters agreed", "Trump")
    assert participle_sources([said, noted], text, 0)[1].source is None


def test_a_sentence_opening_with_a_poll_is_an_attribution_to_the_poll() -> None:
    text = "In a CNN/ORC poll released Monday, 31 percent of Republicans backed the plan."
    tokens = _tokens(text)
    found = poll_opening(tokens)
    assert found is not None
    (cue, source, content) = found

    def words(r: tuple[int, int]) -> str:
        return text[tokens[r[0]].start : tokens[r[1] - 1].end]

    assert words(cue) == "In"
    assert words(source) == "a CNN/ORC poll released Monday"
    assert words(content) == "31 percent of Republicans backed the plan"


def test_openings_that_are_clauses_or_say_nothing_are_left_alone() -> None:
    assert poll_opening(_tokens("In a memo released as polls closed, Mook said the race was close.")) is None
    assert poll_opening(_tokens("In eight states where polls were held, Democrats gained.")) is None
    assert poll_opening(_tokens("In the polls, anyway.")) is None
    assert poll_opening(_tokens("In a speech on Monday, Trump said the wall would be built.")) is None


def test_the_poll_rule_runs_in_find_attributions() -> None:
    text = "In the latest Fox News poll, Clinton leads Trump by six points among likely voters."
    found = find_attributions(text, "a")
    poll = [a for a in found if a.cue.text == "In"]
    assert len(poll) == 1
    assert poll[0].source is not None and poll[0].source.text == "the latest Fox News poll"
    assert poll[0].content.text == "Clinton leads Trump by six points among likely voters"


def test_a_passive_with_an_adverb_before_its_participle_is_still_agentless() -> None:
    lowers = _lowers("The account could not be independently confirmed.")
    assert agentless_passive(lowers, _cue(lowers, "confirmed"))


def test_a_source_cut_to_its_article_runs_on_to_the_comma() -> None:
    lowers = _lowers("A worker at the plant, who asked not to be named, said staff smelled smoke.")
    said = _cue(lowers, "said")
    assert whole_determiner_phrase(lowers, (0, 1), said) == (0, 5)


def test_the_article_of_a_noun_cue_is_no_source() -> None:
    lowers = _lowers("The claim of overloading is unconfirmed.")
    assert whole_determiner_phrase(lowers, (0, 1), _cue(lowers, "claim")) is None


@pytest.mark.parametrize(
    "text",
    [
        "The campaign did not immediately respond to requests for comment, a spokesman said.",  # a verb
        "The minister said the plan was dead.",  # no comma before the cue
    ],
)
def test_a_run_that_leaves_the_noun_phrase_keeps_the_tagged_source(text: str) -> None:
    lowers = _lowers(text)
    said = _cue(lowers, "said")
    assert whole_determiner_phrase(lowers, (0, 1), said) == (0, 1)
    assert whole_determiner_phrase(lowers, None, said) is None


def test_the_anonymity_formula_is_no_claim() -> None:
    assert anonymity_formula("not to be named because she was not authorised to speak")
    assert anonymity_formula("on condition of anonymity")
    assert not anonymity_formula("the plant had been named in an earlier inquiry")
    text = (
        "A worker at a neighbouring plant, who asked not to be named because she was not authorised to "
        "speak to the press, said staff had noticed a smell of burning plastic."
    )
    (found,) = find_attributions(text)
    assert found.cue.text == "said"
    assert found.source is not None and found.source.text == "A worker at a neighbouring plant"


def test_a_source_leaves_the_opening_of_its_relative_clause_out() -> None:
    lowers = _lowers("A member of the committee, who asked not to be named, said the bid was never shown.")
    assert without_relative_opening(lowers, (0, 7)) == (0, 5)
    assert without_relative_opening(lowers, (0, 5)) == (0, 5)
    assert without_relative_opening(lowers, None) is None


def test_a_source_inside_or_swallowing_a_relative_clause_is_the_phrase_it_describes() -> None:
    text = "A worker at the plant, who was not allowed to speak to the press, said staff smelled smoke."
    lowers = _lowers(text)
    cue = (lowers.index("said"), lowers.index("said") + 1)
    press = (lowers.index("press") - 1, lowers.index("press") + 1)
    head = (0, lowers.index(","))
    assert outside_relative_clause(lowers, press, cue) == head  # found inside the clause
    assert outside_relative_clause(lowers, (0, cue[0] - 1), cue) == head  # swallowed the clause
    assert outside_relative_clause(lowers, head, cue) == head
    assert outside_relative_clause(lowers, (0, 3), cue) == head  # "A worker at": cut short, run on
    assert outside_relative_clause(lowers, None, cue) is None
    # No relative clause before the cue: any source stays as found.
    plain = _lowers("The mayor said the road is open.")
    assert outside_relative_clause(plain, (0, 2), (2, 3)) == (0, 2)
    # A clause broken by another comma is not one relative clause ending at the cue: left alone.
    broken = _lowers("The chief, who arrived late, tired, and angry, said nothing had changed.")
    said = broken.index("said")
    assert outside_relative_clause(broken, (said - 3, said - 1), (said, said + 1)) == (said - 3, said - 1)


def test_the_brief_names_the_worker_not_the_press() -> None:
    text = (
        "A worker at a neighbouring fish processing plant, who asked not to be named because she was not "
        "authorised to speak to the press, said staff had noticed a smell of burning plastic."
    )
    for contextual in (False, None):
        found = [a for a in find_attributions(text, contextual=contextual) if a.cue.text == "said"]
        assert found and found[0].source is not None
        assert found[0].source.text == "A worker at a neighbouring fish processing plant"


def _words(text: str) -> list[str]:
    return [t.text for t in _tokens(text)]


@pytest.mark.parametrize(
    ("text", "cue_words", "subject"),
    [
        ("The firm employs 35 people and has said none will lose their jobs.", ("has", "said"), "The firm"),
        ("Its two directors resigned and said the board had misled them.", ("said",), "Its two directors"),
        ("Police arrested two men and said more arrests were likely.", ("said",), "Police"),
        ("The workers took the day off and said they were owed pay.", ("said",), "The workers"),
        ("Two senators wrote a letter and said the law was unfair.", ("said",), "Two senators"),
        ("The council has reviewed the bids and said the tender was fair.", ("said",), "The council"),
        ("Thomson Reuters reported the deal and said it was worth $2 billion.", ("said",), "Thomson Reuters"),
        ("Smith's lawyer and said nothing.", ("said",), "Smith's lawyer"),  # no verb: only "and" goes
    ],
)  # fmt: skip
def test_a_source_running_through_a_coordinated_verb_phrase_is_its_subject(
    text: str, cue_words: tuple[str, ...], subject: str
) -> None:
    words = _words(text)
    cue = _cue([w.lower() for w in words], *cue_words)
    found = subject_before_coordination(words, (0, cue[0]), cue)
    assert found is not None and " ".join(words[found[0] : found[1]]).replace(" 's", "'s") == subject


def test_sources_not_ending_in_a_coordinator_before_the_cue_are_left_alone() -> None:
    words = _words("Smith and Jones said the plan was dead.")
    said = words.index("said")
    assert subject_before_coordination(words, (0, said), (said, said + 1)) == (0, said)
    assert subject_before_coordination(words, None, (said, said + 1)) is None
    # The coordinator is not next to the cue: not this layout.
    words = _words("Officials and analysts at the bank later said rates would rise.")
    said = words.index("said")
    assert subject_before_coordination(words, (0, said - 1), (said, said + 1)) == (0, said - 1)


def test_the_brief_names_the_firm_not_its_payroll() -> None:
    from storyweave.text.encoder import EncoderUnavailable, token_encoder

    try:
        token_encoder()
    except EncoderUnavailable:
        pytest.skip(
            "the sentence encoder is not installed here (the word-feature tagger finds another source)"
        )
    text = "The firm employs 35 people and has said none will lose their jobs."
    (found,) = [a for a in find_attributions(text, contextual=True) if "lose" in a.content.text]
    assert found.source is not None and found.source.text == "The firm"
