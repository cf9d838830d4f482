"""The experiments: decoding success against the error fraction, and the Hebbian baseline
(the spec's rule ``W = sum_k p_k p_k^T - m I`` with cyclic asynchronous sweeps, keep
ties, implemented privately here and tested against ``pyref.learning``).

Part of :mod:`pyref.models.expander` (Python-only, property-tested; not Lean-proved).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ..._validate import RequiredSeed, as_required_generator, check_fraction, check_int
from .dynamics import decode
from .global_code import flip_random_bits, random_codewords
from .network import ExpanderHopfield, check_net
from .search import greedy_grow

__all__ = ["decoding_success", "hebbian_recall_success", "hebbian_max_patterns"]


def decoding_success(net: ExpanderHopfield, error_fractions: ArrayLike, trials: int, *,
                     seed: RequiredSeed, max_rounds: int = 100, codeword: str = "random",
                     errors: str = "random") -> np.ndarray:
    """Fraction of trials in which the dynamics return exactly the original codeword.

    For each error fraction ``f``: take ``trials`` codewords, flip ``round(f N)`` bits of
    each, run :func:`decode`.

    Parameters
    ----------
    net : ExpanderHopfield
        The network (from :func:`make_expander_hopfield`).
    error_fractions : float or array_like of float
        Error fractions ``f`` in ``[0, 1]``.
    trials : int >= 1
        Trials per fraction.
    seed : int >= 0 or numpy.random.Generator
        Source of all randomness: an int gives a reproducible stream, a Generator is used as is
        and advanced in place; ``None`` is refused (every result of this module is
        reproducible).
    max_rounds : int >= 1
        Cap on the rounds of :func:`decode`.
    codeword : {'random', 'zero'}
        Random global codewords, or the all-``+1`` codeword.  The error dynamics do not depend
        on the codeword (the syndrome of a local word is that of its error, and every vote's
        agreement with the codeword depends only on the error), so "zero" gives the same
        statistics without the cost of a GF(2) basis (large N).
    errors : {'random', 'clustered'}
        Uniformly random error positions, or a greedily clustered set (:func:`clustered_set`,
        adversarial).

    Returns
    -------
    numpy.ndarray
        float64 of shape (len(error_fractions),): per fraction the share of trials, in
        ``[0, 1]``, decoded exactly to the original codeword.
    """
    net = check_net(net)
    fr = [check_fraction(f, "error_fractions") for f in np.atleast_1d(error_fractions)]
    trials = check_int(trials, "trials", 1)
    if codeword not in ("random", "zero"):
        raise ValueError(f"codeword: got {codeword!r}; expected 'random' or 'zero'")
    if errors not in ("random", "clustered"):
        raise ValueError(f"errors: got {errors!r}; expected 'random' or 'clustered'")
    rng = as_required_generator(seed)
    n = net.n_visible
    out = []
    for f in fr:
        cw = (random_codewords(net, trials, seed=rng) if codeword == "random"
              else np.ones((trials, n), dtype=np.int64))
        k = round(f * n)
        if errors == "random" or k == 0:
            noisy = flip_random_bits(cw, k, seed=rng)
        else:
            noisy = cw.copy()
            for b in range(trials):
                noisy[b, greedy_grow(net, k, rng)[0]] *= -1
        res = decode(net, noisy, max_rounds=max_rounds)
        out.append(float(np.mean(np.all(res.state == cw, axis=1))))
    return np.array(out)


def _hebbian_weights(patterns: np.ndarray) -> np.ndarray:
    w = patterns.T @ patterns
    np.fill_diagonal(w, 0)  # = sum_k p_k p_k^T - m I
    return w


def _hebbian_recall(w: np.ndarray, xb: np.ndarray, max_sweeps: int) -> np.ndarray:
    """Cyclic asynchronous sweeps (keep ties), vectorised over the batch."""
    x = xb.copy()
    n = x.shape[1]
    for _ in range(max_sweeps):
        old = x.copy()
        for i in range(n):
            h = x @ w[i]
            x[:, i] = np.where(h > 0, 1, np.where(h < 0, -1, x[:, i]))
        if np.array_equal(old, x):
            break
    return x


def hebbian_recall_success(n: int, m: int, error_fractions: ArrayLike, trials: int, *,
                           seed: RequiredSeed, max_sweeps: int = 30) -> np.ndarray:
    """Baseline: classical Hebbian network (spec rule) with ``m`` random patterns of length
    ``n``; success = exact recovery of a stored pattern after flipping ``round(f n)`` bits.

    Each trial draws a fresh pattern set, so the estimate averages over networks.

    ``seed``: an int >= 0 or a :class:`numpy.random.Generator` (advanced in place);
    ``None`` is refused with ValueError, since every result of this module is reproducible.

    Parameters
    ----------
    n : int >= 1
        Number of neurons.
    m : int >= 1
        Number of random patterns stored.
    error_fractions : float or array_like of float
        Error fractions ``f`` in ``[0, 1]``.
    trials : int >= 1
        Trials (fresh pattern sets) per fraction.
    seed : int >= 0 or numpy.random.Generator
        Source of all randomness: an int gives a reproducible stream, a Generator is used as is
        and advanced in place; ``None`` is refused (every result of this module is
        reproducible).
    max_sweeps : int >= 1
        Cap on the cyclic asynchronous sweeps.

    Returns
    -------
    numpy.ndarray
        float64 of shape (len(error_fractions),): per fraction the share of trials, in
        ``[0, 1]``, that recover the stored pattern exactly.
    """
    n = check_int(n, "n", 1)
    m = check_int(m, "m", 1)
    trials = check_int(trials, "trials", 1)
    max_sweeps = check_int(max_sweeps, "max_sweeps", 1)  # 0 sweeps would "recall" the cue
    fr = [check_fraction(f, "error_fractions") for f in np.atleast_1d(error_fractions)]
    rng = as_required_generator(seed)
    n_nets = max(1, min(trials, 10))
    per_net = -(-trials // n_nets)
    out = []
    for f in fr:
        hits = tot = 0
        for _ in range(n_nets):
            pats = 1 - 2 * rng.integers(0, 2, size=(m, n))
            w = _hebbian_weights(pats)
            which = rng.integers(0, m, size=per_net)
            clean = pats[which]
            noisy = flip_random_bits(clean, int(round(f * n)), seed=rng)
            got = _hebbian_recall(w, noisy, max_sweeps)
            hits += int(np.all(got == clean, axis=1).sum())
            tot += per_net
        out.append(hits / tot)
    return np.array(out)


def hebbian_max_patterns(n: int, *, seed: RequiredSeed, threshold: float = 0.95,
                         trials: int = 40, max_sweeps: int = 30) -> int:
    """Largest ``m`` for which a Hebbian network of ``n`` neurons recalls a stored pattern
    exactly from the clean cue in at least ``threshold`` of the trials ("as many patterns
    as it can" store as stable states).

    Bisection on ``m`` in ``[1, n]`` (recall success decreases with the load ``m / n``;
    ``m = 1`` always passes: the field at the single pattern is ``(n - 1) p_i``).
    ``max_sweeps`` and ``trials`` must be ``>= 1`` (``ValueError`` otherwise: with no
    sweep at all every clean cue would count as recalled and the answer would be ``n``).

    ``seed``: an int >= 0 or a :class:`numpy.random.Generator` (advanced in place);
    ``None`` is refused with ValueError, since every result of this module is reproducible.

    Parameters
    ----------
    n : int >= 1
        Number of neurons.
    seed : int >= 0 or numpy.random.Generator
        Source of all randomness: an int gives a reproducible stream, a Generator is used as is
        and advanced in place; ``None`` is refused (every result of this module is
        reproducible).
    threshold : float in [0, 1]
        Required share of exact recalls from the clean cue.
    trials : int >= 1
        Trials per tested ``m``.
    max_sweeps : int >= 1
        Cap on the cyclic asynchronous sweeps.

    Returns
    -------
    int
        The largest ``m`` in ``[1, n]`` (by bisection) whose recall success from the clean cue
        is ``>= threshold``.
    """
    n = check_int(n, "n", 1)
    thr = check_fraction(threshold, "threshold")
    trials = check_int(trials, "trials", 1)
    max_sweeps = check_int(max_sweeps, "max_sweeps", 1)  # 0 sweeps: every cue "recalled"
    rng = as_required_generator(seed)

    def ok(m: int) -> bool:
        return hebbian_recall_success(n, m, [0.0], trials, seed=rng,
                                      max_sweeps=max_sweeps)[0] >= thr

    lo, hi = 1, n + 1  # ok(lo) holds; treat m = n + 1 as failing
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if ok(mid):
            lo = mid
        else:
            hi = mid
    return lo
