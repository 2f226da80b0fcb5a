"""Settings for worker processes that split the cores between them (the brief pool, Spark Python workers)."""

from __future__ import annotations

from functools import cache

__all__ = ["one_blas_thread"]


@cache
def one_blas_thread() -> None:
    """This process's matrix products on one thread, once per process.

    When as many workers run as there are cores, BLAS threads on top of them only contend: briefs
    (the attribution encoder is mostly matrix products) ran 2-3x slower with two workers of two BLAS
    threads each on two cores than with one thread each.
    """
    import numpy  # noqa: F401  threadpoolctl limits only the BLAS libraries already loaded: load them first
    import scipy.linalg  # noqa: F401  (scipy ships its own OpenBLAS)
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)
