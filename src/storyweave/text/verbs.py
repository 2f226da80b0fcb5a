"""English verb forms that word shape alone does not reveal, shared by the claims and attribution rules."""

from __future__ import annotations

__all__ = ["IRREGULAR_PAST", "SPEECH_VERBS"]

# Simple past forms that do not end in "-ed": with the regular "-ed" and "-s" endings they tell a finite verb
# ("The commander fled the city in June.") from a headline or caption, which has none. Forms that are mostly
# nouns ("ground", "wound") are left out, so a caption does not pass for a statement.
_IRREGULAR_PAST_WORDS = """
    arose awoke bore beat became began bent bet bit bled blew broke bred brought built burnt burst
    bought cast caught chose clung came cost crept cut dealt dug drew dreamt drank drove ate fell fed
    felt fought found fled flung flew forbade forgot forgave froze got gave went grew hung heard hid hit
    held hurt kept knelt knew laid led leapt learnt left lent let lay lit lost made meant met paid put
    quit rode rang rose ran said saw sought sold sent set shook shone shot shrank shut sang sank sat
    slept slid slung slit spoke sped spent spun spat split spread sprang stood stole stuck stung strode
    struck strove swore swept swam swung took taught tore told thought threw thrust trod understood
    undertook upheld overthrew overtook overran oversaw withdrew withheld woke wore wove wept won wrung
    wrote forsook foresaw mistook rebuilt retook slew
"""
IRREGULAR_PAST = frozenset(_IRREGULAR_PAST_WORDS.split())

# Words that attribute what follows or precedes to a speaker ("the board said", "according to", "told
# reporters"): the speaker's name says who, not what happened.
SPEECH_VERBS = frozenset(
    {
        "said", "say", "says", "told", "tell", "announced", "reported", "report", "confirmed", "added",
        "stated", "according", "wrote", "claimed", "denied", "insisted",
    }
)  # fmt: skip
