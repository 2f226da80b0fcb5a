"""The JSON API: the same stories, briefs, passages and ingest jobs as the pages, for programs.

Handlers only translate HTTP to catalog and job-queue calls and back; briefs are serialised by the render
module (``brief_to_dict``) so the API and ``storyweave show --json`` can never disagree.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from pydantic import BaseModel, Field

from storyweave.render import brief_to_dict
from storyweave.web._catalog import BriefView, StoryCatalog, StoryRow, WhatsNew
from storyweave.web._jobs import IngestJobs, JobQueueFull, JobStatus, Upload, check_urls, upload_name
from storyweave.web._passages import Passage
from storyweave.web._security import require_read, require_write

__all__ = [
    "api_router",
    "brief_json",
    "job_json",
    "passage_json",
    "read_uploads",
    "story_row_json",
    "submit_job",
]

api_router = APIRouter(prefix="/api", tags=["api"])

MAX_PAGE = 200
_SURROGATE = re.compile("[\ud800-\udfff]")


class IngestRequest(BaseModel):
    """Reports to add. Plain-text reports go in ``texts`` (first line is the title when it looks like
    one), JSON Lines records (``text``, ``title``, ``url``, ``published``, ``source``) in ``jsonl``, web
    addresses in ``urls``."""

    texts: list[str] = Field(default_factory=list, max_length=1000)
    jsonl: str | None = None
    urls: list[str] = Field(default_factory=list, max_length=1000)


def catalog(request: Request) -> StoryCatalog:
    return request.app.state.catalog


def jobs(request: Request) -> IngestJobs:
    return request.app.state.jobs


Catalog = Annotated[StoryCatalog, Depends(catalog)]
Jobs = Annotated[IngestJobs, Depends(jobs)]


def story_row_json(row: StoryRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "headline": row.headline,
        "first_published": row.first_published.isoformat() if row.first_published else None,
        "last_published": row.last_published.isoformat() if row.last_published else None,
        "sources": row.sources,
        "reports": row.reports,
        "outlets": list(row.outlets),
    }


def passage_json(passage: Passage) -> dict[str, Any]:
    return asdict(passage)


def brief_json(view: BriefView, new: WhatsNew) -> dict[str, Any]:
    """The brief as the render module serialises it, plus claims, conflicts and timeline when that
    serialisation does not carry them yet, plus what is new and every citation's passage."""
    data = brief_to_dict(view.brief)
    data.setdefault("claims", [asdict(claim) for claim in view.brief.claims])
    data.setdefault("conflicts", [asdict(conflict) for conflict in view.brief.conflicts])
    data.setdefault("timeline", [asdict(entry) for entry in view.brief.timeline])
    return {
        "brief": data,
        "passages": [passage_json(p) for p in view.passages.values()],
        "mark": new.mark,
        "new": {"since": new.since, "sources": list(new.sources), "sentences": list(new.sentences)},
    }


def job_json(status: JobStatus) -> dict[str, Any]:
    return {
        "id": status.id,
        "state": status.state,
        "stage": status.stage,
        "inputs": list(status.inputs),
        "read": status.read,
        "added": status.added,
        "existing": status.existing,
        "stories": status.stories,
        "failures": [{"input": f.origin, "reason": f.reason} for f in status.failures],
        "error": status.error,
        "created": status.created.isoformat(),
        "started": status.started.isoformat() if status.started else None,
        "finished": status.finished.isoformat() if status.finished else None,
    }


def submit_job(queue: IngestJobs, urls: list[str], uploads: list[Upload]) -> JobStatus:
    """Validate and queue; every refusal is an HTTP error that says what to change."""
    try:
        checked = check_urls(urls)
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
    if not checked and not uploads:
        raise HTTPException(status_code=422, detail="nothing to add: give report text, files or URLs")
    try:
        return queue.submit(checked, uploads)
    except JobQueueFull as exc:
        raise HTTPException(status_code=429, detail=str(exc), headers={"Retry-After": "5"}) from None


@api_router.get("/health")
def health(request: Request) -> dict[str, Any]:
    """Liveness plus the store's size; never needs the token (it names no story)."""
    return {"ok": True, "articles": request.app.state.catalog.insertion_mark()}


@api_router.get("/stories", dependencies=[Depends(require_read)])
def list_stories(
    found: Catalog,
    q: Annotated[str, Query(max_length=500, description='Words that must all occur; "quoted phrases".')] = "",
    since: Annotated[date | None, Query(description="Stories with a report on or after this day.")] = None,
    until: Annotated[date | None, Query(description="Stories with a report on or before this day.")] = None,
    outlet: Annotated[str, Query(max_length=200)] = "",
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
) -> dict[str, Any]:
    """Stories newest first, filtered by full-text query, date range and outlet."""
    page = found.list_stories(query=q, since=since, until=until, outlet=outlet, offset=offset, limit=limit)
    return {"total": page.total, "offset": page.offset, "stories": [story_row_json(r) for r in page.rows]}


@api_router.get("/outlets", dependencies=[Depends(require_read)])
def list_outlets(found: Catalog) -> list[str]:
    return found.outlets()


def _view(found: StoryCatalog, story_id: str) -> BriefView:
    view = found.brief(story_id)
    if view is None:
        raise HTTPException(
            status_code=404,
            detail=f"no story {story_id!r}: a story's id changes when it gains reports; "
            "find it again in /api/stories, or follow one of its articles with /api/articles/ID/story",
        )
    return view


@api_router.get("/stories/{story_id}", dependencies=[Depends(require_read)])
def get_story(
    story_id: str,
    found: Catalog,
    since: Annotated[int | None, Query(ge=0, description="A 'mark' from an earlier response.")] = None,
) -> dict[str, Any]:
    """A story's brief, every citation's source passage, and what it gained since ``since``."""
    view = _view(found, story_id)
    return brief_json(view, found.whats_new(view, since))


@api_router.get("/stories/{story_id}/passages/{sentence}/{source}", dependencies=[Depends(require_read)])
def get_passage(story_id: str, sentence: int, source: int, found: Catalog) -> dict[str, Any]:
    """The passage of source ``source`` that supports summary sentence ``sentence`` (0-based)."""
    passage = _view(found, story_id).passages.get((sentence, source))
    if passage is None:
        raise HTTPException(
            status_code=404, detail=f"summary sentence {sentence} does not cite source {source}"
        )
    return passage_json(passage)


@api_router.get("/articles/{article_id}/story", dependencies=[Depends(require_read)])
def story_of_article(article_id: str, found: Catalog) -> dict[str, Any]:
    """The story an article belongs to now: a stable way to follow a story whose id changed."""
    row = found.story_of_article(article_id)
    if row is None:
        raise HTTPException(status_code=404, detail=f"no story holds article {article_id!r}")
    return story_row_json(row)


@api_router.post("/ingest", status_code=202, dependencies=[Depends(require_write)])
def ingest_json(body: IngestRequest, queue: Jobs) -> dict[str, Any]:
    """Queue reports given as JSON; poll the returned job at /api/jobs/{id}."""
    _refuse_surrogates(body)
    uploads = [
        Upload(f"pasted-{n}.txt", text.encode()) for n, text in enumerate(body.texts, 1) if text.strip()
    ]
    if body.jsonl and body.jsonl.strip():
        uploads.append(Upload("pasted.jsonl", body.jsonl.encode()))
    return job_json(submit_job(queue, body.urls, uploads))


def _refuse_surrogates(body: IngestRequest) -> None:
    """JSON may carry lone surrogates ("\\ud800"), which are not text: refused (422) before a job is queued
    whose pages and records could then never be shown or stored."""
    for field, values in (("texts", body.texts), ("jsonl", [body.jsonl or ""]), ("urls", body.urls)):
        for value in values:
            found = _SURROGATE.search(value)
            if found:
                raise HTTPException(
                    status_code=422,
                    detail=f"{field} holds a lone surrogate (\\u{ord(found.group()):04x}): "
                    "not text; send UTF-8 text",
                )


async def read_uploads(files: list[UploadFile]) -> list[Upload]:
    uploads = []
    for n, file in enumerate(files, 1):
        data = await file.read()
        if data:
            uploads.append(Upload(upload_name(file.filename, f"upload-{n}.txt"), data))
    return uploads


@api_router.post("/ingest/files", status_code=202, dependencies=[Depends(require_write)])
async def ingest_files(
    queue: Jobs,
    files: Annotated[list[UploadFile], File(description="Text, HTML or JSON Lines files (.gz too).")] = [],  # noqa: B006
    text: Annotated[str, Form(description="One pasted plain-text report.")] = "",
    urls: Annotated[str, Form(description="Web addresses, one a line.")] = "",
) -> dict[str, Any]:
    """Queue uploaded files, pasted text and URLs (multipart form); poll /api/jobs/{id}."""
    uploads = await read_uploads(files)
    if text.strip():
        uploads.append(Upload("pasted-text.txt", text.encode()))
    return job_json(submit_job(queue, urls.splitlines(), uploads))


@api_router.get("/jobs/{job_id}", dependencies=[Depends(require_read)])
def get_job(job_id: str, queue: Jobs) -> dict[str, Any]:
    """An ingest job's state, progress and per-input failures."""
    status = queue.get(job_id)
    if status is None:
        raise HTTPException(
            status_code=404, detail=f"no ingest job {job_id!r} on this server (since it started)"
        )
    return job_json(status)
