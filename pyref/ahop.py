"""Compatibility path of :mod:`pyref.models.ahop` (the module moved there in the
package layout of issue 18; this path keeps every import that worked before)."""

from .models.ahop import (  # noqa: F401 (re-exports)
    AdaptiveSimilarity,
    Variant,
    accuracy,
    ahop_retrieve,
    comparison_table,
    dot_similarity,
    fit_adaptive_similarity,
    footprint,
    log_likelihood,
    make_memories,
    map_retrieve,
    neg_sq_distance,
    oracle_similarity,
    retrieve_index,
    sample_variants,
)

__all__ = [
    "Variant",
    "AdaptiveSimilarity",
    "sample_variants",
    "log_likelihood",
    "map_retrieve",
    "dot_similarity",
    "neg_sq_distance",
    "footprint",
    "fit_adaptive_similarity",
    "oracle_similarity",
    "ahop_retrieve",
    "retrieve_index",
    "accuracy",
    "make_memories",
    "comparison_table",
]
