"""Ingest jobs: reports added through the web run in the background, one at a time, and report progress.

One worker thread runs jobs in arrival order. Ingest re-clusters the whole store at its end, so two jobs
running side by side could each cluster before the other's articles were stored and the last to finish
would leave stories missing the other's reports; queueing them makes concurrent submissions safe within a
server (articles themselves are content-addressed, so nothing is ever stored twice either way).

Uploaded files and pasted text never touch the disk: they reach the readers through an in-memory reader
that hands each upload to the built-in reader its name calls for, so stored origins are the names the user
gave ("report.txt"), not temporary paths.
"""

from __future__ import annotations

import itertools
import logging
import os
import queue
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from storyweave.ingest import DEFAULT_READERS, InputError, ReadOptions, Source
from storyweave.jobs import ingest
from storyweave.model import Document, InputFailure
from storyweave.store import Store
from storyweave.web._security import safe_link

__all__ = ["IngestJobs", "JobQueueFull", "JobStatus", "Upload", "check_urls", "upload_name"]

_log = logging.getLogger(__name__)
_UPLOAD_SCHEME = "upload://"


class JobQueueFull(Exception):
    """Too many ingest jobs are waiting; the client should retry once some have finished."""


@dataclass(frozen=True, slots=True)
class Upload:
    """One report the user gave directly: a file's name and bytes, or pasted text under a made-up name."""

    name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class JobStatus:
    """Where an ingest job stands. ``state``: queued, running, done or failed (the job itself broke, as
    opposed to some inputs failing, which ``failures`` lists and which still ends in done)."""

    id: str
    state: str
    inputs: tuple[str, ...]
    created: datetime
    stage: str = "waiting"
    read: int = 0
    added: int = 0
    existing: int = 0
    stories: int = 0
    failures: tuple[InputFailure, ...] = ()
    error: str | None = None
    started: datetime | None = None
    finished: datetime | None = None

    @property
    def active(self) -> bool:
        return self.state in ("queued", "running")


class _UploadReader:
    """Reads ``upload://JOB/N`` sources from memory by handing them to the reader their name calls for."""

    name = "upload"
    suffixes: frozenset[str] = frozenset()

    def __init__(self, uploads: dict[str, Upload]) -> None:
        self._uploads = uploads

    def sniff(self, source: Source) -> bool:
        return source.path is None and source.data is None and source.origin in self._uploads

    def read(self, source: Source, options: ReadOptions) -> Iterator[Document | InputFailure]:
        upload = self._uploads[source.origin]
        inner = Source(origin=upload.name, data=upload.data)
        suffix = os.path.splitext(upload.name.lower().removesuffix(".gz"))[1]
        reader = next((r for r in DEFAULT_READERS if suffix and suffix in r.suffixes), None)
        reader = reader or next((r for r in DEFAULT_READERS if r.sniff(inner)), None)
        if reader is None:
            yield InputFailure(upload.name, "no reader for this kind of input; skipped")
            return
        try:
            yield from reader.read(inner, options)
        except InputError as exc:
            yield InputFailure(upload.name, exc.reason)


class _JobReporter:
    """Turns the ingest job's progress calls into status updates the page can poll."""

    def __init__(self, update: Callable[..., None]) -> None:
        self._update = update
        self._read = 0

    def start(self, task: str, total: int | None = None) -> None:
        self._update(stage=task)

    def advance(self, task: str, amount: int = 1) -> None:
        if task == "reading":
            self._read += amount
            self._update(read=self._read)

    def finish(self, task: str) -> None:
        pass

    def failure(self, failure: InputFailure) -> None:
        self._update(append_failure=failure)


class IngestJobs:
    """A queue of ingest jobs over one store, worked by one background thread.

    ``on_done`` runs after every finished job (the catalog uses it to drop its story snapshot). Statuses
    of finished jobs are kept for the last ``keep_finished`` jobs so a slow poller still sees the outcome.
    """

    def __init__(
        self,
        store: Store,
        *,
        max_bytes: int,
        max_queued: int,
        on_done: Callable[[], None] = lambda: None,
        keep_finished: int = 200,
    ) -> None:
        self._store = store
        self._max_bytes = max_bytes
        self._max_queued = max_queued
        self._on_done = on_done
        self._keep_finished = keep_finished
        self._lock = threading.Lock()
        self._statuses: dict[str, JobStatus] = {}
        self._pending: queue.Queue[tuple[str, list[str], dict[str, Upload]] | None] = queue.Queue()
        self._numbers = itertools.count(1)
        self._prefix = os.urandom(3).hex()  # job ids from an earlier server run never resolve here
        self._worker = threading.Thread(target=self._work, name="storyweave-ingest", daemon=True)
        self._worker.start()

    def submit(self, urls: Sequence[str], uploads: Sequence[Upload]) -> JobStatus:
        """Queue one job over the given URLs and uploads; returns its first status."""
        with self._lock:
            waiting = sum(1 for s in self._statuses.values() if s.active)
            if waiting >= self._max_queued:
                raise JobQueueFull(
                    f"{waiting} ingest jobs are already queued or running; wait for some to finish and retry"
                )
            job_id = f"{self._prefix}-{next(self._numbers)}"
            by_origin = {f"{_UPLOAD_SCHEME}{job_id}/{n}": upload for n, upload in enumerate(uploads)}
            names = (*urls, *(upload.name for upload in uploads))
            status = JobStatus(id=job_id, state="queued", inputs=names, created=_now())
            self._statuses[job_id] = status
            self._forget_old()
        self._pending.put((job_id, [*urls, *by_origin], by_origin))
        return status

    def get(self, job_id: str) -> JobStatus | None:
        with self._lock:
            return self._statuses.get(job_id)

    def close(self, timeout: float = 30.0) -> None:
        """Let the running job finish (queued ones are abandoned), then stop the worker."""
        while True:
            try:
                item = self._pending.get_nowait()
            except queue.Empty:
                break
            if item is not None:
                self._update(item[0], state="failed", error="the server stopped before this job ran")
        self._pending.put(None)
        self._worker.join(timeout)

    def wait_idle(self, timeout: float) -> bool:
        """Block until no job is queued or running (tests and scripts); False on timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if not any(s.active for s in self._statuses.values()):
                    return True
            time.sleep(0.05)
        return False

    def _forget_old(self) -> None:
        finished = sorted((s for s in self._statuses.values() if not s.active), key=lambda s: s.created)
        for status in finished[: max(0, len(finished) - self._keep_finished)]:
            del self._statuses[status.id]

    def _update(self, job_id: str, append_failure: InputFailure | None = None, **changes: object) -> None:
        with self._lock:
            status = self._statuses[job_id]
            if append_failure is not None:
                changes["failures"] = (*status.failures, append_failure)
            self._statuses[job_id] = replace(status, **changes)  # type: ignore[arg-type]

    def _work(self) -> None:
        while (item := self._pending.get()) is not None:
            job_id, inputs, uploads = item
            self._run(job_id, inputs, uploads)

    def _run(self, job_id: str, inputs: list[str], uploads: dict[str, Upload]) -> None:
        def update(**changes: object) -> None:
            self._update(job_id, **changes)  # type: ignore[arg-type]

        update(state="running", stage="reading", started=_now())
        options = ReadOptions(max_bytes=self._max_bytes, readers=(_UploadReader(uploads), *DEFAULT_READERS))
        try:
            result = ingest(self._store, inputs, read_options=options, reporter=_JobReporter(update))
        except Exception as exc:  # the job broke (store down, a bug): say so on the job, keep the server up
            _log.exception("ingest job %s failed", job_id)
            update(state="failed", stage="failed", finished=_now(), error=f"{type(exc).__name__}: {exc}")
        else:
            update(
                state="done",
                stage="done",
                finished=_now(),
                read=result.read,
                added=result.added,
                existing=result.existing,
                stories=len(result.stories),
                failures=tuple(result.failures),
            )
        finally:
            self._on_done()


def _now() -> datetime:
    return datetime.now(UTC)


_MAX_NAME_CHARS = 120


def upload_name(given: str | None, fallback: str) -> str:
    """A file name fit to be an origin: the last path part, one line, printable, not too long.

    Browsers send a bare name, but a hostile client can send anything ("../../etc/passwd", newlines).
    The name is only ever a label and a hint for which reader to use; it is never opened.
    """
    base = (given or "").replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = " ".join("".join(ch for ch in base if ch.isprintable()).split())[:_MAX_NAME_CHARS]
    return cleaned if cleaned.strip(".") else fallback


def check_urls(urls: Sequence[str]) -> list[str]:
    """The URLs, stripped, blank ones dropped; ValueError naming the first that is not absolute http(s).

    Only http and https are accepted: anything else handed to the readers could be taken for a local path
    (``/etc/passwd``) or a scheme that reads local files (``file://``).
    """
    kept = []
    for given in urls:
        url = given.strip()
        if not url:
            continue
        if safe_link(url) is None:
            raise ValueError(
                f"{url[:200]!r} is not an http:// or https:// URL; only web addresses are accepted"
            )
        kept.append(url)
    return kept
