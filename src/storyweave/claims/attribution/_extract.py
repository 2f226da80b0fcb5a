"""From text to attributions: tag cues in each sentence, then tag each cue's source and content.

Two linear-chain CRFs (python-crfsuite) trained on PolNeAR by ``benchmarks/attribution/train.py``. A CRF
over the sentence, rather than rules per cue verb, because the annotated cues are a long tail (7,460
distinct strings in PolNeAR train, "said" only a fifth of them) and because where the content ends is
a sequence decision: the model sees that a quotation closes, a second cue starts, or the clause turns.
The model files are crfsuite's own binary format, gzipped, read by its C library: no pickle, no code
is loaded.
"""

from __future__ import annotations

import functools
import gzip
import threading
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from storyweave.claims.attribution._features import SentenceWords, cue_features, role_features, sentence_words
from storyweave.claims.attribution._lexicon import Lexicon
from storyweave.claims.attribution._neighbours import content_after_colon, content_before_bare_cue
from storyweave.claims.attribution._tokens import Token, sentences_of
from storyweave.claims.certainty import certainty_of_attribution
from storyweave.model import Attribution, Span

__all__ = ["CUE_MODEL", "LEXICON", "ROLE_MODEL", "chunks", "find_attributions"]

_Range = tuple[int, int]  # token indices [first, last)
_HERE = Path(__file__).resolve().parent
CUE_MODEL = _HERE / "cues.crfsuite.gz"
ROLE_MODEL = _HERE / "roles.crfsuite.gz"
LEXICON = _HERE / "lexicon.json.gz"
# A token is part of a cue when the tagger's posterior for B-CUE + I-CUE reaches this. Below 0.5 trades
# precision for recall, since the tagger under-predicts the long tail of cues. Chosen on 120 held-out
# PolNeAR train documents (grid in model_card.json): content F1 78.7 at 0.5, 79.2 at 0.4, 79.4 at 0.35,
# 78.9 at 0.3.
CUE_THRESHOLD = 0.35
# Source chunks are found at SOURCE_THRESHOLD and trimmed to the tokens around their peak reaching
# SOURCE_EXTENT (see ``_source_range``). Chosen on the 120 held-out PolNeAR train documents: source F1
# 66.9 with the nearest chunk at 0.2, 68.3 with the most probable chunk at 0.05 trimmed at 0.2.
SOURCE_THRESHOLD = 0.05
SOURCE_EXTENT = 0.2
# Words that may open a sentence before a fronted "according to X, ..." without changing its structure.
_OPENERS = frozenset({"but", "and", "yet", "so", "however", "now", "also"})
# Content ends before these: the sentence's own closing punctuation is not part of what was said.
_TRAILING = frozenset(".,;:")


def _model_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise FileNotFoundError(
            f"attribution model {path} is missing; rebuild it with "
            "`python benchmarks/attribution/train.py` (needs shared/data/polnear) or reinstall storyweave"
        )
    return gzip.decompress(path.read_bytes())


_PER_THREAD = threading.local()


@functools.cache
def _lexicon(path: Path) -> Lexicon:
    """The training lexicon the taggers were fitted with; immutable, so shared by all threads."""
    return Lexicon.read(path)


def _taggers() -> tuple[pycrfsuite.Tagger, pycrfsuite.Tagger]:
    """One pair of taggers per thread: a crfsuite tagger keeps the last sequence's state between calls.

    crfsuite reads the model bytes in place, so they are kept beside the taggers for as long as those live.
    """
    key = (CUE_MODEL, ROLE_MODEL)
    if getattr(_PER_THREAD, "key", None) != key:
        models = [_model_bytes(path) for path in key]
        taggers = []
        for model in models:
            tagger = pycrfsuite.Tagger()
            tagger.open_inmemory(model)
            taggers.append(tagger)
        _PER_THREAD.key, _PER_THREAD.models = key, models
        _PER_THREAD.taggers = (taggers[0], taggers[1])
    return _PER_THREAD.taggers


def chunks(labels: Sequence[str], role: str) -> list[_Range]:
    """Token ranges [first, last) labelled ``B-role`` / ``I-role`` (an ``I`` without ``B`` starts one)."""
    found: list[_Range] = []
    start = None
    for i, label in enumerate([*labels, "O"]):
        inside = label == f"I-{role}" and start is not None
        if inside:
            continue
        if start is not None:
            found.append((start, i))
            start = None
        if label in (f"B-{role}", f"I-{role}"):
            start = i
    return found


def _marginals(tagger: pycrfsuite.Tagger, size: int, tag: str) -> tuple[list[float], list[float]]:
    """P(B-tag) and P(I-tag) per token from the tagger's last sequence."""
    begin, inside = f"B-{tag}", f"I-{tag}"
    marginal = tagger.marginal
    return [marginal(begin, i) for i in range(size)], [marginal(inside, i) for i in range(size)]


def _posterior_labels(
    begins: Sequence[float], insides: Sequence[float], tag: str, threshold: float
) -> list[str]:
    """BIO labels for one tag from the tagger's marginals: a token is in when P(B) + P(I) reaches
    ``threshold``, which trades precision for recall more finely than the single Viterbi path can."""
    labels: list[str] = []
    for begin, inside in zip(begins, insides, strict=True):
        if begin + inside < threshold:
            labels.append("O")
        elif begin >= inside or not labels or labels[-1] == "O":
            labels.append(f"B-{tag}")
        else:
            labels.append(f"I-{tag}")
    return labels


def _cue_labels(tagger: pycrfsuite.Tagger, words: SentenceWords) -> list[str]:
    """Posterior decoding: each token's cue probability against ``CUE_THRESHOLD``, not the Viterbi path."""
    tagger.set(cue_features(words))
    return _posterior_labels(*_marginals(tagger, len(words.tokens), "CUE"), "CUE", CUE_THRESHOLD)


def _span(text: str, tokens: Sequence[Token], first: int, last: int) -> Span:
    start, end = tokens[first].start, tokens[last - 1].end
    return Span(start, end, text[start:end])


def _content_range(labels: Sequence[str], tokens: Sequence[Token], cue: _Range) -> _Range:
    """Everything the tagger called content, as one range; the clause after the cue when it found none.

    One range because a quotation wrapped around its cue ("“We stay,” he said, “and fight.”") is one
    statement, and the record holds one span.
    """
    marked = [i for i, label in enumerate(labels) if label.endswith("-CON")]
    if marked:
        first, last = marked[0], marked[-1] + 1
    elif cue[1] < len(tokens) - 1:
        first, last = cue[1], len(tokens)
    else:
        first, last = 0, cue[0]
    while last - first > 1 and tokens[last - 1].text in _TRAILING:
        last -= 1
    while last - first > 1 and tokens[first].text in _TRAILING:
        first += 1
    return first, last


def _source_range(tagger: pycrfsuite.Tagger, size: int, cue: _Range) -> _Range | None:
    """The source chunk for a cue; call right after ``tagger.tag``.

    Chunks are found at the permissive ``SOURCE_THRESHOLD`` (PolNeAR names a source for 92% of
    attributions, so a source the tagger is unsure of is more often right than none). Of several chunks
    (a sentence may name several people) the one holding the most probable token wins, the nearest to
    the cue on a near-tie; that beat "nearest chunk" on held-out documents because adverbs and clause
    fragments next to the cue get weak, short chunks. The winner is then trimmed to the tokens around
    its peak that reach ``SOURCE_EXTENT``, so a doubtful source is not also a bloated one.
    """
    begins, insides = _marginals(tagger, size, "SRC")
    probability = [b + i for b, i in zip(begins, insides, strict=True)]
    candidates = chunks(_posterior_labels(begins, insides, "SRC", SOURCE_THRESHOLD), "SRC")
    if not candidates:
        return None

    def rank(r: _Range) -> tuple[float, int]:
        return round(max(probability[r[0] : r[1]]), 1), -min(abs(r[0] - cue[0]), abs(r[1] - cue[1]))

    first, last = max(candidates, key=rank)
    peak = max(range(first, last), key=probability.__getitem__)
    start, end = peak, peak + 1
    while start > first and probability[start - 1] >= SOURCE_EXTENT:
        start -= 1
    while end < last and probability[end] >= SOURCE_EXTENT:
        end += 1
    return start, end


def _according_to(tokens: Sequence[Token], cue: _Range) -> tuple[_Range, _Range] | None:
    """(source, content) of "According to X, Y." and "Y, according to X." — fixed constructions, so a rule.

    The role tagger learned that the words right after a cue are content, which is wrong for exactly
    this frequent cue: after "according to" comes the source, up to the next comma or the sentence end.
    """
    words = [t.text.lower() for t in tokens[cue[0] : cue[1]]]
    if words[-2:] != ["according", "to"]:
        return None
    end = len(tokens)
    while end > cue[1] and tokens[end - 1].text in _TRAILING:
        end -= 1
    comma = next((i for i in range(cue[1], end) if tokens[i].text == ","), end)
    if comma == cue[1]:
        return None
    fronted = not any(t.text[0].isalnum() and t.text.lower() not in _OPENERS for t in tokens[: cue[0]])
    if fronted:
        return ((cue[1], comma), (comma + 1, end)) if comma + 1 < end else None
    before = cue[0]
    while before > 0 and tokens[before - 1].text in _TRAILING:
        before -= 1
    if before == 0:
        return None
    # "Y, according to X." or "Y, according to X, Z": content is what surrounds the source.
    return (cue[1], comma), (0, before if comma == end else end)


def _neighbour_content(
    sentences: Sequence[Sequence[Token]],
    index: int,
    cue: _Range,
    source: _Range | None,
    content: _Range,
) -> tuple[Token, Token] | None:
    """First and last token of a content in a neighbouring sentence, when the cue's sentence holds none:
    "He said:" + quotation, or quotation + "he said." (see ``_neighbours``)."""
    tokens = sentences[index]
    if any(t.quoted for t in tokens[content[0] : content[1]]):
        return None
    found = content_after_colon(sentences, index, cue) or content_before_bare_cue(
        sentences, index, cue, source
    )
    if not found:
        return None
    (first_sentence, (first, _)), (last_sentence, (_, last)) = found[0], found[-1]
    return sentences[first_sentence][first], sentences[last_sentence][last - 1]


def _sentence_attributions(
    text: str,
    sentences: Sequence[list[Token]],
    index: int,
    article_id: str,
    cue_tagger: pycrfsuite.Tagger,
    role_tagger: pycrfsuite.Tagger,
) -> list[Attribution]:
    tokens = sentences[index]
    words = sentence_words(tokens, _lexicon(LEXICON))
    cues = chunks(_cue_labels(cue_tagger, words), "CUE")
    found: list[Attribution] = []
    for cue in cues:
        others = [False] * len(tokens)
        for other in cues:
            if other != cue:
                for i in range(*other):
                    others[i] = True
        labels = role_tagger.tag(role_features(words, cue, others))
        first, last = _content_range(labels, tokens, cue)
        source = _source_range(role_tagger, len(tokens), cue)
        ruled = _according_to(tokens, cue)
        if ruled is not None:
            source, (first, last) = ruled
        if last <= first:
            continue
        content = _span(text, tokens, first, last)
        if ruled is None:
            neighbour = _neighbour_content(sentences, index, cue, source, (first, last))
            if neighbour is not None:
                start, end = neighbour[0].start, neighbour[1].end
                content = Span(start, end, text[start:end])
        cue_span = _span(text, tokens, *cue)
        sentence = text[tokens[0].start : tokens[-1].end]
        certainty, hedges = certainty_of_attribution(cue_span.text, content.text, sentence)
        found.append(
            Attribution(
                article_id=article_id,
                source=_span(text, tokens, *source) if source else None,
                cue=cue_span,
                content=content,
                certainty=certainty,
                hedges=hedges,
            )
        )
    return found


def find_attributions(text: str, article_id: str = "") -> list[Attribution]:
    """Who said what in ``text``: one ``Attribution`` per cue found, in text order.

    Offsets are into ``text`` as given. Safe to call from several threads (each has its own taggers).
    Raises FileNotFoundError when the trained models or their lexicon are missing.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_attributions expects the article text as str, got {type(text).__name__}")
    cue_tagger, role_tagger = _taggers()
    found: list[Attribution] = []
    sentences = sentences_of(text)
    for index in range(len(sentences)):
        found.extend(_sentence_attributions(text, sentences, index, article_id, cue_tagger, role_tagger))
    return found
