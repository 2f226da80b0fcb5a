"""What a kept stated claim is valid for: the tagger that found it and the code and models behind it.

Stated claims are worth keeping between runs (the attribution models cost ~9 ms a sentence), but only while
nothing that produced them has changed. Rather than trusting someone to bump a number, the version is a
digest of what produces them as installed: every source file and trained artefact of the claim and text
layers, the record format they are kept in, and the versions of the libraries whose numbers the models
depend on. An edit, a retrained model or an upgrade of any of these gives a new version, and claims kept
under an old one are simply not found. It is taken when this module is first imported, i.e. as the
process loads the code it will run, so a server upgraded in place keeps its old version until restarted.

Where the code cannot be read as files (a zip or frozen install), there is no version and nothing is kept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

from storyweave.text.encoder import EncoderUnavailable, token_encoder

__all__ = ["stated_claims_key", "version_of"]

_PACKAGE = Path(__file__).resolve().parents[2]
# What stated claims depend on, relative to the package: the claim layer (rules, attribution models), the
# text layer (sentences, quantities, the encoder) and the records, and how they are written down.
INPUTS = ("claims", "text", "model.py", "_record_dicts.py")
# Libraries whose behaviour is part of the models' output.
LIBRARIES = ("storyweave", "python-crfsuite", "numpy", "tokenizers", "scipy")


def _files(root: Path) -> Iterable[Path]:
    """Source and data files under ``root``; a module's compiled form only where its source is absent."""
    found = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    return [p for p in found if p.suffix != ".pyc" or not _source_of(p).exists()]


def _source_of(compiled: Path) -> Path:
    """ "pkg/__pycache__/mod.cpython-311.pyc" and "pkg/mod.pyc" (``compileall -b``) → "pkg/mod.py"."""
    if compiled.parent.name == "__pycache__":
        return compiled.parent.parent / (compiled.name.split(".")[0] + ".py")
    return compiled.with_suffix(".py")


def version_of(package: Path, inputs: Iterable[str], libraries: Iterable[str]) -> str | None:
    """A digest of the files ``inputs`` name under ``package`` and of the installed ``libraries``' versions;
    None when an input cannot be read as files."""
    digest = hashlib.sha256()
    for name in inputs:
        root = package / name
        if not root.exists():
            return None
        files = list(_files(root))
        if not files:
            return None
        for path in files:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    for library in libraries:
        try:
            digest.update(f"{library}=={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library} absent".encode())
    return digest.hexdigest()[:32]


_VERSION = version_of(_PACKAGE, INPUTS, LIBRARIES)


@cache
def _encoder_loads() -> bool:
    try:
        token_encoder()
    except (EncoderUnavailable, ImportError):
        return False
    return True


def stated_claims_key(contextual: bool | None) -> tuple[str, str] | None:
    """``(tagger, version)`` for stated claims found with ``contextual`` as ``stated_claims`` takes it, or
    None when no version can be told (see the module docstring): then nothing should be kept.

    ``tagger`` is "contextual" when the sentence encoder is used (``None`` means: when it loads), else
    "words".
    """
    if _VERSION is None:
        return None
    uses_encoder = contextual if contextual is not None else _encoder_loads()
    return ("contextual" if uses_encoder else "words"), _VERSION
