"""Dense associative memory (Krotov & Hopfield 2016, Demircigil et al. 2017), the twin of the
Lean ``DenseSpec`` (spec T6).

* overlap ``o_k(s) = p_k . s``;
* polynomial energy ``E(s) = -sum_k F(p_k . s)`` with ``F(x) = x^a`` (integer ``a >= 1``),
  an exact integer (:func:`dense_energy`);
* exponential ``F(x) = exp(beta x)`` (:func:`dense_energy_exp`, float; log form
  :func:`dense_log_neg_energy_exp` never overflows);
* asynchronous step at ``i``: compare the energy with ``s_i = +1`` and with ``s_i = -1``,
  take the state of lower energy, keep ``s_i`` on equality (:func:`dense_async_step`).

``a`` is an ``int >= 1`` (polynomial, exact) or the string ``"exp"`` (exponential, with
``beta``).  Runs update the overlaps incrementally (``O(m)`` per step, ``O(m)`` per flip).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from .._validate import (
    INT64_SAFE,
    MAX_EXACT_BITS,
    SeedLike,
    as_generator,
    check_beta,
    check_index,
    check_nonneg_int,
    check_patterns,
    check_positive_int,
    check_schedule,
    check_seed,
    check_state,
    check_states,
)

__all__ = [
    "overlap",
    "dense_energy",
    "dense_energy_exp",
    "dense_log_neg_energy_exp",
    "dense_async_step",
    "dense_step",
    "dense_sweep",
    "dense_sweeps",
    "DenseRunResult",
    "dense_run",
    "dense_recall_batch",
]


def _check_a(a: object) -> int | str:
    if isinstance(a, str):
        if a != "exp":
            raise ValueError(f"a: got {a!r}; expected an integer >= 1 or 'exp'")
        return a
    if isinstance(a, (bool, np.bool_)) or not isinstance(a, (int, np.integer)) or a < 1:
        raise ValueError(f"a: got {a!r}; expected an integer exponent a >= 1 (F(x) = x^a, "
                         f"spec T6) or 'exp'")
    return int(a)


def _poly_safe(n: int, m: int, a: int) -> bool:
    """int64 holds every sum of m terms (+-x)^a with |x| <= n.

    Raises ValueError when the exact powers themselves would exceed
    :data:`pyref._validate.MAX_EXACT_BITS` bits (``a log2 n`` bits each)."""
    if n > 1 and a * (n.bit_length() - 1) > MAX_EXACT_BITS:
        raise ValueError(f"a: got {a}; the exact overlaps^a would need about "
                         f"{a * (n.bit_length() - 1)} bits each, above the exact-arithmetic "
                         f"limit of {MAX_EXACT_BITS} bits (use a smaller a or a = 'exp')")
    # compare in bits first: n**a itself is never formed for large a
    if a * n.bit_length() + m.bit_length() < 62:
        return True
    if a * (n.bit_length() - 1) + (m.bit_length() - 1) >= 63:
        return False
    return bool(m * n**a < INT64_SAFE)


def _sum_pow(o: np.ndarray, a: int, safe: bool) -> Any:
    """``sum_k o_k^a`` along the last axis, exactly."""
    if safe:
        return np.sum(o**a, axis=-1)
    oo = o.astype(object)
    return np.sum(oo**a, axis=-1)


def _lse_sorted(x: np.ndarray) -> np.ndarray:
    """log-sum-exp along the last axis, summing in sorted order so equal multisets give
    bit-identical results (ties of the exponential energy are then detected exactly)."""
    xs = np.sort(x, axis=-1)
    mx = xs[..., -1:]
    return np.asarray(mx[..., 0] + np.log(np.sum(np.exp(xs - mx), axis=-1)))


def overlap(p: ArrayLike, s: ArrayLike) -> int:
    """Overlap ``p . s = sum_i p_i s_i`` of a pattern and a state (spec T6).

    Parameters
    ----------
    p : array_like, shape (n,)
        Pattern, entries +1 / -1.
    s : array_like, shape (n,)
        State, entries +1 / -1.

    Returns
    -------
    int
        ``sum_i p_i s_i``, between ``-n`` and ``n``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    pv = check_state(p, name="p")
    sv = check_state(s, pv.shape[0])
    return int(pv @ sv)


def dense_energy(a: int | str, patterns: ArrayLike, s: ArrayLike) -> int:
    """Polynomial dense energy ``E(s) = -sum_k (p_k . s)^a`` (spec T6), an exact Python int.

    Parameters
    ----------
    a : int >= 1
        Interaction exponent of ``F(x) = x^a``.
    patterns : array_like, shape (m, n)
        Stored patterns, entries +1 / -1, ``m >= 1``.
    s : array_like, shape (n,)
        State, entries +1 / -1.

    Returns
    -------
    int
        ``-sum_k (p_k . s)^a``, exact.

    Raises
    ------
    ValueError
        If an argument is malformed, or ``a = "exp"`` (use :func:`dense_energy_exp`).
    """
    a = _check_a(a)
    if isinstance(a, str):
        raise ValueError("a: dense_energy is the polynomial energy; use dense_energy_exp")
    P = check_patterns(patterns)
    sv = check_state(s, P.shape[1])
    o = P @ sv
    return -int(_sum_pow(o, a, _poly_safe(P.shape[1], P.shape[0], a)))


def dense_energy_exp(patterns: ArrayLike, s: ArrayLike, beta: float = 1.0) -> float:
    """Exponential dense energy ``E(s) = -sum_k exp(beta p_k . s)`` (spec T6, F = exp).

    Raises ValueError instead of returning ``-inf`` when it overflows a float; use
    :func:`dense_log_neg_energy_exp` then.

    Parameters
    ----------
    patterns : array_like, shape (m, n)
        Stored patterns (rows), entries +1 / -1.
    s : array_like, shape (n,)
        State, entries +1 / -1.
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    float
        ``-sum_k exp(beta p_k . s)`` (a finite float; ValueError if it overflows).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    lse = dense_log_neg_energy_exp(patterns, s, beta)
    if lse > 709.0:
        raise ValueError(f"dense_energy_exp: -E = exp({lse:.1f}) overflows a float; use "
                         f"dense_log_neg_energy_exp (log of -E)")
    return -float(np.exp(lse))


def dense_log_neg_energy_exp(patterns: ArrayLike, s: ArrayLike, beta: float = 1.0) -> float:
    """``log(-E(s)) = logsumexp_k(beta p_k . s)`` for the exponential energy (spec T6).

    Parameters
    ----------
    patterns : array_like, shape (m, n)
        Stored patterns (rows), entries +1 / -1.
    s : array_like, shape (n,)
        State, entries +1 / -1.
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    float
        ``log(-E(s))``, finite even where ``E(s)`` itself would overflow.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    P = check_patterns(patterns)
    sv = check_state(s, P.shape[1])
    return float(_lse_sorted(beta * (P @ sv).astype(np.float64)))


def _choose(e_plus: Any, e_minus: Any, s_i: Any) -> Any:
    """Lower energy wins; keep ``s_i`` on equality (vectorised)."""
    return np.where(e_plus < e_minus, 1, np.where(e_minus < e_plus, -1, s_i))


def _neg_energies(a: int | str, beta: float, o_plus: np.ndarray, o_minus: np.ndarray,
                  safe: bool) -> tuple[Any, Any]:
    """Monotone images of ``-E`` for s_i = +1 / -1 (larger = lower energy)."""
    if isinstance(a, str):
        return (_lse_sorted(beta * o_plus.astype(np.float64)),
                _lse_sorted(beta * o_minus.astype(np.float64)))
    return _sum_pow(o_plus, a, safe), _sum_pow(o_minus, a, safe)


def _step_inplace(a: int | str, beta: float, Pt: np.ndarray, s: np.ndarray, o: np.ndarray,
                  i: int, safe: bool) -> bool:
    pc = Pt[i]                      # column i of the patterns
    base = o - pc * s[i]
    np_, nm = _neg_energies(a, beta, base + pc, base - pc, safe)
    if np_ > nm:
        new = 1
    elif nm > np_:
        new = -1
    else:
        return False
    if new == s[i]:
        return False
    s[i] = new
    o += 2 * new * pc
    return True


def dense_async_step(a: int | str, patterns: ArrayLike, s: ArrayLike, i: int, *,
                     beta: float = 1.0) -> np.ndarray:
    """Asynchronous step at ``i`` of the dense memory (spec T6; Lean ``DenseSpec``).

    Computes ``E`` with ``s_i = +1`` and with ``s_i = -1`` and returns the state of lower
    energy; on equality ``s`` is returned unchanged.  Only ``s_i`` can change.
    ``a`` is an integer ``>= 1`` (exact) or ``"exp"`` (with ``beta``).

    Parameters
    ----------
    a : int >= 1 or 'exp'
        Interaction exponent of ``F(x) = x^a`` (``'exp'``: ``F = exp``).
    patterns : array_like, shape (m, n)
        Stored patterns (rows), entries +1 / -1.
    s : array_like, shape (n,)
        State, entries +1 / -1.
    i : int
        Neuron index.
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    numpy.ndarray
        Shape ``(n,)``: ``s`` with neuron ``i`` set to the sign that lowers the dense
        energy (kept on a tie).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    a = _check_a(a)
    beta = check_beta(beta)
    P = check_patterns(patterns)
    m, n = P.shape
    sv = check_state(s, n)
    i = check_index(i, n)
    o = P @ sv
    _step_inplace(a, beta, np.ascontiguousarray(P.T), sv, o, i,
                  isinstance(a, str) or _poly_safe(n, m, a))
    return sv


def dense_sweep(a: int | str, patterns: ArrayLike, s: ArrayLike, *,
                beta: float = 1.0) -> np.ndarray:
    """Asynchronous steps at ``0, ..., n-1`` in order (spec T6).

    Parameters
    ----------
    a : int >= 1 or 'exp'
        Interaction exponent of ``F(x) = x^a`` (``'exp'``: ``F = exp``).
    patterns : array_like, shape (m, n)
        Stored patterns (rows), entries +1 / -1.
    s : array_like, shape (n,)
        State, entries +1 / -1.
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    numpy.ndarray
        Shape ``(n,)``: the state after the steps at ``0, ..., n-1``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    a = _check_a(a)
    beta = check_beta(beta)
    P = check_patterns(patterns)
    m, n = P.shape
    sv = check_state(s, n)
    o = P @ sv
    Pt = np.ascontiguousarray(P.T)
    safe = isinstance(a, str) or _poly_safe(n, m, a)
    for i in range(n):
        _step_inplace(a, beta, Pt, sv, o, i, safe)
    return sv


#: Lean name (``Hopfield.denseStep``) of :func:`dense_async_step` (spec T6).
dense_step = dense_async_step


def dense_sweeps(a: int | str, patterns: ArrayLike, s: ArrayLike, k: int, *,
                 beta: float = 1.0) -> np.ndarray:
    """``k`` cyclic sweeps (Lean ``Hopfield.denseSweeps``; spec T6).

    Parameters
    ----------
    a : int >= 1 or 'exp'
        Interaction exponent of ``F(x) = x^a`` (``'exp'``: ``F = exp``).
    patterns : array_like, shape (m, n)
        Stored patterns (rows), entries +1 / -1.
    s : array_like, shape (n,)
        State, entries +1 / -1.
    k : int >= 0
        Number of sweeps.
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    numpy.ndarray
        Shape ``(n,)``: the state after ``k`` sweeps.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    k = check_nonneg_int(k, "k")
    out = check_state(s, name="s")
    for _ in range(k):
        out = dense_sweep(a, patterns, out, beta=beta)
    return out


@dataclass(frozen=True)
class DenseRunResult:
    """Outcome of :func:`dense_run` (spec T6): final ``state``, ``trajectory`` (row ``t`` =
    state after ``t`` sweeps), ``energies`` (exact ints for polynomial ``F``; ``log(-E)``
    floats for ``"exp"``), ``sweeps``, ``status`` (``"fixed_point"`` or ``"max_sweeps"``),
    ``flips``."""

    state: np.ndarray
    trajectory: np.ndarray
    energies: list[int | float]
    sweeps: int
    status: str
    flips: int

    @property
    def converged(self) -> bool:
        """True when a fixed point was reached."""
        return self.status == "fixed_point"


def dense_run(a: int | str, patterns: ArrayLike, s: ArrayLike, *, beta: float = 1.0,
              schedule: str | Sequence[int] = "cyclic", max_sweeps: int = 1000,
              seed: SeedLike = None) -> DenseRunResult:
    """Asynchronous sweeps until a sweep changes nothing: a fixed point (spec T6: the
    energy never rises and the run terminates).

    ``schedule``: ``"cyclic"``, ``"random"`` (fresh permutation per sweep from ``seed``) or a
    sequence containing every neuron.  For ``a = "exp"`` the recorded energies are
    ``log(-E)`` (non-decreasing).

    Parameters
    ----------
    a : int >= 1 or 'exp'
        Interaction exponent of ``F(x) = x^a`` (``'exp'``: ``F = exp``).
    patterns : array_like, shape (m, n)
        Stored patterns (rows), entries +1 / -1.
    s : array_like, shape (n,)
        State, entries +1 / -1.
    beta : float > 0
        Inverse temperature.
    schedule : 'cyclic', 'random' or sequence of int
        Update order of the asynchronous sweeps (a custom one must contain every neuron).
    max_sweeps : int >= 1
        Cap on sweeps (synchronous: steps); the status says when it was reached.
    seed : None, int >= 0 or numpy.random.Generator
        Source of all randomness: ``None`` draws fresh OS entropy (not reproducible), an int gives
        a reproducible stream, a Generator is used as is and advanced in place.

    Returns
    -------
    DenseRunResult
        The final state (a fixed point unless ``max_sweeps`` was reached), the trajectory,
        the energies, the number of sweeps and the status.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    a = _check_a(a)
    beta = check_beta(beta)
    P = check_patterns(patterns)
    m, n = P.shape
    sv = check_state(s, n)
    max_sweeps = check_positive_int(max_sweeps, "max_sweeps")
    check_seed(seed)                    # checked even when the schedule does not use it
    rng = None
    if isinstance(schedule, str):
        if schedule == "random":
            rng = as_generator(seed)
        elif schedule != "cyclic":
            raise ValueError(f"schedule: got {schedule!r}; expected 'cyclic', 'random' or a "
                             f"sequence of neuron indices")
        order: Sequence[int] = range(n)
    else:
        order = check_schedule(schedule, n, cover=True)
    safe = isinstance(a, str) or _poly_safe(n, m, a)
    Pt = np.ascontiguousarray(P.T)
    o = P @ sv

    def en(o_: np.ndarray) -> int | float:
        if isinstance(a, str):
            return float(_lse_sorted(beta * o_.astype(np.float64)))
        return -int(_sum_pow(o_, a, safe))

    traj = [sv.copy()]
    energies = [en(o)]
    status, flips, sweeps = "max_sweeps", 0, 0
    for sweeps in range(1, max_sweeps + 1):  # noqa: B007 (count read after the loop)
        if rng is not None:
            order = rng.permutation(n).tolist()
        f = sum(_step_inplace(a, beta, Pt, sv, o, i, safe) for i in order)
        flips += f
        traj.append(sv.copy())
        energies.append(en(o))
        if f == 0:
            status = "fixed_point"
            break
    return DenseRunResult(sv, np.array(traj), energies, sweeps, status, flips)


def dense_recall_batch(a: int | str, patterns: ArrayLike, probes: ArrayLike, *, beta: float = 1.0,
                       max_sweeps: int = 100) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Vectorised cyclic asynchronous recall of many probes (spec T6).

    Probe by probe the same as :func:`dense_run` with the cyclic schedule.

    Parameters
    ----------
    a : int >= 1 or 'exp'
        Interaction exponent of ``F(x) = x^a`` (``'exp'``: ``F = exp``).
    patterns : array_like, shape (m, n)
        Stored patterns (rows), entries +1 / -1.
    probes : array_like, shape (B, n)
        Probe states, entries +1 / -1.
    beta : float > 0
        Inverse temperature.
    max_sweeps : int >= 1
        Cap on sweeps (synchronous: steps); the status says when it was reached.

    Returns
    -------
    (states (B, n), sweeps (B,), converged (B,) bool)

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    a = _check_a(a)
    beta = check_beta(beta)
    P = check_patterns(patterns)
    m, n = P.shape
    S = check_states(probes, n, name="probes").copy()
    max_sweeps = check_positive_int(max_sweeps, "max_sweeps")
    safe = isinstance(a, str) or _poly_safe(n, m, a)
    B = S.shape[0]
    sweeps = np.zeros(B, dtype=np.int64)
    conv = np.zeros(B, dtype=bool)
    active = np.arange(B)
    O = S @ P.T                                   # (B, m) overlaps
    for t in range(1, max_sweeps + 1):
        if active.size == 0:
            break
        cur = S[active]
        Oa = O[active]
        flipped = np.zeros(active.size, dtype=bool)
        for i in range(n):
            pc = P[:, i]
            col = cur[:, i]
            base = Oa - col[:, None] * pc[None, :]
            ep, em = _neg_energies(a, beta, base + pc, base - pc, safe)
            new = np.where(ep > em, 1, np.where(em > ep, -1, col)).astype(np.int64)
            ch = np.flatnonzero(new != col)
            if ch.size:
                cur[ch, i] = new[ch]
                Oa[ch] += (2 * new[ch])[:, None] * pc[None, :]
                flipped[ch] = True
        S[active] = cur
        O[active] = Oa
        sweeps[active] = t
        conv[active[~flipped]] = True
        active = active[flipped]
    return S, sweeps, conv
