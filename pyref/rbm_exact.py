"""Compatibility path of :mod:`pyref.spec.rbm_exact` (moved there in the package
layout of issue 18; this path keeps every import that worked before)."""

from .spec.rbm_exact import (  # noqa: F401 (re-exports)
    MAX_RBM_EXACT_N,
    block_kernel_exact,
    block_min,
    hidden_mask,
    rbm_block_kernel_exact,
    rbm_doeblin_alpha,
    rbm_half_kernels_exact,
    rbm_weights_exact,
)

__all__ = [
    "MAX_RBM_EXACT_N",
    "block_kernel_exact",
    "block_min",
    "hidden_mask",
    "rbm_block_kernel_exact",
    "rbm_doeblin_alpha",
    "rbm_half_kernels_exact",
    "rbm_weights_exact",
]
