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
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from storyweave.cluster._features import document_text
from storyweave.model import Article
from storyweave.text.tokens import STOP_WORDS, content_words, stem

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
_NAME = re.compile(r"\b[A-Z][^\W\d_]+(?:['’][^\W\d_]+)?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?<![\d.,])(?:19[5-9]\d|20\d\d)(?![\d.,])")
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


def _weighted(terms: list[str], background: BackgroundFrequencies) -> dict[str, float]:
    counts = Counter(terms)
    idf, rarest = background._idf, background._rarest
    weights = {t: (1.0 + math.log(c)) * idf.get(t, rarest) for t, c in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / norm for t, w in weights.items()} if norm else {}


def _top(vector: dict[str, float], count: int) -> list[str]:
    return [t for t, _ in sorted(vector.items(), key=lambda item: (-item[1], item[0]))[:count]]


def report_features(article: Article, background: BackgroundFrequencies | None = None) -> ReportFeatures:
    """Features of ``article`` against ``background`` (the committed Multi-News table by default)."""
    background = background or default_background()
    text = document_text(article)
    words = [t for t in background_terms(text) if not t.isdigit()]
    names = [stem(n.lower()) for n in _NAME.findall(text) if n.lower() not in STOP_WORDS]
    numbers = [n.replace(",", "") for n in _NUMBER.findall(text)]
    years = _YEAR.findall(text)
    title = [t for t in background_terms(article.title or "") if not t.isdigit()]
    vectors = tuple(_weighted(terms, background) for terms in (words, names, numbers, years, title))
    keys = dict.fromkeys(_top(vectors[0], _KEY_WORDS) + _top(vectors[1], _KEY_NAMES))
    day = article.published.toordinal() if article.published else None
    return ReportFeatures(vectors=vectors, day=day, keys=tuple(keys))
