"""Modern-Hopfield attention pooling for multiple-instance learning on very large bags.

Python-only part (immune-repertoire setting of Ramsauer et al. / Widrich et al.:
one bag = one repertoire with up to ~10^6 instances); property-tested, not Lean-proved.

A bag is a set of N instances ``y_1, ..., y_N`` (rows, dimension d).  With a fixed query
``q`` (S rows of dimension d_k, stand-in for the learned query), key projection
``W_K`` (d, d_k) and value projection ``W_V`` (d_k, d_v) (``None`` = identity)::

    k_n = y_n W_K,  v_n = k_n W_V,  z_{s,n} = q_s . k_n
    pooled_s = sum_n softmax_n(beta z_{s,n}) v_n        (Hopfield pooling over the bag)
    lse_s    = beta^-1 log sum_n exp(beta z_{s,n})      (bag log-partition)

:func:`attention_pool_streamed` consumes the bag as an iterable of chunks and keeps only
a running maximum ``m_s``, a running sum ``sum exp(beta (z - m_s))`` and a running
weighted value sum, rescaled whenever the maximum grows ("online softmax").  Its memory
is O(S (d_v + 1)) plus one chunk, independent of N, and its result equals the one-shot
:func:`attention_pool` up to floating-point rounding (the sums are merely reordered).
"""

from __future__ import annotations

import math
import tracemalloc
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import numpy as np

from .modern import _check_beta, _finite_array

__all__ = [
    "PoolResult",
    "attention_pool",
    "attention_pool_streamed",
    "array_chunks",
    "synthetic_bag_chunks",
    "streaming_peak_memory",
]


class PoolResult(NamedTuple):
    """Pooled output (S, d_v), bag log-partition lse (S,), number of instances N."""

    pooled: np.ndarray
    lse: np.ndarray
    n_instances: int


def _setup(query: object, W_K: object, W_V: object, beta: object):
    b = _check_beta(beta)
    q = _finite_array("query", query, ndim=(1, 2))
    q = q[None, :] if q.ndim == 1 else q
    if q.shape[0] == 0 or q.shape[1] == 0:
        raise ValueError(f"query must be non-empty with shape (S, d_k), got {q.shape}")
    Wk = None if W_K is None else _finite_array("W_K", W_K, ndim=2)
    Wv = None if W_V is None else _finite_array("W_V", W_V, ndim=2)
    if Wk is not None and Wk.shape[1] != q.shape[1]:
        raise ValueError(f"W_K has shape {Wk.shape}; it must be (d, d_k) with d_k = {q.shape[1]} (the query dimension)")
    if Wv is not None and Wv.shape[0] != q.shape[1]:
        raise ValueError(f"W_V has shape {Wv.shape}; it must be (d_k, d_v) with d_k = {q.shape[1]}")
    return b, q, Wk, Wv


def _keys_values(Y: np.ndarray, q: np.ndarray, Wk, Wv, where: str):
    if Wk is None:
        if Y.shape[1] != q.shape[1]:
            raise ValueError(
                f"{where} has instance dimension {Y.shape[1]} but the query has d_k = {q.shape[1]}"
                " (give W_K of shape (d, d_k) or matching dimensions)"
            )
        K = Y
    else:
        if Y.shape[1] != Wk.shape[0]:
            raise ValueError(f"{where} has instance dimension {Y.shape[1]} but W_K expects {Wk.shape[0]}")
        K = Y @ Wk
    V = K if Wv is None else K @ Wv
    z = K @ q.T  # (n, S)
    if not (np.all(np.isfinite(z)) and np.all(np.isfinite(V))):
        raise ValueError(f"scores or values of {where} overflow float64: instance norms are too large")
    return z, V


def attention_pool(
    Y: np.ndarray,
    query: np.ndarray,
    beta: float,
    W_K: np.ndarray | None = None,
    W_V: np.ndarray | None = None,
) -> PoolResult:
    """One-shot Hopfield attention pooling of a whole bag ``Y`` (N, d), N >= 1.

    ``pooled = softmax(beta q (Y W_K)^T) Y W_K W_V``, ``lse = beta^-1 log sum exp(beta z)``.
    """
    b, q, Wk, Wv = _setup(query, W_K, W_V, beta)
    Ya = _finite_array("Y (bag of instances)", Y, ndim=2)
    if Ya.shape[0] == 0:
        raise ValueError("the bag is empty (N = 0): need at least one instance")
    z, V = _keys_values(Ya, q, Wk, Wv, "Y")
    m = np.max(z, axis=0)  # (S,)
    with np.errstate(over="ignore"):  # b (z - m) <= 0; -inf gives exp = 0
        e = np.exp(b * (z - m))  # (N, S)
    s = np.sum(e, axis=0)
    pooled = (e.T @ V) / s[:, None]
    return PoolResult(pooled, m + np.log(s) / b, Ya.shape[0])


def attention_pool_streamed(
    chunks: Iterable[np.ndarray],
    query: np.ndarray,
    beta: float,
    W_K: np.ndarray | None = None,
    W_V: np.ndarray | None = None,
) -> PoolResult:
    """Streamed Hopfield attention pooling over a bag given as chunks (each (n_c, d)).

    Running log-sum-exp: for each chunk with scores ``z`` (n_c, S)::

        m' = max(m, max_n z_n);  c = exp(beta (m - m'))
        s' = c s + sum_n exp(beta (z_n - m'))
        a' = c a + sum_n exp(beta (z_n - m')) v_n

    and at the end ``pooled = a / s``, ``lse = m + beta^-1 log s``.  Memory does not
    depend on the number of chunks.  Empty chunks are skipped; an empty bag raises.
    """
    b, q, Wk, Wv = _setup(query, W_K, W_V, beta)
    S = q.shape[0]
    m = np.full(S, -np.inf)
    s = np.zeros(S)
    acc: np.ndarray | None = None
    n_total = 0
    for idx, chunk in enumerate(chunks):
        Yc = _finite_array(f"chunk {idx} of the bag", chunk, ndim=2)
        if Yc.shape[0] == 0:
            continue
        z, V = _keys_values(Yc, q, Wk, Wv, f"chunk {idx}")
        if acc is None:
            acc = np.zeros((S, V.shape[1]))
        elif V.shape[1] != acc.shape[1]:
            raise ValueError(f"chunk {idx} has instance dimension inconsistent with earlier chunks")
        m_new = np.maximum(m, np.max(z, axis=0))
        with np.errstate(over="ignore"):  # exponents are <= 0; -inf gives exp = 0
            c = np.exp(b * (m - m_new))  # exp(-inf) = 0 on the first chunk
            e = np.exp(b * (z - m_new))
        s = c * s + np.sum(e, axis=0)
        acc = c[:, None] * acc + e.T @ V
        m = m_new
        n_total += Yc.shape[0]
    if acc is None:
        raise ValueError("the bag is empty (no instances in any chunk): need at least one instance")
    return PoolResult(acc / s[:, None], m + np.log(s) / b, n_total)


def array_chunks(Y: np.ndarray, chunk_size: int) -> Iterator[np.ndarray]:
    """Yield consecutive row blocks of ``Y`` of at most ``chunk_size`` rows (views)."""
    if not isinstance(chunk_size, (int, np.integer)) or isinstance(chunk_size, bool) or chunk_size < 1:
        raise ValueError(f"chunk_size must be a positive integer, got {chunk_size!r}")
    Ya = np.asarray(Y)
    for start in range(0, Ya.shape[0], int(chunk_size)):
        yield Ya[start : start + int(chunk_size)]


def synthetic_bag_chunks(
    n_instances: int, dim: int, chunk_size: int, seed: int, witness_every: int = 0, shift: float = 3.0
) -> Iterator[np.ndarray]:
    """Generate a synthetic bag chunk by chunk (never the whole bag in memory).

    Instances are standard normal in R^dim; chunk ``c`` comes from the generator
    ``np.random.default_rng([seed, c])`` so the same bag can be re-generated (or
    concatenated for the one-shot reference).  If ``witness_every > 0`` every
    ``witness_every``-th instance gets ``shift`` added to its first coordinate (a
    planted "positive" motif, as for a disease-associated receptor).
    """
    for name, v in (("n_instances", n_instances), ("dim", dim), ("chunk_size", chunk_size)):
        if not isinstance(v, (int, np.integer)) or isinstance(v, bool) or v < 1:
            raise ValueError(f"{name} must be a positive integer, got {v!r}")
    if not isinstance(witness_every, (int, np.integer)) or witness_every < 0:
        raise ValueError(f"witness_every must be an integer >= 0, got {witness_every!r}")
    n_chunks = math.ceil(n_instances / chunk_size)
    for c in range(n_chunks):
        rows = min(chunk_size, n_instances - c * chunk_size)
        rng = np.random.default_rng([seed, c])
        Yc = rng.standard_normal((rows, dim))
        if witness_every:
            first = c * chunk_size
            idx = np.arange(first, first + rows)
            Yc[idx % witness_every == 0, 0] += shift
        yield Yc


def streaming_peak_memory(
    n_instances: int, dim: int, chunk_size: int, seed: int = 0, beta: float = 1.0, n_queries: int = 1
) -> tuple[int, PoolResult]:
    """Measure (with ``tracemalloc``) the peak Python/numpy heap allocation, in bytes,
    of streaming a synthetic bag (:func:`synthetic_bag_chunks`) through
    :func:`attention_pool_streamed` with a fixed query ``ones / sqrt(dim)``.

    Returns ``(peak_bytes, result)``.  Stops any tracing it started.
    """
    q = np.ones((n_queries, dim)) / math.sqrt(dim)
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base, _ = tracemalloc.get_traced_memory()
        res = attention_pool_streamed(synthetic_bag_chunks(n_instances, dim, chunk_size, seed), q, beta)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        if not was_tracing:
            tracemalloc.stop()
    return peak - base, res
