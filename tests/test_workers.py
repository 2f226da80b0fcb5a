"""Brief workers keep BLAS to one thread each, so that processes and BLAS threads do not oversubscribe."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

_BLAS_THREADS = (
    "import threadpoolctl\n"
    "def blas(): return sorted({p['num_threads'] for p in threadpoolctl.threadpool_info()"
    " if p['user_api'] == 'blas'})\n"
)


def _run(probe: str) -> str:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "2", "OMP_NUM_THREADS": "2", "MKL_NUM_THREADS": "2"}
    done = subprocess.run(
        [sys.executable, "-c", _BLAS_THREADS + probe],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env=env,
    )
    return done.stdout.strip()


def test_one_blas_thread_limits_every_blas_library_of_the_process():
    pytest.importorskip("threadpoolctl")
    probe = (
        "import numpy, scipy.linalg\n"
        "from storyweave._workers import one_blas_thread\n"
        "before = blas()\n"
        "one_blas_thread(); one_blas_thread()\n"
        "print(before, blas())\n"
    )
    assert _run(probe) == "[2] [1]"


def test_one_blas_thread_works_in_a_fresh_worker_that_has_not_loaded_numpy_yet():
    # A spawned worker (macOS, and Linux from Python 3.14) runs the initializer before any numpy import.
    pytest.importorskip("threadpoolctl")
    probe = (
        "from storyweave._workers import one_blas_thread\none_blas_thread()\nimport numpy\nprint(blas())\n"
    )
    assert _run(probe) == "[1]"
