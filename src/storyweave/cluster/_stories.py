"""From labels to stories: the entry point the pipeline calls."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from storyweave.cluster._clusterers import BATCH_CLUSTERER
from storyweave.cluster._protocol import Clusterer, get_clusterer
from storyweave.model import Article

__all__ = ["DEFAULT_CLUSTERER", "cluster_articles"]

DEFAULT_CLUSTERER = BATCH_CLUSTERER
"""What ``cluster_articles(articles)`` uses: the batch time-aware clusterer. On the held-out halves, in
both directions of the protocol, the online clusterer is behind on ECB+ events (0.836 vs 0.872, 0.889 vs
0.940) and mixed on Clust-McMs (0.865 vs 0.836, 0.885 vs 0.900; BENCHMARKS.md), so it becomes the
default only once it matches the batch clusterer on held-out data."""


def _resolve(clusterer: str | Clusterer | None) -> Clusterer:
    if clusterer is None:
        return get_clusterer(DEFAULT_CLUSTERER)
    if isinstance(clusterer, str):
        return get_clusterer(clusterer)
    if isinstance(clusterer, Clusterer):
        return clusterer
    raise TypeError(f"clusterer must be a registered name or have fit_predict(articles); got {clusterer!r}")


def cluster_articles(
    articles: Sequence[Article], clusterer: str | Clusterer | None = None
) -> list[list[Article]]:
    """Group articles into stories; every article lands in exactly one story.

    Stories come largest first (the ones most worth a brief), then the most recently updated (latest
    known publication date; undated after dated), then in order of their first article in the input.
    Inside a story, articles keep their input order. ``clusterer`` is a registered name (see
    ``available_clusterers()``), any object with ``fit_predict``, or None for the default.
    """
    model = _resolve(clusterer)
    labels = model.fit_predict(articles)
    if len(labels) != len(articles):
        raise RuntimeError(
            f"clusterer {getattr(model, 'name', model)!r} returned {len(labels)} labels "
            f"for {len(articles)} articles; fit_predict must return one label per article"
        )
    groups: dict[int, list[Article]] = {}
    for article, label in zip(articles, labels, strict=True):
        groups.setdefault(label, []).append(article)
    first_seen = {label: rank for rank, label in enumerate(groups)}

    def order(label: int) -> tuple[int, bool, int, int]:
        dates = [a.published for a in groups[label] if a.published]
        latest = max(dates) if dates else None
        return (-len(groups[label]), latest is None, -(latest or date.min).toordinal(), first_seen[label])

    return [groups[label] for label in sorted(groups, key=order)]
