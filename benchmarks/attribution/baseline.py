"""The peer system for the benchmark: quotation marks plus a small list of speech verbs, no learning.

What a careful engineer writes in an hour: a sentence with a speech verb ("said", "told", "according to",
...) is an attribution; its content is the quotation in the sentence if there is one, otherwise the
words after the verb (or, after "according to X,", the words after the comma); its source is the words
between the sentence start (or the quotation) and the verb, or the words right after an inverted verb
("..., said the mayor").
"""

from __future__ import annotations

from storyweave.claims.attribution._tokens import Token, sentences_of

__all__ = ["baseline_attributions"]

SPEECH_VERBS = frozenset(
    {
        "said", "says", "say", "told", "tells", "added", "stated", "announced", "wrote", "reported",
        "claimed", "argued", "explained", "noted", "insisted", "warned", "asked", "replied", "tweeted",
    }
)  # fmt: skip
_QUOTES = frozenset('“”"')


def _quote_range(tokens: list[Token]) -> tuple[int, int] | None:
    quoted = [i for i, t in enumerate(tokens) if t.quoted and t.text not in _QUOTES]
    return (quoted[0], quoted[-1] + 1) if quoted else None


def _one(tokens: list[Token]) -> tuple[tuple[int, int] | None, tuple[int, int], tuple[int, int]] | None:
    lowers = [t.text.lower() for t in tokens]
    for i, word in enumerate(lowers):
        if word == "according" and i + 1 < len(lowers) and lowers[i + 1] == "to":
            comma = next((j for j in range(i + 2, len(tokens)) if lowers[j] == ","), None)
            if comma is None or comma + 1 >= len(tokens):
                return (i + 2, len(tokens) - 1), (i, i + 2), (0, i) if i else (i + 2, len(tokens) - 1)
            return (i + 2, comma), (i, i + 2), (comma + 1, len(tokens))
        if word in SPEECH_VERBS and not tokens[i].quoted:
            cue = (i, i + 1)
            quote = _quote_range(tokens)
            if quote is not None:
                content = quote
            elif i + 1 < len(tokens) - 1:
                content = (i + 1 + (lowers[i + 1] == "that"), len(tokens))
            else:
                content = (0, i)
            before = [j for j in range(i) if not tokens[j].quoted and tokens[j].text.isalnum()]
            if before and (quote is None or before[0] > quote[0]):
                source = (before[0], i)
            elif i + 1 < len(tokens) and tokens[i + 1].text[0].isalpha():
                stop = next(
                    (j for j in range(i + 1, len(tokens)) if not tokens[j].text.isalnum()), len(tokens)
                )
                source = (i + 1, stop)
            else:
                source = None
            return source, cue, content
    return None


def baseline_attributions(text: str) -> list[dict]:
    """Contract-shaped attributions ({"source", "cue", "content"}), at most one per sentence."""
    rows = []
    for tokens in sentences_of(text):
        found = _one(tokens)
        if found is None:
            continue
        source, cue, content = found
        if content[1] <= content[0]:
            continue

        def offsets(r: tuple[int, int], tokens: list[Token] = tokens) -> list[int]:
            return [tokens[r[0]].start, tokens[r[1] - 1].end]

        rows.append(
            {"source": offsets(source) if source else None, "cue": offsets(cue), "content": offsets(content)}
        )
    return rows
