"""The package's documented surface: ``sw.read``, ``sw.cluster``, ``sw.brief``, ``sw.summarize``."""

from __future__ import annotations

import importlib
from pathlib import Path

import storyweave as sw

REPORTS = {
    "a.txt": "Flood hits Tessfield\n\nA flood hit Tessfield on Monday and damaged ten homes, police said.\n",
    "b.txt": "Tessfield homes flooded\n\nFloods damaged ten homes in Tessfield on Monday, police said.\n",
}


def test_the_functions_stay_functions_after_their_subpackages_are_imported(tmp_path: Path) -> None:
    importlib.import_module("storyweave.cluster")
    importlib.import_module("storyweave.summarize")
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    stories = sw.cluster(sw.read([str(tmp_path)]).articles)
    assert len(stories) == 1 and len(stories[0].articles) == 2
    assert sw.brief(stories[0]).summary
    extracts = sw.summarize(list(REPORTS.values()), words=20)
    assert extracts and all(extract.text for extract in extracts)
    assert callable(sw.cluster) and callable(sw.summarize)
