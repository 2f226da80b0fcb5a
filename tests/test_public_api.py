"""The package's documented surface: ``sw.read``, ``sw.cluster``, ``sw.brief``, ``sw.summarize``."""

from __future__ import annotations

import copy
import importlib
import inspect
import json
import pickle
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
    # ... and the subpackages' own names stay reachable through the same attribute.
    assert sw.summarize.get_ranker("centrality") is not None
    assert sw.cluster.get_clusterer is importlib.import_module("storyweave.cluster").get_clusterer
    assert pickle.loads(pickle.dumps(sw.summarize)) is sw.summarize and copy.copy(sw.cluster) is sw.cluster
    assert "articles" in str(inspect.signature(sw.cluster))


def test_a_report_without_an_outlet_takes_the_one_its_text_states(tmp_path: Path) -> None:
    records = [
        {"text": "(CNN) -- A flood hit Tessfield on Monday and damaged ten homes, police said."},
        {"text": "Floods damaged ten homes in Tessfield.\n\n© 2026 Ardmoor Herald. All rights reserved."},
    ]
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    articles = sw.read([str(path)]).articles
    assert [a.source for a in articles] == ["CNN", "Ardmoor Herald"]
    assert articles[0].text.startswith("A flood hit")
