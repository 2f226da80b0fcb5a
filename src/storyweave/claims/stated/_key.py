"""What a kept stated claim is valid for: the tagger that found it and the code and models behind it.

Stated claims are worth keeping between runs (the attribution models cost ~9 ms a sentence), but only while
nothing that produced them has changed. Rather than trusting someone to bump a number, the version is a
digest of every source file and trained artefact of the claim and text layers as installed: any edit, any
retrained model, any upgrade gives a new version, and claims kept under an old one are simply not found.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from storyweave.text.encoder import EncoderUnavailable, token_encoder

__all__ = ["stated_claims_key"]

_PACKAGE = Path(__file__).resolve().parents[2]
# What stated claims depend on: the claim layer (rules, attribution models), the text layer (sentences,
# quantities, the encoder) and the records they are built from.
_INPUTS = ("claims", "text", "model.py")
_SKIPPED_SUFFIXES = (".pyc",)


@cache
def _version() -> str:
    digest = hashlib.sha256()
    for name in _INPUTS:
        root = _PACKAGE / name
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            if path.suffix in _SKIPPED_SUFFIXES or "__pycache__" in path.parts:
                continue
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]


@cache
def _encoder_loads() -> bool:
    try:
        token_encoder()
    except (EncoderUnavailable, ImportError):
        return False
    return True


def stated_claims_key(contextual: bool | None) -> tuple[str, str]:
    """``(tagger, version)`` for stated claims found with ``contextual`` as ``stated_claims`` takes it.

    ``tagger`` is "contextual" when the sentence encoder is used (``None`` means: when it loads), else
    "words". ``version`` changes whenever the code or models behind stated claims do.
    """
    uses_encoder = contextual if contextual is not None else _encoder_loads()
    return ("contextual" if uses_encoder else "words"), _version()
