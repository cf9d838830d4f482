"""Bipartite expander Hopfield network as a self-decoding error-correcting code.

Python-only reference (not Lean-proved) of the construction of Chaudhuri & Fiete,
"Bipartite expander Hopfield networks as self-decoding high-capacity error correcting
codes" (NeurIPS 2019), spec section "Python-only parts".

Architecture (our reading of the paper, written from its definitions):

* ``N`` visible (input) neurons with states ``x in {-1,+1}^N``.
* ``M`` constraint nodes.  A sparse bipartite graph, drawn with a seeded RNG, gives every
  visible neuron ``d_v`` constraint neighbours and every constraint ``d_c`` visible
  neighbours (``N d_v = M d_c``).  Sparse random bipartite graphs are expanders with high
  probability; :func:`expansion_profile` checks that empirically.
* Every constraint node is a *cluster of hidden neurons* that all see the same ``d_c``
  visible neurons but with different binary weights: one hidden neuron per codeword ``w``
  of a small local code (here the Hamming code of length ``d_c = 2^r - 1``), with weights
  ``w_j in {-1,+1}``.  Its field is ``f_w = sum_j w_j x_{nbr(j)} = d_c - 2 d(w, x_nbr)``.
  The neurons of a cluster inhibit each other (winner-take-all): the active one is the
  local codeword nearest to the current local pattern.  The Hamming code is perfect, so
  the winner is always unique.
* Every visible neuron takes the majority of the ``d_v`` votes it receives through the
  binary weights of the active hidden neurons: ``x_i <- sign(sum_c w^(c)_i)``, keeping its
  value on a tie (spec tie rule "keep").

The stable states include every global codeword (every local pattern a local codeword):
there each winner matches its neighbours exactly and all votes agree with ``x``.  The
global code is linear over GF(2) with dimension ``k >= N - M r``, so the network has at
least ``2^k`` stable states, exponentially many in ``N`` (rate ``k/N >= 1 - d_v r/d_c``).
The dynamics themselves are the decoder (a Sipser-Spielman / Tanner style bit-flip decoder
realised by neurons).

Bits and signs: bit ``0`` is the state ``+1`` and bit ``1`` is ``-1`` (so GF(2) addition
is multiplication of signs).

A small Hebbian baseline (:func:`hebbian_recall_success`, :func:`hebbian_max_patterns`)
is included for the comparison experiment: the spec's Hebbian rule
``W = sum_k p_k p_k^T - m I`` with cyclic asynchronous sweeps (keep ties), implemented
privately here (the tests check it against ``pyref.learning``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = [
    "ExpanderHopfield",
    "DecodeResult",
    "hamming_local_code",
    "make_expander_hopfield",
    "weight_matrix",
    "hidden_fields",
    "hidden_winners",
    "visible_update",
    "step",
    "decode",
    "is_fixed_point",
    "is_codeword",
    "parity_check_matrix",
    "gf2_rank",
    "code_dimension",
    "codeword_basis",
    "random_codewords",
    "flip_random_bits",
    "max_shared_constraints",
    "guaranteed_radius",
    "one_step_certificate",
    "expansion_profile",
    "decoding_success",
    "hebbian_max_patterns",
    "hebbian_recall_success",
]


# --------------------------------------------------------------------------- validation
def _rng(seed: Any, name: str = "seed") -> np.random.Generator:
    if isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, (int, np.integer)) and not isinstance(seed, bool) and seed >= 0:
        return np.random.default_rng(int(seed))
    raise ValueError(f"{name}: got {seed!r}; expected a non-negative int seed or a "
                     f"numpy.random.Generator")


def _pos_int(k: Any, name: str, minimum: int = 1) -> int:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
        raise ValueError(f"{name}: got {k!r}; expected an integer >= {minimum}")
    if k < minimum:
        raise ValueError(f"{name}: got {k}; expected an integer >= {minimum}")
    return int(k)


def _states(x: Any, n: int, name: str = "x") -> tuple[np.ndarray, bool]:
    """Return (batch (B, n) int64, was_single)."""
    arr = np.asarray(x)
    if arr.dtype.kind not in "iuf" or arr.dtype.kind == "b":
        raise ValueError(f"{name}: dtype {arr.dtype}; expected an integer array of +1/-1")
    single = arr.ndim == 1
    if arr.ndim not in (1, 2):
        raise ValueError(f"{name}: got {arr.ndim} dimensions; expected shape ({n},) or (B, {n})")
    batch = arr.reshape(1, -1) if single else arr
    if batch.shape[1] != n or batch.shape[0] == 0:
        raise ValueError(f"{name}: shape {arr.shape}; expected ({n},) or (B, {n}) with B >= 1")
    if arr.dtype.kind == "f" and not np.all(np.isfinite(batch)):
        raise ValueError(f"{name}: contains NaN or infinite entries; expected +1/-1")
    if not np.all((batch == 1) | (batch == -1)):
        raise ValueError(f"{name}: entries must be exactly +1 or -1")
    return batch.astype(np.int64), single


def _fraction(f: Any, name: str) -> float:
    try:
        v = float(f)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name}: got {f!r}; expected a number in [0, 1]") from exc
    if not np.isfinite(v) or v < 0 or v > 1:
        raise ValueError(f"{name}: got {f!r}; expected a number in [0, 1]")
    return v


# --------------------------------------------------------------------------- network
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
    local_codebook : ndarray, shape (K, d_c), int64, entries +1/-1
        Binary weights of the ``K`` hidden neurons of every constraint cluster (the local
        codewords; the same code for every constraint).
    local_check : ndarray, shape (r, d_c), uint8
        Parity-check matrix of the local code over GF(2).
    """

    n_visible: int
    neighbors: np.ndarray
    local_codebook: np.ndarray
    local_check: np.ndarray

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
    def n_hidden(self) -> int:
        """Total number of hidden neurons ``M K``."""
        return int(self.n_constraints * self.local_codebook.shape[0])

    @property
    def design_rate(self) -> float:
        """Lower bound ``1 - M r / N`` on the rate of the global code."""
        return 1.0 - self.n_constraints * self.local_check.shape[0] / self.n_visible


def _check_net(net: Any) -> ExpanderHopfield:
    if not isinstance(net, ExpanderHopfield):
        raise ValueError(f"net: got {type(net).__name__}; expected an ExpanderHopfield "
                         f"(build one with make_expander_hopfield)")
    return net


def hamming_local_code(r: int) -> tuple[np.ndarray, np.ndarray]:
    """The Hamming code of length ``2^r - 1`` (dimension ``2^r - 1 - r``, distance 3).

    Parameters
    ----------
    r : int
        Number of parity checks, ``2 <= r <= 4`` (lengths 3, 7, 15; larger codes have too
        many codewords to enumerate as hidden neurons).

    Returns
    -------
    codebook : ndarray (2^(n-r), n), int64 entries +1/-1
        All codewords, bit b mapped to ``(-1)^b``.
    check : ndarray (r, n), uint8
        Parity-check matrix whose columns are the nonzero r-bit vectors.
    """
    r = _pos_int(r, "r", minimum=2)
    if r > 4:
        raise ValueError(f"r: got {r}; expected 2 <= r <= 4 (codebook size 2^(2^r-1-r))")
    n = 2**r - 1
    cols = np.arange(1, n + 1)
    check = ((cols[None, :] >> np.arange(r)[:, None]) & 1).astype(np.uint8)
    words = ((np.arange(2**n)[:, None] >> np.arange(n)[None, :]) & 1).astype(np.uint8)
    syndromes = (words.astype(np.int64) @ check.T.astype(np.int64)) % 2
    code_bits = words[np.all(syndromes == 0, axis=1)]
    return (1 - 2 * code_bits.astype(np.int64)), check


def _co_occurrence(neighbors: np.ndarray, n: int) -> np.ndarray:
    inc = np.zeros((neighbors.shape[0], n), dtype=np.int64)
    np.add.at(inc, (np.repeat(np.arange(neighbors.shape[0]), neighbors.shape[1]),
                    neighbors.ravel()), 1)
    co = inc.T @ inc
    np.fill_diagonal(co, 0)
    return co


def make_expander_hopfield(n_visible: int, d_v: int = 3, r: int = 4, *, seed: Any,
                           avoid_4cycles: bool = True,
                           max_repair_rounds: int = 100) -> ExpanderHopfield:
    """Draw a random ``(d_v, d_c)``-biregular bipartite graph and build the network.

    Configuration model: ``N d_v`` visible sockets are matched to ``M d_c`` constraint
    sockets by a uniformly random permutation (seeded), then repeated edges (and, with
    ``avoid_4cycles``, pairs of visible neurons sharing two or more constraints) are
    removed by degree-preserving swaps of edge end points.

    Parameters
    ----------
    n_visible : int
        ``N``; ``N d_v`` must be divisible by ``d_c = 2^r - 1``.
    d_v : int
        Constraints per visible neuron (>= 1; odd values avoid voting ties).
    r : int
        Local Hamming code parameter, ``d_c = 2^r - 1`` (2..4).
    seed : int or numpy.random.Generator
        Randomness of the graph.
    avoid_4cycles : bool
        Also make any two visible neurons share at most one constraint (girth >= 6);
        this is what :func:`guaranteed_radius` needs for its bound.

    Raises
    ------
    ValueError
        Bad sizes, or no valid graph found within ``max_repair_rounds`` swap rounds.
    """
    n = _pos_int(n_visible, "n_visible")
    d_v = _pos_int(d_v, "d_v")
    codebook, check = hamming_local_code(r)
    d_c = codebook.shape[1]
    if (n * d_v) % d_c:
        raise ValueError(f"n_visible * d_v = {n * d_v} must be divisible by d_c = {d_c} "
                         f"(2^r - 1 with r = {r})")
    if n < d_c:
        raise ValueError(f"n_visible = {n} < d_c = {d_c}: a constraint needs d_c distinct "
                         f"visible neighbours")
    rounds = _pos_int(max_repair_rounds, "max_repair_rounds")
    rng = _rng(seed)
    m = n * d_v // d_c
    sockets = rng.permutation(np.repeat(np.arange(n), d_v)).reshape(m, d_c)

    def conflicts(v: int) -> int:
        """Repeated edges at v plus (v, u) pairs sharing >= 2 constraints (if asked)."""
        rows = np.nonzero(np.any(sockets == v, axis=1))[0]
        mult = int(np.count_nonzero(sockets[rows] == v)) - rows.size
        if not avoid_4cycles:
            return mult
        others = np.concatenate([np.unique(row) for row in sockets[rows]])
        _, counts = np.unique(others[others != v], return_counts=True)
        return mult + int(np.count_nonzero(counts >= 2))

    for _ in range(rounds):
        cand = [v for v in range(n) if conflicts(v)] if avoid_4cycles else \
            sorted({int(v) for c in range(m) for v in sockets[c][
                np.setdiff1d(np.arange(d_c), np.unique(sockets[c], return_index=True)[1])]})
        if not cand:
            return ExpanderHopfield(n, np.ascontiguousarray(sockets), codebook, check)
        for v in cand:
            before_v = conflicts(v)
            if before_v == 0:
                continue
            occ = np.argwhere(sockets == v)
            c, j = (int(t) for t in occ[rng.integers(len(occ))])
            for _try in range(20):
                c2, j2 = int(rng.integers(m)), int(rng.integers(d_c))
                u = int(sockets[c2, j2])
                if u == v or c2 == c:
                    continue
                before = before_v + conflicts(u)
                sockets[c, j], sockets[c2, j2] = u, v
                if conflicts(v) + conflicts(u) <= before - (_try < 10):
                    break
                sockets[c, j], sockets[c2, j2] = v, u  # revert
    raise ValueError(f"could not draw a valid graph for n_visible={n}, d_v={d_v}, d_c={d_c} "
                     f"within {rounds} repair rounds (avoid_4cycles={avoid_4cycles}); "
                     f"try a larger n_visible or avoid_4cycles=False")


def weight_matrix(net: ExpanderHopfield) -> np.ndarray:
    """Dense binary hidden-visible weight matrix, shape ``(M K, N)``, entries in {-1,0,+1}.

    Row ``c K + u`` holds the weights of hidden neuron ``u`` of constraint ``c``: the local
    codeword ``u`` placed on the constraint's neighbours, 0 elsewhere (sparse connectivity,
    binary weights).  For inspection of small networks only (at most 10^7 entries).
    """
    net = _check_net(net)
    k = net.local_codebook.shape[0]
    if net.n_hidden * net.n_visible > 10**7:
        raise ValueError(f"weight_matrix: {net.n_hidden} x {net.n_visible} entries exceed "
                         f"10^7; use hidden_fields for large networks")
    w = np.zeros((net.n_constraints, k, net.n_visible), dtype=np.int64)
    for c in range(net.n_constraints):
        w[c][:, net.neighbors[c]] = net.local_codebook
    return w.reshape(net.n_hidden, net.n_visible)


def _fields(net: ExpanderHopfield, xb: np.ndarray) -> np.ndarray:
    local = xb[:, net.neighbors].astype(np.float32)  # (B, M, d_c)
    return local @ net.local_codebook.T.astype(np.float32)  # (B, M, K)


def hidden_fields(net: ExpanderHopfield, x: Any) -> np.ndarray:
    """Fields of all hidden neurons: ``f[c, u] = sum_j w_u[j] x[nbr(c, j)]``.

    Shape ``(M, K)`` for one state, ``(B, M, K)`` for a batch; integers in ``[-d_c, d_c]``
    with ``f = d_c - 2 * hamming(w_u, x_nbr(c))``.
    """
    net = _check_net(net)
    xb, single = _states(x, net.n_visible)
    f = np.rint(_fields(net, xb)).astype(np.int64)
    return f[0] if single else f


def hidden_winners(net: ExpanderHopfield, x: Any) -> np.ndarray:
    """Winner-take-all in every constraint cluster: index of the largest field.

    The local code is perfect (every local pattern is within distance 1 of exactly one
    codeword), so the maximum is unique.  Shape ``(M,)`` or ``(B, M)``.
    """
    net = _check_net(net)
    xb, single = _states(x, net.n_visible)
    win = np.argmax(_fields(net, xb), axis=2)
    return win[0] if single else win


def _incidence(net: ExpanderHopfield) -> tuple[np.ndarray, np.ndarray]:
    """For each visible neuron its ``d_v`` (constraint, slot) pairs, shape (N, d_v) each."""
    order = np.argsort(net.neighbors.ravel(), kind="stable")
    con = (order // net.d_c).reshape(net.n_visible, net.d_v)
    slot = (order % net.d_c).reshape(net.n_visible, net.d_v)
    return con, slot


def _visible(net: ExpanderHopfield, xb: np.ndarray, win: np.ndarray) -> np.ndarray:
    con, slot = _incidence(net)
    votes = net.local_codebook.astype(np.int8)[win]  # (B, M, d_c): vote of c on slot j
    field = votes[:, con, slot].sum(axis=2, dtype=np.int64)  # (B, N)
    return np.where(field > 0, 1, np.where(field < 0, -1, xb))


def visible_update(net: ExpanderHopfield, x: Any, winners: Any) -> np.ndarray:
    """Majority vote of the active hidden neurons: ``x_i <- sign(sum_c w^(c)_i)``, keep ties."""
    net = _check_net(net)
    xb, single = _states(x, net.n_visible)
    win = np.asarray(winners)
    if win.dtype.kind not in "iu":
        raise ValueError(f"winners: dtype {win.dtype}; expected integer indices")
    win = win.reshape(xb.shape[0], -1) if (single and win.ndim == 1) else win
    k = net.local_codebook.shape[0]
    if win.shape != (xb.shape[0], net.n_constraints) or np.any(win < 0) or np.any(win >= k):
        raise ValueError(f"winners: shape {np.shape(winners)}; expected indices in [0, {k}) of "
                         f"shape ({net.n_constraints},) or (B, {net.n_constraints})")
    out = _visible(net, xb, win)
    return out[0] if single else out


def _pack(net: ExpanderHopfield, xb: np.ndarray) -> np.ndarray:
    bits = (xb[:, net.neighbors] < 0).astype(np.float32)  # (B, M, d_c), bit 1 = state -1
    # exact in float32: the packed integers are < 2^15 < 2^24
    return (bits @ (2.0 ** np.arange(net.d_c)).astype(np.float32)).astype(np.int64)


def _winner_table(net: ExpanderHopfield) -> np.ndarray:
    """``table[p]`` = index of the local codeword nearest to the local pattern with bits p.

    The Hamming code is perfect: the radius-1 balls around its codewords tile
    ``{0,1}^d_c``, so filling each ball with its centre defines the table completely and
    ``table[p]`` equals the argmax of the hidden fields (checked in the tests).
    """
    d_c = net.d_c
    weights = 1 << np.arange(d_c, dtype=np.int64)
    centres = ((1 - net.local_codebook) // 2) @ weights  # (K,)
    table = np.full(2**d_c, -1, dtype=np.int64)
    ball = np.concatenate([[0], weights])  # flips of 0 or 1 bit
    table[(centres[:, None] ^ ball[None, :]).ravel()] = np.repeat(np.arange(centres.size),
                                                                    d_c + 1)
    return table


def _winners_fast(net: ExpanderHopfield, xb: np.ndarray, table: np.ndarray) -> np.ndarray:
    return table[_pack(net, xb)]


def _step(net: ExpanderHopfield, xb: np.ndarray, table: np.ndarray | None = None) -> np.ndarray:
    if table is None:
        table = _winner_table(net)
    return _visible(net, xb, _winners_fast(net, xb, table))


def step(net: ExpanderHopfield, x: Any) -> np.ndarray:
    """One network round: hidden winner-take-all, then visible majority vote."""
    net = _check_net(net)
    xb, single = _states(x, net.n_visible)
    out = _step(net, xb)
    return out[0] if single else out


@dataclass(frozen=True)
class DecodeResult:
    """Outcome of :func:`decode`: final states, rounds run per state, convergence flags."""

    state: np.ndarray
    rounds: np.ndarray
    converged: np.ndarray


def decode(net: ExpanderHopfield, x: Any, max_rounds: int = 100) -> DecodeResult:
    """Run the network's own dynamics until a fixed point (or ``max_rounds`` rounds).

    Works on one state ``(N,)`` or a batch ``(B, N)``; ``rounds[b]`` counts the rounds
    that changed state ``b``; ``converged[b]`` says a fixed point was reached.
    """
    net = _check_net(net)
    xb, single = _states(x, net.n_visible)
    max_rounds = _pos_int(max_rounds, "max_rounds")
    rounds = np.zeros(xb.shape[0], dtype=np.int64)
    active = np.ones(xb.shape[0], dtype=bool)
    for _ in range(max_rounds):
        if not active.any():
            break
        idx = np.where(active)[0]
        new = _step(net, xb[idx])
        changed = np.any(new != xb[idx], axis=1)
        xb[idx] = new
        rounds[idx[changed]] += 1
        active[idx[~changed]] = False
    if active.any():  # check the ones still marked active after the last round
        idx = np.where(active)[0]
        active[idx[np.all(_step(net, xb[idx]) == xb[idx], axis=1)]] = False
    res = DecodeResult(xb, rounds, ~active)
    if single:
        return DecodeResult(xb[0], rounds[:1], res.converged[:1])
    return res


def is_fixed_point(net: ExpanderHopfield, x: Any) -> bool | np.ndarray:
    """True where one round leaves the state unchanged (a stable state of the network)."""
    net = _check_net(net)
    xb, single = _states(x, net.n_visible)
    fp = np.all(_step(net, xb) == xb, axis=1)
    return bool(fp[0]) if single else fp


# --------------------------------------------------------------------------- the code
def parity_check_matrix(net: ExpanderHopfield) -> np.ndarray:
    """Global GF(2) parity-check matrix ``H`` of shape ``(M r, N)``.

    Row ``c r + t`` is local check ``t`` of constraint ``c`` placed on its neighbours; a
    state is a global codeword iff ``H b = 0 (mod 2)`` for its bits ``b = (1 - x)/2``.
    """
    net = _check_net(net)
    r = net.local_check.shape[0]
    h = np.zeros((net.n_constraints, r, net.n_visible), dtype=np.uint8)
    for c in range(net.n_constraints):
        h[c][:, net.neighbors[c]] = net.local_check
    return h.reshape(net.n_constraints * r, net.n_visible)


def _rref_gf2(a: np.ndarray) -> tuple[np.ndarray, list[int]]:
    a = (np.asarray(a) % 2).astype(np.uint8)
    rows, cols = a.shape
    pivots: list[int] = []
    r = 0
    for c in range(cols):
        if r == rows:
            break
        nz = np.nonzero(a[r:, c])[0]
        if nz.size == 0:
            continue
        p = r + int(nz[0])
        if p != r:
            a[[r, p]] = a[[p, r]]
        hits = np.nonzero(a[:, c])[0]
        hits = hits[hits != r]
        if hits.size:
            a[hits] ^= a[r]
        pivots.append(c)
        r += 1
    return a, pivots


def gf2_rank(a: Any) -> int:
    """Rank over GF(2) of a 0/1 integer matrix (Gaussian elimination)."""
    arr = np.asarray(a)
    if arr.ndim != 2 or arr.dtype.kind not in "iub" or not np.all((arr == 0) | (arr == 1)):
        raise ValueError("a: expected a 2-D array of 0/1 integers")
    return len(_rref_gf2(arr.astype(np.uint8))[1])


def code_dimension(net: ExpanderHopfield) -> int:
    """``k = N - rank_GF2(H)``: the network has at least ``2^k`` stable states."""
    net = _check_net(net)
    return net.n_visible - gf2_rank(parity_check_matrix(net))


def codeword_basis(net: ExpanderHopfield) -> np.ndarray:
    """A GF(2) basis of the global code (null space of ``H``), shape ``(k, N)``, 0/1 uint8."""
    net = _check_net(net)
    rref, piv = _rref_gf2(parity_check_matrix(net))
    n = net.n_visible
    free = [c for c in range(n) if c not in set(piv)]
    basis = np.zeros((len(free), n), dtype=np.uint8)
    for t, f in enumerate(free):
        basis[t, f] = 1
        for row, p in enumerate(piv):
            basis[t, p] = rref[row, f]
    return basis


def random_codewords(net: ExpanderHopfield, count: int, *, seed: Any) -> np.ndarray:
    """``count`` uniformly random global codewords as ``+1/-1`` states, shape ``(count, N)``."""
    net = _check_net(net)
    count = _pos_int(count, "count")
    rng = _rng(seed)
    basis = codeword_basis(net).astype(np.int64)
    coef = rng.integers(0, 2, size=(count, basis.shape[0]))
    bits = (coef @ basis) % 2
    return 1 - 2 * bits


def is_codeword(net: ExpanderHopfield, x: Any) -> bool | np.ndarray:
    """True where every constraint sees a local codeword (``H b = 0 mod 2``)."""
    net = _check_net(net)
    xb, single = _states(x, net.n_visible)
    bits = (1 - xb) // 2
    ok = np.all((bits @ parity_check_matrix(net).T.astype(np.int64)) % 2 == 0, axis=1)
    return bool(ok[0]) if single else ok


def flip_random_bits(x: Any, n_flips: int, *, seed: Any) -> np.ndarray:
    """Flip exactly ``n_flips`` distinct, uniformly chosen entries of each state."""
    arr = np.asarray(x)
    if arr.ndim not in (1, 2) or arr.shape[-1] == 0:
        raise ValueError(f"x: shape {arr.shape}; expected a state (n,) or a batch (B, n)")
    n = arr.shape[-1]
    xb, single = _states(x, n)
    k = _pos_int(n_flips, "n_flips", minimum=0)
    if k > n:
        raise ValueError(f"n_flips: got {k}; expected at most the state length {n}")
    rng = _rng(seed)
    out = xb.copy()
    for b in range(out.shape[0]):
        idx = rng.choice(n, size=k, replace=False)
        out[b, idx] *= -1
    return out[0] if single else out


# --------------------------------------------------------------------------- guarantees
def max_shared_constraints(net: ExpanderHopfield) -> int:
    """``lambda``: the largest number of constraints shared by two distinct visible neurons."""
    net = _check_net(net)
    return int(_co_occurrence(net.neighbors, net.n_visible).max())


def guaranteed_radius(net: ExpanderHopfield) -> int:
    """Number of errors ``t`` such that ANY ``<= t`` flipped bits of a codeword are
    corrected by ONE round of the dynamics (a proved worst-case bound).

    Proof sketch.  Call a constraint *bad* if it contains >= 2 errors.  A good constraint
    holds at most one error, the Hamming code (distance 3) decodes it to the true local
    codeword, and its votes are all correct.  So every neuron ends correct if fewer than
    ``d_v / 2`` of its constraints are bad (majority; keep ties need strictness).  Let
    ``k = ceil(d_v / 2)`` and ``lambda`` = :func:`max_shared_constraints`.  For an erroneous
    neuron to see ``k`` bad constraints, each needs another error and one error lies in at
    most ``lambda`` of them: ``>= ceil(k / lambda) + 1`` errors.  For a correct neuron, each
    needs two errors: ``>= ceil(2k / lambda)`` errors.  Hence
    ``t = min(ceil(k/lambda) + 1, ceil(2k/lambda)) - 1`` errors are always corrected.
    It is a small number; the decoding experiments show the dynamics correct far more.
    """
    net = _check_net(net)
    lam = max(max_shared_constraints(net), 1)
    k = -(-net.d_v // 2)
    return min(-(-k // lam) + 1, -(-2 * k // lam)) - 1


def one_step_certificate(net: ExpanderHopfield, codeword: Any, noisy: Any) -> bool:
    """Sufficient condition (from :func:`guaranteed_radius`'s proof) for one round to map
    ``noisy`` back to ``codeword``: every visible neuron has fewer than ``d_v/2`` bad
    constraints (constraints holding >= 2 errors)."""
    net = _check_net(net)
    cw, _ = _states(codeword, net.n_visible, "codeword")
    nz, _ = _states(noisy, net.n_visible, "noisy")
    if cw.shape[0] != 1 or nz.shape[0] != 1:
        raise ValueError("codeword, noisy: expected single states of shape (N,)")
    err = (cw[0] != nz[0]).astype(np.int64)
    bad = err[net.neighbors].sum(axis=1) >= 2  # (M,)
    n_bad = np.zeros(net.n_visible, dtype=np.int64)
    np.add.at(n_bad, net.neighbors.ravel(), np.repeat(bad.astype(np.int64), net.d_c))
    return bool(np.all(2 * n_bad < net.d_v))


def expansion_profile(net: ExpanderHopfield, sizes: Any, n_samples: int = 200, *,
                      seed: Any) -> dict[int, dict[str, float]]:
    """Empirical expansion ``|N(S)| / (d_v |S|)`` of visible sets ``S``.

    For each size ``s`` it reports the minimum over ``n_samples`` uniformly random sets
    (``"random"``) and over ``n_samples`` greedily clustered sets (``"greedy"``: start
    from a random neuron, repeatedly add the neuron that adds the fewest new constraints
    -- the adversarial direction), plus the fraction of *unique neighbours* (constraints
    seen by exactly one member) for the greedy sets (``"unique_greedy"``).  A ratio near 1
    means nearly every edge leaving ``S`` reaches a distinct constraint.  This is an
    empirical check, not a certificate (exact expansion is NP-hard to compute).
    """
    net = _check_net(net)
    rng = _rng(seed)
    n_samples = _pos_int(n_samples, "n_samples")
    sizes = [_pos_int(s, "size") for s in np.atleast_1d(np.asarray(sizes)).tolist()]
    if any(s > net.n_visible for s in sizes):
        raise ValueError(f"sizes: each must be <= n_visible = {net.n_visible}")
    inc = np.zeros((net.n_visible, net.n_constraints), dtype=np.int64)
    for c in range(net.n_constraints):
        inc[net.neighbors[c], c] = 1
    out: dict[int, dict[str, float]] = {}
    for s in sizes:
        worst_r, worst_g, uniq_g = np.inf, np.inf, np.inf
        for _ in range(n_samples):
            S = rng.choice(net.n_visible, size=s, replace=False)
            worst_r = min(worst_r, np.count_nonzero(inc[S].sum(0)) / (net.d_v * s))
            first = int(rng.integers(net.n_visible))
            members = np.zeros(net.n_visible, dtype=bool)
            members[first] = True
            cover = inc[first].copy()
            for _k in range(s - 1):
                new = ((inc > 0) & (cover == 0)[None, :]).sum(1).astype(float)
                new[members] = np.inf
                cand = np.flatnonzero(new == new.min())
                pick = int(cand[rng.integers(len(cand))])
                members[pick] = True
                cover += inc[pick]
            worst_g = min(worst_g, np.count_nonzero(cover) / (net.d_v * s))
            uniq_g = min(uniq_g, np.count_nonzero(cover == 1) / (net.d_v * s))
        out[s] = {"random": float(worst_r), "greedy": float(worst_g),
                  "unique_greedy": float(uniq_g)}
    return out


# --------------------------------------------------------------------------- experiments
def decoding_success(net: ExpanderHopfield, error_fractions: Any, trials: int, *,
                     seed: Any, max_rounds: int = 100) -> np.ndarray:
    """Fraction of trials in which the dynamics return exactly the original codeword.

    For each error fraction ``f``: draw ``trials`` random codewords, flip
    ``round(f N)`` random bits of each, run :func:`decode`.
    """
    net = _check_net(net)
    fr = [_fraction(f, "error_fractions") for f in np.atleast_1d(error_fractions)]
    trials = _pos_int(trials, "trials")
    rng = _rng(seed)
    out = []
    for f in fr:
        cw = random_codewords(net, trials, seed=rng)
        noisy = flip_random_bits(cw, int(round(f * net.n_visible)), seed=rng)
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


def hebbian_recall_success(n: int, m: int, error_fractions: Any, trials: int, *,
                           seed: Any, max_sweeps: int = 30) -> np.ndarray:
    """Baseline: classical Hebbian network (spec rule) with ``m`` random patterns of length
    ``n``; success = exact recovery of a stored pattern after flipping ``round(f n)`` bits.

    Each trial draws a fresh pattern set, so the estimate averages over networks.
    """
    n = _pos_int(n, "n")
    m = _pos_int(m, "m")
    trials = _pos_int(trials, "trials")
    fr = [_fraction(f, "error_fractions") for f in np.atleast_1d(error_fractions)]
    rng = _rng(seed)
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


def hebbian_max_patterns(n: int, *, seed: Any, threshold: float = 0.95,
                         trials: int = 40, max_sweeps: int = 30) -> int:
    """Largest ``m`` for which a Hebbian network of ``n`` neurons recalls a stored pattern
    exactly from the clean cue in at least ``threshold`` of the trials ("as many patterns
    as it can" store as stable states).

    Bisection on ``m`` in ``[1, n]`` (recall success decreases with the load ``m / n``;
    ``m = 1`` always passes: the field at the single pattern is ``(n - 1) p_i``).
    """
    n = _pos_int(n, "n")
    thr = _fraction(threshold, "threshold")
    rng = _rng(seed)

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
