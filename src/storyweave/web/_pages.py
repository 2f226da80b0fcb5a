"""The web pages: story list, story brief, add reports, job progress, login.

Every page works without JavaScript (citations are anchors to passages shown with CSS ``:target``, job
pages refresh themselves inside ``<noscript>``); ``static/app.js`` only makes the same things smoother.
Templates are Jinja2 with autoescape on, so report text can only ever be text.
"""

from __future__ import annotations

import hmac
import re
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from storyweave.render import (
    chain_text,
    claim_certainty,
    claim_figures,
    claim_kind,
    claim_outlet_count,
    claim_speaker,
    entities_with_aliases,
    outlets_text,
    sources_text,
)
from storyweave.web._api import read_uploads, submit_job
from storyweave.web._catalog import StoryCatalog
from storyweave.web._jobs import IngestJobs, Upload
from storyweave.web._security import TOKEN_COOKIE, is_authenticated, safe_link

__all__ = ["page_router", "templates"]

_HERE = Path(__file__).parent
_PAGE_SIZE = 25
_LOCAL_PATH = re.compile(r"^/(?![/\\])[^\s]*$")

page_router = APIRouter(include_in_schema=False)
_environment = Environment(
    loader=FileSystemLoader(_HERE / "templates"), autoescape=True, undefined=StrictUndefined
)
_environment.filters["link"] = safe_link
_environment.filters["iso"] = lambda day: day.isoformat() if day else ""
# Claims are worded by the render helpers so a page and a downloaded brief never disagree.
for _helper in (chain_text, claim_certainty, claim_figures, claim_kind, claim_outlet_count, claim_speaker):
    _environment.filters[_helper.__name__] = _helper
_environment.globals["entities_with_aliases"] = entities_with_aliases
templates = Jinja2Templates(env=_environment)


class _LoginNeeded(Exception):
    def __init__(self, next_path: str) -> None:
        self.next_path = next_path


def _catalog(request: Request) -> StoryCatalog:
    return request.app.state.catalog


def _jobs(request: Request) -> IngestJobs:
    return request.app.state.jobs


def _check_read(request: Request) -> None:
    if not request.app.state.open_reads and not is_authenticated(request, for_write=False):
        raise _LoginNeeded(request.url.path + (f"?{request.url.query}" if request.url.query else ""))


def _render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("signed_in", is_authenticated(request, for_write=False))
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def _login_redirect(next_path: str) -> RedirectResponse:
    return RedirectResponse(f"/login?next={quote(next_path, safe='/')}", status_code=303)


def _parse_day(value: str, label: str, problems: list[str]) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        problems.append(f"{label} {value!r} is not a date; use YYYY-MM-DD")
        return None


@page_router.get("/", response_class=HTMLResponse)
def stories_page(
    request: Request, q: str = "", since: str = "", until: str = "", outlet: str = "", page: int = 1
) -> Response:
    try:
        _check_read(request)
    except _LoginNeeded as needed:
        return _login_redirect(needed.next_path)
    found = _catalog(request)
    problems: list[str] = []
    first, last = _parse_day(since, "From", problems), _parse_day(until, "To", problems)
    page = max(page, 1)
    listing = found.list_stories(
        query=q[:500],
        since=first,
        until=last,
        outlet=outlet[:200],
        offset=(page - 1) * _PAGE_SIZE,
        limit=_PAGE_SIZE,
    )
    filters = {"q": q, "since": since, "until": until, "outlet": outlet}
    return _render(
        request,
        "stories.html",
        listing=listing,
        filters=filters,
        outlets=found.outlets(),
        problems=problems,
        page=page,
        pages=max(1, -(-listing.total // _PAGE_SIZE)),
        filtered=any(value.strip() for value in filters.values()),
    )


@page_router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str, since: int | None = None) -> Response:
    try:
        _check_read(request)
    except _LoginNeeded as needed:
        return _login_redirect(needed.next_path)
    found = _catalog(request)
    view = found.brief(story_id)
    if view is None:
        return _render(request, "missing.html", status_code=404, story_id=story_id)
    new = found.whats_new(view, since if since is not None and since >= 0 else None)
    brief = view.brief
    return _render(
        request,
        "story.html",
        view=view,
        brief=brief,
        new=new,
        refs={ref.number: ref for ref in brief.sources},
        outlets=outlets_text(brief),
        sources=sources_text(brief),
        follow_article=brief.sources[0].article_id if brief.sources else None,
    )


@page_router.get("/articles/{article_id}/story")
def follow_article(request: Request, article_id: str, since: int | None = None) -> Response:
    """A link that survives a story's growth: it names an article, and goes to that article's story."""
    try:
        _check_read(request)
    except _LoginNeeded as needed:
        return _login_redirect(needed.next_path)
    row = _catalog(request).story_of_article(article_id)
    if row is None:
        return _render(request, "missing.html", status_code=404, story_id=article_id)
    suffix = f"?since={since}" if since is not None and since >= 0 else ""
    return RedirectResponse(f"/stories/{row.id}{suffix}", status_code=303)


@page_router.get("/add", response_class=HTMLResponse)
def add_page(request: Request) -> Response:
    if not is_authenticated(request, for_write=False):
        return _login_redirect("/add")
    return _render(request, "add.html", problem=None, max_bytes=request.app.state.settings.max_upload_bytes)


@page_router.post("/add")
async def add_reports(
    request: Request,
    files: Annotated[list[UploadFile], File()] = [],  # noqa: B006
    text: Annotated[str, Form()] = "",
    urls: Annotated[str, Form()] = "",
) -> Response:
    if not is_authenticated(request, for_write=True):
        return _login_redirect("/add")
    uploads = await read_uploads(files)
    if text.strip():
        uploads.append(Upload("pasted-text.txt", text.encode()))
    try:
        status = submit_job(_jobs(request), urls.splitlines(), uploads)
    except HTTPException as refused:
        return _render(
            request,
            "add.html",
            status_code=refused.status_code,
            problem=refused.detail,
            max_bytes=request.app.state.settings.max_upload_bytes,
        )
    return RedirectResponse(f"/jobs/{status.id}", status_code=303)


@page_router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str) -> Response:
    try:
        _check_read(request)
    except _LoginNeeded as needed:
        return _login_redirect(needed.next_path)
    status = _jobs(request).get(job_id)
    if status is None:
        return _render(request, "missing.html", status_code=404, story_id=job_id)
    return _render(request, "job.html", job=status)


@page_router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> Response:
    return _render(request, "login.html", next_path=_local(next), problem=None)


@page_router.post("/login")
def login(request: Request, token: Annotated[str, Form(max_length=500)], next: Annotated[str, Form()] = "/"):
    expected: str = request.app.state.token
    if not hmac.compare_digest(token.strip().encode(), expected.encode()):
        return _render(
            request,
            "login.html",
            status_code=401,
            next_path=_local(next),
            problem="That is not this server's token. It is $STORYWEAVE_TOKEN, or the one printed at start.",
        )
    response = RedirectResponse(_local(next), status_code=303)
    response.set_cookie(
        TOKEN_COOKIE,
        expected,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        max_age=30 * 24 * 3600,
    )
    return response


@page_router.post("/logout")
def logout() -> Response:
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(TOKEN_COOKIE)
    return response


def _local(path: str) -> str:
    """Only same-site paths may be redirect targets, so a crafted login link cannot send users away."""
    return path if _LOCAL_PATH.match(path) else "/"
