"""The network behind one small interface, so readers never touch sockets and tests swap the transport.

``Fetcher`` is the contract (``fetch(url) -> Response``, raising ``InputError`` with a user-facing reason);
``HttpFetcher`` is the real one, on httpx. Everything a hostile or broken web can do to a batch run is
bounded here: addresses (no loopback/private/link-local/multicast targets unless allowed, re-checked on
every redirect hop and on the connected peer), time (per operation and per fetch), size (the body is
streamed and dropped at ``max_bytes``, after content decoding, so a gzip bomb is bounded too), retries
(a few, with exponential backoff, only for errors that may pass) and politeness (a per-host cap on
requests in flight and a small gap between them).
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol, runtime_checkable
from urllib.parse import urljoin, urlsplit

import httpx

from storyweave.ingest._source import InputError, describe_size

__all__ = ["FetchPolicy", "Fetcher", "HttpFetcher", "Response", "check_address"]

USER_AGENT = "storyweave/0.1 (+https://github.com/storyweave/storyweave; news brief builder)"
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_ALLOW_HINT = "pass --allow-private to allow"

Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched body. ``url`` is where it finally came from (after redirects): relative links and the
    article's ``url`` are taken from it, not from what the user typed."""

    url: str
    status: int
    content_type: str
    body: bytes


@runtime_checkable
class Fetcher(Protocol):
    """Fetches one URL. Raises ``InputError`` whose reason says why in a user's words ("HTTP 404",
    "timed out after 10 s"); must be safe to call from several threads at once (feeds fetch in parallel)."""

    def fetch(self, url: str) -> Response: ...


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Limits for ``HttpFetcher``. ``timeout_s`` bounds each network operation and, as a whole, one fetch
    (a server sending a byte a second cannot hold a run); ``retries`` are extra attempts after a 5xx, 429,
    timeout or dropped connection, waiting ``backoff_s``, then twice that, and so on."""

    timeout_s: float = 10.0
    max_bytes: int = 50_000_000
    max_redirects: int = 5
    retries: int = 2
    backoff_s: float = 0.5
    per_host: int = 2
    host_delay_s: float = 0.2
    allow_private: bool = False
    user_agent: str = USER_AGENT

    def __post_init__(self) -> None:
        if self.timeout_s <= 0 or self.max_bytes < 1 or self.per_host < 1:
            raise ValueError("FetchPolicy needs timeout_s > 0, max_bytes >= 1 and per_host >= 1")
        if self.retries < 0 or self.max_redirects < 0 or self.backoff_s < 0 or self.host_delay_s < 0:
            raise ValueError("FetchPolicy retries, max_redirects and delays cannot be negative")


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"could not resolve host {host!r} ({exc})") from None
    return sorted({str(info[4][0]) for info in infos})


def check_address(address: str) -> None:
    """Raise ``InputError`` when ``address`` is not a public unicast address.

    IPv4-mapped IPv6 (``::ffff:10.0.0.5``) is unwrapped first: it reaches the IPv4 host it names.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    kind = next(
        (
            name
            for name, flag in (
                ("loopback", ip.is_loopback),
                ("link-local", ip.is_link_local),
                ("multicast", ip.is_multicast),
                ("unspecified", ip.is_unspecified),
                ("private", ip.is_private),
                ("reserved", ip.is_reserved),
            )
            if flag
        ),
        None,
    )
    if kind is not None:
        raise InputError(f"refused: resolves to {kind} address {ip}; {_ALLOW_HINT}")


class HttpFetcher:
    """``Fetcher`` on an httpx client: one connection pool shared by all threads and hosts.

    ``resolver(host, port) -> [ip, ...]`` is what the address check trusts; the default asks the system
    resolver. httpx resolves again when it connects, so the connected peer is checked too, before any of
    the body is read: a name that resolves to a public address for the check and a private one for the
    connection (DNS rebinding) still yields nothing.
    """

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        resolver: Resolver = _resolve,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self._resolver = resolver
        self._client = httpx.Client(
            follow_redirects=False,  # followed by hand, so every hop's address is checked
            timeout=httpx.Timeout(self.policy.timeout_s),
            headers={"User-Agent": self.policy.user_agent},
            transport=transport,
        )
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._last_start: dict[str, float] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HttpFetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def fetch(self, url: str) -> Response:
        deadline = time.monotonic() + self.policy.timeout_s * (self.policy.retries + 1)
        current = url
        for _ in range(self.policy.max_redirects + 1):
            self._check_url(current)
            response = self._with_retries(current, deadline)
            if isinstance(response, Response):
                return response
            current = response
        raise InputError(f"too many redirects (more than {self.policy.max_redirects}); gave up at {current}")

    def _check_url(self, url: str) -> None:
        try:
            parts = urlsplit(url)
            parts.hostname  # noqa: B018 - parsing "[::1" (an unclosed IPv6 bracket) raises only here
        except ValueError as exc:
            raise InputError(f"is not a valid URL ({exc})") from None
        if parts.scheme not in ("http", "https"):
            shown = f"{parts.scheme}:" if parts.scheme else "scheme-less"
            raise InputError(f"only http and https URLs can be fetched, not {shown} ones")
        if not parts.hostname:
            raise InputError("the URL names no host")
        if self.policy.allow_private:
            return
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise InputError("the URL's port is not a number between 0 and 65535") from None
        for address in self._resolver(parts.hostname, port):
            check_address(address)

    def _with_retries(self, url: str, deadline: float) -> Response | str:
        """The response, the next URL when it redirects, or ``InputError`` once the retries are spent."""
        attempt = 0
        while True:
            try:
                return self._once(url, deadline)
            except _Retryable as exc:
                wait = self.policy.backoff_s * 2**attempt
                if attempt >= self.policy.retries or time.monotonic() + wait >= deadline:
                    raise InputError(exc.reason) from None
                attempt += 1
                time.sleep(wait)

    def _once(self, url: str, deadline: float) -> Response | str:
        limit = self.policy.max_bytes
        with self._host_slot(urlsplit(url).hostname or ""):
            try:
                with self._client.stream("GET", url) as reply:
                    self._check_peer(reply)
                    if reply.status_code in _REDIRECT_STATUSES and "location" in reply.headers:
                        return urljoin(str(reply.url), reply.headers["location"])
                    if reply.status_code in _RETRY_STATUSES:
                        raise _Retryable(f"HTTP {reply.status_code} ({reply.reason_phrase or 'error'})")
                    if reply.status_code >= 400:
                        raise InputError(f"HTTP {reply.status_code} ({reply.reason_phrase or 'error'})")
                    declared = reply.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > limit:
                        raise InputError(_over(int(declared), limit))
                    body = b"".join(self._capped_chunks(reply.iter_bytes(), limit, deadline))
                    return Response(str(reply.url), reply.status_code, _media_type(reply), body)
            except httpx.TimeoutException:
                raise _Retryable(f"timed out after {self.policy.timeout_s:g} s") from None
            except httpx.TransportError as exc:  # refused, reset, TLS failure, broken chunking
                raise _Retryable(
                    f"could not be fetched ({type(exc).__name__}: {exc or 'no detail'})"
                ) from None
            except httpx.InvalidURL as exc:
                raise InputError(f"is not a valid URL ({exc})") from None
            except httpx.DecodingError as exc:
                raise InputError(
                    f"sent a body that does not decode as its Content-Encoding says ({exc}); skipped"
                ) from None

    def _capped_chunks(self, chunks: Iterator[bytes], limit: int, deadline: float) -> Iterator[bytes]:
        total = 0
        for chunk in chunks:
            total += len(chunk)
            if total > limit:
                raise InputError(_over(None, limit))
            if time.monotonic() > deadline:
                raise _Retryable(f"timed out after {self.policy.timeout_s:g} s")
            yield chunk

    def _check_peer(self, reply: httpx.Response) -> None:
        if self.policy.allow_private:
            return
        stream = reply.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if peer:
            check_address(str(peer[0]))

    @contextmanager
    def _host_slot(self, host: str) -> Iterator[None]:
        """At most ``per_host`` requests to one host at a time, started ``host_delay_s`` apart."""
        with self._lock:
            slot = self._slots.setdefault(host, threading.BoundedSemaphore(self.policy.per_host))
        with slot:
            with self._lock:
                start = max(time.monotonic(), self._last_start.get(host, 0.0) + self.policy.host_delay_s)
                self._last_start[host] = start
            time.sleep(max(0.0, start - time.monotonic()))
            yield


class _Retryable(Exception):
    """A failure that may pass on a later attempt (5xx, 429, timeout, dropped connection)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _over(size: int | None, limit: int) -> str:
    shown = f"is {size:,} bytes" if size is not None else f"is more than {describe_size(limit)}"
    return f"{shown}, over the {describe_size(limit)} limit; raise it with --max-bytes"


def _media_type(reply: httpx.Response) -> str:
    return reply.headers.get("content-type", "").split(";", 1)[0].strip().lower()
