"""Story clustering benchmark, held-out-halves protocol in both directions, all clusterers in one run.

Each dataset is split in two fixed halves (see _datasets.py): ECB+ dev by alternate topics (gold keys
``event`` and, coarser, ``topic``), Clust-McMs dev by a hash of the story label (key ``story``). In each
direction one half tunes and the other is reported:

- ``online``: the join model is trained and its thresholds chosen on the tuning halves
  (train_join_model.train); reports are assigned one by one in arrival order;
- ``tfidf-time`` (batch) and ``tfidf-agglomerative`` (the TF-IDF + average-link baseline): the cosine
  threshold is chosen on the tuning halves (mean of ECB+ event and Clust-McMs F1) from a fixed grid.

The direction "tune on the tuning halves" is the one the committed artefacts follow; the reverse direction
checks that the ranking does not hinge on one split. Scores are the reference scorer's B-cubed F1
(shared/bench/score.py, called in-process). ECB+ ``topic`` is scored on the same labels as ``event`` (one
clustering, two granularities of gold), so it cannot be high for both at once.

    python benchmarks/cluster/run.py [--shared ../shared]

Prints a Markdown table ready for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from types import ModuleType

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _datasets import articles, load_scorer
from train_join_model import Stream, load_streams, train

from storyweave.cluster import TfidfAgglomerative, TfidfTimeClusterer
from storyweave.cluster._online import OnlineClusterer

REPO = Path(__file__).resolve().parents[2]
HALVES = {
    "tuning": ("ECB+ dev, tuning half", "Clust-McMs dev, tuning half"),
    "held-out": ("ECB+ dev, held-out half", "Clust-McMs dev, held-out half"),
}
THRESHOLDS = tuple(round(x, 2) for x in np.arange(0.08, 0.42, 0.02))
BATCH = {"tfidf-time": TfidfTimeClusterer, "tfidf-agglomerative": TfidfAgglomerative}


def _scores(labels: list[int], stream: Stream, scorer: ModuleType) -> list[float]:
    """F1 on every gold key of the stream (ECB+: event, topic; Clust-McMs: story)."""
    _, key, records, _ = stream
    pred = {str(r["id"]): {"story": label} for r, label in zip(records, labels, strict=True)}
    gold = {str(r["id"]): r for r in records}
    return [scorer.bcubed(pred, gold, k)["F1"] for k in (["event", "topic"] if key == "event" else [key])]


def _online(model, streams: list[Stream], scorer: ModuleType) -> list[float]:
    result = []
    for stream in streams:
        clusterer = OnlineClusterer(model=model)
        raw = [clusterer.add_features(report).label for report in stream[3]]
        result += _scores([clusterer.story_of(label) for label in raw], stream, scorer)
    return result


def _batch(factory, threshold: float, streams: list[Stream], scorer: ModuleType) -> list[float]:
    result = []
    for stream in streams:
        result += _scores(factory(threshold=threshold).fit_predict(articles(stream[2])), stream, scorer)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared/ folder")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.shared)
    streams = {half: load_streams(args.shared, names) for half, names in HALVES.items()}
    print(
        "| tuned on → reported on | system (setting chosen on the tuning side) | ECB+ event | ECB+ topic "
        "| Clust-McMs story |"
    )
    print("|---|---|---|---|---|")
    for tune, test in (("tuning", "held-out"), ("held-out", "tuning")):
        model = train(streams[tune], scorer)
        rows = {
            f"online (join {model.join_threshold}, merge {model.merge_threshold})": _online(
                model, streams[test], scorer
            )
        }
        for name, factory in BATCH.items():
            tuned = {t: _batch(factory, t, streams[tune], scorer) for t in THRESHOLDS}
            best = max(THRESHOLDS, key=lambda t: (tuned[t][0] + tuned[t][2], -t))
            rows[f"{name} (threshold {best})"] = _batch(factory, best, streams[test], scorer)
        for system, (event, topic, story) in rows.items():
            print(f"| {tune} → {test} | {system} | {event:.4f} | {topic:.4f} | {story:.4f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
