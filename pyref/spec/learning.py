"""Learning rules and capacity helpers (spec T3, T4; Storkey and pseudo-inverse are
Python-only, property-tested, not Lean-proved).

* :func:`hebbian` -- ``W = sum_k p_k p_k^T - m I``, integer, symmetric, zero diagonal (T3;
  Lean ``Hopfield.hebbian``).
* :func:`hebbian_normalized` -- ``W / n``; the field is divided by ``n > 0`` so every sign
  comparison with zero thresholds, ties included, is the same: identical dynamics.  Exact by
  default (``Fraction`` entries); ``exact=False`` gives float64 (ties are recognised within
  the rounding-error bound, so the dynamics still agree).
* :func:`storkey` -- Storkey's (1997) incremental rule, float, symmetric, zero diagonal.
* :func:`pseudo_inverse` -- the projection rule ``W = X X^+`` (``X`` has the patterns as
  columns), so ``W p_k = p_k``.
* :func:`fraction_fixed_points`, :func:`basin_estimate` -- capacity experiments.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import numpy as np
from numpy.typing import ArrayLike

from .._engine.classical import BatchRecall, HebbianFields, recall_batch, recall_impl
from .._engine.kernel import tie_tol, update_vec
from .._validate import (
    SeedLike,
    as_generator,
    check_machine,
    check_nonneg_int,
    check_patterns,
    check_positive_int,
    check_states,
    check_tie,
    check_work,
)

__all__ = [
    "hebbian",
    "hebbian_normalized",
    "storkey",
    "pseudo_inverse",
    "hebbian_recall_batch",
    "fraction_fixed_points",
    "flip_random",
    "basin_estimate",
]


def hebbian(patterns: ArrayLike) -> np.ndarray:
    """Hebbian weights ``W = sum_k p_k p_k^T - m I`` (spec T3; Lean ``Hopfield.hebbian``).

    Parameters
    ----------
    patterns : (m, n) array of spins +-1, m >= 1.

    Returns
    -------
    (n, n) int64 array: symmetric, zero diagonal, ``|W_ij| <= m``.
    """
    P = check_patterns(patterns)
    m, n = P.shape
    if m < 2**53:
        # every partial sum of sum_k p_ki p_kj is an integer of magnitude <= m < 2**53, so
        # the float64 BLAS product is exact (and much faster than numpy's int64 matmul)
        Pf = P.astype(np.float64)
        W = np.rint(Pf.T @ Pf).astype(np.int64)
    else:
        W = P.T @ P
    W[np.diag_indices(n)] -= m
    return W


def hebbian_normalized(patterns: ArrayLike, *, exact: bool = True) -> np.ndarray:
    """The ``1/n``-normalised Hebbian rule ``W = (sum_k p_k p_k^T - m I) / n`` (spec
    conventions "1/n-normalised form", T3).

    With zero thresholds it has exactly the dynamics of :func:`hebbian`: every field is the
    integer field divided by ``n > 0``, so its sign (and every tie) is unchanged.

    ``exact=True`` (default) returns an object array of :class:`fractions.Fraction` so the
    identity of dynamics holds exactly.  ``exact=False`` returns float64: rounding of ``k / n``
    can turn an exact tie ``h_i = 0`` into a tiny nonzero field, but pyref's float dynamics
    treat a field within its rounding-error bound of the threshold as a tie
    (:func:`pyref._engine.kernel.tie_tol`), so the dynamics agree as well (property-tested).

    Parameters
    ----------
    patterns : array_like, shape (m, n)
        Stored patterns (rows), entries +1 / -1.
    exact : bool
        Exact Fractions (``True``) or float64.

    Returns
    -------
    numpy.ndarray
        Shape (n, n), ``(sum_k p_k p_k^T - m I) / n``: Fractions (object dtype, exact) by
        default, float64 with ``exact=False``; zero diagonal.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    P = check_patterns(patterns)
    n = P.shape[1]
    Wi = hebbian(P)
    if not exact:
        return Wi / float(n)
    out = np.empty(Wi.shape, dtype=object)
    out[...] = [[Fraction(int(v), n) for v in row] for row in Wi]
    return out


def storkey(patterns: ArrayLike) -> np.ndarray:
    """Storkey's learning rule (Storkey 1997; Python-only, not Lean-proved).

    Starting from ``W = 0``, for each pattern ``xi`` in order::

        W_ij += (xi_i xi_j - xi_i h_ji - h_ij xi_j) / n,   h_ij = sum_{k != i, j} W_ik xi_k

    for ``i != j``; the diagonal stays zero.  With ``h = W xi`` (zero diagonal) one has
    ``h_ij = h_i - W_ij xi_j``, hence the vectorised update
    ``dW = (xi xi^T - xi h^T - h xi^T + 2 W) / n`` off the diagonal.

    Returns a symmetric, zero-diagonal float64 matrix.

    Parameters
    ----------
    patterns : array_like, shape (m, n)
        Stored patterns (rows), entries +1 / -1.

    Returns
    -------
    numpy.ndarray
        Shape (n, n) float64: the Storkey weights after learning the patterns one by one (zero
        diagonal, symmetric).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    P = check_patterns(patterns).astype(np.float64)
    n = P.shape[1]
    W = np.zeros((n, n))
    for xi in P:
        h = W @ xi
        dW = (np.outer(xi, xi) - np.outer(xi, h) - np.outer(h, xi) + 2.0 * W) / n
        np.fill_diagonal(dW, 0.0)
        W = W + dW
        W = 0.5 * (W + W.T)  # remove rounding asymmetry; exact arithmetic is symmetric
    return W


def pseudo_inverse(patterns: ArrayLike, *, zero_diagonal: bool = True) -> np.ndarray:
    """Pseudo-inverse (projection) rule ``W = X X^+`` with ``X = patterns.T`` (``n x m``)
    (Personnaz et al.; Python-only, not Lean-proved).

    ``X X^+`` is the orthogonal projection onto the span of the patterns, so
    ``W p_k = p_k`` for every stored pattern (linearly dependent patterns allowed).  With
    ``zero_diagonal`` (default, what T1/T2 need) the diagonal is removed; then
    ``(W p_k)_i = (1 - P_ii) p_ki`` with ``0 <= P_ii <= 1``, so each ``p_k`` is still a fixed
    point whenever every ``P_ii < 1`` (in particular when ``m < n`` and the patterns span a
    proper subspace with no coordinate vector in it).

    Parameters
    ----------
    patterns : array_like, shape (m, n)
        Stored patterns (rows), entries +1 / -1.
    zero_diagonal : bool
        Set the diagonal to zero.

    Returns
    -------
    numpy.ndarray
        Shape (n, n) float64, symmetric: the projection ``X X^+`` onto the span of the
        patterns, with its diagonal set to zero when ``zero_diagonal``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    P = check_patterns(patterns).astype(np.float64)
    X = P.T
    W = X @ np.linalg.pinv(X)
    W = 0.5 * (W + W.T)
    if zero_diagonal:
        np.fill_diagonal(W, 0.0)
    return W


def hebbian_recall_batch(patterns: ArrayLike, probes: ArrayLike, *, mode: str = "async",
                         tie: str = "keep", max_sweeps: int = 100) -> BatchRecall:
    """Batched recall with Hebbian weights, without forming ``W`` (spec T3, T4, T5).

    Exactly the result of ``recall_batch(hebbian(patterns), None, probes, ...)`` (cyclic
    schedule, zero thresholds), computed through the factorisation
    ``S W^T = (S P^T) P - m S``: ``O(B n m)`` per full field evaluation instead of
    ``O(B n^2)``.  All intermediate values are integers below ``4 m n``, exact in float32
    (float64 when ``4 m n >= 2**24``).

    Parameters
    ----------
    patterns : array_like, shape (m, n)
        Stored patterns (rows), entries +1 / -1.
    probes : array_like, shape (B, n)
        Probe states, entries +1 / -1.
    mode : {'async', 'sync'}
        Asynchronous sweeps (T2) or synchronous steps (T5).
    tie : {'keep', 'plus'}
        Rule on a tie ``h_i = theta_i``: keep ``s_i`` (spec default) or set +1.
    max_sweeps : int >= 1
        Cap on sweeps (synchronous: steps); the status says when it was reached.

    Returns
    -------
    BatchRecall
        Per probe the final state, the number of sweeps and the status, each equal to what
        :func:`pyref.classical.recall_batch` gives with ``W = hebbian(patterns)``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    tie = check_tie(tie)
    if mode not in ("async", "sync"):
        raise ValueError(f"mode: got {mode!r}; expected 'async' or 'sync'")
    P = check_patterns(patterns)
    m, n = P.shape
    S = check_states(probes, n, name="probes")
    max_sweeps = check_positive_int(max_sweeps, "max_sweeps")
    bound = 4 * m * n + 1
    if bound >= 2**53:
        return recall_batch(hebbian(P), None, S, mode=mode, tie=tie, max_sweeps=max_sweeps)
    dt = np.float32 if bound < 2**24 else np.float64
    op = HebbianFields(P.astype(dt))
    return recall_impl(op, np.zeros(n, dtype=dt), S, mode=mode, tie=tie,
                       max_sweeps=max_sweeps, order=list(range(n)), custom=False, dt=dt,
                       tol=None, exact=True)


def fraction_fixed_points(W: ArrayLike, theta: ArrayLike | None, patterns: ArrayLike,
                          tie: str = "keep") -> float:
    """Fraction of the patterns that are fixed points of the dynamics (spec T3: 1.0 for
    Hebbian weights of pairwise-orthogonal patterns with ``m < n``).  Vectorised.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    patterns : array_like, shape (m, n)
        Stored patterns (rows), entries +1 / -1.
    tie : {'keep', 'plus'}
        Rule on a tie ``h_i = theta_i``: keep ``s_i`` (spec default) or set +1.

    Returns
    -------
    float
        The fraction in ``[0, 1]`` of the patterns ``p`` with ``sync_step(W, theta, p) == p``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    tie = check_tie(tie)
    Wv, th = check_machine(W, theta)
    P = check_patterns(patterns, Wv.shape[0])
    if Wv.dtype == object:
        H = P.astype(object) @ Wv.T
    else:
        H = P @ Wv.T
    new = update_vec(H, th, P, tie, tie_tol(Wv, th))
    return float(np.mean(np.all(new == P, axis=1)))


def flip_random(s: ArrayLike, d: int, *, seed: SeedLike = None,
                count: int | None = None) -> np.ndarray:
    """Copies of ``s`` with exactly ``d`` distinct random positions flipped (Hamming
    distance ``d``, spec T4).  ``count=None`` returns one state, else ``(count, n)``.

    Parameters
    ----------
    s : array_like, shape (n,)
        State, entries +1 / -1.
    d : int >= 0
        Number of flipped positions (Hamming distance).
    seed : None, int >= 0 or numpy.random.Generator
        Source of all randomness: ``None`` draws fresh OS entropy (not reproducible), an int gives
        a reproducible stream, a Generator is used as is and advanced in place.
    count : int >= 1 or None
        Number of copies (``None``: one state).

    Returns
    -------
    numpy.ndarray
        int64 +1/-1: shape (n,) for ``count=None``, else (count, n); each row is ``s`` with
        exactly ``d`` distinct positions flipped.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    from .._validate import check_state
    sv = check_state(s)
    n = sv.shape[0]
    d = check_nonneg_int(d, "d")
    if d > n:
        raise ValueError(f"d: got {d}; expected 0 <= d <= n = {n}")
    rng = as_generator(seed)
    c = 1 if count is None else check_positive_int(count, "count")
    check_work(c, "count", c * n, "count * n")
    out = np.tile(sv, (c, 1))
    if d:
        idx = np.argsort(rng.random((c, n)), axis=1)[:, :d]
        rows = np.repeat(np.arange(c), d)
        out[rows, idx.ravel()] *= -1
    return out[0] if count is None else out


def basin_estimate(W: ArrayLike, theta: ArrayLike | None, patterns: ArrayLike,
                   distances: Sequence[int], *,
                   trials: int = 100, mode: str = "async", tie: str = "keep",
                   max_sweeps: int = 100, seed: SeedLike = None) -> np.ndarray:
    """Monte-Carlo basin-of-attraction estimate (spec T4, empirically).

    For each distance ``d`` in ``distances`` and each pattern ``p_k``, ``trials`` probes at
    Hamming distance exactly ``d`` from ``p_k`` are recalled (batched); the entry ``[k, j]``
    of the result is the fraction that end exactly at ``p_k``.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    patterns : array_like, shape (m, n)
        Stored patterns (rows), entries +1 / -1.
    distances : sequence of int
        Hamming distances to probe.
    trials : int >= 1
        Probes per distance.
    mode : {'async', 'sync'}
        Asynchronous sweeps (T2) or synchronous steps (T5).
    tie : {'keep', 'plus'}
        Rule on a tie ``h_i = theta_i``: keep ``s_i`` (spec default) or set +1.
    max_sweeps : int >= 1
        Cap on sweeps (synchronous: steps); the status says when it was reached.
    seed : None, int >= 0 or numpy.random.Generator
        Source of all randomness: ``None`` draws fresh OS entropy (not reproducible), an int gives
        a reproducible stream, a Generator is used as is and advanced in place.

    Returns
    -------
    (m, len(distances)) float array of success fractions.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    Wv, th = check_machine(W, theta)
    P = check_patterns(patterns, Wv.shape[0])
    trials = check_positive_int(trials, "trials")
    ds = [check_nonneg_int(d, "distances[...]") for d in distances]
    if not ds:
        raise ValueError("distances: is empty; expected at least one Hamming distance")
    rng = as_generator(seed)
    out = np.zeros((P.shape[0], len(ds)))
    for k, p in enumerate(P):
        probes = np.concatenate([flip_random(p, d, seed=rng, count=trials) for d in ds])
        res = recall_batch(Wv, th, probes, mode=mode, tie=tie, max_sweeps=max_sweeps)
        ok = np.all(res.states == p, axis=1).reshape(len(ds), trials)
        out[k] = ok.mean(axis=1)
    return out


from .capacity import capacity_bound, capacity_curve  # noqa: E402,F401  (spec T9)
