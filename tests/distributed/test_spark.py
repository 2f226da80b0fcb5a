"""The Spark job in local mode agrees with the single-machine pipeline on the same articles.

Skipped, with the reason, where pyspark or Java is missing. The corpus is invented here: several events,
two of them the same kind of event years apart, a syndicated copy, undated reports, one broken line, and
a story whose reports share a single word (a name) and straddle the edge of a blocking time window, which
any blocking on shared top-term pairs or on fixed windows would cut in two.
"""

from __future__ import annotations

import json
import math
import shutil
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'storyweave[spark]')")
pd = pytest.importorskip("pandas", reason="pandas is not installed (pip install 'storyweave[spark]')")
if shutil.which("java") is None:
    pytest.skip("Java is not installed; Spark needs Java 17 or newer", allow_module_level=True)

from storyweave.cluster import TfidfTimeClusterer  # noqa: E402
from storyweave.distributed import SparkOptions, SparkResult, run_spark  # noqa: E402
from storyweave.pipeline import cluster, read  # noqa: E402

pytestmark = pytest.mark.slow

EVENTS = {
    "ferry": [
        "The island ferry sailed again on Thursday after gales tore a mooring loose at Port Ellan.",
        "Harbour master Ines Varga said forty passengers crossed on the first Port Ellan sailing.",
        "Crews repaired the Port Ellan landing ramp overnight, working under floodlights.",
        "A van of bread for the island shop was the first vehicle aboard the ferry.",
        "The ferry company said timetables would return to normal by Saturday.",
    ],
    "orchard": [
        "Firefighters contained a blaze in the Kessel hill orchards after it burned forty hectares.",
        "The Kessel fire service said no one was hurt in the orchard fire.",
        "The Kessel fruit cooperative promised to replant apple trees before the winter rains.",
        "Smoke from the orchard fire closed the Kessel valley road for six hours.",
        "Investigators believe a spark from a tractor started the Kessel blaze.",
    ],
    "choir": [
        "The Almsford village choir won the regional singing contest with old harvest songs.",
        "Conductor Petra Lund said the Almsford choir had rehearsed every evening for months.",
        "Eleven choirs from across the valley competed in the contest at Almsford hall.",
        "The Almsford choir will represent the region at the national final in spring.",
        "Judges praised the Almsford singers for their harmonies in the harvest songs.",
    ],
    "bridge_2017": [
        "The Tarrow council voted to rebuild the old stone bridge over the Lune river.",
        "Work on the Tarrow bridge will begin in spring, council chair Omar Haddad said.",
        "The Tarrow bridge dispute had divided two villages for three years.",
        "Walkers will still cross the Lune while the new Tarrow arches are built.",
    ],
    "bridge_2019": [
        "The rebuilt stone bridge over the Lune river at Tarrow opened to traffic on Monday.",
        "Council chair Omar Haddad cut the ribbon on the new Tarrow bridge.",
        "Two villages celebrated the reopening of the Tarrow bridge with a market.",
        "The new Tarrow arches cost less than the council had budgeted.",
    ],
    "library": [
        "The Brenwick town library will stay open until nine in the evening from next month.",
        "Readers at Brenwick asked for more time to study and borrow books after work.",
        "The friends of Brenwick library society will pay for the extra opening hours.",
        "Librarian Tom Okafor said the Brenwick evening hours would start on the first Monday.",
    ],
}
STARTS = {
    "ferry": date(2021, 11, 4),
    "orchard": date(2019, 8, 14),
    "choir": date(2022, 5, 21),
    "bridge_2017": date(2017, 3, 8),
    "bridge_2019": date(2019, 6, 3),
    "library": None,
}


_BATCH = TfidfTimeClusterer()
WINDOW_DAYS = (
    math.floor(_BATCH.dates.grace_days + _BATCH.dates.decay_days * math.log(1 / _BATCH.threshold)) + 1
)
_EPOCH = date(1970, 1, 1)
_EDGE = _EPOCH + timedelta(days=WINDOW_DAYS * ((date(2020, 3, 1) - _EPOCH).days // WINDOW_DAYS))
# One story told twice with one word in common (the quarry owner's name) and no other shared term, dated
# either side of a window edge: the batch clusterer joins them on the name alone.
QUARRY = [
    ("quarry-rockfall", _EDGE - timedelta(days=3), "Oduya closed his quarry at Brantholm after a rockfall."),
    ("quarry-dawn", _EDGE + timedelta(days=4), "Oduya told Kettering neighbours nobody had been injured."),
]


def corpus_lines() -> list[str]:
    lines = []
    for event, sentences in EVENTS.items():
        for report in range(4):
            chosen = [sentences[(report + k) % len(sentences)] for k in range(3 + report % 2)]
            start = STARTS[event]
            published = (start + timedelta(days=report)).isoformat() if start else None
            record = {
                "id": f"{event}-{report}",
                "title": chosen[0][:60],
                "text": " ".join(chosen),
                "source": f"Outlet {report}",
            }
            if published:
                record["published"] = published
            lines.append(json.dumps(record))
    copy = json.loads(lines[0])  # a syndicated copy of the first ferry report, under another outlet
    copy.update(id="ferry-copy", source="Wire Digest", text=copy["text"] + " Passengers were patient.")
    lines.append(json.dumps(copy))
    lines.extend(
        json.dumps({"id": key, "text": text, "title": text[:40], "published": day.isoformat()})
        for key, day, text in QUARRY
    )
    lines.append("{this line is not JSON")
    return lines


def bcubed_f1(first: dict[str, str], second: dict[str, str]) -> float:
    items = sorted(first)
    a, b = defaultdict(set), defaultdict(set)
    for item in items:
        a[first[item]].add(item)
        b[second[item]].add(item)
    precision = sum(len(a[first[i]] & b[second[i]]) / len(a[first[i]]) for i in items) / len(items)
    recall = sum(len(a[first[i]] & b[second[i]]) / len(b[second[i]]) for i in items) / len(items)
    return 2 * precision * recall / (precision + recall)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    lines = corpus_lines()
    (folder / "part-1.jsonl").write_text("\n".join(lines[:13]) + "\n", encoding="utf-8")
    (folder / "part-2.jsonl").write_text("\n".join(lines[13:]) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def spark_run(corpus, tmp_path_factory) -> SparkResult:
    return run_spark(corpus, tmp_path_factory.mktemp("out") / "run", SparkOptions(partitions=4))


def test_stories_agree_with_the_single_machine_run(corpus, spark_run):
    rows = pd.read_parquet(spark_run.output / "stories.parquet")
    distributed = dict(zip(rows["id"], rows["story_id"], strict=True))
    single = {a.id: story.id for story in cluster(read(str(corpus)).articles) for a in _members(story)}
    assert set(distributed) == set(single)
    # Same stories, same ids: the blocks are the batch clusterer's own components and the vectors its own.
    assert distributed == single
    assert bcubed_f1(distributed, single) == 1.0
    assert spark_run.stories == len(set(single.values()))


def test_a_story_sharing_one_word_across_a_window_edge_is_not_split(corpus, spark_run):
    assert spark_run.window_days == WINDOW_DAYS
    by_external = {}
    for story in cluster(read(str(corpus)).articles):
        by_external.update({a.external_id: story.id for a in _members(story)})
    assert by_external["quarry-rockfall"] == by_external["quarry-dawn"]  # the single-machine run joins them
    rows = pd.read_parquet(spark_run.output / "stories.parquet")
    distributed = dict(zip(rows["external_id"], rows["story_id"], strict=True))
    assert distributed["quarry-rockfall"] == distributed["quarry-dawn"]


def test_outputs_are_written(spark_run):
    assert spark_run.articles == 27 and spark_run.failures == 1
    failures = [
        json.loads(line)
        for path in (spark_run.output / "failures.jsonl").glob("part-*")
        for line in path.read_text().splitlines()
    ]
    assert len(failures) == 1 and failures[0]["input"].endswith("part-2.jsonl:15")
    briefs = [
        json.loads(line)
        for path in (spark_run.output / "briefs.jsonl").glob("part-*")
        for line in path.read_text().splitlines()
    ]
    assert len(briefs) == spark_run.stories
    assert all(brief["summary"] and brief["sources"] for brief in briefs)
    stories = [
        json.loads(line)
        for path in (spark_run.output / "stories.jsonl").glob("part-*")
        for line in path.read_text().splitlines()
    ]
    assert sum(story["reports"] for story in stories) == 27
    # The syndicated copy and its original: one is kept, the other folded into it and still credited.
    ferry = next(s for s in stories if any(a["source"] == "Wire Digest" for a in s["articles"]))
    pair = [a for a in ferry["articles"] if a["source"] in ("Wire Digest", "Outlet 0")]
    assert sorted(a["duplicate_of"] is None for a in pair) == [False, True]


def test_parquet_input_reads_the_same_articles(corpus, tmp_path):
    records = [json.loads(line) for line in corpus_lines()[:-1]]
    frame = pd.DataFrame(records).rename(columns={"id": "external_id"})
    frame["published"] = pd.to_datetime(frame["published"]).dt.date
    frame.to_parquet(tmp_path / "corpus.parquet")
    result = run_spark(
        tmp_path / "corpus.parquet", tmp_path / "out", SparkOptions(partitions=4, briefs=False)
    )
    assert result.articles == 27 and result.failures == 0
    assert not (tmp_path / "out" / "briefs.parquet").exists()


def _members(story):
    return [*story.articles, *(c for copies in story.duplicates.values() for c in copies)]


def test_blocks_handed_over_whole_agree_too(corpus, tmp_path, monkeypatch):
    """Blocks larger than an Arrow batch go through ``applyInPandas``; here every block does."""
    from storyweave.distributed import _job

    monkeypatch.setattr(_job, "_WHOLE_GROUP_ROWS", 2)
    result = run_spark(corpus, tmp_path / "out", SparkOptions(partitions=4, briefs=False))
    rows = pd.read_parquet(result.output / "stories.parquet")
    distributed = dict(zip(rows["id"], rows["story_id"], strict=True))
    single = {a.id: story.id for story in cluster(read(str(corpus)).articles) for a in _members(story)}
    assert distributed == single
    assert max(rows.groupby("story_id").size()) >= 3  # real multi-report stories went through that path
