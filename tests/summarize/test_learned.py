"""The learned ranker: its packaged model, the model file's checks, the tree evaluator and its features."""

from __future__ import annotations

import json

import numpy as np
import pytest

from storyweave.summarize import LearnedRanker, ModelError, build_group, get_ranker
from storyweave.summarize._features import FEATURE_NAMES, sentence_features
from storyweave.summarize._learned import MODEL_PATH, TreeEnsemble, _sha256

OFF_TOPIC = "The village school raised nine hundred pounds at its spring bake sale on Saturday afternoon."


def stump(threshold: float = 0.5, feature: int = 0) -> TreeEnsemble:
    """One tree, one split: ``x[feature] <= threshold`` scores 1.0, otherwise 3.0; NaN goes right."""
    return TreeEnsemble(
        feature=np.array([feature, 0, 0], dtype=np.int32),
        threshold=np.array([threshold, 0.0, 0.0]),
        left=np.array([1, 1, 2], dtype=np.int32),
        right=np.array([2, 1, 2], dtype=np.int32),
        missing_left=np.array([False, False, False]),
        value=np.array([0.0, 1.0, 3.0]),
        is_leaf=np.array([False, True, True]),
        roots=np.array([0], dtype=np.int32),
        baseline=0.5,
        depth=1,
        feature_names=FEATURE_NAMES,
    )


def test_learned_is_the_default_ranker():
    assert isinstance(get_ranker(None), LearnedRanker)


def test_packaged_model_matches_its_sidecar():
    sidecar = json.loads(MODEL_PATH.with_suffix(".json").read_text(encoding="utf-8"))
    assert sidecar["sha256"] == _sha256(MODEL_PATH)
    assert sidecar["settings"]["features"] == list(FEATURE_NAMES)
    assert MODEL_PATH.stat().st_size < 5_000_000
    model = TreeEnsemble.load(MODEL_PATH, sha256=sidecar["sha256"])
    assert model.roots.size == sidecar["settings"]["iterations"]
    assert model.feature.shape == model.value.shape == model.left.shape


def test_ranks_a_widely_reported_sentence_above_an_off_topic_one(ferry_reports):
    documents = [*ferry_reports[:2], ferry_reports[2] + OFF_TOPIC + "\n"]
    group = build_group(documents)
    scores = LearnedRanker().score(group)
    ranked = sorted(group.candidate_rows, key=lambda row: -scores[row])
    # The three reports' openings all state the sinking; the bake sale has nothing to do with it.
    assert {group.texts[row].split()[1] for row in ranked[:3]} == {"passenger", "ferry", "48"}
    assert group.texts[ranked[-1]] == OFF_TOPIC


def test_missing_model_says_how_to_rebuild_it(tmp_path):
    with pytest.raises(
        ModelError, match=r"missing; rebuild it with: python benchmarks/summarize/train_ranker"
    ):
        TreeEnsemble.load(tmp_path / "absent.npz")


def test_corrupt_model_is_refused(tmp_path):
    path = tmp_path / "model.npz"
    path.write_bytes(b"not a zip archive at all")
    with pytest.raises(ModelError, match="cannot be read"):
        TreeEnsemble.load(path)


def test_checksum_mismatch_is_refused(tmp_path):
    path = tmp_path / "model.npz"
    checksum = stump().save(path)
    assert TreeEnsemble.load(path, sha256=checksum).roots.size == 1
    with pytest.raises(ModelError, match="does not match the checksum"):
        TreeEnsemble.load(path, sha256="0" * 64)


def test_model_for_other_features_is_refused(tmp_path):
    path = tmp_path / "model.npz"
    model = stump()
    np.savez(
        path,
        **{k: getattr(model, k) for k in ("feature", "threshold", "left", "right")},
        missing_left=model.missing_left,
        value=model.value,
        is_leaf=model.is_leaf,
        roots=model.roots,
        baseline=0.5,
        depth=1,
        feature_names=np.array(["something_else"]),
    )
    with pytest.raises(ModelError, match="was trained on features"):
        TreeEnsemble.load(path)


def test_inconsistent_tree_arrays_are_refused():
    model = stump()
    with pytest.raises(ModelError, match="outside the model"):
        TreeEnsemble(**{**vars(model), "left": np.array([7, 1, 2], dtype=np.int32)})
    with pytest.raises(ModelError, match="has shape"):
        TreeEnsemble(**{**vars(model), "value": np.zeros(2)})


def test_tree_evaluation_follows_the_split():
    features = np.zeros((3, len(FEATURE_NAMES)))
    features[:, 2] = [0.2, 0.5, 0.9]
    features[2, 3] = np.nan
    np.testing.assert_allclose(stump(feature=2).predict(features), [1.5, 1.5, 3.5])
    features[:, 2] = np.nan
    np.testing.assert_allclose(stump(feature=2).predict(features), [3.5, 3.5, 3.5])


def test_a_saved_model_predicts_the_same_after_loading(tmp_path):
    path = tmp_path / "model.npz"
    stump(threshold=0.1, feature=5).save(path)
    rng = np.random.default_rng(0)
    features = rng.random((20, len(FEATURE_NAMES)))
    np.testing.assert_array_equal(
        TreeEnsemble.load(path).predict(features), stump(threshold=0.1, feature=5).predict(features)
    )


def test_features_are_finite_and_favour_what_several_reports_say(ferry_reports):
    group = build_group(ferry_reports)
    features = sentence_features(group)
    assert features.shape == (group.candidate_rows.size, len(FEATURE_NAMES))
    assert np.isfinite(features).all()
    support = features[:, FEATURE_NAMES.index("support_max")]
    texts = [group.texts[row] for row in group.candidate_rows]
    widely = texts.index(next(t for t in texts if t.startswith("A passenger ferry carrying 48")))
    alone = texts.index(next(t for t in texts if t.startswith("Local fishermen")))
    assert support[widely] > support[alone]


def test_features_ignore_text_beyond_the_training_context(ferry_reports):
    """Real reports run to thousands of words; training saw ~460. Far-away text must not move features."""

    def filler(start: int, count: int) -> str:
        return "".join(
            f"Paragraph {i} of the archive lists tide tables for distant harbours.\n"
            for i in range(start, start + count)
        )

    gazette, courier, herald = ferry_reports
    group = build_group([gazette, courier, herald + filler(0, 60)], lead_words=300)
    longer = build_group([gazette, courier, herald + filler(0, 200)], lead_words=300)
    np.testing.assert_array_equal(longer.candidate_rows, group.candidate_rows)
    columns = [
        FEATURE_NAMES.index(name) for name in ("word_offset", "document_words", "document_share", "words")
    ]
    np.testing.assert_array_equal(sentence_features(longer)[:, columns], sentence_features(group)[:, columns])
