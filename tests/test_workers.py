"""Brief workers keep BLAS to one thread each, so that processes and BLAS threads do not oversubscribe."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def test_one_blas_thread_limits_every_blas_library_of_the_process():
    pytest.importorskip("threadpoolctl")
    probe = (
        "import numpy, threadpoolctl\n"
        "from storyweave._workers import one_blas_thread\n"
        "def blas(): return sorted({p['num_threads'] for p in threadpoolctl.threadpool_info()"
        " if p['user_api'] == 'blas'})\n"
        "before = blas()\n"
        "one_blas_thread(); one_blas_thread()\n"
        "print(before, blas())\n"
    )
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "2", "OMP_NUM_THREADS": "2", "MKL_NUM_THREADS": "2"}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True, env=env
    )
    assert done.stdout.strip() == "[2] [1]"
