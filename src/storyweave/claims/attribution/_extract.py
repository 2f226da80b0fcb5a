"""From text to attributions: tag cues in each sentence, then tag each cue's source and content.

Two linear-chain CRFs (python-crfsuite) trained on PolNeAR by ``benchmarks/attribution/train.py``. A CRF
over the sentence, rather than rules per cue verb, because the annotated cues are a long tail (7,460
distinct strings in PolNeAR train, "said" only a fifth of them) and because where the content ends is
a sequence decision: the model sees that a quotation closes, a second cue starts, or the clause turns.
The model files are crfsuite's own binary format, gzipped, read by its C library: no pickle, no code
is loaded. Two pairs ship: the contextual pair, whose features include what a small transformer says about
each token (``_contextual``), used whenever its encoder loads, and the word-feature pair, used otherwise
or on request (``contextual=False``; some 30 times faster per document).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from storyweave.claims.attribution._content import TRAILING, content_range
from storyweave.claims.attribution._contextual import (
    HEAD,
    ROLE_HEAD,
    SentenceContext,
    role_head,
    sentence_context,
)
from storyweave.claims.attribution._features import SentenceWords, cue_features, role_features, sentence_words
from storyweave.claims.attribution._infinitives import marker_outside_cue
from storyweave.claims.attribution._models import lexicon, taggers
from storyweave.claims.attribution._neighbours import content_after_colon, content_before_bare_cue
from storyweave.claims.attribution._polls import poll_opening
from storyweave.claims.attribution._quotations import quotation_before_cue
from storyweave.claims.attribution._select import Candidate, inside_content, select
from storyweave.claims.attribution._sources import (
    agentless_passive,
    anonymity_formula,
    asked_clause,
    manner_adverb,
    participle_sources,
    source_span,
    whole_noun_phrase,
)
from storyweave.claims.attribution._tokens import Token, sentences_of
from storyweave.claims.certainty import certainty_of_attribution
from storyweave.model import Attribution, Span
from storyweave.text.encoder import EncoderUnavailable

__all__ = ["CUE_MODEL", "LEXICON", "ROLE_MODEL", "chunks", "find_attributions"]

_Range = tuple[int, int]  # token indices [first, last)
_Cue = tuple[_Range, float]  # a cue's tokens and its most probable token's cue posterior
_HERE = Path(__file__).resolve().parent
CUE_MODEL = _HERE / "cues.crfsuite.gz"
ROLE_MODEL = _HERE / "roles.crfsuite.gz"
# The same taggers fitted with the contextual probabilities among their features (``_contextual``);
# used whenever the encoder can be loaded, the word-feature pair above otherwise.
CONTEXTUAL_CUE_MODEL = _HERE / "cues_contextual.crfsuite.gz"
CONTEXTUAL_ROLE_MODEL = _HERE / "roles_contextual.crfsuite.gz"
CONTEXTUAL_HEAD = HEAD
CONTEXTUAL_ROLE_HEAD = ROLE_HEAD
LEXICON = _HERE / "lexicon.json.gz"
# A token is part of a confident cue when the tagger's posterior for B-CUE + I-CUE reaches this; a chunk
# reaching only WEAK_CUE_THRESHOLD is a weak cue, kept only where no other attribution claims its content
# (see ``_select``). With one threshold and no such check, 0.35 was best on the 120 held-out PolNeAR
# train documents (content F1 78.7 at 0.5, 79.4 at 0.35, 78.9 at 0.3): the tagger under-predicts the long
# tail of cues, but a lower threshold let in cues whose content another cue already covers. With the
# check (and the nested rule below): 81.45 at 0.35, 82.35 at 0.5, 82.9 at 0.6, 83.0 at 0.7, 83.0 at 0.8,
# 83.2 at 0.9; source and cue F1 peak at 0.7 (grid in model_card.json).
CUE_THRESHOLD = 0.7
# Weak cues: held-out content F1 at CUE_THRESHOLD 0.7: 82.9 at 0.2, 83.0 at 0.25, 82.5 at 0.3.
WEAK_CUE_THRESHOLD = 0.25
# With ``nested=False`` (the PolNeAR convention, used by ``storyweave eval attribution``), a confident cue
# inside the content of a cue earlier in its sentence ("Trump said voters *think* ...") must reach this
# too: PolNeAR annotates such nested attributions only now and then, and on the held-out
# documents (at CUE_THRESHOLD 0.35) only 17 of 98 with a cue posterior below 0.9 matched one (15 of 30
# above it), so they cost more precision than they bring recall (content F1 80.8 to 81.05 for 0.8 to 1.0).
NESTED_CUE_THRESHOLD = 0.9
# Briefs keep every nested attribution (``nested=True``): "officials said families fear the toll will
# rise" is a provenance chain the claims table shows, whatever PolNeAR's annotators usually marked. A
# nested cue needs the posterior every cue needed before the weak-cue rule (0.35).
NESTED_WEAK = 0.35
# Source chunks are found at SOURCE_THRESHOLD and trimmed to the tokens around their peak reaching
# SOURCE_EXTENT (see ``_source_range``). Chosen on the 120 held-out PolNeAR train documents: source F1
# 66.9 with the nearest chunk at 0.2, 68.3 with the most probable chunk at 0.05 trimmed at 0.2.
SOURCE_THRESHOLD = 0.05
SOURCE_EXTENT = 0.2
# Words that may open a sentence before a fronted "according to X, ..." without changing its structure.
_OPENERS = frozenset({"but", "and", "yet", "so", "however", "now", "also"})


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


def _cues(tagger: pycrfsuite.Tagger, words: SentenceWords) -> tuple[list[_Cue], list[_Cue]]:
    """(confident cues, weak cues) by posterior decoding, each with its most probable token's probability.

    Cues are the chunks whose tokens reach ``CUE_THRESHOLD`` (posteriors, not the Viterbi path); weak
    cues are the chunks at ``WEAK_CUE_THRESHOLD`` that share no token with a cue.
    """
    tagger.set(cue_features(words))
    begins, insides = _marginals(tagger, len(words.tokens), "CUE")

    def scored(threshold: float) -> list[_Cue]:
        found = chunks(_posterior_labels(begins, insides, "CUE", threshold), "CUE")
        return [(cue, max(begins[i] + insides[i] for i in range(*cue))) for cue in found]

    cues = scored(CUE_THRESHOLD)
    weak = [
        (w, p) for w, p in scored(WEAK_CUE_THRESHOLD) if not any(w[0] < c[1] and c[0] < w[1] for c, _ in cues)
    ]
    return cues, weak


def _span(text: str, tokens: Sequence[Token], first: int, last: int) -> Span:
    start, end = tokens[first].start, tokens[last - 1].end
    return Span(start, end, text[start:end])


def _source_range(
    tagger: pycrfsuite.Tagger, size: int, cue: _Range, words: Sequence[str] = ()
) -> _Range | None:
    """The source chunk for a cue; call right after ``tagger.tag``.

    Chunks are found at the permissive ``SOURCE_THRESHOLD`` (PolNeAR names a source for 92% of
    attributions, so a source the tagger is unsure of is more often right than none). Of several chunks
    (a sentence may name several people) the one holding the most probable token wins, the nearest to
    the cue on a near-tie; that beat "nearest chunk" on held-out documents because adverbs and clause
    fragments next to the cue get weak, short chunks. The winner is then trimmed to the tokens around
    its peak that reach ``SOURCE_EXTENT``, so a doubtful source is not also a bloated one. Manner
    adverbs among ``words`` ("forcefully rejected") are never a source (see ``_sources.manner_adverb``).
    """
    begins, insides = _marginals(tagger, size, "SRC")
    for i, word in enumerate(words):
        if manner_adverb(word):
            begins[i] = insides[i] = 0.0
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
    while end > cue[1] and tokens[end - 1].text in TRAILING:
        end -= 1
    comma = next((i for i in range(cue[1], end) if tokens[i].text == ","), end)
    if comma == cue[1]:
        return None
    fronted = not any(t.text[0].isalnum() and t.text.lower() not in _OPENERS for t in tokens[: cue[0]])
    if fronted:
        return ((cue[1], comma), (comma + 1, end)) if comma + 1 < end else None
    before = cue[0]
    while before > 0 and tokens[before - 1].text in TRAILING:
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


def _attribution(
    text: str,
    sentences: Sequence[list[Token]],
    index: int,
    article_id: str,
    words: SentenceWords,
    cue: _Range,
    others: Sequence[bool],
    role_tagger: pycrfsuite.Tagger,
) -> Attribution | None:
    """The attribution of one cue: its source and content by the role tagger and the layout rules."""
    tokens = sentences[index]
    cue_roles = (
        None if words.projected is None else role_head(CONTEXTUAL_ROLE_HEAD).predict(words.projected, cue)
    )
    labels = role_tagger.tag(role_features(words, cue, others, cue_roles))
    first, last = content_range(labels, tokens, cue)
    source = _source_range(role_tagger, len(tokens), cue, [t.text for t in tokens])
    ruled = _according_to(tokens, cue)
    if ruled is not None:
        source, (first, last) = ruled
    else:
        first, last = quotation_before_cue(tokens, cue, source, (first, last)) or (first, last)
        if agentless_passive(words.lowers, cue) or asked_clause(words.lowers, cue):
            source = None
        source = whole_noun_phrase([t.text for t in tokens], words.lowers, source, cue)
    if last <= first:
        return None
    content = _span(text, tokens, first, last)
    if anonymity_formula(content.text):
        return None
    if ruled is None:
        neighbour = _neighbour_content(sentences, index, cue, source, (first, last))
        if neighbour is not None:
            start, end = neighbour[0].start, neighbour[1].end
            content = Span(start, end, text[start:end])
    cue_span = _span(text, tokens, *cue)
    sentence = text[tokens[0].start : tokens[-1].end]
    certainty, hedges = certainty_of_attribution(cue_span.text, content.text, sentence)
    return Attribution(
        article_id=article_id,
        source=source_span(text, tokens, *source) if source else None,
        cue=cue_span,
        content=content,
        certainty=certainty,
        hedges=hedges,
    )


def _ruled(
    text: str, tokens: Sequence[Token], article_id: str, cue: _Range, source: _Range, content: _Range
) -> Attribution:
    """An attribution whose cue, source and content a layout rule found (``_polls``)."""
    cue_span, content_span = _span(text, tokens, *cue), _span(text, tokens, *content)
    sentence = text[tokens[0].start : tokens[-1].end]
    certainty, hedges = certainty_of_attribution(cue_span.text, content_span.text, sentence)
    return Attribution(article_id, _span(text, tokens, *source), cue_span, content_span, certainty, hedges)


def _sentence_attributions(
    text: str,
    sentences: Sequence[list[Token]],
    index: int,
    article_id: str,
    cue_tagger: pycrfsuite.Tagger,
    role_tagger: pycrfsuite.Tagger,
    nested_threshold: float,
    context: SentenceContext | None = None,
) -> list[Attribution]:
    tokens = sentences[index]
    probabilities, projected = (None, None) if context is None else context
    words = sentence_words(tokens, lexicon(LEXICON), contextual=probabilities, projected=projected)
    cues, weak = _cues(cue_tagger, words)
    # Every cue's roles are tagged with the confident cues as the sentence's other cues, as in training.
    others = [False] * len(tokens)
    for (first, last), _ in cues:
        for i in range(first, last):
            others[i] = True

    def build(cue: _Range) -> Attribution | None:
        marks = [mark and not cue[0] <= i < cue[1] for i, mark in enumerate(others)]
        return _attribution(text, sentences, index, article_id, words, cue, marks, role_tagger)

    candidates = []
    for cue, probability in cues:
        found = build(cue)
        if found is not None:
            candidates.append(Candidate(found, probability))
    kept = select(candidates, nested_threshold)
    weak_kept: list[Candidate] = []
    for cue, probability in weak:
        # Checked before tagging the weak cue's roles (see ``_select``), unless nested ones are wanted.
        if inside_content(tokens[cue[0]].start, tokens[cue[1] - 1].end, kept):
            nested_found = build(cue) if nested_threshold == 0.0 and probability >= NESTED_WEAK else None
            kept += [nested_found] if nested_found is not None else []
            continue
        found = build(cue)
        if found is not None:
            weak_kept.append(Candidate(found, probability, weak=True))
    if weak_kept:
        kept = select([Candidate(a, 1.0) for a in kept] + weak_kept, nested_threshold)
    kept.sort(key=lambda a: (a.cue.start, a.cue.end))
    poll = poll_opening(tokens)
    if poll is not None and not any(a.cue.start == tokens[0].start for a in kept):
        kept.insert(0, _ruled(text, tokens, article_id, *poll))
    if len(kept) < 2:
        return kept
    return participle_sources(kept, text[tokens[0].start : tokens[-1].end], tokens[0].start)


def find_attributions(
    text: str, article_id: str = "", *, nested: bool = True, contextual: bool | None = None
) -> list[Attribution]:
    """Who said what in ``text``: one ``Attribution`` per cue found, in text order.

    ``nested=False`` follows PolNeAR's annotation convention: a cue inside another attribution's content
    is reported only when the tagger is very sure of it (``NESTED_CUE_THRESHOLD``). Briefs keep them all,
    as links of a provenance chain, and get no cue opening with "to" (``_infinitives``).

    ``contextual`` picks the taggers: True needs the sentence encoder (``_contextual``; about 9 ms per
    sentence on one core, some 30 times the CRFs' cost, and 2–4 F1 points better on held-out PolNeAR),
    False uses the word-feature taggers only, None (the default) uses the encoder when it can be loaded.

    Offsets are into ``text`` as given. Safe to call from several threads (each has its own taggers).
    Raises FileNotFoundError when the trained models or their lexicon are missing, and
    ``EncoderUnavailable`` when ``contextual=True`` and the encoder cannot be loaded.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_attributions expects the article text as str, got {type(text).__name__}")
    sentences = sentences_of(text)
    probabilities = (
        sentence_context(text, sentences, CONTEXTUAL_HEAD, CONTEXTUAL_ROLE_HEAD)
        if contextual is not False
        else None
    )
    if probabilities is None and contextual:
        raise EncoderUnavailable(
            "contextual attribution was asked for, but the sentence encoder cannot be loaded"
        )
    if probabilities is None:
        cue_tagger, role_tagger = taggers(CUE_MODEL, ROLE_MODEL)
    else:
        cue_tagger, role_tagger = taggers(CONTEXTUAL_CUE_MODEL, CONTEXTUAL_ROLE_MODEL)
    nested_threshold = 0.0 if nested else NESTED_CUE_THRESHOLD
    found = [
        attribution
        for index in range(len(sentences))
        for attribution in _sentence_attributions(
            text,
            sentences,
            index,
            article_id,
            cue_tagger,
            role_tagger,
            nested_threshold,
            None if probabilities is None else probabilities[index],
        )
    ]
    return marker_outside_cue(found) if nested else found
