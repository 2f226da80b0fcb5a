"""The newsroom web app and HTTP API: stories, cited briefs with their source passages, ingest jobs.

    from storyweave.web import WebSettings, create_app, serve
    serve(WebSettings(db="postgresql://news@db/storyweave"))     # what `storyweave serve` runs
    app = create_app(WebSettings(db="news.sqlite"))               # or mount/test the ASGI app yourself

A thin layer over the library: pages and JSON endpoints call the store, ``jobs.ingest`` and
``briefing.build_brief``; no pipeline logic lives here. Writes need a token; all report text is untrusted.
"""

from storyweave.web._app import create_app, serve
from storyweave.web._settings import TOKEN_ENV, WebSettings, resolve_token

__all__ = ["TOKEN_ENV", "WebSettings", "create_app", "resolve_token", "serve"]
