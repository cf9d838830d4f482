"""Compatibility path of :mod:`pyref.oracle.adapters.hopfieldnetwork` (moved there in the package
layout of issue 18; this path keeps every import that worked before)."""

from ..oracle.adapters.hopfieldnetwork import (  # noqa: F401 (re-exports)
    CONVENTIONS,
    LIBRARY,
    energy,
    hebbian,
    is_fixed_point,
    run_async,
    run_sync,
    sync_step,
)

__all__ = [
    "LIBRARY",
    "CONVENTIONS",
    "energy",
    "sync_step",
    "is_fixed_point",
    "hebbian",
    "run_async",
    "run_sync",
]
