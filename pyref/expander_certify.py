"""Compatibility path of :mod:`pyref.models.expander_certify` (the module moved there in the
package layout of issue 18; this path keeps every import that worked before)."""

from .models.expander_certify import (  # noqa: F401 (re-exports)
    DENSE_LIMIT,
    MAX_DENSE,
    MAX_LANCZOS_STEPS,
    MAX_SIZES,
    CertifiedExpansion,
    SpectralEstimate,
    beta_for_rho,
    biadjacency_sigma2,
    certified_expansion,
    ensemble_failure_bound,
    ensemble_radius,
    hamming_check_matrix,
    pair_expansion_bound,
    tanner_expansion_bound,
)

__all__ = [
    "hamming_check_matrix",
    "SpectralEstimate",
    "biadjacency_sigma2",
    "pair_expansion_bound",
    "tanner_expansion_bound",
    "beta_for_rho",
    "CertifiedExpansion",
    "certified_expansion",
    "ensemble_failure_bound",
    "ensemble_radius",
]
