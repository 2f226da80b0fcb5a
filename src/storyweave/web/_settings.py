"""How the web server is configured: one frozen settings object, built by the CLI or by a test."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

__all__ = ["TOKEN_ENV", "WebSettings", "resolve_token"]

TOKEN_ENV = "STORYWEAVE_TOKEN"
_MIN_TOKEN_CHARS = 16


@dataclass(frozen=True, slots=True)
class WebSettings:
    """Everything ``create_app`` and ``serve`` need.

    ``db``: SQLite path or ``postgresql://`` URL (None: the default SQLite file). ``token``: the secret
    that writes (and, with ``open_reads=False``, reads) must present; None means ``$STORYWEAVE_TOKEN``,
    else a fresh random one that ``serve`` prints. Limits bound what one client can make the server do:
    ``max_upload_bytes`` caps a request body, ``request_timeout_s`` a request's handling (ingest itself
    runs as a background job, outside that limit), ``max_search_results`` one page of stories.
    """

    db: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    open_reads: bool = True
    max_upload_bytes: int = 20_000_000
    request_timeout_s: float = 30.0
    max_search_results: int = 200
    brief_words: int = 200
    brief_cache_size: int = 256
    story_cache_seconds: float = 2.0
    max_queued_jobs: int = 16

    def __post_init__(self) -> None:
        if not 0 < self.port < 65536:
            raise ValueError(f"port must be between 1 and 65535, not {self.port}")
        if self.max_upload_bytes < 1024:
            raise ValueError(f"max_upload_bytes must be at least 1024, not {self.max_upload_bytes}")
        if self.request_timeout_s <= 0:
            raise ValueError(f"request_timeout_s must be positive, not {self.request_timeout_s}")
        if self.token is not None and len(self.token) < _MIN_TOKEN_CHARS:
            raise ValueError(
                f"the token must be at least {_MIN_TOKEN_CHARS} characters so it cannot be guessed; "
                "leave it unset to have one generated"
            )


def resolve_token(settings: WebSettings) -> tuple[str, bool]:
    """The token to require and whether it was generated just now (then the operator must be told it)."""
    if settings.token:
        return settings.token, False
    from_env = os.environ.get(TOKEN_ENV, "").strip()
    if from_env:
        if len(from_env) < _MIN_TOKEN_CHARS:
            raise ValueError(
                f"${TOKEN_ENV} is {len(from_env)} characters; use at least {_MIN_TOKEN_CHARS} "
                "(e.g. python -c 'import secrets; print(secrets.token_urlsafe(24))')"
            )
        return from_env, False
    return secrets.token_urlsafe(24), True
