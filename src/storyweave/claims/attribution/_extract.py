"""From text to attributions: tag cues in each sentence, then tag each cue's source and content.

Two linear-chain CRFs (python-crfsuite) trained on PolNeAR by ``benchmarks/attribution/train.py``. A CRF
over the sentence, rather than rules per cue verb, because the annotated cues are a long tail (7,460
distinct strings in PolNeAR train, "said" only a fifth of them) and because where the content ends is
a sequence decision: the model sees that a quotation closes, a second cue starts, or the clause turns.
The model files are crfsuite's own binary format, read by its C library: no pickle, no code is loaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from storyweave.claims.attribution._features import cue_features, role_features
from storyweave.claims.attribution._tokens import Token, sentences_of
from storyweave.claims.certainty import certainty_of_attribution
from storyweave.model import Attribution, Span

__all__ = ["CUE_MODEL", "ROLE_MODEL", "chunks", "find_attributions"]

_HERE = Path(__file__).resolve().parent
CUE_MODEL = _HERE / "cues.crfsuite"
ROLE_MODEL = _HERE / "roles.crfsuite"
# A token is part of a cue when the tagger's posterior for B-CUE + I-CUE reaches this. Below 0.5 trades
# precision for recall: the tagger under-predicts the long tail of cues (tuned on 120 held-out PolNeAR
# train documents by benchmarks/attribution/train.py; recorded in model_card.json).
CUE_THRESHOLD = 0.5
# Likewise for source tokens: PolNeAR names a source for 92% of attributions, so a source the tagger is
# unsure of is more often right than leaving it out.
SOURCE_THRESHOLD = 0.5
# Content ends before these: the sentence's own closing punctuation is not part of what was said.
_TRAILING = frozenset(".,;:")


@lru_cache(maxsize=1)
def _taggers() -> tuple[pycrfsuite.Tagger, pycrfsuite.Tagger]:
    taggers = []
    for path in (CUE_MODEL, ROLE_MODEL):
        if not path.is_file():
            raise FileNotFoundError(
                f"attribution model {path} is missing; rebuild it with "
                "`python benchmarks/attribution/train.py` (needs shared/data/polnear) or reinstall storyweave"
            )
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        taggers.append(tagger)
    return taggers[0], taggers[1]


def chunks(labels: Sequence[str], role: str) -> list[tuple[int, int]]:
    """Token ranges [first, last) labelled ``B-role`` / ``I-role`` (an ``I`` without ``B`` starts one)."""
    found: list[tuple[int, int]] = []
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


def _cue_labels(tagger: pycrfsuite.Tagger, tokens: Sequence[Token]) -> list[str]:
    """Posterior decoding: each token's cue probability against ``CUE_THRESHOLD``, not the Viterbi path."""
    tagger.set(cue_features(tokens))
    labels: list[str] = []
    for i in range(len(tokens)):
        begin, inside = tagger.marginal("B-CUE", i), tagger.marginal("I-CUE", i)
        if begin + inside < CUE_THRESHOLD:
            labels.append("O")
        elif begin >= inside or not labels or labels[-1] == "O":
            labels.append("B-CUE")
        else:
            labels.append("I-CUE")
    return labels


def _span(text: str, tokens: Sequence[Token], first: int, last: int) -> Span:
    start, end = tokens[first].start, tokens[last - 1].end
    return Span(start, end, text[start:end])


def _content_range(labels: Sequence[str], tokens: Sequence[Token], cue: tuple[int, int]) -> tuple[int, int]:
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
    labels: list[str] = []
    for i in range(size):
        begin, inside = tagger.marginal("B-SRC", i), tagger.marginal("I-SRC", i)
        if begin + inside < SOURCE_THRESHOLD:
            labels.append("O")
        elif begin >= inside or not labels or labels[-1] == "O":
            labels.append("B-SRC")
        else:
            labels.append("I-SRC")
    return labels


def _source_range(labels: Sequence[str], cue: tuple[int, int]) -> tuple[int, int] | None:
    """The source chunk nearest the cue: a sentence may name several people, the nearest is the speaker."""
    candidates = chunks(labels, "SRC")
    if not candidates:
        return None
    return min(candidates, key=lambda r: min(abs(r[0] - cue[0]), abs(r[1] - cue[1])))


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
        first, last = _content_range(labels, tokens, cue)
        if last <= first:
            continue
        source = _source_range(_source_labels(role_tagger, len(tokens)), cue)
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

    Offsets are into ``text`` as given. Raises FileNotFoundError when the trained models are missing.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_attributions expects the article text as str, got {type(text).__name__}")
    cue_tagger, role_tagger = _taggers()
    found: list[Attribution] = []
    for tokens in sentences_of(text):
        found.extend(_sentence_attributions(text, tokens, article_id, cue_tagger, role_tagger))
    return found
