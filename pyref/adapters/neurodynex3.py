"""Compatibility path of :mod:`pyref.oracle.adapters.neurodynex3` (moved there in the package
layout of issue 18; this path keeps every import that worked before)."""

from ..oracle.adapters.neurodynex3 import (  # noqa: F401 (re-exports)
    CONVENTIONS,
    LIBRARY,
    hebbian,
    is_fixed_point,
    run_async,
    run_sync,
    sync_step,
)

__all__ = [
    "LIBRARY",
    "CONVENTIONS",
    "sync_step",
    "is_fixed_point",
    "hebbian",
    "run_async",
    "run_sync",
]
