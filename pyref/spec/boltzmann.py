"""Boltzmann machine: exact enumeration, exact rational Gibbs kernels, Doeblin bounds and
seeded Gibbs samplers (spec B1-B5; the samplers are Python-only, checked against the exact
kernels).

State enumeration (both sides): index ``k`` in ``[0, 2^n)`` is the state whose neuron ``i``
is ``+1`` iff bit ``i`` of ``k`` is 1 (neuron 0 = least significant bit).

Target distribution: any positive weights ``w`` on the ``2^n`` states; the Boltzmann case is
``w(s) = q^(E(s) - E_min)`` with ``q = exp(-beta)`` (rational ``q`` in ``(0, 1]`` for exact
``Fraction`` arithmetic), ``pi = w / sum(w)``.

Kernels (``N x N`` matrices, ``N = 2^n``, rows = from-state):

* site kernel ``K_i(s, t) = w(t) / (w(s^{i+}) + w(s^{i-}))`` if ``t`` agrees with ``s`` off
  site ``i``, else 0 (heat bath, B1);
* random scan ``K = (1/n) sum_i K_i`` (B1, B2); systematic scan ``K_0 K_1 ... K_{n-1}`` (B2);
* Doeblin (B4): if ``P(s, t) >= eps`` for all ``s, t`` then ``P`` is minorised by
  ``alpha * uniform`` with ``alpha = 2^n eps``, and ``TV(mu P^t, pi) <= (1 - alpha)^t``;
* zero-temperature limit (B5): :func:`gibbs_plus_probability` (exact heat-bath ``P(+1)``)
  tends to :func:`zero_temperature_update` (T1's rule, ties ``1/2``) within ``q``.

Exact kernels are numpy ``object`` arrays of :class:`fractions.Fraction` (use for small n,
say n <= 6); passing float weights gives the same functions in float64.
"""

from __future__ import annotations

import math
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from .._validate import (
    MAX_ENUM_N,
    MAX_EXACT_BITS,
    MAX_EXACT_KERNEL_N,
    MAX_EXACT_STEPS,
    MAX_KERNEL_N,
    RationalLike,
    Real,
    Scalar,
    check_beta,
    check_distribution,
    check_exact_power,
    check_finite,
    check_index,
    check_nonneg_int,
    check_positive_int,
    check_q,
    check_real,
    check_state,
    check_target,
    check_thresholds,
    check_weights,
)

__all__ = [
    "MAX_ENUM_N",
    "MAX_KERNEL_N",
    "MAX_EXACT_KERNEL_N",
    "all_states",
    "state_index",
    "energies_all",
    "boltzmann_weights_exact",
    "boltzmann_exact",
    "boltzmann_distribution",
    "log_partition_function",
    "site_kernel",
    "random_scan_kernel",
    "systematic_scan_kernel",
    "kernel_power",
    "tv_distance",
    "distribution_after",
    "doeblin_alpha",
    "doeblin_alpha_random_scan",
    "doeblin_alpha_systematic",
    "doeblin_alpha_explicit",
    "min_site_probability",
    "tv_bound",
    "steps_for_tv",
    "gibbs_plus_probability",
    "zero_temperature_update",
]

#: Largest n for which exact energies are enumerated with Python (object) numbers.
MAX_EXACT_ENUM_N = 16

#: Largest total size in bits of the ``2^n`` exact Boltzmann weights.
MAX_EXACT_TOTAL_BITS = 16 * MAX_EXACT_BITS


# --------------------------------------------------------------------------- enumeration

def all_states(n: int) -> np.ndarray:
    """All ``2^n`` states, row ``k`` has ``s_i = +1`` iff bit ``i`` of ``k`` is 1 (the
    enumeration order of spec B1-B5).  Shape ``(2^n, n)``, int64.

    Parameters
    ----------
    n : int >= 1
        Number of neurons (``<= MAX_ENUM_N``).

    Returns
    -------
    numpy.ndarray
        Shape ``(2^n, n)``, int64 +1/-1, in the enumeration order.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    n = check_positive_int(n, "n")
    if n > MAX_ENUM_N:
        raise ValueError(f"n: got {n}; exact enumeration is limited to n <= {MAX_ENUM_N}")
    k = np.arange(2**n, dtype=np.int64)[:, None]
    return (((k >> np.arange(n, dtype=np.int64)) & 1) * 2 - 1).astype(np.int64)


def state_index(s: ArrayLike) -> int:
    """Index ``k = sum_i [s_i = +1] 2^i`` of a state (inverse of :func:`all_states`;
    spec B1-B5 enumeration).

    Parameters
    ----------
    s : array_like, shape (n,)
        State, entries +1 / -1.

    Returns
    -------
    int
        ``k`` in ``[0, 2^n)`` with ``all_states(n)[k] == s``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    sv = check_state(s)
    return int(sum(1 << i for i, v in enumerate(sv) if v == 1))


def _prep_machine(W: ArrayLike, theta: ArrayLike | None) -> tuple[np.ndarray, np.ndarray]:
    Wv = check_weights(W, symmetric=True, zero_diag=True)
    th = check_thresholds(theta, Wv.shape[0])
    if Wv.shape[0] > MAX_ENUM_N:
        raise ValueError(f"W: n = {Wv.shape[0]}; exact enumeration is limited to "
                         f"n <= {MAX_ENUM_N} (use gibbs_sample for larger machines)")
    return Wv, th


def energies_all(W: ArrayLike, theta: ArrayLike | None) -> np.ndarray:
    """Energies ``E(s) = -sum_{i<j} W_ij s_i s_j + sum_i theta_i s_i`` of all ``2^n`` states
    in enumeration order (spec conventions, B-target).  Exact for integer inputs.

    ``W`` must be symmetric with zero diagonal (the Boltzmann machine of spec B1-B5).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.

    Returns
    -------
    numpy.ndarray
        Shape ``(2^n,)``: ``E`` of every state; exact numbers for exact inputs, else
        float64.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    Wv, th = _prep_machine(W, theta)
    n = Wv.shape[0]
    if (Wv.dtype == object or th.dtype == object) and n > MAX_EXACT_ENUM_N:
        raise ValueError(f"W: n = {n}; exact (Fraction / big-integer) enumeration is limited "
                         f"to n <= {MAX_EXACT_ENUM_N}; pass float weights for larger n")
    S = all_states(n)
    U = np.triu(Wv, 1)
    if Wv.dtype == object or th.dtype == object:
        So = S.astype(object)
        Uo = U.astype(object)
        tho = th.astype(object)
        return np.array([-(r @ (Uo @ r)) + tho @ r for r in So], dtype=object)
    with np.errstate(over="ignore", invalid="ignore"):
        E = -np.einsum("bi,bi->b", S @ U, S) + S @ th
    if E.dtype.kind == "f" and not np.all(np.isfinite(E)):
        raise ValueError("W, theta: the energies overflow float64 (entries too large); "
                         "expected weights and thresholds with sum |W_ij| + sum |theta_i| "
                         "below 1.8e308")
    return np.asarray(E)


def _integer_energies(W: ArrayLike, theta: ArrayLike | None) -> list[int]:
    E = energies_all(W, theta)
    out = []
    for e in E:
        if isinstance(e, (float, np.floating)):
            raise ValueError("W, theta: exact Boltzmann weights q^(E - E_min) need integer "
                             "weights and thresholds (so E is an integer); got floats")
        fe = Fraction(e)
        if fe.denominator != 1:
            raise ValueError(f"W, theta: energy {fe} is not an integer; exact weights "
                             f"q^(E - E_min) need integer weights and thresholds")
        out.append(int(fe))
    return out


def boltzmann_weights_exact(W: ArrayLike, theta: ArrayLike | None, q: RationalLike) -> np.ndarray:
    """Unnormalised exact weights ``w(s) = q^(E(s) - E_min)`` (target of spec B1-B5), object array
    of Fractions; ``q`` rational in ``(0, 1]`` (``q = exp(-beta)``), integer ``W``,
    ``theta``.  The maximum weight is exactly 1.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    q : int, Fraction, 'a/b' string or float in (0, 1]
        ``q = exp(-beta)``, used exactly (a float at its binary value).

    Returns
    -------
    numpy.ndarray
        Shape ``(2^n,)``, object array of Fractions in ``(0, 1]``, maximum exactly 1.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    fq = check_q(q)
    E = _integer_energies(W, theta)
    emin = min(E)
    check_exact_power(fq, max(E) - emin, "q")
    bits = fq.numerator.bit_length() + fq.denominator.bit_length()
    if fq != 1 and bits * sum(e - emin for e in E) > MAX_EXACT_TOTAL_BITS:
        raise ValueError(f"q: the exact weights q^(E - E_min) would need about "
                         f"{bits * sum(e - emin for e in E)} bits in all; exact arithmetic "
                         f"is limited to {MAX_EXACT_TOTAL_BITS} bits (use "
                         f"boltzmann_distribution for the float route)")
    out = np.empty(len(E), dtype=object)
    out[:] = [fq ** (e - emin) for e in E]
    return out


def boltzmann_exact(W: ArrayLike, theta: ArrayLike | None, q: RationalLike) -> np.ndarray:
    """Exact Boltzmann distribution ``pi(s) = q^(E(s) - E_min) / Z'`` (the stationary law of
    spec B2/B4) as Fractions summing to exactly 1.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    q : int, Fraction, 'a/b' string or float in (0, 1]
        ``q = exp(-beta)``, used exactly (a float at its binary value).

    Returns
    -------
    numpy.ndarray
        Shape ``(2^n,)``, object array of Fractions summing to exactly 1.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    w = boltzmann_weights_exact(W, theta, q)
    z = sum(w, Fraction(0))
    out = np.empty(len(w), dtype=object)
    out[:] = [x / z for x in w]
    return out


def log_partition_function(W: ArrayLike, theta: ArrayLike | None, beta: float) -> float:
    """``log Z = log sum_s exp(-beta E(s))``, computed by log-sum-exp (no overflow; the
    normaliser of the B1-B5 target).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    float
        ``log Z``, finite for finite inputs.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    E = _float_energies(W, theta)
    emin = float(E.min())
    with np.errstate(over="ignore"):
        x = -beta * (E - emin)      # <= 0; may underflow to -inf -> exp 0
    val = -beta * emin + float(np.log(np.sum(np.exp(x))))
    if not math.isfinite(val):
        raise ValueError(f"log Z overflows float64 (beta = {beta!r}, E_min = {emin!r}); "
                         f"expected beta * |E_min| below 1.8e308")
    return val


def boltzmann_distribution(W: ArrayLike, theta: ArrayLike | None, beta: float) -> np.ndarray:
    """Float Boltzmann distribution ``pi(s) = exp(-beta E(s)) / Z`` (log-sum-exp stable;
    float twin of the B2/B4 stationary law).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    numpy.ndarray
        Shape ``(2^n,)``, float64 probabilities summing to 1 (up to rounding).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    E = _float_energies(W, theta)
    with np.errstate(over="ignore"):
        x = -beta * (E - E.min())   # <= 0, the minimum is exactly 0 -> sum >= 1
    p = np.exp(x)
    return np.asarray(p / p.sum())


def _float_energies(W: ArrayLike, theta: ArrayLike | None) -> np.ndarray:
    """:func:`energies_all` as float64 (finite; big exact energies become large floats)."""
    E = energies_all(W, theta)
    try:
        Ef = np.array([float(e) for e in E], dtype=np.float64)
    except OverflowError as exc:
        raise ValueError("W, theta: an energy is too large for float64; expected energies "
                         "below 1.8e308 in magnitude") from exc
    with np.errstate(over="ignore", invalid="ignore"):
        spread = float(Ef.max() - Ef.min())
    if not (np.all(np.isfinite(Ef)) and math.isfinite(spread)):
        raise ValueError("W, theta: the energies overflow float64; expected energies below "
                         "1.8e308 in magnitude")
    return Ef


# --------------------------------------------------------------------------- kernels

def site_coefficients(w: np.ndarray, n: int, i: int
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The heat-bath coefficients of site ``i`` (spec B1): for every state index ``t``, the
    indices of ``t^{i+}``, ``t^{i-}`` and ``c_i(t) = w(t) / (w(t^{i+}) + w(t^{i-}))``.

    Shared by the kernels here and by :mod:`pyref.spec.dobrushin` (public within the
    package, not in ``__all__``).

    Parameters
    ----------
    w : numpy.ndarray, shape (2**n,)
        Validated positive weights (see :func:`pyref._validate.check_target`).
    n : int
        Number of spins.
    i : int
        Site, ``0 <= i < n``.

    Returns
    -------
    plus : numpy.ndarray, shape (2**n,)
        int64 index of ``t`` with bit ``i`` set (spin ``i`` = +1).
    minus : numpy.ndarray, shape (2**n,)
        int64 index of ``t`` with bit ``i`` cleared (spin ``i`` = -1).
    c : numpy.ndarray, shape (2**n,)
        ``c_i(t)`` in ``(0, 1)``, same number type as ``w`` (Fractions stay exact).
    """
    idx = np.arange(2**n)
    plus = idx | (1 << i)
    minus = idx & ~(1 << i)
    c = w / (w[plus] + w[minus])
    return plus, minus, c


def site_kernel(w: ArrayLike, i: int) -> np.ndarray:
    """Gibbs (heat-bath) site kernel ``K_i`` (spec B1): ``K_i(s, t) = w(t) / (w(s^{i+}) +
    w(s^{i-}))`` when ``t in {s^{i+}, s^{i-}}``, else 0.  Exact for int/Fraction ``w``.

    Parameters
    ----------
    w : array_like, shape (2^n,)
        Positive target weights on the states (ints/Fractions: exact; floats: float64), in the
        enumeration order of ``all_states``.
    i : int
        Site index, ``0 <= i < n``.

    Returns
    -------
    numpy.ndarray
        Shape ``(2^n, 2^n)`` row-stochastic matrix ``K_i`` (object Fractions for exact
        ``w``, else float64).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    wv, n, exact = check_target(w, kernel=True)
    i = check_index(i, n)
    N = 2**n
    plus, minus, c = site_coefficients(wv, n, i)
    K = np.zeros((N, N), dtype=object if exact else np.float64)
    if exact:
        K[...] = Fraction(0)
    rows = np.arange(N)
    K[rows, plus] = c[plus]
    K[rows, minus] = c[minus]
    return K


def apply_site(M: np.ndarray, coeff: tuple[np.ndarray, np.ndarray, np.ndarray]) -> np.ndarray:
    """``M @ K_i`` for a row vector or matrix ``M``, from ``coeff = site_coefficients(w, n, i)``:
    ``(M K_i)(., t) = (M(., t^{i+}) + M(., t^{i-})) c_i(t)``."""
    plus, minus, c = coeff
    return np.asarray((M[..., plus] + M[..., minus]) * c)


def _right_site(M: np.ndarray, wv: np.ndarray, n: int, i: int) -> np.ndarray:
    """``M @ K_i`` in O(N^2): ``(M K_i)(s, t) = (M(s, t^{i+}) + M(s, t^{i-})) c_i(t)``."""
    return apply_site(M, site_coefficients(wv, n, i))


def _identity(N: int, exact: bool) -> np.ndarray:
    if exact:
        I = np.empty((N, N), dtype=object)
        I[...] = Fraction(0)
        for k in range(N):
            I[k, k] = Fraction(1)
        return I
    return np.eye(N)


def random_scan_kernel(w: ArrayLike) -> np.ndarray:
    """Random-scan Gibbs kernel ``K = (1/n) sum_i K_i`` (spec B1, B2).

    Parameters
    ----------
    w : array_like, shape (2^n,)
        Positive target weights on the states (ints/Fractions: exact; floats: float64), in the
        enumeration order of ``all_states``.

    Returns
    -------
    numpy.ndarray
        Shape ``(2^n, 2^n)`` row-stochastic matrix ``K`` (exact for exact ``w``).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    wv, n, exact = check_target(w, kernel=True)
    I = _identity(2**n, exact)
    K: Any = sum(_right_site(I, wv, n, i) for i in range(n))
    return np.asarray(K * (Fraction(1, n) if exact else 1.0 / n))


def systematic_scan_kernel(w: ArrayLike) -> np.ndarray:
    """Systematic-scan kernel ``K_0 @ K_1 @ ... @ K_{n-1}`` (site 0 first; spec B2, B3).

    Parameters
    ----------
    w : array_like, shape (2^n,)
        Positive target weights on the states (ints/Fractions: exact; floats: float64), in the
        enumeration order of ``all_states``.

    Returns
    -------
    numpy.ndarray
        Shape ``(2^n, 2^n)`` row-stochastic matrix of one sweep (exact for exact ``w``).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    wv, n, exact = check_target(w, kernel=True)
    M = _identity(2**n, exact)
    for i in range(n):
        M = _right_site(M, wv, n, i)
    return M


def _check_kernel(P: ArrayLike, name: str = "P") -> np.ndarray:
    """A square stochastic matrix (rows >= 0 summing to 1: exactly for ints/Fractions,
    within 1e-9 for floats); int64/float64 or object Fractions."""
    arr = check_finite(P, name)
    if arr.ndim != 2 or arr.shape[0] != arr.shape[1] or arr.shape[0] == 0:
        raise ValueError(f"{name}: has shape {arr.shape}; expected a square (N, N) kernel")
    if arr.dtype == object or arr.dtype.kind in "iu":
        if arr.shape[0] > 2**MAX_EXACT_KERNEL_N:
            raise ValueError(f"{name}: {arr.shape[0]} states; exact kernels are limited to "
                             f"N <= {2**MAX_EXACT_KERNEL_N} (pass a float kernel)")
        arr = arr.astype(object)
        rows_ok = all(sum(r, Fraction(0)) == 1 for r in arr)
    else:
        if arr.shape[0] > 2**MAX_KERNEL_N:
            raise ValueError(f"{name}: {arr.shape[0]} states; dense kernels are limited to "
                             f"N <= {2**MAX_KERNEL_N}")
        rows_ok = bool(np.all(np.abs(arr.sum(axis=1) - 1.0) <= 1e-9 * arr.shape[0]))
    if np.any(arr < 0):
        raise ValueError(f"{name}: has a negative entry; expected a stochastic kernel "
                         f"(entries >= 0, rows summing to 1)")
    if not rows_ok:
        raise ValueError(f"{name}: a row does not sum to 1; expected a stochastic kernel "
                         f"(entries >= 0, rows summing to 1)")
    return arr


def kernel_power(P: ArrayLike, t: int) -> np.ndarray:
    """``P^t`` by repeated squaring (exact for object/Fraction matrices; B3's ``K^n``).

    Parameters
    ----------
    P : array_like, shape (N, N)
        Stochastic kernel (entries >= 0, rows summing to 1).
    t : int >= 0
        Number of steps (blocks).

    Returns
    -------
    numpy.ndarray
        ``P^t``, same shape and dtype as ``P`` (the identity for ``t = 0``).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    P = _check_kernel(P)
    t = check_nonneg_int(t, "t")
    exact = P.dtype == object
    if exact and t > MAX_EXACT_STEPS:
        raise ValueError(f"t: got {t}; exact kernel powers are limited to t <= "
                         f"{MAX_EXACT_STEPS} (entries grow with t; pass a float kernel)")
    R = _identity(P.shape[0], exact)
    base = P
    while t:
        if t & 1:
            R = R @ base
        t >>= 1
        if t:
            base = base @ base
    return R


def tv_distance(mu: ArrayLike, nu: ArrayLike) -> Real:
    """Total variation ``TV(mu, nu) = 1/2 sum_s |mu(s) - nu(s)|`` (spec B4); exact for
    Fractions.

    Parameters
    ----------
    mu : array_like, shape (N,)
        Probability distribution (entries >= 0 summing to 1).
    nu : array_like, shape (N,)
        Probability distribution (entries >= 0 summing to 1).

    Returns
    -------
    int, float or Fraction
        ``TV(mu, nu)`` in ``[0, 1]``; exact for exact inputs.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    a = check_distribution(mu, name="mu")
    if np.shape(nu) != a.shape:
        raise ValueError(f"mu, nu: shapes {a.shape} and {np.shape(nu)}; expected two 1-D "
                         f"distributions of the same length")
    b = check_distribution(nu, a.shape[0], name="nu")
    if a.dtype == object and b.dtype == object:
        return sum((abs(x - y) for x, y in zip(a, b)), Fraction(0)) / 2
    af, bf = a.astype(np.float64), b.astype(np.float64)
    return float(0.5 * np.abs(af - bf).sum())


def distribution_after(mu: ArrayLike, P: ArrayLike, t: int) -> np.ndarray:
    """``mu P^t`` (row vector times kernel), exact for Fractions (spec B4).

    Parameters
    ----------
    mu : array_like, shape (N,)
        Probability distribution (entries >= 0 summing to 1).
    P : array_like, shape (N, N)
        Stochastic kernel (entries >= 0, rows summing to 1).
    t : int >= 0
        Number of steps (blocks).

    Returns
    -------
    numpy.ndarray
        The distribution ``mu P^t`` (exact for Fractions).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    P = _check_kernel(P)
    t = check_nonneg_int(t, "t")
    exact = P.dtype == object
    v = check_distribution(mu, P.shape[0], exact=exact)
    if exact and t > MAX_EXACT_STEPS:
        raise ValueError(f"t: got {t}; exact products mu P^t are limited to t <= "
                         f"{MAX_EXACT_STEPS} (pass a float kernel)")
    if t > P.shape[0]:              # fewer products by repeated squaring
        return np.asarray(v @ kernel_power(P, t))
    for _ in range(t):
        v = v @ P
    return v


def _check_distribution(mu: ArrayLike, N: int, exact: bool) -> np.ndarray:
    """A distribution of length ``N`` (see :func:`pyref._validate.check_distribution`)."""
    return check_distribution(mu, N, exact=exact)


def doeblin_alpha(P: ArrayLike) -> Real:
    """Doeblin constant ``alpha = N * min_{s,t} P(s, t)`` (spec B4): ``P(s, .) >= alpha U``
    for the uniform measure ``U`` on the ``N`` states.  Positive iff ``P`` is positive.

    Parameters
    ----------
    P : array_like, shape (N, N)
        Stochastic kernel (entries >= 0, rows summing to 1).

    Returns
    -------
    int, float or Fraction
        ``alpha`` in ``[0, 1]``; exact for an exact kernel.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    P = _check_kernel(P)
    N = P.shape[0]
    m: Real = min(P.ravel())
    alpha: Real = N * m
    return alpha


def doeblin_alpha_random_scan(w: ArrayLike) -> Real:
    """``alpha`` of the ``n``-step random-scan kernel ``K^n`` (spec B3, B4):
    ``TV(mu K^{t n}, pi) <= (1 - alpha)^t``.

    Parameters
    ----------
    w : array_like, shape (2^n,)
        Positive target weights on the states (ints/Fractions: exact; floats: float64), in the
        enumeration order of ``all_states``.

    Returns
    -------
    int, float or Fraction
        ``alpha`` of ``K^n`` in ``[0, 1]``; exact for an exact target.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    _, n, _ = check_target(w)
    K = random_scan_kernel(w)
    return doeblin_alpha(kernel_power(K, n))


def doeblin_alpha_systematic(w: ArrayLike) -> Real:
    """``alpha`` of the systematic scan (one sweep = ``n`` site updates; spec B3, B4):
    ``TV(mu S^t, pi) <= (1 - alpha)^t``.

    Parameters
    ----------
    w : array_like, shape (2^n,)
        Positive target weights on the states (ints/Fractions: exact; floats: float64), in the
        enumeration order of ``all_states``.

    Returns
    -------
    int, float or Fraction
        ``alpha`` of one sweep in ``[0, 1]``; exact for an exact target.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    return doeblin_alpha(systematic_scan_kernel(w))


def min_site_probability(w: ArrayLike) -> Real:
    """``c = min_{s, i} w(s) / (w(s^{i+}) + w(s^{i-}))``: every heat-bath move has
    probability at least ``c`` (spec B3/B4 explicit positivity).

    Parameters
    ----------
    w : array_like, shape (2^n,)
        Positive target weights on the states (ints/Fractions: exact; floats: float64), in the
        enumeration order of ``all_states``.

    Returns
    -------
    int, float or Fraction
        ``c`` in ``(0, 1/2]``; exact for an exact target.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    wv, n, _ = check_target(w)
    m: Real = min(min(site_coefficients(wv, n, i)[2]) for i in range(n))
    return m


def doeblin_alpha_explicit(w: ArrayLike, scan: str = "systematic") -> Real:
    """Explicit lower bounds on ``alpha`` from ``c`` = :func:`min_site_probability`
    (spec B3/B4): systematic ``2^n c^n``; random scan (``n`` steps hitting ``n`` distinct
    sites, probability ``n!/n^n``) ``2^n n!/n^n c^n``.  Always ``<=`` the exact alpha.

    Lean proves the systematic value (``Hopfield.sysK_tv_le_siteMin``) and, for the random
    scan, the smaller ``2^n (c/n)^n`` (``Hopfield.randK_tv_le_of``); the ``n!/n^n`` factor
    here is property-tested (tests/test_B4_ergodicity.py), not Lean-proved.

    Parameters
    ----------
    w : array_like, shape (2^n,)
        Positive target weights on the states (ints/Fractions: exact; floats: float64), in the
        enumeration order of ``all_states``.
    scan : {'systematic', 'random'}
        Systematic sweep over sites 0..n-1, or random scan.

    Returns
    -------
    int, float or Fraction
        The explicit lower bound on ``alpha`` of the chosen scan; exact for an exact
        target.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    wv, n, exact = check_target(w)
    c: Real = min_site_probability(wv)
    bound: Real
    if scan == "systematic":
        bound = 2**n * c**n
        return bound
    if scan == "random":
        f = Fraction(math.factorial(n), n**n) if exact else math.factorial(n) / n**n
        bound = 2**n * f * c**n
        return bound
    raise ValueError(f"scan: got {scan!r}; expected 'systematic' or 'random'")


def _check_alpha(alpha: object) -> Real:
    """A Doeblin constant in ``(0, 1]``: float, or int/Fraction kept exact."""
    return check_real(alpha, "alpha", lo=0.0, hi=1.0, lo_open=True, exact=True)


def tv_bound(alpha: Scalar, t: int) -> Real:
    """Doeblin bound ``(1 - alpha)^t`` on the TV distance after ``t`` blocks (spec B4).

    Parameters
    ----------
    alpha : float, int or Fraction in ``(0, 1]``
        Doeblin constant; an int/Fraction gives an exact Fraction result.
    t : int >= 0
        Number of blocks.

    Returns
    -------
    float or Fraction
        ``(1 - alpha)^t`` (a float may underflow to 0.0, which is then the float value).

    Raises
    ------
    ValueError
        If ``alpha`` is not in ``(0, 1]``, ``t < 0``, or the exact power would exceed
        :data:`pyref._validate.MAX_EXACT_BITS` bits (pass ``float(alpha)`` instead).
    """
    t = check_nonneg_int(t, "t")
    a = _check_alpha(alpha)
    if isinstance(a, float):
        return (1.0 - a) ** t
    check_exact_power(1 - Fraction(a), t, "(1 - alpha)")
    return (1 - Fraction(a)) ** t


#: Largest bit size of an exact alpha or eps accepted by :func:`steps_for_tv`.
_MAX_TV_INPUT_BITS = 4096


def _ln_unit(x: Fraction, prec: int) -> Decimal:
    """``ln x`` for rational ``0 < x < 1`` with relative error about ``10^-prec`` (a
    series in ``u = 1 - x`` when ``u`` is small, so ``x`` near 1 keeps its precision)."""
    with localcontext() as ctx:
        ctx.prec = prec + 10
        u = Fraction(1) - x
        if u < Fraction(1, 1000):
            du = Decimal(u.numerator) / Decimal(u.denominator)
            total, term, k = Decimal(0), du, 1
            stop = du * Decimal(10) ** (-(prec + 5))
            while term > stop and k <= 4 * prec:     # -sum_k u^k / k
                total -= term / k
                k += 1
                term *= du
            return +total
        return (Decimal(x.numerator) / Decimal(x.denominator)).ln()


def steps_for_tv(alpha: float | Fraction, eps: float | Fraction) -> int:
    """Smallest ``t >= 0`` with ``(1 - alpha)^t <= eps`` (spec B4).

    Decided with 60-digit logarithms, falling back to the exact power only when the two
    sides agree to that precision, so it runs in bounded time for every input (the
    answer for ``alpha = 1e-15`` is about ``3.5e16``).

    Parameters
    ----------
    alpha : float, int or Fraction in ``(0, 1]``
        Doeblin constant (a float is taken at its exact binary value).
    eps : float, int or Fraction in ``(0, 1)``
        Target total-variation distance.

    Returns
    -------
    int
        The number of blocks ``t``.

    Raises
    ------
    ValueError
        If ``alpha`` or ``eps`` is out of range, or an exact input has more than 4096
        bits, or a tie to 60 digits would need an exact power beyond
        :data:`pyref._validate.MAX_EXACT_BITS` bits.
    """
    a = Fraction(_check_alpha(alpha))
    e = Fraction(check_real(eps, "eps", lo=0.0, hi=1.0, lo_open=True, hi_open=True,
                            exact=True))
    for name, v in (("alpha", a), ("eps", e)):
        if v.numerator.bit_length() + v.denominator.bit_length() > _MAX_TV_INPUT_BITS:
            raise ValueError(f"{name}: has more than {_MAX_TV_INPUT_BITS} bits; exact "
                             f"inputs of steps_for_tv are limited to that size")
    if a == 1:
        return 1
    r = 1 - a
    prec = 60
    lr, le = _ln_unit(r, prec), _ln_unit(e, prec)       # both < 0
    digits = len(str(int(le / lr))) if lr != 0 else 0
    if digits > 10:     # t itself has many digits: carry that many more
        prec += digits
        lr, le = _ln_unit(r, prec), _ln_unit(e, prec)
    with localcontext() as ctx:
        ctx.prec = prec + 10
        t_est = le / lr
        t = max(0, int(t_est.to_integral_value(rounding="ROUND_CEILING")))
        tol = Decimal(10) ** (-(prec - 5))

        def holds(k: int) -> bool:
            d = Decimal(k) * lr - le
            scale = abs(Decimal(k) * lr) + abs(le)
            if d < -tol * scale:
                return True
            if d > tol * scale:
                return False
            check_exact_power(r, k, "(1 - alpha)")
            return r**k <= e

        while not holds(t):
            t += 1
        while t > 0 and holds(t - 1):
            t -= 1
    return t


# --------------------------------------------------------------------------- B5

def _site_energies(W: ArrayLike, theta: ArrayLike | None, s: ArrayLike, i: int
                   ) -> tuple[int, int, int, int]:
    """``(E(s^{i+}), E(s^{i-}), h_i, theta_i)`` for integer, symmetric, zero-diagonal ``W``."""
    Wv = check_weights(W, symmetric=True, zero_diag=True)
    n = Wv.shape[0]
    th = check_thresholds(theta, n)
    if Wv.dtype.kind == "f" or th.dtype.kind == "f":
        raise ValueError("W, theta: the exact zero-temperature statement (spec B5) needs "
                         "integer weights and thresholds; got floats")
    for v in list(Wv.ravel()) + list(th):
        if Fraction(v).denominator != 1:
            raise ValueError(f"W, theta: entry {v} is not an integer; spec B5 needs integer "
                             f"weights and thresholds")
    sv = check_state(s, n)
    i = check_index(i, n)
    Wo = Wv.astype(object)
    tho = th.astype(object)
    U = np.triu(Wo, 1)
    out = []
    for v in (1, -1):
        t = sv.astype(object)
        t[i] = v
        out.append(int(-(t @ (U @ t)) + tho @ t))
    h = int(sum(int(Wo[i, j]) * int(sv[j]) for j in range(n)))
    return out[0], out[1], h, int(tho[i])


def gibbs_plus_probability(W: ArrayLike, theta: ArrayLike | None, s: ArrayLike, i: int,
                           q: RationalLike) -> Fraction:
    """Exact heat-bath probability ``P(s_i = +1 | rest)`` of the Boltzmann machine (spec B5).

    ``P = pi(s^{i+}) / (pi(s^{i+}) + pi(s^{i-}))`` with ``pi(s) = q^(E(s) - E_min)``
    (``q = exp(-beta)`` rational in ``(0, 1]``); ``E_min`` cancels, and since
    ``E(s^{i+}) - E(s^{i-}) = -2 (h_i - theta_i)`` this is
    ``1 / (1 + q^(2 (h_i - theta_i)))`` = ``sigma(2 beta (h_i - theta_i))``.

    Parameters
    ----------
    W : (n, n) integer weights, symmetric, zero diagonal.
    theta : (n,) integer thresholds (``None``: zeros).
    s : (n,) spins +-1 (only the spins off site ``i`` matter).
    i : the site.
    q : rational in ``(0, 1]`` (int, Fraction, ``"a/b"`` string or float taken exactly).

    Returns
    -------
    Fraction in ``(0, 1)``.
    """
    fq = check_q(q)
    e_plus, e_minus, _, _ = _site_energies(W, theta, s, i)
    emin = min(e_plus, e_minus)
    check_exact_power(fq, max(e_plus, e_minus) - emin, "q")
    w_plus, w_minus = fq ** (e_plus - emin), fq ** (e_minus - emin)
    return w_plus / (w_plus + w_minus)


def zero_temperature_update(W: ArrayLike, theta: ArrayLike | None, s: ArrayLike,
                            i: int) -> Fraction:
    """The ``q -> 0`` limit of :func:`gibbs_plus_probability` (spec B5): the deterministic
    update of T1 as a probability of ``+1``, ties split evenly.

    ``1`` if ``h_i > theta_i``, ``0`` if ``h_i < theta_i``, ``1/2`` if ``h_i = theta_i``
    (``h_i = sum_j W_ij s_j``).  B5: ``|gibbs_plus_probability(q) - this| <= q^(2|h_i -
    theta_i|) <= q`` when ``h_i != theta_i``; on a tie both are exactly ``1/2`` for every
    ``q``.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    s : array_like, shape (n,)
        State, entries +1 / -1.
    i : int
        Site index, ``0 <= i < n``.

    Returns
    -------
    Fraction
        ``1``, ``0`` or ``1/2``: the probability of ``+1`` at ``q -> 0``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    _, _, h, t = _site_energies(W, theta, s, i)
    if h > t:
        return Fraction(1)
    if h < t:
        return Fraction(0)
    return Fraction(1, 2)


# --------------------------------------------------------------------------- B6
# Dobrushin's condition (spec B6) lives in pyref.dobrushin; re-exported here.
from .dobrushin import (  # noqa: E402
    dobrushin_coefficient,
    dobrushin_sweeps,
    dobrushin_tv_bound,
)

__all__ += ["dobrushin_coefficient", "dobrushin_tv_bound", "dobrushin_sweeps"]
