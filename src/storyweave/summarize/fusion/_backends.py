"""Language-model backends for fusion: one small protocol, and a client for OpenAI-compatible servers.

Fusion only needs "send these chat messages, get text back", so that is the whole protocol; whatever
serves it (a vLLM or llama.cpp server on the newsroom's machine, a hosted API) is reached the same way.
The HTTP client takes an ``httpx`` transport, so tests can answer requests in-process, and it never
retries a request the server has understood and refused: only connection failures, timeouts, 429 and 5xx
are retried, with backoff, because a model server under load answers those and recovers.

No model weights ship with storyweave and none can be downloaded at run time: fusion is off unless the
user names an endpoint.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping, Sequence
from typing import Protocol, runtime_checkable

import httpx

__all__ = ["ChatMessage", "LLMBackend", "LLMError", "OpenAICompatibleBackend"]

ChatMessage = Mapping[str, str]
"""``{"role": "system" | "user" | "assistant", "content": "..."}``, as the OpenAI chat API takes it."""

_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
# A chat completion for one summary is a few kilobytes; anything near this is not one.
MAX_REPLY_BYTES = 2_000_000


class LLMError(RuntimeError):
    """The model could not be asked or gave no usable answer; the message says which endpoint and why."""


@runtime_checkable
class LLMBackend(Protocol):
    """Completes a chat: returns the assistant's text, or raises ``LLMError`` (never anything else)."""

    name: str

    def complete(self, messages: Sequence[ChatMessage], *, max_tokens: int) -> str: ...


class OpenAICompatibleBackend:
    """``POST {endpoint}/chat/completions`` with temperature 0, as OpenAI, vLLM and llama.cpp serve it.

    ``endpoint`` is the API root (``http://127.0.0.1:8080/v1``). ``transport`` replaces the network, for
    tests; ``sleep`` is the backoff clock, likewise.
    """

    def __init__(
        self,
        endpoint: str,
        model: str,
        *,
        api_key: str | None = None,
        timeout_s: float = 60.0,
        retries: int = 2,
        transport: httpx.BaseTransport | None = None,
        sleep=time.sleep,
    ) -> None:
        if not endpoint.startswith(("http://", "https://")):
            raise ValueError(f"fusion endpoint {endpoint!r} must start with http:// or https://")
        if not model.strip():
            raise ValueError("fusion needs a model name (the server's name for the model to use)")
        self.endpoint = endpoint.rstrip("/")
        self.model = model
        self.name = f"{model} at {self.endpoint}"
        self._retries = max(0, retries)
        self._sleep = sleep
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(timeout=timeout_s, headers=headers, transport=transport)

    def __repr__(self) -> str:  # never shows the key
        return f"{type(self).__name__}(endpoint={self.endpoint!r}, model={self.model!r})"

    def close(self) -> None:
        self._client.close()

    def complete(self, messages: Sequence[ChatMessage], *, max_tokens: int) -> str:
        body = {
            "model": self.model,
            "messages": [dict(m) for m in messages],
            "temperature": 0,
            "max_tokens": max_tokens,
        }
        url = f"{self.endpoint}/chat/completions"
        for attempt in range(self._retries + 1):
            last = attempt == self._retries
            try:
                response = self._client.post(url, json=body)
            except httpx.HTTPError as error:
                if last:
                    raise LLMError(f"{url}: {type(error).__name__}: {error}") from None
            else:
                if response.status_code < 400:
                    return _assistant_text(url, response)
                if response.status_code not in _RETRY_STATUS or last:
                    raise LLMError(f"{url}: HTTP {response.status_code}: {response.text[:200]!r}")
            self._sleep(0.5 * 2**attempt)
        raise AssertionError("unreachable: the last attempt returns or raises")


def _assistant_text(url: str, response: httpx.Response) -> str:
    """``choices[0].message.content`` of a chat completion, or a clear ``LLMError``."""
    if len(response.content) > MAX_REPLY_BYTES:
        raise LLMError(f"{url}: the reply is {len(response.content):,} bytes, over {MAX_REPLY_BYTES:,}")
    try:
        content = response.json()["choices"][0]["message"]["content"]
    except (json.JSONDecodeError, UnicodeDecodeError, KeyError, IndexError, TypeError):
        raise LLMError(f"{url}: the reply is not an OpenAI-style chat completion") from None
    if not isinstance(content, str):
        raise LLMError(f"{url}: the reply's message content is not text")
    return content
