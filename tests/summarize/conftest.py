"""Invented reports about one invented event, plus one unrelated report, for summariser tests."""

from __future__ import annotations

import pytest

FERRY_GAZETTE = (
    "Harbour Ferry Sinks Near Lantern Point\n"
    "By Tomas Verhoeven\n"
    "LANTERN POINT (Coastal Wire) — A passenger ferry carrying 48 people sank near Lantern Point on "
    "Tuesday evening after striking a submerged rock in heavy fog.\n"
    "Coast guard crews rescued all 48 passengers and four crew members within two hours of the sinking.\n"
    "The ferry, named Morning Gull, had left the island of Brannock at six o'clock for its usual crossing.\n"
    "But several passengers said the captain had been warned about the fog before departure.\n"
    "Is the crossing safe?\n"
    "Harbour master Ilse Drummond said the rock had been marked on charts for more than forty years.\n"
    "The operator, Brannock Sea Lines, suspended all crossings until an inspection of its fleet is "
    "complete.\n"
)

FERRY_COURIER = (
    "Fog blamed as ferry goes down off Lantern Point\n"
    "All 48 passengers were rescued by the coast guard after the Morning Gull ferry sank near Lantern Point "
    "on Tuesday evening.\n"
    "Investigators believe the ferry struck a submerged rock while sailing through thick fog.\n"
    "Brannock Sea Lines has halted every crossing until an inspection of its fleet is finished.\n"
    "Local fishermen said the currents around the point are notoriously strong in late autumn.\n"
    "Subscribe to our newsletter for the latest coastal news.\n"
)

FERRY_HERALD = (
    "A ferry sank near Lantern Point on Tuesday after it hit a submerged rock in dense fog, officials said.\n"
    "Rescuers pulled 51 people from the water, according to an early count by the harbour office.\n"
    "The island council of Brannock called an emergency meeting to discuss the future of the route.\n"
    "Councillor Pieter Oduya said the island depends on the ferry for food, post and medical supplies.\n"
)

BAKE_SALE = (
    "The village school in Upper Fennick raised nine hundred pounds at its spring bake sale on Saturday.\n"
    "Parents baked more than two hundred cakes, and the lemon tarts sold out within the first hour.\n"
    "The money will pay for new books for the school library and a trip to the science museum.\n"
)


@pytest.fixture
def ferry_reports() -> list[str]:
    return [FERRY_GAZETTE, FERRY_COURIER, FERRY_HERALD]


@pytest.fixture
def bake_sale() -> str:
    return BAKE_SALE
