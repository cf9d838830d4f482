"""Restricted Boltzmann machine (bipartite Boltzmann machine) with ``+-1`` units and block
Gibbs sampling (Python-only, checked against the exact enumeration of :mod:`pyref.boltzmann`;
spec B-target).

Visible ``v in {-1,+1}^{nv}``, hidden ``h in {-1,+1}^{nh}``, couplings ``W`` (``nv x nh``),
thresholds ``theta_v``, ``theta_h`` -- the same sign conventions as the Hopfield energy::

    E(v, h) = -v^T W h + theta_v . v + theta_h . h

It is the Boltzmann machine on ``nv + nh`` neurons (visible first) with the symmetric,
zero-diagonal block matrix ``[[0, W], [W^T, 0]]`` (:func:`rbm_to_boltzmann`).  Conditionals
at inverse temperature ``beta``::

    P(h_j = +1 | v) = sigma(2 beta ((W^T v)_j - theta_h_j))
    P(v_i = +1 | h) = sigma(2 beta ((W h)_i - theta_v_i))

and the visible marginal is ``p(v) ∝ exp(-beta F(v))`` with the free energy
``F(v) = theta_v . v - (1/beta) sum_j log(2 cosh(beta ((W^T v)_j - theta_h_j)))``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from .._engine.boltzmann import sigmoid
from .._validate import (
    INT64_SAFE,
    Real,
    SeedLike,
    as_generator,
    check_beta,
    check_finite,
    check_float_array,
    check_nonneg_int,
    check_positive_int,
    check_state,
    check_states,
    check_thresholds,
    check_work,
    finite_output,
)
from ..spec.boltzmann import MAX_ENUM_N, all_states

__all__ = [
    "check_rbm",
    "rbm_energy",
    "rbm_to_boltzmann",
    "rbm_free_energy",
    "rbm_visible_marginal",
    "sample_hidden",
    "sample_visible",
    "block_gibbs",
]


@finite_output
def check_rbm(W: ArrayLike, theta_v: ArrayLike | None = None, theta_h: ArrayLike | None = None
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Validate an RBM: ``W`` 2-D ``(nv, nh)`` finite, thresholds of matching lengths.

    Python-only (spec: RBM sampling), checked against the exact B1-B4 enumeration.

    Parameters
    ----------
    W : array_like, shape (n_visible, n_hidden)
        Couplings.
    theta_v : array_like, shape (n_visible,), or None
        Visible thresholds (``None``: 0).
    theta_h : array_like, shape (n_hidden,), or None
        Hidden thresholds (``None``: 0).

    Returns
    -------
    tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]
        ``(W, theta_v, theta_h)``: validated copies, ``W`` of shape (nv, nh), ``theta_v`` of
        shape (nv,) and ``theta_h`` of shape (nh,) (zeros for ``None``), in the number type of
        the input (int64, object or float64).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    arr = np.asarray(W) if not isinstance(W, np.ndarray) else W
    if arr.ndim != 2 or arr.shape[0] == 0 or arr.shape[1] == 0:
        raise ValueError(f"W: has shape {arr.shape}; expected a 2-D (n_visible, n_hidden) "
                         f"matrix with both sizes >= 1")
    Wv = check_finite(arr, "W")
    tv = check_thresholds(theta_v, Wv.shape[0], "theta_v")
    th = check_thresholds(theta_h, Wv.shape[1], "theta_h")
    if Wv.dtype == np.int64 and \
            max(int(Wv.max()), -int(Wv.min())) * Wv.shape[0] * Wv.shape[1] >= INT64_SAFE:
        Wv = Wv.astype(object)      # v^T W h could overflow int64: exact Python ints
    if Wv.dtype == object or tv.dtype == object or th.dtype == object:
        Wv, tv, th = Wv.astype(object), tv.astype(object), th.astype(object)
    return Wv, tv, th


def _finite_result(x: Any, what: str) -> Any:
    """``x`` if every entry is finite, else ValueError (float overflow of a finite input)."""
    if isinstance(x, (float, np.floating, np.ndarray)) and \
            not np.all(np.isfinite(np.asarray(x, dtype=np.float64))):
        raise ValueError(f"{what} overflows float64 for these inputs; expected weights "
                         f"and thresholds small enough that the sums stay below 1.8e308")
    return x


def _float_params(Wv: np.ndarray, tv: np.ndarray, th: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """float64 copies for the samplers; ValueError when a local field could overflow."""
    Wf = check_float_array(Wv, "W")
    tvf, thf = check_float_array(tv, "theta_v"), check_float_array(th, "theta_h")
    with np.errstate(over="ignore"):
        ok = np.isfinite(np.abs(Wf).sum() + np.abs(tvf).sum() + np.abs(thf).sum())
    if not ok:
        raise ValueError("W, theta_v, theta_h: local fields overflow float64; expected "
                         "sum |W_ij| + sum |theta| below 1.8e308")
    return Wf, tvf, thf


def _logcosh2(x: np.ndarray) -> np.ndarray:
    """``log(2 cosh x)`` without overflow."""
    ax = np.abs(x)
    return ax + np.log1p(np.exp(-2.0 * ax))


@finite_output
def rbm_energy(W: ArrayLike, theta_v: ArrayLike | None, theta_h: ArrayLike | None, v: ArrayLike,
               h: ArrayLike) -> Real:
    """``E(v, h) = -v^T W h + theta_v . v + theta_h . h`` (exact for integer inputs).

    Python-only (spec: RBM sampling), checked against the exact B1-B4 enumeration.

    Parameters
    ----------
    W : array_like, shape (n_visible, n_hidden)
        Couplings.
    theta_v : array_like, shape (n_visible,), or None
        Visible thresholds (``None``: 0).
    theta_h : array_like, shape (n_hidden,), or None
        Hidden thresholds (``None``: 0).
    v : array_like, shape (n_visible,)
        Visible state, +1 / -1.
    h : array_like, shape (n_hidden,)
        Hidden state, +1 / -1.

    Returns
    -------
    int, float or Fraction
        ``E(v, h) = -v^T W h + theta_v . v + theta_h . h``: exact for exact inputs, else a
        finite float.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    Wv, tv, th = check_rbm(W, theta_v, theta_h)
    vv = check_state(v, Wv.shape[0], "v")
    hh = check_state(h, Wv.shape[1], "h")
    if Wv.dtype == object:
        vv, hh = vv.astype(object), hh.astype(object)
    with np.errstate(over="ignore", invalid="ignore"):
        e = -(vv @ Wv @ hh) + tv @ vv + th @ hh
    e = e.item() if isinstance(e, np.generic) else e
    return _finite_result(e, "the energy E(v, h)")


@finite_output
def rbm_to_boltzmann(W: ArrayLike, theta_v: ArrayLike | None = None,
                     theta_h: ArrayLike | None = None
                     ) -> tuple[np.ndarray, np.ndarray]:
    """The equivalent Boltzmann machine on ``nv + nh`` neurons (visible first):
    ``W_full = [[0, W], [W^T, 0]]``, ``theta_full = (theta_v, theta_h)``; its energy
    (spec conventions) equals :func:`rbm_energy`.

    Python-only (spec: RBM sampling), checked against the exact B1-B4 enumeration.

    Parameters
    ----------
    W : array_like, shape (n_visible, n_hidden)
        Couplings.
    theta_v : array_like, shape (n_visible,), or None
        Visible thresholds (``None``: 0).
    theta_h : array_like, shape (n_hidden,), or None
        Hidden thresholds (``None``: 0).

    Returns
    -------
    tuple[numpy.ndarray, numpy.ndarray]
        ``(W_full, theta_full)``: the symmetric zero-diagonal (nv + nh, nv + nh) matrix
        ``[[0, W], [W^T, 0]]`` and the thresholds ``(theta_v, theta_h)`` of shape (nv + nh,),
        visible neurons first.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    Wv, tv, th = check_rbm(W, theta_v, theta_h)
    nv, nh = Wv.shape
    dt = np.result_type(Wv, tv, th)
    F = np.zeros((nv + nh, nv + nh), dtype=dt)
    F[:nv, nv:] = Wv
    F[nv:, :nv] = Wv.T
    return F, np.concatenate([tv, th]).astype(dt)


@finite_output
def rbm_free_energy(W: ArrayLike, theta_v: ArrayLike | None, theta_h: ArrayLike | None,
                    v: ArrayLike, beta: float = 1.0) -> float:
    """Free energy ``F(v) = theta_v . v - (1/beta) sum_j log(2 cosh(beta x_j))`` with
    ``x = W^T v - theta_h``: ``sum_h exp(-beta E(v, h)) = exp(-beta F(v))``.

    Python-only (spec: RBM sampling), checked against the exact B1-B4 enumeration.

    Parameters
    ----------
    W : array_like, shape (n_visible, n_hidden)
        Couplings.
    theta_v : array_like, shape (n_visible,), or None
        Visible thresholds (``None``: 0).
    theta_h : array_like, shape (n_hidden,), or None
        Hidden thresholds (``None``: 0).
    v : array_like, shape (n_visible,)
        Visible state, +1 / -1.
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    float
        ``F(v) = theta_v . v - (1/beta) sum_j log(2 cosh(beta x_j))``, ``x = W^T v - theta_h``
        (finite).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    Wv, tv, th = check_rbm(W, theta_v, theta_h)
    vv = check_state(v, Wv.shape[0], "v").astype(np.float64)
    Wf, tvf, thf = _float_params(Wv, tv, th)
    with np.errstate(over="ignore", invalid="ignore"):
        x = vv @ Wf - thf
        f = float(tvf @ vv - _logcosh2(beta * x).sum() / beta)
    return float(_finite_result(f, "the free energy F(v)"))


@finite_output
def rbm_visible_marginal(W: ArrayLike, theta_v: ArrayLike | None, theta_h: ArrayLike | None,
                         beta: float = 1.0) -> np.ndarray:
    """Exact visible marginal ``p(v)`` over all ``2^nv`` visible states (enumeration order
    of :func:`pyref.boltzmann.all_states`), from the free energy, log-sum-exp stable.

    Python-only (spec: RBM sampling), checked against the exact B1-B4 enumeration.

    Parameters
    ----------
    W : array_like, shape (n_visible, n_hidden)
        Couplings.
    theta_v : array_like, shape (n_visible,), or None
        Visible thresholds (``None``: 0).
    theta_h : array_like, shape (n_hidden,), or None
        Hidden thresholds (``None``: 0).
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    numpy.ndarray
        float64 of shape (2**nv,): ``p(v) = exp(-beta F(v)) / sum_v' exp(-beta F(v'))`` in the
        order of :func:`pyref.boltzmann.all_states`, summing to 1.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    Wv, tv, th = check_rbm(W, theta_v, theta_h)
    if Wv.shape[0] > MAX_ENUM_N:
        raise ValueError(f"W: n_visible = {Wv.shape[0]}; enumeration is limited to "
                         f"n <= {MAX_ENUM_N}")
    V = all_states(Wv.shape[0]).astype(np.float64)
    Wf, tvf, thf = _float_params(Wv, tv, th)
    with np.errstate(over="ignore", invalid="ignore"):
        X = V @ Wf - thf
        logw = -beta * (V @ tvf) + _logcosh2(beta * X).sum(axis=1)
    _finite_result(logw, "the log weights -beta F(v)")
    p = np.exp(logw - logw.max())
    return p / p.sum()


@finite_output
def sample_hidden(W: ArrayLike, theta_h: ArrayLike | None, V: ArrayLike, beta: float,
                  seed: SeedLike = None) -> np.ndarray:
    """Sample ``h`` given visible states ``V`` (``(B, nv)`` or ``(nv,)``):
    ``P(h_j = +1 | v) = sigma(2 beta ((W^T v)_j - theta_h_j))``.

    Python-only (spec: RBM sampling), checked against the exact B1-B4 enumeration.

    Parameters
    ----------
    W : array_like, shape (n_visible, n_hidden)
        Couplings.
    theta_h : array_like, shape (n_hidden,), or None
        Hidden thresholds (``None``: 0).
    V : array_like, shape (B, n_visible) or (n_visible,)
        Visible states.
    beta : float > 0
        Inverse temperature.
    seed : None, int >= 0 or numpy.random.Generator
        Source of all randomness: ``None`` draws fresh OS entropy (not reproducible), an int gives
        a reproducible stream, a Generator is used as is and advanced in place.

    Returns
    -------
    numpy.ndarray
        int64 +1/-1 hidden states, shape (B, nh) (or (nh,) for one visible state), each
        ``h_j = +1`` with probability ``sigma(2 beta ((W^T v)_j - theta_h_j))``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    Wv, tv, th = check_rbm(W, None, theta_h)
    Wf, _, thf = _float_params(Wv, tv, th)
    rng = as_generator(seed)
    arr = np.asarray(V)
    single = arr.ndim == 1
    Vs = check_states(arr[None] if single else arr, Wv.shape[0], "V").astype(np.float64)
    p = sigmoid(2.0 * beta * (Vs @ Wf - thf))
    H = np.where(rng.random(p.shape) < p, 1, -1).astype(np.int64)
    return H[0] if single else H


@finite_output
def sample_visible(W: ArrayLike, theta_v: ArrayLike | None, H: ArrayLike, beta: float,
                   seed: SeedLike = None) -> np.ndarray:
    """Sample ``v`` given hidden states ``H`` (``(B, nh)`` or ``(nh,)``):
    ``P(v_i = +1 | h) = sigma(2 beta ((W h)_i - theta_v_i))``.

    Python-only (spec: RBM sampling), checked against the exact B1-B4 enumeration.

    Parameters
    ----------
    W : array_like, shape (n_visible, n_hidden)
        Couplings.
    theta_v : array_like, shape (n_visible,), or None
        Visible thresholds (``None``: 0).
    H : array_like, shape (B, n_hidden) or (n_hidden,)
        Hidden states.
    beta : float > 0
        Inverse temperature.
    seed : None, int >= 0 or numpy.random.Generator
        Source of all randomness: ``None`` draws fresh OS entropy (not reproducible), an int gives
        a reproducible stream, a Generator is used as is and advanced in place.

    Returns
    -------
    numpy.ndarray
        int64 +1/-1 visible states, shape (B, nv) (or (nv,) for one hidden state), each
        ``v_i = +1`` with probability ``sigma(2 beta ((W h)_i - theta_v_i))``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    Wv, tv, th = check_rbm(W, theta_v, None)
    Wf, tvf, _ = _float_params(Wv, tv, th)
    rng = as_generator(seed)
    arr = np.asarray(H)
    single = arr.ndim == 1
    Hs = check_states(arr[None] if single else arr, Wv.shape[1], "H").astype(np.float64)
    p = sigmoid(2.0 * beta * (Hs @ Wf.T - tvf))
    V = np.where(rng.random(p.shape) < p, 1, -1).astype(np.int64)
    return V[0] if single else V


@finite_output
def block_gibbs(W: ArrayLike, theta_v: ArrayLike | None, theta_h: ArrayLike | None, beta: float, *,
                n_steps: int,
                n_chains: int = 1, v0: ArrayLike | None = None, seed: SeedLike = None,
                burn_in: int = 0,
                progress: Callable[[int, int], None] | None = None
                ) -> tuple[np.ndarray, np.ndarray]:
    """Block Gibbs sampling ``v -> h ~ P(h|v) -> v ~ P(v|h)`` for ``n_chains`` parallel
    chains (vectorised); the joint chain has stationary law ``∝ exp(-beta E(v, h))``.

    Parameters
    ----------
    W : array_like, shape (n_visible, n_hidden)
        Couplings.
    theta_v : array_like, shape (n_visible,), or None
        Visible thresholds (``None``: 0).
    theta_h : array_like, shape (n_hidden,), or None
        Hidden thresholds (``None``: 0).
    beta : float > 0
        Inverse temperature.
    n_steps : int >= 1
        Number of recorded steps.
    n_chains : int >= 1
        Number of parallel chains.
    v0 : array_like, shape (n_visible,) or (n_chains, n_visible), or None
        Initial visible states; ``None`` draws them uniformly from ``seed``.
    seed : None, int >= 0 or numpy.random.Generator
        Source of all randomness: ``None`` draws fresh OS entropy (not reproducible), an int gives
        a reproducible stream, a Generator is used as is and advanced in place.
    burn_in : int >= 0
        Sweeps/steps discarded before recording.
    progress : callable(done, total) or None
        Called after each sweep/step.

    Returns
    -------
    ``(V, H)``: ``(n_steps, n_chains, nv)`` and ``(n_steps, n_chains, nh)`` int8 samples
    after ``burn_in`` steps; step ``t`` records the pair ``(v_t, h_t)`` with ``h_t`` drawn
    given ``v_{t-1}`` and ``v_t`` given ``h_t``.

    Python-only (spec: RBM sampling), checked against the exact B1-B4 enumeration.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    Wv, tv, th = check_rbm(W, theta_v, theta_h)
    n_steps = check_positive_int(n_steps, "n_steps")
    n_chains = check_positive_int(n_chains, "n_chains")
    burn_in = check_nonneg_int(burn_in, "burn_in")
    rng = as_generator(seed)
    nv, nh = Wv.shape
    check_work(burn_in + n_steps, "burn_in + n_steps",
               (burn_in + n_steps) * n_chains * nv * nh,
               "(burn_in + n_steps) * n_chains * n_visible * n_hidden")
    Wf, tvf, thf = _float_params(Wv, tv, th)
    if v0 is None:
        V = rng.choice(np.array([-1.0, 1.0]), size=(n_chains, nv))
    else:
        arr = np.asarray(v0)
        V = (np.tile(check_state(arr, nv, "v0"), (n_chains, 1)) if arr.ndim == 1
             else check_states(arr, nv, "v0")).astype(np.float64)
        if V.shape[0] != n_chains:
            raise ValueError(f"v0: has {V.shape[0]} states; expected 1 or n_chains = "
                             f"{n_chains}")
    outV = np.empty((n_steps, n_chains, nv), dtype=np.int8)
    outH = np.empty((n_steps, n_chains, nh), dtype=np.int8)
    total = burn_in + n_steps
    for t in range(total):
        ph = sigmoid(2.0 * beta * (V @ Wf - thf))
        Hs = np.where(rng.random(ph.shape) < ph, 1.0, -1.0)
        pv = sigmoid(2.0 * beta * (Hs @ Wf.T - tvf))
        V = np.where(rng.random(pv.shape) < pv, 1.0, -1.0)
        if t >= burn_in:
            outV[t - burn_in] = V
            outH[t - burn_in] = Hs
        if progress is not None:
            progress(t + 1, total)
    return outV, outH
