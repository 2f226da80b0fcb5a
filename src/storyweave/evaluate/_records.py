"""JSON Lines in and out for every evaluation contract: one validator, one error style.

A contract input with a bad line stops the run before anything is written, naming ``path:line``: a
benchmark that silently skipped records would report a figure for a different data set.

A well-formed line whose strings hold a lone surrogate (JSON ``"\\ud800"``) is valid JSON but not Unicode
text: no stage can encode it. A contract that opts in (``skipped=``) leaves that line out, writes the
others, then raises ``SkippedLines`` naming each one, so the run is never silently partial: the command
reports every skipped line and exits non-zero. The others stop on it like on any bad line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

__all__ = ["Record", "SkippedLines", "parse_published", "read_records", "write_records"]

Record = tuple[str, dict[str, Any]]
"""(``path:line`` for messages, the parsed object)."""

_SURROGATE = re.compile("[\ud800-\udfff]")


class SkippedLines(ValueError):
    """Raised after the output was written, when some input lines had to be left out (each one named)."""

    def __init__(self, written: int, lines: Sequence[str]) -> None:
        super().__init__("; ".join(lines))
        self.written = written
        self.lines = tuple(lines)


def _lone_surrogate(record: Any, where: str) -> str | None:
    """``path:line: ...`` when a string anywhere in ``record`` holds a lone surrogate."""
    found = _SURROGATE.search(json.dumps(record, ensure_ascii=False))
    if found is None:
        return None
    return f"{where}: holds a lone surrogate (\\u{ord(found.group()):04x}), which is not Unicode text"


def _describe(strings: Sequence[str], string_lists: Sequence[str]) -> str:
    wanted = (
        ['"id"']
        + [f'a string "{k}"' for k in strings]
        + [f'"{k}" as a list of strings' for k in string_lists]
    )
    return ", ".join(wanted[:-1]) + " and " + wanted[-1] if len(wanted) > 1 else wanted[0]


def read_records(
    input_path: str | Path,
    *,
    strings: Sequence[str] = (),
    string_lists: Sequence[str] = (),
    skipped: list[str] | None = None,
) -> list[Record]:
    """Every non-blank line as a JSON object with a unique ``id`` and the named fields of the named types.

    A line holding a lone surrogate is appended to ``skipped`` (its ``path:line`` message) and left out
    when ``skipped`` is given, and raises ValueError like any bad line otherwise.
    """
    path = Path(input_path)
    records: list[Record] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(
                    f"{where}: not valid JSON ({error.msg}); expected one object per line"
                ) from None
            valid = (
                isinstance(record, dict)
                and "id" in record
                and all(isinstance(record.get(k), str) for k in strings)
                and all(
                    isinstance(record.get(k), list) and all(isinstance(v, str) for v in record[k])
                    for k in string_lists
                )
            )
            if not valid:
                raise ValueError(f"{where}: expected an object with {_describe(strings, string_lists)}")
            surrogate = _lone_surrogate(record, where)
            if surrogate is not None:
                if skipped is None:
                    raise ValueError(surrogate)
                skipped.append(f"{surrogate}; skipped")
                continue
            key = str(record["id"])
            if key in seen:
                raise ValueError(f"{where}: id {record['id']!r} appears twice; ids must be unique")
            seen.add(key)
            records.append((where, record))
    return records


def parse_published(value: Any, where: str) -> date | None:
    """A ``published`` field as a date; a timestamp counts by its day; missing means unknown."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f'{where}: "published" must be a string YYYY-MM-DD, got {value!r}')
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError(f'{where}: "published" is not a date YYYY-MM-DD: {value!r}') from None


def write_records(
    output_path: str | Path, records: Iterable[dict[str, Any]], skipped: Sequence[str] = ()
) -> int:
    """Write one JSON object a line; returns how many were written.

    Raises ``SkippedLines`` after writing when ``skipped`` names input lines that were left out.
    """
    written = 0
    with Path(output_path).open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    if skipped:
        raise SkippedLines(written, skipped)
    return written
