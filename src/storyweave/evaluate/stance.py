"""``storyweave eval stance``: the stance evaluation contract (see DESIGN.md, "Evaluation contracts").

Reads JSON Lines ``{"id", "claimHeadline", "articleHeadline"}`` and writes one ``{"id", "stance"}`` line
per input line, in the same order, so ``shared/bench/score.py stance`` can score it.
"""

from __future__ import annotations

import json
from pathlib import Path

from storyweave.claims.stance import predict_stance

__all__ = ["run"]


def run(input_path: str | Path, output_path: str | Path) -> int:
    """Predict the stance of every input line and write ``{"id", "stance"}``; returns the exit code 0.

    Raises ValueError naming ``path:line`` for a line that is not a JSON object with ``id`` and string
    ``claimHeadline`` and ``articleHeadline``, before anything is written.
    """
    path = Path(input_path)
    results = []
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
            if (
                not isinstance(record, dict)
                or "id" not in record
                or not isinstance(record.get("claimHeadline"), str)
                or not isinstance(record.get("articleHeadline"), str)
            ):
                raise ValueError(
                    f'{where}: expected an object with "id", "claimHeadline" and "articleHeadline"'
                )
            if str(record["id"]) in seen:
                raise ValueError(f"{where}: id {record['id']!r} appears twice; ids must be unique")
            seen.add(str(record["id"]))
            results.append(
                {
                    "id": record["id"],
                    "stance": predict_stance(record["claimHeadline"], record["articleHeadline"]),
                }
            )
    with Path(output_path).open("w", encoding="utf-8") as out:
        for result in results:
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0
