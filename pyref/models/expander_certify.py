"""Sound expansion certificates for the bipartite expander Hopfield network.

Python-only (not Lean-proved), spec section "Python-only parts"; companion of
:mod:`pyref.expander`.  The constant-fraction theorem of
:func:`pyref.expander.contraction_factor` needs the hypothesis ``H(a, beta)``: every set
``S`` of visible neurons with ``1 <= |S| <= a`` has ``|N(S)| >= beta d_v |S|`` constraint
neighbours.  :func:`pyref.expander.expansion_radius` *searches* for violations (an upper
bound on the largest such ``a``).  This module gives *lower* bounds, i.e. certificates:

* :func:`pair_expansion_bound` -- exact for ``|S| <= 2`` and a proved bound for every
  ``|S|`` from the largest number ``lambda`` of constraints two neurons share
  (inclusion-exclusion);
* :func:`tanner_expansion_bound` -- the spectral bound of Tanner (1984) from the second
  singular value ``sigma_2`` of the biadjacency matrix (:func:`biadjacency_sigma2`);
* :func:`certified_expansion` -- the largest ``a`` certified by the better of the two,
  with the ``beta`` and contraction ``rho`` it proves, and the bound that stops it;
* :func:`ensemble_failure_bound` / :func:`ensemble_radius` -- a first-moment (union)
  bound for the *configuration-model ensemble*: a statement about random graphs, not a
  certificate for one seeded graph.

All bounds are exact rational/floating formulas of integer graph statistics; the only
floating-point eigenvalue computation is :func:`biadjacency_sigma2`, whose ``sound`` flag
says whether its value carries a proved error margin (dense route) or is an estimate
(Lanczos route, large graphs).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .._validate import check_int, check_real
from . import expander as E

__all__ = [
    "hamming_check_matrix",
    "SpectralEstimate",
    "biadjacency_sigma2",
    "pair_expansion_bound",
    "tanner_expansion_bound",
    "beta_for_rho",
    "CertifiedExpansion",
    "certified_expansion",
    "ensemble_failure_bound",
    "ensemble_radius",
]

#: Largest number of constraints for the dense (sound) eigenvalue route.
DENSE_LIMIT = 2500
#: Hard caps that keep every call bounded in time and memory (dense M x M matrix,
#: Lanczos basis of ``steps`` vectors of length M, one log-term per set size).
MAX_DENSE = 5000
MAX_LANCZOS_STEPS = 500
MAX_SIZES = 2_000_000


def _int(k: object, name: str, minimum: int) -> int:
    return check_int(k, name, minimum)


def _unit(x: object, name: str, *, open_lo: bool = True, hi_open: bool = False) -> float:
    """A real number in ``(0, 1]`` (or with the ends as asked)."""
    return float(check_real(x, name, lo=0.0, hi=1.0, lo_open=open_lo, hi_open=hi_open))


def hamming_check_matrix(r: int) -> np.ndarray:
    """Parity-check matrix of the Hamming ``[2^r - 1, 2^r - 1 - r, 3]`` code, ``2 <= r <= 7``.

    Column ``j`` (``j = 1 .. 2^r - 1``) is the binary expansion of ``j``: all nonzero
    ``r``-bit columns, so every single error has its own syndrome (``t0 = 1``).  Unlike
    :func:`pyref.expander.hamming_local_code` it does not enumerate the codebook, so
    lengths 31, 63 and 127 are allowed (the network never materialises those clusters).

    Returns
    -------
    check : ndarray, shape (r, 2^r - 1), uint8

    Parameters
    ----------
    r : int
        Number of parity checks, ``2 <= r <= 7`` (length ``2^r - 1``).
    """
    r = _int(r, "r", 2)
    if r > 7:
        raise ValueError(f"r: got {r}; expected 2 <= r <= 7 (local length <= 127)")
    cols = np.arange(1, 2**r)
    return ((cols[None, :] >> np.arange(r)[:, None]) & 1).astype(np.uint8)


# --------------------------------------------------------------------------- spectrum
@dataclass(frozen=True)
class SpectralEstimate:
    """Second singular value of the biadjacency matrix ``B`` (N x M, 0/1).

    Attributes
    ----------
    sigma1 : float
        ``sqrt(d_v d_c)``, the top singular value of a biregular ``B`` (exact).
    sigma2 : float
        Computed second singular value.
    sigma2_upper : float or None
        A proved upper bound on ``sigma_2`` (dense route: computed value plus the
        eigensolver's backward-error margin), or None when only an estimate is known.
    method : str
        ``"dense"`` or ``"lanczos"`` (an estimate, not a bound).
    ramanujan : float
        ``sqrt(d_v - 1) + sqrt(d_c - 1)``, the asymptotic lower limit of ``sigma_2`` for
        large biregular graphs (bipartite Alon-Boppana), for comparison.
    """

    sigma1: float
    sigma2: float
    sigma2_upper: float | None
    method: str
    ramanujan: float


def _gram(net: E.ExpanderHopfield) -> np.ndarray:
    """``A = B^T B`` (M x M): ``A[c, c']`` = number of visible neurons in both."""
    m = net.n_constraints
    order = np.argsort(net.neighbors.ravel(), kind="stable")
    con = (order // net.d_c).reshape(net.n_visible, net.d_v)
    a = np.zeros((m, m), dtype=np.float64)
    ii = np.repeat(con, net.d_v, axis=1).ravel()
    jj = np.tile(con, (1, net.d_v)).ravel()
    np.add.at(a, (ii, jj), 1.0)
    return a


def _lanczos_top(matvec: Callable[[np.ndarray], np.ndarray], m: int, steps: int,
                 rng: np.random.Generator) -> float:
    """Largest eigenvalue of a symmetric PSD operator on ``1^perp`` (full
    re-orthogonalisation Lanczos; an estimate from below, converging fast)."""
    ones = np.ones(m) / math.sqrt(m)
    q = rng.standard_normal(m)
    q -= ones * (ones @ q)
    q /= np.linalg.norm(q)
    basis = [q]
    alpha, beta = [], []
    for _ in range(min(steps, m - 1)):
        w = matvec(basis[-1])
        w -= ones * (ones @ w)
        alpha.append(float(basis[-1] @ w))
        qs = np.array(basis)
        w -= qs.T @ (qs @ w)
        w -= qs.T @ (qs @ w)
        b = float(np.linalg.norm(w))
        if b < 1e-10:
            break
        beta.append(b)
        basis.append(w / b)
    k = len(alpha)
    t = np.diag(alpha) + np.diag(beta[:k - 1], 1) + np.diag(beta[:k - 1], -1)
    return float(np.linalg.eigvalsh(t)[-1])


def biadjacency_sigma2(net: E.ExpanderHopfield, *, dense_limit: int = DENSE_LIMIT,
                       lanczos_steps: int = 80, seed: int = 0) -> SpectralEstimate:
    """Second singular value ``sigma_2`` of the visible-constraint biadjacency matrix.

    ``sigma_2^2`` is the second eigenvalue ``mu_2`` of ``A = B^T B`` (``M x M``), whose
    top eigenvalue is ``d_v d_c`` with the all-ones eigenvector (biregular graph).

    * ``M <= dense_limit``: ``A`` is built exactly (integer entries), all eigenvalues by
      ``numpy.linalg.eigvalsh``; a backward-stable symmetric eigensolver returns exact
      eigenvalues of ``A + F`` with ``||F||_2 <= c M eps ||A||_2``, so by Weyl's
      inequality ``mu_2 <= mu_2_computed + 8 M eps d_v d_c`` (we take ``c = 8``; LAPACK
      states such bounds with a modest constant) -- ``sigma2_upper`` is the square root.
    * larger ``M``: Lanczos with full re-orthogonalisation on ``1^perp`` (matrix-free),
      an *estimate* (Ritz values approach ``mu_2`` from below); ``sigma2_upper`` is None.

    Parameters
    ----------
    net : ExpanderHopfield
    dense_limit : int
        Largest ``M`` for the dense, sound route.
    lanczos_steps : int
        Lanczos steps (Krylov dimension) of the matrix-free route.
    seed : int >= 0
        Seed of the Lanczos start vector (``None`` is refused: the estimate is
        reproducible).

    Returns
    -------
    SpectralEstimate
    """
    if not isinstance(net, E.ExpanderHopfield):
        raise TypeError(f"net: got {type(net).__name__}; expected an ExpanderHopfield")
    dense_limit = check_int(dense_limit, "dense_limit", 0, MAX_DENSE)
    steps = check_int(lanczos_steps, "lanczos_steps", 2, MAX_LANCZOS_STEPS)
    seed = _int(seed, "seed", 0)
    d_v, d_c, m = net.d_v, net.d_c, net.n_constraints
    top = float(d_v * d_c)
    ram = math.sqrt(d_v - 1) + math.sqrt(d_c - 1)
    if m <= dense_limit:
        ev = np.linalg.eigvalsh(_gram(net))
        mu2 = max(float(ev[-2]), 0.0) if m >= 2 else 0.0
        margin = 8.0 * m * np.finfo(float).eps * top
        return SpectralEstimate(math.sqrt(top), math.sqrt(mu2), math.sqrt(mu2 + margin),
                                "dense", ram)
    nb = net.neighbors
    n = net.n_visible

    def matvec(x: np.ndarray) -> np.ndarray:
        y = np.bincount(nb.ravel(), weights=np.repeat(x, d_c), minlength=n)  # B x
        return y[nb].sum(axis=1)  # B^T y

    mu2 = _lanczos_top(matvec, m, steps, np.random.default_rng(seed))
    return SpectralEstimate(math.sqrt(top), math.sqrt(max(mu2, 0.0)), None, "lanczos", ram)


# --------------------------------------------------------------------------- bounds
def pair_expansion_bound(d_v: int, lam: int, sizes: npt.ArrayLike) -> np.ndarray:
    """Proved lower bound on ``|N(S)| / (d_v |S|)`` from pair overlaps.

    ``beta_P(s) = max(0, 1 - lam (s - 1) / (2 d_v))`` for ``|S| = s``.

    Proof.  With ``c_j = |S cap N(j)|``, ``d_v s - |N(S)| = sum_j (c_j - 1)_+ <=
    sum_j C(c_j, 2)``, and ``sum_j C(c_j, 2)`` counts pairs of ``S`` with a common
    constraint, each pair at most ``lam`` times (``lam`` =
    :func:`pyref.expander.max_shared_constraints`): ``|N(S)| >= d_v s - lam s (s-1)/2``.
    Exact at ``s = 2`` (the worst pair shares ``lam``); at ``s = 3`` it is attained by
    any 6-cycle when ``lam = 1``.

    Parameters
    ----------
    d_v : int
        Constraints per visible neuron.
    lam : int
        Largest number of constraints two visible neurons share.
    sizes : array_like of int
        Set sizes ``s >= 1``.

    Returns
    -------
    ndarray of float, same shape as ``sizes``
    """
    d_v = _int(d_v, "d_v", 1)
    lam = _int(lam, "lam", 0)
    s = np.asarray(sizes, dtype=np.float64)
    if s.size == 0 or not np.all(np.isfinite(s)) or np.any(s < 1):
        raise ValueError("sizes: expected set sizes >= 1")
    with np.errstate(over="ignore"):  # astronomically large s: the bound is 0
        return np.maximum(0.0, 1.0 - lam * (s - 1) / (2.0 * d_v))


def tanner_expansion_bound(d_v: int, d_c: int, n_visible: int, sigma2: float,
                           sizes: npt.ArrayLike) -> np.ndarray:
    """Spectral lower bound on ``|N(S)| / (d_v |S|)`` (Tanner 1984).

    ``beta_T(s) = d_v / (mu_2 + (d_v d_c - mu_2) s / N)``, ``mu_2 = sigma_2^2``, for every
    set ``S`` of ``s`` visible neurons of a ``(d_v, d_c)``-biregular graph.

    Reference: R. M. Tanner, "Explicit concentrators from generalized N-gons", SIAM J.
    Algebraic Discrete Methods 5 (1984) 287-293.  Proof (ours, the standard one): let
    ``x`` be the indicator of ``S``; ``y = B^T x`` counts, per constraint, its neighbours
    in ``S``; ``sum_j y_j = d_v s`` and ``y`` is supported on ``N(S)``.  Writing ``x``
    along the all-ones top eigenvector of ``B B^T`` (eigenvalue ``d_v d_c``) and its
    orthogonal part (eigenvalues ``<= mu_2``): ``||y||^2 = x^T B B^T x <= d_v d_c s^2/N
    + mu_2 (s - s^2/N)``.  Cauchy-Schwarz: ``(d_v s)^2 <= |N(S)| ||y||^2``.  Divide.

    It never exceeds ``d_v / mu_2``, and ``mu_2 >= (sqrt(d_v-1) + sqrt(d_c-1))^2 - o(1)``
    for large graphs, so the spectral route cannot certify more than about
    ``d_v / (sqrt(d_v-1) + sqrt(d_c-1))^2`` (0.06 to 0.30 for our designs).

    Parameters
    ----------
    d_v, d_c : int
        Degrees of the visible neurons and of the constraints.
    n_visible : int
        ``N``.
    sigma2 : float
        An upper bound on the second singular value of ``B`` (the bound is proved only
        for such a value, e.g. :attr:`SpectralEstimate.sigma2_upper`).
    sizes : array_like
        Set sizes in ``[1, N]``.

    Returns
    -------
    ndarray of float
        The bound, capped at 1.
    """
    d_v = _int(d_v, "d_v", 1)
    d_c = _int(d_c, "d_c", 1)
    n = _int(n_visible, "n_visible", 1)
    sg = float(check_real(sigma2, "sigma2", lo=0.0))
    if sg * sg > d_v * d_c * (1 + 1e-12):
        raise ValueError(f"sigma2: got {sigma2!r}; expected 0 <= sigma2 <= sqrt(d_v d_c)")
    mu2 = sg * sg
    s = np.asarray(sizes, dtype=np.float64)
    if s.size == 0 or not np.all(np.isfinite(s)) or np.any(s < 1) or np.any(s > n):
        raise ValueError(f"sizes: expected set sizes in [1, n_visible = {n}]")
    return np.minimum(1.0, d_v / (mu2 + (d_v * d_c - mu2) * s / n))


def beta_for_rho(d_v: int, t0: int, rho: float) -> float:
    """The expansion ``beta`` at which :func:`pyref.expander.contraction_factor` equals
    ``rho``: ``beta = (d_v + rho t0 floor(d_v/2)) / (d_v (1 + rho t0))`` (solve
    ``d_v (1 - beta) = rho t0 (beta d_v - floor(d_v/2))``); ``rho -> 1`` gives
    :func:`pyref.expander.required_expansion`.

    Parameters
    ----------
    d_v : int >= 1
        Constraints per visible neuron.
    t0 : int >= 1
        Correction radius of the local code.
    rho : float in [0, 1)
        Target contraction factor.

    Returns
    -------
    float
        ``beta = (d_v + rho t0 floor(d_v/2)) / (d_v (1 + rho t0))`` in ``(0, 1]``.
    """
    d_v = _int(d_v, "d_v", 1)
    t0 = _int(t0, "t0", 1)
    r = _unit(rho, "rho", open_lo=False, hi_open=True)
    return (d_v + r * t0 * (d_v // 2)) / (d_v * (1 + r * t0))


@dataclass(frozen=True)
class CertifiedExpansion:
    """Outcome of :func:`certified_expansion` (every number here is proved, except where
    ``spectral.sigma2_upper`` is None: then the spectral column is an estimate and is not
    used for ``radius``).

    Attributes
    ----------
    radius : int
        ``a``: ``H(a, beta)`` is proved, with ``beta > required_expansion`` (0 if none).
    beta, rho : float or None
        The certified ``beta = min_{s <= a}`` of the bounds, and its contraction factor.
    beta_required : float
        :func:`pyref.expander.required_expansion` ``(d_v, t0)``.
    lam : int
        Largest number of constraints shared by two visible neurons.
    radius_pair, radius_spectral : int
        The radius each bound certifies alone (spectral: 0 when only estimated).
    spectral_beta_max : float
        ``d_v / sigma_2^2``: the most the spectral bound can ever give (at ``s -> 0``).
    constant_radius : int
        :func:`pyref.expander.guaranteed_radius` (one-round, needs no expansion).
    worst_case_radius : int
        ``max(radius, constant_radius)``: every error pattern of at most this many bits
        is corrected by :func:`pyref.expander.decode`.
    spectral : SpectralEstimate
    """

    radius: int
    beta: float | None
    rho: float | None
    beta_required: float
    lam: int
    radius_pair: int
    radius_spectral: int
    spectral_beta_max: float
    constant_radius: int
    worst_case_radius: int
    spectral: SpectralEstimate


def _last_true(mask: np.ndarray) -> int:
    """Largest ``a`` with ``mask[:a]`` all True (mask[i] is about size i + 1)."""
    bad = np.flatnonzero(~mask)
    return int(bad[0]) if bad.size else int(mask.size)


def certified_expansion(net: E.ExpanderHopfield, *, spectral: SpectralEstimate | None = None,
                        max_size: int | None = None) -> CertifiedExpansion:
    """Largest ``a`` for which ``H(a, beta)`` with ``beta > required_expansion(d_v, t0)``
    is *proved* for this graph, by :func:`pair_expansion_bound` (all sizes) and
    :func:`tanner_expansion_bound` (only with a sound ``sigma2_upper``).

    Both bounds decrease in ``s``, so ``a`` is the first size where the better one drops
    to ``<= beta_required``; ``beta`` is the better bound at ``s = a``, and
    :func:`pyref.expander.contraction_factor` then proves that every error pattern of at
    most ``a`` bits is corrected.  ``max_size`` caps the sizes examined (default ``N``).

    Parameters
    ----------
    net : ExpanderHopfield
    spectral : SpectralEstimate, optional
        From :func:`biadjacency_sigma2` (computed if omitted).
    max_size : int, optional
        Largest set size examined.

    Returns
    -------
    CertifiedExpansion
    """
    if not isinstance(net, E.ExpanderHopfield):
        raise TypeError(f"net: got {type(net).__name__}; expected an ExpanderHopfield")
    n, d_v, d_c, t0 = net.n_visible, net.d_v, net.d_c, net.t0
    cap = n if max_size is None else _int(max_size, "max_size", 1)
    if cap > n:
        raise ValueError(f"max_size: got {cap}; expected at most n_visible = {n}")
    sp = biadjacency_sigma2(net) if spectral is None else spectral
    if not isinstance(sp, SpectralEstimate):
        raise TypeError("spectral: expected a SpectralEstimate (biadjacency_sigma2)")
    lam = E.max_shared_constraints(net)
    breq = E.required_expansion(d_v, t0)
    sizes = np.arange(1, cap + 1)
    bp = pair_expansion_bound(d_v, lam, sizes)
    ok_p = bp > breq + 1e-12
    a_p = _last_true(ok_p)
    if sp.sigma2_upper is not None:
        bt = tanner_expansion_bound(d_v, d_c, n, min(sp.sigma2_upper, sp.sigma1), sizes)
    else:
        bt = np.zeros(cap)
    ok_t = bt > breq + 1e-12
    a_t = _last_true(ok_t)
    best = np.maximum(bp, bt)
    a = _last_true(best > breq + 1e-12)
    beta = float(best[a - 1]) if a else None
    rho = E.contraction_factor(d_v, t0, beta) if beta is not None else None
    const = E.guaranteed_radius(net)
    spec_max = d_v / max(sp.sigma2 ** 2, 1e-300)
    return CertifiedExpansion(a, beta, rho, breq, lam, a_p, a_t, spec_max, const,
                              max(a, const), sp)


# --------------------------------------------------------------------------- ensemble
def _log_falling(x: float, k: int) -> float:
    """``log(x (x-1) ... (x-k+1))`` for ``x >= k``."""
    return math.lgamma(x + 1) - math.lgamma(x - k + 1)


def _log_comb(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def _log_terms(n: int, d_v: int, d_c: int, beta: float, s_max: int) -> np.ndarray:
    """``log p_s`` for ``s = 1..s_max`` (``-inf`` where the event is impossible)."""
    m_tot = n * d_v // d_c
    e_tot = n * d_v
    out = np.full(s_max, -np.inf)
    for s in range(1, s_max + 1):
        m = math.ceil(beta * d_v * s - 1e-12) - 1  # |N(S)| <= m is a violation
        m = min(m, m_tot)
        if m < 1 or m * d_c < d_v * s:
            continue  # |N(S)| >= d_v s / d_c always, and >= 1
        out[s - 1] = (_log_comb(n, s) + _log_comb(m_tot, m)
                      + _log_falling(m * d_c, d_v * s) - _log_falling(e_tot, d_v * s))
    return out


def ensemble_failure_bound(n_visible: int, d_v: int, d_c: int, beta: float,
                           a: int) -> float:
    """Upper bound on ``P(H(a, beta) fails)`` for the configuration-model ensemble.

    Configuration model: the ``N d_v`` visible sockets are matched uniformly at random to
    the ``M d_c`` constraint sockets (multigraphs allowed; our generator then repairs
    repeated edges and 4-cycles, so this is a statement about the ensemble, not a
    certificate for one seeded graph).  For fixed ``S`` (``|S| = s``) and ``T``
    (``|T| = m``), ``P(N(S) subset T) = (m d_c)_(d_v s) / (N d_v)_(d_v s)`` (falling
    factorials: the ``d_v s`` sockets of ``S`` land on distinct sockets of ``T``).  A
    violation of size ``s`` is ``|N(S)| <= m_s = ceil(beta d_v s) - 1``; by the union
    bound ``P <= sum_{s=1}^{a} C(N, s) C(M, m_s) (m_s d_c)_(d_v s) / (N d_v)_(d_v s)``.
    Returns that sum (possibly ``> 1``, then vacuous).

    Parameters
    ----------
    n_visible, d_v, d_c : int
        ``N`` and the degrees (``N d_v`` divisible by ``d_c``).
    beta : float
        Expansion in ``(0, 1]``.
    a : int
        Largest set size, ``1 <= a <= N``.

    Returns
    -------
    float
    """
    n = _int(n_visible, "n_visible", 1)
    d_v = _int(d_v, "d_v", 1)
    d_c = _int(d_c, "d_c", 1)
    b = _unit(beta, "beta")
    a = check_int(a, "a", 1, MAX_SIZES)
    if (n * d_v) % d_c or a > n:
        raise ValueError(f"n_visible * d_v must be divisible by d_c and a <= n_visible; "
                         f"got N={n}, d_v={d_v}, d_c={d_c}, a={a}")
    lt = _log_terms(n, d_v, d_c, b, a)
    top = float(np.max(lt))
    if top == -np.inf:
        return 0.0
    return float(math.exp(top) * np.sum(np.exp(lt - top)))


def ensemble_radius(n_visible: int, d_v: int, d_c: int, beta: float, delta: float,
                    *, s_max: int | None = None) -> int:
    """Largest ``a`` with :func:`ensemble_failure_bound` ``<= delta``: a random
    configuration-model graph has ``H(a, beta)`` with probability ``>= 1 - delta``.
    Sizes up to ``s_max`` (default ``min(N, MAX_SIZES)``) are examined; 0 if even ``a = 1``
    fails.

    Parameters
    ----------
    n_visible, d_v, d_c : int
    beta : float
        Expansion in ``(0, 1]``.
    delta : float
        Failure probability in ``(0, 1)``.
    s_max : int, optional

    Returns
    -------
    int
    """
    n = _int(n_visible, "n_visible", 1)
    d_v = _int(d_v, "d_v", 1)
    d_c = _int(d_c, "d_c", 1)
    b = _unit(beta, "beta")
    dl = _unit(delta, "delta", hi_open=True)
    cap = min(n, MAX_SIZES) if s_max is None else check_int(s_max, "s_max", 1, MAX_SIZES)
    if (n * d_v) % d_c or cap > n:
        raise ValueError(f"n_visible * d_v must be divisible by d_c and s_max <= n_visible;"
                         f" got N={n}, d_v={d_v}, d_c={d_c}, s_max={cap}")
    lt = _log_terms(n, d_v, d_c, b, cap)
    with np.errstate(over="ignore"):
        csum = np.cumsum(np.exp(lt))  # overflow to inf only where the bound is vacuous
    ok = csum <= dl
    return _last_true(ok)
