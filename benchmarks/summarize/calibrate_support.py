"""Show cross-document sentence pairs of Multi-News val by cosine band, to set the support threshold.

For sampled groups, each candidate sentence is paired with its most similar sentence in another document;
pairs are bucketed by TF-IDF cosine and a few from each band are printed for a person to judge ("same
fact, reworded" or not). Also prints how many candidates would gain a supporting document at each band.

    python benchmarks/summarize/calibrate_support.py --groups 200 --per-band 6
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

from storyweave.summarize._group import build_group
from storyweave.summarize._support import numbers_agree

sys.path.insert(0, str(Path(__file__).parent))
from tune import sample_val  # the same seeded val sample as the weight sweep

BANDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.8)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--per-band", type=int, default=6)
    args = parser.parse_args()
    pairs: dict[float, list[tuple[float, str, str]]] = {band: [] for band in BANDS}
    for row in sample_val(args.groups, seed=29):
        group = build_group(row["documents"])
        if group.n_documents < 2 or not group.candidate_rows.size:
            continue
        similarity = group.similarity.copy()
        own = group.document[group.candidate_rows][:, None] == group.document[None, :]
        similarity[own] = -1.0
        best = similarity.argmax(axis=1)
        for index, row_index in enumerate(group.candidate_rows):
            cosine = float(similarity[index, best[index]])
            band = max((b for b in BANDS if cosine >= b), default=None)
            if band is not None:
                pairs[band].append((cosine, group.texts[row_index], group.texts[best[index]]))
    rng = random.Random(7)
    for band in BANDS:
        found = pairs[band]
        upper = BANDS[BANDS.index(band) + 1] if band != BANDS[-1] else 1.0
        agreeing = sum(numbers_agree(a, b) for _, a, b in found)
        print(f"\n=== cosine in [{band}, {upper}): {len(found)} pairs, numbers agree in {agreeing}")
        for cosine, first, second in rng.sample(found, min(args.per_band, len(found))):
            print(f"  {cosine:.2f} A: {first[:220]}\n       B: {second[:220]}")
    print(
        "\ncandidates with a cross-document match at or above each band:",
        np.cumsum([len(pairs[b]) for b in reversed(BANDS)])[::-1].tolist(),
    )


if __name__ == "__main__":
    main()
