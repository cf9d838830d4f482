"""Conventions of other libraries, stated exactly (spec "conventions"; Python-only, not
Lean-proved).  The conformance kit (:mod:`pyref.conform`) uses them to check a library that
does not follow the spec defaults.

* Tie rule ``"minus"`` (a tie ``h_i = theta_i`` gives ``-1``; neurolab, dhnn):
  :func:`update_value_tie`, :func:`async_step_tie`, :func:`sync_step_tie`,
  :func:`sweep_tie`, :func:`is_fixed_point_tie`, :func:`trajectory_tie`,
  :func:`fixed_point_tie`.  They use the spin-flip symmetry
  ``step_minus(W, theta, s) = -step_plus(W, -theta, -s)`` (the field is linear in ``s``),
  so they are exact wherever the ``"plus"`` rule is.
* :func:`hebbian_1_over_m` -- ``(sum_k p_k p_k^T - m I) / m`` (exact Fractions).
* :func:`storkey_keep_diagonal` -- Storkey's rule with the diagonal accumulated, not zeroed
  (the neurodynex3-style variant).
* :func:`energy_half_quadratic` -- ``scale * (-1/2 s^T W s + theta^T s)`` (the whole
  quadratic form, diagonal included).
* 0/1 states: :func:`to_01`, :func:`from_01`, :func:`thresholds_01`, :func:`energy_01`.
  With ``x = (s + 1) / 2`` and ``t = (theta + W 1) / 2`` one has
  ``h_i(s) - theta_i = 2 (sum_j W_ij x_j - t_i)``, so the 0/1 network ``(W, t)`` has the
  same dynamics (ties included), and ``E(s) = 4 E01(x) - (1/2 1^T W 1 + theta^T 1)``.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Sequence

import numpy as np
from numpy.typing import ArrayLike

from . import classical
from ._validate import (
    ExactScalar,
    Real,
    Scalar,
    check_patterns,
    check_state,
    check_thresholds,
    check_weights,
)
from .learning import hebbian

__all__ = [
    "TIES",
    "update_value_tie",
    "async_step_tie",
    "sync_step_tie",
    "sweep_tie",
    "trajectory_tie",
    "is_fixed_point_tie",
    "fixed_point_tie",
    "hebbian_1_over_m",
    "storkey_keep_diagonal",
    "energy_half_quadratic",
    "to_01",
    "from_01",
    "thresholds_01",
    "energy_01",
]

#: The tie rules: ``keep`` (spec default), ``plus`` (+1), ``minus`` (-1).
TIES = ("keep", "plus", "minus")


def _check_tie(tie: object) -> str:
    if tie not in TIES:
        raise ValueError(f"tie: got {tie!r}; expected one of {', '.join(TIES)}")
    return tie


def _neg(x: ArrayLike) -> np.ndarray:
    a = np.asarray(x)
    return -a if a.dtype != object else np.array([-v for v in a.ravel()],
                                                   dtype=object).reshape(a.shape)


def update_value_tie(h: Scalar, theta: Scalar, s_i: int, tie: str = "keep") -> int:
    """New spin of one neuron: ``+1`` if ``h > theta``, ``-1`` if ``h < theta``; on a tie
    ``s_i`` (``keep``), ``+1`` (``plus``) or ``-1`` (``minus``) (spec conventions).

    Parameters
    ----------
    h : number
        Local field of the neuron.
    theta : number
        Threshold of the neuron.
    s_i : int
        Current spin of the neuron, +1 or -1.
    tie : {'keep', 'plus', 'minus'}
        Rule on a tie ``h_i = theta_i``: keep ``s_i``, set +1 or set -1.

    Returns
    -------
    int
        ``+1`` if ``h > theta``, ``-1`` if ``h < theta``; on a tie ``s_i`` (``keep``), ``+1``
        (``plus``) or ``-1`` (``minus``).
    """
    if _check_tie(tie) != "minus":
        return classical.update_value(h, theta, s_i, tie)
    return -classical.update_value(-h, -theta, -s_i, "plus")


def async_step_tie(W: ArrayLike, theta: ArrayLike, s: ArrayLike, i: int,
                   tie: str = "keep") -> np.ndarray:
    """Asynchronous step at neuron ``i`` under any of :data:`TIES` (spec T1 dynamics);
    ``minus``: ``-async_step(W, -theta, -s, i, "plus")``.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    s : array_like, shape (n,)
        State, entries +1 / -1.
    i : int
        Neuron (site) index, ``0 <= i < n``.
    tie : {'keep', 'plus', 'minus'}
        Rule on a tie ``h_i = theta_i``: keep ``s_i``, set +1 or set -1.

    Returns
    -------
    numpy.ndarray
        Shape (n,) int64: ``s`` with neuron ``i`` set to :func:`update_value_tie` of its field
        (a new array).
    """
    if _check_tie(tie) != "minus":
        return classical.async_step(W, theta, s, i, tie)
    return -classical.async_step(W, _neg(theta), _neg(s), i, "plus")


def sync_step_tie(W: ArrayLike, theta: ArrayLike, s: ArrayLike,
                  tie: str = "keep") -> np.ndarray:
    """Synchronous step under any of :data:`TIES` (spec T5 dynamics).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    s : array_like, shape (n,)
        State, entries +1 / -1.
    tie : {'keep', 'plus', 'minus'}
        Rule on a tie ``h_i = theta_i``: keep ``s_i``, set +1 or set -1.

    Returns
    -------
    numpy.ndarray
        Shape (n,) int64: every neuron's :func:`update_value_tie`, all from the old ``s``.
    """
    if _check_tie(tie) != "minus":
        return classical.sync_step(W, theta, s, tie)
    return -classical.sync_step(W, _neg(theta), _neg(s), "plus")


def sweep_tie(W: ArrayLike, theta: ArrayLike, s: ArrayLike, tie: str = "keep") -> np.ndarray:
    """One cyclic sweep ``0, 1, ..., n-1`` under any of :data:`TIES` (spec T2).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    s : array_like, shape (n,)
        State, entries +1 / -1.
    tie : {'keep', 'plus', 'minus'}
        Rule on a tie ``h_i = theta_i``: keep ``s_i``, set +1 or set -1.

    Returns
    -------
    numpy.ndarray
        Shape (n,) int64: the state after the asynchronous steps at ``0, 1, ..., n-1``.
    """
    if _check_tie(tie) != "minus":
        return classical.sweep(W, theta, s, tie)
    return -classical.sweep(W, _neg(theta), _neg(s), "plus")


def trajectory_tie(W: ArrayLike, theta: ArrayLike, s: ArrayLike, schedule: Sequence[int],
                   tie: str = "keep") -> np.ndarray:
    """States along ``schedule`` (start state first) under any of :data:`TIES` (T7).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    s : array_like, shape (n,)
        State, entries +1 / -1.
    schedule : sequence of int
        Neurons to update, in order (each ``0 <= i < n``).
    tie : {'keep', 'plus', 'minus'}
        Rule on a tie ``h_i = theta_i``: keep ``s_i``, set +1 or set -1.

    Returns
    -------
    numpy.ndarray
        Shape (len(schedule) + 1, n) int64: the start state, then the state after each step.
    """
    if _check_tie(tie) != "minus":
        return classical.trajectory(W, theta, s, schedule, tie)
    return -classical.trajectory(W, _neg(theta), _neg(s), schedule, "plus")


def is_fixed_point_tie(W: ArrayLike, theta: ArrayLike, s: ArrayLike,
                       tie: str = "keep") -> bool:
    """No asynchronous step changes ``s`` under any of :data:`TIES` (spec T2).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    s : array_like, shape (n,)
        State, entries +1 / -1.
    tie : {'keep', 'plus', 'minus'}
        Rule on a tie ``h_i = theta_i``: keep ``s_i``, set +1 or set -1.

    Returns
    -------
    bool
        True iff no asynchronous step under ``tie`` changes ``s``.
    """
    if _check_tie(tie) != "minus":
        return classical.is_fixed_point(W, theta, s, tie)
    return classical.is_fixed_point(W, _neg(theta), _neg(s), "plus")


def fixed_point_tie(W: ArrayLike, theta: ArrayLike, s: ArrayLike, tie: str = "keep",
                    max_sweeps: int = 10_000) -> np.ndarray:
    """The fixed point reached by cyclic sweeps from ``s`` (symmetric zero-diagonal ``W``,
    spec T2) under any of :data:`TIES`.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Symmetric weight matrix with zero diagonal (T2's hypotheses).
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    s : array_like, shape (n,)
        State, entries +1 / -1.
    tie : {'keep', 'plus', 'minus'}
        Rule on a tie ``h_i = theta_i``: keep ``s_i``, set +1 or set -1.
    max_sweeps : int >= 1
        Cap on the sweeps of the run.

    Returns
    -------
    numpy.ndarray
        Shape (n,) int64: the final state of the cyclic run (a fixed point unless ``max_sweeps``
        was reached).
    """
    if _check_tie(tie) != "minus":
        return classical.run(W, theta, s, tie=tie, max_sweeps=max_sweeps).state
    return -classical.run(W, _neg(theta), _neg(s), tie="plus", max_sweeps=max_sweeps).state


def hebbian_1_over_m(patterns: ArrayLike) -> np.ndarray:
    """Hebbian weights normalised by the number of patterns ``m``:
    ``W = (sum_k p_k p_k^T - m I) / m`` (spec conventions; same dynamics as the integer rule
    with zero thresholds, since ``m > 0``).  Exact: an object array of Fractions.

    Parameters
    ----------
    patterns : array_like, shape (m, n)
        Stored patterns (rows), entries +1 / -1.

    Returns
    -------
    numpy.ndarray
        Shape (n, n), object dtype: the Fractions ``(sum_k p_k p_k^T - m I) / m`` (zero
        diagonal, symmetric).
    """
    P = check_patterns(patterns)
    m = P.shape[0]
    Wi = hebbian(P)
    out = np.empty(Wi.shape, dtype=object)
    out[...] = [[Fraction(int(v), m) for v in row] for row in Wi]
    return out


def storkey_keep_diagonal(patterns: ArrayLike, *, exact: bool = True) -> np.ndarray:
    """Storkey's rule with the diagonal kept (neurodynex3-style; Python-only).

    From ``W = 0``, for each pattern ``xi`` in order and every ``i, j`` (``i = j``
    included)::

        W_ij += (xi_i xi_j - xi_i h_ji - h_ij xi_j) / n,   h_ij = sum_{k != i, j} W_ik xi_k.

    No ``h`` contains a diagonal entry, so the off-diagonal part is
    :func:`pyref.learning.storkey`'s; the diagonal grows by ``(1 - 2 xi_i h_ii) / n``.
    ``exact=True``: an object array of Fractions; else float64.

    Parameters
    ----------
    patterns : array_like, shape (m, n)
        Stored patterns (rows), entries +1 / -1.
    exact : bool
        Exact Fractions (``True``) or float64.

    Returns
    -------
    numpy.ndarray
        Shape (n, n): the Storkey weights with the diagonal accumulated; object Fractions for
        ``exact``, else float64.
    """
    P = check_patterns(patterns)
    n = P.shape[1]
    if not exact:
        P = P.astype(np.float64)
    W = np.zeros((n, n), dtype=object if exact else np.float64)
    if exact:
        W[...] = Fraction(0)
    for xi in P:
        Woff = W.copy()
        np.fill_diagonal(Woff, 0)
        h = Woff @ xi                                  # h_i = sum_{k != i} W_ik xi_k
        Hij = h[:, None] - Woff * xi[None, :]          # h_ij = h_i - W_ij xi_j (i != j)
        np.fill_diagonal(Hij, h)                       # h_ii = h_i
        dW = np.outer(xi, xi) - xi[:, None] * Hij.T - Hij * xi[None, :]
        W = W + (dW / n if not exact else
                 np.vectorize(lambda v: Fraction(v) / n, otypes=[object])(dW))
    return W


def energy_half_quadratic(W: ArrayLike, theta: ArrayLike, s: ArrayLike,
                          scale: Scalar = 1) -> Real:
    """``scale * (-1/2 s^T W s + theta^T s)``: the whole quadratic form, diagonal
    included (spec conventions; equals ``scale * energy`` for a zero diagonal).  Exact for
    integer / Fraction inputs and scale (an ``int`` or ``Fraction`` result).

    Float inputs give a float; if a float64 intermediate overflows (entries near 1e308),
    the value is recomputed exactly from the floats' binary values and rounded once.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weights (the diagonal counts).
    theta : array_like, shape (n,)
        Thresholds.
    s : array_like, shape (n,)
        State, entries +1 / -1.
    scale : int, float or Fraction
        Factor applied to the whole form.

    Returns
    -------
    int, Fraction or float
        The scaled quadratic energy: exact for exact inputs, else a finite float.

    Raises
    ------
    ValueError
        If an argument is malformed, or if the exact energy of finite float inputs lies
        beyond the float64 range.
    """
    Wa = check_weights(W)
    sa = check_state(s, Wa.shape[0])
    th = check_thresholds(theta, Wa.shape[0])
    _check_scale(scale)
    if Wa.dtype.kind == "f" or th.dtype.kind == "f" or isinstance(scale, float):
        with np.errstate(over="ignore", invalid="ignore"):
            val = float(scale) * (-0.5 * float(sa @ Wa @ sa) + float(th @ sa))
        if np.isfinite(val):
            return val
        # a float64 intermediate overflowed: the exact value of the (finite) float inputs
        exact = _half_quadratic_exact(Wa, th, sa, scale)
        try:
            return float(exact)
        except OverflowError:
            raise ValueError("energy_half_quadratic: the exact energy of these finite inputs "
                             "is beyond float64 (|E| > 1.8e308); expected smaller entries "
                             "(or ints / Fractions for an exact result)") from None
    e = _half_quadratic_exact(Wa, th, sa, scale)
    return int(e) if e.denominator == 1 else e


def _half_quadratic_exact(Wa: np.ndarray, th: np.ndarray, sa: np.ndarray,
                          scale: Scalar) -> Fraction:
    """``scale * (-1/2 s^T W s + theta^T s)`` in exact rationals (floats by their exact
    binary values)."""
    n = len(sa)
    quad = sum((_frac(Wa[i, j]) * int(sa[i]) * int(sa[j]) for i in range(n)
                for j in range(n)), Fraction(0))
    lin = sum((_frac(t) * int(x) for t, x in zip(th, sa)), Fraction(0))
    return _frac(scale) * (-quad / 2 + lin)


def _frac(v: Scalar) -> Fraction:
    """``v`` as a Fraction of Python ints (numpy scalars would overflow in its arithmetic)."""
    if isinstance(v, (int, np.integer)):
        return Fraction(int(v))
    if isinstance(v, (float, np.floating)):
        return Fraction(float(v))
    return Fraction(v)


def _check_scale(scale: object) -> None:
    if isinstance(scale, bool) or not isinstance(scale, (int, float, Fraction, np.number)) \
            or not np.isfinite(float(scale)):
        raise ValueError(f"scale: got {scale!r}; expected a finite number (int, float or "
                         f"Fraction)")


def _check_01(x: ArrayLike, n: int | None = None) -> np.ndarray:
    xa = np.asarray(x)
    if xa.ndim != 1 or (n is not None and len(xa) != n) or xa.dtype.kind not in "iuf" \
            or not np.isin(xa, (0, 1)).all():
        raise ValueError(f"x: expected a 1-D 0/1 state{f' of length {n}' if n else ''}, got "
                         f"{xa.tolist() if xa.ndim <= 2 else xa.shape}")
    return xa.astype(np.int64)


def to_01(s: ArrayLike) -> np.ndarray:
    """``x = (s + 1) / 2``: spins +-1 to 0/1 states (spec conventions).

    Parameters
    ----------
    s : array_like
        Spins, entries +1 / -1 (any shape).

    Returns
    -------
    numpy.ndarray
        int64 0/1 states ``(s + 1) / 2``, same shape.
    """
    sa = np.asarray(s)
    if sa.ndim != 1 or sa.dtype.kind not in "iuf" or not np.isin(sa, (-1, 1)).all():
        raise ValueError(f"s: expected 1-D spins +1/-1, got "
                         f"{sa.tolist() if sa.ndim <= 2 else sa.shape}")
    return (sa.astype(np.int64) + 1) // 2


def from_01(x: ArrayLike) -> np.ndarray:
    """``s = 2 x - 1``: 0/1 states to spins +-1 (spec conventions).

    Parameters
    ----------
    x : array_like
        0/1 states (any shape).

    Returns
    -------
    numpy.ndarray
        int64 spins ``2 x - 1``, same shape.
    """
    return 2 * _check_01(x) - 1


def thresholds_01(W: ArrayLike, theta: ArrayLike) -> np.ndarray:
    """``t = (theta + W 1) / 2``: the 0/1 network ``x_i <- [sum_j W_ij x_j > t_i]`` has the
    dynamics of ``(W, theta)`` on ``s = 2x - 1`` (ties included).  Exact Fractions.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix (integers or Fractions, or floats).
    theta : array_like, shape (n,), or None
        Spin thresholds; ``None`` means all zero.

    Returns
    -------
    numpy.ndarray
        Shape (n,), object dtype: the Fractions ``t_i = (theta_i + sum_j W_ij) / 2``.
    """
    Wa = check_weights(W)
    th = check_thresholds(theta, Wa.shape[0])
    row = [sum((Fraction(v) for v in r), Fraction(0)) for r in Wa]
    return np.array([(Fraction(t) + r) / 2 for t, r in zip(th, row)], dtype=object)


def energy_01(W: ArrayLike, t: ArrayLike, x: ArrayLike) -> ExactScalar:
    """0/1 energy ``E01(x) = -sum_{i<j} W_ij x_i x_j + sum_i t_i x_i`` (exact).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix (only the strict upper triangle enters).
    t : array_like, shape (n,)
        0/1 thresholds (e.g. from :func:`thresholds_01`).
    x : array_like, shape (n,)
        0/1 state.

    Returns
    -------
    int or Fraction
        ``E01(x) = -sum_{i<j} W_ij x_i x_j + sum_i t_i x_i``, exact (an ``int`` when integral).
    """
    Wa = check_weights(W)
    n = Wa.shape[0]
    xa = _check_01(x, n)
    t = check_thresholds(t, n)
    e = -sum((Fraction(Wa[i, j]) for i in range(n) for j in range(i + 1, n)
              if xa[i] and xa[j]), Fraction(0))
    e += sum((Fraction(tv) for tv, xv in zip(np.asarray(t), xa) if xv), Fraction(0))
    return int(e) if e.denominator == 1 else e
