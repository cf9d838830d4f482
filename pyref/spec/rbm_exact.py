"""Exact rational block Gibbs kernels of a restricted Boltzmann machine (spec B7), small
sizes only.

Joint states ``s = (v, h)`` of ``n = nv + nh`` units, visible first, enumerated as in
:mod:`pyref.boltzmann` (index ``k`` has unit ``i = +1`` iff bit ``i`` of ``k`` is 1; the
visible units are bits ``0 .. nv-1``).  Weights ``w(s) = q^(E(s) - E_min)`` with the RBM
energy ``E(v, h) = -v^T W h + theta_v . v + theta_h . h`` (:func:`pyref.rbm.rbm_energy`)
and rational ``q = exp(-beta)`` in ``(0, 1]``.

Two independent constructions of the half-step kernels, which the tests compare:

* the generic block kernel of the Lean definition ``Hopfield.blockK``::

      K_B(s, t) = w(t) / Z_B(s)  if t = s off B,  else 0,   Z_B(s) = sum_{u = s off B} w(u)

  (:func:`block_kernel_exact`, any positive weights and any block ``B``);
* the product form that :func:`pyref.rbm.sample_hidden` samples: given ``v`` the hidden
  units are independent with ``P(h_j = +1 | v) = 1 / (1 + q^(2 x_j))``,
  ``x = W^T v - theta_h`` (``= sigma(2 beta x_j)``), and symmetrically for ``v | h``
  (:func:`rbm_half_kernels_exact`).

The two-step kernel ``P = K_H K_V`` (``h | v`` first, then ``v | h``) is
:func:`rbm_block_kernel_exact` (Lean ``Hopfield.rbmK``).  Lean proves (module
``Hopfield.Thm.RbmGibbs``) for every positive ``w``: detailed balance of each half-step,
stationarity of ``pi = w / sum w``, ``P(s, t) >= m_H m_V`` with ``m_B`` the least nonzero
entry of ``K_B`` (:func:`block_min`), ``TV(mu P^t, pi) <= (1 - 2^n m_H m_V)^t``
(:func:`rbm_doeblin_alpha`) and uniqueness of ``pi``.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from numpy.typing import ArrayLike

from .._validate import RationalLike, Real, check_positive_int, check_q, check_target
from ..models.rbm import check_rbm
from .boltzmann import all_states

__all__ = [
    "MAX_RBM_EXACT_N",
    "block_kernel_exact",
    "block_min",
    "hidden_mask",
    "rbm_block_kernel_exact",
    "rbm_doeblin_alpha",
    "rbm_half_kernels_exact",
    "rbm_weights_exact",
]

#: Largest ``nv + nh`` for the exact ``2^n x 2^n`` Fraction kernels (a 2^8 x 2^8 Fraction
#: product already takes seconds).
MAX_RBM_EXACT_N = 8


def _check_int_rbm(W: ArrayLike, theta_v: ArrayLike, theta_h: ArrayLike
                   ) -> tuple[list[list[int]], list[int], list[int]]:
    """Integer RBM parameters as Python ints; ``nv + nh <= MAX_RBM_EXACT_N``."""
    Wv, tv, th = check_rbm(W, theta_v, theta_h)
    nv, nh = Wv.shape
    if nv + nh > MAX_RBM_EXACT_N:
        raise ValueError(f"W: nv + nh = {nv + nh}; the exact block kernels are limited to "
                         f"nv + nh <= {MAX_RBM_EXACT_N}")
    out = []
    for name, arr in (("W", Wv), ("theta_v", tv), ("theta_h", th)):
        if arr.dtype.kind == "f":
            raise ValueError(f"{name}: got floats; the exact kernels (spec B7) need integer "
                             f"weights and thresholds")
        vals = [Fraction(x) for x in arr.ravel()]
        if any(v.denominator != 1 for v in vals):
            raise ValueError(f"{name}: has a non-integer entry; expected integers")
        out.append([int(v) for v in vals])
    Wl = [out[0][i * nh:(i + 1) * nh] for i in range(nv)]
    return Wl, out[1], out[2]


def _frac_matrix(N: int) -> np.ndarray:
    M = np.empty((N, N), dtype=object)
    M[...] = Fraction(0)
    return M


def rbm_weights_exact(W: ArrayLike, theta_v: ArrayLike, theta_h: ArrayLike,
                      q: RationalLike) -> np.ndarray:
    """``w(v, h) = q^(E(v, h) - E_min)`` over the ``2^(nv+nh)`` joint states (spec B7;
    Lean ``Hopfield.rbmW``), object array of Fractions, maximum exactly 1.

    ``E(v, h) = -v^T W h + theta_v . v + theta_h . h`` with integer ``W`` (``nv x nh``),
    thresholds; ``q`` rational in ``(0, 1]``.

    Parameters
    ----------
    W : array_like, shape (nv, nh)
        Integer visible-hidden couplings.
    theta_v : array_like, shape (nv,)
        Integer visible thresholds.
    theta_h : array_like, shape (nh,)
        Integer hidden thresholds.
    q : int, Fraction or str
        Rational ``q = exp(-beta)`` in ``(0, 1]``.

    Returns
    -------
    numpy.ndarray
        Shape (2**(nv+nh),), object dtype: the Fractions ``w(v, h) = q^(E(v, h) - E_min)`` in
        the order of :func:`pyref.boltzmann.all_states` on the joint state (visible units
        first), maximum exactly 1 (spec B7).
    """
    fq = check_q(q)
    Wl, tv, th = _check_int_rbm(W, theta_v, theta_h)
    nv, nh = len(tv), len(th)
    S = all_states(nv + nh).tolist()
    E = []
    for s in S:
        v, h = s[:nv], s[nv:]
        e = -sum(v[i] * Wl[i][j] * h[j] for i in range(nv) for j in range(nh))
        e += sum(a * b for a, b in zip(tv, v)) + sum(a * b for a, b in zip(th, h))
        E.append(e)
    emin = min(E)
    out = np.empty(len(E), dtype=object)
    out[:] = [fq ** (e - emin) for e in E]
    return out


def hidden_mask(nv: int, nh: int) -> np.ndarray:
    """The hidden block ``B`` of the joint state (units ``nv .. nv+nh-1``) as a boolean mask
    (spec B7; Lean ``Hopfield.rbmHidden``).

    Parameters
    ----------
    nv : int >= 1
        Number of visible units.
    nh : int >= 1
        Number of hidden units.

    Returns
    -------
    numpy.ndarray
        Shape (nv + nh,) bool: True exactly at the hidden units ``nv .. nv+nh-1`` (spec B7).
    """
    nv = check_positive_int(nv, "nv")
    nh = check_positive_int(nh, "nh")
    return np.arange(nv + nh) >= nv


def _check_mask(block: ArrayLike, n: int) -> np.ndarray:
    B = np.asarray(block)
    if B.shape != (n,) or B.dtype.kind != "b":
        raise ValueError(f"block: has shape {B.shape} and dtype {B.dtype}; expected a "
                         f"boolean mask of length n = {n}")
    return B


def block_kernel_exact(w: ArrayLike, block: ArrayLike) -> np.ndarray:
    """Block Gibbs kernel ``K_B(s, t) = w(t) / Z_B(s)`` if ``t`` agrees with ``s`` off the
    block ``B``, else 0, ``Z_B(s) = sum_{u = s off B} w(u)`` (spec B7; Lean
    ``Hopfield.blockK``): resample the sites of ``B`` from the conditional law of
    ``w / sum w``.  Exact for int/Fraction ``w``; ``block`` a boolean mask of length ``n``.

    Parameters
    ----------
    w : array_like, shape (2**n,)
        Positive target weights on the ``2^n`` joint states (ints or Fractions exact, or
        floats).
    block : array_like of bool, shape (n,)
        The sites of the block ``B`` (True = resampled).

    Returns
    -------
    numpy.ndarray
        Shape (2**n, 2**n), object Fractions for exact ``w`` (else float64): the stochastic
        matrix ``K_B`` (spec B7).
    """
    wv, n, exact = check_target(w)
    B = _check_mask(block, n)
    N = 2**n
    off = sum(1 << i for i in range(n) if not B[i])
    key = np.arange(N) & off
    K = _frac_matrix(N) if exact else np.zeros((N, N))
    for s in range(N):
        cls = np.nonzero(key == key[s])[0]
        z = sum(wv[cls])
        for t in cls:
            K[s, t] = wv[t] / z
    return K


def rbm_half_kernels_exact(W: ArrayLike, theta_v: ArrayLike, theta_h: ArrayLike, q: RationalLike
                           ) -> tuple[np.ndarray, np.ndarray]:
    """The half-steps ``(K_H, K_V)`` in product form (spec B7): from ``s = (v, h)``,
    ``K_H`` keeps ``v`` and draws each ``h_j`` independently with
    ``P(h_j = +1 | v) = 1 / (1 + q^(2 x_j))``, ``x = W^T v - theta_h``; ``K_V`` keeps ``h``
    and draws ``v_i`` with ``P(v_i = +1 | h) = 1 / (1 + q^(2 y_i))``, ``y = W h - theta_v``
    (what :func:`pyref.rbm.sample_hidden` / :func:`pyref.rbm.sample_visible` sample, with
    ``q = exp(-beta)``).  Exact Fractions.

    Parameters
    ----------
    W : array_like, shape (nv, nh)
        Integer visible-hidden couplings.
    theta_v : array_like, shape (nv,)
        Integer visible thresholds.
    theta_h : array_like, shape (nh,)
        Integer hidden thresholds.
    q : int, Fraction or str
        Rational ``q = exp(-beta)`` in ``(0, 1]``.

    Returns
    -------
    tuple[numpy.ndarray, numpy.ndarray]
        ``(K_H, K_V)``: two (2**(nv+nh), 2**(nv+nh)) stochastic matrices of exact Fractions, the
        hidden and the visible half-step (spec B7).
    """
    fq = check_q(q)
    Wl, tv, th = _check_int_rbm(W, theta_v, theta_h)
    nv, nh = len(tv), len(th)
    n = nv + nh
    N = 2**n
    S = all_states(n).tolist()

    def p_plus(x: int) -> Fraction:
        return 1 / (1 + fq ** (2 * x)) if x >= 0 else fq ** (-2 * x) / (fq ** (-2 * x) + 1)

    KH, KV = _frac_matrix(N), _frac_matrix(N)
    for a, s in enumerate(S):
        v, h = s[:nv], s[nv:]
        ph = [p_plus(sum(Wl[i][j] * v[i] for i in range(nv)) - th[j]) for j in range(nh)]
        pv = [p_plus(sum(Wl[i][j] * h[j] for j in range(nh)) - tv[i]) for i in range(nv)]
        for b, t in enumerate(S):
            if t[:nv] == v:
                KH[a, b] = _prod(ph, t[nv:])
            if t[nv:] == h:
                KV[a, b] = _prod(pv, t[:nv])
    return KH, KV


def _prod(p: list[Fraction], spins: list[int]) -> Fraction:
    out = Fraction(1)
    for pj, x in zip(p, spins):
        out *= pj if x == 1 else 1 - pj
    return out


def rbm_block_kernel_exact(W: ArrayLike, theta_v: ArrayLike, theta_h: ArrayLike,
                           q: RationalLike) -> np.ndarray:
    """The two-step block Gibbs kernel ``P = K_H K_V`` (``h | v`` first, then ``v | h``;
    spec B7; Lean ``Hopfield.rbmK``; the transition of one step of
    :func:`pyref.rbm.block_gibbs` on the joint state), exact Fractions.

    Parameters
    ----------
    W : array_like, shape (nv, nh)
        Integer visible-hidden couplings.
    theta_v : array_like, shape (nv,)
        Integer visible thresholds.
    theta_h : array_like, shape (nh,)
        Integer hidden thresholds.
    q : int, Fraction or str
        Rational ``q = exp(-beta)`` in ``(0, 1]``.

    Returns
    -------
    numpy.ndarray
        Shape (2**(nv+nh), 2**(nv+nh)), exact Fractions: the stochastic matrix ``P = K_H K_V``
        (spec B7).
    """
    KH, KV = rbm_half_kernels_exact(W, theta_v, theta_h, q)
    return np.asarray(KH @ KV)


def block_min(w: ArrayLike, block: ArrayLike) -> Real:
    """``m_B = min_{t = s off B} K_B(s, t)``, the least nonzero entry of the block kernel
    (spec B7; Lean ``Hopfield.blockMin``).

    Parameters
    ----------
    w : array_like, shape (2**n,)
        Positive target weights on the ``2^n`` joint states (ints or Fractions exact, or
        floats).
    block : array_like of bool, shape (n,)
        The sites of the block ``B`` (True = resampled).

    Returns
    -------
    int, Fraction or float
        ``m_B > 0``, the least entry ``K_B(s, t)`` over the pairs that agree off ``B`` (exact
        for exact ``w``; spec B7).
    """
    K = block_kernel_exact(w, block)
    _, n, _ = check_target(w)
    B = _check_mask(block, n)
    off = sum(1 << i for i in range(n) if not B[i])
    N = 2**n
    key = np.arange(N) & off
    m: Real = min(K[s, t] for s in range(N) for t in range(N) if key[s] == key[t])
    return m


def rbm_doeblin_alpha(W: ArrayLike, theta_v: ArrayLike, theta_h: ArrayLike, q: RationalLike,
                      bound: str = "block") -> Fraction:
    """Doeblin constant of the RBM block Gibbs kernel (spec B7; Lean
    ``Hopfield.rbmK_tv_le_blockMin`` and ``Hopfield.rbmK_tv_le``):
    ``TV(mu P^t, pi) <= (1 - alpha)^t`` with ``alpha = 2^n m_H m_V`` (``bound="block"``) or
    ``alpha = 2^n delta^2``, ``delta = min w / sum w`` (``bound="gibbs"``).

    Parameters
    ----------
    W : array_like, shape (nv, nh)
        Integer visible-hidden couplings.
    theta_v : array_like, shape (nv,)
        Integer visible thresholds.
    theta_h : array_like, shape (nh,)
        Integer hidden thresholds.
    q : int, Fraction or str
        Rational ``q = exp(-beta)`` in ``(0, 1]``.
    bound : {'block', 'gibbs'}
        Which bound: ``2^n m_H m_V`` (block minima) or ``2^n delta^2``.

    Returns
    -------
    fractions.Fraction
        ``alpha`` in ``(0, 1]`` with ``TV(mu P^t, pi) <= (1 - alpha)^t`` for every start ``mu``
        (spec B7).
    """
    _, tv, th = _check_int_rbm(W, theta_v, theta_h)
    nv, nh = len(tv), len(th)
    w = rbm_weights_exact(W, theta_v, theta_h, q)
    n = nv + nh
    if bound == "block":
        H = hidden_mask(nv, nh)
        return Fraction(2**n * block_min(w, H) * block_min(w, ~H))
    if bound == "gibbs":
        delta = min(w) / sum(w, Fraction(0))
        return Fraction(2**n * delta**2)
    raise ValueError(f"bound: got {bound!r}; expected 'block' or 'gibbs'")
