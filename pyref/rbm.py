"""Compatibility path of :mod:`pyref.models.rbm` (the module moved there in the
package layout of issue 18; this path keeps every import that worked before)."""

from .models.rbm import (  # noqa: F401 (re-exports)
    INT64_SAFE,
    MAX_ENUM_N,
    block_gibbs,
    check_rbm,
    rbm_energy,
    rbm_free_energy,
    rbm_to_boltzmann,
    rbm_visible_marginal,
    sample_hidden,
    sample_visible,
)

__all__ = [
    "check_rbm",
    "rbm_energy",
    "rbm_to_boltzmann",
    "rbm_free_energy",
    "rbm_visible_marginal",
    "sample_hidden",
    "sample_visible",
    "block_gibbs",
]
