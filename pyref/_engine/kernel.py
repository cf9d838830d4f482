"""The exact arithmetic kernel shared by the mirrored reference (:mod:`pyref.spec`) and
the fast engines (:mod:`pyref._engine.classical`): the update rule on whole vectors, the
incremental field of asynchronous steps, the energy of one state, the integer rescaling of
Fraction weights, the float tie band and the smallest exact BLAS dtype.

Conventions (spec conventions, T1-T5): the field is ``h = W @ s`` (no threshold inside),
the update of neuron ``i`` is ``+1`` if ``h_i > theta_i``, ``-1`` if ``h_i < theta_i`` and
on a tie ``s_i`` (``tie="keep"``) or ``+1`` (``tie="plus"``).  Integer weights are exact
(float32/float64 only where every partial sum is an integer below the mantissa limit);
float weights count a field within its rounding-error band of the threshold as a tie
(:func:`tie_tol`).

Every name here is public within the package (imported by other pyref modules); none is
part of the documented API.  Arguments are assumed validated (see :mod:`pyref._validate`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import cast

import numpy as np
from numpy.typing import DTypeLike

from .._validate import INT64_SAFE, Real

__all__ = [
    "py_scalar",
    "integer_scaled",
    "tie_tol",
    "update_vec",
    "fast_dtype",
    "energy_core",
    "async_inplace",
    "init_field",
]


def py_scalar(x: object) -> Real:
    """numpy scalar -> Python scalar (int stays int, exact); a Python int / float /
    Fraction (e.g. an entry of an ``object`` array) is returned as is."""
    return cast(Real, x.item() if isinstance(x, np.generic) else x)


#: ``max_sweeps`` always allowed (the default of :func:`run` and :func:`recall_batch`).
FREE_SWEEPS = 1000


def integer_scaled(W: np.ndarray, theta: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For exact (object) ``W``, ``theta``: the same machine scaled by the positive common
    denominator ``L`` of all entries, as integers (int64 when small enough).

    The update rule compares ``h_i = sum_j W_ij s_j`` with ``theta_i``; multiplying both by
    ``L > 0`` changes neither sign nor ties, so the dynamics are exactly the same (the
    1/n Hebbian rule moves like the integer one, T3) at integer speed.  Non-object inputs
    are returned unchanged.
    """
    if W.dtype != object:
        return W, theta
    flat = list(W.ravel()) + list(theta)
    L = 1
    for d in {v.denominator for v in flat if isinstance(v, Fraction)}:
        L = L * d // math.gcd(L, d)
    ints = [v.numerator * (L // v.denominator) if isinstance(v, Fraction) else int(v) * L
            for v in flat]
    flat_w = np.empty(W.size, dtype=object)
    flat_w[:] = ints[: W.size]
    Wi = flat_w.reshape(W.shape)
    ti = np.empty(len(theta), dtype=object)
    ti[:] = ints[W.size:]
    big = max(max(ints), -min(ints)) * (W.shape[0] + 1)
    if big < INT64_SAFE:
        return Wi.astype(np.int64), ti.astype(np.int64)
    return Wi, ti


def tie_tol(W: np.ndarray, theta: np.ndarray) -> np.ndarray | None:
    """Tie band for float weights, ``None`` for exact ones.

    A float field ``h_i`` carries a rounding error of at most about ``n eps sum_j |W_ij|``
    (plus the incremental corrections of one sweep); within
    ``16 (n + 1) eps (sum_j |W_ij| + |theta_i|)`` of the threshold its sign cannot be trusted,
    so such a field counts as a tie.  Exact (integer / Fraction) inputs have no band.
    """
    if W.dtype.kind != "f":
        return None
    n = W.shape[0]
    scale = np.abs(W).sum(axis=1) + np.abs(theta)
    band: np.ndarray = 16.0 * (n + 1) * np.finfo(np.float64).eps * scale
    return band


def update_vec(h: np.ndarray, theta: np.ndarray, s: np.ndarray, tie: str,
               tol: np.ndarray | None = None) -> np.ndarray:
    """Vectorised ``updateValue``: +1 if h > theta, -1 if h < theta, tie by ``tie``
    (``|h - theta| <= tol`` counts as a tie for float weights, see :func:`tie_tol`)."""
    if h.dtype != object and np.asarray(theta).dtype != object:
        d = h - theta
        if tol is not None:
            d = np.where(np.abs(d) <= tol, 0.0, d)
        new = np.sign(d).astype(np.int64)
        ties = new == 0
        if ties.any():
            new[ties] = np.broadcast_to(s, new.shape)[ties] if tie == "keep" else 1
        return np.asarray(new)
    gt = np.asarray(h > theta, dtype=bool)
    lt = np.asarray(h < theta, dtype=bool)
    on_tie = s if tie == "keep" else np.ones_like(s)
    return np.where(gt, 1, np.where(lt, -1, on_tie)).astype(np.int64)


def fast_dtype(W: np.ndarray, theta: np.ndarray) -> DTypeLike:
    """Smallest float dtype in which every field and threshold comparison is exact.

    For integer W, theta: every partial sum of ``W_i . s`` (and of the incremental
    corrections ``sum_j W_ij (s'_j - s_j)``, spin changes of size 2) is an integer of
    magnitude at most ``2 max_i sum_j |W_ij|``, and ``h - theta`` at most that plus
    ``|theta|``; with a factor 4 of margin below ``2**24`` (``2**53``) float32 (float64)
    holds them all exactly, whatever the BLAS summation order.  Exact-object inputs return
    ``object``; float inputs return float64.
    """
    if W.dtype == object:
        return object
    if W.dtype.kind == "f":
        return np.float64
    th_max = int(np.abs(theta).max(initial=0))
    # cheap first: max |W_ij| * n bounds every row sum
    w_max = max(int(W.max()), -int(W.min())) if W.size else 0
    if 4 * (w_max * W.shape[1] + th_max + 1) < 2**24:
        return np.float32
    bound = 4 * (int(np.abs(W).sum(axis=1).max()) + th_max + 1)
    if bound < 2**24:
        return np.float32
    if bound < 2**53:
        return np.float64
    return object


def energy_core(W: np.ndarray, theta: np.ndarray, s: np.ndarray,
                U: np.ndarray | None = None) -> Real:
    """Energy of one state; ``U = np.triu(W, 1)`` may be passed in to avoid recomputing it."""
    if U is None:
        U = np.triu(W, 1)
    if W.dtype == object:
        sv = s.astype(object)
        return py_scalar(-(sv @ (U @ sv)) + theta @ sv)
    return py_scalar(-(s @ (U @ s)) + theta @ s)


def async_inplace(Wt: np.ndarray, theta: np.ndarray, s: np.ndarray, h: np.ndarray,
                  order: Sequence[int], tie: str, tol: np.ndarray | None = None) -> int:
    """Steps along ``order``, mutating ``s`` and its field ``h`` (``O(n)`` per flip).

    ``Wt`` is ``W.T`` (row ``i`` of ``Wt`` is column ``i`` of ``W``: how ``h`` moves when
    ``s_i`` moves).  Returns the number of flips.
    """
    flips = 0
    keep = tie == "keep"
    for i in order:
        d = h[i] - theta[i]
        if tol is not None and abs(d) <= tol[i]:
            d = 0
        if d > 0:
            new = 1
        elif d < 0:
            new = -1
        else:
            new = s[i] if keep else 1
        if new != s[i]:
            s[i] = new
            h += (2 * new) * Wt[i]
            flips += 1
    return flips


def init_field(W: np.ndarray, s: np.ndarray) -> np.ndarray:
    """The field ``h = W @ s`` of a validated state (exact: object ``W`` multiplies an
    object copy of ``s``)."""
    return np.asarray(W @ (s.astype(object) if W.dtype == object else s))
