"""The dynamics of the network, which are its decoder: hidden fields, the active
(winner-take-all) neuron of each cluster, the majority vote of the visible neurons, one
step, :func:`decode` to a fixed point, fixed points.

Part of :mod:`pyref.models.expander` (Python-only, property-tested; not Lean-proved).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ..._validate import check_int, check_spin_batch
from .local_codes import syndromes
from .network import ExpanderHopfield, check_net, require_cluster

__all__ = [
    "hidden_fields",
    "hidden_active",
    "local_decisions",
    "hidden_winners",
    "visible_update",
    "step",
    "DecodeResult",
    "decode",
    "is_fixed_point",
]


def _fields(net: ExpanderHopfield, xb: np.ndarray) -> np.ndarray:
    local = xb[:, net.neighbors].astype(np.float32)  # (B, M, d_c)
    return local @ net.local_codebook.T.astype(np.float32)  # (B, M, K)


def hidden_fields(net: ExpanderHopfield, x: ArrayLike) -> np.ndarray:
    """Fields of all hidden neurons: ``f[c, u] = sum_j w_u[j] x[nbr(c, j)]``.

    Shape ``(M, K)`` for one state, ``(B, M, K)`` for a batch; integers in ``[-d_c, d_c]``
    with ``f = d_c - 2 * hamming(w_u, x_nbr(c))``.  Only for clusters of at most
    ``MAX_CLUSTER`` neurons (``ValueError`` otherwise).

    Parameters
    ----------
    net : ExpanderHopfield
        The network (from :func:`make_expander_hopfield`).
    x : array_like, shape (N,) or (B, N)
        Visible state(s), entries +1 / -1.

    Returns
    -------
    numpy.ndarray
        int64 of shape (M, K) (or (B, M, K)): ``f[c, u] = d_c - 2 hamming(w_u, x_nbr(c))`` in
        ``[-d_c, d_c]``.
    """
    net = check_net(net)
    require_cluster(net, "hidden_fields")
    xb, single = check_spin_batch(x, net.n_visible)
    f = np.rint(_fields(net, xb)).astype(np.int64)
    return f[0] if single else f


def hidden_active(net: ExpanderHopfield, x: ArrayLike) -> np.ndarray:
    """Thresholded hidden neurons: active iff ``f >= d_c - 2 t0``, i.e. the local word is
    within ``t0`` of the neuron's codeword.  Boolean, shape ``(M, K)`` or ``(B, M, K)``.

    Since the local distance is ``d0 >= 2 t0 + 1``, at most one neuron per cluster is
    active (two codewords within ``t0`` of one word would be ``<= 2 t0`` apart), so the
    winner-take-all is exact; none is active when the local word has no codeword within
    ``t0`` (the constraint then abstains).

    Parameters
    ----------
    net : ExpanderHopfield
        The network (from :func:`make_expander_hopfield`).
    x : array_like, shape (N,) or (B, N)
        Visible state(s), entries +1 / -1.

    Returns
    -------
    numpy.ndarray
        bool of shape (M, K) (or (B, M, K)): ``f >= d_c - 2 t0``, at most one True per cluster.
    """
    f = hidden_fields(net, x)
    return f >= net.d_c - 2 * net.t0


def _local_decode(net: ExpanderHopfield, xb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(decoded local bits (B, M, d_c) uint8, active (B, M) bool) via the syndrome table."""
    bits = (xb[:, net.neighbors] < 0).astype(np.uint8)
    syn = syndromes(bits, net.local_check)
    return bits ^ net.error_table[syn], net.error_valid[syn]


def local_decisions(net: ExpanderHopfield, x: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """What every constraint cluster outputs, for any local code size.

    Returns ``(words, active)``: ``words[c]`` (+1/-1, shape ``(M, d_c)``) is the codeword
    of the active hidden neuron of constraint ``c`` -- the unique local codeword within
    ``t0`` of the local word, found as ``local word + e(s)`` with ``e(s)`` the unique
    weight ``<= t0`` pattern of syndrome ``s = H_loc b`` -- and ``active[c]`` is False
    when no such codeword exists (abstention; ``words[c]`` is then meaningless).
    Batched: shapes ``(B, M, d_c)`` and ``(B, M)``.

    Parameters
    ----------
    net : ExpanderHopfield
        The network (from :func:`make_expander_hopfield`).
    x : array_like, shape (N,) or (B, N)
        Visible state(s), entries +1 / -1.

    Returns
    -------
    words : numpy.ndarray
        int64 +1/-1 of shape (M, d_c) (or (B, M, d_c)): the local codeword within ``t0`` of each
        constraint's local word (meaningless where not active).
    active : numpy.ndarray
        bool of shape (M,) (or (B, M)): False where the constraint abstains.
    """
    net = check_net(net)
    xb, single = check_spin_batch(x, net.n_visible)
    dec, act = _local_decode(net, xb)
    words = 1 - 2 * dec.astype(np.int64)
    return (words[0], act[0]) if single else (words, act)


def hidden_winners(net: ExpanderHopfield, x: ArrayLike) -> np.ndarray:
    """Index (into ``net.local_codebook``) of the active hidden neuron of every cluster,
    ``-1`` where the cluster abstains (no codeword within ``t0``).

    For a perfect local code (Hamming, ``t0 = 1``) some neuron is always active and it is
    the argmax of the fields (checked in the tests).  Shape ``(M,)`` or ``(B, M)``.  Only
    for clusters of at most ``MAX_CLUSTER`` neurons; :func:`local_decisions` works always.

    Parameters
    ----------
    net : ExpanderHopfield
        The network (from :func:`make_expander_hopfield`).
    x : array_like, shape (N,) or (B, N)
        Visible state(s), entries +1 / -1.

    Returns
    -------
    numpy.ndarray
        int64 of shape (M,) (or (B, M)): the index into ``net.local_codebook`` of each cluster's
        active neuron, ``-1`` where it abstains.
    """
    net = check_net(net)
    require_cluster(net, "hidden_winners")
    xb, single = check_spin_batch(x, net.n_visible)
    dec, act = _local_decode(net, xb)
    w = 1 << np.arange(net.d_c, dtype=np.int64)
    keys = ((1 - net.local_codebook) // 2) @ w
    win = np.searchsorted(keys, dec.astype(np.int64) @ w)
    win = np.where(act, win, -1)
    return win[0] if single else win


def incidence(net: ExpanderHopfield) -> tuple[np.ndarray, np.ndarray]:
    """For each visible neuron its ``d_v`` (constraint, slot) pairs, shape (N, d_v) each."""
    order = np.argsort(net.neighbors.ravel(), kind="stable")
    con = (order // net.d_c).reshape(net.n_visible, net.d_v)
    slot = (order % net.d_c).reshape(net.n_visible, net.d_v)
    return con, slot


def _vote(xb: np.ndarray, votes: np.ndarray) -> np.ndarray:
    """Majority of the received votes (B, N, d_v) in {-1, 0 (abstain), +1}; keep ties."""
    field = votes.sum(axis=2, dtype=np.int64)
    return np.where(field > 0, 1, np.where(field < 0, -1, xb))


def visible_update(net: ExpanderHopfield, x: ArrayLike, winners: ArrayLike) -> np.ndarray:
    """Majority vote of the active hidden neurons: ``x_i <- sign(sum_c w^(c)_i)``, keep ties
    (and keep when no vote arrives); ``winners[c] = -1`` means constraint ``c`` abstains.

    Parameters
    ----------
    net : ExpanderHopfield
        The network (from :func:`make_expander_hopfield`).
    x : array_like, shape (N,) or (B, N)
        Visible state(s), entries +1 / -1.
    winners : array_like of int, shape (M,) or (B, M)
        The active neuron of each cluster (:func:`hidden_winners`), ``-1`` = abstain.

    Returns
    -------
    numpy.ndarray
        int64 +1/-1 of the shape of ``x``: ``sign(sum_c w^(c)_i)`` per visible neuron, ``x_i``
        kept on a tie or without votes.
    """
    net = check_net(net)
    xb, single = check_spin_batch(x, net.n_visible)
    win = np.asarray(winners)
    if win.dtype.kind not in "iu":
        raise ValueError(f"winners: dtype {win.dtype}; expected integer indices")
    win = win.reshape(xb.shape[0], -1) if (single and win.ndim == 1) else win
    require_cluster(net, "visible_update")
    k = net.cluster_size
    if win.shape != (xb.shape[0], net.n_constraints) or np.any(win < -1) or np.any(win >= k):
        raise ValueError(f"winners: shape {np.shape(winners)}; expected indices in [-1, {k}) "
                         f"of shape ({net.n_constraints},) or (B, {net.n_constraints})")
    con, slot = incidence(net)
    book = np.concatenate([net.local_codebook, np.zeros((1, net.d_c), np.int64)])
    votes = book.astype(np.int8)[win]  # (B, M, d_c); row -1 = abstain (zeros)
    out = _vote(xb, votes[:, con, slot])
    return out[0] if single else out


def _step(net: ExpanderHopfield, xb: np.ndarray, inc: Any = None) -> np.ndarray:
    con, slot = incidence(net) if inc is None else inc
    dec, act = _local_decode(net, xb)
    votes = (1 - 2 * dec[:, con, slot].astype(np.int8)) * act[:, con]
    return _vote(xb, votes)


def step(net: ExpanderHopfield, x: ArrayLike) -> np.ndarray:
    """One network round: thresholded hidden winner-take-all (or abstention), then the
    visible majority vote (keep ties).

    Parameters
    ----------
    net : ExpanderHopfield
        The network (from :func:`make_expander_hopfield`).
    x : array_like, shape (N,) or (B, N)
        Visible state(s), entries +1 / -1.

    Returns
    -------
    numpy.ndarray
        int64 +1/-1 of the shape of ``x``: the state after one round (winners, then the majority
        vote).
    """
    net = check_net(net)
    xb, single = check_spin_batch(x, net.n_visible)
    out = _step(net, xb)
    return out[0] if single else out


@dataclass(frozen=True)
class DecodeResult:
    """Outcome of :func:`decode`: final states, rounds run per state, convergence flags."""

    state: np.ndarray
    rounds: np.ndarray
    converged: np.ndarray


def decode(net: ExpanderHopfield, x: ArrayLike, max_rounds: int = 100) -> DecodeResult:
    """Run the network's own dynamics until a fixed point (or ``max_rounds`` rounds).

    Works on one state ``(N,)`` or a batch ``(B, N)``; ``rounds[b]`` counts the rounds
    that changed state ``b``; ``converged[b]`` says a fixed point was reached.

    Parameters
    ----------
    net : ExpanderHopfield
        The network (from :func:`make_expander_hopfield`).
    x : array_like, shape (N,) or (B, N)
        Visible state(s), entries +1 / -1.
    max_rounds : int >= 1
        Cap on the rounds.

    Returns
    -------
    DecodeResult
        ``state`` (shape of ``x``) the final state(s); ``rounds`` int64 (B,) the state-changing
        rounds per state; ``converged`` bool (B,) whether a fixed point was reached (``B = 1``
        for one state).
    """
    net = check_net(net)
    xb, single = check_spin_batch(x, net.n_visible)
    max_rounds = check_int(max_rounds, "max_rounds", 1)
    inc = incidence(net)
    rounds = np.zeros(xb.shape[0], dtype=np.int64)
    active = np.ones(xb.shape[0], dtype=bool)
    for _ in range(max_rounds):
        if not active.any():
            break
        idx = np.where(active)[0]
        new = _step(net, xb[idx], inc)
        changed = np.any(new != xb[idx], axis=1)
        xb[idx] = new
        rounds[idx[changed]] += 1
        active[idx[~changed]] = False
    if active.any():  # check the ones still marked active after the last round
        idx = np.where(active)[0]
        active[idx[np.all(_step(net, xb[idx], inc) == xb[idx], axis=1)]] = False
    res = DecodeResult(xb, rounds, ~active)
    if single:
        return DecodeResult(xb[0], rounds[:1], res.converged[:1])
    return res


def is_fixed_point(net: ExpanderHopfield, x: ArrayLike) -> bool | np.ndarray:
    """True where one round leaves the state unchanged (a stable state of the network).

    Parameters
    ----------
    net : ExpanderHopfield
        The network (from :func:`make_expander_hopfield`).
    x : array_like, shape (N,) or (B, N)
        Visible state(s), entries +1 / -1.

    Returns
    -------
    bool or numpy.ndarray
        For one state a bool, for a batch a bool array (B,): True where :func:`step` leaves the
        state unchanged.
    """
    net = check_net(net)
    xb, single = check_spin_batch(x, net.n_visible)
    fp = np.all(_step(net, xb) == xb, axis=1)
    return bool(fp[0]) if single else fp
