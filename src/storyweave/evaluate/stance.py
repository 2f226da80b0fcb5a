"""``storyweave eval stance``: the stance evaluation contract (see DESIGN.md, "Evaluation contracts").

Reads JSON Lines ``{"id", "claimHeadline", "articleHeadline"}`` and writes one ``{"id", "stance"}`` line
per input line, in the same order, so ``shared/bench/score.py stance`` can score it.
"""

from __future__ import annotations

from pathlib import Path

from storyweave.claims.stance import predict_stance
from storyweave.evaluate._records import read_records, write_records

__all__ = ["run"]


def run(input_path: str | Path, output_path: str | Path) -> int:
    """Predict the stance of every input line and write ``{"id", "stance"}``; returns the line count.

    Raises ValueError naming ``path:line`` for a line that is not a JSON object with ``id`` and string
    ``claimHeadline`` and ``articleHeadline``, before anything is written.
    """
    records = read_records(input_path, strings=("claimHeadline", "articleHeadline"))
    return write_records(
        output_path,
        (
            {"id": r["id"], "stance": predict_stance(r["claimHeadline"], r["articleHeadline"])}
            for _, r in records
        ),
    )
