"""What the online clusterer knows about one report: weighted term sub-vectors, a date, blocking keys.

The features of a report depend on that report and a fixed background table only, never on the other
reports of the stream, so they can be computed anywhere (another process, a Spark executor) and in any
order; only the assignment step that consumes them is sequential. That is why IDF comes from a background
document-frequency table (Multi-News train, rebuilt by ``benchmarks/cluster/build_background_df.py``)
rather than from the pile: the pile is not there yet when a report arrives.

As in the batch clusterer, names, numbers and years get sub-vectors of their own beside the content words:
two reports of one kind of event share most of their words and differ in the detail.
"""

from __future__ import annotations

import gzip
import heapq
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import repeat
from operator import mul, truediv
from pathlib import Path

from storyweave.cluster._features import document_text
from storyweave.model import Article
from storyweave.text.tokens import STOP_WORDS, content_words, stem, words

__all__ = [
    "KINDS",
    "BackgroundFrequencies",
    "ReportFeatures",
    "background_terms",
    "report_features",
]

KINDS = ("words", "names", "numbers", "years", "title")
"""The sub-vectors, in the order ``ReportFeatures.vectors`` holds them."""

BACKGROUND_TABLE = Path(__file__).with_name("background_df.tsv.gz")

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")
# _NAME and _YEAR match exactly what ``\b[A-Z][^\W\d_]+(?:['’][^\W\d_]+)?`` and
# ``(?<![\d.,])(?:19[5-9]\d|20\d\d)(?![\d.,])`` match (the batch features' patterns), with the look-behind
# moved after the first character: a pattern that opens with a literal or a character class lets the
# regex engine skip ahead to candidate positions instead of trying every one (3-4x faster here).
_NAME = re.compile(r"[A-Z](?<!\w[A-Z])[^\W\d_]+(?:['’][^\W\d_]+)?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?:1(?<![\d.,]1)9[5-9]\d|2(?<![\d.,]2)0\d\d)(?![\d.,])")
_KEY_WORDS = 10
_KEY_NAMES = 6


def background_terms(text: str) -> list[str]:
    """Stemmed content words, with character bigrams standing in for words in unspaced CJK runs."""
    tokens = content_words(_CJK.sub(" ", text))
    for run in _CJK.findall(text):
        tokens.extend(run[k : k + 2] for k in range(max(1, len(run) - 1)))
    return tokens


@dataclass(frozen=True, slots=True)
class BackgroundFrequencies:
    """Document frequencies of terms in a background corpus; ``idf`` of an unlisted term is the largest."""

    documents: int
    frequencies: dict[str, int]
    _idf: dict[str, float] = field(init=False, repr=False, compare=False)
    _rarest: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Every report looks up a few hundred terms: one dict read each beats a log each.
        base = math.log(self.documents + 1)
        object.__setattr__(
            self, "_idf", {t: base - math.log(df + 1) + 1.0 for t, df in self.frequencies.items()}
        )
        object.__setattr__(self, "_rarest", base - math.log(2) + 1.0)

    def idf(self, term: str) -> float:
        # Smoothed as scikit-learn does; an unlisted term counts as seen in one document.
        return self._idf.get(term, self._rarest)

    @classmethod
    def from_file(cls, path: Path) -> BackgroundFrequencies:
        """Read ``#documents<TAB>N`` then ``term<TAB>df`` lines (gzip), as the build script writes them."""
        try:
            with gzip.open(path, "rt", encoding="utf-8") as lines:
                header = next(lines).rstrip("\n").split("\t")
                if header[0] != "#documents":
                    raise ValueError("first line is not '#documents<TAB>N'")
                table = {}
                for line in lines:
                    term, _, count = line.rstrip("\n").rpartition("\t")
                    table[term] = int(count)
        except (OSError, ValueError, StopIteration) as error:
            raise ValueError(
                f"cannot read the background term table {path}: {error}; "
                "rebuild it with benchmarks/cluster/build_background_df.py"
            ) from None
        return cls(documents=int(header[1]), frequencies=table)


@cache
def default_background() -> BackgroundFrequencies:
    """The committed Multi-News table, read once per process."""
    return BackgroundFrequencies.from_file(BACKGROUND_TABLE)


@dataclass(frozen=True, slots=True)
class ReportFeatures:
    """One report as the assignment step sees it.

    ``vectors`` holds one L2-normalised, sublinear TF-IDF vector per kind in :data:`KINDS` (empty when the
    report has no such term); ``day`` is the publication date's ordinal, None when unknown; ``keys`` are
    the report's most telling terms, used to find candidate stories without comparing against all.
    """

    vectors: tuple[dict[str, float], ...]
    day: int | None
    keys: tuple[str, ...]


@lru_cache(maxsize=200_000)
def _word_term(word: str) -> str:
    """``word``'s term in the words sub-vector, "" when dropped: what ``content_words`` keeps, less digits.

    The same decision as ``[t for t in content_words(text) if not t.isdigit()]`` token by token, memoised
    per distinct word: the stream repeats words far more often than it meets new ones, and this filter
    was the largest cost of a report's features after the regular expressions themselves.
    """
    if word in STOP_WORDS or not (len(word) > 1 or word.isdigit()):
        return ""
    term = stem(word)
    return "" if term.isdigit() else term


@lru_cache(maxsize=200_000)
def _name_term(name: str) -> str:
    """A capitalised word's term in the names sub-vector, "" for a stop word (memoised, as above)."""
    lower = name.lower()
    return "" if lower in STOP_WORDS else stem(lower)


@lru_cache(maxsize=256)
def _sublinear(count: int) -> float:
    return 1.0 + math.log(count)


def _terms(text: str) -> list[str]:
    """``[t for t in background_terms(text) if not t.isdigit()]``, faster (see :func:`_word_term`)."""
    if text.isascii():  # no CJK run to look for (most reports); isascii is far cheaper than the regex
        return list(filter(None, map(_word_term, words(text))))
    tokens = list(filter(None, map(_word_term, words(_CJK.sub(" ", text)))))
    for run in _CJK.findall(text):
        tokens.extend(b for b in (run[k : k + 2] for k in range(max(1, len(run) - 1))) if not b.isdigit())
    return tokens


def _weighted(terms: list[str], background: BackgroundFrequencies) -> dict[str, float]:
    # Sublinear TF times IDF, L2-normalised. Written with map/zip so that the per-term work runs in C;
    # the products, their order and the sums are the same as a plain loop's, value for value.
    counts = Counter(terms)
    idf = map(background._idf.get, counts, repeat(background._rarest))
    weights = list(map(mul, map(_sublinear, counts.values()), idf))
    norm = math.sqrt(sum(map(mul, weights, weights)))
    return dict(zip(counts, map(truediv, weights, repeat(norm)), strict=True)) if norm else {}


def _top(vector: dict[str, float], count: int) -> list[str]:
    # Only terms weighing at least the count-th largest weight can rank in the first ``count``.
    floor = heapq.nlargest(count, vector.values())[-1] if len(vector) > count else -math.inf
    candidates = [item for item in vector.items() if item[1] >= floor]
    return [t for t, _ in sorted(candidates, key=lambda item: (-item[1], item[0]))[:count]]


def report_features(article: Article, background: BackgroundFrequencies | None = None) -> ReportFeatures:
    """Features of ``article`` against ``background`` (the committed Multi-News table by default)."""
    background = background or default_background()
    text = document_text(article)
    names = list(filter(None, map(_name_term, _NAME.findall(text))))
    numbers = [n.replace(",", "") for n in _NUMBER.findall(text)]
    years = _YEAR.findall(text)
    title = _terms(article.title or "")
    vectors = tuple(_weighted(terms, background) for terms in (_terms(text), names, numbers, years, title))
    keys = dict.fromkeys(_top(vectors[0], _KEY_WORDS) + _top(vectors[1], _KEY_NAMES))
    day = article.published.toordinal() if article.published else None
    return ReportFeatures(vectors=vectors, day=day, keys=tuple(keys))
