"""The guarantees: the constant radius :func:`guaranteed_radius`, the one-step
certificate, and the constant-fraction theorem (:func:`contraction_factor`,
:func:`required_expansion`, :func:`guaranteed_rounds`).

Part of :mod:`pyref.models.expander` (Python-only, property-tested; not Lean-proved).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ..._validate import check_int, check_spin_batch
from .network import ExpanderHopfield, check_net, pair_counts

__all__ = [
    "max_shared_constraints",
    "guaranteed_radius",
    "one_step_certificate",
    "contraction_factor",
    "required_expansion",
    "guaranteed_rounds",
]


def max_shared_constraints(net: ExpanderHopfield) -> int:
    """``lambda``: the largest number of constraints shared by two distinct visible neurons.

    Parameters
    ----------
    net : ExpanderHopfield
        The network (from :func:`make_expander_hopfield`).

    Returns
    -------
    int
        ``lambda >= 0``: the most constraints two distinct visible neurons share (1 for a graph
        without 4-cycles).
    """
    net = check_net(net)
    _, counts = pair_counts(net.neighbors, net.n_visible)
    return int(counts.max()) if counts.size else 0


def guaranteed_radius(net: ExpanderHopfield) -> int:
    """Number of errors ``t`` such that ANY ``<= t`` flipped bits of a codeword are
    corrected by ONE round of the dynamics (a proved worst-case bound, constant in N).

    Proof sketch.  Call a constraint *bad* if it contains ``>= t0 + 1`` errors.  A good
    constraint holds at most ``t0`` errors, its active hidden neuron is the true local
    codeword, and its votes are all correct; a bad one votes wrongly or abstains.  So every
    neuron ends correct if fewer than ``d_v / 2`` of its constraints are bad (then its
    correct votes are a strict majority).  Let ``k = ceil(d_v / 2)`` and ``lambda`` =
    :func:`max_shared_constraints`.  For an erroneous neuron to see ``k`` bad constraints,
    each needs ``t0`` other errors and one error lies in at most ``lambda`` of them:
    ``>= ceil(k t0 / lambda) + 1`` errors.  For a correct neuron, each needs ``t0 + 1``
    errors: ``>= ceil(k (t0 + 1) / lambda)`` errors.  Hence
    ``t = min(ceil(k t0/lambda) + 1, ceil(k (t0+1)/lambda)) - 1`` errors are always
    corrected (``t0 = 1``, ``lambda = 1``, ``d_v = 3``: ``t = 2``).  For a guarantee that
    grows with N see :func:`contraction_factor` and :func:`expansion_radius`.

    Parameters
    ----------
    net : ExpanderHopfield
        The network (from :func:`make_expander_hopfield`).

    Returns
    -------
    int
        ``t = min(ceil(k t0 / lambda) + 1, ceil(k (t0 + 1) / lambda)) - 1`` with
        ``k = ceil(d_v / 2)``: every pattern of ``<= t`` errors on a codeword is corrected by
        one round.
    """
    net = check_net(net)
    lam = max(max_shared_constraints(net), 1)
    k = -(-net.d_v // 2)
    t0 = net.t0
    return min(-(-k * t0 // lam) + 1, -(-k * (t0 + 1) // lam)) - 1


def one_step_certificate(net: ExpanderHopfield, codeword: ArrayLike, noisy: ArrayLike) -> bool:
    """Sufficient condition (from :func:`guaranteed_radius`'s proof) for one round to map
    ``noisy`` back to ``codeword``: every visible neuron has fewer than ``d_v/2`` bad
    constraints (constraints holding ``>= t0 + 1`` errors).

    Parameters
    ----------
    net : ExpanderHopfield
        The network (from :func:`make_expander_hopfield`).
    codeword : array_like, shape (N,)
        A global codeword, entries +1 / -1.
    noisy : array_like, shape (N,)
        The codeword with some entries flipped.

    Returns
    -------
    bool
        True if every visible neuron has fewer than ``d_v / 2`` constraints holding
        ``>= t0 + 1`` errors (then one round maps ``noisy`` to ``codeword``); False says
        nothing.
    """
    net = check_net(net)
    cw, _ = check_spin_batch(codeword, net.n_visible, "codeword")
    nz, _ = check_spin_batch(noisy, net.n_visible, "noisy")
    if cw.shape[0] != 1 or nz.shape[0] != 1:
        raise ValueError("codeword, noisy: expected single states of shape (N,)")
    err = (cw[0] != nz[0]).astype(np.int64)
    bad = err[net.neighbors].sum(axis=1) >= net.t0 + 1  # (M,)
    n_bad = np.zeros(net.n_visible, dtype=np.int64)
    np.add.at(n_bad, net.neighbors.ravel(), np.repeat(bad.astype(np.int64), net.d_c))
    return bool(np.all(2 * n_bad < net.d_v))


def check_expansion_beta(beta: object) -> float:
    try:
        b = float(beta)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"beta: got {beta!r}; expected a number in (0, 1]") from exc
    if not np.isfinite(b) or b <= 0 or b > 1:
        raise ValueError(f"beta: got {beta!r}; expected a number in (0, 1]")
    return b


def contraction_factor(d_v: int, t0: int, beta: float) -> float | None:
    """Worst-case contraction ``rho`` of the error count in one round, under expansion.

    ``rho = d_v (1 - beta) / (t0 (beta d_v - floor(d_v / 2)))``, returned when
    ``0 <= rho < 1`` (i.e. ``beta > required_expansion(d_v, t0)``), else ``None`` (no
    guarantee; also for ``t0 = 0``).

    Theorem.  Let the local code correct ``t0`` errors, every visible neuron lie in ``d_v``
    constraints, and every set ``S`` of visible neurons with ``1 <= |S| <= a`` have
    ``|N(S)| >= beta d_v |S|`` (hypothesis ``H(a, beta)``).  If ``rho < 1``, then from any
    codeword with ``e <= a`` errors ONE round leaves ``e' <= rho e`` errors, so
    :func:`decode` returns the codeword, for every error pattern of size ``<= a``.

    Proof.  ``E`` = error set, ``F`` = constraints with ``>= t0 + 1`` errors (the others
    decode to the true local codeword and vote correctly).  Counting the ``d_v e`` edges
    from ``E``: ``d_v e >= (t0 + 1)|F| + (|N(E)| - |F|) >= t0 |F| + beta d_v e``, so
    ``|F| <= (1 - beta) d_v e / t0``.  A neuron is wrong after the round only if
    ``>= ceil(d_v/2)`` of its constraints are in ``F`` (otherwise more than half its
    votes are correct; keeping on a tie matters only for wrong neurons).  Let ``Q`` be
    those neurons and ``S`` a subset with ``|S| = min(|Q|, a)``.  Each ``v`` in ``S`` has
    at most ``floor(d_v/2)`` constraints outside ``F``, so ``beta d_v |S| <= |N(S)| <=
    |F| + floor(d_v/2) |S|``, i.e. ``|S| <= |F| / (beta d_v - floor(d_v/2)) <= rho e <
    e <= a``; so ``S = Q`` and ``e' <= |Q| <= rho e``.

    Parameters
    ----------
    d_v : int >= 1
        Constraints per visible neuron.
    t0 : int >= 0
        Correction radius of the local code.
    beta : float in (0, 1]
        Expansion factor of the hypothesis ``|N(S)| >= beta d_v |S|``.

    Returns
    -------
    float or None
        ``rho = d_v (1 - beta) / (t0 (beta d_v - floor(d_v / 2)))`` when ``0 <= rho < 1``, else
        ``None`` (no guarantee).
    """
    d_v = check_int(d_v, "d_v", 1)
    t0 = check_int(t0, "t0", minimum=0)
    b = check_expansion_beta(beta)
    den = t0 * (b * d_v - d_v // 2)
    if t0 == 0 or den <= 0:
        return None
    rho = d_v * (1.0 - b) / den
    return rho if rho < 1 else None


def required_expansion(d_v: int, t0: int) -> float:
    """Infimum of the ``beta`` with ``rho < 1`` in :func:`contraction_factor`:

    ``rho < 1  <=>  d_v (1 - beta) < t0 (beta d_v - floor(d_v/2))  <=>
    beta > (d_v + t0 floor(d_v/2)) / (d_v (t0 + 1))``.

    ``d_v = 3``: ``t0 = 1`` (Hamming) needs ``beta > 4/6 = 2/3``, which any cycle through
    ``k`` visible neurons violates (``|N(S)| = 3k - k = 2k``); ``t0 = 2`` (BCH) needs
    ``beta > 5/9``.

    Parameters
    ----------
    d_v : int >= 1
        Constraints per visible neuron.
    t0 : int >= 1
        Correction radius of the local code.

    Returns
    -------
    float
        ``(d_v + t0 floor(d_v/2)) / (d_v (t0 + 1))``: ``rho < 1`` exactly for ``beta`` above it.
    """
    d_v = check_int(d_v, "d_v", 1)
    t0 = check_int(t0, "t0", 1)
    return (d_v + t0 * (d_v // 2)) / (d_v * (t0 + 1))


def guaranteed_rounds(e: int, rho: float) -> int:
    """Rounds after which ``e`` errors are gone when each round multiplies the error count
    by at most ``rho < 1``: ``ceil(log e / log(1/rho)) + 1`` (``0`` for ``e = 0``).

    After ``r`` rounds at most ``rho^r e`` errors remain, which is ``< 1`` (so 0) once
    ``r > log e / log(1/rho)``.

    Parameters
    ----------
    e : int >= 0
        Number of errors.
    rho : float in [0, 1)
        Contraction factor per round (:func:`contraction_factor`).

    Returns
    -------
    int
        ``ceil(log e / log(1/rho)) + 1`` (0 for ``e = 0``; 1 for ``e = 1`` or ``rho = 0``):
        rounds after which no error is left.
    """
    e = check_int(e, "e", minimum=0)
    try:
        rho_f = float(rho)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"rho: got {rho!r}; expected a number in [0, 1)") from exc
    if not np.isfinite(rho_f) or rho_f < 0 or rho_f >= 1:
        raise ValueError(f"rho: got {rho!r}; expected a number in [0, 1)")
    if e == 0:
        return 0
    if rho_f == 0 or e == 1:
        return 1
    return int(np.ceil(np.log(e) / np.log(1.0 / rho_f))) + 1
