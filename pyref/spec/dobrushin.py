"""Dobrushin's condition for Gibbs sampling of a Boltzmann machine: influence coefficients,
the contraction constant ``alpha`` and the total-variation bounds it gives (spec B6).

Influence of site ``j`` on site ``i``: ``c_ij = max |P(s_i = +1 | s) - P(s_i = +1 | s')|``
over pairs of states ``s, s'`` that differ only at ``j`` (the heat-bath conditionals of
:mod:`pyref.boltzmann`).  For the Boltzmann weights ``w(s) = q^(E(s) - E_min)`` of an
integer, symmetric, zero-diagonal ``W`` (any thresholds), flipping ``s_j`` moves the field
``h_i`` by ``2 W_ij`` and ``P(+1) = 1 / (1 + q^(2 (h_i - theta_i)))``, so::

    c_ij <= (1 - q^(2 |W_ij|)) / (1 + q^(2 |W_ij|))      (= tanh(beta |W_ij|), q = e^-beta)

(:func:`influence_bound`).  With ``alpha = max_i sum_j c_ij`` < 1 (Dobrushin's condition),
for every start distribution ``mu``::

    systematic scan S = K_0 ... K_{n-1}:   TV(mu S^t, pi) <= n alpha^t
    random scan K = (1/n) sum_i K_i:       TV(mu K^t, pi) <= n (1 - (1 - alpha)/n)^t

(one systematic step is a sweep of ``n`` site updates, one random-scan step is one site
update).  Lean proves all of it: ``Hopfield.sysK_tv_le_dobrushin`` and
``Hopfield.randK_tv_le_dobrushin`` give both bounds from any influence bounds ``c``,
``Hopfield.influenceLe_boltzmannW`` the Boltzmann bound ``tanh(beta |W_ij|)``
(Lean ``Hopfield.influenceBound``), and ``Hopfield.sysK_boltzmannW_tv_le_dobrushin`` /
``Hopfield.randK_boltzmannW_tv_le_dobrushin`` the bounds with this module's ``alpha``
(Lean ``Hopfield.dobrushinCoefficient``).  Proof (the classical oscillation argument): for a
function ``f`` let ``d_j(f) = max |f(s) - f(s')|`` over ``s, s'`` differing at ``j``; then
``d_i(K_i f) = 0`` and ``d_j(K_i f) <= d_j(f) + c_ij d_i(f)``, so ``sum_j d_j`` contracts by
``alpha`` per sweep (each unit of ``d`` is moved at least once, at rate ``<= alpha``) and by
``1 - (1 - alpha)/n`` per random-scan step; ``TV(mu P, nu P) = max_{0 <= f <= 1}
(mu - nu)(P f) <= sum_j d_j(P f)`` and ``sum_j d_j(f) <= n`` for ``0 <= f <= 1``.
The tests (``tests/test_B6_dobrushin.py``) check the statement against the exact TV of
:func:`pyref.boltzmann.distribution_after_scan`.

Exact Fractions for rational ``q`` (int, Fraction, ``"a/b"``); a float ``q`` (e.g.
``math.exp(-beta)``) gives float results.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from numpy.typing import ArrayLike

from .._validate import (
    RationalLike,
    Real,
    Scalar,
    check_exact_power,
    check_nonneg_int,
    check_q,
    check_real,
    check_weights,
)

# pyref.boltzmann re-exports this module's public functions at its end, so the helpers of
# pyref.boltzmann are imported inside the functions (no import cycle at load time).

__all__ = [
    "dobrushin_coefficient",
    "dobrushin_coefficient_exact",
    "dobrushin_sweeps",
    "dobrushin_tv_bound",
    "influence_bound",
    "influence_exact",
]

_SCANS = ("systematic", "random")


def _check_scan(scan: object) -> str:
    if not isinstance(scan, str) or scan not in _SCANS:
        raise ValueError(f"scan: got {scan!r}; expected 'systematic' or 'random'")
    return scan


def _int_weights(W: ArrayLike) -> list[list[int]]:
    """Integer, symmetric, zero-diagonal weights as Python ints."""
    Wv = check_weights(W, symmetric=True, zero_diag=True)
    if Wv.dtype.kind == "f":
        raise ValueError("W: got floats; the Dobrushin bound q^(2|W_ij|) (spec B6) needs "
                         "integer weights")
    n = Wv.shape[0]
    out = []
    for i in range(n):
        row = []
        for j in range(n):
            f = Fraction(Wv[i, j])
            if f.denominator != 1:
                raise ValueError(f"W: entry ({i}, {j}) = {f} is not an integer; spec B6 "
                                 f"needs integer weights")
            row.append(int(f))
        out.append(row)
    return out


def influence_bound(W: ArrayLike, q: RationalLike) -> np.ndarray:
    """Dobrushin influence bounds ``C_ij = (1 - q^(2|W_ij|)) / (1 + q^(2|W_ij|))``
    (``= tanh(beta |W_ij|)``, ``q = exp(-beta)``; spec B6).

    Parameters
    ----------
    W : (n, n) integer weights, symmetric with zero diagonal.
    q : rational in ``(0, 1]`` (int, Fraction, ``"a/b"``) or a float (float result).

    Returns
    -------
    (n, n) object array of Fractions (float64 for a float ``q``), zero diagonal; every
    true influence ``c_ij`` of the Boltzmann machine (any thresholds) is ``<= C_ij``.
    """
    is_float = isinstance(q, (float, np.floating))
    fq = check_q(q)
    Wl = _int_weights(W)
    n = len(Wl)
    if is_float:
        qf = float(fq)
        return np.array([[(1 - qf ** (2 * abs(Wl[i][j]))) / (1 + qf ** (2 * abs(Wl[i][j])))
                          for j in range(n)] for i in range(n)], dtype=np.float64)
    C = np.empty((n, n), dtype=object)
    for i in range(n):
        for j in range(n):
            # q^(2|W_ij|) exactly: refused (ValueError naming the limit) for huge weights
            check_exact_power(fq, 2 * abs(Wl[i][j]), "q")
            p = fq ** (2 * abs(Wl[i][j]))
            C[i, j] = (1 - p) / (1 + p)
    return C


def influence_exact(w: ArrayLike) -> np.ndarray:
    """True influences ``c_ij = max_s |p_i(s) - p_i(s^(j))|`` of positive weights ``w`` on
    the ``2^n`` states, ``p_i(s) = w(s^{i+}) / (w(s^{i+}) + w(s^{i-}))`` and ``s^(j)`` = ``s``
    with ``s_j`` flipped (spec B6).  Exact for int/Fraction ``w``; ``c_ii = 0``.

    Parameters
    ----------
    w : array_like, shape (2^n,)
        Positive weights of the ``2^n`` states (enumeration order of
        :func:`pyref.boltzmann.all_states`): ints or Fractions (exact) or floats.

    Returns
    -------
    numpy.ndarray
        Shape ``(n, n)``: the influences ``c_ij`` in ``[0, 1)`` (object Fractions for
        exact ``w``, else float64), zero diagonal.

    Raises
    ------
    ValueError
        If ``w`` is not a positive weight vector of length ``2^n`` (with the size limits
        of the exact enumeration).
    """
    from .._validate import check_target
    from .boltzmann import site_coefficients

    wv, n, exact = check_target(w)
    idx = np.arange(2**n)
    C = np.empty((n, n), dtype=object) if exact else np.zeros((n, n))
    for i in range(n):
        plus, _, c = site_coefficients(wv, n, i)
        p = c[plus]
        for j in range(n):
            if j == i:
                C[i, j] = Fraction(0) if exact else 0.0
                continue
            d = p - p[idx ^ (1 << j)]
            C[i, j] = max(abs(x) for x in d) if exact else float(np.abs(d).max())
    return C


def _alpha(C: np.ndarray) -> Real:
    alpha: Real = max(sum(row[1:], row[0]) for row in C)
    return alpha


def dobrushin_coefficient(W: ArrayLike, q: RationalLike) -> Real:
    """Dobrushin's ``alpha = max_i sum_j C_ij`` from :func:`influence_bound` (spec B6);
    Fraction for rational ``q``, float for a float ``q``.  The bounds need ``alpha < 1``.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Integer weights, symmetric with zero diagonal.
    q : rational in (0, 1] or float
        ``q = exp(-beta)``: int, Fraction or ``"a/b"`` (exact), or a float.

    Returns
    -------
    Fraction or float
        ``alpha >= 0`` (exact for rational ``q``).

    Raises
    ------
    ValueError
        If ``W`` or ``q`` is malformed, or an exact power ``q^(2|W_ij|)`` would exceed
        :data:`pyref._validate.MAX_EXACT_BITS` bits.
    """
    return _alpha(influence_bound(W, q))


def dobrushin_coefficient_exact(w: ArrayLike) -> Real:
    """``alpha = max_i sum_j c_ij`` from the true influences :func:`influence_exact` of any
    positive weights (spec B6); at most :func:`dobrushin_coefficient` for Boltzmann
    weights.

    Parameters
    ----------
    w : array_like, shape (2^n,)
        Positive weights of the ``2^n`` states, as for :func:`influence_exact`.

    Returns
    -------
    Fraction or float
        ``alpha >= 0`` (exact for exact ``w``).

    Raises
    ------
    ValueError
        As :func:`influence_exact`.
    """
    return _alpha(influence_exact(w))


def _check_alpha_lt1(alpha: Real) -> Real:
    if not alpha < 1:
        raise ValueError(f"alpha: Dobrushin coefficient alpha = {alpha} >= 1; the bound "
                         f"needs alpha < 1 (lower the coupling or raise the temperature, "
                         f"i.e. take q closer to 1)")
    return alpha


def _bound_from_alpha(alpha: Real, n: int, t: int, scan: str) -> Real:
    """``n alpha^t`` (systematic) or ``n (1 - (1 - alpha)/n)^t`` (random)."""
    r = alpha if scan == "systematic" else 1 - (1 - alpha) / n
    if isinstance(r, float):
        return n * r**t
    check_exact_power(Fraction(r), t, "alpha" if scan == "systematic" else
                      "1 - (1 - alpha)/n")
    return n * Fraction(r) ** t


def dobrushin_tv_bound(W: ArrayLike, q: RationalLike, t: int, scan: str = "systematic") -> Real:
    """Dobrushin bound on ``TV(mu P^t, pi)`` for every start ``mu`` (spec B6).

    ``scan="systematic"``: ``n alpha^t`` after ``t`` sweeps ``K_0 ... K_{n-1}``;
    ``scan="random"``: ``n (1 - (1 - alpha)/n)^t`` after ``t`` single-site random-scan
    steps; ``alpha`` = :func:`dobrushin_coefficient`.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Integer weights, symmetric with zero diagonal.
    q : rational in (0, 1] or float
        ``q = exp(-beta)`` (a float gives a float bound).
    t : int >= 0
        Sweeps (systematic) or single-site steps (random).
    scan : {'systematic', 'random'}
        The scan bounded.

    Returns
    -------
    Fraction or float
        The bound ``>= 0`` on ``TV(mu P^t, pi)`` (exact for rational ``q``).

    Raises
    ------
    ValueError
        If ``alpha >= 1``, ``t < 0`` or ``scan`` is unknown, or if the exact power
        ``alpha^t`` would exceed :data:`pyref._validate.MAX_EXACT_BITS` bits (pass a float
        ``q`` for a float bound).
    """
    scan = _check_scan(scan)
    t = check_nonneg_int(t, "t")
    a = _check_alpha_lt1(dobrushin_coefficient(W, q))
    n = len(_int_weights(W))
    return _bound_from_alpha(a, n, t, scan)


def dobrushin_sweeps(W: ArrayLike, q: RationalLike, eps: Scalar, scan: str = "systematic") -> int:
    """Least ``t >= 0`` whose bound :func:`dobrushin_tv_bound` is ``<= eps`` (spec B6):
    sweeps for ``scan="systematic"``, single-site steps for ``scan="random"`` (divide by
    ``n`` for sweep equivalents).  Decided exactly (via
    :func:`pyref.boltzmann.steps_for_tv`).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Integer weights, symmetric with zero diagonal.
    q : rational in (0, 1] or float
        ``q = exp(-beta)``.
    eps : positive real
        Target total variation.
    scan : {'systematic', 'random'}
        The scan bounded.

    Returns
    -------
    int
        The least ``t >= 0`` with bound ``<= eps``.

    Raises
    ------
    ValueError
        If ``alpha >= 1`` (the message says so), ``eps <= 0`` or ``scan`` is unknown.
    """
    from .boltzmann import steps_for_tv

    scan = _check_scan(scan)
    e = check_real(eps, "eps", lo=0.0, lo_open=True, exact=True)
    a = Fraction(_check_alpha_lt1(dobrushin_coefficient(W, q)))
    n = len(_int_weights(W))
    target = Fraction(e) / n
    if target >= 1:
        return 0
    # n r^t <= eps  <=>  (1 - (1 - r))^t <= eps / n
    contraction = 1 - a if scan == "systematic" else (1 - a) / n
    return steps_for_tv(contraction, target)

