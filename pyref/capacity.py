"""Compatibility path of :mod:`pyref.spec.capacity` (moved there in the package
layout of issue 18; this path keeps every import that worked before)."""

from .spec.capacity import (  # noqa: F401 (re-exports)
    MAX_SIGN_COUNTS_N,
    MAX_SIGN_SUM_N,
    block_bound,
    capacity_bound,
    capacity_curve,
    certified_m,
    chernoff_bound,
    crosstalk,
    sign_sum_counts,
    sign_sum_tail,
    simulate_all_fixed,
    unstable_probability,
)

__all__ = [
    "crosstalk",
    "sign_sum_counts",
    "sign_sum_tail",
    "unstable_probability",
    "capacity_bound",
    "chernoff_bound",
    "block_bound",
    "certified_m",
    "simulate_all_fixed",
    "capacity_curve",
    "MAX_SIGN_SUM_N",
    "MAX_SIGN_COUNTS_N",
]
