"""The labelled clustering sets and their fixed tuning / held-out halves, shared by the cluster scripts.

ECB+ dev: alternate topics in sorted order (tuning = topics 1, 5, 9, ...). Clust-McMs dev: the parity of
the SHA-1 of the story label, so a story never straddles the halves. Records are kept in file order (the
stream order of undated reports); only ``text``, ``title`` and ``published`` reach a clusterer.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from datetime import date
from pathlib import Path
from types import ModuleType

from storyweave.model import Article

__all__ = ["Split", "articles", "load_scorer", "splits"]

Split = tuple[str, list[str], list[dict]]
"""(name, gold keys, records)."""


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _mcms_in_tuning_half(record: dict) -> bool:
    return int(hashlib.sha1(str(record["story"]).encode("utf-8")).hexdigest(), 16) % 2 == 0


def splits(shared: Path, halves_only: bool = False) -> list[Split]:
    """Every dataset whole and in halves; ``halves_only`` leaves out the wholes."""
    ecb = _read_jsonl(shared / "data" / "ecbplus" / "dev.jsonl")
    tuning_topics = set(sorted({r["topic"] for r in ecb})[::2])
    mcms = _read_jsonl(shared / "data" / "clust_mcms" / "dev.jsonl")
    ecb_keys, mcms_keys = ["event", "topic"], ["story"]
    result = [
        ("ECB+ dev, all", ecb_keys, ecb),
        ("ECB+ dev, tuning half", ecb_keys, [r for r in ecb if r["topic"] in tuning_topics]),
        ("ECB+ dev, held-out half", ecb_keys, [r for r in ecb if r["topic"] not in tuning_topics]),
        ("Clust-McMs dev, all", mcms_keys, mcms),
        ("Clust-McMs dev, tuning half", mcms_keys, [r for r in mcms if _mcms_in_tuning_half(r)]),
        ("Clust-McMs dev, held-out half", mcms_keys, [r for r in mcms if not _mcms_in_tuning_half(r)]),
    ]
    return [s for s in result if not (halves_only and s[0].endswith(", all"))]


def articles(records: list[dict]) -> list[Article]:
    """What a clusterer may see of each record: text, title, publication date; never the id or labels."""
    return [
        Article(
            id=str(k),
            text=r["text"],
            origin="benchmark",
            title=r.get("title"),
            published=date.fromisoformat(r["published"][:10]) if r.get("published") else None,
        )
        for k, r in enumerate(records)
    ]


def load_scorer(shared: Path) -> ModuleType:
    """The reference scorer (shared/bench/score.py) as a module, to call its ``bcubed`` in-process."""
    spec = importlib.util.spec_from_file_location("reference_score", shared / "bench" / "score.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"reference scorer not found under {shared / 'bench'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
