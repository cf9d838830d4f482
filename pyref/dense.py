"""Compatibility path of :mod:`pyref.spec.dense` (moved there in the package
layout of issue 18; this path keeps every import that worked before)."""

from .spec.dense import (  # noqa: F401 (re-exports)
    DenseRunResult,
    dense_async_step,
    dense_energy,
    dense_energy_exp,
    dense_log_neg_energy_exp,
    dense_recall_batch,
    dense_run,
    dense_step,
    dense_sweep,
    dense_sweeps,
    overlap,
)

__all__ = [
    "overlap",
    "dense_energy",
    "dense_energy_exp",
    "dense_log_neg_energy_exp",
    "dense_async_step",
    "dense_step",
    "dense_sweep",
    "dense_sweeps",
    "DenseRunResult",
    "dense_run",
    "dense_recall_batch",
]
