"""Features for stance (does a headline assert, deny or merely report a claim?) and for weakening pairs.

The cues are those of the Emergent paper (Ferreira & Vlachos 2016): refuting words ("hoax", "denies"),
hedging words ("reportedly", "claims", "may"), question marks, how much of the claim the headline
repeats, and whether one side is negated and the other not. Lexicons beat learned parse features here
because the training set is small (about 2,000 headlines) and the test claims are unseen: a word like
"hoax" transfers across claims, a claim's own vocabulary does not.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from storyweave.text.tokens import content_words, words

__all__ = [
    "HEADLINE_FEATURES",
    "PAIR_FEATURES",
    "WEAK_PAIR_FEATURES",
    "headline_features",
    "ngrams",
    "pair_features",
    "weak_pair_features",
]

REFUTING = frozenset(
    {
        "fake", "fakes", "fraud", "hoax", "hoaxes", "hoaxer", "false", "deny", "denies", "denied", "despite",
        "nope", "doubt", "doubts", "bogus", "debunk", "debunks", "debunked", "debunking", "prank", "pranks",
        "retract", "retracts", "retracted", "myth", "untrue", "satire", "satirical", "fabricated", "dismiss",
        "dismisses", "dismissed", "refute", "refutes", "refuted", "reject", "rejects", "rejected", "wrong",
        "misleading", "scam", "lie", "lies", "actually", "truth", "rubbish", "nonsense", "crazy", "baseless",
        "fiction", "phony", "spoof", "parody", "joke", "quash", "quashes", "slams", "clarifies", "rumour",
        "rumor", "rumours", "rumors"
    }
)  # fmt: skip
HEDGING = frozenset(
    {
        "allegedly", "reportedly", "claim", "claims", "claimed", "may", "might", "could", "rumored",
        "rumoured",
        "apparently", "purportedly", "purports", "purported", "suggest", "suggests", "report", "reports",
        "reported", "says", "said", "unconfirmed", "possibly", "possible", "appear", "appears", "believed",
        "seems", "seem", "likely", "according", "sources", "source", "would", "if", "perhaps", "speculation",
        "alleged", "tipped", "trying", "expected", "plans", "planning", "considering", "analyst", "forecast",
        "forecasts", "predicts", "whether", "unverified", "suspected", "supposedly", "believes", "thinks",
        "mulls", "eyes", "eyeing", "talks"
    }
)  # fmt: skip
NEGATORS = frozenset(
    {
        "not", "no", "never", "nothing", "none", "nor", "without", "isn't", "wasn't", "didn't", "doesn't",
        "don't", "aren't", "won't"
    }
)  # fmt: skip
CONTRAST = frozenset(
    {
        "but", "however", "although", "though", "despite", "yet", "while", "whereas", "instead", "contrary"
    }
)  # fmt: skip
# Verbs and phrases that attribute a claim to someone: a pair where both sides are somebody's statement is
# where ClaimDiff's weakening pairs concentrate (one speaker disputing another).
SPEECH = frozenset(
    {
        "said", "says", "say", "told", "tells", "according", "stated", "added", "claimed", "claims", "claim",
        "argued", "insisted", "wrote", "asserted", "announced", "reported", "reports", "tweeted", "alleged",
        "denied", "denies", "believes", "believe", "thinks", "think", "suggested", "suggests"
    }
)  # fmt: skip
_CONTRAST_WIDE = CONTRAST | {"rather", "nevertheless", "still", "even"}
_NAME = re.compile(r"\b[A-Z][a-z]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_QUOTE = re.compile(r"['\"‘“”’]")
_QUOTE_DOUBLE = re.compile(r'["“”]')


def ngrams(text: str) -> list[str]:
    """Word unigrams and bigrams: the bag-of-words part of the models."""
    tokens = words(text)
    return tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]


def _first_position(tokens: Sequence[str], lexicon: frozenset[str]) -> float:
    """Where the first lexicon word sits (0 = start, 1 = absent).

    "Hoax: ..." refutes more surely than "... a hoax?"."""
    for index, token in enumerate(tokens):
        if token in lexicon:
            return index / max(1, len(tokens))
    return 1.0


HEADLINE_FEATURES = (
    "refuting",
    "refuting_not_in_claim",
    "hedging",
    "hedging_not_in_claim",
    "has_question_mark",
    "ends_with_question",
    "claim_coverage",
    "headline_coverage",
    "jaccard",
    "headline_negated",
    "claim_negated",
    "negation_mismatch",
    "claim_refuting",
    "length",
    "has_quote",
    "has_colon",
    "capitalised_share",
    "new_number",
    "shared_number",
    "first_refuting",
    "first_hedging",
)


def headline_features(claim: str, headline: str) -> list[float]:
    """Hand features of (claim, headline), in ``HEADLINE_FEATURES`` order."""
    headline_tokens, claim_tokens = words(headline), words(claim)
    in_headline, in_claim = set(headline_tokens), set(claim_tokens)
    headline_content, claim_content = set(content_words(headline)), set(content_words(claim))
    shared = headline_content & claim_content
    headline_negated, claim_negated = bool(in_headline & NEGATORS), bool(in_claim & NEGATORS)
    headline_numbers, claim_numbers = set(_NUMBER.findall(headline)), set(_NUMBER.findall(claim))
    raw_words = headline.split()
    return [
        len(in_headline & REFUTING),
        len((in_headline & REFUTING) - in_claim),
        len(in_headline & HEDGING),
        len((in_headline & HEDGING) - in_claim),
        float("?" in headline),
        float(headline.strip().endswith("?")),
        len(shared) / max(1, len(claim_content)),
        len(shared) / max(1, len(headline_content)),
        len(shared) / max(1, len(headline_content | claim_content)),
        float(headline_negated),
        float(claim_negated),
        float(headline_negated != claim_negated),
        float(bool(in_claim & REFUTING)),
        len(headline_tokens) / 20,
        float(bool(_QUOTE.search(headline))),
        float(":" in headline),
        sum(1 for w in raw_words if w.isupper() and len(w) > 2) / max(1, len(raw_words)),
        float(bool(headline_numbers - claim_numbers)),
        float(bool(headline_numbers & claim_numbers)),
        _first_position(headline_tokens, REFUTING),
        _first_position(headline_tokens, HEDGING),
    ]


PAIR_FEATURES = (
    "jaccard",
    "coverage_min",
    "coverage_max",
    "negation_mismatch",
    "both_negated",
    "refuting_either",
    "refuting_both",
    "hedging_either",
    "contrast_either",
    "number_mismatch",
    "shared_number",
    "length_ratio",
    "quote_either",
)


def pair_features(first: str, second: str) -> list[float]:
    """Symmetric hand features of two claims, in ``PAIR_FEATURES`` order (order of the pair is irrelevant)."""
    tokens_a, tokens_b = set(words(first)), set(words(second))
    content_a, content_b = set(content_words(first)), set(content_words(second))
    shared = content_a & content_b
    negated_a, negated_b = bool(tokens_a & NEGATORS), bool(tokens_b & NEGATORS)
    refuting_a, refuting_b = bool(tokens_a & REFUTING), bool(tokens_b & REFUTING)
    numbers_a, numbers_b = set(_NUMBER.findall(first)), set(_NUMBER.findall(second))
    coverage = (len(shared) / max(1, len(content_a)), len(shared) / max(1, len(content_b)))
    lengths = sorted((len(tokens_a), len(tokens_b)))
    return [
        len(shared) / max(1, len(content_a | content_b)),
        min(coverage),
        max(coverage),
        float(negated_a != negated_b),
        float(negated_a and negated_b),
        float(refuting_a or refuting_b),
        float(refuting_a and refuting_b),
        float(bool((tokens_a | tokens_b) & HEDGING)),
        float(bool((tokens_a | tokens_b) & CONTRAST)),
        float(bool(numbers_a and numbers_b and not numbers_a & numbers_b)),
        float(bool(numbers_a & numbers_b)),
        lengths[0] / max(1, lengths[1]),
        float(bool(_QUOTE.search(first) or _QUOTE.search(second))),
    ]


WEAK_PAIR_FEATURES = (
    "speech_both",
    "speech_either",
    "quote_either",
    "refuting_either",
    "negation_mismatch",
    "contrast_either",
    "name_jaccard",
)


def weak_pair_features(first: str, second: str) -> list[float]:
    """Symmetric features of two claims for the weakening model, in ``WEAK_PAIR_FEATURES`` order.

    Few and coarse on purpose: on ClaimDiff (1,857 pairs, 93 stories) word n-grams and a wider set of
    framing features learned the stories' vocabulary and lost to the overlap + negation rule under
    story-grouped cross-validation; these seven carry what transfers across stories: both sides are
    somebody's statement, a quotation, a refuting word, negation on one side only, a contrast word, and
    how many names the two share (disputes are between named people about the same people).
    """
    tokens_a, tokens_b = set(words(first)), set(words(second))
    names_a, names_b = set(_NAME.findall(first)), set(_NAME.findall(second))
    speech_a, speech_b = bool(tokens_a & SPEECH), bool(tokens_b & SPEECH)
    return [
        float(speech_a and speech_b),
        float(speech_a or speech_b),
        float(bool(_QUOTE_DOUBLE.search(first) or _QUOTE_DOUBLE.search(second))),
        float(bool((tokens_a | tokens_b) & REFUTING)),
        float(bool(tokens_a & NEGATORS) != bool(tokens_b & NEGATORS)),
        float(bool((tokens_a | tokens_b) & _CONTRAST_WIDE)),
        len(names_a & names_b) / max(1, len(names_a | names_b)),
    ]
