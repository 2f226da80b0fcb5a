"""How sure a statement is: asserted, reported, hedged or denied, and the words that say so.

The four categories, strongest signal first (a sentence gets the first that applies):

``denied``
    The statement is rejected, by its source or by the writer: "denied", "rejected claims", "dismissed
    reports", "no evidence", "not true", "baseless"; for attributed content also a negated main clause
    right after the cue ("officials said it was not involved"). Denial wins over hedging because a reader
    must not take a denied claim as a weak form of the claim.
``hedged``
    Someone signals doubt or less than full knowledge: hearsay adverbs ("reportedly", "allegedly",
    "apparently", "purportedly"), epistemic verbs ("believed to", "thought to", "appears to", "seems",
    "suggests"), modals of possibility ("may have", "might", "could"; not the month "May", not "could not
    attend"), failure to confirm ("police could not confirm"), probability ("likely", "probably",
    "near certainty" — high confidence is still not knowledge), open status ("unconfirmed", "unverified",
    "unclear", "rumours", "speculation"), and conditions on confirmation ("if these reports ... receive
    confirmation").
``reported``
    Attributed to a source (someone said, told, announced it) with no hedge or denial: the reporter vouches
    only that it was said.
``asserted``
    The writer states it in their own voice, unattributed and unhedged.

A claim that reaches the reader through several voices (an outlet citing an official citing an informant)
is read along its whole chain by ``certainty_of_claim``: a hedge in any link's cue or in the content
lowers it, and a chain that ends in one unnamed individual ("an anonymous informant") is hedged too,
because nobody the reader can identify vouches for the claim.

Cue-phrase lexicons, not a learned model, because the categories are defined by these words and a reader
can check each decision against the ``hedges`` returned with it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = [
    "CERTAINTIES",
    "SINGLE_UNNAMED_SOURCE",
    "certainty_of",
    "certainty_of_attribution",
    "certainty_of_claim",
    "phrase_pattern",
]

CERTAINTIES = ("asserted", "reported", "hedged", "denied")
# The hedge recorded for a claim whose only identifiable provenance is one unnamed person.
SINGLE_UNNAMED_SOURCE = "single unnamed source"


def phrase_pattern(*phrases: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of ``phrases`` as whole words (hyphens count as word)."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(phrases) + r")(?![\w-])", re.IGNORECASE)


_DENIAL = phrase_pattern(
    r"den(?:y|ies|ied|ying|ial|ials)",
    r"reject(?:s|ed|ing)?\s+(?:the\s+|these\s+|those\s+|such\s+)?(?:claims?|reports?|allegations?|accounts?|suggestions?)",
    r"dismiss(?:es|ed|ing)?\s+(?:the\s+|these\s+|those\s+|such\s+)?(?:claims?|reports?|allegations?|accounts?)",
    r"refut(?:e|es|ed|ing)",
    r"debunk(?:s|ed|ing)?",
    r"no\s+evidence",
    r"(?:is|was|are|were)\s+not\s+true",
    r"(?:is|was)\s+(?:false|untrue|baseless|unfounded)",
    r"baseless",
    r"unfounded",
    r"fake\s+news",
    r"nothing\s+to\s+do\s+with",
)
# The writer's own verdict on what someone said ("Trump tweeted, falsely claiming that ..."): read in the
# writer's sentence and in a cue, not inside someone's content ("police said the man falsely claimed to be an
# officer" reports the police, it is no denial of theirs); not "falsely accused" or "false statements to the
# FBI", which are facts about a case.
_FALSELY = phrase_pattern(
    r"falsely\s+(?:claim\w*|sa(?:id|ys|y)|stat(?:ed|es|ing)|assert\w*|suggest\w*|insist\w*|tweet\w*)"
)
# An impersonal report of belief ("It is believed (that) the ship sank", "It is hoped the bridge ..."):
# it hedges the writer's own sentence, not another voice's claim that shares the sentence ("Four people,
# it is feared, died, and police said two more were missing").
_IMPERSONAL_HEDGE = phrase_pattern(
    r"it\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+|now\s+)?(?:believed|thought|understood|hoped|"
    r"feared|expected|presumed|rumou?red|alleged|suspected|assumed)"
)
_HEDGE = phrase_pattern(
    r"reportedly",
    r"allegedly",
    r"apparently",
    r"purportedly",
    r"supposedly",
    r"presumably",
    r"possibly",
    r"perhaps",
    r"probably",
    # Not a comparison of chances, which states a finding: "more likely to live with their parents",
    # "less likely than"; "most likely", "was likely", "More likely, ..." are hedges.
    r"(?<!\bmore\s)(?<!\bless\s)(?<!\bas\s)(?:un)?likely",
    r"(?<=\bmore\s)likely(?!\s+(?:to|than)\b)",
    r"(?<=\bless\s)likely(?!\s+(?:to|than)\b)",
    r"near\s+certainty",
    r"almost\s+certain(?:ly)?",
    r"(?:is|are|was|were)\s+(?:believed|thought|said|understood|rumou?red|alleged|suspected)\s+to",
    # What is feared, expected or presumed has not happened or is not known: "are feared dead", "is
    # expected to rise", "it is feared that".
    r"(?:is|are|was|were|been)\s+(?:widely\s+)?(?:feared|expected|presumed)\s+(?:to|that|dead)",
    r"appear(?:s|ed)?\s+to",
    r"(?:would|it)\s+appears?(?:\s+that)?",
    r"seem(?:s|ed)?",
    r"(?<!to\s)suggest(?:s|ed|ing)?",
    r"estimates?\s+(?:by|from)",
    # The modal "may", not the month ("in May", "May 3"): lower case, or opening a wish or question with a
    # subject ("May they ..."); the pattern is otherwise case-insensitive.
    r"(?-i:may)(?:\s+(?:have|be))?",
    r"(?-i:(?:^|(?<=[.!?]\s))\W*May(?=\s+(?:I|we|you|he|she|it|they|the|this|that|these|those|our|their|his|"
    r"her|its|God|Allah)\b))",
    r"might(?:\s+(?:have|be))?",
    # "could not" states what did not happen ("he could not attend"): no hedge. "could not confirm" leaves
    # the matter unconfirmed, which is a hedge of its own below.
    # Nor is "could" of perception: "smoke could be seen for miles", "residents could hear the blasts".
    r"could(?!\s+not\b)(?!\s+(?:be\s+(?:seen|heard|smelled|smelt|spotted)(?!\s+as\s+(?:a|an|the|being|part)\b)"
    r"|hear|smell)\b)"
    r"(?:\s+(?:have|be))?",
    r"(?:(?:could|can|did|does|do)\s+not|cannot|(?:could|ca|did|does|do)n[’']t|unable\s+to)\s+"
    r"(?:independently\s+)?(?:confirm|verify)",
    r"unconfirmed",
    r"unverified",
    r"(?:not|yet\s+to)\s+(?:yet\s+)?(?:be(?:en)?\s+)?(?:independently\s+)?(?:verified|confirmed)",
    r"(?:not\s+(?:yet\s+)?)?(?:clear|confirmed|verified)\s+whether",
    r"unclear",
    r"rumou?rs?",
    r"speculat(?:e|es|ed|ion|ing)",
    r"if\b[^.;]{0,80}?\bconfirm(?:s|ed|ation)?",
    r"if\s+(?:true|confirmed|accurate)",
    r"far\s+from\s+(?:clear|certain)",
    r"remains?\s+to\s+be\s+seen",
    # Said without evidence (not "held for years without evidence being presented").
    r"(?:sa(?:id|ys)|claim(?:ed|s)|alleg(?:ed|es)|assert(?:ed|s)|argu(?:ed|es)|suggest(?:ed|s)|insist(?:ed|s)|"
    r"tweet(?:ed|s)|wr(?:ote|ites)|blam(?:ed|es)|accus(?:ed|es)),?\s+without\s+(?:providing\s+|offering\s+|"
    r"citing\s+|presenting\s+)?(?:any\s+)?evidence",
    r"(?<=,\s)without\s+(?:any\s+)?evidence(?=\s*,)",
    r"(?<=,\s)without\s+(?:providing|offering|citing|presenting)\s+(?:any\s+)?evidence(?=\s*,)",
    r"(?:accus|blam|claim|alleg)\w*\s+(?:\w+\s+){1,3}without\s+(?:any\s+)?evidence",
    r"estimated",
    # The verb only: "suspected that", "is suspected of"; "a suspect", "17 suspected smugglers" name people.
    r"suspect(?:s|ed)?\s+(?:that|of)",
    r"(?:is|are|was|were|been|being)\s+suspected",
)
# A denial verb that denies nothing yet or nothing said: predicted or hypothetical ("will likely deny",
# "is expected to deny"), negated ("did not deny"), or denying a thing rather than a claim ("denied entry").
_NOT_YET_DENIED = re.compile(
    r"(?:\b(?:will|would|may|might|could|can|shall|should|not|never|expected|likely|unlikely|going|set|"
    r"plans?|planning|refused|refuses|declined|declines)|n[’']t)\s+(?:\w+\s+){0,2}(?:to\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
_DENIED_THING = re.compile(
    r"\s+(?:(?:him|her|them|us|me|it)\s+)?(?:access|entry|bail|permission|visas?|a\s+visa|passage|parole|"
    r"asylum|treatment|care|the\s+right|the\s+chance|the\s+opportunity|a\s+(?:request|permit|licen[cs]e))\b",
    re.IGNORECASE,
)
_DENIAL_VERB = re.compile(r"den(?:y|ies|ied|ying)", re.IGNORECASE)
# A cue that rejects in the passive ("claims that ... have been flatly rejected by his office"): a denial as
# a cue only; in content, "the bill was rejected" is a fact, not a denial.
_PASSIVE_REJECTION_CUE = phrase_pattern(r"(?:been|were|was|are|is)\s+(?:\w+ly\s+)?(?:rejected|dismissed)")
# A writer's sentence about another claim's verification ("The claim could not be confirmed", "The video has
# not been independently verified") states a fact about that claim; it does not hedge itself.
_VERIFICATION_STATUS = re.compile(
    r"^\W*(?:the|this|that|these|those|such|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:claims?|reports?|accounts?|recordings?|videos?|footage|images?|photos?|photographs?|figures?|"
    r"numbers?|toll|statements?|allegations?|information|details?|tapes?|audio|posts?|messages?)\s+"
    r"(?:could|can|has|have|had|was|were|is|are)(?:\s+not|n['’]t)\s+(?:yet\s+)?(?:be(?:en)?\s+)?"
    r"(?:independently\s+)?(?:verified|confirmed|authenticated)\b[^,;]*$",
    re.IGNORECASE,
)

# Cue verbs that themselves mark the source's own doubt ("believes", "suspects", "speculated").
_HEDGING_CUE = phrase_pattern(
    r"believ(?:e|es|ed|ing)",
    r"suspect(?:s|ed|ing)?",
    r"speculat(?:e|es|ed|ing)",
    r"guess(?:es|ed)?",
    r"estimat(?:e|es|ed|ing)",
    r"suggest(?:s|ed|ing)?",
    r"reportedly",
    r"allegedly",
)
# A negated main clause opening the content: "it was not", "he did not", "there is no".
_NEGATED_OPENING = re.compile(
    r"^\W*(?:that\s+)?(?:\w+\s+){0,3}?(?:(?:is|was|are|were|has|had|have|do|does|did)(?:\s+not|n['’]t)"
    r"|never|there\s+(?:is|was|are|were)\s+no)\b",
    re.IGNORECASE,
)


# A negated opening that reports what someone did not know, feel, get or have is no denial: "I just don't
# understand", "she doesn't deserve a bond", "we don't have much at this time", "he is not surprised",
# "there was not enough evidence" state a lack or a judgement, they reject nobody's claim.
_NOT_A_REJECTION = re.compile(
    r"\s*(?:even\s+|yet\s+|really\s+|fully\s+|at\s+all\s+)?(?:understand|expect|want|feel|care|like|need|"
    r"deserve|have\s+to|have\s+(?:much|more|further|enough|a\s+lot)|have\s+(?:any\s+)?(?:information|details|"
    r"comment|idea|update|news|word)|enough|surprised|sure|certain|"
    r"happy|pleased|worried|concerned|afraid|better|worse)\b",
    re.IGNORECASE,
)
# A promise is no denial either: "I will never stop looking", "we won't comment" ("he would never hurt a
# child", "he could never have been in Paris" still deny).
_MODAL_BEFORE = re.compile(r"\b(?:will|wo|shall)\s*(?:not\b|n['’]t|never\b)", re.IGNORECASE)
# ... or what was not done to the subject (a passive): "had never been shown", "were not told".
_NOT_DONE_TO = re.compile(
    r"\s*(?:been\s+)?(?:shown|told|informed|consulted|notified|invited|given|allowed|paid|offered|asked|warned|"
    r"made|reached|decided|set|scheduled|released|finali[sz]ed|determined|identified|announced|named|charged|"
    r"filed|completed)\b",
    re.IGNORECASE,
)
# "by" naming who did it, not how or when ("by name", "by midnight", "by the deadline", "by mistake").
_BY_AGENT = re.compile(
    r"\s+by\s+(?!(?:name|phone|email|e-mail|letter|hand|midnight|noon|mistake|accident|then|now|law|"
    r"the\s+(?:deadline|end|time|weekend)|\w+day|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|\d)\b)",
    re.IGNORECASE,
)
_AGENT_DENIABLE = re.compile(r"made|released|reached|set|filed|announced|charged", re.IGNORECASE)
_PASSIVE_OPENING = re.compile(r"\b(?:was|were|is|are)\b|\bbeen\b", re.IGNORECASE)


def _negated_opening(content: str) -> str | None:
    """The negated clause that opens attributed content ("it was not involved"), if it rejects something."""
    match = _NEGATED_OPENING.search(content)
    if match is None or _NOT_A_REJECTION.match(content, match.end()) or _MODAL_BEFORE.search(match.group()):
        return None
    done_to = _NOT_DONE_TO.match(content, match.end())
    # "was not made *by Israeli aircraft*" rejects who did it; "were not told by officials" and "not
    # identified by name" still state what was not done to someone.
    by_agent = (
        done_to is not None
        and _AGENT_DENIABLE.match(done_to.group().split()[-1])
        and _BY_AGENT.match(content, done_to.end()) is not None
    )
    if (
        done_to
        and not by_agent
        and (_PASSIVE_OPENING.search(match.group()) or "been" in done_to.group().lower())
    ):
        return None
    return " ".join(match.group().split())


def _matches(pattern: re.Pattern[str], text: str) -> list[str]:
    return [" ".join(m.group().split()) for m in pattern.finditer(text)]


def _denials(text: str) -> list[str]:
    """Denial phrases in ``text`` that deny a claim: not "will deny", "did not deny" or "denied entry"."""
    found = []
    for match in _DENIAL.finditer(text):
        verb = _DENIAL_VERB.match(match.group())
        if verb is not None and (
            _NOT_YET_DENIED.search(text, max(0, match.start() - 40), match.start())
            or _DENIED_THING.match(text, match.end())
        ):
            continue
        found.append(" ".join(match.group().split()))
    return found


def certainty_of(sentence: str) -> tuple[str, tuple[str, ...]]:
    """Certainty of a sentence in the writer's own voice: ("asserted" | "hedged" | "denied", hedge words).

    Never "reported": that needs an attribution, which ``find_attributions`` finds and labels itself.
    """
    denials = _denials(sentence) or _matches(_FALSELY, sentence)
    if denials:
        return "denied", tuple(denials)
    if _VERIFICATION_STATUS.search(sentence):
        return "asserted", ()
    hedges = _matches(_HEDGE, sentence) + _matches(_IMPERSONAL_HEDGE, sentence)
    if hedges:
        return "hedged", tuple(hedges)
    return "asserted", ()


def certainty_of_attribution(cue: str, content: str, sentence: str = "") -> tuple[str, tuple[str, ...]]:
    """Certainty of attributed content: "reported" unless the cue, content or framing sentence hedges
    ("reportedly", "believed to") or denies it ("denied", "said it was not").

    The whole sentence is read for hedges because reporters hedge outside the quoted words ("X reportedly
    said ..."); denial is read from cue and content only, so a denial elsewhere in the sentence does not
    flip this attribution.
    """
    denials = _denials(f"{cue} {content}") or _matches(_PASSIVE_REJECTION_CUE, cue) or _matches(_FALSELY, cue)
    if not denials and (opening := _negated_opening(content)):
        denials = [f"{cue} {opening}".strip()]
    if denials:
        return "denied", tuple(denials)
    hedges = _matches(_HEDGING_CUE, cue) + _matches(_HEDGE, sentence or f"{cue} {content}")
    if hedges:
        return "hedged", tuple(dict.fromkeys(hedges))
    return "reported", ()


def certainty_of_claim(
    content: str, sentence: str, cues: Sequence[str] = (), single_unnamed: bool = False
) -> tuple[str, tuple[str, ...]]:
    """Certainty of a claim read along its provenance chain.

    ``cues`` are the cue phrases of the chain, outermost first (empty for the writer's own statement);
    the innermost decides reported vs denied as ``certainty_of_attribution`` does, and a hedging word in
    any outer cue ("reports suggest", "reportedly told") hedges the whole claim. ``single_unnamed`` marks
    a chain whose innermost voice is one unnamed individual.
    """
    if not cues:
        certainty, hedges = certainty_of(sentence or content)
    else:
        certainty, hedges = certainty_of_attribution(cues[-1], content, sentence)
    if certainty == "denied":
        return certainty, hedges
    outer = [hedge for cue in cues[:-1] for hedge in _matches(_HEDGING_CUE, cue) + _matches(_HEDGE, cue)]
    extra = [*outer, SINGLE_UNNAMED_SOURCE] if single_unnamed else outer
    if extra:
        return "hedged", tuple(dict.fromkeys([*hedges, *extra]))
    return certainty, hedges
