"""Attribution relations: who (source) said (cue) what (content), with how sure (certainty).

Trained on PolNeAR (political news); see ``benchmarks/attribution/`` for the training script, the
model card and the benchmark.
"""

from storyweave.claims.attribution._cuewords import load as _load_cue_words
from storyweave.claims.attribution._extract import find_attributions

__all__ = ["cue_word_classes", "find_attributions"]


def cue_word_classes(word: str) -> tuple[str, ...]:
    """The classes of a cue word form in the packaged lexicon ("said" → ("speech",), "believed" →
    ("belief", ...)); () for a word that is no cue."""
    return _load_cue_words().classes(word.lower().replace("’", "'"))
