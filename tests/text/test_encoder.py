"""The numpy transformer encoder: its arithmetic against a plain per-sentence reference on a tiny random
model, padding that changes nothing, the refusal of weights that are not the expected file, and the
real all-MiniLM-L6-v2 weights where the package is installed."""

from __future__ import annotations

import hashlib
import json
import math
import struct
from pathlib import Path

import numpy as np
import pytest
from scipy.special import erf

from storyweave.text.encoder import MODEL_SHA256, EncoderUnavailable, TokenEncoder, token_encoder

tokenizers = pytest.importorskip("tokenizers")

HIDDEN, INNER, LAYERS = 24, 48, 6
VOCAB = [
    "[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "officials", "said", "deal", "is", "off", ".", ",", "so", "-",
    "called", "##s", "talk",
]  # fmt: skip


def _write_safetensors(path: Path, tensors: dict[str, np.ndarray]) -> None:
    header, blobs, offset = {}, [], 0
    for name, array in tensors.items():
        raw = np.ascontiguousarray(array, dtype=np.float32).tobytes()
        header[name] = {
            "dtype": "F32",
            "shape": list(array.shape),
            "data_offsets": [offset, offset + len(raw)],
        }
        blobs.append(raw)
        offset += len(raw)
    encoded = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(encoded)) + encoded + b"".join(blobs))


def _tiny_model(folder: Path) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(3)
    weights = {
        "embeddings.word_embeddings.weight": rng.normal(size=(len(VOCAB), HIDDEN)),
        "embeddings.position_embeddings.weight": rng.normal(size=(64, HIDDEN)),
        "embeddings.token_type_embeddings.weight": rng.normal(size=(2, HIDDEN)),
        "embeddings.LayerNorm.weight": 1 + 0.1 * rng.normal(size=HIDDEN),
        "embeddings.LayerNorm.bias": 0.1 * rng.normal(size=HIDDEN),
    }
    shapes = {
        "attention.self.query": (HIDDEN, HIDDEN), "attention.self.key": (HIDDEN, HIDDEN),
        "attention.self.value": (HIDDEN, HIDDEN), "attention.output.dense": (HIDDEN, HIDDEN),
        "intermediate.dense": (INNER, HIDDEN), "output.dense": (HIDDEN, INNER),
    }  # fmt: skip
    for layer in range(LAYERS):
        prefix = f"encoder.layer.{layer}."
        for name, shape in shapes.items():
            weights[prefix + name + ".weight"] = rng.normal(size=shape) / math.sqrt(shape[1])
            weights[prefix + name + ".bias"] = 0.1 * rng.normal(size=shape[0])
        for norm in ("attention.output.LayerNorm", "output.LayerNorm"):
            weights[prefix + norm + ".weight"] = 1 + 0.1 * rng.normal(size=HIDDEN)
            weights[prefix + norm + ".bias"] = 0.1 * rng.normal(size=HIDDEN)
    weights = {name: array.astype(np.float32) for name, array in weights.items()}
    _write_safetensors(folder / "model.safetensors", {"bert." + k: v for k, v in weights.items()})
    tokenizer = tokenizers.Tokenizer(
        tokenizers.models.WordPiece({w: i for i, w in enumerate(VOCAB)}, unk_token="[UNK]")
    )
    tokenizer.normalizer = tokenizers.normalizers.BertNormalizer(lowercase=True)
    tokenizer.pre_tokenizer = tokenizers.pre_tokenizers.BertPreTokenizer()
    tokenizer.post_processor = tokenizers.processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", 2), ("[SEP]", 3)]
    )
    tokenizer.save(str(folder / "tokenizer.json"))
    return weights


def _reference(weights: dict[str, np.ndarray], ids: list[int]) -> list[np.ndarray]:
    """One sentence, no batch, no mask: the textbook BERT layer, written independently of the encoder."""

    def norm(x, name):
        return (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + 1e-12) * weights[
            name + ".weight"
        ] + weights[name + ".bias"]

    def dense(x, name):
        return x @ weights[name + ".weight"].T + weights[name + ".bias"]

    x = (
        weights["embeddings.word_embeddings.weight"][ids]
        + weights["embeddings.position_embeddings.weight"][: len(ids)]
    )
    x = norm(x + weights["embeddings.token_type_embeddings.weight"][0], "embeddings.LayerNorm")
    states, size = [x], HIDDEN // 12
    for layer in range(LAYERS):
        p = f"encoder.layer.{layer}."
        heads = []
        for h in range(12):
            cut = slice(h * size, (h + 1) * size)
            q, k, v = (dense(x, p + f"attention.self.{n}")[:, cut] for n in ("query", "key", "value"))
            scores = q @ k.T / math.sqrt(size)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            heads.append(scores / scores.sum(-1, keepdims=True) @ v)
        x = norm(
            x + dense(np.concatenate(heads, -1), p + "attention.output.dense"),
            p + "attention.output.LayerNorm",
        )
        inner = dense(x, p + "intermediate.dense")
        inner = 0.5 * inner * (1 + erf(inner / math.sqrt(2)))
        x = norm(x + dense(inner, p + "output.dense"), p + "output.LayerNorm")
        states.append(x)
    return states


@pytest.fixture
def tiny(tmp_path: Path) -> tuple[TokenEncoder, dict[str, np.ndarray], tokenizers.Tokenizer]:
    weights = _tiny_model(tmp_path)
    digest = hashlib.sha256((tmp_path / "model.safetensors").read_bytes()).hexdigest()
    encoder = TokenEncoder(tmp_path, layers=(2, 6), sha256=digest)
    return encoder, weights, tokenizers.Tokenizer.from_file(str(tmp_path / "tokenizer.json"))


def test_batched_vectors_match_a_per_sentence_reference(tiny) -> None:
    encoder, weights, tokenizer = tiny
    texts = ["Officials said the deal is off.", "The so-called deal, officials said, is off talks."]
    spans = [
        [(0, 9), (10, 14), (15, 18), (19, 23), (24, 26), (27, 30), (30, 31)],
        [(4, 13), (14, 18), (45, 50)],
    ]
    got = encoder.encode_spans(texts, spans)
    for text, wanted_spans, vectors in zip(texts, spans, got, strict=True):
        encoding = tokenizer.encode(text)
        states = _reference(weights, encoding.ids)
        hidden = np.concatenate([states[2], states[6]], -1)
        for (start, end), vector in zip(wanted_spans, vectors, strict=True):
            pieces = [
                i
                for i, (s, e) in enumerate(encoding.offsets)
                if 0 < i < len(encoding.ids) - 1 and s < end and start < e
            ]
            np.testing.assert_allclose(vector, hidden[pieces].mean(0), rtol=1e-4, atol=1e-4)
    assert got[0].shape == (7, 2 * HIDDEN)


def test_a_sentence_alone_or_padded_in_a_batch_gets_the_same_vectors(tiny) -> None:
    encoder, _, _ = tiny
    short, long = "The deal is off.", "Officials said the so-called deal is off, officials said."
    alone = encoder.encode_spans([short], [[(0, 3), (4, 8)]])[0]
    batched = encoder.encode_spans([long, short], [[(0, 9)], [(0, 3), (4, 8)]])[1]
    np.testing.assert_allclose(alone, batched, rtol=1e-5, atol=1e-5)


def test_a_span_no_word_piece_covers_gets_zeros(tiny) -> None:
    encoder, _, _ = tiny
    vectors = encoder.encode_spans(["The deal"], [[(0, 3), (40, 45)]])[0]
    assert np.any(vectors[0]) and not np.any(vectors[1])


def test_weights_that_are_not_the_expected_file_are_refused(tmp_path: Path) -> None:
    _tiny_model(tmp_path)
    with pytest.raises(EncoderUnavailable, match="refusing to load"):
        TokenEncoder(tmp_path)  # the upstream MiniLM hash, which the tiny file does not have
    (tmp_path / "model.safetensors").unlink()
    with pytest.raises(EncoderUnavailable, match="missing"):
        TokenEncoder(tmp_path)


def test_the_installed_minilm_weights_load_and_read_context() -> None:
    try:
        encoder = token_encoder()
    except EncoderUnavailable as error:
        pytest.skip(f"all-MiniLM-L6-v2 weights not installed here: {error}")
    assert encoder.dimensions == 3 * 384
    text_a, text_b = "Officials said the deal is off.", "The so-called deal is off."
    a, b = encoder.encode_spans([text_a, text_b], [[(19, 23)], [(14, 18)]])  # "deal" in two contexts
    assert a.shape == b.shape == (1, 1152) and np.all(np.isfinite(a))
    assert not np.allclose(a, b, atol=1e-3)  # the same word reads differently in another sentence
    again = encoder.encode_spans([text_a], [[(19, 23)]])[0]
    np.testing.assert_allclose(a, again, rtol=1e-5, atol=1e-5)
    assert MODEL_SHA256 == "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


def test_float32_gelu_matches_the_exact_erf_form_over_the_whole_range():
    from storyweave.text.encoder import _gelu

    x = np.concatenate([np.linspace(-12, 12, 20001), [0.0, -0.0, 1e-8, -1e-8, 40.0, -40.0]]).astype(
        np.float32
    )
    exact = 0.5 * x.astype(np.float64) * (1 + erf(x.astype(np.float64) / math.sqrt(2)))
    got = _gelu(x)
    assert got.dtype == np.float32
    np.testing.assert_allclose(got, exact, rtol=1e-6, atol=1e-6)
    assert np.all(np.isfinite(got))
