"""Contextual attribution: the token head's arithmetic and file format, the choice between the two tagger
pairs, and what happens when the encoder cannot be loaded."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from storyweave.claims.attribution import _contextual, _extract, find_attributions
from storyweave.claims.attribution._tokens import sentences_of
from storyweave.text.encoder import EncoderUnavailable

TEXT = 'The harbour master said the port would stay closed. "Nobody sails tonight," she told reporters.'


def test_token_head_round_trips_and_computes_relu_then_sigmoid(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    head = _contextual.TokenHead(
        rng.normal(size=(4, 3)).astype(np.float32),
        rng.normal(size=3).astype(np.float32),
        rng.normal(size=(3, 3)).astype(np.float32),
        rng.normal(size=3).astype(np.float32),
    )
    head.write(tmp_path / "head.npz")
    again = _contextual.TokenHead.read(tmp_path / "head.npz")
    vectors = rng.normal(size=(5, 4)).astype(np.float32)
    hidden = np.maximum(vectors @ head.hidden_w + head.hidden_b, 0)
    wanted = 1 / (1 + np.exp(-(hidden @ head.out_w + head.out_b)))
    np.testing.assert_allclose(again.predict(vectors), wanted, rtol=1e-6)


def test_the_packaged_head_gives_three_probabilities_per_token() -> None:
    sentences = sentences_of(TEXT)
    context = _contextual.sentence_context(TEXT, sentences)
    if context is None:
        pytest.skip("the sentence encoder is not installed here")
    found = [c.probabilities for c in context]
    assert [len(p) for p in found] == [len(s) for s in sentences]
    assert [c.projected.shape for c in context] == [(len(s), 256) for s in sentences]
    said = [t.text for t in sentences[0]].index("said")
    port = [t.text for t in sentences[0]].index("port")
    assert all(0.0 <= x <= 1.0 for row in found for p in row for x in p)
    assert found[0][said][0] > 0.5 > found[0][port][0]  # "said" reads as a cue, "port" does not
    assert found[0][port][2] > 0.5  # and "port" as content


def test_cue_pair_rows_mark_each_tokens_side_and_distance_from_the_cue() -> None:
    projected = np.arange(12, dtype=np.float32).reshape(6, 2)
    rows = _contextual.cue_pair_rows(projected, (2, 4))
    assert rows.shape == (6, 2 + 2 + 3 + 7)
    np.testing.assert_array_equal(rows[:, :2], projected)
    np.testing.assert_array_equal(rows[:, 2:4], np.repeat([[5.0, 6.0]], 6, axis=0))  # the cue's mean
    sides = rows[:, 4:7].argmax(1)
    assert sides.tolist() == [0, 0, 1, 1, 2, 2]  # left, cue, right
    distance_buckets = rows[:, 7:].argmax(1)
    assert distance_buckets.tolist() == [2, 1, 0, 0, 1, 2]  # distances 2, 1, 0, 0, 1, 2
    assert np.all(rows[:, 4:].sum(1) == 2)  # one side and one bucket per token


def test_role_head_projects_then_scores_each_token_for_the_cue(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    mean, components = rng.normal(size=5).astype(np.float32), rng.normal(size=(3, 5)).astype(np.float32)
    width = 3 + 3 + 10
    head = _contextual.TokenHead(
        rng.normal(size=(width, 4)).astype(np.float32), rng.normal(size=4).astype(np.float32),
        rng.normal(size=(4, 2)).astype(np.float32), rng.normal(size=2).astype(np.float32),
    )  # fmt: skip
    _contextual.RoleHead(mean, components, head).write(tmp_path / "roles.npz")
    again = _contextual.RoleHead.read(tmp_path / "roles.npz")
    vectors = rng.normal(size=(4, 5)).astype(np.float32)
    projected = again.project(vectors)
    np.testing.assert_allclose(projected, (vectors - mean) @ components.T, rtol=1e-5)
    wanted = head.predict(_contextual.cue_pair_rows(projected, (1, 2)))
    np.testing.assert_allclose(again.predict(projected, (1, 2)), wanted, rtol=1e-5)
    assert wanted.shape == (4, 2)


@pytest.fixture
def no_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    def unavailable() -> None:
        raise EncoderUnavailable("test: weights removed")

    monkeypatch.setattr(_contextual, "token_encoder", unavailable)
    _contextual._warn_once.cache_clear()


def test_without_the_encoder_the_word_feature_taggers_answer(no_encoder, capsys) -> None:
    lexical = find_attributions(TEXT, contextual=False)
    assert find_attributions(TEXT) == lexical
    assert find_attributions(TEXT) == lexical
    err = capsys.readouterr().err
    assert err.count("contextual attribution unavailable (test: weights removed)") == 1  # said once
    assert any("port would stay closed" in a.content.text for a in lexical)


def test_asking_for_contextual_attribution_without_the_encoder_is_an_error(no_encoder) -> None:
    with pytest.raises(EncoderUnavailable, match="contextual attribution was asked for"):
        find_attributions(TEXT, contextual=True)


def test_both_tagger_pairs_are_packaged() -> None:
    names = ["CUE_MODEL", "ROLE_MODEL", "CONTEXTUAL_CUE_MODEL", "CONTEXTUAL_ROLE_MODEL", "CONTEXTUAL_HEAD"]
    for path in [getattr(_extract, name) for name in [*names, "CONTEXTUAL_ROLE_HEAD"]]:
        assert path.is_file() and path.stat().st_size > 1000, path
