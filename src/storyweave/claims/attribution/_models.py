"""Loading the taggers and their lexicon: crfsuite models per thread, the lexicon once per process."""

from __future__ import annotations

import functools
import gzip
import threading
from pathlib import Path

import pycrfsuite

from storyweave.claims.attribution._lexicon import Lexicon

__all__ = ["lexicon", "taggers"]


def _model_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise FileNotFoundError(
            f"attribution model {path} is missing; rebuild it with "
            "`python benchmarks/attribution/train.py` (needs shared/data/polnear) or reinstall storyweave"
        )
    return gzip.decompress(path.read_bytes())


_PER_THREAD = threading.local()


@functools.cache
def lexicon(path: Path) -> Lexicon:
    """The training lexicon the taggers were fitted with; immutable, so shared by all threads."""
    return Lexicon.read(path)


def taggers(cue_model: Path, role_model: Path) -> tuple[pycrfsuite.Tagger, pycrfsuite.Tagger]:
    """One pair of taggers per thread: a crfsuite tagger keeps the last sequence's state between calls.

    crfsuite reads the model bytes in place, so they are kept beside the taggers for as long as those live.
    """
    key = (cue_model, role_model)
    if getattr(_PER_THREAD, "key", None) != key:
        models = [_model_bytes(path) for path in key]
        taggers = []
        for model in models:
            tagger = pycrfsuite.Tagger()
            tagger.open_inmemory(model)
            taggers.append(tagger)
        _PER_THREAD.key, _PER_THREAD.models = key, models
        _PER_THREAD.taggers = (taggers[0], taggers[1])
    return _PER_THREAD.taggers
