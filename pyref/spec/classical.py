"""Classical (binary, pairwise) Hopfield network, the mirrored reference: the executable
twin of ``lean/Hopfield/Basic.lean`` (spec conventions, T1, T2, T3, T5, T7).

Conventions, exactly as in Lean:

* a state is a 1-D ``int`` array of spins ``+1`` / ``-1``;
* the local field is ``h = W @ s`` -- the threshold is *not* inside the field;
* the update of neuron ``i`` is ``+1`` if ``h_i > theta_i``, ``-1`` if ``h_i < theta_i`` and,
  on a tie, ``s_i`` (``tie="keep"``, the default) or ``+1`` (``tie="plus"``);
* the energy is ``E(s) = -sum_{i<j} W_ij s_i s_j + sum_i theta_i s_i`` (exact integers for
  integer inputs: Python ``int`` is returned);
* an asynchronous step at ``i`` changes only ``s_i``; a sweep is the steps at ``0..n-1`` in
  order; a synchronous step updates every neuron from the same old state.

Asynchronous steps keep the field up to date incrementally (``O(n)`` per flip).  Integer
weights are evaluated exactly; ``object`` arrays of ints / Fractions are exact too (slow).
Float weights are approximate by nature: a float field within its rounding-error bound of
the threshold cannot be signed reliably and is treated as a tie (see
:func:`pyref._engine.kernel.tie_tol`), so that e.g. the float ``1/n``-normalised Hebbian
rule has the dynamics of the integer rule.

The runs to convergence and the batched recall (:func:`~pyref._engine.classical.run`,
:func:`~pyref._engine.classical.recall_batch`) are the fast engine,
:mod:`pyref._engine.classical`; :mod:`pyref.classical` re-exports both parts.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from .._engine.kernel import async_inplace, energy_core, init_field, py_scalar, tie_tol, update_vec
from .._validate import (
    Real,
    Scalar,
    check_float_range,
    check_index,
    check_machine,
    check_schedule,
    check_state,
    check_states,
    check_tie,
    check_weights,
)

__all__ = [
    "field",
    "update_value",
    "update",
    "energy",
    "energy_batch",
    "async_step",
    "run_schedule",
    "trajectory",
    "sweep",
    "sync_step",
    "is_fixed_point",
    "hamming",
    "energy_bound",
]


# --------------------------------------------------------------------------- Lean mirrors

def field(W: ArrayLike, s: ArrayLike) -> np.ndarray:
    """Local field ``h = W @ s``, i.e. ``h_i = sum_j W_ij s_j`` (spec conventions, T1-T5;
    Lean ``Hopfield.field``).  No threshold inside the field.

    Parameters
    ----------
    W : (n, n) array of numbers (any square matrix).
    s : (n,) array of spins +-1.

    Returns
    -------
    (n,) array, int64 for integer W (exact), object for Fraction W, float64 for float W.
    """
    Wv = check_weights(W)
    if Wv.dtype.kind == "f":
        check_float_range(Wv)
    sv = check_state(s, Wv.shape[0])
    return np.asarray(Wv @ (sv.astype(object) if Wv.dtype == object else sv))


def update_value(h: Scalar, theta: Scalar, s_i: int, tie: str = "keep") -> int:
    """New spin of one neuron (Lean ``Hopfield.updateValue``, spec conventions / T1).

    ``+1`` if ``h > theta``, ``-1`` if ``h < theta``; if ``h == theta``: ``s_i`` for
    ``tie="keep"``, ``+1`` for ``tie="plus"``.

    Parameters
    ----------
    h : int, float or Fraction
        Local field of the neuron.
    theta : int, float or Fraction
        Threshold of the neuron.
    s_i : int
        Current spin of the neuron, +1 or -1.
    tie : {'keep', 'plus'}
        Rule on a tie ``h_i = theta_i``: keep ``s_i`` (spec default) or set +1.

    Returns
    -------
    int
        ``+1`` if ``h > theta``, ``-1`` if ``h < theta``, and on a tie ``s_i`` (``keep``)
        or ``+1`` (``plus``).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    tie = check_tie(tie)
    si = check_state([s_i], 1, name="s_i")[0]
    for name, v in (("h", h), ("theta", theta)):
        if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, float, np.number)) \
                and not hasattr(v, "denominator"):
            raise ValueError(f"{name}: got {v!r}; expected a finite number")
        if isinstance(v, (float, np.floating)) and not np.isfinite(v):
            raise ValueError(f"{name}: got {v!r}; expected a finite number")
    if h > theta:
        return 1
    if h < theta:
        return -1
    return int(si) if tie == "keep" else 1


def update(W: ArrayLike, theta: ArrayLike | None, s: ArrayLike, tie: str = "keep") -> np.ndarray:
    """The updated spin of every neuron from state ``s`` (the synchronous step; spec
    conventions, T5).  Same as :func:`sync_step`.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    s : array_like, shape (n,)
        State, entries +1 / -1.
    tie : {'keep', 'plus'}
        Rule on a tie ``h_i = theta_i``: keep ``s_i`` (spec default) or set +1.

    Returns
    -------
    numpy.ndarray
        Shape ``(n,)``, int64 +1/-1: ``update_value`` of every neuron from the fields of
        ``s``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    return sync_step(W, theta, s, tie)


def energy(W: ArrayLike, theta: ArrayLike | None, s: ArrayLike) -> Real:
    """Energy ``E(s) = -sum_{i<j} W_ij s_i s_j + sum_i theta_i s_i`` (spec conventions,
    T1; Lean ``Hopfield.energy``).

    Only the strict upper triangle of ``W`` enters, as in Lean (for symmetric ``W`` with zero
    diagonal this is ``-1/2 s^T W s + theta^T s``).  Integer inputs give an exact Python
    ``int``; Fraction inputs a ``Fraction``/``int``; float inputs a ``float``.
    ``theta=None`` means zero thresholds.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    s : array_like, shape (n,)
        State, entries +1 / -1.

    Returns
    -------
    int, float or Fraction
        ``E(s)``: an exact ``int``/``Fraction`` for exact inputs, else a finite float.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    Wv, th = check_machine(W, theta)
    sv = check_state(s, Wv.shape[0])
    return energy_core(Wv, th, sv)


def energy_batch(W: ArrayLike, theta: ArrayLike | None, states: ArrayLike) -> np.ndarray:
    """Energies of a batch of states ``(B, n)`` (spec conventions, T1), vectorised.

    Exact for integer inputs (int64 result; the products run in float64 only when every
    partial sum is an integer below ``2**53``).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    states : array_like, shape (B, n)
        Batch of states, entries +1 / -1.

    Returns
    -------
    numpy.ndarray
        Shape ``(B,)``: ``E`` of each row of ``states``; exact (int64 or object) for
        exact inputs, float64 for float inputs.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    Wv, th = check_machine(W, theta)
    S = check_states(states, Wv.shape[0])
    U = np.triu(Wv, 1)
    if Wv.dtype.kind == "i":
        bound = int(np.abs(U).sum()) + int(np.abs(th).sum())
        if bound < 2**53:
            Sf = S.astype(np.float64)
            e = -np.einsum("bi,bi->b", Sf @ U.astype(np.float64), Sf) + Sf @ th
            return np.asarray(np.rint(e).astype(np.int64))
        Wv, th = Wv.astype(object), th.astype(object)
        U = np.triu(Wv, 1)
    if Wv.dtype == object:
        So = S.astype(object)
        return np.array([py_scalar(-(r @ (U @ r)) + th @ r) for r in So], dtype=object)
    return np.asarray(-np.einsum("bi,bi->b", S @ U, S) + S @ th)


def async_step(W: ArrayLike, theta: ArrayLike | None, s: ArrayLike, i: int,
               tie: str = "keep") -> np.ndarray:
    """Asynchronous step at neuron ``i`` (Lean ``Hopfield.asyncStep``; spec T1).

    Returns a new state equal to ``s`` except possibly at ``i``, which becomes
    ``update_value(h_i, theta_i, s_i, tie)`` with ``h_i = sum_j W_ij s_j``.  ``O(n)``.

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
    tie : {'keep', 'plus'}
        Rule on a tie ``h_i = theta_i``: keep ``s_i`` (spec default) or set +1.

    Returns
    -------
    numpy.ndarray
        Shape ``(n,)``: ``s`` with neuron ``i`` set to its update value (a new array).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    tie = check_tie(tie)
    Wv, th = check_machine(W, theta)
    n = Wv.shape[0]
    sv = check_state(s, n)
    i = check_index(i, n)
    out = sv.copy()
    tol = tie_tol(Wv, th)
    d = Wv[i] @ sv - th[i]
    if tol is not None and abs(d) <= tol[i]:
        d = 0
    out[i] = 1 if d > 0 else (-1 if d < 0 else (sv[i] if tie == "keep" else 1))
    return out


def run_schedule(W: ArrayLike, theta: ArrayLike | None, s: ArrayLike, schedule: Sequence[int],
                 tie: str = "keep") -> np.ndarray:
    """Asynchronous steps along ``schedule`` (Lean ``Hopfield.runSchedule``; spec T2).

    The field is computed once and then updated incrementally, ``O(n)`` per flip.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    s : array_like, shape (n,)
        State, entries +1 / -1.
    schedule : 'cyclic', 'random' or sequence of int
        Update order of the asynchronous sweeps (a custom one must contain every neuron).
    tie : {'keep', 'plus'}
        Rule on a tie ``h_i = theta_i``: keep ``s_i`` (spec default) or set +1.

    Returns
    -------
    numpy.ndarray
        Shape ``(n,)``: the state after the last step of ``schedule``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    tie = check_tie(tie)
    Wv, th = check_machine(W, theta)
    n = Wv.shape[0]
    sv = check_state(s, n)
    order = check_schedule(schedule, n)
    h = init_field(Wv, sv)
    async_inplace(np.ascontiguousarray(Wv.T), th, sv, h, order, tie, tie_tol(Wv, th))
    return sv


def trajectory(W: ArrayLike, theta: ArrayLike | None, s: ArrayLike, schedule: Sequence[int],
               tie: str = "keep") -> np.ndarray:
    """Every state visited along ``schedule``: the start state, then the state after each
    asynchronous step (Lean ``Hopfield.trajectory``; spec T7).

    Returns a ``(len(schedule) + 1, n)`` array; incremental field, ``O(n)`` per flip.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    s : array_like, shape (n,)
        State, entries +1 / -1.
    schedule : 'cyclic', 'random' or sequence of int
        Update order of the asynchronous sweeps (a custom one must contain every neuron).
    tie : {'keep', 'plus'}
        Rule on a tie ``h_i = theta_i``: keep ``s_i`` (spec default) or set +1.

    Returns
    -------
    numpy.ndarray
        Shape ``(len(schedule) + 1, n)``: the start state, then the state after each step.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    tie = check_tie(tie)
    Wv, th = check_machine(W, theta)
    n = Wv.shape[0]
    sv = check_state(s, n)
    order = check_schedule(schedule, n)
    h = init_field(Wv, sv)
    Wt = np.ascontiguousarray(Wv.T)
    tol = tie_tol(Wv, th)
    out = np.empty((len(order) + 1, n), dtype=np.int64)
    out[0] = sv
    for k, i in enumerate(order):
        async_inplace(Wt, th, sv, h, (i,), tie, tol)
        out[k + 1] = sv
    return out


def sweep(W: ArrayLike, theta: ArrayLike | None, s: ArrayLike, tie: str = "keep") -> np.ndarray:
    """One cyclic sweep: asynchronous steps at ``0, 1, ..., n-1`` in order (Lean
    ``Hopfield.sweep``; spec T2).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    s : array_like, shape (n,)
        State, entries +1 / -1.
    tie : {'keep', 'plus'}
        Rule on a tie ``h_i = theta_i``: keep ``s_i`` (spec default) or set +1.

    Returns
    -------
    numpy.ndarray
        Shape ``(n,)``: the state after the ``n`` steps ``0, 1, ..., n-1``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    Wv = check_weights(W)
    return run_schedule(Wv, theta, s, range(Wv.shape[0]), tie)


def sync_step(W: ArrayLike, theta: ArrayLike | None, s: ArrayLike, tie: str = "keep") -> np.ndarray:
    """Synchronous step: every neuron updated from the same old state (Lean
    ``Hopfield.syncStep``; spec T5).  ``s'_i = update_value(h_i(s), theta_i, s_i, tie)``.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    s : array_like, shape (n,)
        State, entries +1 / -1.
    tie : {'keep', 'plus'}
        Rule on a tie ``h_i = theta_i``: keep ``s_i`` (spec default) or set +1.

    Returns
    -------
    numpy.ndarray
        Shape ``(n,)``: every neuron's update value, all from the old ``s``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    tie = check_tie(tie)
    Wv, th = check_machine(W, theta)
    sv = check_state(s, Wv.shape[0])
    return update_vec(init_field(Wv, sv), th, sv, tie, tie_tol(Wv, th))


def is_fixed_point(W: ArrayLike, theta: ArrayLike | None, s: ArrayLike, tie: str = "keep") -> bool:
    """``s`` is a fixed point: no asynchronous step changes it (Lean
    ``Hopfield.IsFixedPoint``; spec T2), equivalently ``sync_step(s) == s``.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    s : array_like, shape (n,)
        State, entries +1 / -1.
    tie : {'keep', 'plus'}
        Rule on a tie ``h_i = theta_i``: keep ``s_i`` (spec default) or set +1.

    Returns
    -------
    bool
        True iff ``async_step(W, theta, s, i) == s`` for every ``i``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    tie = check_tie(tie)
    Wv, th = check_machine(W, theta)
    sv = check_state(s, Wv.shape[0])
    return bool(np.array_equal(update_vec(init_field(Wv, sv), th, sv, tie,
                                           tie_tol(Wv, th)), sv))


def hamming(s: ArrayLike, t: ArrayLike) -> int:
    """Hamming distance: the number of ``i`` with ``s_i != t_i`` (spec conventions, T4;
    Lean ``Hopfield.hamming``).

    Parameters
    ----------
    s : array_like, shape (n,)
        State, entries +1 / -1.
    t : array_like, shape (n,)
        Second state, entries +1 / -1.

    Returns
    -------
    int
        The number of positions where ``s`` and ``t`` differ, ``0 <= d <= n``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    sv = check_state(s, name="s")
    tv = check_state(t, sv.shape[0], name="t")
    return int(np.count_nonzero(sv != tv))


def energy_bound(W: ArrayLike, theta: ArrayLike | None = None) -> int:
    """``B = sum_{i<j} |W_ij| + sum_i |theta_i|`` of spec T2 (integer inputs).

    T2: the number of state-changing asynchronous steps from any state is at most
    ``min(B, 2^n - 1)`` (symmetric, zero-diagonal integer ``W``).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.

    Returns
    -------
    int
        ``B >= 0``: ``|E(s)| <= B`` for every state ``s``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    Wv, th = check_machine(W, theta)
    if Wv.dtype.kind == "f":
        raise ValueError("W: energy_bound needs integer weights and thresholds (spec T2 is "
                         "over Int); got floats")
    U = np.triu(Wv, 1)
    return int(sum(abs(int(x)) for x in U.ravel()) + sum(abs(int(x)) for x in th))
