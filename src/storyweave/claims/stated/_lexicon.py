"""Word lists the claim layer decides with, in one place so a reader can check every decision.

Lists, not a model: no labelled data for voice, role or claim type exists in ``shared/data``, and each list
is a closed class a reviewer can extend (reporting verbs, generic nouns for people, titles). The reporting
verbs were chosen from the most frequent cue heads in PolNeAR train (``said``, ``told``, ``according``,
``wrote``, ``reported``, ``announced``, ``argued``, ``concluded`` ...) minus its non-speech "attributions"
(``support``, ``endorsed``, ``voted``), which state actions, not claims.
"""

from __future__ import annotations

import re

from storyweave.claims.certainty import phrase_pattern

__all__ = [
    "ANALYST_SOURCE",
    "ANONYMOUS_MARKERS",
    "ATTITUDE_CUE",
    "DEMONYM",
    "EVALUATIVE",
    "GENERIC_HEAD",
    "IMPERATIVE_OPENING",
    "INSTITUTION_HEAD",
    "OUTLET_WORD",
    "PERSON_TITLE",
    "PRONOUNS",
    "RELATIVE_PRONOUNS",
    "REPORTING_CUE",
    "RHETORIC_STRONG",
    "RHETORIC_WEAK",
    "ROLE_WORDS",
    "SINGULAR_UNNAMED",
    "VOCATIVE",
    "WRITER_ANALYSIS",
    "word_set",
    "words",
]

_WORD = re.compile(r"[^\W_]+(?:[’'.\-][^\W_]+)*\.?")


def words(text: str) -> list[str]:
    """The words of ``text`` (letters and digits, keeping inner apostrophes, hyphens and dots)."""
    return _WORD.findall(text)


def word_set(listed: str) -> frozenset[str]:
    """The whitespace-separated words of ``listed`` as a set: long word lists read best as one string."""
    return frozenset(listed.split())


# A cue carries a claim only if it says that someone said, wrote, found or thinks something.
REPORTING_CUE = phrase_pattern(
    r"s[ae]ys?|said|saying|tell(?:s|ing)?|told|according",
    r"stat(?:e|es|ed|ing|ement)|announc(?:e|es|ed|ing|ement)|declar(?:e|es|ed|ing)",
    r"report(?:s|ed|ing)?|reportedly|wr(?:ite|ites|ote|iting)|tweet(?:s|ed|ing)?",
    r"add(?:s|ed|ing)|not(?:e|es|ed|ing)|explain(?:s|ed|ing)?|claim(?:s|ed|ing)?",
    r"argu(?:e|es|ed|ing)|insist(?:s|ed|ing)?|maintain(?:s|ed|ing)?|contend(?:s|ed|ing)?",
    r"confirm(?:s|ed|ing)?|acknowledg(?:e|es|ed|ing)|admit(?:s|ted|ting)?|reveal(?:s|ed|ing)?",
    r"den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)",
    r"warn(?:s|ed|ing)?|threaten(?:s|ed|ing)?|vow(?:s|ed|ing)?|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)",
    r"call(?:s|ed|ing)?|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?|ask(?:s|ed|ing)?",
    r"believ(?:e|es|ed|ing)|think(?:s|ing)?|thought|suspect(?:s|ed|ing)?|estimat(?:e|es|ed|ing)",
    r"conclu(?:de|des|ded|ding|sion)|f(?:i|ou)nd(?:s|ing|ings)?|show(?:s|ed|n|ing)?|indicat(?:e|es|ed|ing)",
    r"suggest(?:s|ed|ing)?|predict(?:s|ed|ing)?|expect(?:s|ed|ing)?|assess(?:es|ed|ing|ment)?",
    r"hop(?:e|es|ed|ing)|fear(?:s|ed|ing)?|want(?:s|ed|ing)?|worr(?:y|ies|ied)",
    r"accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)|prais(?:e|es|ed|ing)|criticiz(?:e|es|ed|ing)|condemn(?:s|ed)?",
    r"describ(?:e|es|ed|ing)|recall(?:s|ed|ing)?|repl(?:y|ies|ied)|respond(?:s|ed|ing)?|answer(?:s|ed)?",
    r"quot(?:e|es|ed|ing)|cit(?:e|es|ed|ing)|read(?:s)?|learn(?:s|ed|t)",
    r"testif(?:y|ies|ied)|inform(?:s|ed)?|assur(?:e|es|ed)|explain",
    r"speak(?:s|ing)?|spoke|interview|remarks?|comment(?:s|ed)?|sources?",
    r":",
)
# Cues of desire, praise or blame: what follows is the source's stance, not a state of the world.
ATTITUDE_CUE = phrase_pattern(
    r"hop(?:e|es|ed|ing)|want(?:s|ed|ing)?|wish(?:es|ed)?|fear(?:s|ed|ing)?|worr(?:y|ies|ied)",
    r"prais(?:e|es|ed|ing)|criticiz(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|blam(?:e|es|ed|ing)",
    r"accus(?:e|es|ed|ing)|urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:for|on)|demand(?:s|ed|ing)?",
    r"call(?:s|ed|ing)?",
)
# Nouns that name a kind of voice rather than a voice: "officials", "a source", "residents".
GENERIC_HEAD = word_set(
    """official officials source sources informant informants person people aide aides adviser advisers
    advisor advisors spokesman spokeswoman spokesperson spokespeople spokesmen representative
    representatives member members witness witnesses resident residents observer observers analyst analysts
    expert experts diplomat diplomats officer officers commander commanders soldier soldiers fighter fighters
    militant militants insider insiders staffer staffers employee employees worker workers lawmaker
    lawmakers legislator legislators investigator investigators policeman authorities authority
    agents agent operative operatives leader leaders activist activists critic critics supporter supporters
    opponent opponents voter voters citizen citizens doctor doctors medic medics journalist journalists
    reporter reporters correspondent correspondents survivor survivors relative relatives neighbour
    neighbours neighbor neighbors locals local tribesmen elders elder clerics cleric figure figures contact
    contacts individual individuals someone somebody anyone others other many some several few most all
    both group groups team man woman men women teen teens guard guards negotiator negotiators
    republicans democrats conservatives liberals americans iraqis kurds syrians reports report accounts
    account intelligence estimates rumours rumors claims engineers engineer scientists scientist
    researchers researcher inspectors inspector auditors auditor lawyers lawyer economists economist
    monitors monitor scholars scholar officers"""
)
# An institution speaking as itself is identified even without a proper name ("the army said").
INSTITUTION_HEAD = word_set(
    """government ministry army military police coalition pentagon department agency company campaign
    committee council court party navy command headquarters embassy administration parliament senate
    congress cabinet presidency office bureau commission tribunal prosecutor prosecutors firm operator
    board constabulary organisation organization charity union club university hospital airline bank
    insurer utility regulator service"""
)
# One unnamed individual outside any official channel: the weakest provenance a report can give. An
# unnamed spokesperson or official speaks for an institution, so is not counted here.
SINGULAR_UNNAMED = word_set(
    """source informant person aide adviser advisor insider witness resident staffer employee operative
    contact individual someone somebody member diplomat man woman relative official officer soldier
    fighter doctor neighbour neighbor friend colleague associate guard worker lawyer negotiator activist"""
)
# Words that make an unnamed voice explicitly so.
ANONYMOUS_MARKERS = phrase_pattern(
    r"anonymous|anonymity|unnamed|unidentified|undisclosed|not\s+authori[sz]ed|declined\s+to\s+be\s+named"
)
# Capitalised words that modify a generic noun without naming anyone: "U.S. officials", "Kurdish sources".
DEMONYM = word_set(
    """u.s. us american americans british iraqi iraqis kurdish kurd kurds syrian syrians iranian turkish
    russian chinese french german israeli palestinian afghan pakistani saudi egyptian libyan yemeni
    lebanese jordanian european western arab arabic sunni shia shi'a shiite shi’i shi'i muslim christian
    jewish republican republicans democratic democrats gop conservative liberal federal state local
    senior top former current coalition allied western eastern northern southern ukrainian indian
    international national regional provincial municipal administration campaign military security
    intelligence police government army senate house congressional"""
)
# Titles before a name: "Lt. Gen. Qasim al-Atta", "Mr. Trump".
PERSON_TITLE = word_set(
    """mr. mrs. ms. dr. gen. lt. col. maj. capt. sgt. adm. sen. rep. gov. pres. prof. rev. president
    senator governor general colonel major captain sergeant admiral minister secretary ambassador mayor
    sheikh shaykh imam judge chief"""
)
PRONOUNS = word_set("he she they we i it his her their its him them us")
RELATIVE_PRONOUNS = word_set("who which that whom whose")
# Words marking a name as a news outlet: the voice a reader reaches the claim through.
OUTLET_WORD = phrase_pattern(
    r"news|times|post|journal|press|agency|tv|television|radio|magazine|daily|herald|tribune|gazette",
    r"guardian|telegraph|network|channel|newspaper|reuters|afp|ap|bbc|cnn|nbc|abc|cbs|npr|msnbc|fox",
    r"al[\s-]jazeera|al[\s-]arabiya|associated|bloomberg|politico|axios|wire|broadcaster|outlet|website",
)
# Role of a voice, first match wins; the role names what the text says the voice is.
ROLE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("spokesperson", phrase_pattern(r"spokes(?:man|woman|person|people|men)|press\s+secretary|spokes\w*")),
    ("outlet", OUTLET_WORD),
    ("intelligence", phrase_pattern(r"intelligence|spy|spies|cia|mi6|mossad")),
    (
        "commander",
        phrase_pattern(
            # "general" as a rank, not in an office title ("inspector general", "attorney general").
            r"commanders?|gen\.|(?<!inspector\s)(?<!inspectors\s)(?<!attorney\s)(?<!solicitor\s)"
            r"(?<!secretary\s)(?<!surgeon\s)(?<!auditor\s)(?<!director\s)(?<!consul\s)general",
            r"lt\.|col\.|colonel|maj\.|brigadier|admiral|adm\.|capt\.|captain",
        ),
    ),
    ("police", phrase_pattern(r"police|policem[ae]n|polices?|sheriff|constabulary")),
    (
        "military",
        phrase_pattern(
            r"military|army|forces|troops|soldiers?|pentagon|defen[cs]e\s+ministry|peshmerga|militar\w*"
        ),
    ),
    (
        "witness",
        phrase_pattern(r"witness(?:es)?|eyewitness(?:es)?|residents?|survivors?|locals?|bystanders?"),
    ),
    ("informant", phrase_pattern(r"informants?|insiders?")),
    ("expert", phrase_pattern(r"analysts?|experts?|researchers?|scholars?|professors?|economists?")),
    (
        "government",
        phrase_pattern(
            r"president|prime\s+minister|minist(?:er|ers|ry)|government|administration|white\s+house",
            r"state\s+department|secretary|ambassador|governor|mayor|senator|lawmakers?|congress",
        ),
    ),
    ("officials", phrase_pattern(r"officials?|authorities")),
    ("party", phrase_pattern(r"party|campaign|republicans?|democrats?")),
)
# Opinion in anyone's voice: obligation, evaluative frames and words, a judgement however it is reported.
EVALUATIVE = phrase_pattern(
    r"should|must|ought|need\s+to|needs\s+to|has\s+to|have\s+to",
    r"(?:it\s+(?:is|was|'s|’s|will\s+be|would\s+be)\s+)?(?:difficult|hard|easy|impossible)\s+to\s+(?:imagine|see|believe|say)",
    r"it\s+(?:is|was|'s|’s)\s+(?:clear|obvious|evident|ironic|telling|striking|remarkable)",
    r"it\s+(?:is|was|'s|’s|would\s+be|will\s+be)\s+(?:naive|foolish|wrong|unwise|a\s+mistake|premature|tempting|"
    r"no\s+surprise|unsurprising)",
    r"far\s+from\s+(?:clear|certain|over)|remains?\s+to\s+be\s+seen",
    r"hardly|arguably|not\s+to\s+be\s+underestimated",
    r"underestimat\w*|overstat\w*|humiliat\w*|disgrace\w*|shameful|absurd|ridiculous|pathetic|campy",
    r"bluster|bravado|preening|posturing|over-hyped|overhyped|brilliant|disastrous|catastrophic",
    r"terrible|awful|outrageous|excellent|wonderful|best|worst|greatest|dishonou?r\w*|crippling",
    r"let\s+alone|to\s+say\s+nothing\s+of|if\s+not\s+impossible|hard\s+to\s+swallow",
)
# Analysis only in the writer's own voice: emphasis ("clearly", "of course"), the writer's predictions and
# conditionals ("will likely", "may be over within days", "would carry more weight if"). In a source's
# words the same phrases are that source's account of the facts ("clearly, the rules were broken").
WRITER_ANALYSIS = phrase_pattern(
    r"of\s+course|surely|clearly|undoubtedly|indeed|no\s+doubt",
    r"would\s+appear|it\s+appears|it\s+seems|seem(?:s|ed)?\s+to\s+indicate|(?:will|would)\s+(?:likely|probably)",
    r"likely\s+(?:to\s+)?(?:result|remain|be|prove|become)|will\s+prove|inevitab\w*|hope(?:s|d)?",
    r"(?:may|might|could)\s+(?:well\s+)?(?:be|soon|prove|turn|become)",
    r"would\s+(?:\w+\s+){0,4}?if|if\s+[^.;]{3,80}?,\s+(?:\w+\s+){1,4}?(?:would|will|may|might|could)",
)
# Sources whose words are analysis by what they are: "analysts said", "experts believe".
ANALYST_SOURCE = phrase_pattern(r"analysts?|experts?|observers?|commentators?|pundits?|scholars?|academics?")
# Propaganda and incitement quoted as such. One strong sign suffices (a vocative "O Lion of ...", a call to
# arms, a slogan); weak signs (violent or religious vocabulary) need a second sign or an exclamation, so a
# plain report of a "strike" or of "jihadists" is not read as rhetoric.
RHETORIC_STRONG = phrase_pattern(
    r"oh\s+(?:you|ye)|rivers\s+of\s+blood|flow\s+like\s+rivers|make\s+(?:their|your)\s+blood",
    r"death\s+to|down\s+with|long\s+live|allahu\s+akbar|god\s+is\s+great",
    r"call(?:s|ed|ing)?\s+on\s+[\w\s’']{1,40}?\s+to\s+(?:fight|kill|attack|strike|wage|rise|slaughter|take\s+up)",
)
# A vocative "O’ Lion of Fallujah", "O soldiers": the address form of sermons and battle cries.
VOCATIVE = re.compile(r"(?<![\w-])O[’']?\s+(?=[A-Z]|soldiers|brothers|people|muslims)")
RHETORIC_WEAK = phrase_pattern(
    r"strike\s+forth|rise\s+up|kill\s+them|slaughter\w*|behead\w*|blood|burn\s+(?:them|their)",
    r"crusaders?|infidels?|unbelievers?|apostates?|kuffar|polytheists?|martyrdom|martyrs?|jihad",
    r"annihilat\w*|exterminat\w*|wipe\s+out|lions?\s+of\s+\w+|soldiers\s+of\s+(?:god|allah|the\s+caliphate)",
    r"god\s+willing|by\s+god|in\s+the\s+name\s+of\s+(?:god|allah)|brothers|enemies\s+of\s+(?:god|allah|islam)",
    r"strike|fight|kill",
)
# Commands that open a call to arms ("Strike forth", "Rise up", "Kill them").
IMPERATIVE_OPENING = re.compile(
    r"^\W*(?:strike|fight|kill|rise|join|march|wage|attack|slay|burn|take\s+up|go\s+forth|make|destroy)\b",
    re.IGNORECASE,
)
