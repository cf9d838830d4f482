"""Compatibility path of :mod:`pyref.models.mil` (the module moved there in the
package layout of issue 18; this path keeps every import that worked before)."""

from .models.mil import (  # noqa: F401 (re-exports)
    DeepRCResult,
    PoolResult,
    array_chunks,
    attention_pool,
    attention_pool_streamed,
    deeprc_pool,
    embedding_pool,
    streaming_peak_memory,
    synthetic_bag_chunks,
)

__all__ = [
    "PoolResult",
    "attention_pool",
    "attention_pool_streamed",
    "array_chunks",
    "synthetic_bag_chunks",
    "streaming_peak_memory",
    "DeepRCResult",
    "embedding_pool",
    "deeprc_pool",
]
