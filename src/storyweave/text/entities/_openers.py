"""Words that news text usually writes in lower case: a sentence-initial "Police" or "Rival" is not a name.

The story's own reports often hold a word only once, at the start of a sentence, so they cannot say
whether it is a name ("Houthis control ...") or an ordinary word ("Witnesses said ..."). This list,
learned from the case of words inside sentences of the Multi-News validation reports
(``benchmarks/claims/build_opener_words.py`` rebuilds it byte-identically), answers for the common
vocabulary; words it does not hold are rare enough to be read as names when capitalised.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources

__all__ = ["usually_lower"]

_RESOURCE = "opener_words.tsv.gz"


@cache
def _words() -> frozenset[str]:
    """Loaded once, on first use: importing the package stays cheap for callers that never find names."""
    data = resources.files(__package__).joinpath(_RESOURCE).read_bytes()
    lines = gzip.decompress(data).decode("utf-8").splitlines()
    return frozenset(line.split("\t", 1)[0] for line in lines if line)


def usually_lower(word: str) -> bool:
    """True when ``word`` (any case) is written in lower case inside most news sentences that use it, or
    is the plural of such a word ("Commanders": the list holds "commander" but may lack the plural)."""
    low, words = word.lower(), _words()
    if low in words:
        return True
    if low.endswith("es") and low[:-2] in words:
        return True
    return low.endswith("s") and not low.endswith("ss") and low[:-1] in words
