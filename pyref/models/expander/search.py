"""The expansion search: clustered (worst-case-like) error sets, :func:`expansion_radius`
(exhaustive for sets of size <= 2 or 3, greedy beyond) and the sampled
:func:`expansion_profile`.

Part of :mod:`pyref.models.expander` (Python-only, property-tested; not Lean-proved).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ..._validate import RequiredSeed, as_required_generator, check_int
from .dynamics import incidence
from .guarantees import check_expansion_beta, contraction_factor
from .network import ExpanderHopfield, check_net, pair_counts

__all__ = [
    "clustered_set",
    "ExpansionSearch",
    "expansion_radius",
    "expansion_profile",
]


def greedy_grow(net: ExpanderHopfield, size: int, rng: np.random.Generator,
                 limit: float | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Greedily clustered set: start at a random neuron, repeatedly add a (random among
    the best) neuron adding the fewest new constraints.  Returns (members in order,
    |N(S)| after each addition).  With ``limit`` = beta d_v it stops at the first size
    with ``|N(S)| < limit |S|``."""
    n = net.n_visible
    con, _ = incidence(net)
    covered = np.zeros(net.n_constraints, dtype=bool)
    cnt = np.zeros(n, dtype=np.int64)  # covered constraints of each neuron
    member = np.zeros(n, dtype=bool)
    order, sizes = [], []
    nbhd = 0
    pick = int(rng.integers(n))
    for s in range(1, size + 1):
        if s > 1:
            score = np.where(member, -1, cnt)
            best = np.flatnonzero(score == score.max())
            pick = int(best[rng.integers(best.size)])
        member[pick] = True
        order.append(pick)
        new = con[pick][~covered[con[pick]]]
        covered[new] = True
        nbhd += new.size
        for c in new.tolist():
            cnt[net.neighbors[c]] += 1
        sizes.append(nbhd)
        if limit is not None and nbhd < limit * s - 1e-9:
            break
    return np.array(order, dtype=np.int64), np.array(sizes, dtype=np.int64)


def clustered_set(net: ExpanderHopfield, size: int, *, seed: RequiredSeed) -> np.ndarray:
    """A greedily clustered (adversarial) set of ``size`` visible neurons: start at a
    random neuron and repeatedly add the neuron that adds the fewest new constraints
    (ties broken at random).  Such sets have the smallest neighbourhoods the search finds,
    so they are the worst error patterns for the decoder that we know how to build.

    ``seed``: an int >= 0 or a :class:`numpy.random.Generator` (advanced in place);
    ``None`` is refused with ValueError, since every result of this module is reproducible.

    Parameters
    ----------
    net : ExpanderHopfield
        The network (from :func:`make_expander_hopfield`).
    size : int, 1 <= size <= N
        Number of visible neurons in the set.
    seed : int >= 0 or numpy.random.Generator
        Source of all randomness: an int gives a reproducible stream, a Generator is used as is
        and advanced in place; ``None`` is refused (every result of this module is
        reproducible).

    Returns
    -------
    numpy.ndarray
        int64 of shape (size,): the distinct visible neurons of the set, in the order they were
        added.
    """
    net = check_net(net)
    size = check_int(size, "size", 1)
    if size > net.n_visible:
        raise ValueError(f"size: got {size}; expected at most n_visible = {net.n_visible}")
    return greedy_grow(net, size, as_required_generator(seed))[0]


@dataclass(frozen=True)
class ExpansionSearch:
    """Outcome of :func:`expansion_radius`.

    Attributes
    ----------
    beta : float
    radius : int
        ``a``: no set of size ``<= a`` that the search examined violates
        ``|N(S)| >= beta d_v |S|``.
    fraction : float
        ``a / N``.
    exhaustive_sizes : tuple of int
        Set sizes checked exhaustively (all sets of that size; the only certified part).
    violation : ndarray or None
        The smallest violating set found (size ``a + 1``), or None if none was found up to
        ``max_size`` (then ``radius = max_size``, a search cap, not a property).
    rho : float or None
        :func:`contraction_factor` ``(d_v, t0, beta)``.
    """

    beta: float
    radius: int
    fraction: float
    exhaustive_sizes: tuple
    violation: np.ndarray | None
    rho: float | None


def _co_neighbours(net: ExpanderHopfield) -> list[np.ndarray]:
    keys, _ = pair_counts(net.neighbors, net.n_visible)
    n = net.n_visible
    u, v = keys // n, keys % n
    a = np.concatenate([u, v])
    b = np.concatenate([v, u])
    order = np.argsort(a, kind="stable")
    a, b = a[order], b[order]
    starts = np.searchsorted(a, np.arange(n + 1))
    return [b[starts[i]:starts[i + 1]] for i in range(n)]


def expansion_radius(net: ExpanderHopfield, beta: float, *, seed: RequiredSeed, n_greedy: int = 20,
                     n_random: int = 200, max_size: int | None = None,
                     max_triples: int = 3_000_000) -> ExpansionSearch:
    """Empirical expansion radius: the largest ``a`` such that no set ``S`` with
    ``1 <= |S| <= a`` found by the search has ``|N(S)| < beta d_v |S|``.

    Exact expansion is NP-hard to compute, so this is a SEARCH, certified only for the
    sizes in ``exhaustive_sizes``:

    * ``|S| = 1`` (``|N(S)| = d_v``, simple graph) and ``|S| = 2`` (``2 d_v - shared``,
      from the exact pair counts) always exhaustive;
    * ``|S| = 3`` exhaustive when the connected triples (paths ``u - v - w`` in the
      "shares a constraint" graph) number at most ``max_triples`` -- a disconnected set's
      neighbourhood is the disjoint union of its parts', so connected sets suffice;
    * larger sizes: ``n_greedy`` seeded greedy clustered sets (:func:`clustered_set`,
      the adversarial direction) grown until the first violation, and ``n_random``
      uniformly random sets of sizes up to the current radius.

    The constant-fraction guarantee of :func:`contraction_factor` is then the theorem
    CONDITIONAL on ``H(a, beta)`` holding for the ``a`` returned here.

    ``seed``: an int >= 0 or a :class:`numpy.random.Generator` (advanced in place);
    ``None`` is refused with ValueError, since every result of this module is reproducible.

    Parameters
    ----------
    net : ExpanderHopfield
        The network (from :func:`make_expander_hopfield`).
    beta : float in (0, 1]
        Expansion factor of the hypothesis ``|N(S)| >= beta d_v |S|``.
    seed : int >= 0 or numpy.random.Generator
        Source of all randomness: an int gives a reproducible stream, a Generator is used as is
        and advanced in place; ``None`` is refused (every result of this module is
        reproducible).
    n_greedy : int >= 0
        Greedy clustered sets grown per search.
    n_random : int >= 0
        Uniformly random sets tried.
    max_size : int or None
        Largest set size examined (``None``: ``N``).
    max_triples : int >= 0
        Size 3 is exhaustive when the connected triples number at most this.

    Returns
    -------
    ExpansionSearch
        ``radius`` ``a`` (no examined set of size ``<= a`` violates the expansion), ``fraction``
        ``a / N``, the ``exhaustive_sizes`` (the certified part), the smallest ``violation``
        found (or ``None``) and ``rho`` = :func:`contraction_factor` ``(d_v, t0, beta)``.
    """
    net = check_net(net)
    b = check_expansion_beta(beta)
    rng = as_required_generator(seed)
    n_greedy = check_int(n_greedy, "n_greedy", minimum=0)
    n_random = check_int(n_random, "n_random", minimum=0)
    max_triples = check_int(max_triples, "max_triples", minimum=0)
    n, d_v = net.n_visible, net.d_v
    max_size = n if max_size is None else check_int(max_size, "max_size", 1)
    if max_size > n:
        raise ValueError(f"max_size: got {max_size}; expected at most n_visible = {n}")
    limit = b * d_v
    tol = 1e-9
    best = max_size  # largest radius consistent with what was found so far
    witness: np.ndarray | None = None
    exhaustive = [1]

    def record(s: int, members: np.ndarray) -> None:
        nonlocal best, witness
        if s - 1 < best:
            best, witness = s - 1, np.sort(np.asarray(members, dtype=np.int64))

    con, _ = incidence(net)
    if d_v < limit * 1 - tol:  # only for beta > 1, excluded by validation
        record(1, np.array([0]))
    if best >= 2 and n >= 2:
        keys, counts = pair_counts(net.neighbors, n)
        exhaustive.append(2)
        if counts.size and 2 * d_v - counts.max() < 2 * limit - tol:
            k = keys[int(np.argmax(counts))]
            record(2, np.array([k // n, k % n]))
    if best >= 3 and n >= 3:
        nbrs = _co_neighbours(net)
        total = sum(len(x) * (len(x) - 1) // 2 for x in nbrs)
        if total <= max_triples:
            exhaustive.append(3)
            worst, arg = 3 * d_v + 1, None
            for v in range(n):
                lst = nbrs[v]
                if lst.size < 2:
                    continue
                ii, jj = np.triu_indices(lst.size, 1)
                cc = np.concatenate([np.broadcast_to(con[v], (ii.size, d_v)),
                                     con[lst[ii]], con[lst[jj]]], axis=1)
                cc.sort(axis=1)
                size = 1 + np.count_nonzero(cc[:, 1:] != cc[:, :-1], axis=1)
                t = int(np.argmin(size))
                if size[t] < worst:
                    worst, arg = int(size[t]), (v, int(lst[ii[t]]), int(lst[jj[t]]))
            if arg is not None and worst < 3 * limit - tol:
                record(3, np.array(arg))
    for _ in range(n_greedy):
        if best < 1:
            break
        order, nb = greedy_grow(net, min(best + 1, n), rng, limit)
        bad = np.flatnonzero(nb < limit * np.arange(1, nb.size + 1) - tol)
        if bad.size:
            record(int(bad[0]) + 1, order[:bad[0] + 1])
    if best >= 4:
        sizes = np.unique(np.geomspace(4, best, num=min(10, best - 3)).astype(np.int64))
        for t in range(n_random):
            s = int(sizes[t % sizes.size])
            if s > best:
                continue
            S = rng.choice(n, size=s, replace=False)
            if np.unique(con[S]).size < limit * s - tol:
                record(s, S)
    return ExpansionSearch(b, int(best), best / n, tuple(exhaustive), witness,
                           contraction_factor(d_v, net.t0, b))


def expansion_profile(net: ExpanderHopfield, sizes: ArrayLike, n_samples: int = 200, *,
                      seed: RequiredSeed) -> dict[int, dict[str, float]]:
    """Empirical expansion ``|N(S)| / (d_v |S|)`` of visible sets ``S``.

    For each size ``s`` it reports the minimum over ``n_samples`` uniformly random sets
    (``"random"``) and over ``n_samples`` greedily clustered sets (``"greedy"``,
    :func:`clustered_set`, the adversarial direction), plus the fraction of *unique
    neighbours* (constraints seen by exactly one member) for the greedy sets
    (``"unique_greedy"``).  An empirical check, not a certificate (exact expansion is
    NP-hard to compute).

    ``seed``: an int >= 0 or a :class:`numpy.random.Generator` (advanced in place);
    ``None`` is refused with ValueError, since every result of this module is reproducible.

    Parameters
    ----------
    net : ExpanderHopfield
        The network (from :func:`make_expander_hopfield`).
    sizes : int or array_like of int
        Set sizes ``s`` to sample, each in ``[1, N]``.
    n_samples : int >= 1
        Random and greedy sets per size.
    seed : int >= 0 or numpy.random.Generator
        Source of all randomness: an int gives a reproducible stream, a Generator is used as is
        and advanced in place; ``None`` is refused (every result of this module is
        reproducible).

    Returns
    -------
    dict[int, dict[str, float]]
        ``{s: {"random": min, "greedy": min, "unique_greedy": frac}}``: the least
        ``|N(S)| / (d_v s)`` over the random and over the greedy sets, and the fraction of
        unique neighbours of the greedy sets.
    """
    net = check_net(net)
    rng = as_required_generator(seed)
    n_samples = check_int(n_samples, "n_samples", 1)
    sizes = [check_int(s, "size", 1) for s in np.atleast_1d(np.asarray(sizes)).tolist()]
    if any(s > net.n_visible for s in sizes):
        raise ValueError(f"sizes: each must be <= n_visible = {net.n_visible}")
    con, _ = incidence(net)
    out: dict[int, dict[str, float]] = {}
    for s in sizes:
        worst_r, worst_g, uniq_g = np.inf, np.inf, np.inf
        for _ in range(n_samples):
            S = rng.choice(net.n_visible, size=s, replace=False)
            worst_r = min(worst_r, np.unique(con[S]).size / (net.d_v * s))
            G = greedy_grow(net, s, rng)[0]
            _, cnt = np.unique(con[G], return_counts=True)
            worst_g = min(worst_g, cnt.size / (net.d_v * s))
            uniq_g = min(uniq_g, np.count_nonzero(cnt == 1) / (net.d_v * s))
        out[s] = {"random": float(worst_r), "greedy": float(worst_g),
                  "unique_greedy": float(uniq_g)}
    return out
