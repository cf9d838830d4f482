"""Compatibility path of :mod:`pyref.oracle.adapters.hopfieldkit` (moved there in the package
layout of issue 18; this path keeps every import that worked before)."""

from ..oracle.adapters.hopfieldkit import (  # noqa: F401 (re-exports)
    CONVENTIONS,
    LIBRARY,
    energy,
    hebbian,
    is_fixed_point,
    run_async,
    sweep,
)

__all__ = [
    "LIBRARY",
    "CONVENTIONS",
    "energy",
    "sweep",
    "is_fixed_point",
    "hebbian",
    "run_async",
]
