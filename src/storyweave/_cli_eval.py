"""`storyweave eval ...`: the evaluation contracts of DESIGN.md, JSON Lines in and out, one command each.

Thin like the rest of the command: each calls ``storyweave.evaluate.<name>.run`` and turns its errors into
one line on stderr and an exit code.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Annotated

import typer

from storyweave._cli_shared import EXIT_SOME_FAILED, EXIT_USAGE, err

__all__ = ["eval_app"]

eval_app = typer.Typer(help="Evaluation contracts (JSON Lines in, JSON Lines out); see DESIGN.md.")


def _run_eval(run: Callable[[], int], input: Path) -> int:
    """Run one evaluation contract; a bad input line is one line on stderr and exit code 1, no traceback.

    Lines the contract left out (``SkippedLines``, raised after the rest was written) are each named, the
    count written is reported, and the exit code is 1 too, so a partial output is never taken as whole.
    """
    from storyweave.evaluate._records import SkippedLines

    try:
        return run()
    except SkippedLines as skipped:
        for line in skipped.lines:
            err.print(f"error: {line}", highlight=False, markup=False)
        err.print(f"{skipped.written} records written, {len(skipped.lines)} lines skipped", highlight=False)
        raise typer.Exit(EXIT_SOME_FAILED) from None
    except UnicodeDecodeError as error:
        err.print(
            f"error: {input}: byte {error.start} is not UTF-8; eval inputs are JSON Lines in UTF-8",
            highlight=False,
            markup=False,
        )
        raise typer.Exit(EXIT_SOME_FAILED) from None
    except ValueError as error:
        err.print(f"error: {error}", highlight=False, markup=False)
        raise typer.Exit(EXIT_SOME_FAILED) from None
    except OSError as error:  # --output is a directory, or its folder does not exist
        err.print(
            f"error: cannot write {error.filename or 'the output'}: {error.strerror or error}",
            highlight=False,
            markup=False,
        )
        raise typer.Exit(EXIT_USAGE) from None


@eval_app.command("summarize")
def eval_summarize(
    input: Annotated[Path, typer.Option("--input", exists=True, dir_okay=False)],
    output: Annotated[Path, typer.Option("--output")],
    words: Annotated[int, typer.Option("--words", min=1)] = 200,
    ranker: Annotated[str | None, typer.Option("--ranker")] = None,
) -> None:
    """{"id","documents"} lines in → {"id","summary","sentences":[{"text","sources"}]} lines out."""
    from storyweave.evaluate.summarize import run

    count = _run_eval(lambda: run(input, output, words=words, ranker=ranker), input)
    err.print(f"{count} groups summarised → {output}", highlight=False, markup=False)


@eval_app.command("cluster")
def eval_cluster(
    input: Annotated[Path, typer.Option("--input", exists=True, dir_okay=False)],
    output: Annotated[Path, typer.Option("--output")],
    clusterer: Annotated[str | None, typer.Option("--clusterer")] = None,
) -> None:
    """{"id","text","title"?,"published"?} lines in stream order → {"id","story"} lines out."""
    from storyweave.evaluate.cluster import run

    count = _run_eval(lambda: run(input, output, clusterer=clusterer), input)
    err.print(f"{count} reports clustered → {output}", highlight=False, markup=False)


_PLAIN_CONTRACTS = {
    "timex": '{"id","text","published"} lines in → {"id","timexes":[{"start","end","type","value"}]} out.',
    "stance": '{"id","claimHeadline","articleHeadline"} lines in → {"id","stance"} lines out.',
    "attribution": '{"id","text"} lines in → {"id","attributions":[{"source","cue","content"}]} out.',
    "claims": '{"id","text","published"?} lines in → {"id","claims","entities","quantities"} lines out.',
}


def _add_plain_contract(name: str, doc: str) -> None:
    """Contracts with no options beyond input and output share one command shape."""

    def command(
        input: Annotated[Path, typer.Option("--input", exists=True, dir_okay=False)],
        output: Annotated[Path, typer.Option("--output")],
    ) -> None:
        run = import_module(f"storyweave.evaluate.{name}").run
        count = _run_eval(lambda: run(input, output), input)
        err.print(f"{count} records → {output}", highlight=False, markup=False)

    command.__doc__ = doc
    eval_app.command(name)(command)


for _name, _doc in _PLAIN_CONTRACTS.items():
    _add_plain_contract(_name, _doc)
