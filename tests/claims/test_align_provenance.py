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


_LEDGER = "The Harlow dam reservoir fell to its lowest level in forty years this summer."
_RELAY = (
    "According to the Ledger, the reservoir at Harlow dam dropped to its lowest level in forty years "
    "this summer."
)


def test_brief_claims_count_a_relayed_report_as_the_same_voice() -> None:
    articles = [
        _article("a", _LEDGER, "Ledger"),
        _article("b", _RELAY, "Tribune"),
        _article(
            "c", "This summer the Harlow dam reservoir sank to its lowest level in forty years.", "Courier"
        ),
    ]
    claims, _ = align_claims(articles)
    reservoir = [c for c in claims if "reservoir" in c.text]
    assert reservoir and reservoir[0].supported_by == (1, 2, 3)
    # One row: the Ledger's own sentence stands for the group, so no relay shows in its chain (the relayed
    # row's chain is checked in the ranking test below).
    assert [(c.independent, c.chain) for c in reservoir] == [(2, ())]


def test_claims_rank_by_independent_voices_before_outlets() -> None:
    # The reservoir claim has three outlets but one voice (two relay the Ledger); the cooling centres have
    # two outlets and two voices, so they rank first.
    cooling = "The county opened two new cooling centres near the river on Monday."
    articles = [
        _article("a", f"{_LEDGER} {cooling}", "Ledger"),
        _article("b", _RELAY, "Tribune"),
        _article(
            "c",
            "According to the Ledger, the Harlow dam reservoir sank to its lowest level in forty years this "
            "summer. On Monday the county opened two new cooling centres near the river.",
            "Courier",
        ),
    ]
    claims, _ = align_claims(articles)
    assert [(c.supported_by, c.independent) for c in claims[:2]] == [((1, 3), 2), ((1, 2, 3), 1)]
    assert "cooling centres" in claims[0].text
    assert [link.text for link in claims[1].chain] == ["the Ledger"]


def test_a_report_briefed_again_in_a_grown_story_reuses_its_stated_claims(monkeypatch) -> None:
    from storyweave.claims.align import _provenance

    calls: list[str] = []
    real = _provenance.stated_claims

    def counting(text: str, article_id: str = "", *, contextual: bool | None = None):
        calls.append(article_id)
        return real(text, article_id, contextual=contextual)

    monkeypatch.setattr(_provenance, "stated_claims", counting)
    _provenance._claims_of_report.cache_clear()
    first = _article("cache-a", _RELAY, "Tribune")
    story = [first, _article("cache-b", _LEDGER, "Ledger")]
    before = _provenance.ReportStatements(story, contextual=False).of(0)
    grown = [*story, _article("cache-c", "Officials said the reservoir would refill by spring.", "Courier")]
    again = _provenance.ReportStatements(grown, contextual=False)
    assert again.of(0) == before and again.of(2)
    assert calls == ["cache-a", "cache-c"]
    # A changed text, or the other taggers, is worked out anew.
    _provenance.ReportStatements(
        [_article("cache-a", _RELAY + " It rained.", "Tribune")], contextual=False
    ).of(0)
    _provenance.ReportStatements([first], contextual=None).of(0)
    assert calls == ["cache-a", "cache-c", "cache-a", "cache-a"]
    _provenance._claims_of_report.cache_clear()
