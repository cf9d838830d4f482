"""The network: :class:`ExpanderHopfield` (visible neurons, constraint clusters, the
seeded sparse bipartite graph) built by :func:`make_expander_hopfield`, and its explicit
weight matrix.

Part of :mod:`pyref.models.expander` (Python-only, property-tested; not Lean-proved).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ..._validate import RequiredSeed, as_required_generator, check_int
from .gf2 import gf2_rank
from .local_codes import (
    MAX_CLUSTER,
    check_local_check,
    correction_radius,
    enumerate_codebook,
    hamming_local_code,
    syndrome_table,
)

__all__ = [
    "ExpanderHopfield",
    "make_expander_hopfield",
    "weight_matrix",
]


@dataclass(frozen=True)
class ExpanderHopfield:
    """A bipartite expander Hopfield network (see the module docstring).

    Attributes
    ----------
    n_visible : int
        ``N``, the number of visible neurons.
    neighbors : ndarray, shape (M, d_c), int64
        ``neighbors[c, j]`` is the visible neuron seen by slot ``j`` of constraint ``c``
        (distinct within a row).
    local_check : ndarray, shape (r, d_c), uint8
        Parity-check matrix ``H_loc`` of the local code over GF(2) (same for every
        constraint).
    t0 : int
        Local correction radius (:func:`correction_radius`): a hidden neuron is active iff
        the local word is within ``t0`` of its codeword.
    error_table, error_valid : ndarray
        Syndrome table: for every syndrome ``s``, the unique local error pattern of weight
        ``<= t0`` with syndrome ``s`` and whether one exists (the winner-take-all computed
        without materialising the hidden neurons).
    """

    n_visible: int
    neighbors: np.ndarray
    local_check: np.ndarray
    t0: int
    error_table: np.ndarray
    error_valid: np.ndarray

    @property
    def n_constraints(self) -> int:
        """``M``."""
        return int(self.neighbors.shape[0])

    @property
    def d_c(self) -> int:
        """Visible neighbours per constraint."""
        return int(self.neighbors.shape[1])

    @property
    def d_v(self) -> int:
        """Constraints per visible neuron (the graph is left-regular)."""
        return int(self.neighbors.size // self.n_visible)

    @property
    def local_rank(self) -> int:
        """GF(2) rank of ``H_loc``; the local code has ``2^(d_c - rank)`` codewords."""
        return gf2_rank(self.local_check)

    @property
    def cluster_size(self) -> int:
        """``K = 2^(d_c - rank H_loc)``: hidden neurons per constraint (a Python int; for
        BCH [63,51,5] it is 2^51, never materialised)."""
        return 2 ** (self.d_c - self.local_rank)

    @property
    def n_hidden(self) -> int:
        """Total number of hidden neurons ``M K`` (a Python int, possibly huge)."""
        return self.n_constraints * self.cluster_size

    @property
    def local_codebook(self) -> np.ndarray:
        """All ``K`` local codewords as +1/-1 rows (the weights of one cluster's hidden
        neurons), sorted by packed value.  Raises ``ValueError`` if ``K > MAX_CLUSTER``."""
        cached = self.__dict__.get("_codebook")
        if cached is None:
            if self.cluster_size > MAX_CLUSTER:
                raise ValueError(
                    f"the cluster of each constraint has K = 2^{self.d_c - self.local_rank}"
                    f" = {self.cluster_size} hidden neurons (> {MAX_CLUSTER}); they are "
                    f"never materialised -- the dynamics use the syndrome table instead")
            cached = enumerate_codebook(self.local_check)
            object.__setattr__(self, "_codebook", cached)
        return cached

    @property
    def design_rate(self) -> float:
        """Lower bound ``1 - M rank(H_loc) / N`` on the rate of the global code."""
        return 1.0 - self.n_constraints * self.local_rank / self.n_visible


def check_net(net: object) -> ExpanderHopfield:
    if not isinstance(net, ExpanderHopfield):
        raise ValueError(f"net: got {type(net).__name__}; expected an ExpanderHopfield "
                         f"(build one with make_expander_hopfield)")
    return net


def _co_occurrence(neighbors: np.ndarray, n: int) -> np.ndarray:
    inc = np.zeros((neighbors.shape[0], n), dtype=np.int64)
    np.add.at(inc, (np.repeat(np.arange(neighbors.shape[0]), neighbors.shape[1]),
                    neighbors.ravel()), 1)
    co = inc.T @ inc
    np.fill_diagonal(co, 0)
    return co


def pair_counts(sockets: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Sparse co-occurrence: unique visible pairs (u < v) sharing a constraint, encoded
    ``u n + v``, and the number of constraints they share (rows assumed duplicate-free)."""
    d_c = sockets.shape[1]
    ii, jj = np.triu_indices(d_c, 1)
    a, b = sockets[:, ii].ravel(), sockets[:, jj].ravel()
    keys = np.minimum(a, b) * n + np.maximum(a, b)
    return np.unique(keys, return_counts=True)


def _conflict_vertices(sockets: np.ndarray, n: int, avoid_4cycles: bool) -> np.ndarray:
    srt = np.sort(sockets, axis=1)
    dup = srt[:, 1:] == srt[:, :-1]
    bad = set(np.unique(srt[:, 1:][dup]).tolist())
    if avoid_4cycles and not bad:
        keys, counts = pair_counts(sockets, n)
        k2 = keys[counts >= 2]
        bad |= set(np.unique(np.concatenate([k2 // n, k2 % n])).tolist())
    return np.array(sorted(bad), dtype=np.int64)


def make_expander_hopfield(n_visible: int, d_v: int = 3, r: int = 4, *, seed: RequiredSeed,
                           local_check: ArrayLike | None = None, avoid_4cycles: bool = True,
                           max_repair_rounds: int = 100) -> ExpanderHopfield:
    """Draw a random ``(d_v, d_c)``-biregular bipartite graph and build the network.

    Configuration model: ``N d_v`` visible sockets are matched to ``M d_c`` constraint
    sockets by a uniformly random permutation (seeded), then repeated edges (and, with
    ``avoid_4cycles``, pairs of visible neurons sharing two or more constraints) are
    removed by degree-preserving swaps of edge end points.

    Parameters
    ----------
    n_visible : int
        ``N``; ``N d_v`` must be divisible by ``d_c``.
    d_v : int
        Constraints per visible neuron (>= 1; odd values avoid voting ties).
    r : int
        Local Hamming code parameter, ``d_c = 2^r - 1`` (2..4); used only when
        ``local_check`` is None.
    seed : int >= 0 or numpy.random.Generator
        Randomness of the graph (a Generator is advanced in place); ``None`` is refused
        with ValueError, since every result of this module is reproducible.
    local_check : array_like, shape (r, d_c), of 0/1, or None
        Parity-check matrix of any binary local code, e.g. :func:`bch_local_code` ``(6)``
        for BCH [63,51,5].  Its correction radius ``t0`` is derived by
        :func:`correction_radius` and must be >= 1.
    avoid_4cycles : bool
        Also make any two visible neurons share at most one constraint (girth >= 6);
        :func:`guaranteed_radius` uses it; the expansion theorem does not need it.

    Returns
    -------
    ExpanderHopfield
        The network: ``N`` visible neurons, ``M = N d_v / d_c`` constraint clusters, the seeded
        ``(d_v, d_c)``-biregular graph (``neighbors``, shape (M, d_c)), the local code, its
        radius ``t0`` and syndrome table.

    Raises
    ------
    ValueError
        Bad sizes, a local code with ``t0 = 0``, or no valid graph found within
        ``max_repair_rounds`` swap rounds.
    """
    n = check_int(n_visible, "n_visible", 1)
    d_v = check_int(d_v, "d_v", 1)
    if local_check is None:
        _, check = hamming_local_code(r)
    else:
        check = check_local_check(local_check)
    t0 = correction_radius(check)
    if t0 < 1:
        raise ValueError("local_check: the local code corrects no error (t0 = 0, minimum "
                         "distance <= 2); expected a code with distance >= 3")
    d_c = check.shape[1]
    if (n * d_v) % d_c:
        raise ValueError(f"n_visible * d_v = {n * d_v} must be divisible by d_c = {d_c} "
                         f"(the local code length)")
    if n < d_c:
        raise ValueError(f"n_visible = {n} < d_c = {d_c}: a constraint needs d_c distinct "
                         f"visible neighbours")
    rounds = check_int(max_repair_rounds, "max_repair_rounds", 1)
    rng = as_required_generator(seed)
    m = n * d_v // d_c
    if avoid_4cycles and n * (d_v * (d_v - 1) // 2) > m * (m - 1) // 2:
        # girth >= 6: the C(d_v, 2) constraint pairs of all N neurons must be distinct
        raise ValueError(f"avoid_4cycles: impossible for n_visible={n}, d_v={d_v}, "
                         f"d_c={d_c}: N C(d_v,2) = {n * (d_v * (d_v - 1) // 2)} constraint "
                         f"pairs needed > C(M,2) = {m * (m - 1) // 2} available (M = {m}); "
                         f"use a larger n_visible or avoid_4cycles=False")
    sockets = rng.permutation(np.repeat(np.arange(n), d_v)).reshape(m, d_c)
    # slots[v] = the d_v (constraint, slot) positions of visible neuron v, kept in sync
    order = np.argsort(sockets.ravel(), kind="stable")
    slots: list[list[tuple[int, int]]] = [
        [(int(p // d_c), int(p % d_c)) for p in order[v * d_v:(v + 1) * d_v]]
        for v in range(n)]

    def conflicts(v: int) -> int:
        """Repeated edges at v plus (v, u) pairs sharing >= 2 constraints (if asked)."""
        rows = [c for c, _ in slots[v]]
        urows = sorted(set(rows))
        mult = len(rows) - len(urows)
        if not avoid_4cycles:
            return mult
        others = np.concatenate([np.unique(sockets[c]) for c in urows])
        _, counts = np.unique(others[others != v], return_counts=True)
        return mult + int(np.count_nonzero(counts >= 2))

    for _ in range(rounds):
        cand = _conflict_vertices(sockets, n, avoid_4cycles)
        if cand.size == 0:
            table, valid = syndrome_table(check, t0)
            return ExpanderHopfield(n, np.ascontiguousarray(sockets), check, t0, table,
                                    valid)
        for v in cand.tolist():
            before_v = conflicts(v)
            if before_v == 0:
                continue
            k = int(rng.integers(len(slots[v])))
            c, j = slots[v][k]
            for _try in range(20):
                c2, j2 = int(rng.integers(m)), int(rng.integers(d_c))
                u = int(sockets[c2, j2])
                if u == v or c2 == c:
                    continue
                before = before_v + conflicts(u)
                ku = slots[u].index((c2, j2))
                sockets[c, j], sockets[c2, j2] = u, v
                slots[v][k], slots[u][ku] = (c2, j2), (c, j)
                if conflicts(v) + conflicts(u) <= before - (_try < 10):
                    break
                sockets[c, j], sockets[c2, j2] = v, u  # revert
                slots[v][k], slots[u][ku] = (c, j), (c2, j2)
    raise ValueError(f"could not draw a valid graph for n_visible={n}, d_v={d_v}, d_c={d_c} "
                     f"within {rounds} repair rounds (avoid_4cycles={avoid_4cycles}); "
                     f"try a larger n_visible or avoid_4cycles=False")


def require_cluster(net: ExpanderHopfield, what: str) -> None:
    if net.cluster_size > MAX_CLUSTER:
        raise ValueError(f"{what}: each constraint cluster has K = 2^"
                         f"{net.d_c - net.local_rank} = {net.cluster_size} hidden neurons "
                         f"(> {MAX_CLUSTER}), too many to materialise; use step / decode / "
                         f"local_decisions, which use the syndrome table")


def weight_matrix(net: ExpanderHopfield) -> np.ndarray:
    """Dense binary hidden-visible weight matrix, shape ``(M K, N)``, entries in {-1,0,+1}.

    Row ``c K + u`` holds the weights of hidden neuron ``u`` of constraint ``c``: the local
    codeword ``u`` placed on the constraint's neighbours, 0 elsewhere (sparse connectivity,
    binary weights).  For inspection of small networks only: refuses (``ValueError`` with
    the counts) clusters above ``MAX_CLUSTER`` neurons or more than 10^7 entries.

    Parameters
    ----------
    net : ExpanderHopfield
        The network (from :func:`make_expander_hopfield`).

    Returns
    -------
    numpy.ndarray
        int8/int64 of shape (M K, N), entries in {-1, 0, +1}: row ``c K + u`` is local codeword
        ``u`` on the neighbours of constraint ``c``, 0 elsewhere.
    """
    net = check_net(net)
    require_cluster(net, "weight_matrix")
    k = net.cluster_size
    if net.n_hidden * net.n_visible > 10**7:
        raise ValueError(f"weight_matrix: {net.n_hidden} x {net.n_visible} entries exceed "
                         f"10^7; use hidden_fields for large networks")
    w = np.zeros((net.n_constraints, k, net.n_visible), dtype=np.int64)
    for c in range(net.n_constraints):
        w[c][:, net.neighbors[c]] = net.local_codebook
    return w.reshape(net.n_hidden, net.n_visible)
