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
from fractions import Fraction
from typing import Any, Callable

import numpy as np

from ._validate import (
    as_generator,
    check_beta,
    check_index,
    check_nonneg_int,
    check_positive_int,
    check_q,
    check_state,
    check_states,
    check_thresholds,
    check_weights,
)

__all__ = [
    "MAX_ENUM_N",
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
    "distribution_after_scan",
    "doeblin_alpha",
    "doeblin_alpha_random_scan",
    "doeblin_alpha_systematic",
    "doeblin_alpha_explicit",
    "min_site_probability",
    "tv_bound",
    "steps_for_tv",
    "gibbs_sample",
    "empirical_distribution",
    "gibbs_plus_probability",
    "zero_temperature_update",
]

#: Largest n for which exhaustive enumeration of the 2^n states is allowed (B1-B5 are
#: about finite, enumerated state spaces).
MAX_ENUM_N = 20


# --------------------------------------------------------------------------- enumeration

def all_states(n: int) -> np.ndarray:
    """All ``2^n`` states, row ``k`` has ``s_i = +1`` iff bit ``i`` of ``k`` is 1 (the
    enumeration order of spec B1-B5).  Shape ``(2^n, n)``, int64."""
    n = check_positive_int(n, "n")
    if n > MAX_ENUM_N:
        raise ValueError(f"n: got {n}; exact enumeration is limited to n <= {MAX_ENUM_N}")
    k = np.arange(2**n, dtype=np.int64)[:, None]
    return (((k >> np.arange(n, dtype=np.int64)) & 1) * 2 - 1).astype(np.int64)


def state_index(s: Any) -> int:
    """Index ``k = sum_i [s_i = +1] 2^i`` of a state (inverse of :func:`all_states`;
    spec B1-B5 enumeration)."""
    sv = check_state(s)
    return int(sum(1 << i for i, v in enumerate(sv) if v == 1))


def _prep_machine(W: Any, theta: Any) -> tuple[np.ndarray, np.ndarray]:
    Wv = check_weights(W, symmetric=True, zero_diag=True)
    th = check_thresholds(theta, Wv.shape[0])
    if Wv.shape[0] > MAX_ENUM_N:
        raise ValueError(f"W: n = {Wv.shape[0]}; exact enumeration is limited to "
                         f"n <= {MAX_ENUM_N} (use gibbs_sample for larger machines)")
    return Wv, th


def energies_all(W: Any, theta: Any) -> np.ndarray:
    """Energies ``E(s) = -sum_{i<j} W_ij s_i s_j + sum_i theta_i s_i`` of all ``2^n`` states
    in enumeration order (spec conventions, B-target).  Exact for integer inputs.

    ``W`` must be symmetric with zero diagonal (the Boltzmann machine of spec B1-B5).
    """
    Wv, th = _prep_machine(W, theta)
    S = all_states(Wv.shape[0])
    U = np.triu(Wv, 1)
    if Wv.dtype == object or th.dtype == object:
        So = S.astype(object)
        return np.array([-(r @ (U.astype(object) @ r)) + th.astype(object) @ r for r in So],
                        dtype=object)
    return -np.einsum("bi,bi->b", S @ U, S) + S @ th


def _integer_energies(W: Any, theta: Any) -> list[int]:
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


def boltzmann_weights_exact(W: Any, theta: Any, q: Any) -> np.ndarray:
    """Unnormalised exact weights ``w(s) = q^(E(s) - E_min)`` (target of spec B1-B5), object array
    of Fractions; ``q`` rational in ``(0, 1]`` (``q = exp(-beta)``), integer ``W``,
    ``theta``.  The maximum weight is exactly 1."""
    fq = check_q(q)
    E = _integer_energies(W, theta)
    emin = min(E)
    out = np.empty(len(E), dtype=object)
    out[:] = [fq ** (e - emin) for e in E]
    return out


def boltzmann_exact(W: Any, theta: Any, q: Any) -> np.ndarray:
    """Exact Boltzmann distribution ``pi(s) = q^(E(s) - E_min) / Z'`` (the stationary law of
    spec B2/B4) as Fractions summing to exactly 1."""
    w = boltzmann_weights_exact(W, theta, q)
    z = sum(w, Fraction(0))
    out = np.empty(len(w), dtype=object)
    out[:] = [x / z for x in w]
    return out


def log_partition_function(W: Any, theta: Any, beta: float) -> float:
    """``log Z = log sum_s exp(-beta E(s))``, computed by log-sum-exp (no overflow; the
    normaliser of the B1-B5 target)."""
    beta = check_beta(beta)
    E = np.array([float(e) for e in energies_all(W, theta)])
    x = -beta * E
    mx = x.max()
    return float(mx + np.log(np.sum(np.exp(x - mx))))


def boltzmann_distribution(W: Any, theta: Any, beta: float) -> np.ndarray:
    """Float Boltzmann distribution ``pi(s) = exp(-beta E(s)) / Z`` (log-sum-exp stable;
    float twin of the B2/B4 stationary law)."""
    beta = check_beta(beta)
    E = np.array([float(e) for e in energies_all(W, theta)])
    x = -beta * (E - E.min())
    p = np.exp(x)
    return p / p.sum()


# --------------------------------------------------------------------------- kernels

def _check_target(w: Any) -> tuple[np.ndarray, int, bool]:
    """Positive weights on 2^n states; returns (w, n, exact)."""
    arr = np.asarray(w) if not isinstance(w, np.ndarray) else w
    if arr.ndim != 1:
        raise ValueError(f"w: has shape {arr.shape}; expected a 1-D array of 2^n weights")
    N = arr.shape[0]
    if N < 2 or N & (N - 1):
        raise ValueError(f"w: has length {N}; expected a power of two 2^n with n >= 1")
    n = N.bit_length() - 1
    if n > MAX_ENUM_N:
        raise ValueError(f"w: n = {n}; exact enumeration is limited to n <= {MAX_ENUM_N}")
    exact = arr.dtype == object or arr.dtype.kind in "iu"
    if arr.dtype.kind == "b":
        raise ValueError("w: got booleans; expected positive numbers")
    if exact:
        vals = []
        for v in arr.ravel():
            if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, np.integer,
                                                                       Fraction)):
                raise ValueError(f"w: entry {v!r} is not an int or Fraction; expected "
                                 f"exact positive weights (or a float array)")
            vals.append(Fraction(int(v)) if isinstance(v, (int, np.integer)) else v)
        out = np.empty(N, dtype=object)
        out[:] = vals
    else:
        try:
            out = arr.astype(np.float64)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"w: not numeric ({exc}); expected positive weights") from exc
        if not np.all(np.isfinite(out)):
            raise ValueError("w: contains NaN or infinite entries; expected finite weights")
    if not all(v > 0 for v in out):
        raise ValueError("w: has a non-positive entry; expected every weight > 0 (the "
                         "theorems B1-B5 are for positive targets)")
    return out, n, exact


def _site_coeff(w: np.ndarray, n: int, i: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For every t: index of t^{i+}, t^{i-} and c_i(t) = w(t) / (w(t^{i+}) + w(t^{i-}))."""
    idx = np.arange(2**n)
    plus = idx | (1 << i)
    minus = idx & ~(1 << i)
    c = w / (w[plus] + w[minus])
    return plus, minus, c


def site_kernel(w: Any, i: int) -> np.ndarray:
    """Gibbs (heat-bath) site kernel ``K_i`` (spec B1): ``K_i(s, t) = w(t) / (w(s^{i+}) +
    w(s^{i-}))`` when ``t in {s^{i+}, s^{i-}}``, else 0.  Exact for int/Fraction ``w``."""
    wv, n, exact = _check_target(w)
    i = check_index(i, n)
    N = 2**n
    plus, minus, c = _site_coeff(wv, n, i)
    K = np.zeros((N, N), dtype=object if exact else np.float64)
    if exact:
        K[...] = Fraction(0)
    rows = np.arange(N)
    K[rows, plus] = c[plus]
    K[rows, minus] = c[minus]
    return K


def _apply_site(M: np.ndarray, coeff: tuple[np.ndarray, np.ndarray, np.ndarray]) -> np.ndarray:
    """``M @ K_i`` for a row vector or matrix ``M``, from ``coeff = _site_coeff(w, n, i)``:
    ``(M K_i)(., t) = (M(., t^{i+}) + M(., t^{i-})) c_i(t)``."""
    plus, minus, c = coeff
    return (M[..., plus] + M[..., minus]) * c


def _right_site(M: np.ndarray, wv: np.ndarray, n: int, i: int) -> np.ndarray:
    """``M @ K_i`` in O(N^2): ``(M K_i)(s, t) = (M(s, t^{i+}) + M(s, t^{i-})) c_i(t)``."""
    return _apply_site(M, _site_coeff(wv, n, i))


def _identity(N: int, exact: bool) -> np.ndarray:
    if exact:
        I = np.empty((N, N), dtype=object)
        I[...] = Fraction(0)
        for k in range(N):
            I[k, k] = Fraction(1)
        return I
    return np.eye(N)


def random_scan_kernel(w: Any) -> np.ndarray:
    """Random-scan Gibbs kernel ``K = (1/n) sum_i K_i`` (spec B1, B2)."""
    wv, n, exact = _check_target(w)
    I = _identity(2**n, exact)
    K = sum(_right_site(I, wv, n, i) for i in range(n))
    return K * (Fraction(1, n) if exact else 1.0 / n)


def systematic_scan_kernel(w: Any) -> np.ndarray:
    """Systematic-scan kernel ``K_0 @ K_1 @ ... @ K_{n-1}`` (site 0 first; spec B2, B3)."""
    wv, n, exact = _check_target(w)
    M = _identity(2**n, exact)
    for i in range(n):
        M = _right_site(M, wv, n, i)
    return M


def _check_kernel(P: Any, name: str = "P") -> np.ndarray:
    arr = np.asarray(P) if not isinstance(P, np.ndarray) else P
    if arr.ndim != 2 or arr.shape[0] != arr.shape[1] or arr.shape[0] == 0:
        raise ValueError(f"{name}: has shape {arr.shape}; expected a square (N, N) kernel")
    if arr.dtype.kind == "f" and not np.all(np.isfinite(arr)):
        raise ValueError(f"{name}: contains NaN or infinite entries")
    return arr


def kernel_power(P: Any, t: int) -> np.ndarray:
    """``P^t`` by repeated squaring (exact for object/Fraction matrices; B3's ``K^n``)."""
    P = _check_kernel(P)
    t = check_nonneg_int(t, "t")
    exact = P.dtype == object
    R = _identity(P.shape[0], exact)
    base = P
    while t:
        if t & 1:
            R = R @ base
        t >>= 1
        if t:
            base = base @ base
    return R


def tv_distance(mu: Any, nu: Any) -> Any:
    """Total variation ``TV(mu, nu) = 1/2 sum_s |mu(s) - nu(s)|`` (spec B4); exact for
    Fractions."""
    a = np.asarray(mu) if not isinstance(mu, np.ndarray) else mu
    b = np.asarray(nu) if not isinstance(nu, np.ndarray) else nu
    if a.ndim != 1 or a.shape != b.shape:
        raise ValueError(f"mu, nu: shapes {a.shape} and {b.shape}; expected two 1-D "
                         f"distributions of the same length")
    for name, v in (("mu", a), ("nu", b)):
        if v.dtype.kind == "f" and not np.all(np.isfinite(v)):
            raise ValueError(f"{name}: contains NaN or infinite entries")
    if a.dtype == object or b.dtype == object:
        return sum((abs(x - y) for x, y in zip(a, b)), Fraction(0)) / 2
    return float(0.5 * np.abs(a - b).sum())


def distribution_after(mu: Any, P: Any, t: int) -> np.ndarray:
    """``mu P^t`` (row vector times kernel), exact for Fractions (spec B4)."""
    P = _check_kernel(P)
    t = check_nonneg_int(t, "t")
    v = np.asarray(mu) if not isinstance(mu, np.ndarray) else mu
    if v.shape != (P.shape[0],):
        raise ValueError(f"mu: has shape {v.shape}; expected ({P.shape[0]},)")
    for _ in range(t):
        v = v @ P
    return v


def _check_distribution(mu: Any, N: int, exact: bool) -> np.ndarray:
    """A 1-D distribution of length ``N`` (entries >= 0 summing to 1, exactly for Fractions,
    to 1e-9 for floats); Fractions when ``exact``."""
    v = np.asarray(mu) if not isinstance(mu, np.ndarray) else mu
    if v.ndim != 1 or v.shape[0] != N:
        raise ValueError(f"mu: has shape {v.shape}; expected ({N},), one probability per "
                         f"state")
    if v.dtype.kind == "b" or v.dtype.kind not in "iufO":
        raise ValueError(f"mu: dtype {v.dtype}; expected probabilities (numbers)")
    if exact:
        if v.dtype.kind == "f":
            raise ValueError("mu: floats with an exact (int/Fraction) target; pass Fractions "
                             "to stay exact, or a float target")
        vals = [Fraction(x) if isinstance(x, (int, np.integer, Fraction))
                and not isinstance(x, (bool, np.bool_)) else None for x in v]
        if any(x is None for x in vals):
            raise ValueError("mu: entries must be ints or Fractions for an exact target")
        out = np.empty(N, dtype=object)
        out[:] = vals
        total = sum(vals, Fraction(0))
        ok_sum = total == 1
    else:
        out = v.astype(np.float64)
        if not np.all(np.isfinite(out)):
            raise ValueError("mu: contains NaN or infinite entries")
        total = float(out.sum())
        ok_sum = abs(total - 1.0) <= 1e-9
    if np.any(out < 0):
        raise ValueError("mu: has a negative entry; expected a probability distribution")
    if not ok_sum:
        raise ValueError(f"mu: sums to {total}; expected 1")
    return out


def distribution_after_scan(mu: Any, w: Any, t: int, scan: str = "systematic") -> np.ndarray:
    """``mu K^t`` without forming the ``2^n x 2^n`` kernel (spec B2, B4), exact for an
    int/Fraction target.

    One site step is ``(mu K_i)(t) = (mu(t^{i+}) + mu(t^{i-})) c_i(t)`` with
    ``c_i(t) = w(t) / (w(t^{i+}) + w(t^{i-}))``: ``O(2^n)`` work and memory.  ``scan=
    "systematic"``: one step is a sweep ``K_0 K_1 ... K_{n-1}`` (the matrix of
    :func:`systematic_scan_kernel`); ``scan="random"``: one step is
    ``K = (1/n) sum_i K_i`` (:func:`random_scan_kernel`).  Same numbers as
    ``distribution_after(mu, systematic_scan_kernel(w), t)`` (exactly, for Fractions) but
    with ``O(n 2^n)`` memory instead of ``4^n``, so it reaches every ``n <= MAX_ENUM_N``.
    """
    wv, n, exact = _check_target(w)
    t = check_nonneg_int(t, "t")
    if scan not in ("systematic", "random"):
        raise ValueError(f"scan: got {scan!r}; expected 'systematic' or 'random'")
    v = _check_distribution(mu, 2**n, exact)
    coeffs = [_site_coeff(wv, n, i) for i in range(n)]
    inv_n = Fraction(1, n) if exact else 1.0 / n
    for _ in range(t):
        if scan == "systematic":
            for coeff in coeffs:
                v = _apply_site(v, coeff)
        else:
            v = sum(_apply_site(v, coeff) for coeff in coeffs) * inv_n
    return v


def doeblin_alpha(P: Any) -> Any:
    """Doeblin constant ``alpha = N * min_{s,t} P(s, t)`` (spec B4): ``P(s, .) >= alpha U``
    for the uniform measure ``U`` on the ``N`` states.  Positive iff ``P`` is positive."""
    P = _check_kernel(P)
    N = P.shape[0]
    m = min(P.ravel())
    return N * m


def doeblin_alpha_random_scan(w: Any) -> Any:
    """``alpha`` of the ``n``-step random-scan kernel ``K^n`` (spec B3, B4):
    ``TV(mu K^{t n}, pi) <= (1 - alpha)^t``."""
    _, n, _ = _check_target(w)
    K = random_scan_kernel(w)
    return doeblin_alpha(kernel_power(K, n))


def doeblin_alpha_systematic(w: Any) -> Any:
    """``alpha`` of the systematic scan (one sweep = ``n`` site updates; spec B3, B4):
    ``TV(mu S^t, pi) <= (1 - alpha)^t``."""
    return doeblin_alpha(systematic_scan_kernel(w))


def min_site_probability(w: Any) -> Any:
    """``c = min_{s, i} w(s) / (w(s^{i+}) + w(s^{i-}))``: every heat-bath move has
    probability at least ``c`` (spec B3/B4 explicit positivity)."""
    wv, n, _ = _check_target(w)
    return min(min(_site_coeff(wv, n, i)[2]) for i in range(n))


def doeblin_alpha_explicit(w: Any, scan: str = "systematic") -> Any:
    """Explicit lower bounds on ``alpha`` from ``c`` = :func:`min_site_probability`
    (spec B3/B4): systematic ``2^n c^n``; random scan (``n`` steps hitting ``n`` distinct
    sites, probability ``n!/n^n``) ``2^n n!/n^n c^n``.  Always ``<=`` the exact alpha.

    Lean proves the systematic value (``Hopfield.sysK_tv_le_siteMin``) and, for the random
    scan, the smaller ``2^n (c/n)^n`` (``Hopfield.randK_tv_le_of``); the ``n!/n^n`` factor
    here is property-tested (tests/test_B4_ergodicity.py), not Lean-proved."""
    wv, n, exact = _check_target(w)
    c = min_site_probability(wv)
    if scan == "systematic":
        return 2**n * c**n
    if scan == "random":
        f = Fraction(math.factorial(n), n**n) if exact else math.factorial(n) / n**n
        return 2**n * f * c**n
    raise ValueError(f"scan: got {scan!r}; expected 'systematic' or 'random'")


def tv_bound(alpha: Any, t: int) -> Any:
    """Doeblin bound ``(1 - alpha)^t`` on the TV distance after ``t`` blocks (spec B4)."""
    t = check_nonneg_int(t, "t")
    if not (0 < alpha <= 1):
        raise ValueError(f"alpha: got {alpha!r}; expected 0 < alpha <= 1")
    return (1 - alpha) ** t


def steps_for_tv(alpha: Any, eps: float) -> int:
    """Smallest ``t`` with ``(1 - alpha)^t <= eps`` (spec B4)."""
    if not (0 < alpha <= 1):
        raise ValueError(f"alpha: got {alpha!r}; expected 0 < alpha <= 1")
    if not (0 < eps < 1):
        raise ValueError(f"eps: got {eps!r}; expected 0 < eps < 1")
    if alpha == 1:
        return 1
    t = max(0, math.ceil(math.log(eps) / math.log1p(-float(alpha))) - 1)
    while (1 - alpha) ** t > eps:  # guard against float rounding in the estimate
        t += 1
    return t


# --------------------------------------------------------------------------- B5

def _site_energies(W: Any, theta: Any, s: Any, i: int) -> tuple[int, int, int, int]:
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


def gibbs_plus_probability(W: Any, theta: Any, s: Any, i: int, q: Any) -> Fraction:
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
    w_plus, w_minus = fq ** (e_plus - emin), fq ** (e_minus - emin)
    return w_plus / (w_plus + w_minus)


def zero_temperature_update(W: Any, theta: Any, s: Any, i: int) -> Fraction:
    """The ``q -> 0`` limit of :func:`gibbs_plus_probability` (spec B5): the deterministic
    update of T1 as a probability of ``+1``, ties split evenly.

    ``1`` if ``h_i > theta_i``, ``0`` if ``h_i < theta_i``, ``1/2`` if ``h_i = theta_i``
    (``h_i = sum_j W_ij s_j``).  B5: ``|gibbs_plus_probability(q) - this| <= q^(2|h_i -
    theta_i|) <= q`` when ``h_i != theta_i``; on a tie both are exactly ``1/2`` for every
    ``q``.
    """
    _, _, h, t = _site_energies(W, theta, s, i)
    if h > t:
        return Fraction(1)
    if h < t:
        return Fraction(0)
    return Fraction(1, 2)


# --------------------------------------------------------------------------- samplers

def _sigmoid(x: np.ndarray) -> np.ndarray:
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def gibbs_sample(W: Any, theta: Any, beta: float, *, n_sweeps: int, scan: str = "random",
                 n_chains: int = 1, s0: Any = None, seed: Any = None, burn_in: int = 0,
                 record: bool = True,
                 progress: Callable[[int, int], None] | None = None) -> np.ndarray:
    """Gibbs sampler (Python-only; checked against the exact kernels of B1-B4).

    Each site update sets ``s_i = +1`` with probability ``sigma(2 beta (h_i - theta_i))``,
    ``h_i = sum_j W_ij s_j`` -- the heat-bath kernel ``K_i`` for ``pi ∝ exp(-beta E)``.
    A sweep is ``n`` site updates: sites ``0..n-1`` in order (``scan="systematic"``) or ``n``
    independent uniform sites (``scan="random"``, i.e. ``K^n``).  ``n_chains`` chains run in
    parallel (vectorised).  Randomness only from ``seed`` (int or Generator).

    Returns
    -------
    ``(n_sweeps, n_chains, n)`` int8 states after each sweep following ``burn_in`` sweeps
    (``record=True``), else the final ``(n_chains, n)`` int64 states.
    """
    beta = check_beta(beta)
    Wv = check_weights(W, symmetric=True, zero_diag=True).astype(np.float64)
    n = Wv.shape[0]
    th = check_thresholds(theta, n).astype(np.float64)
    n_sweeps = check_positive_int(n_sweeps, "n_sweeps")
    n_chains = check_positive_int(n_chains, "n_chains")
    burn_in = check_nonneg_int(burn_in, "burn_in")
    if scan not in ("random", "systematic"):
        raise ValueError(f"scan: got {scan!r}; expected 'random' or 'systematic'")
    rng = as_generator(seed)
    if s0 is None:
        S = rng.choice(np.array([-1, 1]), size=(n_chains, n))
    else:
        arr = np.asarray(s0)
        S = (np.tile(check_state(arr, n, "s0"), (n_chains, 1)) if arr.ndim == 1
             else check_states(arr, n, "s0"))
        if S.shape[0] != n_chains:
            raise ValueError(f"s0: has {S.shape[0]} states; expected 1 or n_chains = "
                             f"{n_chains}")
    S = S.astype(np.float64)
    rows = np.arange(n_chains)
    out = np.empty((n_sweeps, n_chains, n), dtype=np.int8) if record else None
    total = burn_in + n_sweeps
    for t in range(total):
        U = rng.random((n, n_chains))
        if scan == "systematic":
            for i in range(n):
                h = S @ Wv[i]
                p = _sigmoid(2.0 * beta * (h - th[i]))
                S[:, i] = np.where(U[i] < p, 1.0, -1.0)
        else:
            sites = rng.integers(0, n, size=(n, n_chains))
            for k in range(n):
                i = sites[k]
                h = np.einsum("cj,cj->c", Wv[i], S)
                p = _sigmoid(2.0 * beta * (h - th[i]))
                S[rows, i] = np.where(U[k] < p, 1.0, -1.0)
        if record and t >= burn_in:
            out[t - burn_in] = S
        if progress is not None:
            progress(t + 1, total)
    return out if record else S.astype(np.int64)


def empirical_distribution(samples: Any) -> np.ndarray:
    """Frequencies of the ``2^n`` states (enumeration order) among ``samples`` of shape
    ``(..., n)`` (Python-only sampler check against B2/B4)."""
    arr = np.asarray(samples)
    if arr.ndim < 1 or arr.shape[-1] == 0:
        raise ValueError(f"samples: has shape {arr.shape}; expected (..., n) states")
    n = arr.shape[-1]
    S = check_states(arr.reshape(-1, n), n, "samples")
    if n > MAX_ENUM_N:
        raise ValueError(f"samples: n = {n}; enumeration is limited to n <= {MAX_ENUM_N}")
    idx = ((S == 1).astype(np.int64) << np.arange(n, dtype=np.int64)).sum(axis=1)
    counts = np.bincount(idx, minlength=2**n)
    return counts / counts.sum()
