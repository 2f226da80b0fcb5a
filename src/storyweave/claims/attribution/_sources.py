"""Source choices the role tagger gets wrong inside otherwise right attributions, decided by rule.

On the 120 held-out PolNeAR train documents (``benchmarks/attribution/README.md``) a matched
attribution had the wrong source about one time in eight. The layouts fixed here are the ones a
sentence's surface decides:

- an agentless passive cue ("Clinton *was asked about* the speeches", "the poll *is expected* to ...",
  "*was announced*"): PolNeAR names no source for these (338 of 499 in the 718 training documents; most
  of the rest are feelings, "voters *are worried*", whose subject is the source), while the tagger,
  which learned that a name before the cue is its speaker, takes the grammatical subject;
- the same passive without its auxiliary, "*Asked about* the wall, Trump said ..." and "when *asked*":
  no source in 63 of 71 training cases, where the tagger takes the main clause's subject;
- a participle clause, "*Citing* the attack, Will said ..." or "..., *adding* that ...": its source is
  the main clause's subject (in 948 of 988 training cases an "-ing" cue opening the sentence or
  following a comma has a source), which the tagger, looking at one cue at a time, often leaves out; the
  main clause's own attribution has it;
- a manner adverb before the cue ("Smith *forcefully* rejected", "which *originally* said"): next to
  the cue, where sources stand, the tagger sometimes takes it for the source;
- a source cut down to its determiner ("*A* worker at the plant, who asked not to be named, said"): the
  tagger's confidence fades along a long noun phrase; the phrase runs on to the first comma.

And one layout is no attribution at all: the anonymity formula, "who *asked* not to be named", "*spoke*
on condition of anonymity", says why a source is unnamed, not what anyone claimed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from storyweave.claims.attribution._tokens import Token
from storyweave.model import Attribution, Span
from storyweave.text.verbs import IRREGULAR_PAST

__all__ = [
    "agentless_passive",
    "anonymity_formula",
    "asked_clause",
    "manner_adverb",
    "participle_sources",
    "source_span",
    "subject_before_coordination",
    "whole_determiner_phrase",
    "whole_noun_phrase",
    "without_relative_opening",
]

_Range = tuple[int, int]  # token indices [first, last)
_BE = frozenset({"was", "were", "is", "are", "been", "being", "be", "am", "’s", "'s"})
# Words that may stand between the auxiliary and the participle: "was *not* asked", "has *even* been".
_BETWEEN = frozenset({"not", "n’t", "n't", "also", "even", "never", "just", "then", "now", "once", "still"})
_PARTICIPLE = re.compile(r"[a-z]+(?:ed|wn|en)")
_IRREGULAR = frozenset(
    {"said", "told", "thought", "heard", "seen", "made", "held", "taught", "sought", "brought"}
)
# Participles read as adjectives of feeling or stance: their subject holds the feeling and is the
# source PolNeAR marks ("voters are worried that ...", "he is convinced that ...").
_EXPERIENCER = frozenset(
    {
        "worried", "concerned", "convinced", "divided", "impressed", "inclined", "shocked", "scared",
        "focused", "assured", "devoted", "outspoken", "pleased", "surprised", "disappointed", "frustrated",
        "confused", "determined", "committed", "opposed", "interested", "prepared", "united", "torn",
        "satisfied", "dissatisfied", "alarmed", "troubled", "angered", "encouraged", "excited", "delighted",
        "relieved", "disgusted", "offended", "outraged", "stunned", "amazed", "puzzled", "baffled",
        "unconvinced", "undecided", "unimpressed", "attached", "dedicated", "resigned", "tired", "fed",
        "obsessed", "horrified", "terrified", "embarrassed", "ashamed", "unmoved", "unconcerned",
        "annoyed", "irritated", "upset", "bothered", "skeptical", "inspired", "intrigued",
    }
)  # fmt: skip


def _participle(word: str) -> bool:
    return word in _IRREGULAR or bool(_PARTICIPLE.fullmatch(word))


def agentless_passive(lowers: Sequence[str], cue: _Range) -> bool:
    """Whether the cue is a passive verb with no "by" agent after it, and not a participle of feeling.

    The participle is the first word of the cue that follows a form of "be" (with at most "not", "even"
    and the like between); the auxiliary may lie inside the cue ("was asked about") or right before it.
    """
    first, last = cue
    for i in range(first, last):
        if not _participle(lowers[i]):
            continue
        j = i - 1
        while j >= 0 and (lowers[j] in _BETWEEN or manner_adverb(lowers[j])):
            j -= 1  # "could not be *independently* confirmed"
        if j < 0 or lowers[j] not in _BE:
            continue
        if lowers[i] in _EXPERIENCER:
            return False
        return not any(lowers[k] == "by" for k in range(i + 1, min(len(lowers), last + 2)))
    return False


# Reduced passives of questioning that open a clause: "Asked about ...", "When pressed on ...".
_ASKED = frozenset({"asked", "questioned", "pressed", "quizzed", "challenged"})
_ASKED_OPENERS = frozenset({"when", "if", "after", "once", "while", "as", "before"})


def asked_clause(lowers: Sequence[str], cue: _Range) -> bool:
    """Whether the cue is "asked" (or "pressed", "questioned") opening the sentence or after "when"."""
    first = cue[0]
    if lowers[first] not in _ASKED:
        return False
    before = first - 1
    while before >= 0 and not lowers[before][0].isalnum():
        before -= 1  # quotation marks and dashes before the opening word
    return before < 0 or lowers[before] in _ASKED_OPENERS


def _participle_cue(attribution: Attribution, sentence: str, offset: int) -> bool:
    """Whether the cue is an "-ing" word opening the sentence or following a comma."""
    head = attribution.cue.text.split()[0].lower() if attribution.cue.text.split() else ""
    if not head.endswith("ing"):
        return False
    before = sentence[: attribution.cue.start - offset].rstrip(' \u00a0“"‘')
    return not before or before.endswith(",")


def participle_sources(attributions: Sequence[Attribution], sentence: str, offset: int) -> list[Attribution]:
    """One sentence's attributions, a participle clause's missing source taken from the nearest other
    attribution of the sentence that has one. ``sentence`` is the sentence's text, starting at ``offset``
    in the article."""
    out = list(attributions)
    for index, attribution in enumerate(out):
        if attribution.source is not None or not _participle_cue(attribution, sentence, offset):
            continue
        donors = [
            other
            for other in attributions
            if other is not attribution
            and other.source is not None
            and not _participle_cue(other, sentence, offset)
        ]
        if donors:
            nearest = min(donors, key=lambda other: abs(other.cue.start - attribution.cue.start))
            out[index] = replace(attribution, source=nearest.source)
    return out


# "-ly" words that are not adverbs of manner and may be (part of) a name or a source.
_NOT_ADVERBS = frozenset(
    {"family", "ally", "allies", "italy", "kelly", "billy", "sally", "holly", "emily", "molly"}
)


def manner_adverb(word: str) -> bool:
    """Whether a word is a lower-case "-ly" adverb, which is never a source ("family" is no adverb;
    capitalised words are left alone: "Daily", "Weekly" name outlets)."""
    return (
        len(word) > 4
        and word.endswith("ly")
        and word.isalpha()
        and word.islower()
        and word not in _NOT_ADVERBS
    )


_ARTICLES = frozenset({"a", "an", "the"})
# Words that show the run has left the noun phrase: auxiliaries, modals and clause openers.
_NOT_IN_PHRASE = frozenset(
    {
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "will",
        "would", "can", "could", "may", "might", "must", "should", "not", "who", "which", "that", "said",
        "says", "told",
    }
)  # fmt: skip
_LONGEST_PHRASE = 10


def whole_determiner_phrase(lowers: Sequence[str], source: _Range | None, cue: _Range) -> _Range | None:
    """A source that is a lone article before the cue, run on to the comma that closes its noun phrase
    ("A worker at the plant, who asked ..., said"); none when the article is the cue's own ("The claim");
    any other source, or a run that meets a verb or no comma within a few words, unchanged."""
    if source is None or source[1] - source[0] != 1 or lowers[source[0]] not in _ARTICLES:
        return source
    if source[1] == cue[0]:
        return None  # "*The* claim of overloading is unconfirmed": the article of a noun cue, no speaker
    end = source[1]
    while end < min(cue[0], source[0] + _LONGEST_PHRASE) and lowers[end] != ",":
        if lowers[end] in _NOT_IN_PHRASE:
            return source
        end += 1
    return (source[0], end) if end < cue[0] and lowers[end] == "," and end > source[1] else source


_RELATIVES = frozenset({"who", "which", "that", "whose"})


def without_relative_opening(lowers: Sequence[str], source: _Range | None) -> _Range | None:
    """A source that ends in the opening of a relative clause ("A member of the committee, who [asked not
    to be named], said") without it: the pronoun and its comma belong to the clause."""
    if source is None:
        return None
    first, last = source
    if last - first > 2 and lowers[last - 1] in _RELATIVES and lowers[last - 2] == ",":
        return first, last - 2
    return source


_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", "—", "–"})


def outside_relative_clause(lowers: Sequence[str], source: _Range | None, cue: _Range) -> _Range | None:
    """The noun phrase a relative clause describes, when that clause ends at the comma before the cue and
    the source was found inside it ("A worker at the plant, who was not authorised to speak to *the
    press*, said") or swallowed it ("A member of the committee, who asked not to be named, said")."""
    comma = cue[0] - 1
    if source is None or comma < 2 or lowers[comma] != ",":
        return source
    opening = next(
        (j for j in range(comma - 1, 0, -1) if lowers[j] in ("who", "which") and lowers[j - 1] == ","), None
    )
    if opening is None or any(lowers[j] in _CLAUSE_BREAKS for j in range(opening + 1, comma)):
        return source
    head_end = opening - 1  # the comma opening the clause
    if source[0] < head_end < source[1]:
        return source[0], head_end
    if source[1] <= head_end:  # in the described phrase but cut short ("A worker at a"): run on to its end
        gap = range(source[1], head_end)
        if len(gap) <= _LONGEST_PHRASE and not any(
            lowers[j] in _CLAUSE_BREAKS or lowers[j] in _NOT_IN_PHRASE for j in gap
        ):
            return source[0], head_end
        return source
    if source[0] <= opening:
        return source
    start = head_end
    while start > 0 and head_end - start < _LONGEST_PHRASE:
        word = lowers[start - 1]
        if word in _CLAUSE_BREAKS or word in _NOT_IN_PHRASE:
            break
        start -= 1
    return (start, head_end) if start < head_end else source


_COORDINATORS = frozenset({"and", "but"})


def _finite_verb_like(word: str) -> bool:
    """A lower-case word that may be a verb in the present or past tense ("employs", "resigned", "took")."""
    if not (word.isalpha() and word.islower()):
        return False
    if word in IRREGULAR_PAST:
        return True
    if len(word) <= 3:
        return False
    return word.endswith("ed") or (word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")))


def subject_before_coordination(words: Sequence[str], source: _Range | None, cue: _Range) -> _Range | None:
    """The subject of a first verb phrase coordinated with the cue, when the source ran through that verb
    phrase up to the cue ("*The firm employs 35 people and* has said none will lose their jobs"): the words
    before the first verb. That verb is an auxiliary, or the last of a run of "-s"/"-ed" words (in "two
    directors resigned", the noun comes first). With no such verb, only the coordinator is dropped; a subject
    that would be a lone determiner or number keeps the whole phrase instead."""
    if source is None or source[1] != cue[0] or words[source[1] - 1].lower() not in _COORDINATORS:
        return source
    first, last = source
    verb = last - 1
    for j in range(first + 1, last - 1):
        if words[j].lower() in _NOT_IN_PHRASE:
            verb = j
            break
        if _finite_verb_like(words[j]):
            verb = j
            while verb + 1 < last - 1 and _finite_verb_like(words[verb + 1]):
                verb += 1
            break
    if verb - first == 1 and (words[first].lower() in _ARTICLES or words[first].isdigit()):
        verb = last - 1  # "Two" or "The" alone names nobody: better the phrase without its coordinator
    return (first, verb) if verb > first else None


def whole_noun_phrase(
    words: Sequence[str], lowers: Sequence[str], source: _Range | None, cue: _Range
) -> _Range | None:
    """The tagger's source made a whole noun phrase by the layout rules above, in order: run a lone article on
    to its comma, leave a relative clause's opening out, take the phrase a relative clause describes, and
    the subject of a verb phrase coordinated with the cue."""
    source = without_relative_opening(lowers, whole_determiner_phrase(lowers, source, cue))
    source = outside_relative_clause(lowers, source, cue)
    return subject_before_coordination(words, source, cue)


# Words whose final dot is their own, not the sentence's, when they end a source.
_ABBREVIATIONS = frozenset(
    {"Jr", "Sr", "Co", "Inc", "Ltd", "Corp", "Bros", "Gen", "Col", "Sgt", "Capt", "Lt", "St"}
)


def source_span(text: str, tokens: Sequence[Token], first: int, last: int) -> Span:
    """The source tokens' span without the sentence's full stop, which the tokenizer glues to a short
    final name as if it were an abbreviation ("said Group Commander Silas Wren.")."""
    start, end = tokens[first].start, tokens[last - 1].end
    word = tokens[last - 1].text
    if last == len(tokens) and word.endswith(".") and word[:-1].isalpha() and word[:-1] not in _ABBREVIATIONS:
        end -= 1
    return Span(start, end, text[start:end])


_ANONYMITY = re.compile(
    r"(?:not\s+to\s+be\s+(?:named|identified)|on\s+(?:the\s+)?condition\s+(?:of|that)"
    r"|without\s+being\s+(?:named|identified)|anonymously\s*(?:$|because\b|,)"
    r"|that\s+(?:his|her|their)\s+names?\s+(?:not\s+)?be\s+(?:withheld|used|published|given))",
    re.IGNORECASE,
)


def anonymity_formula(content: str) -> bool:
    """Whether a content is the anonymity formula ("not to be named because ...")."""
    return bool(_ANONYMITY.match(content.lstrip(' \u00a0“"‘,')))
