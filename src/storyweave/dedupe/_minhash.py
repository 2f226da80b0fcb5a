"""MinHash signatures over word shingles, and the LSH index that finds near-copies without pairwise work."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from datetime import date

from datasketch import MinHash, MinHashLSH

from storyweave.model import Article
from storyweave.text.tokens import words

__all__ = ["fold_duplicates"]

SHINGLE_WORDS = 3
"""Three-word shingles: long enough that two different reports on one event rarely share many, short enough
that a copy with a changed byline, dateline or a trimmed last paragraph still shares most of its shingles."""

NUM_PERM = 128
"""Permutations per signature: the Jaccard estimate's standard error is about 0.03 at 0.8, enough to tell
syndicated copies (0.9+) from rewrites of the same wire story (usually well under 0.6)."""


_TEMPLATE = MinHash(num_perm=NUM_PERM)
_PERMUTATIONS, _SCHEME = _TEMPLATE.permutations, _TEMPLATE.scheme
"""Drawn once: every signature must use the same permutations, and drawing them per article costs more
than hashing the article."""


def _identity(value: int) -> int:
    return value


def _shingle_hashes(text: str) -> set[int]:
    """32-bit CRC of each distinct shingle: C-speed, deterministic across runs (unlike ``hash``)."""
    tokens = words(text)
    if len(tokens) < SHINGLE_WORDS:
        # A very short text is its own single shingle, so two identical captions still fold.
        return {zlib.crc32(" ".join(tokens).encode("utf-8"))} if tokens else set()
    return {
        zlib.crc32(" ".join(tokens[i : i + SHINGLE_WORDS]).encode("utf-8"))
        for i in range(len(tokens) - SHINGLE_WORDS + 1)
    }


def _representative_order(article: Article, position: int) -> tuple[bool, date, int, int]:
    """Sort key: dated before undated, then earliest, then longest, then first in the input.

    The earliest dated copy is most likely the original that the others syndicated; among copies of one
    date the longest keeps the most detail (later copies are often trimmed); input order breaks any tie so
    the choice never depends on anything but the input.
    """
    return (article.published is None, article.published or date.max, -len(article.text), position)


def fold_duplicates(
    articles: Sequence[Article], threshold: float = 0.8
) -> tuple[list[Article], dict[str, list[Article]]]:
    """Keep one article per near-duplicate group; map each kept id to the copies folded into it.

    Two articles are near-duplicates when the estimated Jaccard similarity of their three-word shingle
    sets is at least ``threshold``; articles with the same ``id`` (the same cleaned text) always are.
    The representative of a group is the earliest-published article, undated ones last, ties going to the
    longest text and then to input order. Groups are grown greedily from representatives (an article joins
    the most similar representative already kept), so a chain of small edits cannot fold two articles that
    are themselves far apart. Returns the kept articles in input order and ``{kept_id: [copies...]}``
    (copies in input order, every outlet kept) for the groups that folded anything.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"fold_duplicates: threshold must be in (0, 1], got {threshold!r}")
    positions = sorted(range(len(articles)), key=lambda i: _representative_order(articles[i], i))
    index = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    signatures: dict[str, MinHash] = {}
    kept_by_id: dict[str, int] = {}
    folded_into: dict[int, int] = {}

    for position in positions:
        article = articles[position]
        if article.id in kept_by_id:
            folded_into[position] = kept_by_id[article.id]
            continue
        shingles = _shingle_hashes(article.text)
        signature = MinHash(num_perm=NUM_PERM, hashfunc=_identity, permutations=_PERMUTATIONS, scheme=_SCHEME)
        signature.update_batch(shingles)
        best_id, best_similarity = None, threshold
        if shingles:
            for candidate_id in sorted(index.query(signature)):
                similarity = signature.jaccard(signatures[candidate_id])
                if similarity >= best_similarity and (best_id is None or similarity > best_similarity):
                    best_id, best_similarity = candidate_id, similarity
        if best_id is not None:
            folded_into[position] = kept_by_id[best_id]
            continue
        kept_by_id[article.id] = position
        if shingles:
            signatures[article.id] = signature
            index.insert(article.id, signature)

    kept_positions = sorted(kept_by_id.values())
    duplicates: dict[str, list[Article]] = {}
    for position in sorted(folded_into):
        duplicates.setdefault(articles[folded_into[position]].id, []).append(articles[position])
    return [articles[p] for p in kept_positions], duplicates
