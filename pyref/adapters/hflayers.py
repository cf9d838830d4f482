"""Compatibility path of :mod:`pyref.oracle.adapters.hflayers` (moved there in the package
layout of issue 18; this path keeps every import that worked before)."""

from ..oracle.adapters.hflayers import (  # noqa: F401 (re-exports)
    CONVENTIONS,
    LIBRARY,
    hopfield_association,
)

__all__ = [
    "LIBRARY",
    "CONVENTIONS",
    "hopfield_association",
]
