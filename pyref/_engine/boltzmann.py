"""The fast engines of the Boltzmann machine (spec B2, B4, B5): the matrix-free evolution
of a distribution under the Gibbs scans, the float Gibbs sampler and the empirical
distribution of its samples.

:func:`distribution_after_scan` computes ``mu K^t`` without forming the ``2^n x 2^n``
kernel (``O(t n 2^n)``, exact for Fractions), with the site coefficients of the mirrored
reference :mod:`pyref.spec.boltzmann`; :func:`gibbs_sample` runs the heat-bath chain of
spec B1-B5 in float arithmetic.  Property-tested against the exact kernels of the
reference; all re-exported by :mod:`pyref.boltzmann`.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import numpy as np
from numpy.typing import ArrayLike

from .._validate import (
    MAX_ENUM_N,
    MAX_EXACT_STEPS,
    MAX_KERNEL_N,
    SeedLike,
    as_generator,
    check_beta,
    check_choice,
    check_distribution,
    check_nonneg_int,
    check_positive_int,
    check_state,
    check_states,
    check_target,
    check_thresholds,
    check_weights,
    check_work,
)
from ..spec.boltzmann import (
    apply_site,
    kernel_power,
    random_scan_kernel,
    site_coefficients,
    systematic_scan_kernel,
)

__all__ = [
    "distribution_after_scan",
    "sigmoid",
    "gibbs_sample",
    "empirical_distribution",
]


#: Largest t * n * 2^n of one float matrix-free scan before the dense power route is used.
_MAX_SCAN_WORK = 50_000_000


def distribution_after_scan(mu: ArrayLike, w: ArrayLike, t: int,
                            scan: str = "systematic") -> np.ndarray:
    """``mu K^t`` without forming the ``2^n x 2^n`` kernel (spec B2, B4), exact for an
    int/Fraction target.

    One site step is ``(mu K_i)(t) = (mu(t^{i+}) + mu(t^{i-})) c_i(t)`` with
    ``c_i(t) = w(t) / (w(t^{i+}) + w(t^{i-}))``: ``O(2^n)`` work and memory.  ``scan=
    "systematic"``: one step is a sweep ``K_0 K_1 ... K_{n-1}`` (the matrix of
    :func:`systematic_scan_kernel`); ``scan="random"``: one step is
    ``K = (1/n) sum_i K_i`` (:func:`random_scan_kernel`).  Same numbers as
    ``distribution_after(mu, systematic_scan_kernel(w), t)`` (exactly, for Fractions) but
    with ``O(n 2^n)`` memory instead of ``4^n``, so it reaches every ``n <= MAX_ENUM_N``.

    Parameters
    ----------
    mu : array_like, shape (N,)
        Probability distribution (entries >= 0 summing to 1).
    w : array_like, shape (2^n,)
        Positive target weights on the states (ints/Fractions: exact; floats: float64), in the
        enumeration order of ``all_states``.
    t : int >= 0
        Number of steps (blocks).
    scan : {'systematic', 'random'}
        Systematic sweep over sites 0..n-1, or random scan.

    Returns
    -------
    numpy.ndarray
        Shape ``(2^n,)``: the distribution after ``t`` steps of the scan (sweeps for
        ``systematic``, site updates for ``random``); exact for an exact target.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    wv, n, exact = check_target(w)
    t = check_nonneg_int(t, "t")
    check_choice(scan, ("systematic", "random"), "scan")
    v = check_distribution(mu, 2**n, exact=exact)
    if exact and t * n > MAX_EXACT_STEPS:
        raise ValueError(f"t: got {t}; exact scans are limited to t * n <= "
                         f"{MAX_EXACT_STEPS} site steps (pass float weights)")
    if not exact and t * n * 2**n > _MAX_SCAN_WORK:
        if n <= MAX_KERNEL_N:       # the dense route needs only log2(t) products
            K = (systematic_scan_kernel(wv) if scan == "systematic"
                 else random_scan_kernel(wv))
            return np.asarray(v @ kernel_power(K, t))
        raise ValueError(f"t: got {t}; float scans are limited to t * n * 2^n <= "
                         f"{_MAX_SCAN_WORK} operations at n = {n} > MAX_KERNEL_N")
    coeffs = [site_coefficients(wv, n, i) for i in range(n)]
    inv_n = Fraction(1, n) if exact else 1.0 / n
    for _ in range(t):
        if scan == "systematic":
            for coeff in coeffs:
                v = apply_site(v, coeff)
        else:
            v = np.asarray(sum(apply_site(v, coeff) for coeff in coeffs) * inv_n)
    return v


# --------------------------------------------------------------------------- samplers

def sigmoid(x: np.ndarray) -> np.ndarray:
    """Overflow-free logistic ``1 / (1 + exp(-x))`` (elementwise, float64).

    Parameters
    ----------
    x : numpy.ndarray
        Float arguments (any shape).

    Returns
    -------
    numpy.ndarray
        float64 ``1 / (1 + exp(-x))`` in ``[0, 1]``, same shape, computed without overflow for
        large ``|x|``.
    """
    e = np.exp(-np.abs(x))
    return np.asarray(np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))


def gibbs_sample(W: ArrayLike, theta: ArrayLike | None, beta: float, *, n_sweeps: int,
                 scan: str = "random",
                 n_chains: int = 1, s0: ArrayLike | None = None, seed: SeedLike = None,
                 burn_in: int = 0,
                 record: bool = True,
                 progress: Callable[[int, int], None] | None = None) -> np.ndarray:
    """Gibbs sampler (Python-only; checked against the exact kernels of B1-B4).

    Each site update sets ``s_i = +1`` with probability ``sigma(2 beta (h_i - theta_i))``,
    ``h_i = sum_j W_ij s_j`` -- the heat-bath kernel ``K_i`` for ``pi ∝ exp(-beta E)``.
    A sweep is ``n`` site updates: sites ``0..n-1`` in order (``scan="systematic"``) or ``n``
    independent uniform sites (``scan="random"``, i.e. ``K^n``).  ``n_chains`` chains run in
    parallel (vectorised).  Randomness only from ``seed`` (int or Generator).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    beta : float > 0
        Inverse temperature.
    n_sweeps : int >= 1
        Number of recorded sweeps.
    scan : {'systematic', 'random'}
        Systematic sweep over sites 0..n-1, or random scan.
    n_chains : int >= 1
        Number of parallel chains.
    s0 : array_like, shape (n,) or (n_chains, n), or None
        Initial states; ``None`` draws them uniformly from ``seed``.
    seed : None, int >= 0 or numpy.random.Generator
        Source of all randomness: ``None`` draws fresh OS entropy (not reproducible), an int gives
        a reproducible stream, a Generator is used as is and advanced in place.
    burn_in : int >= 0
        Sweeps/steps discarded before recording.
    record : bool
        Return every recorded state (trajectory / samples), not only the final one.
    progress : callable(done, total) or None
        Called after each sweep/step.

    Returns
    -------
    ``(n_sweeps, n_chains, n)`` int8 states after each sweep following ``burn_in`` sweeps
    (``record=True``), else the final ``(n_chains, n)`` int64 states.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    beta = check_beta(beta)
    Wv = check_weights(W, symmetric=True, zero_diag=True).astype(np.float64)
    n = Wv.shape[0]
    th = check_thresholds(theta, n).astype(np.float64)
    with np.errstate(over="ignore"):
        if not np.isfinite(np.abs(Wv).sum(axis=1).max() + np.abs(th).max()):
            raise ValueError("W, theta: local fields sum_j |W_ij| + |theta_i| overflow "
                             "float64; expected smaller weights")
    scan = check_choice(scan, ("random", "systematic"), "scan")
    n_sweeps = check_positive_int(n_sweeps, "n_sweeps")
    n_chains = check_positive_int(n_chains, "n_chains")
    burn_in = check_nonneg_int(burn_in, "burn_in")
    steps = (burn_in + n_sweeps) * n
    check_work(steps, "(burn_in + n_sweeps) * n", steps * n_chains * n,
               "(burn_in + n_sweeps) * n * n_chains * n")
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
    out = np.empty((n_sweeps if record else 0, n_chains, n), dtype=np.int8)
    total = burn_in + n_sweeps
    for t in range(total):
        U = rng.random((n, n_chains))
        if scan == "systematic":
            for i in range(n):
                h = S @ Wv[i]
                p = sigmoid(2.0 * beta * (h - th[i]))
                S[:, i] = np.where(U[i] < p, 1.0, -1.0)
        else:
            sites = rng.integers(0, n, size=(n, n_chains))
            for k in range(n):
                i = sites[k]
                h = np.einsum("cj,cj->c", Wv[i], S)
                p = sigmoid(2.0 * beta * (h - th[i]))
                S[rows, i] = np.where(U[k] < p, 1.0, -1.0)
        if record and t >= burn_in:
            out[t - burn_in] = S
        if progress is not None:
            progress(t + 1, total)
    return out if record else S.astype(np.int64)


def empirical_distribution(samples: ArrayLike) -> np.ndarray:
    """Frequencies of the ``2^n`` states (enumeration order) among ``samples`` of shape
    ``(..., n)`` (Python-only sampler check against B2/B4).

    Parameters
    ----------
    samples : array_like, shape (..., n)
        Sampled states, entries +1 / -1.

    Returns
    -------
    numpy.ndarray
        Shape ``(2^n,)``, float64 frequencies summing to 1.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    arr = np.asarray(samples)
    if arr.ndim < 1 or arr.shape[-1] == 0:
        raise ValueError(f"samples: has shape {arr.shape}; expected (..., n) states")
    n = arr.shape[-1]
    S = check_states(arr.reshape(-1, n), n, "samples")
    if n > MAX_ENUM_N:
        raise ValueError(f"samples: n = {n}; enumeration is limited to n <= {MAX_ENUM_N}")
    idx = ((S == 1).astype(np.int64) << np.arange(n, dtype=np.int64)).sum(axis=1)
    counts = np.bincount(idx, minlength=2**n)
    return np.asarray(counts / counts.sum())
