"""Maximum-likelihood learning of the fully visible Boltzmann machine (Python-only,
property-tested, not Lean-proved; builds on the samplers of spec B1-B5).

Model (spec conventions): states ``s in {-1,+1}^n``, ``W`` symmetric with zero diagonal,
thresholds ``theta``, inverse temperature ``beta > 0``::

    E(s) = -sum_{i<j} W_ij s_i s_j + sum_i theta_i s_i,    pi(s) = exp(-beta E(s)) / Z.

Average log-likelihood of a data set ``s^(1..M)`` (optionally with sample weights
``w_d >= 0``, normalised to sum 1; plain data means ``w_d = 1/M``)::

    L(W, theta) = sum_d w_d log pi(s^(d)) = -beta <E>_data - log Z.

Gradient, derived for this energy convention.  ``W_ij = W_ji`` (``i < j``) is one
parameter; it enters ``-beta E`` as ``+beta W_ij s_i s_j`` and ``theta_i`` enters as
``-beta theta_i s_i``.  Since ``d log Z / d p = <d(-beta E)/d p>_model``::

    dL/dW_ij     =  beta (<s_i s_j>_data - <s_i s_j>_model)     (i != j),
    dL/dtheta_i  = -beta (<s_i>_data     - <s_i>_model).

The gradient of ``W`` is returned as a symmetric zero-diagonal matrix whose entry
``(i, j)`` is the derivative with respect to the shared parameter ``W_ij = W_ji`` (so a
finite difference must move both entries together).  ``L`` is concave in ``(W, theta)``
(``log Z`` is a log-partition function of an exponential family) and its gradient is
``beta^2 P``-Lipschitz in the Euclidean norm of the ``P = n(n-1)/2 + n`` parameters
(``Hess log Z = beta^2 Cov(features)``, features bounded by 1), so gradient ascent with a
fixed step ``lr <= 1 / (beta^2 P)`` never decreases ``L`` (:func:`safe_step`).

Exact quantities enumerate the ``2^n`` states (``n <= MAX_ENUM_N``; log-sum-exp stable,
via :func:`pyref.boltzmann.log_partition_function` and
:func:`pyref.boltzmann.boltzmann_distribution`).  For larger ``n`` the model statistics are
estimated with the seeded Gibbs sampler :func:`pyref.boltzmann.gibbs_sample`.
"""

from __future__ import annotations

import math
import sys
import time
from dataclasses import dataclass, field
from typing import TextIO, TypedDict, Unpack

import numpy as np
from numpy.typing import ArrayLike

from .._engine.boltzmann import gibbs_sample
from .._validate import (
    SeedLike,
    as_generator,
    check_beta,
    check_finite,
    check_nonneg_int,
    check_positive_int,
    check_states,
    check_thresholds,
    check_weights,
    check_work,
    finite_output,
)
from ..spec.boltzmann import (
    MAX_ENUM_N,
    all_states,
    boltzmann_distribution,
    log_partition_function,
)

__all__ = [
    "GibbsStats",
    "StderrProgress",
    "check_data",
    "check_sample_weights",
    "data_statistics",
    "model_statistics",
    "model_statistics_gibbs",
    "log_likelihood",
    "log_likelihood_gradient",
    "log_likelihood_gradient_gibbs",
    "safe_step",
    "BMTrainResult",
    "train_bm",
]


# --------------------------------------------------------------------------- helpers

class StderrProgress:
    """A tiny text progress bar on ``stderr`` (no dependency): call ``bar(done, total,
    info)``; ``close()`` ends the line.  With ``enabled=False`` it does nothing."""

    def __init__(self, label: str = "", enabled: bool = True, width: int = 30,
                 stream: TextIO | None = None, min_interval: float = 0.1) -> None:
        self.label = label
        self.enabled = bool(enabled)
        self.width = int(width)
        self.stream = stream
        self.min_interval = float(min_interval)
        self._last = -1.0
        self._open = False

    def __call__(self, done: int, total: int, info: str = "") -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self._last < self.min_interval:
            return
        self._last = now
        frac = done / total if total > 0 else 1.0
        k = int(round(self.width * frac))
        out = self.stream if self.stream is not None else sys.stderr
        out.write(f"\r{self.label} [{'#' * k}{'.' * (self.width - k)}] {done}/{total} {info}")
        out.flush()
        self._open = True

    def close(self) -> None:
        if self.enabled and self._open:
            out = self.stream if self.stream is not None else sys.stderr
            out.write("\n")
            out.flush()
            self._open = False


@finite_output
def check_data(data: ArrayLike, n: int | None = None, name: str = "data") -> np.ndarray:
    """A non-empty data set of ``+-1`` states, shape ``(M, n)``, ``M >= 1``; int64 copy.

    Parameters
    ----------
    data : array_like, shape (M, n)
        Training states (rows), entries +1 / -1.
    n : int >= 1
        Number of neurons.
    name : str
        Argument name used in error messages.

    Returns
    -------
    numpy.ndarray
        int64 copy of shape (M, n), ``M >= 1``, entries +1/-1.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    arr = np.asarray(data) if not isinstance(data, np.ndarray) else data
    if arr.size == 0:
        raise ValueError(f"{name}: the data set is empty (shape {arr.shape}); expected at "
                         f"least one sample of shape (n,)")
    if arr.ndim == 1:
        raise ValueError(f"{name}: has shape {arr.shape}; expected a 2-D array (M samples, "
                         f"n units); wrap a single sample as [s]")
    return check_states(arr, n, name)


@finite_output
def check_sample_weights(weights: ArrayLike | None, m: int) -> np.ndarray:
    """Sample weights: ``None`` (uniform ``1/m``) or ``m`` finite non-negative numbers with a
    positive sum; returned normalised to sum 1 (float64).

    Parameters
    ----------
    weights : array_like, shape (M,), or None
        Non-negative sample weights (``None``: uniform).
    m : int >= 1
        Number of patterns / samples.

    Returns
    -------
    numpy.ndarray
        float64 of shape (m,), non-negative, summing to 1 (``1/m`` each for ``None``).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    if weights is None:
        return np.full(m, 1.0 / m)
    w = check_finite(weights, "weights").astype(np.float64)
    if w.shape != (m,):
        raise ValueError(f"weights: has shape {w.shape}; expected ({m},), one weight per "
                         f"sample")
    if np.any(w < 0):
        raise ValueError("weights: has a negative entry; expected weights >= 0")
    tot = w.sum()
    if not tot > 0:
        raise ValueError("weights: sum to 0; expected a positive total weight")
    return w / tot


def _check_machine(W: ArrayLike, theta: ArrayLike | None, n: int | None = None
                   ) -> tuple[np.ndarray, np.ndarray]:
    Wv = check_weights(W, n, symmetric=True, zero_diag=True).astype(np.float64)
    th = check_thresholds(theta, Wv.shape[0]).astype(np.float64)
    return Wv, th


def _check_enum(n: int) -> None:
    if n > MAX_ENUM_N:
        raise ValueError(f"W: n = {n}; exact enumeration is limited to n <= {MAX_ENUM_N} "
                         f"(use the Gibbs estimates for larger machines)")


def _stats(S: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    Sf = S.astype(np.float64)
    return Sf.T @ (w[:, None] * Sf), w @ Sf


def _grad(beta: float, Cd: np.ndarray, md: np.ndarray, Cm: np.ndarray, mm: np.ndarray
          ) -> tuple[np.ndarray, np.ndarray]:
    dW = beta * (Cd - Cm)
    np.fill_diagonal(dW, 0.0)
    return dW, -beta * (md - mm)


# --------------------------------------------------------------------------- statistics

@finite_output
def data_statistics(data: ArrayLike, weights: ArrayLike | None = None) -> tuple[np.ndarray,
                    np.ndarray]:
    """Data moments ``C_ij = <s_i s_j>_data`` (diagonal = 1) and ``m_i = <s_i>_data``
    (weighted by the normalised ``weights`` if given).

    Parameters
    ----------
    data : array_like, shape (M, n)
        Training states (rows), entries +1 / -1.
    weights : array_like, shape (M,), or None
        Non-negative sample weights (``None``: uniform).

    Returns
    -------
    tuple[numpy.ndarray, numpy.ndarray]
        ``(C, m)``: float64 ``C_ij = <s_i s_j>_data`` of shape (n, n) (diagonal 1) and
        ``m_i = <s_i>_data`` of shape (n,).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    S = check_data(data)
    w = check_sample_weights(weights, S.shape[0])
    return _stats(S, w)


@finite_output
def model_statistics(W: ArrayLike, theta: ArrayLike | None, beta: float = 1.0
                     ) -> tuple[np.ndarray, np.ndarray]:
    """Exact model moments ``<s_i s_j>_pi`` (diagonal = 1) and ``<s_i>_pi`` by enumerating
    the ``2^n`` states (``pi ∝ exp(-beta E)``).

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
    tuple[numpy.ndarray, numpy.ndarray]
        ``(C, m)``: float64 ``<s_i s_j>_pi`` of shape (n, n) (diagonal 1) and ``<s_i>_pi`` of
        shape (n,), exact up to rounding.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    Wv, th = _check_machine(W, theta)
    _check_enum(Wv.shape[0])
    p = boltzmann_distribution(Wv, th, beta)
    return _stats(all_states(Wv.shape[0]), p)


@dataclass(frozen=True)
class GibbsStats:
    """Gibbs estimates of the model moments plus the final chain states (for persistence)."""
    C: np.ndarray
    m: np.ndarray
    states: np.ndarray


@finite_output
def model_statistics_gibbs(W: ArrayLike, theta: ArrayLike | None, beta: float = 1.0, *,
                           n_chains: int = 100,
                           n_sweeps: int = 50, burn_in: int = 20, scan: str = "systematic",
                           s0: ArrayLike | None = None, seed: SeedLike = None) -> GibbsStats:
    """Estimated model moments from :func:`pyref.boltzmann.gibbs_sample`: ``n_chains``
    parallel chains (started at ``s0`` or uniformly at random), ``burn_in`` sweeps dropped,
    then the average over ``n_sweeps`` recorded sweeps of every chain.  The bias is at most
    ``2 TV(law after burn_in, pi)`` (the Doeblin bound of spec B4 applies), the chain
    averages are independent across chains.  Seeded: randomness only from ``seed``.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    beta : float > 0
        Inverse temperature.
    n_chains : int >= 1
        Number of parallel chains.
    n_sweeps : int >= 1
        Number of recorded sweeps.
    burn_in : int >= 0
        Sweeps/steps discarded before recording.
    scan : {'systematic', 'random'}
        Systematic sweep over sites 0..n-1, or random scan.
    s0 : array_like, shape (n,) or (n_chains, n), or None
        Initial states; ``None`` draws them uniformly from ``seed``.
    seed : None, int >= 0 or numpy.random.Generator
        Source of all randomness: ``None`` draws fresh OS entropy (not reproducible), an int gives
        a reproducible stream, a Generator is used as is and advanced in place.

    Returns
    -------
    GibbsStats
        ``C`` (n, n) and ``m`` (n,): the Gibbs estimates of ``<s_i s_j>`` and ``<s_i>``;
        ``states`` (n_chains, n) int64: the final state of every chain (``s0`` of a persistent
        continuation).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    Wv, th = _check_machine(W, theta)
    samples = gibbs_sample(Wv, th, beta, n_sweeps=n_sweeps, scan=scan, n_chains=n_chains,
                           s0=s0, seed=seed, burn_in=burn_in, record=True)
    n = Wv.shape[0]
    S = samples.reshape(-1, n)
    C, m = _stats(S, np.full(S.shape[0], 1.0 / S.shape[0]))
    return GibbsStats(C, m, samples[-1].astype(np.int64))


# --------------------------------------------------------------------------- likelihood

@finite_output
def log_likelihood(W: ArrayLike, theta: ArrayLike | None, data: ArrayLike, beta: float = 1.0,
                   weights: ArrayLike | None = None) -> float:
    """Exact average log-likelihood ``L = sum_d w_d log pi(s^(d)) = -beta <E>_data -
    log Z`` (enumeration of the ``2^n`` states, log-sum-exp stable).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    data : array_like, shape (M, n)
        Training states (rows), entries +1 / -1.
    beta : float > 0
        Inverse temperature.
    weights : array_like, shape (M,), or None
        Non-negative sample weights (``None``: uniform).

    Returns
    -------
    float
        ``L = -beta <E>_data - log Z <= 0``, the weighted average of ``log pi(s^(d))``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    Wv, th = _check_machine(W, theta)
    n = Wv.shape[0]
    _check_enum(n)
    S = check_data(data, n).astype(np.float64)
    w = check_sample_weights(weights, S.shape[0])
    E = -0.5 * np.einsum("bi,bi->b", S @ Wv, S) + S @ th
    return float(-beta * (w @ E) - log_partition_function(Wv, th, beta))


@finite_output
def log_likelihood_gradient(W: ArrayLike, theta: ArrayLike | None, data: ArrayLike,
                            beta: float = 1.0,
                            weights: ArrayLike | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Exact gradient of :func:`log_likelihood`::

        dL/dW_ij    =  beta (<s_i s_j>_data - <s_i s_j>_model)
        dL/dtheta_i = -beta (<s_i>_data - <s_i>_model)

    (signs derived in the module docstring for ``E = -sum_{i<j} W_ij s_i s_j +
    theta . s``).  ``dW`` is symmetric with zero diagonal; entry ``(i, j)`` is the
    derivative with respect to the shared parameter ``W_ij = W_ji``.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    data : array_like, shape (M, n)
        Training states (rows), entries +1 / -1.
    beta : float > 0
        Inverse temperature.
    weights : array_like, shape (M,), or None
        Non-negative sample weights (``None``: uniform).

    Returns
    -------
    tuple[numpy.ndarray, numpy.ndarray]
        ``(dW, dtheta)``: float64 ``dL/dW`` of shape (n, n) (symmetric, zero diagonal) and
        ``dL/dtheta`` of shape (n,).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    Wv, th = _check_machine(W, theta)
    S = check_data(data, Wv.shape[0])
    w = check_sample_weights(weights, S.shape[0])
    Cd, md = _stats(S, w)
    Cm, mm = model_statistics(Wv, th, beta)
    return _grad(beta, Cd, md, Cm, mm)


class GibbsOptions(TypedDict, total=False):
    """The keyword arguments :func:`log_likelihood_gradient_gibbs` passes on to
    :func:`model_statistics_gibbs` (all optional)."""

    n_chains: int
    n_sweeps: int
    burn_in: int
    scan: str
    s0: ArrayLike | None
    seed: SeedLike


@finite_output
def log_likelihood_gradient_gibbs(W: ArrayLike, theta: ArrayLike | None, data: ArrayLike,
                                  beta: float = 1.0,
                                  weights: ArrayLike | None = None,
                                  **gibbs: Unpack[GibbsOptions]
                                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Estimated gradient: exact data moments, model moments from
    :func:`model_statistics_gibbs` (keyword arguments ``n_chains``, ``n_sweeps``,
    ``burn_in``, ``scan``, ``s0``, ``seed`` are passed on).  Returns ``(dW, dtheta,
    final_chain_states)``; feed the states back as ``s0`` for persistent chains.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    data : array_like, shape (M, n)
        Training states (rows), entries +1 / -1.
    beta : float > 0
        Inverse temperature.
    weights : array_like, shape (M,), or None
        Non-negative sample weights (``None``: uniform).
    **gibbs : keyword arguments
        Passed on to the Gibbs estimator.

    Returns
    -------
    tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]
        ``(dW, dtheta, states)``: the estimated ``dL/dW`` (n, n), ``dL/dtheta`` (n,) and the
        final chain states (n_chains, n) int64.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    Wv, th = _check_machine(W, theta)
    S = check_data(data, Wv.shape[0])
    w = check_sample_weights(weights, S.shape[0])
    Cd, md = _stats(S, w)
    g = model_statistics_gibbs(Wv, th, beta, **gibbs)
    dW, dth = _grad(beta, Cd, md, g.C, g.m)
    return dW, dth, g.states


@finite_output
def safe_step(n: int, beta: float = 1.0) -> float:
    """``1 / (beta^2 P)``, ``P = n(n-1)/2 + n``: a fixed step with which exact gradient
    ascent never decreases the (concave) log-likelihood (module docstring).

    Parameters
    ----------
    n : int >= 1
        Number of neurons.
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    float
        ``1 / (beta^2 P)`` with ``P = n(n-1)/2 + n``: a step size that never decreases the exact
        log-likelihood.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    n = check_positive_int(n, "n")
    beta = check_beta(beta)
    P = n * (n - 1) // 2 + n
    denom = beta * beta * P
    step = 1.0 / denom if 0.0 < denom < math.inf else math.nan   # beta^2 may under/overflow
    if not (math.isfinite(step) and step > 0.0):
        raise ValueError(f"safe_step: 1 / (beta^2 P) is not a positive finite float for "
                         f"beta = {beta!r}, n = {n}; expected beta in about "
                         f"[1e-150, 1e150]")
    return step


# --------------------------------------------------------------------------- training

@dataclass
class BMTrainResult:
    """Outcome of :func:`train_bm`.

    ``log_likelihood[t]`` is the exact average log-likelihood before step ``t`` (and the
    last entry after the final step) when monitored, else empty; ``grad_norm[t]`` the
    max-abs entry of the (exact or estimated) gradient at step ``t``; ``converged`` is True
    when the stopping rule ``grad_norm <= tol`` fired before ``n_iter`` steps."""
    W: np.ndarray
    theta: np.ndarray
    log_likelihood: list[float] = field(default_factory=list)
    grad_norm: list[float] = field(default_factory=list)
    n_steps: int = 0
    converged: bool = False
    seconds: float = 0.0


@finite_output
def train_bm(data: ArrayLike, beta: float = 1.0, *, lr: float | None = None, n_iter: int = 200,
             tol: float = 1e-6, method: str = "exact", W0: ArrayLike | None = None,
             theta0: ArrayLike | None = None,
             weights: ArrayLike | None = None, n_chains: int = 100, n_sweeps: int = 20,
             burn_in: int = 10, persistent: bool = True, scan: str = "systematic",
             seed: SeedLike = None, monitor: bool | None = None, progress: bool = False
             ) -> BMTrainResult:
    """Gradient ascent with a fixed step on the average log-likelihood.

    ``W <- W + lr dL/dW``, ``theta <- theta + lr dL/dtheta`` for at most ``n_iter`` steps;
    stopping rule: stop (``converged=True``) as soon as the max-abs gradient entry is
    ``<= tol``.  ``method="exact"`` uses :func:`log_likelihood_gradient` (small ``n``);
    ``method="gibbs"`` uses :func:`log_likelihood_gradient_gibbs` with ``n_chains`` chains,
    ``n_sweeps`` recorded sweeps and ``burn_in`` (only on the first step when
    ``persistent``: later steps restart the chains where the previous step left them).
    ``lr=None`` means :func:`safe_step`.  ``monitor`` records the exact log-likelihood at
    every step (default: when ``n <= 12``).  ``progress=True`` draws a bar on stderr.

    Parameters
    ----------
    data : array_like, shape (M, n)
        Training states (rows), entries +1 / -1.
    beta : float > 0
        Inverse temperature.
    lr : float > 0 or None
        Learning rate (``None``: the documented safe default).
    n_iter : int >= 1
        Number of gradient steps.
    tol : float >= 0
        Stopping tolerance.
    method : str
        Estimator of the model term (see the summary for the choices).
    W0 : array_like or None
        Initial weights (``None``: the method's default start).
    theta0 : array_like or None
        Initial thresholds (``None``: zeros).
    weights : array_like, shape (M,), or None
        Non-negative sample weights (``None``: uniform).
    n_chains : int >= 1
        Number of parallel chains.
    n_sweeps : int >= 1
        Number of recorded sweeps.
    burn_in : int >= 0
        Sweeps/steps discarded before recording.
    persistent : bool
        Keep the Gibbs chains between steps (persistent CD).
    scan : {'systematic', 'random'}
        Systematic sweep over sites 0..n-1, or random scan.
    seed : None, int >= 0 or numpy.random.Generator
        Source of all randomness: ``None`` draws fresh OS entropy (not reproducible), an int gives
        a reproducible stream, a Generator is used as is and advanced in place.
    monitor : bool or None
        Record the exact log-likelihood per step (``None``: when exact enumeration is cheap).
    progress : callable(done, total) or None
        Called after each sweep/step.

    Returns
    -------
    BMTrainResult
        The learned ``W`` (n, n) and ``theta`` (n,), the monitored log-likelihoods, the gradient
        norm of every step, the number of steps, whether ``grad_norm <= tol`` fired, and the
        wall time.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    S = check_data(data)
    n = S.shape[1]
    w = check_sample_weights(weights, S.shape[0])
    n_iter = check_positive_int(n_iter, "n_iter")
    lr = safe_step(n, beta) if lr is None else lr
    if isinstance(lr, bool) or not isinstance(lr, (int, float, np.floating, np.integer)) \
            or not np.isfinite(lr) or lr <= 0:
        raise ValueError(f"lr: got {lr!r}; expected a finite step size > 0")
    if isinstance(tol, bool) or not isinstance(tol, (int, float, np.floating, np.integer)) \
            or not tol >= 0:
        raise ValueError(f"tol: got {tol!r}; expected a number >= 0")
    if method not in ("exact", "gibbs"):
        raise ValueError(f"method: got {method!r}; expected 'exact' or 'gibbs'")
    if method == "exact":
        _check_enum(n)
    n_chains = check_positive_int(n_chains, "n_chains")
    n_sweeps = check_positive_int(n_sweeps, "n_sweeps")
    burn_in = check_nonneg_int(burn_in, "burn_in")
    if method == "gibbs":
        steps = n_iter * (burn_in + n_sweeps) * n
        check_work(steps, "n_iter * (burn_in + n_sweeps) * n", steps * n_chains * n,
                   "n_iter * (burn_in + n_sweeps) * n * n_chains * n")
    else:
        check_work(n_iter, "n_iter", n_iter * 2**n * n, "n_iter * 2^n * n")
    Wc = np.zeros((n, n)) if W0 is None else _check_machine(W0, None, n)[0]
    th = np.zeros(n) if theta0 is None else check_thresholds(theta0, n, "theta0").astype(
        np.float64)
    monitor = (n <= 12) if monitor is None else bool(monitor)
    if monitor:
        _check_enum(n)
    rng = as_generator(seed)
    Cd, md = _stats(S, w)
    res = BMTrainResult(Wc, th)
    bar = StderrProgress("train_bm", enabled=progress)
    chains = None
    t0 = time.perf_counter()
    for t in range(n_iter):
        if monitor:
            res.log_likelihood.append(log_likelihood(Wc, th, S, beta, w))
        if method == "exact":
            Cm, mm = model_statistics(Wc, th, beta)
        else:
            g = model_statistics_gibbs(Wc, th, beta, n_chains=n_chains, n_sweeps=n_sweeps,
                                       burn_in=burn_in if (chains is None or not persistent)
                                       else 0,
                                       scan=scan, s0=chains if persistent else None,
                                       seed=rng)
            Cm, mm, chains = g.C, g.m, g.states
        dW, dth = _grad(beta, Cd, md, Cm, mm)
        gn = float(max(np.abs(dW).max(), np.abs(dth).max()))
        res.grad_norm.append(gn)
        if gn <= tol:
            res.converged = True
            break
        Wc = Wc + lr * dW
        th = th + lr * dth
        res.n_steps += 1
        info = f"L={res.log_likelihood[-1]:.5f}" if monitor else f"|g|={gn:.2e}"
        bar(t + 1, n_iter, info)
    bar.close()
    if monitor and not res.converged:
        res.log_likelihood.append(log_likelihood(Wc, th, S, beta, w))
    res.W, res.theta = Wc, th
    res.seconds = time.perf_counter() - t0
    return res
