"""RSS and Atom feeds: items become articles, from their pages when those can be fetched, else from the
feed's own summaries; hostile bytes never crash the parser. The network is a stand-in ``Fetcher``."""

from __future__ import annotations

import io
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from storyweave.ingest import InputError, ReadOptions, Response, read_inputs
from storyweave.ingest._feed import FeedReader
from storyweave.model import Document, InputFailure

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Valley Gazette</title><link>https://gazette.example/</link>
<item><title>Bridge vote passes</title><link>https://gazette.example/bridge</link>
<guid>gazette-101</guid><pubDate>Wed, 08 Mar 2017 09:15:00 +0100</pubDate>
<description>&lt;p&gt;The council voted to rebuild the old stone bridge.&lt;/p&gt;
&lt;p&gt;Work starts in spring.&lt;/p&gt;</description></item>
<item><title>Mill reopens</title><link>https://gazette.example/mill</link>
<pubDate>Thu, 09 Mar 2017 12:00:00 GMT</pubDate>
<description>The old mill opened its doors again.</description>
</item>
<item><title>Picture of the week</title><link>https://gazette.example/picture</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Notes</title>
<entry><title>Gales close the quay</title><link href="https://harbour.example/gales"/>
<id>urn:harbour:7</id><updated>2021-11-02T18:00:00Z</updated>
<summary>Gales closed the northern quay on Tuesday evening.</summary></entry>
</feed>"""

PAGE = b"""<html><head><title>Council votes to rebuild the bridge</title></head><body><article>
<p>The river council voted on Tuesday to rebuild the old stone bridge, ending a dispute that had divided
the two villages for three years.</p><p>Work will begin in the spring, the council chair said.</p>
</article></body></html>"""


class StandInFetcher:
    """Answers from a dict; anything else is a 404, as a real server would say."""

    def __init__(self, pages: dict[str, bytes]) -> None:
        self.pages = pages
        self.asked: list[str] = []

    def fetch(self, url: str) -> Response:
        self.asked.append(url)
        if url not in self.pages:
            raise InputError("HTTP 404 (Not Found)")
        return Response(url, 200, "text/html", self.pages[url])


def test_feed_file_without_following_links_uses_summaries(tmp_path, read):
    path = tmp_path / "gazette.rss"
    path.write_bytes(RSS)
    fetcher = StandInFetcher({})
    bridge, mill, picture = read(path, follow_links=False, fetcher=fetcher)
    assert fetcher.asked == []
    assert bridge == Document(
        text="The council voted to rebuild the old stone bridge.\nWork starts in spring.",
        origin=f"{path}#item1",
        title="Bridge vote passes",
        url="https://gazette.example/bridge",
        published=date(2017, 3, 8),
        source="Valley Gazette",
        external_id="gazette-101",
    )
    assert mill.text == "The old mill opened its doors again." and mill.published == date(2017, 3, 9)
    assert picture == InputFailure(f"{path}#item3", "the feed item has no summary text; skipped")


def test_item_pages_are_fetched_and_failures_fall_back(tmp_path, read):
    path = tmp_path / "gazette.rss"
    path.write_bytes(RSS)
    fetcher = StandInFetcher({"https://gazette.example/bridge": PAGE})
    bridge, mill, picture = read(path, fetcher=fetcher)
    assert bridge.text.startswith("The river council voted on Tuesday")  # the page, not the teaser
    assert bridge.title == "Council votes to rebuild the bridge"
    assert bridge.published == date(2017, 3, 8)  # the page states none; the feed's date stands in
    assert bridge.source == "Valley Gazette"
    assert mill.text == "The old mill opened its doors again."  # 404: the summary stands in
    assert picture == InputFailure(
        "https://gazette.example/picture",
        "its page could not be read (HTTP 404 (Not Found)) and the feed item has no summary text; skipped",
    )


def test_atom_saved_as_xml_is_sniffed(tmp_path, read_one):
    path = tmp_path / "harbour.xml"
    path.write_bytes(ATOM)
    doc = read_one(path, follow_links=False)
    assert isinstance(doc, Document)
    assert (doc.title, doc.url, doc.published, doc.source) == (
        "Gales close the quay",
        "https://harbour.example/gales",
        date(2021, 11, 2),
        "Harbour Notes",
    )


def test_item_count_is_bounded(tmp_path, read):
    path = tmp_path / "gazette.rss"
    path.write_bytes(RSS)
    assert len(read(path, follow_links=False, max_feed_items=2)) == 2


def test_broken_feed_is_one_failure(tmp_path, read_one):
    path = tmp_path / "broken.rss"
    path.write_bytes(b"<rss><channel><title>Nothing here")
    failure = read_one(path)
    assert isinstance(failure, InputFailure)
    assert failure.reason.startswith("is not an RSS or Atom feed with items")


def read_feed_bytes(blob: bytes) -> list[Document | InputFailure]:
    options = ReadOptions(readers=(FeedReader(),), follow_links=False)
    return list(read_inputs(["-"], options, stdin=io.BytesIO(blob)))


def handled_by_the_reader(records: list[Document | InputFailure]) -> bool:
    """The dispatcher turns anything a reader raises into "unexpected ..."; the reader must not need it."""
    return all(not (isinstance(r, InputFailure) and "unexpected" in r.reason) for r in records)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash_the_feed_reader(blob):
    assert handled_by_the_reader(read_feed_bytes(b"<rss>" + blob))


@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(RSS)), st.binary(max_size=40))
def test_damaged_feeds_never_crash_the_feed_reader(cut, junk):
    assert handled_by_the_reader(read_feed_bytes(RSS[:cut] + junk + RSS[cut + len(junk) :]))


def test_control_characters_in_an_item_do_not_lose_the_item():
    """Found by hypothesis: lxml refuses XML-forbidden characters even when handed back a tail."""
    from storyweave.ingest._feed import _html_to_text

    assert (
        _html_to_text("<p>The council voted.</p>\x01\n<p>Work starts.</p>")
        == "The council voted.\nWork starts."
    )
