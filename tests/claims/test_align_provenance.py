"""Independent voices: a report that relays another supporter's outlet does not corroborate it."""

from __future__ import annotations

from storyweave.claims.align import align_claims
from storyweave.claims.align._provenance import independent_voices, same_voice_name
from storyweave.model import Article, ChainLink


def _article(key: str, text: str, source: str) -> Article:
    return Article(id=key, text=text, origin=f"{key}.txt", source=source)


def test_outlet_names_match_across_articles_hosts_and_spelling() -> None:
    assert same_voice_name("Reuters", "reuters.com")
    assert same_voice_name("the Ledger", "ledger")
    assert same_voice_name("Al-Sharq al-Awsat", "sharq al-awsat")
    assert not same_voice_name("officials", "ledger")
    assert not same_voice_name("AP", "ap")  # too short to trust as a name match


def test_a_relaying_report_joins_the_voice_it_relays() -> None:
    outlets = ["ledger", "tribune", "courier"]
    relays_ledger = {1: (ChainLink(0, 10, "the Ledger", anonymous=False, role="outlet"),)}
    assert independent_voices({0, 1, 2}, outlets, relays_ledger) == 2
    assert independent_voices({0, 1, 2}, outlets, {}) == 3
    assert independent_voices({0, 1}, ["ledger", "Ledger"], {}) == 1  # one outlet, two reports


def test_brief_claims_count_a_relayed_report_as_the_same_voice() -> None:
    articles = [
        _article(
            "a", "The Harlow dam reservoir fell to its lowest level in forty years this summer.", "Ledger"
        ),
        _article(
            "b",
            "According to the Ledger, the reservoir at Harlow dam dropped to its lowest level in forty years "
            "this summer.",
            "Tribune",
        ),
        _article(
            "c", "This summer the Harlow dam reservoir sank to its lowest level in forty years.", "Courier"
        ),
    ]
    claims, _ = align_claims(articles)
    reservoir = [c for c in claims if "reservoir" in c.text]
    assert reservoir and reservoir[0].supported_by == (1, 2, 3)
    assert all(c.independent == 2 for c in reservoir)
    relayed = [c for c in reservoir if c.chain]
    assert all(link.text == "the Ledger" for c in relayed for link in c.chain)
