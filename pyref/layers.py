"""Compatibility path of :mod:`pyref.models.layers` (the module moved there in the
package layout of issue 18; this path keeps every import that worked before)."""

from .models.layers import (  # noqa: F401 (re-exports)
    MAX_LAYER_STEPS,
    hopfield_association,
    hopfield_core,
    hopfield_lookup,
    hopfield_pooling,
    scaled_dot_product_attention,
)

__all__ = [
    "hopfield_core",
    "hopfield_association",
    "hopfield_pooling",
    "hopfield_lookup",
    "scaled_dot_product_attention",
]
