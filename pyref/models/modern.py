"""Modern continuous Hopfield network (Ramsauer et al. 2020, arXiv 2008.02217).

Python-only part of the specification (spec: "Python-only parts", modern continuous
Hopfield network).  Nothing here is proved in Lean; the statements of the paper are
property-tested in ``tests/test_modern.py``.

Conventions follow the paper exactly:

* ``X`` has shape ``(d, N)``: its **columns** ``x_1, ..., x_N`` are the stored patterns;
* ``xi`` (the state / query) has shape ``(d,)``; several states may be given as the
  columns of a ``(d, S)`` array where noted;
* ``beta > 0`` is the inverse temperature;
* ``M = max_i ||x_i||`` (largest pattern norm);
* ``lse(beta, z) = beta^-1 log sum_i exp(beta z_i)``.

Energy (paper eq. 2)::

    E(xi) = -lse(beta, X^T xi) + 1/2 xi^T xi + beta^-1 log N + 1/2 M^2

Update (paper eq. 3, the attention / CCCP step)::

    xi_new = f(xi) = X softmax(beta X^T xi)

Separation of pattern i (paper, before Theorem 4)::

    Delta_i = min_{j != i} (x_i^T x_i - x_i^T x_j)

and of pattern i seen from a query ``xi``::

    Delta~_i = min_{j != i} (xi^T x_i - xi^T x_j)  >=  Delta_i - 2 ||xi - x_i|| M,
    epsilon  = (N - 1) exp(-beta Delta~_i)        (so softmax_i >= 1 - epsilon).

All log-sum-exp / softmax evaluations subtract the maximum first, so nothing overflows
for any finite ``beta * X^T xi`` (tested up to beta = 1e12 with pattern norms 1e4).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from .._validate import (
    check_beta,
    check_finite_result,
    check_float_array,
    check_int,
    check_real,
    finite_output,
)

__all__ = [
    "lse",
    "softmax",
    "energy",
    "update",
    "retrieve",
    "RetrievalResult",
    "max_norm",
    "separation",
    "query_separation",
    "epsilon",
    "sphere_radius",
    "separation_threshold",
    "well_separated",
    "retrieval_error_bound",
    "retrieval_error_bound_near",
    "one_update_contraction_bound",
    "lambert_w0",
    "StorageCapacity",
    "storage_capacity",
]


# ---------------------------------------------------------------------------
# validation (the shared layer pyref._validate; the two underscore names below are kept
# only as thin aliases for modules that have not switched yet, e.g. pyref.mil)
# ---------------------------------------------------------------------------


def _finite_array(name: str, a: ArrayLike, ndim: int | tuple[int, ...] | None = None) -> np.ndarray:
    """Alias of :func:`pyref._validate.check_float_array` (argument order ``name, a``)."""
    return check_float_array(a, name, ndim)


def _check_beta(beta: object, name: str = "beta") -> float:
    """Alias of :func:`pyref._validate.check_beta`."""
    return check_beta(beta, name)


def _patterns(X: ArrayLike) -> np.ndarray:
    """Validate a stored-pattern matrix of shape (d, N), N >= 1, d >= 1."""
    arr = _finite_array("X (stored patterns, shape (d, N))", X, ndim=2)
    d, n = arr.shape
    if n == 0:
        raise ValueError("X has no stored patterns (N = 0): the pattern set must be non-empty")
    if d == 0:
        raise ValueError("X has dimension d = 0: patterns must have at least one component")
    return arr


def _state(xi: ArrayLike, d: int, allow_batch: bool = False) -> np.ndarray:
    """Validate a state of shape (d,) (or (d, S) when allow_batch)."""
    arr = _finite_array("xi (state pattern)", xi, ndim=(1, 2) if allow_batch else 1)
    if arr.shape[0] != d:
        raise ValueError(
            f"xi has length {arr.shape[0]} but the stored patterns have dimension d = {d}"
            " (X has shape (d, N), xi has shape (d,)"
            + (" or (d, S))" if allow_batch else ")")
        )
    return arr


def _index(i: object, n: int) -> int:
    if not isinstance(i, (int, np.integer)) or isinstance(i, bool):
        raise ValueError(f"pattern index i must be an integer, got {i!r}")
    if not 0 <= int(i) < n:
        raise ValueError(f"pattern index i = {i} out of range for N = {n} patterns")
    return int(i)


def _need_two(n: int, what: str) -> None:
    if n < 2:
        raise ValueError(f"{what} needs at least two stored patterns (N >= 2), got N = {n}")


def _lse_unchecked(z: np.ndarray, beta: float, axis: int = -1) -> np.ndarray:
    """beta^-1 log sum exp(beta z) along ``axis`` with the max shift (no validation)."""
    m = np.max(z, axis=axis, keepdims=True)
    with np.errstate(over="ignore"):  # beta * (z - m) <= 0 may underflow to -inf: exp -> 0
        s = np.sum(np.exp(beta * (z - m)), axis=axis, keepdims=True)
    out = m + np.log(s) / beta
    return np.squeeze(out, axis=axis)


def _softmax_unchecked(z: np.ndarray, beta: float, axis: int = -1) -> np.ndarray:
    """softmax(beta z) along ``axis`` with the max shift (no validation)."""
    m = np.max(z, axis=axis, keepdims=True)
    with np.errstate(over="ignore"):  # beta * (z - m) <= 0 may become -inf: exp -> 0
        e = np.exp(beta * (z - m))
    return e / np.sum(e, axis=axis, keepdims=True)


def _scores(Xa: np.ndarray, xa: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore", invalid="ignore"):
        z = Xa.T @ xa
    if not np.all(np.isfinite(z)):
        raise ValueError("X^T xi overflows float64: pattern or state norms are too large")
    return z


# ---------------------------------------------------------------------------
# basic functions
# ---------------------------------------------------------------------------


@finite_output
def lse(beta: float, z: ArrayLike) -> float | np.ndarray:
    """Log-sum-exp ``lse(beta, z) = beta^-1 log sum_i exp(beta z_i)`` (last axis).

    Computed as ``m + beta^-1 log sum_i exp(beta (z_i - m))`` with ``m = max_i z_i``,
    so it never overflows; it satisfies ``max z <= lse <= max z + beta^-1 log N``.

    Parameters
    ----------
    beta : float, > 0
    z : array, shape (..., N), N >= 1, finite

    Returns
    -------
    float or array of shape (...,)
    """
    b = _check_beta(beta)
    za = _finite_array("z", z)
    if za.ndim == 0 or za.shape[-1] == 0:
        raise ValueError(f"z must have a non-empty last axis, got shape {za.shape}")
    with np.errstate(over="ignore", invalid="ignore"):
        out = _lse_unchecked(za, b)
    check_finite_result(out, "lse(beta, z)")
    return float(out) if np.ndim(out) == 0 else out


@finite_output
def softmax(z: ArrayLike, beta: float = 1.0) -> np.ndarray:
    """``softmax(beta z)_i = exp(beta z_i) / sum_j exp(beta z_j)`` along the last axis
    (max-shifted; finite for every finite input and beta).

    Parameters
    ----------
    z : array_like, shape (..., N)
        Scores (finite floats).
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    numpy.ndarray
        Same shape as ``z``: ``exp(beta z_i - max) / sum_j exp(beta z_j - max)`` along the last
        axis, float64 entries in ``[0, 1]`` summing to 1.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    b = _check_beta(beta)
    za = _finite_array("z", z)
    if za.ndim == 0 or za.shape[-1] == 0:
        raise ValueError(f"z must have a non-empty last axis, got shape {za.shape}")
    return _softmax_unchecked(za, b)


@finite_output
def max_norm(X: ArrayLike) -> float:
    """``M = max_i ||x_i||`` over the columns of ``X`` (shape (d, N)).

    Parameters
    ----------
    X : array_like, shape (d, N)
        Stored patterns as columns (finite floats).

    Returns
    -------
    float
        ``M = max_i ||x_i||_2 >= 0`` over the N columns of ``X``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    Xa = _patterns(X)
    return float(np.max(np.linalg.norm(Xa, axis=0)))


@finite_output
def energy(X: ArrayLike, xi: ArrayLike, beta: float) -> float | np.ndarray:
    """Modern Hopfield energy (Ramsauer et al. eq. 2).

    ``E(xi) = -lse(beta, X^T xi) + 1/2 xi^T xi + beta^-1 log N + 1/2 M^2``.

    The constants make ``E >= 0`` everywhere and ``E <= 2 M^2`` on the convex hull of
    the patterns (paper, Lemma A1 region); both are tested.

    Parameters
    ----------
    X : array (d, N), stored patterns as columns
    xi : array (d,) or (d, S), one state or S states as columns
    beta : float > 0

    Returns
    -------
    float, or array (S,) for a batch of states
    """
    b = _check_beta(beta)
    Xa = _patterns(X)
    d, n = Xa.shape
    xa = _state(xi, d, allow_batch=True)
    M = float(np.max(np.linalg.norm(Xa, axis=0)))
    z = _scores(Xa, xa)  # (N,) or (N, S)
    with np.errstate(over="ignore", invalid="ignore"):
        val = (-_lse_unchecked(z, b, axis=0) + 0.5 * np.sum(xa * xa, axis=0)
               + math.log(n) / b + 0.5 * M * M)
    check_finite_result(val, "the energy E(xi)")
    return float(val) if np.ndim(val) == 0 else val


@finite_output
def update(X: ArrayLike, xi: ArrayLike, beta: float) -> np.ndarray:
    """One modern Hopfield update ``f(xi) = X softmax(beta X^T xi)`` (paper eq. 3).

    ``xi`` may be (d,) or (d, S) (each column updated independently).  The result lies
    in the convex hull of the patterns.  This is the CCCP step: ``E(f(xi)) <= E(xi)``.

    Parameters
    ----------
    X : array_like, shape (d, N)
        Stored patterns as columns (finite floats).
    xi : array_like, shape (d,) or (d, S)
        State (query) pattern(s), finite floats.
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    numpy.ndarray
        Shape of ``xi``, (d,) or (d, S): ``X softmax(beta X^T xi)`` per column, a convex
        combination of the stored patterns (float64).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    b = _check_beta(beta)
    Xa = _patterns(X)
    xa = _state(xi, Xa.shape[0], allow_batch=True)
    p = _softmax_unchecked(_scores(Xa, xa), b, axis=0)
    return Xa @ p


class RetrievalResult(NamedTuple):
    """Result of :func:`retrieve`: final state, number of updates, convergence flag."""

    state: np.ndarray
    steps: int
    converged: bool


@finite_output
def retrieve(
    X: ArrayLike, xi: ArrayLike, beta: float, max_steps: int = 10_000, tol: float = 1e-12
) -> RetrievalResult:
    """Iterate ``xi <- f(xi)`` until ``||f(xi) - xi|| <= tol * max(1, M)``.

    The energy is non-increasing along the iteration and bounded below by 0, and the
    iteration converges to a fixed point (paper Theorem 2, via CCCP).

    Parameters
    ----------
    X : array_like, shape (d, N)
        Stored patterns as columns (finite floats).
    xi : array_like, shape (d,) or (d, S)
        State (query) pattern(s), finite floats.
    beta : float > 0
        Inverse temperature.
    max_steps : int >= 1
        Cap on the number of updates.
    tol : float >= 0
        Stopping tolerance.

    Returns
    -------
    RetrievalResult(state, steps, converged): ``state`` is the last iterate, ``steps``
    the number of updates applied, ``converged`` whether the tolerance was met.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    b = _check_beta(beta)
    Xa = _patterns(X)
    x = _state(xi, Xa.shape[0]).copy()
    max_steps = check_int(max_steps, "max_steps", 1)
    tol_f = check_real(tol, "tol", lo=0.0)
    scale = max(1.0, float(np.max(np.linalg.norm(Xa, axis=0))))
    for step in range(1, int(max_steps) + 1):
        new = Xa @ _softmax_unchecked(_scores(Xa, x), b, axis=0)
        delta = float(np.linalg.norm(new - x))
        x = new
        if delta <= tol_f * scale:
            return RetrievalResult(x, step, True)
    return RetrievalResult(x, int(max_steps), False)


# ---------------------------------------------------------------------------
# separation, retrieval conditions and bounds (Theorems 4 and 5)
# ---------------------------------------------------------------------------


@finite_output
def separation(X: ArrayLike, i: int | None = None) -> float | np.ndarray:
    """Separation ``Delta_i = min_{j != i} (x_i^T x_i - x_i^T x_j)`` of pattern i.

    With ``i=None`` returns the array ``(Delta_1, ..., Delta_N)``.  Needs N >= 2.
    May be negative (pattern i is then not separated from some x_j).

    Parameters
    ----------
    X : array_like, shape (d, N)
        Stored patterns as columns (finite floats).
    i : int
        Pattern index, ``0 <= i < N``.

    Returns
    -------
    float | np.ndarray
        ``Delta_i = x_i^T x_i - max_{j != i} x_i^T x_j`` (may be negative); a float for one
        index ``i``, else a float64 array of shape (N,) for all patterns.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    Xa = _patterns(X)
    n = Xa.shape[1]
    _need_two(n, "the separation Delta_i")
    with np.errstate(over="ignore", invalid="ignore"):
        G = Xa.T @ Xa
    if not np.all(np.isfinite(G)):
        raise ValueError("X^T X overflows float64: pattern norms are too large")
    diag = np.diag(G).copy()
    off = G.copy()
    np.fill_diagonal(off, -np.inf)
    deltas = diag - np.max(off, axis=1)
    if i is None:
        return deltas
    return float(deltas[_index(i, n)])


@finite_output
def query_separation(X: ArrayLike, i: int, xi: ArrayLike) -> float:
    """``Delta~_i = min_{j != i} (xi^T x_i - xi^T x_j)``: separation of x_i seen from xi.

    Parameters
    ----------
    X : array_like, shape (d, N)
        Stored patterns as columns (finite floats).
    i : int
        Pattern index, ``0 <= i < N``.
    xi : array_like, shape (d,) or (d, S)
        State (query) pattern(s), finite floats.

    Returns
    -------
    float
        ``Delta~_i = xi^T x_i - max_{j != i} xi^T x_j``: how far the score of pattern ``i``
        exceeds every other score at the query ``xi``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    Xa = _patterns(X)
    n = Xa.shape[1]
    _need_two(n, "the separation Delta~_i")
    k = _index(i, n)
    z = _scores(Xa, _state(xi, Xa.shape[0]))
    return float(z[k] - np.max(np.delete(z, k)))


@finite_output
def epsilon(X: ArrayLike, i: int, xi: ArrayLike, beta: float) -> float:
    """``epsilon = (N - 1) exp(-beta Delta~_i)``; then ``softmax(beta X^T xi)_i >= 1 - epsilon``
    and ``||f(xi) - x_i|| <= 2 epsilon M``.

    Parameters
    ----------
    X : array_like, shape (d, N)
        Stored patterns as columns (finite floats).
    i : int
        Pattern index, ``0 <= i < N``.
    xi : array_like, shape (d,) or (d, S)
        State (query) pattern(s), finite floats.
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    float
        ``epsilon = (N - 1) exp(-beta Delta~_i) >= 0``, the bound on the softmax mass off
        pattern ``i``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    b = _check_beta(beta)
    Xa = _patterns(X)
    n = Xa.shape[1]
    dt = query_separation(Xa, i, xi)
    return float((n - 1) * math.exp(min(-b * dt, 700.0)))


@finite_output
def sphere_radius(N: int, M: float, beta: float) -> float:
    """Radius ``1 / (beta N M)`` of the sphere ``S_i`` around x_i (paper, Theorem 4 setting).

    Parameters
    ----------
    N : int
        Number of stored patterns.
    M : float > 0
        Largest pattern norm.
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    float
        ``1 / (beta N M) > 0``, the radius of the sphere ``S_i`` of Theorem 4.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    b = _check_beta(beta)
    N = check_int(N, "N", 1)
    M = check_real(M, "M", lo=0.0, lo_open=True)
    with np.errstate(over="ignore", divide="ignore"):
        r = 1.0 / (np.float64(b) * N * M)
    if not (math.isfinite(r) and r > 0):
        raise ValueError(f"sphere radius 1/(beta N M) = {r} is not a positive finite "
                         f"float for beta = {b!r}, N = {N}, M = {M!r}; expected beta*N*M "
                         f"within float64 range")
    return float(r)


@finite_output
def separation_threshold(N: int, M: float, beta: float) -> float:
    """One-step retrieval threshold (paper, condition for Theorem 4)::

        Delta_i >= 2 / (beta N) + beta^-1 log(2 (N - 1) N beta M^2)

    A pattern whose separation meets this threshold is "well separated": the sphere
    ``S_i`` (radius ``1/(beta N M)``) is mapped into itself by f, contains a fixed
    point x_i*, and one update from any point of S_i lands exponentially close to it.
    Needs N >= 2.

    Parameters
    ----------
    N : int
        Number of stored patterns.
    M : float > 0
        Largest pattern norm.
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    float
        The right-hand side ``2/(beta N) + (1/beta) log(2 (N - 1) N beta M^2)`` of the Theorem 4
        condition ``Delta_i >= threshold``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    b = _check_beta(beta)
    N = check_int(N, "N", 2)
    M = check_real(M, "M", lo=0.0, lo_open=True)
    # the log argument is formed in logs, so tiny beta or M never give log(0)
    log_arg = math.log(2.0) + math.log(N - 1) + math.log(N) + math.log(b) + 2.0 * math.log(M)
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        t = np.float64(2.0) / (np.float64(b) * N) + np.float64(log_arg) / np.float64(b)
    if not math.isfinite(float(t)):
        raise ValueError(f"separation threshold overflows float64 for beta = {b!r}, N = {N}, "
                         f"M = {M!r}; expected beta not so small that 1/beta overflows")
    return float(t)


@finite_output
def well_separated(X: ArrayLike, i: int, beta: float) -> bool:
    """True iff ``Delta_i`` meets :func:`separation_threshold` (the Theorem 4 condition).

    Parameters
    ----------
    X : array_like, shape (d, N)
        Stored patterns as columns (finite floats).
    i : int
        Pattern index, ``0 <= i < N``.
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    bool
        True iff ``separation(X, i) >= separation_threshold(N, max_norm(X), beta)`` (then one
        update from any point of the sphere ``S_i`` lands exponentially close to the fixed point
        near ``x_i``).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    b = _check_beta(beta)
    Xa = _patterns(X)
    n = Xa.shape[1]
    M = float(np.max(np.linalg.norm(Xa, axis=0)))
    if M == 0.0:
        return False
    return bool(separation(Xa, i) >= separation_threshold(n, M, b))


def _bound_radius(Xa: np.ndarray, k: int, xa: np.ndarray, x_star: ArrayLike | None) -> float:
    r = float(np.linalg.norm(xa - Xa[:, k]))
    if x_star is not None:
        xs = _state(x_star, Xa.shape[0])
        r = max(r, float(np.linalg.norm(xs - Xa[:, k])))
    return r


def _radius_exponent(X: ArrayLike, i: int, xi: ArrayLike, x_star: ArrayLike | None,
                     beta: float, what: str) -> tuple[float, int, float, float]:
    """Shared part of Theorems 4 and 5: ``(beta, N, M, -beta (Delta_i - 2 r M))`` with
    ``r`` from :func:`_bound_radius` (inputs validated)."""
    b = _check_beta(beta)
    Xa = _patterns(X)
    n = Xa.shape[1]
    _need_two(n, what)
    k = _index(i, n)
    xa = _state(xi, Xa.shape[0])
    M = float(np.max(np.linalg.norm(Xa, axis=0)))
    r = _bound_radius(Xa, k, xa, x_star)
    return b, int(n), M, float(-b * (separation(Xa, k) - 2.0 * r * M))


def retrieval_error_bound(
    X: ArrayLike, i: int, xi: ArrayLike, beta: float, x_star: ArrayLike | None = None
) -> float:
    """Theorem 5 (exponentially small retrieval error), first form::

        ||f(xi) - x_i|| <= 2 (N - 1) exp(-beta (Delta_i - 2 r M)) M,
        r = max(||xi - x_i||, ||x_i* - x_i||)

    With ``x_star=None`` uses ``r = ||xi - x_i||``, which gives a smaller (stronger)
    bound that follows from the same argument; the tests check the stronger one.
    Returns ``inf`` when the exponent overflows.

    Parameters
    ----------
    X : array_like, shape (d, N)
        Stored patterns as columns (finite floats).
    i : int
        Pattern index, ``0 <= i < N``.
    xi : array_like, shape (d,) or (d, S)
        State (query) pattern(s), finite floats.
    beta : float > 0
        Inverse temperature.
    x_star : array_like, shape (d,), or None
        A fixed point near ``x_i`` (``None``: use ``xi`` only).

    Returns
    -------
    float
        ``2 (N - 1) exp(-beta (Delta_i - 2 r M)) M >= 0``, the Theorem 5 bound on
        ``||f(xi) - x_i||`` (``inf`` when the exponent overflows).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    _, n, M, expo = _radius_exponent(X, i, xi, x_star, beta, "the retrieval error bound")
    if expo > 700.0:
        return math.inf
    return 2.0 * (n - 1) * math.exp(expo) * M


def retrieval_error_bound_near(X: ArrayLike, i: int, beta: float) -> float:
    """Theorem 5, second form: ``||f(xi) - x_i|| <= 2 e (N - 1) M exp(-beta Delta_i)``,
    valid when ``||xi - x_i|| <= 1/(2 beta M)`` (and ``||x_i* - x_i|| <= 1/(2 beta M)``).

    Parameters
    ----------
    X : array_like, shape (d, N)
        Stored patterns as columns (finite floats).
    i : int
        Pattern index, ``0 <= i < N``.
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    float
        ``2 e (N - 1) M exp(-beta Delta_i) >= 0``, the Theorem 5 bound on ``||f(xi) - x_i||``
        for queries within ``1/(2 beta M)`` of ``x_i``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    b = _check_beta(beta)
    Xa = _patterns(X)
    n = Xa.shape[1]
    _need_two(n, "the retrieval error bound")
    k = _index(i, n)
    M = float(np.max(np.linalg.norm(Xa, axis=0)))
    expo = 1.0 - b * separation(Xa, k)
    if expo > 700.0:
        return math.inf
    return 2.0 * (n - 1) * M * math.exp(expo)


def one_update_contraction_bound(
    X: ArrayLike, i: int, xi: ArrayLike, x_star: ArrayLike, beta: float
) -> float:
    """Theorem 4 (pattern retrieval with one update): the mean-value Jacobian J^m of f on
    the segment [xi, x_i*] satisfies::

        ||f(xi) - x_i*|| <= ||J^m||_2 ||xi - x_i*||,
        ||J^m||_2 <= 2 beta N M^2 (N - 1) exp(-beta (Delta_i - 2 r M)),
        r = max(||xi - x_i||, ||x_i* - x_i||)

    Returns the right-hand bound on ``||J^m||_2`` (``inf`` on overflow); so
    ``||f(xi) - x_i*|| <= bound * ||xi - x_i*||`` for a fixed point x_i* of f.

    Parameters
    ----------
    X : array_like, shape (d, N)
        Stored patterns as columns (finite floats).
    i : int
        Pattern index, ``0 <= i < N``.
    xi : array_like, shape (d,) or (d, S)
        State (query) pattern(s), finite floats.
    x_star : array_like, shape (d,), or None
        A fixed point near ``x_i`` (``None``: use ``xi`` only).
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    float
        ``2 beta N M^2 (N - 1) exp(-beta (Delta_i - 2 r M)) >= 0``, the Theorem 4 bound on
        ``||J^m||_2`` (``inf`` on overflow).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    b, n, M, expo = _radius_exponent(X, i, xi, x_star, beta, "the Theorem 4 bound")
    if expo > 700.0:
        return math.inf
    return 2.0 * b * n * M * M * (n - 1) * math.exp(expo)


# ---------------------------------------------------------------------------
# storage capacity (Theorem 3)
# ---------------------------------------------------------------------------


@finite_output
def lambert_w0(x: float) -> float:
    """Principal branch ``W_0`` of the Lambert W function: the w >= -1 with ``w e^w = x``,
    for real ``x >= -1/e`` (Halley's iteration, relative accuracy ~1e-15).

    Parameters
    ----------
    x : float >= -1/e
        Argument of W_0.

    Returns
    -------
    float
        ``w = W_0(x) >= -1`` with ``w e^w = x`` (relative accuracy about 1e-15).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    x = float(x)
    if not math.isfinite(x) or x < -1.0 / math.e:
        raise ValueError(f"lambert_w0 is defined for finite x >= -1/e, got {x!r}")
    if x == 0.0:
        return 0.0
    # starting point: series near the branch point, log asymptotics for large x
    if x < 1.0:
        p = math.sqrt(max(0.0, 2.0 * (math.e * x + 1.0)))
        w = -1.0 + p - p * p / 3.0 + 11.0 / 72.0 * p**3
        if x > -0.25:
            w = math.log1p(x)
    else:
        lx = math.log(x)
        w = lx - math.log(lx) if x > 3.0 else 0.5 * lx + 0.5
    for _ in range(100):
        ew = math.exp(w)
        f = w * ew - x
        if f == 0.0:
            break
        wp1 = w + 1.0
        if wp1 == 0.0:  # exactly at the branch point
            break
        step = f / (ew * wp1 - (w + 2.0) * f / (2.0 * wp1))
        w -= step
        if abs(step) <= 1e-15 * (1.0 + abs(w)):
            break
    return w


class StorageCapacity(NamedTuple):
    """Constants of Theorem 3 (see :func:`storage_capacity`)."""

    a: float
    b: float
    c: float
    condition_holds: bool
    n_storable: float


@finite_output
def storage_capacity(d: int, beta: float, K: float, p: float) -> StorageCapacity:
    """Storage capacity constants of Ramsauer et al., Theorem 3.

    Patterns are drawn uniformly on the sphere of radius ``M = K sqrt(d - 1)``; with
    failure probability ``0 < p <= 1`` define::

        a = 2/(d - 1) (1 + ln(2 beta K^2 p (d - 1)))
        b = 2 K^2 beta / 5
        c = b / W_0(exp(a + ln b))

    If ``c >= (2 / sqrt(p))^(4/(d - 1))`` (``condition_holds``) then with probability
    ``1 - p`` at least ``N = sqrt(p) c^((d - 1)/4)`` (``n_storable``) random patterns
    are stored (each retrievable in the sense of Theorem 4).  The paper quotes
    c >= 3.1546 for beta=1, K=3, d=20, p=0.001 and c >= 1.3718 for beta=1, K=1, d=75,
    p=0.001.

    Parameters
    ----------
    d : int >= 2
        Pattern dimension.
    beta : float > 0
        Inverse temperature.
    K : float > 0
        Pattern radius factor, ``M = K sqrt(d - 1)``.
    p : float in (0, 1]
        Failure probability.

    Returns
    -------
    StorageCapacity
        The constants ``a``, ``b``, ``c``, whether the condition of Theorem 3 holds, and
        the number ``N`` of patterns it guarantees.

    Raises
    ------
    ValueError
        If an argument is out of its range.
    """
    try:
        d = check_int(d, "d", 2)
    except ValueError as exc:
        raise ValueError(f"d must be an integer >= 2 ({exc})") from exc
    bt = _check_beta(beta)
    K = check_real(K, "K", lo=0.0, lo_open=True)
    p = check_real(p, "p (failure probability)", lo=0.0, hi=1.0, lo_open=True)
    # logs of products, so no intermediate under- or overflows
    a = 2.0 / (d - 1) * (1.0 + math.log(2.0) + math.log(bt) + 2.0 * math.log(K)
                          + math.log(p) + math.log(d - 1))
    log_b = math.log(2.0 / 5.0) + 2.0 * math.log(K) + math.log(bt)
    b = math.exp(log_b) if log_b < 709.0 else math.inf
    arg = a + log_b
    if not (math.isfinite(b) and b > 0.0) or arg < -700.0:
        raise ValueError(f"storage capacity constants leave float64 range for d = {d}, "
                         f"beta = {bt!r}, K = {K!r}, p = {p!r} (b = 2 K^2 beta / 5 = {b}, "
                         f"a + ln b = {arg}); expected moderate beta, K and p")
    if arg > 700.0:
        # W0(e^t) = t - ln t + o(1) for large t; iterate w = t - ln w
        w = arg
        for _ in range(100):
            w = arg - math.log(w)
    else:
        w = lambert_w0(math.exp(arg))
    c = b / w
    log_c = math.log(c)
    cond = log_c >= (4.0 / (d - 1)) * (math.log(2.0) - 0.5 * math.log(p))
    log_n = 0.5 * math.log(p) + (d - 1) / 4.0 * log_c
    if log_n > 709.0:
        raise ValueError(f"n_storable = sqrt(p) c^((d-1)/4) overflows float64 (log = "
                         f"{log_n:.1f}) for d = {d}; expected a smaller d or K")
    n_storable = math.exp(log_n)
    return StorageCapacity(a, b, c, bool(cond), n_storable)
