"""Sentences of a story's reports, their similarity, and groups of sentences that make one claim.

TF-IDF over stemmed content words with the IDF fitted on the story itself: words every report uses
("ferry", "lake") weigh little, so what decides "same claim" is the claim's own detail (who, how many,
where). Groups are average-linkage clusters cut at ``SAME_CLAIM``; average linkage keeps a chain of
loosely similar sentences from snowballing into one group the way single linkage would.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer

from storyweave.model import Article
from storyweave.text.entities import report_words, uncovered_names
from storyweave.text.sentences import sentence_spans
from storyweave.text.tokens import content_words

__all__ = [
    "COMPARABLE",
    "MIN_CONTENT_WORDS",
    "SAME_CLAIM",
    "StorySentence",
    "group_sentences",
    "named_in_each_other",
    "similarity",
]

# Cosine at or above which two sentences of different reports state the same claim. Set by hand and
# checked on the example corpus and the invented paraphrases in tests/claims/test_align.py; not yet
# calibrated on labelled paraphrase pairs.
SAME_CLAIM = 0.35
# Lower bar for comparing slots: "12 people were killed ..." and "the toll has risen to 15" word the same
# fact differently, so the sentences overlap less than paraphrases do (story C's north/south pair scores
# 0.18), yet still share the event's detail. Slot keys must match too, which keeps this low bar safe on
# the example corpus: no conflict is reported in stories A, B or D.
COMPARABLE = 0.15
# Shorter sentences ("Nobody was hurt.", headings) carry too few words to align reliably.
MIN_CONTENT_WORDS = 4


@dataclass(frozen=True, slots=True)
class StorySentence:
    """A sentence of one report in the story, with where it came from."""

    article_index: int
    article_id: str
    start: int
    end: int
    text: str


def story_sentences(articles: Sequence[Article]) -> list[StorySentence]:
    """Sentences worth aligning, in article order then text order."""
    found = []
    for index, article in enumerate(articles):
        for start, end in sentence_spans(article.text):
            text = article.text[start:end]
            if len(content_words(text)) >= MIN_CONTENT_WORDS:
                found.append(StorySentence(index, article.id, start, end, text))
    return found


def similarity(texts: Sequence[str]) -> np.ndarray:
    """Cosine similarity matrix of ``texts`` (TF-IDF over stemmed content words, IDF from ``texts``)."""
    if not texts:
        return np.zeros((0, 0))
    vectorizer = TfidfVectorizer(analyzer=content_words, sublinear_tf=True)
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # no content word anywhere
        return np.eye(len(texts))
    result = (matrix @ matrix.T).toarray()
    np.fill_diagonal(result, 1.0)
    return result


def named_in_each_other(sentences: Sequence[StorySentence], articles: Sequence[Article]) -> np.ndarray:
    """Boolean matrix: sentence i's report mentions every name of sentence j, and j's report those of i.

    Two sentences can only state one claim when each report backs the other's detail: "A Kellhaven couple
    were among those killed …" and "Twelve were killed …" share their words, but the second report, which
    never mentions Kellhaven, does not back the first (see ``uncovered_names``).
    """
    # A report's title and outlet name are its own words too ("the Ledger" is named by the Ledger's report).
    vocabularies = [
        report_words("\n".join(filter(None, (article.title, article.source, article.text))))
        for article in articles
    ]
    backed = np.ones((len(sentences), len(articles)), dtype=bool)
    for i, sentence in enumerate(sentences):
        for a, vocabulary in enumerate(vocabularies):
            backed[i, a] = a == sentence.article_index or not uncovered_names(sentence.text, vocabulary)
    reports = np.asarray([s.article_index for s in sentences], dtype=np.intp)
    by_other = backed[:, reports]  # [i, j]: sentence j's report names sentence i's names
    return by_other & by_other.T


def group_sentences(sentences: Sequence[StorySentence], similarities: np.ndarray) -> list[list[int]]:
    """Indices of sentences that state one claim, one list per group, each group in input order.

    Two sentences of the same report never count as support for each other, so their similarity is
    zeroed before clustering: a report repeating itself is one voice.
    """
    count = len(sentences)
    if count == 0:
        return []
    if count == 1:
        return [[0]]
    sims = similarities.copy()
    for i in range(count):
        for j in range(count):
            if i != j and sentences[i].article_index == sentences[j].article_index:
                sims[i, j] = 0.0
    distances = np.clip(1.0 - sims, 0.0, None)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform((distances + distances.T) / 2, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - SAME_CLAIM, criterion="distance")
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return sorted(groups.values(), key=lambda members: members[0])
