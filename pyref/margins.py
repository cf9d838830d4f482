"""Compatibility path of :mod:`pyref.spec.margins` (moved there in the package
layout of issue 18; this path keeps every import that worked before)."""

from .spec.margins import (  # noqa: F401 (re-exports)
    certified_radius,
    cut_values,
    margin_holds,
    margins,
    row_radii,
    top_sums,
)

__all__ = [
    "margins",
    "top_sums",
    "cut_values",
    "margin_holds",
    "row_radii",
    "certified_radius",
]
