from __future__ import annotations

import json

import pytest

from storyweave.evaluate.summarize import run

REPORTS = [
    "A storm closed the mountain pass at Kessel on Friday after heavy snow buried the road.\n"
    "Road crews expect to reopen the pass on Monday if the snow stops overnight.\n",
    "Heavy snow buried the road and closed the Kessel mountain pass on Friday, officials said.\n"
    "Three hikers were stranded at the upper hut and were brought down safely by a rescue team.\n",
]


def test_writes_the_contract_for_every_group(tmp_path):
    source = tmp_path / "groups.jsonl"
    rows = [
        {"id": "g1", "documents": REPORTS, "summary": "ignored"},
        {"id": 7, "documents": REPORTS[:1]},
    ]
    source.write_text("\n".join(json.dumps(row) for row in rows) + "\n\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    assert run(source, target, words=30) == 2
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [record["id"] for record in records] == ["g1", 7]
    for record, row in zip(records, rows, strict=True):
        assert set(record) == {"id", "summary", "sentences"}
        assert record["summary"] == "\n".join(s["text"] for s in record["sentences"])
        for sentence in record["sentences"]:
            assert set(sentence) == {"text", "sources"}
            assert sentence["sources"] == sorted(sentence["sources"])
            assert any(sentence["text"] in row["documents"][i] for i in sentence["sources"])
    snow = [s for s in records[0]["sentences"] if "buried the road" in s["text"]]
    assert snow and snow[0]["sources"] == [0, 1]


def test_malformed_lines_name_file_and_line(tmp_path):
    source = tmp_path / "bad.jsonl"
    source.write_text(json.dumps({"id": "a", "documents": REPORTS}) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:2: not valid JSON"):
        run(source, tmp_path / "out.jsonl", words=30)
    source.write_text(json.dumps({"id": "a", "documents": "one string"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:1: expected an object with \"id\" and \"documents\""):
        run(source, tmp_path / "out.jsonl", words=30)
