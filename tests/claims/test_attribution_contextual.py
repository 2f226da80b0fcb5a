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
    found = _contextual.sentence_probabilities(TEXT, sentences)
    if found is None:
        pytest.skip("the sentence encoder is not installed here")
    assert [len(p) for p in found] == [len(s) for s in sentences]
    said = [t.text for t in sentences[0]].index("said")
    port = [t.text for t in sentences[0]].index("port")
    assert all(0.0 <= x <= 1.0 for row in found for p in row for x in p)
    assert found[0][said][0] > 0.5 > found[0][port][0]  # "said" reads as a cue, "port" does not
    assert found[0][port][2] > 0.5  # and "port" as content


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
    for path in (_extract.CUE_MODEL, _extract.ROLE_MODEL, _extract.CONTEXTUAL_CUE_MODEL,
                 _extract.CONTEXTUAL_ROLE_MODEL, _extract.CONTEXTUAL_HEAD):  # fmt: skip
        assert path.is_file() and path.stat().st_size > 1000, path
