"""Where in a source a cited sentence comes from: the passage a reader sees when they click [n].

A brief cites every report that supports a sentence, but the sentence's words come from one of them; in
the others the same fact is worded differently. So the passage is found by locating the sentence itself
when the source holds it, else the source's sentence sharing the most content words with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from storyweave.model import Article, Brief
from storyweave.text.sentences import sentence_spans
from storyweave.text.tokens import content_words

__all__ = ["Passage", "find_passage", "passages_for"]

# Sentences of context shown either side of the matched one: enough to read it in place, short enough to
# fit a popover.
_CONTEXT_SENTENCES = 1


@dataclass(frozen=True, slots=True)
class Passage:
    """The stretch of ``source_number``'s text behind summary sentence ``sentence_index``.

    ``match`` is the supporting sentence, ``before``/``after`` its neighbours; ``start``/``end`` are
    offsets of ``match`` in the article text. ``exact`` says the summary sentence was found verbatim;
    otherwise ``overlap`` is the share of its content words the matched sentence holds.
    """

    sentence_index: int
    source_number: int
    article_id: str
    before: str
    match: str
    after: str
    start: int
    end: int
    exact: bool
    overlap: float


@lru_cache(maxsize=512)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(sentence_spans(text))


def _words(text: str) -> frozenset[str]:
    return frozenset(content_words(text))


def _best_span(sentence: str, text: str, spans: tuple[tuple[int, int], ...]) -> tuple[int, float]:
    """Index of the span sharing most of ``sentence``'s content words, and that share (0..1)."""
    wanted = _words(sentence)
    best, best_score = 0, -1.0
    for index, (start, end) in enumerate(spans):
        found = _words(text[start:end])
        if not wanted or not found:
            continue
        shared = len(wanted & found)
        # Recall of the cited sentence first; among equals the tighter sentence (less unrelated matter).
        score = shared / len(wanted) + 1e-3 * shared / len(found)
        if score > best_score:
            best, best_score = index, score
    return best, max(best_score, 0.0)


def find_passage(sentence: str, article: Article, sentence_index: int, source_number: int) -> Passage:
    """The passage of ``article`` that supports ``sentence`` (see the module docstring for how)."""
    text = article.text
    spans = _spans(text)
    if not spans:
        return Passage(sentence_index, source_number, article.id, "", text, "", 0, len(text), False, 0.0)
    located = text.find(sentence.strip())
    if located >= 0:
        index = next((i for i, (s, e) in enumerate(spans) if s <= located < e), 0)
        exact, overlap = True, 1.0
    else:
        index, overlap = _best_span(sentence, text, spans)
        exact = False
    first = max(0, index - _CONTEXT_SENTENCES)
    last = min(len(spans) - 1, index + _CONTEXT_SENTENCES)
    start, end = spans[index]
    if exact:
        start, end = located, located + len(sentence.strip())
    return Passage(
        sentence_index=sentence_index,
        source_number=source_number,
        article_id=article.id,
        before=text[spans[first][0] : start].strip(),
        match=text[start:end],
        after=text[end : spans[last][1]].strip(),
        start=start,
        end=end,
        exact=exact,
        overlap=round(min(overlap, 1.0), 3),
    )


def passages_for(brief: Brief, articles: dict[str, Article]) -> dict[tuple[int, int], Passage]:
    """Every (summary sentence index, cited source number) pair of a brief, with its passage.

    ``articles`` maps article id to article; a source whose article is missing (the store changed under
    the brief) simply has no passage, and the page falls back to the source list entry.
    """
    by_number = {ref.number: ref.article_id for ref in brief.sources}
    found: dict[tuple[int, int], Passage] = {}
    for index, sentence in enumerate(brief.summary):
        for number in sentence.sources:
            article = articles.get(by_number.get(number, ""))
            if article is not None:
                found[(index, number)] = find_passage(sentence.text, article, index, number)
    return found
