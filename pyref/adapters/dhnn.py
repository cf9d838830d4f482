"""Compatibility path of :mod:`pyref.oracle.adapters.dhnn` (moved there in the package
layout of issue 18; this path keeps every import that worked before)."""

from ..oracle.adapters.dhnn import (  # noqa: F401 (re-exports)
    CONVENTIONS,
    LIBRARY,
    hebbian,
    is_fixed_point,
    run_async,
)

__all__ = [
    "LIBRARY",
    "CONVENTIONS",
    "is_fixed_point",
    "hebbian",
    "run_async",
]
