"""``storyweave eval attribution``: the attribution evaluation contract (see DESIGN.md).

Reads JSON Lines ``{"id", "text"}`` and writes, per input line and in the same order,
``{"id", "attributions": [{"source": [s, e] or null, "cue": [s, e], "content": [s, e], "hedge"?,
"certainty"}]}`` with character offsets into ``text``, so ``shared/bench/score.py attribution`` can score
it. ``hedge`` (the hedge or denial words, joined by "; ") appears only when there are some; ``certainty``
is an extra key the scorer ignores.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storyweave.claims.attribution import find_attributions
from storyweave.evaluate._records import read_records, write_records
from storyweave.model import Attribution

__all__ = ["attribution_record", "read_texts", "run"]


def read_texts(input_path: str | Path, skipped: list[str] | None = None) -> list[tuple[Any, str]]:
    """(id as given, text) per record. Raises ValueError naming ``path:line`` for a malformed line; a line
    holding a lone surrogate goes to ``skipped`` instead when it is given (see ``_records``)."""
    return [(r["id"], r["text"]) for _, r in read_records(input_path, strings=("text",), skipped=skipped)]


def attribution_record(attribution: Attribution) -> dict[str, Any]:
    """One attribution in the contract's shape."""
    source = attribution.source
    row: dict[str, Any] = {
        "source": [source.start, source.end] if source else None,
        "cue": [attribution.cue.start, attribution.cue.end],
        "content": [attribution.content.start, attribution.content.end],
        "certainty": attribution.certainty,
    }
    if attribution.hedges:
        row["hedge"] = "; ".join(attribution.hedges)
    return row


def _polnear_style(text: str, key: str) -> list[Attribution]:
    """The contract follows PolNeAR's convention: nested attributions only where the tagger is sure."""
    return find_attributions(text, key, nested=False)


def run(input_path: str | Path, output_path: str | Path) -> int:
    """Find attributions in every input text and write one output line per input; returns the count.

    The whole input is validated before anything is written, so a bad line leaves no partial output; a
    line holding a lone surrogate is left out and named in the ``SkippedLines`` raised after writing.
    """
    skipped: list[str] = []
    records = read_texts(input_path, skipped)
    return write_records(
        output_path,
        (
            {"id": key, "attributions": [attribution_record(a) for a in _polnear_style(text, str(key))]}
            for key, text in records
        ),
        skipped,
    )
