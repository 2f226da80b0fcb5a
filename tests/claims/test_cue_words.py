"""The hand-written cue-word lexicon (``cue_words.txt``) and the class features the taggers read from it."""

from __future__ import annotations

from storyweave.claims.attribution._cuewords import CUE_WORDS, inflections, load, parse
from storyweave.claims.attribution._features import cue_features, role_features, sentence_words
from storyweave.claims.attribution._lexicon import normalise
from storyweave.claims.attribution._tokens import tokenize


def test_regular_verb_inflections() -> None:
    assert inflections("argue") >= {"argue", "argues", "argued", "arguing"}
    assert inflections("deny") >= {"deny", "denies", "denied", "denying"}
    assert inflections("stress") >= {"stresses", "stressed", "stressing"}
    # Doubling depends on stress, which a lemma does not record: both spellings are generated.
    assert inflections("admit") >= {"admitted", "admitting", "admits"}
    assert inflections("visit") >= {"visited", "visiting"}
    assert inflections("say", ["said"]) >= {"says", "said", "saying"}


def test_noun_inflections_are_plurals_only() -> None:
    assert inflections("statement", noun=True) == {"statement", "statements"}
    assert inflections("inquiry", noun=True) == {"inquiry", "inquiries"}


def test_parse_classes_irregulars_and_exclusions() -> None:
    words = parse(
        [
            "# comment",
            "[speech]",
            "tell told told  # trailing comment",
            "state",
            "[nominal]",
            "claim",
            "[assertion]",
            "claim",
            "!states",
        ]
    )
    assert words.classes("told") == ("speech",)
    assert words.classes("telling") == ("speech",)
    assert words.classes("stated") == ("speech",)
    assert words.classes("states") == ()
    assert words.classes("claims") == ("nominal", "assertion")
    assert words.classes("claimed") == ("assertion",)
    assert words.classes("unrelated") == ()


def test_packaged_lexicon_covers_the_unseen_tail() -> None:
    """Cue words the PolNeAR training documents never show as cues, and the long tail of reporting verbs."""
    words = load(CUE_WORDS)
    assert len(words) > 1000
    for form, expected in {
        "testified": "speech",
        "lectured": "manner",
        "insists": "assertion",
        "acknowledged": "concession",
        "blamed": "evaluation",
        "urged": "directive",
        "predicted": "assertion",
        "revealed": "evidence",
        "believes": "belief",
        "according": "nominal",
        "reportedly": "adverb",
        "poll": "medium",
    }.items():
        assert expected in words.classes(form), form
    # Crude-stem collisions are avoided: forms are generated, never matched by stem.
    assert words.classes("not") == ()
    assert words.classes("states") == ()


def test_class_features_in_both_taggers() -> None:
    text = "Officials issued a statement, and Smith testified that the plan was flawed."
    tokens = tokenize(text)
    words = sentence_words(tokens)
    lowers = [normalise(t.text) for t in tokens]
    testified = lowers.index("testified")
    rows = cue_features(words)
    assert "cls=speech" in rows[testified]
    assert "cls|w1=speech|that" in rows[testified]
    assert "cls|lexw=speech|-" in rows[testified]  # no training lexicon given: level unknown
    # The nearest class word within three tokens, on each side.
    assert "clsR=nominal" in rows[lowers.index("issued")]
    assert "clsL=speech" in rows[lowers.index("that")]
    assert not any(f.startswith("cls=") for f in rows[lowers.index("smith")])
    roles = role_features(words, (testified, testified + 1), [False] * len(tokens))
    assert "side|cuecls=L|speech" in roles[lowers.index("smith")]
    assert "side|cuecls=R|speech" in roles[lowers.index("plan")]
    assert "side|cls=L|nominal" in roles[lowers.index("statement")]
