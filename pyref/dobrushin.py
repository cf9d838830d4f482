"""Compatibility path of :mod:`pyref.spec.dobrushin` (moved there in the package
layout of issue 18; this path keeps every import that worked before)."""

from .spec.dobrushin import (  # noqa: F401 (re-exports)
    dobrushin_coefficient,
    dobrushin_coefficient_exact,
    dobrushin_sweeps,
    dobrushin_tv_bound,
    influence_bound,
    influence_exact,
)

__all__ = [
    "dobrushin_coefficient",
    "dobrushin_coefficient_exact",
    "dobrushin_sweeps",
    "dobrushin_tv_bound",
    "influence_bound",
    "influence_exact",
]
