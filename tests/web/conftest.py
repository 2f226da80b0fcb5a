"""Fixtures for the web tests: an app over SQLite and over PostgreSQL (when a server answers), the token,
and the example reports as uploads.

``store_url`` (SQLite and PostgreSQL) comes from tests/conftest.py, shared with the store suite.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (fastapi, uvicorn, jinja2, multipart)")
pytest.importorskip("httpx", reason="httpx is needed for FastAPI's TestClient")

from fastapi.testclient import TestClient

from storyweave.web import WebSettings, create_app

TOKEN = "test-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "reports"


@pytest.fixture
def auth() -> dict[str, str]:
    """Headers that carry the test server's token."""
    return dict(AUTH)


@pytest.fixture
def token() -> str:
    return TOKEN


@pytest.fixture
def example_uploads() -> list[tuple[str, tuple[str, bytes]]]:
    """The repository's example reports (invented text) as multipart ``files`` fields."""
    if not EXAMPLES.is_dir():
        pytest.skip(f"the example reports are missing ({EXAMPLES})")
    return [
        ("files", (path.name, path.read_bytes())) for path in sorted(EXAMPLES.iterdir()) if path.is_file()
    ]


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return str(tmp_path / "web.sqlite")


def _make_client(db: str, **overrides: Any) -> TestClient:
    return TestClient(create_app(WebSettings(db=db, token=TOKEN, story_cache_seconds=0.0, **overrides)))


@pytest.fixture
def make_client() -> Callable[..., TestClient]:
    """``make_client(db, **settings)``: a TestClient (use it as a context manager) for a fresh app."""
    return _make_client


@pytest.fixture
def client(store_url: str) -> Iterator[TestClient]:
    with _make_client(store_url) as test_client:
        yield test_client


def _finish(client: TestClient, job: dict[str, Any], timeout: float = 60.0) -> dict[str, Any]:
    assert client.app.state.jobs.wait_idle(timeout), f"job {job['id']} did not finish in {timeout} s"
    return client.get(f"/api/jobs/{job['id']}").json()


@pytest.fixture
def finish() -> Callable[..., dict[str, Any]]:
    """``finish(client, job)``: wait for an ingest job to end and return its final status."""
    return _finish


@pytest.fixture
def loaded(client: TestClient, example_uploads: list) -> TestClient:
    """A client whose store holds the example reports, ingested through the API."""
    response = client.post("/api/ingest/files", files=example_uploads, headers=AUTH)
    assert response.status_code == 202, response.text
    status = _finish(client, response.json())
    assert status["state"] == "done" and not status["failures"], status
    return client
