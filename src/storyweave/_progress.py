"""Rich progress bars for jobs: counts and rates on stderr, failures printed above the bars."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)

from storyweave.model import InputFailure

__all__ = ["RichReporter"]


class _RateColumn(TextColumn):
    """Items per second, which a bare spinner cannot show for streamed input of unknown size."""

    def __init__(self) -> None:
        super().__init__("")

    def render(self, task):  # type: ignore[override]
        speed = task.finished_speed or task.speed
        return super().render(task) if speed is None else f"{speed:,.0f}/s"


class RichReporter:
    """Implements ``storyweave.jobs.Reporter``; with ``quiet`` only failures are printed."""

    def __init__(self, console: Console, quiet: bool = False) -> None:
        self._console = console
        self._quiet = quiet
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description:<12}"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            _RateColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=False,
            disable=quiet,
        )
        self._tasks: dict[str, TaskID] = {}

    def __enter__(self) -> RichReporter:
        self._progress.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._progress.stop()

    def start(self, task: str, total: int | None = None) -> None:
        self._tasks[task] = self._progress.add_task(task, total=total)

    def advance(self, task: str, amount: int = 1) -> None:
        self._progress.advance(self._tasks[task], amount)

    def finish(self, task: str) -> None:
        done = self._progress.tasks[self._tasks[task]].completed
        self._progress.update(self._tasks[task], total=done, completed=done)

    def failure(self, failure: InputFailure) -> None:
        self._console.print(
            f"[red]skipped[/red] {escape(failure.origin)}: {escape(failure.reason)}", highlight=False
        )
