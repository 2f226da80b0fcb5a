"""Invented reports for the cluster tests: two events of one kind, and unrelated stories."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from storyweave.model import Article, content_id

# Same kind of event (a commander leaving a besieged city), two different events years apart.
HARBOUR_FLIGHT_2021 = (
    "Officials in Norvale said on Tuesday that rebel commander Idris Kell has fled the port city of Marrow, "
    "leaving his fighters behind as government troops closed in on the harbour district. Intelligence "
    "sources said Kell slipped out by boat before dawn, and that his deputies still hold two streets near "
    "the old customs house. The army said it had retaken most of Marrow and that Kell's escape showed the "
    "rebellion was collapsing."
)
DESERT_FLIGHT_2018 = (
    "Rebel commander Idris Kell and his inner circle have reportedly fled across the border into the "
    "desert province of Tessaly after a joint offensive by Norvale forces and allied militias. Speaking to "
    "reporters, General Ana Ruiz said air strikes had weakened the group and killed dozens of its fighters. "
    "Kell has fled before, officials said, and the rebellion still holds the hill towns of the north."
)
BAKERY_STRIKE = (
    "Bakery workers at the Lindqvist plant in Ostberg walked out on Monday over pay, the union said, halting "
    "bread deliveries to supermarkets across the region. Managers offered a four percent raise, which the "
    "strikers rejected as far below inflation. Talks are due to resume on Thursday."
)
COMET_SIGHTING = (
    "Astronomers at the Keldan observatory reported a bright comet visible to the naked eye after sunset "
    "this week. The comet, catalogued as C/2031 Q4, will pass closest to the Sun in early spring, and "
    "amateur observers are asked to send their photographs to the survey team."
)


def article(text: str, published: date | None = None, title: str | None = None) -> Article:
    return Article(id=content_id(text), text=text, origin="test", title=title, published=published)


@pytest.fixture
def reports() -> SimpleNamespace:
    """The invented texts and a helper that wraps a text as an Article."""
    return SimpleNamespace(
        harbour_flight=HARBOUR_FLIGHT_2021,
        desert_flight=DESERT_FLIGHT_2018,
        bakery_strike=BAKERY_STRIKE,
        comet_sighting=COMET_SIGHTING,
        article=article,
    )
