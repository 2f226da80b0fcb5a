"""Comparable slots in a sentence: the values two reports of one event can disagree on.

A slot is a (kind, key, value) triple. Two sentences conflict on a slot when they share kind and key and
differ in value: "12 people were killed" and "the toll has risen to 15" share ("number", "dead"). The
keys are deliberately coarse (a casualty concept, a motion frame, a verb) because reports of one event
word the same fact differently; the alignment step decides which sentences are comparable at all, so the
slots only have to say *what* is compared, not *whether* the sentences talk about the same thing.

Pattern rules rather than a parser: the facts that matter in briefs (tolls, directions, destinations,
dates, who did what, did/did not) have few surface forms in news prose, and rules keep this fast and
explainable in the conflict text.
"""

from __future__ import annotations

import re

from storyweave.claims.align._negation import negation_slots
from storyweave.claims.align._slot import AUXILIARIES, DIRECTIONAL, FUNCTION_WORDS, NEGATORS, Slot
from storyweave.text.calendar_words import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from storyweave.text.tokens import stem
from storyweave.text.verbs import SPEECH_VERBS

__all__ = ["Slot", "slots_of"]


_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*(?:-[A-Za-z]+)*|\d+(?:[.,]\d+)*|[^\w\s]")

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}  # fmt: skip

# What a bare count measures, by the nearest concept word. Reports word a death toll as "killed", "dead",
# "deaths", "died", "toll", "bodies", "fatalities": all must compare with each other.
_CONCEPTS = {
    "dead": {"kill", "killed", "dead", "death", "deaths", "die", "died", "toll", "bodies", "body",
             "fatalities", "fatality", "lives", "drowned"},
    "missing": {"missing", "unaccounted"},
    "injured": {"injured", "injuries", "wounded", "hurt", "hospitalised", "hospitalized"},
    "survivors": {"survivor", "survivors", "survived", "rescued"},
    "arrested": {"arrested", "arrests", "detained"},
    "displaced": {"displaced", "evacuated", "evacuees", "homeless", "fled"},
}  # fmt: skip
_CONCEPT_OF = {word: concept for concept, words in _CONCEPTS.items() for word in words}
# A count of these nouns is about the nearest concept, not about the noun itself ("12 people were killed").
_PEOPLE = {"people", "persons", "person", "others"}
_GENERIC_COUNTED = _PEOPLE | {"of", "were", "are", "was", "have", "had", "has"}
# "three more bodies" is an increment, not a total; comparing it with a total would invent a conflict.
_INCREMENT = {"more", "other", "additional", "further", "extra", "new"}
_NOT_A_COUNT = {"p", "a", "am", "pm", "percent", "per", "years", "year", "o'clock", "km", "kilometres",
                "kilometers", "miles", "metres", "meters"}  # fmt: skip

_COMPASS = {
    "north": "north", "northbound": "north", "northward": "north", "northwards": "north",
    "south": "south", "southbound": "south", "southward": "south", "southwards": "south",
    "east": "east", "eastbound": "east", "eastward": "east", "eastwards": "east",
    "west": "west", "westbound": "west", "westward": "west", "westwards": "west",
    "northeast": "northeast", "northwest": "northwest", "southeast": "southeast", "southwest": "southwest",
}  # fmt: skip
# Verbs of going somewhere share one frame: "heading north to Halbrook" and "sailing south, back to
# Dunmere" disagree on both direction and destination although the verbs differ.
_MOTION = {"head", "heading", "headed", "sail", "sailing", "sailed", "travel", "travelling", "traveling",
           "travelled", "traveled", "go", "going", "went", "gone", "bound", "fly", "flying", "flew", "drive",
           "driving", "drove", "flee", "fleeing", "fled", "move", "moving", "moved", "return", "returning",
           "returned", "march", "marching", "marched", "sent", "taken", "back", "bus", "bussed", "carried",
           "escaped", "escape", "escaping", "deported", "transferred", "evacuated"}  # fmt: skip
_SCOPE_PREPOSITIONS = {"in", "across", "throughout"}
_TIME_WORDS = {"minutes", "hours", "days", "weeks", "months", "years", "decades", "times"}
_DEPART = {"left", "leave", "leaving", "departed", "departing", "depart"}
_MONTHS = MONTHS | MONTH_ABBREVIATIONS
_PERSON_TITLES = {"mr", "mrs", "ms", "dr", "captain", "governor", "mayor", "president", "minister", "general",
                  "commander", "officer", "sheriff", "chief", "judge"}  # fmt: skip


def _number(tokens: list[str], i: int) -> tuple[int, int] | None:
    """(value, tokens used) of a count starting at ``tokens[i]``, or None."""
    token = tokens[i].lower()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})*|\d+", token):
        return int(token.replace(",", "")), 1
    parts = token.split("-")
    if parts[0] in _TENS and (len(parts) == 1 or (len(parts) == 2 and parts[1] in _UNITS)):
        return _TENS[parts[0]] + (_UNITS[parts[1]] if len(parts) == 2 else 0), 1
    if token in _UNITS and token != "one":  # "one" is far more often a pronoun ("one survivor said")
        return _UNITS[token], 1
    return None


def _concept_near(lowered: list[str], i: int, look_back: bool = True) -> tuple[str, int] | None:
    """The concept a bare count measures, and where its word is.

    English puts the predicate after the count ("three are still missing", "12 people were killed"), so
    the first concept word within six tokens after the number wins; otherwise the nearest one before it
    ("the number of people killed ... has risen to 15") unless ``look_back`` is off.
    """
    for j in range(i + 1, min(len(lowered), i + 7)):
        if lowered[j] in _CONCEPT_OF:
            return _CONCEPT_OF[lowered[j]], j
    for j in range(i - 1, -1 if look_back else i - 1, -1):
        if lowered[j] in _CONCEPT_OF:
            return _CONCEPT_OF[lowered[j]], j
    return None


def _scope(tokens: list[str], lowered: list[str], start: int) -> str:
    """ "in Homs", "across Syria": a capitalised place after "in"/"across"/"throughout" within the clause
    that follows ``start``, which narrows what a count covers."""
    for j in range(start, min(len(tokens) - 1, start + 8)):
        if lowered[j] in {",", ";", ".", "and", "but", "while", "when"}:
            return ""
        if lowered[j] in _SCOPE_PREPOSITIONS:
            k = j + 1 + (lowered[j + 1] == "the")
            phrase, _ = _phrase(tokens, k) if k < len(tokens) and tokens[k][:1].isupper() else ("", k)
            first_word = phrase.split()[0].lower().removesuffix("'s") if phrase else ""
            if (
                phrase and first_word not in _MONTHS and first_word not in WEEKDAYS
            ):  # not "in Tuesday's blast"
                return f"{lowered[j]} {phrase}"
    return ""


def _toll_after(lowered: list[str], whole: int) -> bool:
    """Whether the whole of a partitive is a casualty count: "15 people killed", "the 12 dead"."""
    return any(word in _CONCEPT_OF for word in lowered[whole + 1 : whole + 4])


def _partitive_whole(tokens: list[str], lowered: list[str], i: int, used: int) -> int | None:
    """Where the whole of "three of the eight charges" starts, when the count at ``i`` is such a part."""
    j = i + used
    if j >= len(lowered) or lowered[j] != "of":
        return None
    j += 1 + (j + 1 < len(lowered) and lowered[j + 1] in {"the", "its", "their", "those"})
    return j if j < len(tokens) and _number(tokens, j) is not None else None


# An age in apposition ("Abigail Williams, 13, whose bodies ...", "both 13"), a range ("age 20 to 29",
# "18-34", "between 20 and 30"), a phone number's groups, or an amount of money or a scaled figure ("$300
# billion") is no count of people or things another report could contradict.
_AGE_WORDS = {"aged", "age", "ages", "both"}
_CHANGE_VERBS = {"rose", "risen", "rises", "rising", "climbed", "climbs", "jumped", "increased", "grew",
                 "fell", "fallen", "dropped", "revised", "raised", "lowered", "went", "gone"}  # fmt: skip
_SCALES = {"hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "m", "k", "hundreds",
           "thousands", "millions", "billions"}  # fmt: skip
_CURRENCY = {"$", "£", "€", "¥", "us$", "usd", "eur", "gbp"}
_SCALE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def _not_a_count(lowered: list[str], i: int, used: int) -> bool:
    before = lowered[i - 1] if i > 0 else ""
    before2 = lowered[i - 2] if i > 1 else ""
    after = lowered[i + used] if i + used < len(lowered) else ""
    after2 = lowered[i + used + 1] if i + used + 1 < len(lowered) else ""
    if before in _AGE_WORDS or (before, after) in {(",", ","), (",", ")"), ("(", ")")}:
        return True
    if before in {"all", "each"} and after in {",", ")"} and i >= 2 and lowered[i - 2] in {",", "("}:
        # "Three girls, all 13, were injured" ("killed all 13, police said" is a count)
        return True
    if after in {"to", "-", "–", "and", "or"} and after2[:1].isdigit():
        return True  # "20 to 29"; in "rose from 12 to 15" the 12 is the old figure, the 15 stands
    if before in {"-", "–", "to", "and", "or"} and before2[:1].isdigit():
        # "rose from 12 to 15": the 15 is the figure now; "aged from 18 to 34" is a range
        changed = i >= 4 and lowered[i - 3] == "from" and lowered[i - 4] in _CHANGE_VERBS | {"up", "down"}
        return not (before == "to" and changed)
    return after in _SCALES or before in _CURRENCY


def _number_slots(tokens: list[str], lowered: list[str]) -> list[Slot]:
    found: dict[int, Slot] = {}
    wholes: set[int] = set()
    for i in range(len(tokens)):
        if i in wholes:
            continue
        parsed = _number(tokens, i)
        if parsed is None:
            continue
        value, used = parsed
        after = lowered[i + used] if i + used < len(lowered) else ""
        before = lowered[i - 1] if i > 0 else ""
        if after in _SCALE_WORDS and before not in _CURRENCY:  # "1 million people displaced"
            value, used = value * _SCALE_WORDS[after], used + 1
            after = lowered[i + used] if i + used < len(lowered) else ""
        # A count ends a sentence only after "to" / "at" ("the toll has risen to 15.").
        closing = after in {".", ":"} and before not in {"to", "at"}
        if after in _INCREMENT or after in _NOT_A_COUNT or closing or before in _MONTHS:
            continue
        if _not_a_count(lowered, i, used):
            continue
        if 1800 <= value <= 2100 and tokens[i].isdigit():  # a year, compared as a date if anywhere
            continue
        whole = _partitive_whole(tokens, lowered, i, used)
        if whole is not None:
            # "three of the eight murder charges": the part is no count another report gives alone, and
            # the whole is compared only when it is a toll ("two of the 15 people killed were officers"):
            # "acquitted on five of the eight charges" and "three murder charges" are parts of one whole.
            if not _toll_after(lowered, whole):
                wholes.add(whole)
            continue
        if after and after.isalpha() and after not in _GENERIC_COUNTED and after not in FUNCTION_WORDS:
            key, last = _CONCEPT_OF.get(after) or stem(after), i + used
            # "two journalists were killed" (or "killed two journalists") is not "four journalists escaped".
            predicate = _concept_near(lowered, i + used, look_back=False)
            if predicate is None or predicate[1] - i > 4:
                predicate = (_CONCEPT_OF[before], i) if before in _CONCEPT_OF else None  # "killed two X"
            if after not in _CONCEPT_OF and after not in _TIME_WORDS and predicate is not None:
                key = f"{key} {predicate[0]}"
        else:
            # "sixty people on board" names its own subject: only a predicate after it can say what
            # the count measures; a bare "risen to 15" takes the concept from before.
            near = _concept_near(lowered, i, look_back=after not in _PEOPLE)
            if near is None:
                continue
            key, where = near
            last = where if 0 < where - i <= 4 else i + used - 1
        first = i - 1 if before in {"about", "nearly", "almost", "over"} else i
        if (before == "least" and i >= 2 and lowered[i - 2] == "at") or before == "to":  # "risen to 15"
            first = max(0, i - 2)
        scope = _scope(tokens, lowered, last + 1)
        found[i] = Slot("number", key, str(value), " ".join(tokens[first : last + 1]), scope)
    return [found[i] for i in sorted(found)]


def _frame_before(lowered: list[str], i: int) -> str | None:
    """The motion frame governing position ``i``: a motion verb within four tokens before it."""
    for j in range(i - 1, max(-1, i - 5), -1):
        word = lowered[j]
        if word in _MOTION:
            return "motion"
        if word in _DEPART:
            return "departure"
    return None


def _phrase(tokens: list[str], i: int) -> tuple[str, int]:
    """A place or name phrase starting at ``i``: a run of capitalised tokens, or "the" + one noun."""
    end = i
    while end < len(tokens) and tokens[end][:1].isupper() and tokens[end].lower() not in WEEKDAYS:
        end += 1
    if end > i:
        return " ".join(tokens[i:end]), end
    if tokens[i].lower() == "the" and i + 1 < len(tokens) and tokens[i + 1].isalpha():
        return f"the {tokens[i + 1]}", i + 2
    return "", i


def _place_slots(tokens: list[str], lowered: list[str]) -> list[Slot]:
    found = []
    for i, word in enumerate(lowered):
        if word in _COMPASS and _frame_before(lowered, i) == "motion":
            found.append(Slot("place", "direction", _COMPASS[word], " ".join(tokens[max(0, i - 1) : i + 1])))
        elif word in DIRECTIONAL and i + 1 < len(tokens):
            frame = _frame_before(lowered, i)
            phrase, _ = _phrase(tokens, i + 1)
            if frame == "motion" and phrase:
                found.append(Slot("place", "destination", phrase.lower(), f"{tokens[i]} {phrase}"))
        elif word in _DEPART and i + 1 < len(tokens) and tokens[i + 1][:1].isupper():
            phrase, _ = _phrase(tokens, i + 1)
            found.append(Slot("place", "origin", phrase.lower(), f"{tokens[i]} {phrase}"))
    return found


def _verb_before(lowered: list[str], i: int) -> str | None:
    for j in range(i - 1, max(-1, i - 4), -1):
        word = lowered[j]
        if word.isalpha() and word not in FUNCTION_WORDS and word not in AUXILIARIES:
            return None if word in SPEECH_VERBS else stem(word)
    return None


def _date_slots(tokens: list[str], lowered: list[str]) -> list[Slot]:
    found = []
    for i, word in enumerate(lowered):
        if word in WEEKDAYS or (word in _MONTHS and tokens[i][:1].isupper() and word != "may"):
            verb = _verb_before(
                lowered, i - 1 if i and lowered[i - 1] in {"on", "in", "since", "last"} else i
            )
            if not verb:
                continue
            end = i + 1
            if word in _MONTHS and end < len(tokens) and tokens[end].isdigit():
                end += 1
            value = " ".join(lowered[i:end])  # "Saturday" and "Saturday evening" are the same day
            if end < len(lowered) and lowered[end] in {"evening", "morning", "night", "afternoon"}:
                end += 1
            found.append(Slot("date", verb, value, " ".join(tokens[i:end])))
    return found


def _person_slots(tokens: list[str], lowered: list[str]) -> list[Slot]:
    """A named person (two or more capitalised tokens, or a title and a name) as the subject of a verb."""
    found = []
    i = 0
    while i < len(tokens):
        phrase, end = _phrase(tokens, i) if tokens[i][:1].isupper() else ("", i)
        names = phrase.split()
        if i == 0 and names:  # a sentence-initial capital is not evidence of a name
            names = names[1:] if len(names) > 2 else names
        titled = i > 0 and lowered[i - 1] in _PERSON_TITLES
        if len(names) >= 2 or (titled and names):
            verb = next((w for w in lowered[end : end + 3] if w.isalpha() and w not in AUXILIARIES), None)
            if verb and verb not in SPEECH_VERBS and verb not in FUNCTION_WORDS and verb not in NEGATORS:
                found.append(Slot("person", stem(verb), " ".join(names).lower(), " ".join(names)))
        i = max(end, i + 1)
    return found


def slots_of(sentence: str) -> list[Slot]:
    """Every comparable slot in ``sentence``, in kind order (number, place, date, person, negation)."""
    tokens = _TOKEN.findall(sentence.replace("’", "'"))
    lowered = [t.lower() for t in tokens]
    return [
        *_number_slots(tokens, lowered),
        *_place_slots(tokens, lowered),
        *_date_slots(tokens, lowered),
        *_person_slots(tokens, lowered),
        *negation_slots(tokens, lowered),
    ]
