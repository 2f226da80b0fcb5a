"""URLs: pages and feeds fetched from a local server; every way a fetch can go wrong is one clear failure.

All traffic stays on 127.0.0.1. The private-address refusal is tested against that same server without
``allow_private``; redirects and DNS answers that only a real network could produce come from httpx's
``MockTransport`` and a stand-in resolver, both injected through the ``HttpFetcher`` interface.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from storyweave.ingest import FetchPolicy, HttpFetcher, InputError, ReadOptions
from storyweave.model import Document, InputFailure

PAGE = b"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Harbour ferry returns after the storm</title>
<meta property="article:published_time" content="2021-11-04T08:00:00Z">
</head><body><article><h1>Harbour ferry returns after the storm</h1>
<p>The island ferry sailed again on Thursday morning, two days after gales tore a mooring loose and
left the harbour master counting damaged boats along the northern quay.</p>
<p>Crews worked through the night to repair the landing ramp, and the first crossing carried forty
passengers and a van of bread for the island shop.</p></article></body></html>"""


@dataclass
class Route:
    status: int = 200
    body: bytes = PAGE
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    fail_first: int = 0  # answer 503 this many times before the real answer
    send_length: bool = True


class LocalServer:
    """A threaded HTTP server on 127.0.0.1 serving ``routes``; records hits, agents and concurrency."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        self.agents: list[str] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with server._lock:
                    server.hits[self.path] = server.hits.get(self.path, 0) + 1
                    server.agents.append(self.headers.get("User-Agent", ""))
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                    hit = server.hits[self.path]
                try:
                    self._answer(server.routes.get(self.path), hit)
                finally:
                    with server._lock:
                        server.in_flight -= 1

            def _answer(self, route: Route | None, hit: int) -> None:
                if route is None:
                    route = Route(status=404, body=b"not here", content_type="text/plain")
                if hit <= route.fail_first:
                    route = Route(status=503, body=b"busy", content_type="text/plain")
                time.sleep(route.delay_s)
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.send_length:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                # The client may stop reading, as it should past the size cap.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(route.body)

            def log_message(self, *args: object) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def server() -> Iterator[LocalServer]:
    running = LocalServer()
    yield running
    running.close()


def fast_fetcher(**policy: object) -> HttpFetcher:
    settings: dict[str, object] = {"allow_private": True, "backoff_s": 0.01, "host_delay_s": 0.0}
    settings.update(policy)
    return HttpFetcher(FetchPolicy(**settings))  # type: ignore[arg-type]


def test_loopback_is_refused_without_allow_private(server, read_one):
    server.routes["/ferry"] = Route()
    failure = read_one(server.url("/ferry"))
    assert failure == InputFailure(
        server.url("/ferry"), "refused: resolves to loopback address 127.0.0.1; pass --allow-private to allow"
    )
    assert server.hits == {}  # refused before any request left


def test_page_is_read_when_private_addresses_are_allowed(server, read_one):
    server.routes["/ferry"] = Route()
    doc = read_one(server.url("/ferry"), allow_private=True)
    assert isinstance(doc, Document)
    assert doc.title == "Harbour ferry returns after the storm"
    assert doc.text.startswith("The island ferry sailed again")
    assert doc.url == server.url("/ferry")
    assert doc.source == "127.0.0.1"  # no site name on the page: the host stands in
    assert doc.published == date(2021, 11, 4)
    assert server.agents[0].startswith("storyweave/")


def test_slow_server_times_out(server, read_one):
    server.routes["/slow"] = Route(delay_s=2.0)
    started = time.monotonic()
    failure = read_one(server.url("/slow"), fetcher=fast_fetcher(timeout_s=0.3, retries=0))
    assert failure == InputFailure(server.url("/slow"), "timed out after 0.3 s")
    assert time.monotonic() - started < 1.5


@pytest.mark.parametrize("send_length", [True, False], ids=["declared", "streamed"])
def test_oversize_body_is_refused(server, read_one, send_length):
    server.routes["/huge"] = Route(body=b"<p>" + b"x" * 400_000, send_length=send_length)
    failure = read_one(server.url("/huge"), max_bytes=100_000, fetcher=fast_fetcher(max_bytes=100_000))
    assert isinstance(failure, InputFailure)
    assert "over the 100 kB limit; raise it with --max-bytes" in failure.reason


def test_server_error_is_retried_then_succeeds(server, read_one):
    server.routes["/flaky"] = Route(fail_first=2)
    doc = read_one(server.url("/flaky"), fetcher=fast_fetcher(retries=2))
    assert isinstance(doc, Document) and "island ferry" in doc.text
    assert server.hits["/flaky"] == 3


def test_retries_are_bounded(server, read_one):
    server.routes["/down"] = Route(fail_first=99)
    failure = read_one(server.url("/down"), fetcher=fast_fetcher(retries=1))
    assert failure == InputFailure(server.url("/down"), "HTTP 503 (Service Unavailable)")
    assert server.hits["/down"] == 2


def test_client_errors_are_not_retried(server, read_one):
    failure = read_one(server.url("/missing"), fetcher=fast_fetcher())
    assert failure == InputFailure(server.url("/missing"), "HTTP 404 (Not Found)")
    assert server.hits["/missing"] == 1


def test_redirects_are_followed_and_bounded(server, read_one):
    server.routes["/old"] = Route(status=301, body=b"", headers={"Location": "/ferry"})
    server.routes["/ferry"] = Route()
    server.routes["/loop"] = Route(status=302, body=b"", headers={"Location": "/loop"})
    doc = read_one(server.url("/old"), fetcher=fast_fetcher())
    assert isinstance(doc, Document) and doc.url == server.url("/ferry")
    failure = read_one(server.url("/loop"), fetcher=fast_fetcher(max_redirects=3))
    assert isinstance(failure, InputFailure) and failure.reason.startswith("too many redirects (more than 3)")


def fake_dns(table: dict[str, str]) -> Callable[[str, int], list[str]]:
    def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise InputError(f"could not resolve host {host!r}")
        return [table[host]]

    return resolve


def test_redirect_to_a_private_address_is_refused():
    requested: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://intranet.example/admin"})

    fetcher = HttpFetcher(
        FetchPolicy(host_delay_s=0.0),
        resolver=fake_dns({"news.example": "93.184.216.34", "intranet.example": "10.0.0.5"}),
        transport=httpx.MockTransport(handler),
    )
    with pytest.raises(InputError) as raised:
        fetcher.fetch("http://news.example/story")
    assert (
        raised.value.reason == "refused: resolves to private address 10.0.0.5; pass --allow-private to allow"
    )
    assert requested == ["http://news.example/story"]  # the private target was never asked


def test_name_that_connects_to_loopback_is_refused(server):
    """DNS rebinding: the check's answer is public, the connection's is 127.0.0.1."""
    server.routes["/ferry"] = Route()
    fetcher = HttpFetcher(FetchPolicy(retries=0), resolver=fake_dns({"localhost": "93.184.216.34"}))
    with pytest.raises(InputError, match=r"refused: resolves to loopback address 127\.0\.0\.1"):
        fetcher.fetch(f"http://localhost:{server.port}/ferry")


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("169.254.169.254", "link-local"),
        ("224.0.0.1", "multicast"),
        ("::1", "loopback"),
        ("::ffff:10.1.2.3", "private"),
    ],
)
def test_every_non_public_kind_is_refused(address, kind):
    fetcher = HttpFetcher(resolver=fake_dns({"host.example": address}))
    with pytest.raises(InputError, match=f"refused: resolves to {kind} address"):
        fetcher.fetch("http://host.example/")


def test_a_body_that_does_not_decode_as_declared_is_one_clear_failure():
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Encoding": "gzip"}, content=b"not gzip at all")

    fetcher = HttpFetcher(
        FetchPolicy(host_delay_s=0.0, retries=0),
        resolver=fake_dns({"news.example": "93.184.216.34"}),
        transport=httpx.MockTransport(handler),
    )
    with pytest.raises(InputError, match="does not decode as its Content-Encoding says"):
        fetcher.fetch("http://news.example/story")


def test_a_url_that_does_not_parse_is_one_clear_failure():
    with pytest.raises(InputError, match="is not a valid URL"):
        HttpFetcher().fetch("http://[::1")


def test_only_web_schemes_are_fetched():
    with pytest.raises(InputError, match="only http and https"):
        HttpFetcher().fetch("file:///etc/passwd")


def test_requests_to_one_host_are_limited(server):
    for n in range(4):
        server.routes[f"/p{n}"] = Route(delay_s=0.15)
    fetcher = fast_fetcher(per_host=1)
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(fetcher.fetch, [server.url(f"/p{n}") for n in range(4)]))
    assert server.max_in_flight == 1


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Island Courier</title>
<item><title>Ferry back</title><link>{base}/ferry</link><pubDate>Thu, 04 Nov 2021 07:30:00 GMT</pubDate>
<description>The ferry is back.</description></item>
<item><title>Quay repairs</title><link>{base}/gone</link><pubDate>Fri, 05 Nov 2021 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Repairs to the northern quay will take a month, the harbour master said.&lt;/p&gt;
</description>
</item></channel></rss>"""


def test_feed_url_reads_each_item(server, read):
    server.routes["/feed"] = Route(body=RSS.format(base=server.url("")).encode(), content_type="text/xml")
    server.routes["/ferry"] = Route()
    records = read(server.url("/feed"), fetcher=fast_fetcher())
    assert [type(r) for r in records] == [Document, Document]
    page, summary = records
    assert page.text.startswith("The island ferry sailed again") and page.source == "Island Courier"
    assert page.title == "Harbour ferry returns after the storm" and page.url == server.url("/ferry")
    # The second link is a 404: the item's own summary, title and date stand in.
    assert summary.text == "Repairs to the northern quay will take a month, the harbour master said."
    assert (summary.title, summary.published, summary.url) == (
        "Quay repairs",
        date(2021, 11, 5),
        server.url("/gone"),
    )


def test_unknown_content_is_refused(server, read_one):
    server.routes["/pic"] = Route(body=b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, content_type="image/png")
    failure = read_one(server.url("/pic"), fetcher=fast_fetcher())
    assert failure == InputFailure(
        server.url("/pic"), "is image/png, not a web page, a feed or text; skipped"
    )


def test_read_options_reject_nonsense():
    with pytest.raises(ValueError, match="timeout_s"):
        ReadOptions(timeout_s=0)
