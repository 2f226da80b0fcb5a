"""The guard middleware on its own: request deadlines, bodies over the cap (declared or streamed), headers."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import FastAPI, Form, Request
from fastapi.testclient import TestClient

from storyweave.web._security import CONTENT_SECURITY_POLICY, GuardMiddleware, safe_link


def _guarded_app() -> FastAPI:
    app = FastAPI()

    @app.get("/slow")
    async def slow() -> dict:
        await asyncio.sleep(5)
        return {"finished": True}

    @app.post("/echo")
    async def echo(request: Request) -> dict:
        return {"bytes": len(await request.body())}

    @app.post("/form")
    async def form(text: Annotated[str, Form()] = "") -> dict:
        return {"chars": len(text)}

    app.add_middleware(GuardMiddleware, max_body_bytes=1000, timeout_s=0.2)
    return app


def test_a_request_past_its_deadline_gets_503_with_a_reason() -> None:
    with TestClient(_guarded_app()) as client:
        response = client.get("/slow")
    assert response.status_code == 503 and "0.2 s" in response.json()["detail"]
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_bodies_over_the_cap_are_refused_whether_declared_or_streamed() -> None:
    with TestClient(_guarded_app()) as client:
        assert client.post("/echo", content=b"x" * 999).json() == {"bytes": 999}
        declared = client.post("/echo", content=b"x" * 1001)
        assert declared.status_code == 413 and "1,001 bytes" in declared.json()["detail"]
        streamed = client.post("/echo", content=iter([b"x" * 600, b"x" * 600]))  # chunked: no length
        assert streamed.status_code == 413
        # A form parser catches the cut-off itself and would answer 400 "error parsing the body".
        head = b'--b\r\nContent-Disposition: form-data; name="text"\r\n\r\n'
        parts = iter([head, b"x" * 700, b"x" * 700, b"\r\n--b--\r\n"])
        multipart = {"content-type": "multipart/form-data; boundary=b"}
        form = client.post("/form", content=parts, headers=multipart)
        assert form.status_code == 413 and "at most 1,000 bytes" in form.json()["detail"]


def test_only_absolute_web_addresses_become_links() -> None:
    assert safe_link("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for hostile in (
        "javascript:alert(1)",
        "java\tscript:alert(1)",
        " https://x.org",
        "data:text/html,x",
        "//x.org",
    ):
        assert safe_link(hostile) is None, hostile
    assert safe_link(None) is None
