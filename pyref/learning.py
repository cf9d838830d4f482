"""Compatibility path of :mod:`pyref.spec.learning` (moved there in the package
layout of issue 18; this path keeps every import that worked before)."""

from .spec.learning import (  # noqa: F401 (re-exports)
    basin_estimate,
    capacity_bound,
    capacity_curve,
    flip_random,
    fraction_fixed_points,
    hebbian,
    hebbian_normalized,
    hebbian_recall_batch,
    pseudo_inverse,
    storkey,
)

__all__ = [
    "hebbian",
    "hebbian_normalized",
    "storkey",
    "pseudo_inverse",
    "hebbian_recall_batch",
    "fraction_fixed_points",
    "flip_random",
    "basin_estimate",
]
