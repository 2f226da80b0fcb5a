"""Shared helpers: tests read through the public entry point, as the CLI does."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from storyweave.ingest import ReadOptions, read_inputs
from storyweave.model import Document, InputFailure

Record = Document | InputFailure


@pytest.fixture
def read() -> Callable[..., list[Record]]:
    """``read(*inputs, stdin=b"...", max_bytes=...)``: every record ``read_inputs`` yields, as a list."""

    def _read(*inputs: str | Path, stdin: bytes | None = None, **options: object) -> list[Record]:
        stream = io.BytesIO(stdin) if stdin is not None else None
        return list(read_inputs([str(i) for i in inputs], ReadOptions(**options), stdin=stream))

    return _read


@pytest.fixture
def read_one(read: Callable[..., list[Record]]) -> Callable[..., Record]:
    """The single record one input yields (fails the test if it yields more or fewer)."""

    def _read_one(*inputs: str | Path, **kwargs: object) -> Record:
        records = read(*inputs, **kwargs)
        assert len(records) == 1, records
        return records[0]

    return _read_one
