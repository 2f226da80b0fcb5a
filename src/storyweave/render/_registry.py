"""Output formats by name, so a new format (PDF, EPUB, a feed) plugs in without touching the writer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from storyweave.model import Brief


@dataclass(frozen=True, slots=True)
class IndexRow:
    """One story on an index page: the brief and the file name its page was written under.

    ``file_name`` is relative to the index, so the output folder can be moved or served as-is.
    """

    brief: Brief
    file_name: str


@dataclass(frozen=True, slots=True)
class OutputFormat:
    """How to write briefs in one format: a page per brief and an index page over all of them."""

    name: str
    extension: str
    render_brief: Callable[[Brief], str]
    render_index: Callable[[Sequence[IndexRow]], str]


_FORMATS: dict[str, OutputFormat] = {}


def register_format(output_format: OutputFormat, *, replace: bool = False) -> None:
    """Make ``output_format`` available to :func:`write_briefs` under its name.

    Re-registering a name is refused unless ``replace`` is set, so two plugins cannot silently shadow
    each other.
    """
    name = output_format.name
    if not name or not name.isascii() or not name.replace("_", "").isalnum() or name != name.lower():
        raise ValueError(f"output format name {name!r} must be lower-case ASCII letters, digits or '_'")
    if not output_format.extension.isalnum():
        raise ValueError(
            f"output format {name!r} has extension {output_format.extension!r}; "
            "use letters and digits only, without the dot"
        )
    if name in _FORMATS and not replace:
        raise ValueError(f"output format {name!r} is already registered; pass replace=True to override it")
    _FORMATS[name] = output_format


def available_formats() -> tuple[str, ...]:
    return tuple(sorted(_FORMATS))


def get_format(name: str) -> OutputFormat:
    """The registered format called ``name``; an unknown name is a user error naming the known ones."""
    try:
        return _FORMATS[name]
    except KeyError:
        known = ", ".join(available_formats())
        raise ValueError(f"unknown output format {name!r}; known formats: {known}") from None
