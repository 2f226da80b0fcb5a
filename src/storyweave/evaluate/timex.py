"""``storyweave eval timex``: the temporal-expression contract (see DESIGN.md, "Evaluation contracts").

Reads JSON Lines ``{"id", "text", "published": "YYYY-MM-DD"}`` and writes one
``{"id", "timexes": [{"start", "end", "type", "value"}]}`` line per input line, in the same order, with
character offsets into ``text``, so ``shared/bench/score.py timex`` can score it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from storyweave.evaluate._records import parse_published, read_records, write_records
from storyweave.text.timex import find_timexes

__all__ = ["run", "timexes_record"]


def timexes_record(record_id: Any, text: str, published: date | None) -> dict[str, Any]:
    """The output line for one input record."""
    found = find_timexes(text, published)
    return {
        "id": record_id,
        "timexes": [{"start": t.start, "end": t.end, "type": t.type, "value": t.value} for t in found],
    }


def run(input_path: str | Path, output_path: str | Path) -> int:
    """Resolve the temporal expressions of every input record and write them; returns the line count.

    Raises ValueError naming ``path:line`` for a line that is not a JSON object with ``id`` and a string
    ``text``, or whose ``published`` is not a date, before anything is written.
    """
    records = [
        (r["id"], r["text"], parse_published(r.get("published"), where))
        for where, r in read_records(input_path, strings=("text",))
    ]
    return write_records(output_path, (timexes_record(*record) for record in records))
