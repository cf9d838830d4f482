"""Training restricted Boltzmann machines: exact likelihood for small sizes, exact
gradient, CD-k and persistent CD (Python-only, property-tested, not Lean-proved).

Conventions are those of :mod:`pyref.rbm` (spec sign conventions, ``+-1`` units): visible
``v in {-1,+1}^nv``, hidden ``h in {-1,+1}^nh``, ``W`` of shape ``(nv, nh)``::

    E(v, h) = -v^T W h + theta_v . v + theta_h . h,      p(v, h) ∝ exp(-beta E(v, h)).

Free energy (``sum_h exp(-beta E(v, h)) = exp(-beta F(v))``, ``x = W^T v - theta_h``)::

    F(v) = theta_v . v - (1/beta) sum_j log(2 cosh(beta x_j)),

and symmetrically ``G(h) = theta_h . h - (1/beta) sum_i log(2 cosh(beta (W h - theta_v)_i))``
summing out ``v``.  ``log Z`` enumerates the smaller layer (``min(nv, nh) <= MAX_ENUM_N``).
Average log-likelihood ``L = -beta <F>_data - log Z`` and its gradient (``E[h | v] =
tanh(beta x)``; derived from ``d(-beta F)/dW_ij = beta v_i tanh(beta x_j)``)::

    dL/dW       =  beta (<v h^T>_data - <v h^T>_model),   h -> E[h | v] in the data term
    dL/dtheta_v = -beta (<v>_data - <v>_model)
    dL/dtheta_h = -beta (<h>_data - <h>_model).

CD-k replaces the model term by the statistics after ``k`` block-Gibbs steps
(:func:`pyref.rbm.block_gibbs`) started at the mini-batch; persistent CD (PCD, "stochastic
maximum likelihood") keeps the chains across updates.  Both use ``E[h | v]`` in place of
sampled hiddens in the statistics (Rao-Blackwellised), as scikit-learn's ``BernoulliRBM``
does.

``{0,1}`` units (scikit-learn's ``BernoulliRBM``: ``p(v, h) ∝ exp(v^T W01 h + b.v + c.h)``,
``W01 = components_.T``) describe exactly the same visible laws after ``v01 = (v + 1)/2``,
``h01 = (h + 1)/2`` and the parameter map of :func:`binary_to_pm1` /
:func:`pm1_to_binary`.  ``geometry="binary"`` makes the training step a gradient step in
the ``{0,1}`` parameters (the same update rule as ``BernoulliRBM``), ``geometry="pm1"`` in
the ``+-1`` parameters; the two are different parametrisations of one model family.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike

from .._validate import (
    SeedLike,
    as_generator,
    check_beta,
    check_finite,
    check_nonneg_int,
    check_positive_int,
    check_work,
    finite_output,
)
from ..spec.boltzmann import MAX_ENUM_N, all_states
from .bm_learning import StderrProgress, check_data
from .rbm import block_gibbs, check_rbm

__all__ = [
    "to_pm1",
    "to_binary",
    "pm1_to_binary",
    "binary_to_pm1",
    "rbm_free_energies",
    "rbm_log_partition",
    "rbm_log_likelihood",
    "rbm_model_statistics",
    "rbm_model_statistics_gibbs",
    "rbm_log_likelihood_gradient",
    "cd_gradient",
    "RBMTrainResult",
    "train_rbm",
]

_Params = tuple[np.ndarray, np.ndarray, np.ndarray]


# --------------------------------------------------------------------------- conventions

@finite_output
def to_pm1(X: ArrayLike, name: str = "data") -> np.ndarray:
    """Map ``{0,1}`` data to ``+-1`` (``s = 2x - 1``); ValueError for any other value.

    Parameters
    ----------
    X : array_like
        Data (rows).
    name : str
        Argument name used in error messages.

    Returns
    -------
    numpy.ndarray
        int64 ``s = 2x - 1`` (+1/-1), same shape as ``X``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    arr = np.asarray(X) if not isinstance(X, np.ndarray) else X
    if arr.size == 0:
        raise ValueError(f"{name}: the data set is empty (shape {arr.shape}); expected at "
                         f"least one sample")
    if arr.dtype.kind not in "biuf":
        raise ValueError(f"{name}: dtype {arr.dtype} is not numeric; expected 0/1 values")
    ok = (arr == 0) | (arr == 1)
    if not np.all(ok):
        bad = tuple(int(b) for b in np.argwhere(~ok)[0])
        raise ValueError(f"{name}: entry at index {bad} is {arr[bad]!r}; expected every "
                         f"entry to be 0 or 1")
    return np.where(arr == 1, 1, -1).astype(np.int64)


@finite_output
def to_binary(S: ArrayLike, name: str = "data") -> np.ndarray:
    """Map ``+-1`` states to ``{0,1}`` (``x = (s + 1) / 2``), validated.

    Parameters
    ----------
    S : ArrayLike
        See the summary above.
    name : str
        Argument name used in error messages.

    Returns
    -------
    numpy.ndarray
        int64 ``x = (s + 1) / 2`` (0/1), same shape as ``S``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    return ((check_data(S, name=name) + 1) // 2).astype(np.int64)


def _floats(W: ArrayLike, tv: ArrayLike | None, th: ArrayLike | None) -> _Params:
    Wv, a, b = check_rbm(W, tv, th)
    return Wv.astype(np.float64), a.astype(np.float64), b.astype(np.float64)


@finite_output
def pm1_to_binary(W: ArrayLike, theta_v: ArrayLike | None, theta_h: ArrayLike | None,
                  beta: float = 1.0) -> _Params:
    """``+-1`` parameters at inverse temperature ``beta`` -> ``{0,1}`` parameters
    ``(W01, b, c)`` of the same visible law (``p ∝ exp(v01^T W01 h01 + b.v01 + c.h01)``)::

        W01 = 4 beta W,  b = -2 beta (theta_v + W 1),  c = -2 beta (theta_h + W^T 1).

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
    tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]
        ``(W01, b, c)`` float64: ``4 beta W`` (nv, nh), ``-2 beta (theta_v + W 1)`` (nv,),
        ``-2 beta (theta_h + W^T 1)`` (nh,).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    return _to_binary_params(_floats(W, theta_v, theta_h), check_beta(beta))


def _to_binary_params(P: _Params, beta: float) -> _Params:
    Wf, tv, th = P
    return 4 * beta * Wf, -2 * beta * (tv + Wf.sum(axis=1)), -2 * beta * (th + Wf.sum(axis=0))


@finite_output
def binary_to_pm1(W01: ArrayLike, b: ArrayLike, c: ArrayLike, beta: float = 1.0) -> _Params:
    """Inverse of :func:`pm1_to_binary`::

        W = W01 / (4 beta),  theta_v = -(b/2 + W01 1/4) / beta,
        theta_h = -(c/2 + W01^T 1/4) / beta.

    (Expand ``v01 = (v+1)/2``, ``h01 = (h+1)/2`` in ``v01^T W01 h01 + b.v01 + c.h01`` and
    match ``-beta E(v, h)`` up to a constant.)

    Parameters
    ----------
    W01 : array_like, shape (n_visible, n_hidden)
        {0,1} couplings.
    b : array_like, shape (n_visible,)
        {0,1} visible biases.
    c : array_like, shape (n_hidden,)
        {0,1} hidden biases.
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]
        ``(W, theta_v, theta_h)`` float64 of shapes (nv, nh), (nv,), (nh,): the ``+-1``
        parameters of the same visible law at ``beta``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    return _to_pm1_params(_floats(W01, b, c), check_beta(beta))


def _to_pm1_params(Q: _Params, beta: float) -> _Params:
    Wf, bb, cc = Q
    return (Wf / (4 * beta), -(bb / 2 + Wf.sum(axis=1) / 4) / beta,
            -(cc / 2 + Wf.sum(axis=0) / 4) / beta)


# --------------------------------------------------------------------------- exact

def _logcosh2(x: np.ndarray) -> np.ndarray:
    ax = np.abs(x)
    return ax + np.log1p(np.exp(-2.0 * ax))


def _lse(x: np.ndarray) -> float:
    mx = x.max()
    return float(mx + np.log(np.exp(x - mx).sum()))


def _neg_beta_F(P: _Params, V: np.ndarray, beta: float) -> np.ndarray:
    Wf, tv, th = P
    return -beta * (V @ tv) + _logcosh2(beta * (V @ Wf - th)).sum(axis=1)


def _neg_beta_G(P: _Params, H: np.ndarray, beta: float) -> np.ndarray:
    Wf, tv, th = P
    return -beta * (H @ th) + _logcosh2(beta * (H @ Wf.T - tv)).sum(axis=1)


def _check_small(P: _Params) -> None:
    nv, nh = P[0].shape
    if min(nv, nh) > MAX_ENUM_N:
        raise ValueError(f"W: shape {P[0].shape}; exact RBM quantities enumerate the smaller "
                         f"layer, limited to min(n_visible, n_hidden) <= {MAX_ENUM_N}")


def _log_z(P: _Params, beta: float) -> float:
    nv, nh = P[0].shape
    if nv <= nh:
        return _lse(_neg_beta_F(P, all_states(nv).astype(np.float64), beta))
    return _lse(_neg_beta_G(P, all_states(nh).astype(np.float64), beta))


@finite_output
def rbm_free_energies(W: ArrayLike, theta_v: ArrayLike | None, theta_h: ArrayLike | None,
                      V: ArrayLike,
                      beta: float = 1.0) -> np.ndarray:
    """Free energies ``F(v)`` of a batch ``V`` of shape ``(B, nv)`` (vectorised form of
    :func:`pyref.rbm.rbm_free_energy`; overflow-free ``log 2cosh``).

    Parameters
    ----------
    W : array_like, shape (n_visible, n_hidden)
        Couplings.
    theta_v : array_like, shape (n_visible,), or None
        Visible thresholds (``None``: 0).
    theta_h : array_like, shape (n_hidden,), or None
        Hidden thresholds (``None``: 0).
    V : array_like, shape (B, n_visible)
        Visible states, +1 / -1.
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    numpy.ndarray
        float64 of shape (B,): ``F(v)`` of every row of ``V``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    P = _floats(W, theta_v, theta_h)
    Vs = check_data(V, P[0].shape[0], "V").astype(np.float64)
    return -_neg_beta_F(P, Vs, beta) / beta


@finite_output
def rbm_log_partition(W: ArrayLike, theta_v: ArrayLike | None, theta_h: ArrayLike | None,
                      beta: float = 1.0) -> float:
    """``log Z = log sum_{v,h} exp(-beta E(v, h))``, enumerating the smaller layer with the
    free energy ``F`` (visible) or ``G`` (hidden), log-sum-exp stable.

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
    float
        ``log Z = log sum_{v,h} exp(-beta E(v, h))`` (finite).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    P = _floats(W, theta_v, theta_h)
    _check_small(P)
    return _log_z(P, beta)


@finite_output
def rbm_log_likelihood(W: ArrayLike, theta_v: ArrayLike | None, theta_h: ArrayLike | None,
                       data: ArrayLike,
                       beta: float = 1.0) -> float:
    """Exact average log-likelihood ``(1/M) sum_d log p(v^(d)) = -beta <F>_data - log Z``
    of ``+-1`` visible data of shape ``(M, nv)``.

    Parameters
    ----------
    W : array_like, shape (n_visible, n_hidden)
        Couplings.
    theta_v : array_like, shape (n_visible,), or None
        Visible thresholds (``None``: 0).
    theta_h : array_like, shape (n_hidden,), or None
        Hidden thresholds (``None``: 0).
    data : array_like, shape (M, n_visible)
        Training visible states.
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    float
        ``-beta <F>_data - log Z <= 0``, the average of ``log p(v^(d))`` over the data.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    P = _floats(W, theta_v, theta_h)
    _check_small(P)
    Vs = check_data(data, P[0].shape[0]).astype(np.float64)
    return float(_neg_beta_F(P, Vs, beta).mean() - _log_z(P, beta))


def _phase_stats(P: _Params, V: np.ndarray, beta: float, w: np.ndarray | None = None
                 ) -> _Params:
    """``(<v E[h|v]^T>, <v>, <E[h|v]>)`` over the rows of ``V`` (weights ``w`` or mean)."""
    Wf, _, th = P
    Hm = np.tanh(beta * (V @ Wf - th))
    if w is None:
        w = np.full(V.shape[0], 1.0 / V.shape[0])
    return V.T @ (w[:, None] * Hm), w @ V, w @ Hm


def _model_stats(P: _Params, beta: float) -> _Params:
    Wf, tv, _ = P
    nv, nh = Wf.shape
    if nv <= nh:
        V = all_states(nv).astype(np.float64)
        x = _neg_beta_F(P, V, beta)
        p = np.exp(x - x.max())
        return _phase_stats(P, V, beta, p / p.sum())
    H = all_states(nh).astype(np.float64)
    x = _neg_beta_G(P, H, beta)
    p = np.exp(x - x.max())
    p /= p.sum()
    Vm = np.tanh(beta * (H @ Wf.T - tv))
    return Vm.T @ (p[:, None] * H), p @ Vm, p @ H


@finite_output
def rbm_model_statistics(W: ArrayLike, theta_v: ArrayLike | None, theta_h: ArrayLike | None,
                         beta: float = 1.0) -> _Params:
    """Exact model moments ``(<v h^T>, <v>, <h>)`` (enumerating the smaller layer and
    averaging the other one out exactly: ``E[h | v] = tanh(beta (W^T v - theta_h))``,
    ``E[v | h] = tanh(beta (W h - theta_v))``).

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
    tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]
        ``(<v h^T>, <v>, <h>)`` float64 of shapes (nv, nh), (nv,), (nh,), exact up to rounding.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    P = _floats(W, theta_v, theta_h)
    _check_small(P)
    return _model_stats(P, beta)


@finite_output
def rbm_model_statistics_gibbs(W: ArrayLike, theta_v: ArrayLike | None, theta_h: ArrayLike | None,
                               beta: float = 1.0, *,
                               n_chains: int = 100, n_steps: int = 50, burn_in: int = 20,
                               v0: ArrayLike | None = None, seed: SeedLike = None) -> _Params:
    """Estimated model moments from :func:`pyref.rbm.block_gibbs` (``n_chains`` chains,
    ``burn_in`` steps dropped, ``n_steps`` recorded), with ``E[h | v]`` for the hiddens.

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
    n_chains : int >= 1
        Number of parallel chains.
    n_steps : int >= 1
        Number of recorded steps.
    burn_in : int >= 0
        Sweeps/steps discarded before recording.
    v0 : array_like, shape (n_visible,) or (n_chains, n_visible), or None
        Initial visible states; ``None`` draws them uniformly from ``seed``.
    seed : None, int >= 0 or numpy.random.Generator
        Source of all randomness: ``None`` draws fresh OS entropy (not reproducible), an int gives
        a reproducible stream, a Generator is used as is and advanced in place.

    Returns
    -------
    tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]
        Estimates of ``(<v h^T>, <v>, <h>)``, float64 of shapes (nv, nh), (nv,), (nh,).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    P = _floats(W, theta_v, theta_h)
    V, _ = block_gibbs(P[0], P[1], P[2], beta, n_steps=n_steps, n_chains=n_chains, v0=v0,
                       seed=seed, burn_in=burn_in)
    return _phase_stats(P, V.reshape(-1, P[0].shape[0]).astype(np.float64), beta)


def _grad_pm1(beta: float, pos: _Params, neg: _Params) -> _Params:
    return (beta * (pos[0] - neg[0]), -beta * (pos[1] - neg[1]), -beta * (pos[2] - neg[2]))


@finite_output
def rbm_log_likelihood_gradient(W: ArrayLike, theta_v: ArrayLike | None, theta_h: ArrayLike | None,
                                data: ArrayLike,
                                beta: float = 1.0) -> _Params:
    """Exact gradient ``(dL/dW, dL/dtheta_v, dL/dtheta_h)`` of :func:`rbm_log_likelihood`
    (formulas in the module docstring).

    Parameters
    ----------
    W : array_like, shape (n_visible, n_hidden)
        Couplings.
    theta_v : array_like, shape (n_visible,), or None
        Visible thresholds (``None``: 0).
    theta_h : array_like, shape (n_hidden,), or None
        Hidden thresholds (``None``: 0).
    data : array_like, shape (M, n_visible)
        Training visible states.
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]
        ``(dL/dW, dL/dtheta_v, dL/dtheta_h)`` float64 of shapes (nv, nh), (nv,), (nh,).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    P = _floats(W, theta_v, theta_h)
    _check_small(P)
    Vs = check_data(data, P[0].shape[0]).astype(np.float64)
    return _grad_pm1(beta, _phase_stats(P, Vs, beta), _model_stats(P, beta))


@finite_output
def cd_gradient(W: ArrayLike, theta_v: ArrayLike | None, theta_h: ArrayLike | None,
                batch: ArrayLike,
                beta: float = 1.0, *,
                k: int = 1, chains: ArrayLike | None = None, seed: SeedLike = None
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """CD-k estimate of the gradient on a mini-batch: the model term is replaced by the
    statistics of ``k`` block-Gibbs steps started at ``batch`` (``chains=None``, CD-k) or
    at the persistent ``chains`` (PCD).  Returns ``(dW, dtheta_v, dtheta_h,
    new_chains)``.

    Parameters
    ----------
    W : array_like, shape (n_visible, n_hidden)
        Couplings.
    theta_v : array_like, shape (n_visible,), or None
        Visible thresholds (``None``: 0).
    theta_h : array_like, shape (n_hidden,), or None
        Hidden thresholds (``None``: 0).
    batch : array_like, shape (B, n_visible)
        Mini-batch of visible states.
    beta : float > 0
        Inverse temperature.
    k : int >= 1
        Gibbs steps per estimate (CD-k).
    chains : array_like or None
        Persistent chain states (``None``: start from the batch).
    seed : None, int >= 0 or numpy.random.Generator
        Source of all randomness: ``None`` draws fresh OS entropy (not reproducible), an int gives
        a reproducible stream, a Generator is used as is and advanced in place.

    Returns
    -------
    tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray, numpy.ndarray]
        ``(dW, dtheta_v, dtheta_h, new_chains)``: the CD-k (PCD) estimate, float64 of shapes
        (nv, nh), (nv,), (nh,), and the int64 chain states after the ``k`` steps, shape (B, nv)
        (pass back as ``chains`` for PCD).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    k = check_positive_int(k, "k")
    P = _floats(W, theta_v, theta_h)
    Vb = check_data(batch, P[0].shape[0], "batch").astype(np.float64)
    start = Vb if chains is None else check_data(chains, P[0].shape[0], "chains")
    Vn = _run_chains(P, start, beta, k, as_generator(seed))
    g = _grad_pm1(beta, _phase_stats(P, Vb, beta), _phase_stats(P, Vn, beta))
    return g[0], g[1], g[2], Vn.astype(np.int64)


def _run_chains(P: _Params, start: np.ndarray, beta: float, k: int,
                rng: np.random.Generator) -> np.ndarray:
    V, _ = block_gibbs(P[0], P[1], P[2], beta, n_steps=1, n_chains=start.shape[0],
                       v0=start, seed=rng, burn_in=k - 1)
    return V[-1].astype(np.float64)


# --------------------------------------------------------------------------- training

@dataclass
class RBMTrainResult:
    """Outcome of :func:`train_rbm` (``+-1`` parameters at the given ``beta``).

    ``log_likelihood[e]``: exact average log-likelihood after ``e`` epochs (entry 0 =
    initial parameters) when monitored; ``grad_norm[e]``: max-abs entry of the
    epoch-averaged (estimated) gradient; ``converged``: the stopping rule fired."""
    W: np.ndarray
    theta_v: np.ndarray
    theta_h: np.ndarray
    log_likelihood: list[float] = field(default_factory=list)
    grad_norm: list[float] = field(default_factory=list)
    n_epochs: int = 0
    converged: bool = False
    seconds: float = 0.0


def _check_number(x: object, name: str, *, positive: bool) -> float:
    if isinstance(x, bool) or not isinstance(x, (int, float, np.integer, np.floating)) \
            or not np.isfinite(x) or (x <= 0 if positive else x < 0):
        raise ValueError(f"{name}: got {x!r}; expected a finite number "
                         f"{'> 0' if positive else '>= 0'}")
    return float(x)


@finite_output
def train_rbm(data: ArrayLike, n_hidden: int, *, method: str = "pcd", k: int = 1,
              lr: float = 0.05, n_epochs: int = 20, batch_size: int = 10,
              beta: float = 1.0, geometry: str = "pm1", shuffle: bool = True,
              W0: ArrayLike | None = None, theta_v0: ArrayLike | None = None,
              theta_h0: ArrayLike | None = None,
              init_scale: float = 0.01, tol: float = 0.0, seed: SeedLike = None,
              monitor: bool | None = None, progress: bool = False) -> RBMTrainResult:
    """Train an RBM on ``+-1`` data ``(M, nv)`` by gradient ascent with a fixed step.

    ``method``: ``"cd"`` (CD-k from each mini-batch), ``"pcd"`` (``batch_size`` persistent
    chains, started at the first mini-batch) or ``"exact"`` (one full-batch exact gradient
    step per epoch; small models).  ``geometry="pm1"`` steps in the ``+-1`` parameters,
    ``"binary"`` in the ``{0,1}`` parameters of :func:`pm1_to_binary` (scikit-learn's
    update; the binary gradient is independent of ``beta``).  Initial ``W`` is
    ``N(0, init_scale^2)`` (thresholds 0) unless given.  Stopping rule: stop when the
    max-abs epoch-averaged gradient is ``<= tol`` (``tol=0``: run all ``n_epochs``).
    ``monitor`` (default: when ``min(nv, n_hidden) <= 16``) records the exact
    log-likelihood after every epoch; ``progress=True`` draws a bar on stderr.

    Parameters
    ----------
    data : array_like, shape (M, n_visible)
        Training visible states.
    n_hidden : int >= 1
        Number of hidden units.
    method : str
        Estimator of the model term (see the summary for the choices).
    k : int >= 1
        Gibbs steps per estimate (CD-k).
    lr : float > 0 or None
        Learning rate (``None``: the documented safe default).
    n_epochs : int >= 1
        Number of passes over the data.
    batch_size : int >= 1
        Mini-batch size.
    beta : float > 0
        Inverse temperature.
    geometry : str
        Memory geometry (see the summary).
    shuffle : bool
        Shuffle the data every epoch (from ``seed``).
    W0 : array_like or None
        Initial weights (``None``: the method's default start).
    theta_v0 : array_like or None
        Initial visible thresholds (``None``: zeros).
    theta_h0 : array_like or None
        Initial hidden thresholds (``None``: zeros).
    init_scale : float > 0
        Scale of the random initial weights.
    tol : float >= 0
        Stopping tolerance.
    seed : None, int >= 0 or numpy.random.Generator
        Source of all randomness: ``None`` draws fresh OS entropy (not reproducible), an int gives
        a reproducible stream, a Generator is used as is and advanced in place.
    monitor : bool or None
        Record the exact log-likelihood per step (``None``: when exact enumeration is cheap).
    progress : callable(done, total) or None
        Called after each sweep/step.

    Returns
    -------
    RBMTrainResult
        The learned ``+-1`` parameters ``W`` (nv, nh), ``theta_v`` (nv,), ``theta_h`` (nh,) at
        ``beta``, the monitored log-likelihoods, the gradient norm per epoch, the number of
        epochs, whether the stopping rule fired, and the wall time.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    S = check_data(data).astype(np.float64)
    M, nv = S.shape
    nh = check_positive_int(n_hidden, "n_hidden")
    if method not in ("cd", "pcd", "exact"):
        raise ValueError(f"method: got {method!r}; expected 'cd', 'pcd' or 'exact'")
    if geometry not in ("pm1", "binary"):
        raise ValueError(f"geometry: got {geometry!r}; expected 'pm1' or 'binary'")
    k = check_positive_int(k, "k")
    lr = _check_number(lr, "lr", positive=True)
    tol = _check_number(tol, "tol", positive=False)
    init_scale = _check_number(init_scale, "init_scale", positive=False)
    n_epochs = check_nonneg_int(n_epochs, "n_epochs")
    batch_size = min(check_positive_int(batch_size, "batch_size"), M)
    n_batches = 1 if method == "exact" else -(-M // batch_size)
    steps = n_epochs * n_batches * (1 if method == "exact" else k)
    check_work(steps, "n_epochs * ceil(M / batch_size) * k", steps * batch_size * nv * nh,
               "n_epochs * ceil(M / batch_size) * k * batch_size * n_visible * n_hidden")
    rng = as_generator(seed)
    if W0 is None:
        W0 = rng.normal(0.0, init_scale, size=(nv, nh))
    Wv = check_finite(W0, "W0")
    if Wv.shape != (nv, nh):
        raise ValueError(f"W0: has shape {Wv.shape}; expected ({nv}, {nh}) = (n_visible of "
                         f"the data, n_hidden)")
    P = _floats(Wv, theta_v0, theta_h0)
    monitor = (min(nv, nh) <= 16) if monitor is None else bool(monitor)
    if monitor or method == "exact":
        _check_small(P)
    res = RBMTrainResult(*P)
    if monitor:
        res.log_likelihood.append(float(_neg_beta_F(P, S, beta).mean() - _log_z(P, beta)))
    bar = StderrProgress(f"train_rbm[{method}]", enabled=progress)
    chains = S[:batch_size].copy() if method == "pcd" else None
    t0 = time.perf_counter()
    for epoch in range(n_epochs):
        order = rng.permutation(M) if shuffle else np.arange(M)
        if method == "exact":
            batches = [np.arange(M)]
        else:
            batches = [order[i:i + batch_size] for i in range(0, M, batch_size)]
        acc = [np.zeros_like(x) for x in P]
        for idx in batches:
            Vb = S[idx]
            pos = _phase_stats(P, Vb, beta)
            if method == "exact":
                neg = _model_stats(P, beta)
            else:
                start = Vb if method == "cd" or chains is None else chains
                Vn = _run_chains(P, start, beta, k, rng)
                if method == "pcd":
                    chains = Vn
                neg = _phase_stats(P, Vn, beta)
            g = _grad_pm1(beta, pos, neg)
            for a, x in zip(acc, g):
                a += x * (len(idx) / M)
            P = _step(P, pos, neg, g, lr, beta, geometry)
        gn = float(max(np.abs(a).max() for a in acc))
        res.grad_norm.append(gn)
        res.n_epochs = epoch + 1
        if monitor:
            res.log_likelihood.append(float(_neg_beta_F(P, S, beta).mean() - _log_z(P, beta)))
        bar(epoch + 1, n_epochs, f"L={res.log_likelihood[-1]:.4f}" if monitor
            else f"|g|={gn:.2e}")
        if gn <= tol:
            res.converged = True
            break
    bar.close()
    res.W, res.theta_v, res.theta_h = P
    res.seconds = time.perf_counter() - t0
    return res


def _step(P: _Params, pos: _Params, neg: _Params, g: _Params, lr: float, beta: float,
          geometry: str) -> _Params:
    if geometry == "pm1":
        return P[0] + lr * g[0], P[1] + lr * g[1], P[2] + lr * g[2]
    # {0,1} gradient from the +-1 statistics: v01 = (v+1)/2, E[h01|v] = (E[h|v]+1)/2, so
    # d<v01 h01^T> = (dVH + dv 1^T + 1 dh^T)/4, d<v01> = dv/2, d<h01> = dh/2.
    dVH, dv, dh = (p - n for p, n in zip(pos, neg))
    W01, b, c = _to_binary_params(P, beta)
    W01 = W01 + lr * (dVH + dv[:, None] + dh[None, :]) / 4
    return _to_pm1_params((W01, b + lr * dv / 2, c + lr * dh / 2), beta)
