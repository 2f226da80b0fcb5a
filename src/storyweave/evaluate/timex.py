"""``storyweave eval timex``: the temporal-expression contract (see DESIGN.md, "Evaluation contracts").

Reads JSON Lines ``{"id", "text", "published": "YYYY-MM-DD"}`` and writes one
``{"id", "timexes": [{"start", "end", "type", "value"}]}`` line per input line, in the same order, with
character offsets into ``text``, so ``shared/bench/score.py timex`` can score it.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from storyweave.text.timex import find_timexes

__all__ = ["run", "timexes_record"]


def _published(value: Any, where: str) -> date | None:
    """The anchor date; a timestamp ("2000-01-24T19:48") counts by its day. Missing means no anchor."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f'{where}: "published" must be a string YYYY-MM-DD, got {value!r}')
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError(f'{where}: "published" is not a date YYYY-MM-DD: {value!r}') from None


def timexes_record(record_id: Any, text: str, published: date | None) -> dict[str, Any]:
    """The output line for one input record."""
    found = find_timexes(text, published)
    return {
        "id": record_id,
        "timexes": [{"start": t.start, "end": t.end, "type": t.type, "value": t.value} for t in found],
    }


def run(input_path: str | Path, output_path: str | Path) -> int:
    """Resolve the temporal expressions of every input record and write them; returns the exit code 0.

    Raises ValueError naming ``path:line`` for a line that is not a JSON object with ``id`` and a string
    ``text``, or whose ``published`` is not a date, before anything is written.
    """
    path = Path(input_path)
    records: list[tuple[Any, str, date | None]] = []
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
            if not isinstance(record, dict) or "id" not in record or not isinstance(record.get("text"), str):
                raise ValueError(f'{where}: expected an object with "id" and a string "text"')
            records.append((record["id"], record["text"], _published(record.get("published"), where)))
    with Path(output_path).open("w", encoding="utf-8") as out:
        for record_id, text, published in records:
            out.write(json.dumps(timexes_record(record_id, text, published), ensure_ascii=False) + "\n")
    return 0
