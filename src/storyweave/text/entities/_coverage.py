"""Whether a report names what a sentence names: the check that keeps a citation from over-reaching.

Word overlap says two sentences are about the same thing; it does not say the second backs the first.
"A Kellhaven couple were among those killed when the ferry capsized on Saturday" shares nearly every word
with "Twelve people were killed when the ferry capsized on Saturday", yet a report that never mentions
Kellhaven cannot be cited for it. Names are the cheapest detail that tells these apart without a model:
a report backs a sentence only if it mentions every name the sentence brings in (any word of each name,
so "Rendle" covers "Ivo Rendle", and "Indonesia" covers "Indonesian").
"""

from __future__ import annotations

import re
from functools import lru_cache

from storyweave.text.calendar_words import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from storyweave.text.entities._names import name_key
from storyweave.text.entities._tokens import Token, is_name_shaped, possessive_base, tokenize
from storyweave.text.tokens import STOP_WORDS
from storyweave.text.verbs import SPEECH_VERBS

__all__ = ["ReportVocabulary", "name_words", "report_words", "uncovered_names"]

# Capitalised mid-sentence, yet not names of anything a report could leave out.
_CALENDAR = WEEKDAYS | MONTHS | MONTH_ABBREVIATIONS
_NOT_NAMES = _CALENDAR | frozenset({"spring", "summer", "autumn", "fall", "winter", "sir", "madam", "god"})
_SPEECH = SPEECH_VERBS | {"reports", "tells", "writes", "notes", "explained"}
# Quotation marks that bound an attribution; "’" and "'" are apostrophes as often ("activists'").
_QUOTES = frozenset({'"', "“", "”", "‘"})
_NICKNAME_QUOTES = _QUOTES | {"’", "'"}
_BOUNDARIES = _QUOTES | {",", ";", ":", "—", "–"}
_PREPOSITIONS = frozenset(
    {
        "at", "in", "on", "of", "from", "near", "against", "to", "with", "by", "for", "into", "outside",
        "inside", "across", "around", "between", "toward", "towards", "through", "during", "via", "over",
    }
)  # fmt: skip
_DETERMINERS = frozenset({"the", "a", "an"})
_TOLD = frozenset({"told", "tell", "tells"})
# Words this short followed by a full stop inside a sentence are abbreviations ("Co.", "Wis.").
_ABBREVIATION = 4
_DESCRIPTION_OPENERS = frozenset({"a", "an", "the", "who", "which"})
# Title-case lines (headlines) capitalise every word but the short ones, so capitals there say nothing
# about names; prose nearly always has a lower-case word of four letters or more.
_TITLE_CASE_WORD = 4
_TITLE_CASE_MIN_WORDS = 3
# Shared stems at least this long count as one name ("Indonesia" / "Indonesian", "Kenya" / "Kenyan").
_PREFIX = 5
# Words at least this long may differ by one letter (a substitution, insertion or deletion) and still match.
_FUZZY = 6
_WORD_PART = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Words that many different names share ("New York" / "New Kellhaven", "Lake Orrin" / "Lake Tana") or
# that every report uses in lower case ("national", "county"): finding one says nothing about the name,
# so a name with any other word is covered only through its other words.
_SHARED_NAME_WORDS = frozenset(
    {
        "new", "old", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
        "central", "upper", "lower", "great", "grand", "little", "big", "united", "national",
        "international", "federal", "royal", "general", "saint", "san", "santa", "los", "las", "el",
        "la", "le", "de", "del", "da", "di", "du", "van", "von", "der", "al", "bin", "ibn",
        "city", "county", "state", "states", "district", "province", "region", "republic", "kingdom",
        "university", "college", "school", "academy", "institute", "hospital", "center", "centre",
        "department", "ministry", "office", "agency", "service", "council", "court", "committee",
        "commission", "board", "bureau", "authority", "association", "union", "party", "company",
        "corporation", "group", "bank", "house", "senate", "congress", "parliament", "government",
        "army", "navy", "police", "fire", "church", "airport", "station", "street", "road", "avenue",
        "park", "river", "lake", "mount", "island", "islands", "bay", "port", "fort", "valley",
        "president", "senator", "governor", "minister", "prime", "mayor", "judge", "justice", "chief",
        "officer", "secretary", "director", "captain", "sergeant", "detective", "lieutenant",
        "commissioner", "chairman", "king", "queen", "prince", "princess", "pope", "mr", "mrs", "ms",
        "dr",
    }
)  # fmt: skip


def _comparable(word: str) -> str:
    """Case and diacritics folded: "Bélanger" and "Belanger" are one name."""
    return name_key(word.replace("’", "'")).replace(" ", "")


@lru_cache(maxsize=8192)
def name_words(sentence: str) -> tuple[frozenset[str], ...]:
    """The names a sentence brings in, each as the set of its words' comparable forms.

    A name is a run of name-shaped tokens that does not open the sentence (an opening capital may be
    any word). Left out: names after a preposition, which only say where or with whom; calendar words
    and honorifics; acronyms and dotted abbreviations, which outlets write in too many ways ("US" /
    "United States", "Co." / "County"); and everything in the attribution ("…," said the lawyer,
    William Taylor III; "Peggie Krippendorf, a spokeswoman, said"; "according to the Ledger"): reports
    of one fact quote different people. Title-case sentences give nothing.
    """
    tokens = tokenize(sentence)
    long_words = [t.text for t in tokens if t.text[0].isalpha() and len(t.text) >= _TITLE_CASE_WORD]
    if len(long_words) >= _TITLE_CASE_MIN_WORDS and all(word[0].isupper() for word in long_words):
        return ()
    attribution = _attribution([t.text for t in tokens])
    attribution.update(k for k, token in enumerate(tokens) if _abbreviated(sentence, token))
    attribution.update(_nicknames(tokens))
    lowered = [t.text.casefold() for t in tokens]
    names: list[frozenset[str]] = []
    run: set[str] = set()
    first = 0
    opener = _opening_name(tokens, attribution)
    for index, token in enumerate([*tokens, None]):
        if token is not None and (_name_word(token, index, attribution) or index == opener):
            first = first if run else index
            run.update(_comparable(part) for part in _WORD_PART.findall(possessive_base(token.text)))
            continue
        if run and not _in_adjunct(lowered, first):
            names.append(frozenset(run))
        run = set()
    return tuple(dict.fromkeys(names))


def _opening_name(tokens: list[Token], attribution: set[int]) -> int | None:
    """0 when the sentence opens with a name that the next word continues ("Kellhaven Police arrested"),
    which the rule that an opening capital may be any word would otherwise cut in half."""
    if len(tokens) < 2 or not _name_word(tokens[1], 1, attribution) or not is_name_shaped(tokens[0].text):
        return None
    return 0 if tokens[0].text.casefold() not in STOP_WORDS and "." not in tokens[0].text else None


def _in_adjunct(lowered: list[str], first: int) -> bool:
    """Whether the name starting at token ``first`` follows a preposition ("at Coors Field", "in the
    Black Hills"): where and with whom, which another report may leave out while backing the fact."""
    before = first - 1
    while before >= 0 and lowered[before] in _DETERMINERS:
        before -= 1
    return before >= 0 and lowered[before] in _PREPOSITIONS


def _name_word(token: Token, index: int, attribution: set[int]) -> bool:
    text = token.text
    if index == 0 or token.initial or index in attribution or not is_name_shaped(text):
        return False
    if "." in text or text.isupper() or text.casefold().startswith(("i'", "i’")):
        return False
    return _comparable(possessive_base(text)) not in _NOT_NAMES


def _nicknames(tokens: list[Token]) -> list[int]:
    """Indices of quoted words between a first name and a surname: Abigail "Abby" Williams."""
    return [
        k
        for k in range(2, len(tokens) - 2)
        if tokens[k - 1].text in _NICKNAME_QUOTES
        and tokens[k + 1].text in _NICKNAME_QUOTES
        and is_name_shaped(tokens[k - 2].text)
        and is_name_shaped(tokens[k + 2].text)
    ]


def _abbreviated(sentence: str, token: Token) -> bool:
    """A short word cut off by a full stop inside the sentence ("Co.", "Wis.", "Ill."), not ending it."""
    return (
        len(token.text) <= _ABBREVIATION
        and sentence[token.end : token.end + 1] == "."
        and bool(sentence[token.end + 1 :].strip())
    )


def _attribution(words: list[str]) -> set[int]:
    """Token indices that say who speaks rather than what happened.

    Before a speech verb: back to the previous boundary, or across a description set off by commas
    ("Corve, a spokeswoman for the board, said"). After it, to the end, when the verb follows the
    content ("…," said the lawyer, William Taylor); "according to" up to the next comma; and whoever was
    told.
    """
    lowered = [word.casefold() for word in words]
    found: set[int] = set()
    for verb, word in enumerate(lowered):
        if word not in _SPEECH:
            continue
        if word == "according":
            stop = next((k for k in range(verb, len(lowered)) if lowered[k] in _BOUNDARIES), len(lowered))
            found.update(range(verb, stop))
            continue
        start = _segment_start(lowered, verb)
        if start == verb and start > 0 and lowered[start - 1] == ",":
            # ", said": either "…, said Corve" (the speaker follows) or "Corve, a spokeswoman …, said".
            description = _segment_start(lowered, start - 1)
            if description > 0 and lowered[description] in _DESCRIPTION_OPENERS:
                start = _segment_start(lowered, description - 1)
        found.update(range(start, verb + 1))
        if word in _TOLD:  # the audience: "told Northshore Radio", "told Asia & Japan Watch"
            end = verb + 1
            while end < len(words) and (words[end] == "&" or is_name_shaped(words[end])):
                end += 1
            found.update(range(verb, end))
        if start > 0 and lowered[start - 1] in _BOUNDARIES:
            found.update(range(verb, _attribution_end(lowered, start, verb)))
    return found


def _attribution_end(lowered: list[str], start: int, verb: int) -> int:
    """Where an attribution that follows its content ends: after a quotation, at the next quotation or
    the end ('"…," said the lawyer, William Taylor III.'); after a comma, at the next boundary, taking in
    a description of the speaker ("…, said Sander Levin of Michigan, the committee's ranking Democrat.")
    but not the rest of a sentence it interrupts ("Rescuers, said Rendle, found the couple.")."""
    after_quote = lowered[start - 1] in _QUOTES or (
        start >= 2 and lowered[start - 1] == "," and lowered[start - 2] in _QUOTES
    )
    if after_quote:
        return next((k for k in range(verb, len(lowered)) if lowered[k] in _QUOTES), len(lowered))
    stop = _next_boundary(lowered, verb)
    if stop + 1 < len(lowered) and lowered[stop] == "," and lowered[stop + 1] in _DESCRIPTION_OPENERS:
        stop = _next_boundary(lowered, stop + 1)
    return stop


def _next_boundary(lowered: list[str], after: int) -> int:
    return next((k for k in range(after + 1, len(lowered)) if lowered[k] in _BOUNDARIES), len(lowered))


def _segment_start(lowered: list[str], end: int) -> int:
    start = end
    while start > 0 and lowered[start - 1] not in _BOUNDARIES:
        start -= 1
    return start


class ReportVocabulary:
    """A report's words in comparable form, indexed so that a missing name costs a few lookups, not a scan
    (a story's claims check every sentence against every report)."""

    __slots__ = ("_by_affix", "_by_prefix", "_words")

    def __init__(self, text: str) -> None:
        # Lower-case words count too: a sentence capitalises ordinary words after a quotation mark or in a
        # title ("Senator"), which another report writes in lower case.
        self._words = frozenset(_comparable(possessive_base(word)) for word in _WORD_PART.findall(text))
        self._by_prefix: dict[str, list[str]] = {}
        self._by_affix: dict[str, list[str]] = {}
        for word in self._words:
            if len(word) >= _PREFIX:
                self._by_prefix.setdefault(word[:_PREFIX], []).append(word)
            if len(word) >= _FUZZY - 1:
                self._by_affix.setdefault("<" + word[:3], []).append(word)
                self._by_affix.setdefault(">" + word[-3:], []).append(word)

    def covers(self, word: str) -> bool:
        """``word`` or a form of it is here: a shared stem ("Indonesia" / "Indonesian") or, for long words,
        one letter's difference in spelling ("Gadhafi" / "Gaddafi")."""
        if word in self._words:
            return True
        if len(word) < _PREFIX:
            return False
        if any(o.startswith(word) or word.startswith(o) for o in self._by_prefix.get(word[:_PREFIX], ())):
            return True
        if len(word) < _FUZZY:
            return False
        # One edit leaves the first three letters or the last three as they were.
        nearby = (*self._by_affix.get("<" + word[:3], ()), *self._by_affix.get(">" + word[-3:], ()))
        return any(_one_edit_apart(word, other) for other in nearby)


def report_words(text: str) -> ReportVocabulary:
    """A report's words (with its title and outlet, where the caller adds them), for ``uncovered_names``."""
    return ReportVocabulary(text)


def _one_edit_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]


def uncovered_names(sentence: str, words: ReportVocabulary) -> list[str]:
    """The names of ``sentence`` (see ``name_words``) of which a report's ``words`` hold no word (no
    distinctive word, where the name has one: "Kellhaven" for "New Kellhaven")."""
    missing = []
    for name in name_words(sentence):
        distinctive = name - _SHARED_NAME_WORDS or name
        if not any(words.covers(word) for word in distinctive):
            missing.append(" ".join(sorted(name)))
    return missing
