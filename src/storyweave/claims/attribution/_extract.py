"""From text to attributions: tag cues in each sentence, then tag each cue's source and content.

Two linear-chain CRFs (python-crfsuite) trained on PolNeAR by ``benchmarks/attribution/train.py``. A CRF
over the sentence, rather than rules per cue verb, because the annotated cues are a long tail (7,460
distinct strings in PolNeAR train, "said" only a fifth of them) and because where the content ends is
a sequence decision: the model sees that a quotation closes, a second cue starts, or the clause turns.
The model files are crfsuite's own binary format, gzipped, read by its C library: no pickle, no code
is loaded.
"""

from __future__ import annotations

import gzip
import threading
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from storyweave.claims.attribution._features import cue_features, role_features
from storyweave.claims.attribution._tokens import Token, sentences_of
from storyweave.claims.certainty import certainty_of_attribution
from storyweave.model import Attribution, Span

__all__ = ["CUE_MODEL", "ROLE_MODEL", "chunks", "find_attributions"]

_Range = tuple[int, int]  # token indices [first, last)
_HERE = Path(__file__).resolve().parent
CUE_MODEL = _HERE / "cues.crfsuite.gz"
ROLE_MODEL = _HERE / "roles.crfsuite.gz"
# A token is part of a cue when the tagger's posterior for B-CUE + I-CUE reaches this. Below 0.5 trades
# precision for recall, since the tagger under-predicts the long tail of cues. Chosen on 120 held-out
# PolNeAR train documents (grid in model_card.json): content F1 77.4 at 0.5, 78.4 at 0.35, 76.2 at 0.2.
CUE_THRESHOLD = 0.35
# Likewise for source tokens: PolNeAR names a source for 92% of attributions, so a source the tagger is
# unsure of is more often right than leaving it out (held out: source F1 64.9 at 0.5, 66.2 at 0.2).
SOURCE_THRESHOLD = 0.2
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


def _posterior_labels(tagger: pycrfsuite.Tagger, size: int, tag: str, threshold: float) -> list[str]:
    """BIO labels for one tag from the tagger's marginals: a token is in when P(B) + P(I) reaches
    ``threshold``, which trades precision for recall more finely than the single Viterbi path can."""
    labels: list[str] = []
    for i in range(size):
        begin, inside = tagger.marginal(f"B-{tag}", i), tagger.marginal(f"I-{tag}", i)
        if begin + inside < threshold:
            labels.append("O")
        elif begin >= inside or not labels or labels[-1] == "O":
            labels.append(f"B-{tag}")
        else:
            labels.append(f"I-{tag}")
    return labels


def _cue_labels(tagger: pycrfsuite.Tagger, tokens: Sequence[Token]) -> list[str]:
    """Posterior decoding: each token's cue probability against ``CUE_THRESHOLD``, not the Viterbi path."""
    tagger.set(cue_features(tokens))
    return _posterior_labels(tagger, len(tokens), "CUE", CUE_THRESHOLD)


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


def _source_labels(tagger: pycrfsuite.Tagger, size: int) -> list[str]:
    """Source tokens by posterior against ``SOURCE_THRESHOLD``; call right after ``tagger.tag``."""
    return _posterior_labels(tagger, size, "SRC", SOURCE_THRESHOLD)


def _source_range(labels: Sequence[str], cue: _Range) -> _Range | None:
    """The source chunk nearest the cue: a sentence may name several people, the nearest is the speaker."""
    candidates = chunks(labels, "SRC")
    if not candidates:
        return None
    return min(candidates, key=lambda r: min(abs(r[0] - cue[0]), abs(r[1] - cue[1])))


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


def _sentence_attributions(
    text: str,
    tokens: list[Token],
    article_id: str,
    cue_tagger: pycrfsuite.Tagger,
    role_tagger: pycrfsuite.Tagger,
) -> list[Attribution]:
    cues = chunks(_cue_labels(cue_tagger, tokens), "CUE")
    found: list[Attribution] = []
    for cue in cues:
        others = [False] * len(tokens)
        for other in cues:
            if other != cue:
                for i in range(*other):
                    others[i] = True
        labels = role_tagger.tag(role_features(tokens, cue, others))
        source = _source_range(_source_labels(role_tagger, len(tokens)), cue)
        first, last = _content_range(labels, tokens, cue)
        ruled = _according_to(tokens, cue)
        if ruled is not None:
            source, (first, last) = ruled
        if last <= first:
            continue
        cue_span = _span(text, tokens, *cue)
        content = _span(text, tokens, first, last)
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
    Raises FileNotFoundError when the trained models are missing.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_attributions expects the article text as str, got {type(text).__name__}")
    cue_tagger, role_tagger = _taggers()
    found: list[Attribution] = []
    for tokens in sentences_of(text):
        found.extend(_sentence_attributions(text, tokens, article_id, cue_tagger, role_tagger))
    return found
