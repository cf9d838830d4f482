"""Margins and certified basin radii of any integer or rational network (spec T8).

For a state ``p`` the margin of neuron ``i`` is ``mu_i = p_i (h_i(p) - theta_i)`` with
``h = W p``. Theorem T8 (``lean/Hopfield/Thm/Margin.lean``) says, for any weights (no symmetry
or zero diagonal needed), any thresholds and both tie rules: if a state ``s`` differs from ``p``
on the set ``D`` and ``mu_i > 2 sum_{j in D} |W_ij|`` for every ``i``, then one synchronous
step from ``s`` gives ``p``, every asynchronous step moves no neuron away from ``p``, and every
schedule visiting each neuron of ``D`` reaches ``p``. Radius form: if ``mu_i`` exceeds twice the
sum of the ``d`` largest ``|W_ij|`` of row ``i`` for every ``i``, this holds for every ``s``
within Hamming distance ``d`` of ``p``.

Everything here is exact: integer inputs stay Python integers, rational inputs are
``fractions.Fraction`` (floats are read as the exact binary fraction they hold).
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from numpy.typing import ArrayLike

from .._validate import check_state, check_thresholds, check_tie, check_weights

__all__ = [
    "margins",
    "top_sums",
    "cut_values",
    "margin_holds",
    "row_radii",
    "certified_radius",
]


def _exact(arr: np.ndarray) -> np.ndarray:
    """``arr`` as an object array of Python ints / Fractions (floats exactly)."""
    out = np.empty(arr.shape, dtype=object)
    flat = out.reshape(-1)
    for k, v in enumerate(arr.reshape(-1).tolist()):
        if isinstance(v, float):
            v = Fraction(v)
        if isinstance(v, Fraction) and v.denominator == 1:
            v = int(v)
        flat[k] = v
    return out


def _network(W: ArrayLike, theta: ArrayLike | None) -> tuple[np.ndarray, np.ndarray]:
    """Exact weights and thresholds: int64 (overflow-safe, see ``check_weights``) or object."""
    Wv = check_weights(W)
    th = check_thresholds(theta, Wv.shape[0])
    if Wv.dtype == np.int64 and th.dtype == np.int64:
        return Wv, th
    return _exact(Wv), _exact(th)


def margins(W: ArrayLike, theta: ArrayLike | None, pattern: ArrayLike) -> np.ndarray:
    """Margins ``mu_i = p_i (h_i(p) - theta_i)``, ``h = W p`` (spec T8; Lean ``margin``).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weights: integers, Fractions or floats (any matrix; no symmetry needed).
    theta : array_like, shape (n,), or None
        Thresholds (``None``: all zero).
    pattern : array_like, shape (n,)
        The state ``p``, entries ``+1`` / ``-1``.

    Returns
    -------
    numpy.ndarray, shape (n,)
        Exact margins: int64 for integer input, else an object array of Python ``int`` /
        ``Fraction``.
    """
    Wv, th = _network(W, theta)
    p = check_state(pattern, Wv.shape[0], name="pattern")
    if Wv.dtype == np.int64:
        return p * (Wv @ p - th)
    pv = p.astype(object)
    return pv * (Wv.dot(pv) - th)


def top_sums(W: ArrayLike, d: int) -> np.ndarray:
    """Per row, the sum of the ``d`` largest ``|W_ij|`` (spec T8; Lean ``topSum d (absRow W i)``).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weights.
    d : int
        ``0 <= d <= n``.

    Returns
    -------
    numpy.ndarray of object, shape (n,)
        ``sum_{k <= d} a_(k)`` with ``a_(1) >= a_(2) >= ...`` the sorted ``|W_i.|``.
    """
    Wv = check_weights(W)
    _check_d(d, Wv.shape[0])
    return _prefix_top(Wv)[:, int(d)]


def cut_values(W: ArrayLike, d: int) -> np.ndarray:
    """Per row the cut ``t_i``: the ``d``-th largest ``|W_ij|`` (the largest when ``d = 0``).

    With this cut ``d t_i + sum_j max(|W_ij| - t_i, 0)`` equals the sum of the ``d`` largest
    ``|W_ij|``, so the certificate check of Lean's ``marginCertOk`` is exactly T8's radius
    condition (spec T8).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weights.
    d : int
        ``0 <= d <= n``.

    Returns
    -------
    numpy.ndarray of object, shape (n,)
        The cuts (non-negative, exact).
    """
    Wv = check_weights(W)
    _check_d(d, Wv.shape[0])
    A = _sorted_abs(Wv)
    return A[:, int(d) - 1] if d > 0 else A[:, 0]


def margin_holds(W: ArrayLike, theta: ArrayLike | None, pattern: ArrayLike,
                 s: ArrayLike) -> bool:
    """T8's set condition: ``mu_i > 2 sum_{j in D} |W_ij|`` for every ``i``,
    ``D = {j : s_j != p_j}`` (spec T8; Lean ``MarginHolds``).

    Parameters
    ----------
    W, theta, pattern
        As in :func:`margins`.
    s : array_like, shape (n,)
        A state, entries ``+1`` / ``-1``.

    Returns
    -------
    bool
        Whether the margin condition holds (then ``s`` is recalled to ``pattern``).
    """
    mu = margins(W, theta, pattern)
    Wv = _exact(check_weights(W))
    p = check_state(pattern, Wv.shape[0], name="pattern")
    sv = check_state(s, Wv.shape[0], name="s")
    D = np.flatnonzero(sv != p)
    return all(mu[i] > 2 * sum((abs(Wv[i, j]) for j in D), 0) for i in range(Wv.shape[0]))


def _check_d(d: object, n: int) -> None:
    if isinstance(d, bool) or not isinstance(d, (int, np.integer)) or not 0 <= d <= n:
        raise ValueError(f"d: got {d!r}; expected an integer with 0 <= d <= n = {n}")


def _sorted_abs(Wv: np.ndarray) -> np.ndarray:
    """Each row of ``|W|`` sorted in decreasing order (exact: int64 or object)."""
    if Wv.dtype == np.int64:  # check_weights promoted to object where n * max|W| may overflow
        return -np.sort(-np.abs(Wv), axis=1)
    E = _exact(Wv)
    out = np.empty(E.shape, dtype=object)
    for i in range(E.shape[0]):
        out[i, :] = sorted((abs(v) for v in E[i]), reverse=True)
    return out


def _prefix_top(Wv: np.ndarray) -> np.ndarray:
    """``C[i, d]`` = the sum of the ``d`` largest ``|W_ij|`` of row ``i``, ``0 <= d <= n``."""
    A = _sorted_abs(Wv)
    zero = np.zeros((A.shape[0], 1), dtype=A.dtype)
    if A.dtype == object:
        zero[:] = 0
    return np.concatenate([zero, np.cumsum(A, axis=1)], axis=1)


def row_radii(W: ArrayLike, theta: ArrayLike | None, pattern: ArrayLike) -> np.ndarray:
    """Per row ``i`` the largest ``d`` with ``mu_i > 2 (sum of the d largest |W_ij|)``,
    ``-1`` when ``mu_i <= 0`` (spec T8).

    Parameters
    ----------
    W, theta, pattern
        As in :func:`margins`.

    Returns
    -------
    numpy.ndarray of int64, shape (n,)
        The row radii; :func:`certified_radius` is their minimum.
    """
    mu = margins(W, theta, pattern)
    C = _prefix_top(check_weights(W))
    # C is non-decreasing in d, so the d with 2 C[i, d] < mu_i are 0..radius_i
    ok = (2 * C) < mu[:, None]
    return ok.sum(axis=1).astype(np.int64) - 1


def certified_radius(W: ArrayLike, theta: ArrayLike | None, pattern: ArrayLike,
                     tie: str = "keep") -> int:
    """The largest ``d`` for which T8's radius form holds for ``pattern`` (spec T8).

    ``mu_i > 2 (sum of the d largest |W_ij| of row i)`` for every ``i``; then ``pattern`` is a
    fixed point and every state within Hamming distance ``d`` goes to it in one synchronous
    step and under every schedule visiting the neurons where it differs. The condition is
    strict, so the radius is the same for both tie rules (``tie`` is validated only).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weights (integers, Fractions or floats read exactly).
    theta : array_like, shape (n,), or None
        Thresholds.
    pattern : array_like, shape (n,)
        Entries ``+1`` / ``-1``.
    tie : {"keep", "plus"}
        Tie rule.

    Returns
    -------
    int
        The radius in ``0..n``, or ``-1`` when some margin is ``<= 0`` (the condition fails
        even at ``d = 0``).
    """
    check_tie(tie)
    return int(row_radii(W, theta, pattern).min())
