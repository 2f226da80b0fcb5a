"""Building the FastAPI application and running it under uvicorn."""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import re
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

import storyweave
from storyweave.store import StoreError, open_store
from storyweave.web._api import api_router
from storyweave.web._catalog import StoryCatalog
from storyweave.web._jobs import IngestJobs
from storyweave.web._pages import page_router
from storyweave.web._security import GuardMiddleware
from storyweave.web._settings import TOKEN_ENV, WebSettings, resolve_token

__all__ = ["create_app", "serve"]

_STATIC = Path(__file__).parent / "static"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_SWAGGER_CDN = "https://cdn.jsdelivr.net"


def _docs_page() -> tuple[str, str]:
    """Swagger UI's page and a policy allowing exactly its bundle and its one inline script (by hash),
    so the docs get no more script rights than they need and every other page keeps the strict policy."""
    page = get_swagger_ui_html(openapi_url="/openapi.json", title="storyweave API").body.decode()
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
        for script in _INLINE_SCRIPT.findall(page)
    )
    policy = (
        f"default-src 'none'; script-src {_SWAGGER_CDN} {hashes}; style-src {_SWAGGER_CDN}; "
        f"img-src 'self' data: https://fastapi.tiangolo.com; connect-src 'self'; base-uri 'none'; "
        "frame-ancestors 'none'"
    )
    return page, policy


def create_app(settings: WebSettings) -> FastAPI:
    """The web UI and HTTP API over the store ``settings.db``, opened (and migrated) now so that a store
    that cannot be opened fails here with the store's own message (``StoreError``), not on first request.
    """
    token, _ = resolve_token(settings)
    settings = replace(settings, token=token)
    store = open_store(settings.db)
    catalog = StoryCatalog(
        store,
        brief_words=settings.brief_words,
        brief_cache_size=settings.brief_cache_size,
        cache_seconds=settings.story_cache_seconds,
    )
    jobs = IngestJobs(
        store,
        max_bytes=settings.max_upload_bytes,
        max_queued=settings.max_queued_jobs,
        on_done=catalog.invalidate,
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            jobs.close()
            store.close()

    app = FastAPI(
        title="storyweave",
        version=storyweave.__version__,
        summary="Cited, per-event briefs from piles of news reports.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.token = token
    app.state.open_reads = settings.open_reads
    app.state.store = store
    app.state.catalog = catalog
    app.state.jobs = jobs

    docs_html, docs_policy = _docs_page()

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(docs_html)

    @app.exception_handler(StoreError)
    async def store_unavailable(_request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": f"the store is unavailable: {exc}"}, status_code=503)

    app.include_router(api_router)
    app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=_STATIC), name="static")
    app.add_middleware(
        GuardMiddleware,
        max_body_bytes=settings.max_upload_bytes,
        timeout_s=settings.request_timeout_s,
        policies={"/docs": docs_policy},
    )
    return app


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def serve(settings: WebSettings) -> None:
    """Run the app under uvicorn until interrupted. Prints where it listens and, when the token was
    generated, the token itself: without it nobody can add reports."""
    import uvicorn

    token, generated = resolve_token(settings)
    try:
        app = create_app(replace(settings, token=token))
    except StoreError as exc:
        print(f"storyweave serve: cannot open the store: {exc}", file=sys.stderr)
        raise SystemExit(3) from exc
    url = f"http://{settings.host}:{settings.port}/"
    print(f"storyweave: serving {app.state.store.location} at {url} (API docs at {url}docs)", file=sys.stderr)
    if generated:
        print(
            f"storyweave: token for adding reports: {token}\n"
            f"            (generated for this run; set ${TOKEN_ENV} to keep one across restarts)",
            file=sys.stderr,
        )
    if not _is_loopback(settings.host):
        print(
            f"storyweave: warning: listening on {settings.host} over plain HTTP; the token crosses the "
            "network unencrypted. Put a TLS proxy in front or listen on 127.0.0.1.",
            file=sys.stderr,
        )
    config = uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        timeout_keep_alive=5,
        timeout_graceful_shutdown=10,
        limit_concurrency=512,
        server_header=False,
    )
    uvicorn.Server(config).run()
