"""Storage capacity of the Hebbian rule for random patterns (spec T9; Lean
``Hopfield.Thm.Capacity``).

Patterns ``p^1, ..., p^m`` uniform on ``({-1,+1}^n)^m``, Hebbian weights
``W = sum_l p^l (p^l)^T - m I``, zero thresholds, ``keep`` ties.  For a pattern index ``k``
and a neuron ``i``

    p^k_i h_i(p^k) = (n - 1) + C,   C = sum_{l != k} sum_{j != i} (p^k_i p^l_i)(p^l_j p^k_j),

and the crosstalk ``C`` has exactly the law of a sum ``S_N`` of ``N = (m-1)(n-1)``
independent uniform signs (Lean ``Hopfield.lsum_crosstalk``).  Neuron ``i`` of ``p^k`` is
unstable iff ``C <= -n``, so by the union bound

    P(all m patterns are fixed points) >= 1 - m n P(S_N <= -n)

(Lean ``Hopfield.lsum_allFixed_ge``), an exact rational: :func:`capacity_bound`.

* :func:`crosstalk` -- ``C`` for a concrete pattern array (Lean ``Hopfield.crosstalk``).
* :func:`sign_sum_counts`, :func:`sign_sum_tail` -- the law of ``S_N`` as exact counts
  (Lean ``Hopfield.signSum``, ``Hopfield.signSumTail``).
* :func:`unstable_probability` -- ``P(S_N <= -n)``, exact.
* :func:`capacity_bound` -- ``1 - m n P(S_N <= -n)``, exact.
* :func:`chernoff_bound` -- ``1 - m n ((1+b^2)/2)^N / b^(N+n)``, exact, any rational
  ``b >= 1`` (Lean ``Hopfield.lsum_allFixed_ge_chernoff``).
* :func:`block_bound` -- ``1 - m n (2m/(2m+1))^n`` (Lean ``Hopfield.lsum_allFixed_ge_block``).
* :func:`certified_m` -- the largest ``m`` the log-free scaling theorem certifies
  (Lean ``Hopfield.lsum_allFixed_ge_of_mul_le``), about ``n / (4 log2 n)``.
* :func:`simulate_all_fixed` -- the probability bounded, by seeded simulation.
* :func:`capacity_curve` -- for each ``n``: the largest ``m`` the bound certifies at a
  level, a seeded simulation with pyref's Hebbian recall, and the classical estimates
  ``n / (4 ln n)`` (McEliece et al. 1987) and ``0.138 n`` (Amit, Gutfreund, Sompolinsky).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction

import numpy as np
from numpy.typing import ArrayLike

from .._validate import (
    MAX_EXACT_BITS,
    SeedLike,
    as_generator,
    check_exact_power,
    check_index,
    check_int,
    check_patterns,
    check_seed,
    check_work,
)

__all__ = [
    "crosstalk",
    "sign_sum_counts",
    "sign_sum_tail",
    "unstable_probability",
    "capacity_bound",
    "chernoff_bound",
    "block_bound",
    "certified_m",
    "simulate_all_fixed",
    "capacity_curve",
    "MAX_SIGN_SUM_N",
    "MAX_SIGN_COUNTS_N",
]

#: Largest ``N`` of an exact sign-sum tail (:func:`sign_sum_tail`, and so the ``N = (m-1)
#: (n-1)`` of :func:`unstable_probability` / :func:`capacity_bound`): a few big-integer
#: binomials of ``N`` bits, at most a few CPU-seconds at the limit.
MAX_SIGN_SUM_N = 2**18

#: Largest ``N`` of :func:`sign_sum_counts`: ``N + 1`` counts of up to ``N`` bits each
#: (``N^2 / 2`` bits in all: 16 MB at the limit).
MAX_SIGN_COUNTS_N = 2**14

#: Bit limit of the exact powers in :func:`chernoff_bound` and :func:`block_bound`
#: (``n = 1000, m = 100`` needs about 3 million bits).
_MAX_BOUND_BITS = 4 * MAX_EXACT_BITS


def _check_nm(n: object, m: object) -> tuple[int, int]:
    n = check_int(n, "n", minimum=1)
    m = check_int(m, "m", minimum=1)
    return n, m


def _check_N(N: object, limit: int, what: str = "N") -> int:
    v = check_int(N, what, minimum=0)
    if v > limit:
        raise ValueError(f"{what}: got {v}; exact sign-sum counts are limited to N <= {limit} "
                         f"(big integers of N bits; this call would not finish in bounded "
                         f"time)")
    return v


def crosstalk(patterns: ArrayLike, k: int, i: int) -> int:
    """The crosstalk ``C = sum_{l != k} sum_{j != i} (p^k_i p^l_i)(p^l_j p^k_j)`` at pattern
    ``k``, neuron ``i`` (spec T9; Lean ``Hopfield.crosstalk``).

    It satisfies ``p^k_i h_i(p^k) = (n - 1) + C`` for the Hebbian field ``h = W p^k``
    (Lean ``Hopfield.spin_mul_field_hebbian``).

    Parameters
    ----------
    patterns : (m, n) array of spins +-1.
    k, i : int
        Pattern index ``0 <= k < m`` and neuron ``0 <= i < n``.

    Returns
    -------
    int
    """
    P = check_patterns(patterns).astype(np.int64)
    m, n = P.shape
    k = check_index(k, m, "k")
    i = check_index(i, n, "i")
    p = P[k]
    others = np.delete(P, k, axis=0)
    q = others * p                      # q[l, j] = p^l_j p^k_j
    rows = q.sum(axis=1) - q[:, i]      # sum_{j != i}
    return int(np.sum(q[:, i] * rows))  # q[l, i] = p^l_i p^k_i


def sign_sum_counts(N: int) -> dict[int, int]:
    """The law of ``S_N = sigma_1 + ... + sigma_N`` (uniform signs) as exact counts:
    ``{c: #{sigma in {-1,+1}^N : sum sigma = c}}``, i.e. ``c = 2a - N`` with count
    ``binom(N, a)`` (spec T9; Lean ``Hopfield.signSum``).

    Parameters
    ----------
    N : int >= 0

    Returns
    -------
    dict mapping each attainable sum ``c`` to its count; the counts add up to ``2^N``.
    """
    N = _check_N(N, MAX_SIGN_COUNTS_N)
    out: dict[int, int] = {}
    c = 1
    for a in range(N + 1):
        out[2 * a - N] = c
        c = c * (N - a) // (a + 1)
    return out


def sign_sum_tail(N: int, t: int) -> int:
    """``#{sigma in {-1,+1}^N : sum sigma <= -t}`` exactly (spec T9; Lean
    ``Hopfield.signSumTail``).

    ``sum sigma = 2a - N`` with ``a`` the number of ``+1`` entries, so the count is
    ``sum_{a <= (N - t) / 2} binom(N, a)``.  Computed exactly with big integers as
    ``#(a < N/2)`` (by the symmetry ``a <-> N - a``: ``(2^N - binom(N, N/2)) / 2``) minus
    the band ``(N - t)/2 < a < N/2`` of about ``|t|/2`` binomials, so the cost is two
    ``math.comb`` calls and ``O(|t|)`` big-integer steps, not ``O(N)``; when ``|t|`` is
    close to ``N`` the few binomials below ``(N - |t|)/2`` are summed directly instead.
    ``N`` is limited to :data:`MAX_SIGN_SUM_N`.

    Parameters
    ----------
    N : int >= 0
    t : int

    Returns
    -------
    int between ``0`` and ``2^N``.
    """
    N = _check_N(N, MAX_SIGN_SUM_N)
    t = check_int(t, "t")
    top = (N - t) // 2          # largest admissible number of +1 entries
    if top < 0:
        return 0
    if top >= N:
        return 1 << N
    if 2 * top >= N:            # t <= 0: the complement has a < N - top entries
        return (1 << N) - sign_sum_tail(N, 1 - t)
    if 2 * (top + 1) <= (N + 1) // 2:
        # few terms below top (t close to N): sum binom(N, a), a = 0..top, directly
        total, c = 0, 1
        for a in range(top + 1):
            total += c
            c = c * (N - a) // (a + 1)
        return total
    # top < N / 2: #(a < N/2) by symmetry, minus the band top < a < N/2 (about t/2 terms)
    below_half = ((1 << N) - (math.comb(N, N // 2) if N % 2 == 0 else 0)) // 2
    band = 0
    c = math.comb(N, top + 1)
    for a in range(top + 1, (N + 1) // 2):
        band += c
        c = c * (N - a) // (a + 1)
    return below_half - band


def unstable_probability(n: int, m: int) -> Fraction:
    """``P(neuron i of pattern k is unstable) = P(S_N <= -n)``, ``N = (m-1)(n-1)``, exactly,
    for ``m`` uniform random patterns of ``n`` neurons, Hebbian weights, zero thresholds,
    ``keep`` ties; the same for every ``k`` and ``i`` (spec T9; Lean
    ``Hopfield.lsum_unstable``).

    Parameters
    ----------
    n, m : int >= 1

    Returns
    -------
    Fraction in ``[0, 1/2]``.

    Raises
    ------
    TypeError
        If ``n`` or ``m`` is not an integer.
    ValueError
        If ``n < 1`` or ``m < 1``.
    """
    n, m = _check_nm(n, m)
    N = _check_N((m - 1) * (n - 1), MAX_SIGN_SUM_N, "N = (m - 1)(n - 1)")
    return Fraction(sign_sum_tail(N, n), 1 << N)


def capacity_bound(n: int, m: int) -> Fraction:
    """The proved lower bound ``P(all m patterns are fixed points) >= 1 - m n P(S_N <= -n)``,
    ``N = (m-1)(n-1)``, exactly (spec T9; Lean ``Hopfield.lsum_allFixed_ge``).

    Patterns uniform on ``({-1,+1}^n)^m``, Hebbian weights ``W = sum_l p^l (p^l)^T - m I``,
    zero thresholds, ``keep`` ties (a pattern is a fixed point iff ``p_i h_i(p) >= 0`` for
    every ``i``).  The value can be negative (then the bound says nothing).  Big-integer
    binomials: ``n = 1000, m = 100`` takes well under a second.

    Parameters
    ----------
    n, m : int >= 1

    Returns
    -------
    Fraction ``<= 1``; equal to ``1`` when ``m = 1`` or ``n = 1``.

    Raises
    ------
    TypeError
        If ``n`` or ``m`` is not an integer.
    ValueError
        If ``n < 1`` or ``m < 1``.
    """
    n, m = _check_nm(n, m)
    return 1 - m * n * unstable_probability(n, m)


def chernoff_bound(n: int, m: int, b: Fraction | int | None = None) -> Fraction:
    """The explicit bound over the rationals, ``P(all m patterns fixed) >= 1 - m n
    ((1 + b^2)/2)^N / b^(N+n)``, ``N = (m-1)(n-1)``, for a rational ``b >= 1``
    (spec T9; Lean ``Hopfield.lsum_allFixed_ge_chernoff``, from the exponential-moment tail
    bound ``Hopfield.signTail_mul_pow_le``: ``P(S_N <= -n) <= ((1+b^2)/2)^N / b^(N+n)``).

    It is never above :func:`capacity_bound` (the exact tail is below its Chernoff bound).
    The default ``b = 1 + 1/m`` is close to the best choice; then the failure term is about
    ``m n exp(-n / (2m))``.

    Parameters
    ----------
    n, m : int >= 1
    b : Fraction or int >= 1, optional

    Returns
    -------
    Fraction (may be negative: then the bound says nothing).

    Raises
    ------
    TypeError
        If ``n``, ``m`` are not integers or ``b`` is not a rational.
    ValueError
        If ``n < 1``, ``m < 1`` or ``b < 1``.
    """
    n, m = _check_nm(n, m)
    if b is None:
        bq = Fraction(m + 1, m)
    elif isinstance(b, (bool, np.bool_)) or not isinstance(b, (Fraction, int, np.integer)):
        raise TypeError(f"b: got {b!r} ({type(b).__name__}); expected a Fraction or int >= 1")
    else:
        bq = Fraction(int(b)) if not isinstance(b, Fraction) else b
    if bq < 1:
        raise ValueError(f"b: got {b!r}; expected a rational >= 1")
    N = (m - 1) * (n - 1)
    base = (1 + bq * bq) / 2
    check_exact_power(base, N, "(1 + b^2)/2", limit=_MAX_BOUND_BITS)
    check_exact_power(bq, N + n, "b", limit=_MAX_BOUND_BITS)
    return 1 - m * n * base ** N / bq ** (N + n)


def block_bound(n: int, m: int) -> Fraction:
    """``1 - m n (2m / (2m + 1))^n``: the Chernoff bound at ``b = (m+1)/m`` in closed form,
    a lower bound on ``P(all m patterns fixed)`` (spec T9; Lean
    ``Hopfield.lsum_allFixed_ge_block``, from ``P(S_N <= -n) <= (2m/(2m+1))^n``,
    ``Hopfield.signTail_mul_pow_block_le``).  Never above :func:`chernoff_bound` at the
    default ``b``.

    Parameters
    ----------
    n, m : int >= 1

    Returns
    -------
    Fraction (may be negative).
    """
    n, m = _check_nm(n, m)
    base = Fraction(2 * m, 2 * m + 1)
    check_exact_power(base, n, "2m/(2m+1)", limit=_MAX_BOUND_BITS)
    return 1 - m * n * base ** n


def certified_m(n: int, eps: Fraction | int = Fraction(1, 2)) -> int:
    """The largest ``m >= 1`` that the log-free scaling theorem certifies at failure
    probability ``eps``: ``(2m + 1) L <= n`` with ``L`` the least integer such that
    ``2^L >= m n / eps``, so ``P(all m patterns fixed) >= 1 - m n / 2^L >= 1 - eps``
    (spec T9; Lean ``Hopfield.lsum_allFixed_ge_of_mul_le``).  About ``n / (4 log2 n)``;
    ``0`` if not even ``m = 1`` qualifies.

    Parameters
    ----------
    n : int >= 1
    eps : Fraction or int, ``0 < eps <= 1``

    Returns
    -------
    int >= 0
    """
    n = check_int(n, "n", minimum=1)
    if isinstance(eps, (bool, np.bool_)) or not isinstance(eps, (Fraction, int, np.integer)):
        raise TypeError(f"eps: got {eps!r} ({type(eps).__name__}); expected a Fraction in (0, 1]")
    e = Fraction(eps)
    if not 0 < e <= 1:
        raise ValueError(f"eps: got {eps!r}; expected a rational in (0, 1]")
    # (2m + 1) L(m) <= n is monotone in m (both factors grow with m): bisect on [0, n]
    lo, hi = 0, n + 1            # ok(lo) (vacuously for 0), not ok(hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if (2 * mid + 1) * _log_level(mid * n, e) <= n:
            lo = mid
        else:
            hi = mid
    return lo


def _log_level(x: int, e: Fraction) -> int:
    """Least ``L >= 0`` with ``2^L e >= x`` (``x >= 1``, ``e > 0`` rational)."""
    need = -(-x * e.denominator // e.numerator)      # ceil(x / e)
    return max(0, (need - 1).bit_length())


def _largest_m(pred: Callable[..., bool], m_max: int) -> int:
    """Largest ``m`` in ``[1, m_max]`` with ``pred(m)`` true and ``pred(m + 1)`` false, found
    by doubling from ``m = 1`` and then bisection, assuming ``pred(1)``; ``m_max`` if the
    doubling reaches it with ``pred`` still true.  (Doubling keeps the exact bound cheap:
    ``m`` never goes far beyond the crossing.)"""
    lo, hi = 1, 2
    while hi <= m_max and pred(hi):
        lo, hi = hi, 2 * hi
    if hi > m_max:
        if lo == m_max or pred(m_max):
            return m_max
        hi = m_max
    while hi - lo > 1:          # pred(lo) true, pred(hi) false
        mid = (lo + hi) // 2
        if pred(mid):
            lo = mid
        else:
            hi = mid
    return lo


def _draw_all_fixed(n: int, m: int, rng: np.random.Generator) -> bool:
    """One draw of ``m`` uniform patterns: are all of them fixed points?  (pyref
    ``hebbian_recall_batch`` from the patterns themselves, one sweep, keep ties: a pattern
    that is not a fixed point has moved after one sweep and, by T1, never returns.)"""
    from .learning import hebbian_recall_batch
    P = rng.choice(np.array([-1, 1], dtype=np.int64), size=(m, n))
    res = hebbian_recall_batch(P, P, tie="keep", max_sweeps=1)
    return bool(np.all(res.states == P))


def simulate_all_fixed(n: int, m: int, *, trials: int = 100, seed: SeedLike = 0) -> float:
    """Monte-Carlo estimate of ``P(all m patterns are fixed points)`` for ``m`` uniform
    random patterns of ``n`` neurons (Hebbian weights, zero thresholds, keep ties; spec T9,
    the event that :func:`capacity_bound` bounds from below).

    Parameters
    ----------
    n, m : int >= 1
    trials : int >= 1
        Independent pattern draws.
    seed : None, int >= 0 or numpy Generator
        An int seed draws from ``numpy.random.default_rng([seed, n, m])``.

    Returns
    -------
    float, the fraction of draws in which every pattern is a fixed point.
    """
    n, m = _check_nm(n, m)
    trials = check_int(trials, "trials", minimum=1)
    check_work(trials * n, "trials * n", trials * m * m * n, "trials * m^2 * n")
    rng = _rng_for(seed, n, m)
    return sum(_draw_all_fixed(n, m, rng) for _ in range(trials)) / trials


def _rng_for(seed: SeedLike, n: int, m: int) -> np.random.Generator:
    seed = check_seed(seed)
    if seed is not None and not isinstance(seed, np.random.Generator):
        return np.random.default_rng([int(seed), n, m])
    return as_generator(seed)


def _sim_at_least(n: int, m: int, trials: int, seed: SeedLike, lev: Fraction) -> bool:
    """Is the simulated fraction (``trials`` draws) ``>= lev``?  Stops as soon as the answer
    is decided; the draws are those of :func:`simulate_all_fixed` with the same seed."""
    rng = _rng_for(seed, n, m)
    need = math.ceil(lev * trials)
    ok = 0
    for t in range(trials):
        ok += _draw_all_fixed(n, m, rng)
        if ok >= need:
            return True
        if ok + (trials - t - 1) < need:
            return False
    return ok >= need


def capacity_curve(ns: Sequence[int], *, level: Fraction | float = Fraction(1, 2),
                   trials: int = 40, simulate: bool = True,
                   seed: SeedLike = 0) -> dict[str, np.ndarray]:
    """Capacity as a function of ``n``: proved bound, simulation and classical estimates
    (spec T9).

    For each ``n`` in ``ns``:

    * ``m_bound``: the largest ``m`` with ``capacity_bound(n, m) >= level`` and
      ``capacity_bound(n, m + 1) < level`` found by doubling and bisection (so the theorem
      certifies
      ``P(all m patterns fixed) >= level`` at ``m = m_bound``);
    * ``m_sim``: the same crossing for the simulated fraction of ``trials`` seeded draws in
      which all ``m`` patterns are fixed points (:func:`simulate_all_fixed`, pyref Hebbian
      recall, keep ties; doubling and bisection on ``[1, n // 2]``); ``-1`` when
      ``simulate=False``;
    * ``mceliece``: ``n / (4 ln n)``, McEliece, Posner, Rodemich, Venkatesh (1987), all
      patterns fixed with probability -> 1;
    * ``ags``: ``0.138 n``, Amit, Gutfreund, Sompolinsky (1985/87), retrieval with a small
      fraction of errors (a different criterion, shown for scale).

    Parameters
    ----------
    ns : sequence of int >= 2
    level : Fraction or float in (0, 1)
        The probability level defining "capacity".
    trials : int >= 1
        Simulated pattern draws per ``(n, m)``.
    simulate : bool
    seed : None, int >= 0 or numpy Generator
        The simulation draws from ``numpy.random.default_rng([seed, n, m])`` for an int
        seed, so every ``(n, m)`` point is reproducible on its own.

    Returns
    -------
    dict of arrays ``n``, ``m_bound``, ``m_sim``, ``mceliece``, ``ags``.
    """
    ns_l = [check_int(v, "ns[...]", minimum=2) for v in ns]
    if not ns_l:
        raise ValueError("ns: is empty; expected at least one n >= 2")
    lev = Fraction(level) if not isinstance(level, Fraction) else level
    if not 0 < lev < 1:
        raise ValueError(f"level: got {level!r}; expected a probability in (0, 1)")
    trials = check_int(trials, "trials", minimum=1)
    seed = check_seed(seed)
    if simulate:
        # doubling + bisection: about 2 log2(n) simulated points of up to m = n/2 patterns
        draws = sum(trials * 2 * n.bit_length() for n in ns_l)
        check_work(draws, "sum over ns of trials * 2 log2(n)",
                   sum(trials * 2 * n.bit_length() * n**3 // 4 for n in ns_l),
                   "sum over ns of trials * 2 log2(n) * n^3 / 4")
    m_bound, m_sim = [], []
    for n in ns_l:
        m_bound.append(_largest_m(lambda m: capacity_bound(n, m) >= lev, n))
        if simulate:
            m_sim.append(_largest_m(
                lambda m, n=n: _sim_at_least(n, m, trials, seed, lev), max(2, n // 2)))
        else:
            m_sim.append(-1)
    nv = np.array(ns_l, dtype=np.int64)
    return {
        "n": nv,
        "m_bound": np.array(m_bound, dtype=np.int64),
        "m_sim": np.array(m_sim, dtype=np.int64),
        "mceliece": nv / (4 * np.log(nv)),
        "ags": 0.138 * nv,
    }
