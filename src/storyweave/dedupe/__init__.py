"""Near-duplicate folding: one report per group of syndicated or lightly edited copies.

Uses MinHash LSH (datasketch), so tens of thousands of articles fold without comparing every pair.
"""

from storyweave.dedupe._minhash import fold_duplicates

__all__ = ["fold_duplicates"]
