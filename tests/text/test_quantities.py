"""Quantities: values, bounds, vague ranges, units, and what must not be read as a quantity."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyweave.text.quantities import find_quantities, stated_figures


def _only(text: str):
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "value", "low", "high", "unit", "vague"),
    [
        ("Over 360,000 accounts were closed.", "Over 360,000", 360_000, 360_000, None, "accounts", False),
        ("A convoy of 30 Hummer vehicles left.", "30", 30, None, None, "vehicles", False),
        (
            "It fell by as much as forty-five percent.",
            "as much as forty-five percent",
            45,
            None,
            45,
            "%",
            False,
        ),
        (
            "They numbered over one hundred thousand fighters.",
            "over one hundred thousand",
            1e5,
            1e5,
            None,
            "fighters",
            False,
        ),
        (
            "Hundreds of thousands of civilians are trapped.",
            "Hundreds of thousands",
            450_000,
            200_000,
            999_999,
            "civilians",
            True,
        ),
        ("Rebels fired dozens of rockets.", "dozens", 51, 24, 107, "rockets", True),
        ("A few residents came back.", "A few", 3, 2, 5, "residents", True),
        ("Nearly 500 people fled.", "Nearly 500", 500, None, 500, "people", False),
        ("Between 10 and 12 soldiers died.", "Between 10 and 12", 11, 10, 12, "soldiers", False),
        (
            "Between 2 and 3 million voters stayed home.",
            "Between 2 and 3 million",
            2.5e6,
            2e6,
            3e6,
            "voters",
            False,
        ),
        ("The state spent $3 billion on roads.", "$3 billion", 3e9, None, None, "USD", False),
        ("Profits reached £85m last year.", "£85m", 8.5e7, None, None, "GBP", False),
        ("Officials said 12 dead were found.", "12", 12, None, None, "dead", False),
        ("A dozen police officers were hurt.", "A dozen", 12, None, None, "officers", False),
        ("Two or three gunmen opened fire.", "Two or three", 2.5, 2, 3, "gunmen", False),
        ("The plane dropped 500lb. bombs.", "500lb", 500, None, None, "lb", False),
        (
            "It grew 2.5 percentage points.",
            "2.5 percentage points",
            2.5,
            None,
            None,
            "percentage points",
            False,
        ),
        (
            "One hundred and twenty bodies were found.",
            "One hundred and twenty",
            120,
            None,
            None,
            "bodies",
            False,
        ),
        ("Half a million refugees crossed.", "Half a million", 5e5, None, None, "refugees", False),
        ("The blaze gutted a two-storey house.", "two", 2, None, None, "storey", False),
        ("A 12-member jury heard the case.", "12", 12, None, None, "member", False),
        ("The boat drifted 40-odd miles.", "40", 40, None, None, "miles", False),
    ],
)
def test_values_bounds_and_units(text, span, value, low, high, unit, vague):
    quantity = _only(text)
    assert text[quantity.start : quantity.end] == quantity.text == span
    assert quantity.value == pytest.approx(value)
    assert quantity.low == (pytest.approx(low) if low is not None else None)
    assert quantity.high == (pytest.approx(high) if high is not None else None)
    assert (quantity.unit, quantity.vague) == (unit, vague)


@pytest.mark.parametrize(
    "text",
    [
        "The invasion of Iraq in 2003 changed the region.",
        "The talks resume on March 8 at 10 a.m. in Geneva.",
        "The ceasefire agreed on 8 May held until 10:30 on Sunday.",
        "No one was hurt, and the one witness left; one of them spoke.",
        "Five months ago, a 45-year-old man was arrested.",
        "An F-16 flew over the site of the 9/11 attacks in the 1990s.",
        "Article 5 was invoked after the 21st meeting.",
        "The blaze broke out in Warehouse No. 4 on the wharf.",
        "They won the final 3-1 in the 2014-2017 season.",
        "He left a few days ago after several weeks in hiding.",
        "The film opened on Dec. 15, 1939, and again on Sept. 8 in Tessfield.",
        "Both songs became top 10 hits.",
        "When your loved one came home, the little one cried.",
    ],
)
def test_years_dates_times_identifiers_and_pronouns_are_not_quantities(text):
    assert find_quantities(text) == []


def test_a_count_opening_a_sentence_after_an_identifier_word_is_still_a_count():
    found = find_quantities("Police searched the room. 4 men were arrested.")
    assert [(q.value, q.unit) for q in found] == [(4.0, "men")]


def test_quantities_are_ordered_and_separate():
    text = "Police arrested 23 people, seized 4 tonnes of cannabis and froze $2 million."
    found = find_quantities(text)
    assert [q.text for q in found] == ["23", "4", "$2 million"]
    assert [q.unit for q in found] == ["people", "tonnes", "USD"]
    assert [q.start for q in found] == sorted(q.start for q in found)


def test_year_with_a_counted_noun_is_a_quantity_but_after_a_preposition_is_not():
    assert [q.value for q in find_quantities("The firm hired 2000 workers.")] == [2000]
    assert find_quantities("The firm was founded in 2000 by workers.") == []


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789,.-–$£€% aAbTone-twhundredsofthousandover\n")), max_size=120
    )
)
def test_any_numeric_text_gives_valid_spans(text):
    for quantity in find_quantities(text):
        assert 0 <= quantity.start < quantity.end <= len(text)
        assert text[quantity.start : quantity.end] == quantity.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_string_gives_valid_spans(text):
    previous = -1
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.text
        assert quantity.start >= previous
        previous = quantity.start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("suing the airline for more than", []),
        ("as much as", []),
        ("up to 12 fighters and more than", [("up to 12", 12, "fighters")]),
    ],
)
def test_bound_words_with_no_number_after_them_end_quietly(text: str, expected: list) -> None:
    assert [(q.text, q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "span", "value", "high", "unit"),
    [
        ("One in five adults here cannot read.", "One in five", 20, None, "%"),
        ("Nearly one in three children is underweight.", "Nearly one in three", 100 / 3, 100 / 3, "%"),
        ("Three out of four voters agreed.", "Three out of four", 75, None, "%"),
        ("Two-thirds of the ballots were counted.", "Two-thirds", 200 / 3, None, "%"),
        ("A quarter of the staff left.", "A quarter", 25, None, "%"),
        ("The drought cut the harvest by nearly a third.", "nearly a third", 100 / 3, 100 / 3, "%"),
    ],
)
def test_shares_are_percentages(text, span, value, high, unit):
    found = _only(text)
    assert (found.text, found.unit) == (span, unit)
    assert found.value == pytest.approx(value)
    assert (found.high is None) == (high is None)


@pytest.mark.parametrize(
    "text",
    [
        "Sales rose in the first half of 2019.",
        "It took a quarter of an hour.",
        "She won a third term.",
        "Troops retook the eastern half of the town.",
        "The race is within one quarter of 1 percent.",
    ],
)
def test_fraction_words_that_are_not_shares(text):
    assert all(q.unit != "%" or "percent" in q.text for q in find_quantities(text))


def test_half_a_million_is_still_an_amount():
    assert _only("Half a million people fled.").value == 500_000


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("Officials put the number of displaced families at more than 2,300.", "more than 2,300", "families"),
        ("Casualties among civilians were put at 85.", "85", "casualties"),
        ("A medic said seven were dead.", "seven", "dead"),
        ("Of the 250 passengers on board, 19 were injured.", "19", "injured"),
        ("Fewer than 200 of the original 1,500 inhabitants remain.", "Fewer than 200", "inhabitants"),
    ],
)
def test_unit_written_before_the_amount_or_after_a_copula(text, span, unit):
    found = next(q for q in find_quantities(text) if q.text == span)
    assert found.unit == unit


def test_subject_is_not_a_unit_when_another_amount_stands_between():
    found = find_quantities("Republicans won 51 Senate seats to 46 for Democrats.")
    assert [(q.text, q.unit) for q in found] == [("51", "seats"), ("46", None)]
    assert find_quantities("Police estimated the crowd at 8,000.")[0].unit is None


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("1,200 people, twenty-one hurt, Two missing", {"1200", "21", "2"}),
        ("One of them, Seventy and 3.5", {"70", "3.5"}),
        ("no figures here, someone said", set()),
        (
            "Two hundred fled, 3 million lost, 1.5 billion owed, a hundred times",
            {"200", "3000000", "1500000000", "100"},
        ),
        ("Three thousand homes, 3,000 homes", {"3000"}),
        ("$2.5bn, 4.1 billion and a hundred thousand", {"2500000000", "4100000000", "100000"}),
        ("the 12.03.2024 vote, version 1.2.3, a 1,200km trip", {"12.03.2024", "1.2.3", "1200"}),
        (
            "on April 7, the 3rd of May and Dec. 15, 1939, may 5 people",
            {"date:apr 7", "date:may 3", "date:dec 15", "1939", "5"},
        ),
    ],
)
def test_stated_figures_reads_digits_and_number_words(text, figures):
    assert stated_figures(text) == figures
