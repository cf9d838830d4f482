"""Compatibility path of :mod:`pyref.oracle.adapters.neurolab` (moved there in the package
layout of issue 18; this path keeps every import that worked before)."""

from ..oracle.adapters.neurolab import (  # noqa: F401 (re-exports)
    CONVENTIONS,
    LIBRARY,
    hebbian,
    is_fixed_point,
    run_sync,
    sync_step,
)

__all__ = [
    "LIBRARY",
    "CONVENTIONS",
    "sync_step",
    "is_fixed_point",
    "hebbian",
    "run_sync",
]
