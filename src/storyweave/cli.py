"""The `storyweave` command: parses arguments, calls the library, shows progress. Nothing else.

Exit codes (documented in the README):
  0  every input was read
  1  some inputs failed (each named on stderr); the rest were processed and stored
  2  usage error (bad option, unknown format)
  3  nothing could be read, or the store could not be opened
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, BinaryIO

import typer
from rich.markup import escape

from storyweave._cli_eval import eval_app
from storyweave._cli_shared import EXIT_NOTHING, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, err, out
from storyweave._progress import RichReporter
from storyweave.briefing import BriefOptions
from storyweave.ingest import ReadOptions
from storyweave.jobs import IngestResult, brief_story, ingest, run_brief
from storyweave.render import render_markdown
from storyweave.store import DEFAULT_STORE_PATH, Store, open_store, sqlite_file
from storyweave.summarize.fusion import FusionSettings

FORMATS = ("md", "html", "json")
DEFAULT_DB = str(DEFAULT_STORE_PATH)

app = typer.Typer(
    help="Cited, per-event briefs from piles of news reports.", no_args_is_help=True, add_completion=False
)
app.add_typer(eval_app, name="eval")

Inputs = Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.")]
DbOption = Annotated[
    str | None, typer.Option("--db", help="SQLite path or postgresql:// URL (default: $STORYWEAVE_DB).")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")]
MaxBytes = Annotated[int, typer.Option("--max-bytes", min=1, help="Skip inputs larger than this.")]
FastAttribution = Annotated[
    bool,
    typer.Option(
        "--fast-attribution",
        help="Find who said what with word features only: many times faster on large corpora, "
        "2-4 F1 points less accurate than the default contextual taggers.",
    ),
]
AllowPrivate = Annotated[
    bool, typer.Option("--allow-private", help="Let URLs reach loopback and private addresses.")
]
Timeout = Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds per URL fetch.")]
MaxFeedItems = Annotated[int, typer.Option("--max-feed-items", min=0, help="Articles read per feed.")]
_DEFAULTS = ReadOptions()


def _default_db(db: str | None) -> str:
    return db or os.environ.get("STORYWEAVE_DB") or DEFAULT_DB


def _open(db: str) -> Store:
    try:
        return open_store(db)
    except Exception as exc:  # the store's own message names the path and the fix
        problem = f"cannot open store {db!r}: {exc}"
        err.print(f"[red]error:[/red] {escape(problem)}", highlight=False)
        raise typer.Exit(EXIT_NOTHING) from exc


def _open_existing(db: str) -> Store:
    """The store a read-only command reads: a SQLite path that does not exist is a typo to report, not an
    empty store to create."""
    path = sqlite_file(db)
    if path is not None and not path.exists():
        err.print(
            f"[red]error:[/red] no store at {escape(repr(str(path)))}; run 'storyweave ingest' or "
            "'storyweave brief' first, or pass --db (or $STORYWEAVE_DB) naming an existing one",
            highlight=False,
        )
        raise typer.Exit(EXIT_NOTHING)
    return _open(db)


def _parse_formats(value: str) -> list[str]:
    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        named = ", ".join(unknown) or repr(value)
        err.print(f"[red]error:[/red] unknown format {escape(named)}; use any of {', '.join(FORMATS)}")
        raise typer.Exit(EXIT_USAGE)
    return formats


def _read_options(max_bytes: int, allow_private: bool, timeout: float, max_feed_items: int) -> ReadOptions:
    return ReadOptions(
        max_bytes=max_bytes, allow_private=allow_private, timeout_s=timeout, max_feed_items=max_feed_items
    )


def _stdin() -> BinaryIO | None:
    """Standard input as bytes, or None where it is closed (cron, daemons): "-" then fails on its own."""
    return sys.stdin.buffer if sys.stdin is not None else None


def _writable_directory(output: Path) -> None:
    """Make ``output`` or say, before any work, why briefs cannot be written there."""
    try:
        output.mkdir(parents=True, exist_ok=True)
        writable = os.access(output, os.W_OK | os.X_OK)
    except OSError as exc:
        problem = exc.strerror or str(exc)
    else:
        problem = None if writable else "permission denied"
    if problem:
        err.print(
            f"[red]error:[/red] cannot write briefs to {escape(repr(str(output)))}: {escape(problem)}; "
            "give -o a directory you can write to",
            highlight=False,
        )
        raise typer.Exit(EXIT_USAGE)


def _exit_code(result: IngestResult) -> int:
    if result.failures and result.read == 0:
        return EXIT_NOTHING
    return EXIT_SOME_FAILED if result.failures else EXIT_OK


def _summary_line(result: IngestResult) -> str:
    parts = [
        f"{result.read} reports read",
        f"{result.added} new",
        f"{result.existing} already stored",
        f"{len(result.stories)} stories",
    ]
    if result.failures:
        parts.append(f"[red]{len(result.failures)} inputs failed[/red]")
    return ", ".join(parts)


def _fusion_settings(endpoint: str | None, model: str | None) -> FusionSettings | None:
    if endpoint is None and model is None:
        return None
    problem = None
    if not endpoint or not model:
        problem = "--fusion-endpoint and --fusion-model go together: name the server and the model to ask"
    elif not endpoint.startswith(("http://", "https://")):
        problem = f"--fusion-endpoint {endpoint!r} must be an http(s) URL, e.g. http://127.0.0.1:8080/v1"
    if problem or not endpoint or not model:
        err.print(f"[red]error:[/red] {escape(str(problem))}", highlight=False)
        raise typer.Exit(EXIT_USAGE)
    return FusionSettings(endpoint=endpoint, model=model)


@app.command()
def brief(
    inputs: Inputs,
    output: Annotated[Path, typer.Option("-o", "--output", help="Directory for the briefs.")] = Path(
        "briefs"
    ),
    format: Annotated[str, typer.Option("--format", help="Comma-separated: md,html,json.")] = "md,html,json",
    words: Annotated[int, typer.Option("--words", min=20, max=2000, help="Summary length in words.")] = 200,
    db: Annotated[str | None, typer.Option("--db", help="Store (default: OUTPUT/storyweave.sqlite).")] = None,
    quiet: QuietOption = False,
    max_bytes: MaxBytes = _DEFAULTS.max_bytes,
    allow_private: AllowPrivate = False,
    timeout: Timeout = _DEFAULTS.timeout_s,
    max_feed_items: MaxFeedItems = _DEFAULTS.max_feed_items,
    fusion_endpoint: Annotated[
        str | None,
        typer.Option(
            "--fusion-endpoint",
            help="Off by default. An OpenAI-compatible API root (http://host:port/v1) whose model "
            "rewrites each summary; sentences their cited sources do not support are dropped. "
            "API key, if needed: $STORYWEAVE_LLM_API_KEY.",
        ),
    ] = None,
    fusion_model: Annotated[
        str | None, typer.Option("--fusion-model", help="The model name to ask at --fusion-endpoint.")
    ] = None,
    fast_attribution: FastAttribution = False,
) -> None:
    """Read everything, fold duplicates, cluster into stories, write one cited brief per story + an index."""
    formats = _parse_formats(format)
    fusion = _fusion_settings(fusion_endpoint, fusion_model)
    _writable_directory(output)
    store = _open(db or str(output / DEFAULT_DB))
    with store, RichReporter(err, quiet=quiet) as reporter:
        result = run_brief(
            store,
            inputs,
            output,
            formats=formats,
            options=BriefOptions(
                words=words, fusion=fusion, contextual_attribution=False if fast_attribution else None
            ),
            read_options=_read_options(max_bytes, allow_private, timeout, max_feed_items),
            stdin=_stdin(),
            reporter=reporter,
        )
    err.print(_summary_line(result) + f"; briefs in {escape(str(output))}/", highlight=False)
    raise typer.Exit(_exit_code(result))


@app.command("ingest")
def ingest_command(
    inputs: Inputs,
    db: DbOption = None,
    quiet: QuietOption = False,
    max_bytes: MaxBytes = _DEFAULTS.max_bytes,
    allow_private: AllowPrivate = False,
    timeout: Timeout = _DEFAULTS.timeout_s,
    max_feed_items: MaxFeedItems = _DEFAULTS.max_feed_items,
) -> None:
    """Add reports to the store and re-cluster it into stories."""
    store = _open(_default_db(db))
    with store, RichReporter(err, quiet=quiet) as reporter:
        result = ingest(
            store,
            inputs,
            read_options=_read_options(max_bytes, allow_private, timeout, max_feed_items),
            stdin=_stdin(),
            reporter=reporter,
        )
    err.print(_summary_line(result), highlight=False)
    raise typer.Exit(_exit_code(result))


@app.command()
def stories(db: DbOption = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List the stories in the store, newest first."""
    with _open_existing(_default_db(db)) as store:
        found = store.stories()
    rows = [
        {
            "id": s.id,
            "title": next((a.title for a in s.articles if a.title), None) or s.articles[0].text[:80],
            "first": s.first_published.isoformat() if s.first_published else None,
            "last": s.last_published.isoformat() if s.last_published else None,
            "reports": len(s.articles) + sum(len(v) for v in s.duplicates.values()),
        }
        for s in found
    ]
    if as_json:
        out.print_json(json.dumps(rows))
        return
    from rich.table import Table

    table = Table("story", "headline", "dates", "reports")
    for r in rows:
        dates = " – ".join(dict.fromkeys(d for d in (r["first"], r["last"]) if d)) or "undated"
        table.add_row(escape(r["id"]), escape(r["title"] or ""), dates, str(r["reports"]))
    out.print(table)


@app.command()
def show(
    story: Annotated[str, typer.Argument(help="Story id (or a unique prefix), from `storyweave stories`.")],
    db: DbOption = None,
    words: Annotated[int, typer.Option("--words", min=20, max=2000)] = 200,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Print one story's brief."""
    with _open_existing(_default_db(db)) as store:
        found = store.get_story(story) or _by_prefix(store, story)
        made = brief_story(store, found, BriefOptions(words=words))
    if as_json:
        from storyweave.render import brief_to_dict

        out.print_json(json.dumps(brief_to_dict(made), ensure_ascii=False))
    else:
        out.print(render_markdown(made), markup=False, highlight=False)


def _by_prefix(store: Store, prefix: str):
    matches = [s for s in store.stories() if s.id.startswith(prefix)]
    if len(matches) != 1:
        reason = "no story" if not matches else f"{len(matches)} stories"
        problem = f"{reason} with id {prefix!r}; list them with `storyweave stories`"
        err.print(f"[red]error:[/red] {escape(problem)}")
        raise typer.Exit(EXIT_USAGE)
    return matches[0]


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    protect_reads: Annotated[
        bool, typer.Option("--protect-reads", help="Require the token for reading too, not only writing.")
    ] = False,
) -> None:
    """HTTP API + web UI over the store. Writes need $STORYWEAVE_TOKEN (or the token printed at start)."""
    from storyweave.web import WebSettings, resolve_token
    from storyweave.web import serve as run_server

    settings = WebSettings(db=_default_db(db), host=host, port=port, open_reads=not protect_reads)
    try:
        resolve_token(settings)  # a weak $STORYWEAVE_TOKEN is refused here, in one line
    except ValueError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from None
    run_server(settings)


@app.command()
def spark(
    inputs: Annotated[
        list[str], typer.Argument(help="JSON Lines, Parquet or WARC inputs, then the OUTPUT dir.")
    ],
    master: Annotated[str, typer.Option("--master", help="Spark master URL.")] = "local[2]",
    clusterer: Annotated[str | None, typer.Option("--clusterer")] = None,
    words: Annotated[int, typer.Option("--words", min=20, max=2000)] = 200,
    no_briefs: Annotated[bool, typer.Option("--no-briefs", help="Stories only.")] = False,
    allow_private: AllowPrivate = False,
    fast_attribution: FastAttribution = False,
) -> None:
    """The pipeline as a Spark job: stories and briefs as Parquet and JSON Lines under OUTPUT."""
    if len(inputs) < 2:
        err.print("[red]error:[/red] give at least one INPUT and then the OUTPUT directory")
        raise typer.Exit(EXIT_USAGE)
    from storyweave.distributed import SparkOptions, run_spark

    options = SparkOptions(
        master=master,
        clusterer=clusterer,
        briefs=not no_briefs,
        brief=BriefOptions(words=words, contextual_attribution=False if fast_attribution else None),
        read=ReadOptions(allow_private=allow_private),
    )
    result = run_spark(inputs[:-1], inputs[-1], options)
    err.print(
        f"{result.articles} reports, {result.stories} stories, {result.failures} inputs failed "
        f"→ {result.output}",
        highlight=False,
    )
    raise typer.Exit(EXIT_SOME_FAILED if result.failures else EXIT_OK)


def main() -> None:  # pragma: no cover - console entry point
    app()
