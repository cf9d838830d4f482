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
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from .._validate import as_generator, check_float_array
from .._validate import check_beta as _check_beta

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


def _finite_array(name: str, a: object, ndim: int | tuple[int, ...] | None = None) -> np.ndarray:
    return check_float_array(a, name, ndim)


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
        raise ValueError(
            f"W_K has shape {Wk.shape}; it must be (d, d_k) with d_k = {q.shape[1]} "
            "(the query dimension)"
        )
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
            raise ValueError(
                f"{where} has instance dimension {Y.shape[1]} but W_K expects {Wk.shape[0]}"
            )
        K = Y @ Wk
    V = K if Wv is None else K @ Wv
    z = K @ q.T  # (n, S)
    if not (np.all(np.isfinite(z)) and np.all(np.isfinite(V))):
        raise ValueError(
            f"scores or values of {where} overflow float64: instance norms are too large"
        )
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

    Parameters
    ----------
    Y : array_like, shape (N, d)
        The whole bag, ``N >= 1`` finite instances (rows).
    query : array_like, shape (S, d_k) or (d_k,)
        The pooling query (queries), finite floats, in the associative space.
    beta : float > 0
        Inverse temperature of the softmax.
    W_K : array_like, shape (d, d_k), or None
        Key projection (``None``: identity, ``d_k = d``).
    W_V : array_like, shape (d_k, d_v), or None
        Value projection (``None``: identity, ``d_v = d_k``).

    Returns
    -------
    PoolResult
        ``pooled`` (S, d_v) float64 ``softmax(beta q (Y W_K)^T) Y W_K W_V``, ``lse`` (S,)
        ``beta^-1 log sum_n exp(beta z_n)`` and ``n_instances`` ``N``.
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

    Parameters
    ----------
    chunks : iterable of array_like, each (n_c, d)
        The bag in row blocks (empty blocks skipped; at least one instance in all).
    query : array_like, shape (S, d_k) or (d_k,)
        The pooling query (queries), finite floats, in the associative space.
    beta : float > 0
        Inverse temperature of the softmax.
    W_K : array_like, shape (d, d_k), or None
        Key projection (``None``: identity, ``d_k = d``).
    W_V : array_like, shape (d_k, d_v), or None
        Value projection (``None``: identity, ``d_v = d_k``).

    Returns
    -------
    PoolResult
        ``pooled`` (S, d_v) float64 ``softmax(beta q (Y W_K)^T) Y W_K W_V``, ``lse`` (S,)
        ``beta^-1 log sum_n exp(beta z_n)`` and ``n_instances`` ``N``.  Equal (up to rounding)
        to :func:`attention_pool` of the concatenated bag.
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


def array_chunks(Y: npt.ArrayLike, chunk_size: int) -> Iterator[np.ndarray]:
    """Consecutive row blocks of ``Y`` of at most ``chunk_size`` rows (views).

    The arguments are validated when this is called, not when the iterator is first
    advanced (a generator body would defer every check to the first ``next``).

    Parameters
    ----------
    Y : array_like, shape (N, d)
        2-D array to split.
    chunk_size : int >= 1
        Rows per block (the last block may be shorter).

    Returns
    -------
    Iterator[numpy.ndarray]
        The consecutive row blocks ``Y[k c : (k+1) c]`` (views), ``ceil(N / c)`` of them.

    Raises
    ------
    ValueError
        ``chunk_size`` not a positive integer, or ``Y`` not 2-D.
    """
    if (
        not isinstance(chunk_size, (int, np.integer))
        or isinstance(chunk_size, bool)
        or chunk_size < 1
    ):
        raise ValueError(f"chunk_size must be a positive integer, got {chunk_size!r}")
    Ya = np.asarray(Y)
    if Ya.ndim != 2:
        raise ValueError(f"Y must be a 2-D array (N, d) of instances, got shape {Ya.shape}")
    return _row_blocks(Ya, int(chunk_size))


def _row_blocks(Ya: np.ndarray, size: int) -> Iterator[np.ndarray]:
    for start in range(0, Ya.shape[0], size):
        yield Ya[start : start + size]


def synthetic_bag_chunks(
    n_instances: int,
    dim: int,
    chunk_size: int,
    seed: int,
    witness_every: int = 0,
    shift: float = 3.0,
) -> Iterator[np.ndarray]:
    """Generate a synthetic bag chunk by chunk (never the whole bag in memory).

    Instances are standard normal in R^dim; chunk ``c`` comes from the generator
    ``np.random.default_rng([seed, c])`` so the same bag can be re-generated (or
    concatenated for the one-shot reference).  If ``witness_every > 0`` every
    ``witness_every``-th instance gets ``shift`` added to its first coordinate (a
    planted "positive" motif, as for a disease-associated receptor).

    All arguments are validated when this is called (not at the first ``next``).
    ``seed`` must be an int ``>= 0``; ``None`` is refused (the bag must be re-generable).

    Parameters
    ----------
    n_instances : int >= 1
        Instances in the bag.
    dim : int >= 1
        Dimension of each instance.
    chunk_size : int >= 1
        Instances per chunk (the last may be shorter).
    seed : int >= 0
        Base seed: chunk ``c`` is drawn from ``numpy.random.default_rng([seed, c])``; ``None``
        is refused (the bag must be re-generable).
    witness_every : int >= 0
        Every ``witness_every``-th instance is a witness (0: none).
    shift : float
        Added to the first coordinate of each witness (finite).

    Returns
    -------
    Iterator[numpy.ndarray]
        float64 chunks of shape (n_c, dim), ``ceil(n_instances / chunk_size)`` of them.

    Raises
    ------
    ValueError
        A size that is not a positive integer, a negative ``witness_every``, a seed that
        is not an int ``>= 0``, or a non-finite ``shift``.
    """
    for name, v in (("n_instances", n_instances), ("dim", dim), ("chunk_size", chunk_size)):
        if not isinstance(v, (int, np.integer)) or isinstance(v, bool) or v < 1:
            raise ValueError(f"{name} must be a positive integer, got {v!r}")
    if (
        not isinstance(witness_every, (int, np.integer))
        or isinstance(witness_every, bool)
        or witness_every < 0
    ):
        raise ValueError(f"witness_every must be an integer >= 0, got {witness_every!r}")
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ValueError(
            f"seed must be an integer >= 0 (the bag is re-generated from it), got {seed!r}"
        )
    if (
        isinstance(shift, (bool, str))
        or not isinstance(shift, (int, float, np.integer, np.floating))
        or not math.isfinite(float(shift))
    ):
        raise ValueError(f"shift must be a finite real number, got {shift!r}")
    return _synthetic_chunks(
        int(n_instances), int(dim), int(chunk_size), int(seed), int(witness_every), float(shift)
    )


def _synthetic_chunks(
    n_instances: int, dim: int, chunk_size: int, seed: int, witness_every: int, shift: float
) -> Iterator[np.ndarray]:
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
    n_instances: int,
    dim: int,
    chunk_size: int,
    seed: int = 0,
    beta: float = 1.0,
    n_queries: int = 1,
) -> tuple[int, PoolResult]:
    """Measure (with ``tracemalloc``) the peak Python/numpy heap allocation, in bytes,
    of streaming a synthetic bag (:func:`synthetic_bag_chunks`) through
    :func:`attention_pool_streamed` with a fixed query ``ones / sqrt(dim)``.

    Returns ``(peak_bytes, result)``.  Stops any tracing it started.  ``seed``: an int
    ``>= 0`` as in :func:`synthetic_bag_chunks` (``None`` is refused).

    Parameters
    ----------
    n_instances : int >= 1
        Instances in the synthetic bag.
    dim : int >= 1
        Dimension of each instance.
    chunk_size : int >= 1
        Instances per chunk.
    seed : int >= 0
        Base seed: chunk ``c`` is drawn from ``numpy.random.default_rng([seed, c])``; ``None``
        is refused (the bag must be re-generable).
    beta : float > 0
        Inverse temperature of the softmax.
    n_queries : int >= 1
        Number of (identical) pooling queries ``ones / sqrt(dim)``.

    Returns
    -------
    tuple[int, PoolResult]
        ``(peak_bytes, result)``: the peak traced heap allocation above the baseline, in bytes,
        and the pooling result.
    """
    q = np.ones((n_queries, dim)) / math.sqrt(dim)
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base, _ = tracemalloc.get_traced_memory()
        res = attention_pool_streamed(
            synthetic_bag_chunks(n_instances, dim, chunk_size, seed), q, beta
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        if not was_tracing:
            tracemalloc.stop()
    return peak - base, res


# --------------------------------------------------------------------------- DeepRC pooling
class DeepRCResult(NamedTuple):
    """Outcome of :func:`deeprc_pool`.

    pooled : (S, d) pooled embeddings; kept : (S, n_kept) indices (into the whole bag) of
    the instances each query kept; n_used : instances after subsampling; n_instances : N.
    """

    pooled: np.ndarray
    kept: np.ndarray
    n_used: int
    n_instances: int


def _key_scores(
    Y: np.ndarray,
    q: np.ndarray,
    key_fn: Callable[[np.ndarray], npt.ArrayLike] | None,
    chunk_size: int,
) -> np.ndarray:
    """Scores ``z[n, s] = q_s . key_fn(y_n)`` computed chunk by chunk, shape (N, S)."""
    if key_fn is not None and not callable(key_fn):
        raise TypeError(
            f"key_fn must be a callable (n, d) -> (n, d_k) or None, got {type(key_fn).__name__}"
        )
    z = np.empty((Y.shape[0], q.shape[0]))
    for start in range(0, Y.shape[0], chunk_size):
        Yc = Y[start : start + chunk_size]
        K = Yc if key_fn is None else np.asarray(key_fn(Yc))
        if K.ndim != 2 or K.shape[0] != Yc.shape[0] or K.shape[1] != q.shape[1]:
            raise ValueError(
                f"key_fn returned shape {K.shape} for {Yc.shape[0]} instances; expected "
                f"({Yc.shape[0]}, {q.shape[1]}) (one key of the query dimension d_k per instance)"
            )
        if K.dtype.kind not in "iuf" or not np.all(np.isfinite(K)):
            raise ValueError(
                "key_fn returned non-finite or non-real keys; expected finite real keys"
            )
        z[start : start + Yc.shape[0]] = K @ q.T
    if not np.all(np.isfinite(z)):
        raise ValueError("scores q . key overflow float64: keys or query are too large")
    return z


def _pool_setup(Y: npt.ArrayLike, query: npt.ArrayLike, beta: float, chunk_size: int):
    b = _check_beta(beta)
    q = _finite_array("query", query, ndim=(1, 2))
    q = q[None, :] if q.ndim == 1 else q
    if q.shape[0] == 0 or q.shape[1] == 0:
        raise ValueError(f"query must be non-empty with shape (S, d_k), got {q.shape}")
    Ya = _finite_array("Y (bag of instances)", Y, ndim=2)
    if Ya.shape[0] == 0 or Ya.shape[1] == 0:
        raise ValueError(f"the bag must be non-empty with shape (N, d), N, d >= 1; got {Ya.shape}")
    if (
        not isinstance(chunk_size, (int, np.integer))
        or isinstance(chunk_size, bool)
        or chunk_size < 1
    ):
        raise ValueError(f"chunk_size must be a positive integer, got {chunk_size!r}")
    return b, q, Ya, int(chunk_size)


def _softmax_pool(z: np.ndarray, V: np.ndarray, b: float) -> tuple[np.ndarray, float]:
    m = float(np.max(z))
    with np.errstate(over="ignore", under="ignore"):
        e = np.exp(b * (z - m))  # exponents <= 0
        pooled = (e @ V) / float(np.sum(e))
    lse = m + math.log(float(np.sum(e))) / b
    if not (np.all(np.isfinite(pooled)) and math.isfinite(lse)):
        raise ValueError("pooled embeddings overflow float64: instance norms are too large")
    return pooled, lse


def embedding_pool(
    Y: npt.ArrayLike,
    query: npt.ArrayLike,
    beta: float,
    key_fn: Callable[[np.ndarray], npt.ArrayLike] | None = None,
    *,
    chunk_size: int = 65536,
) -> PoolResult:
    """Exact attention pooling in DeepRC's convention: values are the embeddings.

    ``pooled_s = sum_n softmax_n(beta q_s . k_n) y_n`` with ``k_n = key_fn(y_n)``
    (``None``: ``k_n = y_n``), ``lse_s = beta^-1 log sum_n exp(beta q_s . k_n)``, over the
    whole bag ``Y`` (N, d).  The reference that :func:`deeprc_pool` approximates.

    Parameters
    ----------
    Y : array_like, shape (N, d)
        The bag (instance embeddings), finite, ``N, d >= 1``.
    query : array_like, shape (S, d_k) or (d_k,)
    beta : float
        Inverse temperature ``> 0``.
    key_fn : callable (n, d) -> (n, d_k), optional
        Key function (``None``: the embeddings are the keys, ``d_k = d``).
    chunk_size : int
        Instances per call of ``key_fn``.

    Returns
    -------
    PoolResult
        ``pooled`` (S, d), ``lse`` (S,), ``n_instances``.
    """
    b, q, Ya, cs = _pool_setup(Y, query, beta, chunk_size)
    z = _key_scores(Ya, q, key_fn, cs)
    out = [_softmax_pool(z[:, s], Ya, b) for s in range(q.shape[0])]
    return PoolResult(np.array([o[0] for o in out]), np.array([o[1] for o in out]), Ya.shape[0])


def deeprc_pool(
    Y: npt.ArrayLike,
    query: npt.ArrayLike,
    beta: float,
    key_fn: Callable[[np.ndarray], npt.ArrayLike] | None = None,
    *,
    top_fraction: float = 0.1,
    n_subsample: int | None = None,
    seed: int | np.random.Generator | None = None,
    replace: bool = False,
    chunk_size: int = 65536,
) -> DeepRCResult:
    """DeepRC's attention pooling (Widrich et al., NeurIPS 2020; our reading of the paper
    and the authors' description): keys from a key function, values = embeddings,
    exact softmax only over the top fraction of the instances.

    1. Optional subsampling: if ``n_subsample`` is given and ``N > n_subsample``, a
       uniformly random subset of ``n_subsample`` instances (from ``seed``; ``None`` =
       fresh OS entropy, not reproducible) is used.  ``replace=True`` draws
       ``n_subsample`` indices with replacement and keeps the distinct ones (so fewer
       may be used), as the authors' data reader documents; the default draws without
       replacement.
    2. Scores ``z_n = q_s . key_fn(y_n)`` for the used instances, chunk by chunk.  With
       ``d_k = 1`` and ``query = [1.0]``, ``key_fn`` is DeepRC's attention network
       ``f`` (its output is the attention logit).
    3. Per query, the ``k = max(1, floor(top_fraction n_used))`` instances with the
       largest scores are kept (ties by index, lowest first); the rest are dropped.
       (The authors' code takes ``int(n top_fraction)``; the minimum of 1 is ours.)
    4. ``pooled_s = sum_{n in kept} softmax(beta z_n) y_n`` (softmax over the kept set;
       DeepRC has no ``beta``: it is ``1``, the scale lives in ``f``).

    With ``top_fraction = 1`` and no subsampling this is :func:`embedding_pool` exactly.
    Error of the reduction alone: if ``tau`` is the exact softmax mass of the dropped
    instances, ``pooled_top - pooled_exact = tau (ybar_kept - ybar_dropped)`` (weighted
    means under the exact weights), hence ``||pooled_top - pooled_exact|| <= 2 tau
    max_n ||y_n||``.

    Parameters
    ----------
    Y, query, beta, key_fn, chunk_size
        As in :func:`embedding_pool`.
    top_fraction : float
        Fraction of the (used) instances kept, in ``(0, 1]``; DeepRC uses 0.1.
    n_subsample : int, optional
        Subsample size (DeepRC's training uses ``10^4``); ``None``: no subsampling.
    seed : None, int or numpy.random.Generator
        Randomness of the subsample (``None``: fresh OS entropy, not reproducible).
    replace : bool
        Draw the subsample with replacement and keep the distinct indices.

    Returns
    -------
    DeepRCResult
        ``pooled`` (S, d), ``kept`` (S, k) bag indices, ``n_used``, ``n_instances``.

    Raises
    ------
    ValueError
        Empty or non-finite bag or query, ``top_fraction`` outside ``(0, 1]``, a non-positive
        ``n_subsample`` or ``chunk_size``, a bad seed, or keys of the wrong shape.
    TypeError
        ``key_fn`` not callable.
    """
    b, q, Ya, cs = _pool_setup(Y, query, beta, chunk_size)
    if isinstance(top_fraction, (bool, str)) or not isinstance(
        top_fraction, (int, float, np.integer, np.floating)
    ):
        raise ValueError(f"top_fraction must be a number in (0, 1], got {top_fraction!r}")
    tf = float(top_fraction)
    if not (0.0 < tf <= 1.0):
        raise ValueError(f"top_fraction must be in (0, 1], got {top_fraction!r}")
    n = Ya.shape[0]
    if n_subsample is not None:
        if (
            not isinstance(n_subsample, (int, np.integer))
            or isinstance(n_subsample, bool)
            or n_subsample < 1
        ):
            raise ValueError(f"n_subsample must be a positive integer or None, got {n_subsample!r}")
    if not isinstance(replace, (bool, np.bool_)):
        raise ValueError(f"replace must be a bool, got {replace!r}")
    rng = as_generator(seed)
    if n_subsample is not None and n > n_subsample:
        if replace:
            used = np.unique(rng.integers(0, n, size=int(n_subsample)))
        else:
            used = np.sort(rng.choice(n, size=int(n_subsample), replace=False))
    else:
        used = np.arange(n)
    Yu = Ya[used]
    z = _key_scores(Yu, q, key_fn, cs)
    k = max(1, math.floor(tf * used.size + 1e-9))
    pooled = np.empty((q.shape[0], Ya.shape[1]))
    kept = np.empty((q.shape[0], k), dtype=np.int64)
    for s in range(q.shape[0]):
        order = np.argsort(-z[:, s], kind="stable")[:k]
        pooled[s] = _softmax_pool(z[order, s], Yu[order], b)[0]
        kept[s] = used[order]
    return DeepRCResult(pooled, kept, int(used.size), n)
