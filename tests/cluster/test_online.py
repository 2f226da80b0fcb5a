"""The online clusterer: incremental API, arrival order, bounded memory, snapshots, merges."""

from __future__ import annotations

import json
from datetime import date

import pytest

from storyweave.cluster import (
    DEFAULT_CLUSTERER,
    JoinModel,
    OnlineClusterer,
    OnlineSettings,
    StreamState,
    assign,
    report_features,
    stream_order,
)
from storyweave.cluster._join_model import default_join_model
from storyweave.model import Article


def _always_join(model: JoinModel) -> JoinModel:
    return model.with_thresholds(join=1e-9, merge=1.0)


def test_default_is_the_batch_clusterer_until_online_wins_held_out() -> None:
    assert DEFAULT_CLUSTERER == "tfidf-time"


def test_add_returns_labels_as_reports_arrive(reports) -> None:
    clusterer = OnlineClusterer()
    strike = reports.article(reports.bakery_strike)
    assert clusterer.add(strike) == 0
    assert clusterer.add(reports.article(reports.comet_sighting)) == 1
    assert clusterer.add(reports.article(reports.bakery_strike + " Talks went on late.")) == 0


def test_arrival_order_is_by_date_and_undated_reports_stay_beside_their_neighbours(reports) -> None:
    late = reports.article(reports.comet_sighting, published=date(2021, 5, 2))
    early = reports.article(reports.bakery_strike, published=date(2021, 5, 1))
    undated = reports.article("A ferry timetable changed for the summer season on the northern routes.")
    # The undated report follows ``early`` in the input, so it arrives right after it.
    assert stream_order([late, early, undated]) == [1, 2, 0]
    assert stream_order([undated, late, early]) == [0, 2, 1]


def test_stories_expire_after_the_time_window(reports) -> None:
    model = _always_join(default_join_model())
    clusterer = OnlineClusterer(model=model, settings=OnlineSettings(window_days=10))
    first = clusterer.add(reports.article(reports.bakery_strike, published=date(2021, 1, 1)))
    clusterer.add(reports.article(reports.comet_sighting, published=date(2021, 3, 1)))
    assert first not in clusterer.state.stories
    again = clusterer.add(reports.article(reports.bakery_strike, published=date(2021, 3, 2)))
    assert again != first
    assert all(first not in labels for labels in clusterer.state.postings.values())


def test_undated_streams_expire_by_arrivals(reports) -> None:
    clusterer = OnlineClusterer(settings=OnlineSettings(window_reports=2))
    texts = [reports.bakery_strike, reports.comet_sighting, reports.harbour_flight, reports.desert_flight]
    for text in texts:
        clusterer.add(reports.article(text))
    assert len(clusterer.state.stories) <= 3
    assert 0 not in clusterer.state.stories


def test_a_report_matching_two_stories_merges_them() -> None:
    model = default_join_model()
    state = StreamState()
    left = Article(id="l", text="Harbour crane collapse at Port Ellin injures dockers", origin="t")
    right = Article(id="r", text="Port Ellin dockers strike over crane safety at harbour", origin="t")
    bridge = Article(id="b", text="Harbour crane collapse at Port Ellin; dockers strike", origin="t")
    first = state.open_story(report_features(left)).label
    second = state.open_story(report_features(right)).label
    result = assign(state, report_features(bridge), model.with_thresholds(join=1e-9, merge=1e-9))
    assert {result.label, *result.merged} == {first, second}
    assert state.resolve(first) == state.resolve(second)
    assert len(state.stories) == 1


def test_snapshot_survives_json_and_resumes_identically(reports) -> None:
    texts = [reports.bakery_strike, reports.comet_sighting, reports.harbour_flight]
    following = [reports.desert_flight, reports.bakery_strike + " Bread ran short."]
    straight = OnlineClusterer()
    for text in texts:
        straight.add(reports.article(text, published=date(2021, 3, 8)))
    resumed = OnlineClusterer.from_snapshot(json.loads(json.dumps(straight.snapshot())))
    for text in following:
        article = reports.article(text, published=date(2021, 3, 9))
        assert resumed.add(article) == straight.add(article)
    assert resumed.snapshot() == straight.snapshot()


def test_features_do_not_depend_on_the_rest_of_the_stream(reports) -> None:
    """Features may be computed anywhere (another process, Spark): same report, same features."""
    article = reports.article(reports.harbour_flight, published=date(2021, 3, 8), title="Kell flees Marrow")
    features = report_features(article)
    OnlineClusterer().fit_predict([reports.article(reports.desert_flight), article])
    assert report_features(article) == features
    assert features.day == date(2021, 3, 8).toordinal()
    assert "kell" in features.keys


def test_bad_snapshot_and_bad_settings_are_explained() -> None:
    with pytest.raises(ValueError, match="snapshot"):
        OnlineClusterer.from_snapshot({"stories": []})
    with pytest.raises(ValueError, match="window_days"):
        OnlineSettings(window_days=0)


def test_join_model_round_trips_and_checks_its_features(tmp_path) -> None:
    model = default_join_model()
    path = tmp_path / "model.json"
    path.write_text(model.to_json(), encoding="utf-8")
    assert JoinModel.from_file(path) == model
    broken = json.loads(model.to_json()) | {"features": ["something_else"]}
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(ValueError, match="retrain"):
        JoinModel.from_file(path)
    assert model.provenance["command"].startswith("python benchmarks/cluster/train_join_model.py")


def test_pair_features_see_names_the_story_never_mentioned() -> None:
    from storyweave.cluster._story_state import FEATURE_NAMES, pair_features

    state = StreamState()
    jackson = "Chargers receiver Vincent Jackson was arrested on suspicion of drunk driving in San Diego."
    williams = "Chargers lineman Jamal Williams was arrested on suspicion of drunk driving in San Diego."
    story = state.open_story(report_features(Article(id="j", text=jackson, origin="t")))

    def named(text: str) -> dict[str, float]:
        values = pair_features(report_features(Article(id=text[:9], text=text, origin="t")), story)
        return dict(zip(FEATURE_NAMES, values, strict=True))  # one value per named feature

    same, other = named(jackson), named(williams)
    assert same["novel_names"] == pytest.approx(0.0)
    assert 0.0 < other["novel_names"] < 1.0
    assert other["centroid_names"] < same["centroid_names"] == pytest.approx(1.0)
    assert other["closest_words"] < same["closest_words"]


def test_titles_get_a_sub_vector_of_their_own() -> None:
    titled = report_features(
        Article(id="t", text="Body text here.", origin="t", title="Harbour crane collapse")
    )
    untitled = report_features(Article(id="u", text="Body text here.", origin="t"))
    assert titled.vectors[-1] and not untitled.vectors[-1]
