"""What keeps untrusted text inert and one client from hurting the server: headers, limits, the token.

Report text is hostile by assumption. Templates escape it (Jinja2 autoescape), and a strict
Content-Security-Policy (scripts only from this origin, no inline script or handler, no plugins, no
framing) means an escaping mistake still cannot run anything. Request bodies are capped while they
stream in, and each request has a deadline.

Writes need the server's token: ``Authorization: Bearer TOKEN`` for programs, or the HttpOnly,
SameSite=Strict cookie the login form sets for browsers. A cookie rides along with cross-site requests in
some browsers and settings, so a write authenticated by cookie must also come from this origin.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import anyio
from fastapi import HTTPException, Request

from storyweave.render import link_target

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "TOKEN_COOKIE",
    "GuardMiddleware",
    "is_authenticated",
    "require_read",
    "require_write",
    "safe_link",
]

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
TOKEN_COOKIE = "storyweave_token"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class _BodyTooLarge(Exception):
    pass


class GuardMiddleware:
    """Security headers on every response, a cap on request bodies and a deadline on every request.

    ``policies`` maps a path to its own Content-Security-Policy (the API docs page needs the Swagger
    bundle); every other path gets ``CONTENT_SECURITY_POLICY``.
    """

    def __init__(
        self, app: ASGIApp, *, max_body_bytes: int, timeout_s: float, policies: dict[str, str] | None = None
    ) -> None:
        self._app = app
        self._max_body = max_body_bytes
        self._timeout = timeout_s
        self._policies = policies or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self._max_body:
            await _plain_error(send, 413, self._too_large(declared))
            return
        policy = self._policies.get(scope["path"], CONTENT_SECURITY_POLICY)
        started = False
        received = 0
        too_large = False

        async def counted_receive() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self._max_body:
                    too_large = True
                    raise _BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if too_large:
                # A body parser that caught the cut-off answers "could not parse" (400); the reason is size.
                if message["type"] == "http.response.start" and not started:
                    started = True
                    await _plain_error(send, 413, self._too_large(None))
                return
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *_security_headers(policy)]
            await send(message)

        try:
            with anyio.fail_after(self._timeout):
                await self._app(scope, counted_receive, guarded_send)
        except _BodyTooLarge:
            if not started:
                await _plain_error(send, 413, self._too_large(None))
        except TimeoutError:
            if not started:
                await _plain_error(
                    send,
                    503,
                    f"the request took longer than {self._timeout:g} s and was stopped; retry later",
                )

    def _too_large(self, size: int | None) -> str:
        shown = f"{size:,} bytes" if size is not None else "more than that"
        return (
            f"the request body is {shown}; this server accepts at most {self._max_body:,} bytes per "
            "request. Split the upload into smaller requests."
        )


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _security_headers(policy: str) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-security-policy", policy.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
        (b"cross-origin-opener-policy", b"same-origin"),
    ]


async def _plain_error(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": headers + _security_headers(CONTENT_SECURITY_POLICY),
        }
    )
    await send({"type": "http.response.body", "body": body})


def _bearer(request: Request) -> str | None:
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    return credentials.strip() if scheme.lower() == "bearer" and credentials.strip() else None


def _same_origin(request: Request) -> bool:
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None:  # old browsers and non-browser clients send neither header on a form post
        return True
    return origin == f"{request.url.scheme}://{request.headers.get('host', '')}"


def _matches(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def is_authenticated(request: Request, *, for_write: bool) -> bool:
    """Whether the request carries the server's token (see the module docstring for the two ways)."""
    token: str = request.app.state.token
    if _matches(_bearer(request), token):
        return True
    if not _matches(request.cookies.get(TOKEN_COOKIE), token):
        return False
    return not for_write or _same_origin(request)


def require_write(request: Request) -> None:
    """Dependency for every route that changes the store."""
    if not is_authenticated(request, for_write=True):
        raise HTTPException(
            status_code=401,
            detail="writing needs the server's token: send 'Authorization: Bearer TOKEN' "
            "(the token is $STORYWEAVE_TOKEN, or the one printed when the server started)",
            headers={"WWW-Authenticate": "Bearer"},
        )


def require_read(request: Request) -> None:
    """Dependency for reads: open unless the server was started with token-protected reads."""
    if request.app.state.open_reads or is_authenticated(request, for_write=False):
        return
    raise HTTPException(
        status_code=401,
        detail="this server's stories need the token to read: send 'Authorization: Bearer TOKEN'",
        headers={"WWW-Authenticate": "Bearer"},
    )


safe_link = link_target
"""The URL if it may become a link; the same rule as the brief renderers (see ``render.link_target``)."""
