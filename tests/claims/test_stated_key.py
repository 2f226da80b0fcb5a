"""The version kept stated claims are valid for: it follows the code, models and libraries behind them."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyweave.claims.stated import _key
from storyweave.claims.stated._key import stated_claims_key, version_of


def _package(root: Path) -> Path:
    (root / "claims").mkdir(parents=True)
    (root / "claims" / "rules.py").write_text("CUES = ['said']\n")
    (root / "claims" / "model.crfsuite.gz").write_bytes(b"\x00weights")
    (root / "model.py").write_text("class Claim: ...\n")
    return root


def test_any_edit_to_code_or_models_gives_a_new_version(tmp_path: Path) -> None:
    package = _package(tmp_path / "pkg")
    before = version_of(package, ("claims", "model.py"), ())
    assert before is not None and before == version_of(package, ("claims", "model.py"), ())
    (package / "claims" / "rules.py").write_text("CUES = ['said', 'told']\n")
    edited = version_of(package, ("claims", "model.py"), ())
    (package / "claims" / "model.crfsuite.gz").write_bytes(b"\x00retrained")
    retrained = version_of(package, ("claims", "model.py"), ())
    assert len({before, edited, retrained}) == 3


def test_compiled_modules_count_where_their_source_is_absent(tmp_path: Path) -> None:
    package = _package(tmp_path / "pkg")
    (package / "claims" / "rules.py").unlink()
    (package / "claims" / "rules.pyc").write_bytes(b"compiled v1")
    first = version_of(package, ("claims",), ())
    (package / "claims" / "rules.pyc").write_bytes(b"compiled v2")
    assert version_of(package, ("claims",), ()) != first


def test_a_cache_beside_its_source_does_not_count(tmp_path: Path) -> None:
    package = _package(tmp_path / "pkg")
    first = version_of(package, ("claims",), ())
    (package / "claims" / "__pycache__").mkdir()
    (package / "claims" / "__pycache__" / "rules.cpython-311.pyc").write_bytes(b"whatever")
    assert version_of(package, ("claims",), ()) == first


def test_library_versions_are_part_of_it(tmp_path: Path) -> None:
    package = _package(tmp_path / "pkg")
    assert version_of(package, ("claims",), ("numpy",)) != version_of(package, ("claims",), ())


def test_without_readable_code_there_is_no_version_and_nothing_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert version_of(tmp_path / "missing", ("claims",), ()) is None
    monkeypatch.setattr(_key, "_VERSION", None)
    assert stated_claims_key(False) is None


def test_the_installed_package_has_a_version_and_taggers_are_told_apart() -> None:
    words, contextual = stated_claims_key(False), stated_claims_key(True)
    assert words is not None and contextual is not None
    assert (words[0], contextual[0]) == ("words", "contextual") and words[1] == contextual[1]
