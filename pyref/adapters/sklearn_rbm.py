"""Compatibility path of :mod:`pyref.oracle.adapters.sklearn_rbm` (moved there in the package
layout of issue 18; this path keeps every import that worked before)."""

from ..oracle.adapters.sklearn_rbm import (  # noqa: F401 (re-exports)
    CONVENTIONS,
    LIBRARY,
    rbm_free_energy,
    rbm_gibbs_step,
    rbm_hidden_probabilities,
)

__all__ = [
    "LIBRARY",
    "CONVENTIONS",
    "rbm_free_energy",
    "rbm_hidden_probabilities",
    "rbm_gibbs_step",
]
