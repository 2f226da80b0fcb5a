"""Conformance: what every LLM backend must do, run against each way we have of reaching one."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable

import httpx
import pytest

from storyweave.summarize.fusion import LLMBackend, LLMError, OpenAICompatibleBackend

from .conftest import ChatServer, completion

MESSAGES = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Say ok."}]
NO_WAIT = lambda seconds: None  # noqa: E731 (backoff clock for tests)


def _in_process(answer) -> OpenAICompatibleBackend:
    """The same client over httpx's in-process transport: no socket at all."""

    def handle(request: httpx.Request) -> httpx.Response:
        status, body = answer(json.loads(request.content), dict(request.headers))
        return httpx.Response(status, text=body)

    return OpenAICompatibleBackend(
        "http://model.invalid/v1", "test-model", transport=httpx.MockTransport(handle), sleep=NO_WAIT
    )


@pytest.fixture(params=["local-http-server", "in-process-transport"])
def make_backend(request, chat_server) -> Callable[..., LLMBackend]:
    def make(answer) -> LLMBackend:
        if request.param == "in-process-transport":
            return _in_process(answer)
        server: ChatServer = chat_server(answer)
        return OpenAICompatibleBackend(server.endpoint, "test-model", sleep=NO_WAIT)

    return make


def test_returns_the_assistant_text(make_backend) -> None:
    backend = make_backend(lambda body, headers: (200, completion("ok")))
    assert isinstance(backend, LLMBackend)
    assert backend.complete(MESSAGES, max_tokens=5) == "ok"


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (400, '{"error": "bad request"}'),
        (401, '{"error": "no key"}'),
        (200, "not json at all"),
        (200, '{"choices": []}'),
        (200, '{"choices": [{"message": {"content": 7}}]}'),
    ],
)
def test_every_failure_is_an_llm_error_naming_the_endpoint(make_backend, status, body) -> None:
    backend = make_backend(lambda b, h: (status, body))
    with pytest.raises(LLMError, match="chat/completions"):
        backend.complete(MESSAGES, max_tokens=5)


def test_overload_is_retried_and_a_refusal_is_not(make_backend) -> None:
    calls: list[int] = []

    def busy_then_ok(body, headers):
        calls.append(1)
        return (503, "{}") if len(calls) < 3 else (200, completion("ok"))

    assert make_backend(busy_then_ok).complete(MESSAGES, max_tokens=5) == "ok"
    assert len(calls) == 3

    refused: list[int] = []
    with pytest.raises(LLMError, match="HTTP 400"):
        make_backend(lambda b, h: (refused.append(1), (400, "{}"))[1]).complete(MESSAGES, max_tokens=5)
    assert len(refused) == 1


def test_sends_the_openai_request_shape(chat_server) -> None:
    server = chat_server(lambda body, headers: (200, completion("ok")))
    backend = OpenAICompatibleBackend(server.endpoint + "/", "tiny", api_key="s3cret", sleep=NO_WAIT)
    backend.complete(MESSAGES, max_tokens=42)
    path, body, headers = server.requests[0]
    assert path == "/v1/chat/completions"
    assert body == {"model": "tiny", "messages": MESSAGES, "temperature": 0, "max_tokens": 42}
    assert headers["authorization"] == "Bearer s3cret"
    assert "s3cret" not in repr(backend)


def test_a_server_that_is_not_there_is_an_llm_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # free once closed: nothing listens there
    backend = OpenAICompatibleBackend(f"http://127.0.0.1:{port}/v1", "m", retries=1, sleep=NO_WAIT)
    with pytest.raises(LLMError, match="ConnectError"):
        backend.complete(MESSAGES, max_tokens=5)


@pytest.mark.parametrize(("endpoint", "model"), [("127.0.0.1:8080/v1", "m"), ("http://127.0.0.1/v1", " ")])
def test_settings_that_cannot_work_are_refused_at_once(endpoint: str, model: str) -> None:
    with pytest.raises(ValueError):
        OpenAICompatibleBackend(endpoint, model)


def test_an_oversized_reply_is_refused(make_backend) -> None:
    huge = completion("x" * 2_100_000)
    with pytest.raises(LLMError, match="bytes"):
        make_backend(lambda b, h: (200, huge)).complete(MESSAGES, max_tokens=5)
