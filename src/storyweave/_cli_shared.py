"""What every part of the `storyweave` command shares: its exit codes and its consoles."""

from __future__ import annotations

from rich.console import Console

__all__ = ["EXIT_NOTHING", "EXIT_OK", "EXIT_SOME_FAILED", "EXIT_USAGE", "err", "out"]

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_NOTHING = 0, 1, 2, 3

# soft_wrap: a failure line names a path; wrapping it would break copy-paste and grep.
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)
