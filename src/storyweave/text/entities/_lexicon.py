"""Word lists for finding and grouping names: titles, function words, head nouns, and a short list of
widely used equivalent names.

The equivalents are world knowledge a reader brings to any report (ISIS is Daesh; the U.S. is America),
not facts about particular texts: kept short so that the general mechanisms (surnames, initials,
spelling normalisation, appositives) do the main work and the list cannot grow into a gazetteer.
"""

from __future__ import annotations

import re

__all__ = [
    "ARABIC_ARTICLES",
    "COMMON_ACRONYMS",
    "COPULAS",
    "DEMONYM_SHAPE",
    "EQUIVALENT_NAMES",
    "FUNCTION_WORDS",
    "NAME_PARTICLES",
    "NOUN_FOLLOWERS",
    "ORG_DESCRIPTION_HEADS",
    "ORG_HEADS",
    "OUTLET_HEADS",
    "PERSON_ROLES",
    "PLACE_HEADS",
    "PLACE_PREPOSITIONS",
    "TITLES",
    "word_set",
]


def word_set(words: str) -> frozenset[str]:
    """A set from space-separated words: long word lists stay readable in source."""
    return frozenset(words.split())


# Equivalent names, each group one entity with its kind. Matched case-insensitively on word boundaries.
EQUIVALENT_NAMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "organization",
        (
            "Islamic State of Iraq and Syria", "Islamic State of Iraq and the Levant",
            "Islamic State of Iraq and al-Sham", "Islamic State", "ISIS", "ISIL", "IS", "Daesh", "Daish",
        ),
    ),
    ("organization", ("peshmerga", "Kurdish forces", "Kurdish peshmerga")),
    ("place", ("United States of America", "United States", "U.S.A.", "USA", "U.S.", "US", "America")),
    ("place", ("United Kingdom", "U.K.", "UK", "Great Britain", "Britain")),
    ("organization", ("United Nations", "U.N.", "UN")),
    ("organization", ("European Union", "E.U.", "EU")),
)  # fmt: skip
# Words a capitalised run may not start with, and that never count as a name alone.
FUNCTION_WORDS = word_set(
    "the a an this that these those his her its their our my your we they he she it i you there here "
    "in on at to for from by with of and or but as if when while after before since until because "
    "although though so yet also then now still even just only not no nor all any both each every some "
    "many much more most few several other another such what which who whom whose where why how "
    "according speaking based likewise however meanwhile indeed instead moreover furthermore thus "
    "today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday "
    "january february march april may june july august september october november december "
    "mr mrs ms dr said says image photo video read show watch click share follow subscribe "
    "should would could might must will shall can cannot"
)
# Demonym and adjective shapes: "Iraqi", "Kurdish", "Afghan", "French", "Shiite", "Western", "Syrian-Kurdish".
DEMONYM_SHAPE = re.compile(r"(?:i|ish|an|ese|ic|ch|ite|ern)$|^[A-Z][\w]*(?:-[A-Z][\w]*)+$")
# Acronyms of common nouns and titles: capitals, but never the name of an organisation by themselves.
COMMON_ACRONYMS = word_set(
    "PR TV CEO CEOs CFO COO CTO GDP GNP HIV AIDS DNA RNA PM MP MPs ID IDs UFO ATM SUV SUVs CCTV IQ PhD VIP "
    "FAQ AM OK RPG RPGs IED IEDs UAV UAVs GPS PC HQ LGBT LGBTQ ICU ER AI VAT CO2 OP ED PS NB TBA ETA POW "
    "POWs MIA KIA DJ MC TNT AK SMS PDF URL USB WiFi NGO NGOs"
)
# Lower-case particles that may sit inside a personal name: "Osama bin Laden", "Ibn al Khattab".
NAME_PARTICLES = word_set("bin ibn bint al el ad as ash at az an ar ath adh abu de du da van von der la le")
ARABIC_ARTICLES = word_set("al el ad as ash at az an ar ath adh ul")
TITLES = word_set(
    "Lt. Lt Lieut. Gen. Gen Col. Maj. Capt. Sgt. Adm. Cpl. Pvt. Brig. Cmdr. Mr. Mrs. Ms. Dr. Prof. "
    "Sen. Rep. Gov. Rev. Amb. Hon. President Vice Prime Minister Secretary Senator Representative "
    "Governor Mayor General Lieutenant Colonel Major Captain Sergeant Admiral Commander Brigadier "
    "Chief Director Ambassador Judge Justice King Queen Prince Princess Sheikh Shaykh Sheik Imam "
    "Ayatollah Emir Sultan Pope Deputy Foreign Defense Defence Interior Finance Spokesman Spokeswoman "
    "Chancellor Premier Mullah Cleric Mufti"
)
PERSON_ROLES = word_set(
    "leader chief head spokesperson spokesman spokeswoman commander minister president official founder "
    "member caliph emir general director secretary ambassador analyst expert governor mayor king cleric "
    "preacher deputy lieutenant colonel officer negotiator envoy chairman chairwoman premier senator "
    "lawmaker prosecutor judge journalist reporter correspondent editor author writer researcher "
    "executive chancellor adviser advisor aide candidate activist campaigner"
)
ORG_DESCRIPTION_HEADS = word_set(
    "group organization organisation movement militia network outfit faction charity"
)
PLACE_HEADS = word_set("city town capital province country region village stronghold district state")
ORG_HEADS = word_set(
    "Party State Army Forces Force Ministry Council Front Brigade Brigades Group Organization "
    "Organisation Movement Committee Agency Department Union Coalition Militia Government Administration "
    "Company Corporation Corp Inc Bank University Hospital Church Office Command Guard Guards Court "
    "Parliament Congress Senate Assembly Commission Institute Foundation Association League Network "
    "Brotherhood Caliphate Navy Police Service Services Authority Alliance Federation Fund Bureau "
    "Observatory Center Centre Society Campaign Watch Programme Program Initiative"
)
OUTLET_HEADS = word_set(
    "Times Post News Journal Herald Tribune Telegraph Guardian Gazette Press Radio TV Television "
    "Broadcasting Reuters AFP BBC CNN Newsweek Magazine Daily Observer Chronicle Independent Monitor"
)
PLACE_PREPOSITIONS = word_set("in to from near outside across into toward towards throughout inside")
# Words after which a capitalised word was used as a noun ("Baghdadi has"), not as an adjective.
NOUN_FOLLOWERS = FUNCTION_WORDS | word_set(
    "has have had is was are were be been will would could should can may might must did does do "
    "said says say told stated announced added reported claimed denied fled left himself itself "
    "who which that whose"
)
COPULAS = word_set("is was are were remains remained became becomes")
