"""Compatibility path of :mod:`pyref.models.mha` (the module moved there in the
package layout of issue 18; this path keeps every import that worked before)."""

from .models.mha import (  # noqa: F401 (re-exports)
    CollapseRow,
    LayerWeights,
    mha_layer,
    mha_stack,
    random_layer_weights,
    rank_collapse_experiment,
    relative_residual,
    token_uniformity,
)

__all__ = [
    "LayerWeights",
    "random_layer_weights",
    "mha_layer",
    "mha_stack",
    "relative_residual",
    "token_uniformity",
    "rank_collapse_experiment",
]
