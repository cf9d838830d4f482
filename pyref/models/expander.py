"""Bipartite expander Hopfield network as a self-decoding error-correcting code.

Python-only reference (not Lean-proved) of the construction of Chaudhuri & Fiete,
"Bipartite expander Hopfield networks as self-decoding high-capacity error correcting
codes" (NeurIPS 2019), spec section "Python-only parts".

Architecture (our reading of the paper, written from its definitions):

* ``N`` visible (input) neurons with states ``x in {-1,+1}^N``.
* ``M`` constraint nodes.  A sparse bipartite graph, drawn with a seeded RNG, gives every
  visible neuron ``d_v`` constraint neighbours and every constraint ``d_c`` visible
  neighbours (``N d_v = M d_c``).  Sparse random bipartite graphs are expanders with high
  probability; :func:`expansion_profile` and :func:`expansion_radius` check that
  empirically.
* Every constraint node is a *cluster of hidden neurons* that all see the same ``d_c``
  visible neurons but with different binary weights: one hidden neuron per codeword ``w``
  of a small local binary code with parity-check matrix ``H_loc`` (the Hamming code of
  length ``2^r - 1``, the double- or triple-error-correcting BCH code of length
  ``2^m - 1``, or any ``H_loc`` given), with weights ``w_j in {-1,+1}``.  Its field is
  ``f_w = sum_j w_j x_{nbr(j)} = d_c - 2 d(w, x_nbr)``.  It has the threshold
  ``d_c - 2 t0`` (``t0`` = local correction radius): it is active iff its codeword is
  within ``t0`` of the local pattern.  The local distance is ``>= 2 t0 + 1``, so at most
  one neuron per cluster is active (exact winner-take-all); if none is, the constraint
  abstains.  For the perfect Hamming codes one is always
  active (the old nearest-codeword dynamics).  The active neuron is computed from a
  syndrome table, so clusters of ``2^51`` neurons (BCH [63,51,5]) are never materialised.
* Every visible neuron takes the majority of the votes it receives through the binary
  weights of the active hidden neurons: ``x_i <- sign(sum_c w^(c)_i)``, keeping its value
  on a tie or when no vote arrives (spec tie rule "keep").

The stable states include every global codeword (every local pattern a local codeword):
there each active neuron matches its neighbours exactly and all votes agree with ``x``.
The global code is linear over GF(2) with dimension ``k >= N - M rank(H_loc)``, so the
network has at least ``2^k`` stable states, exponentially many in ``N``.  The dynamics
themselves are the decoder (a Sipser-Spielman / Tanner style decoder realised by neurons).

Guarantees.  :func:`guaranteed_radius` is a constant number of errors.  The
constant-fraction guarantee is the theorem in :func:`contraction_factor`: if every set
of ``<= a`` visible neurons has ``>= beta d_v |S|`` constraint neighbours and
``beta > required_expansion(d_v, t0)``, every error pattern of size ``<= a`` is corrected.
Exact expansion is NP-hard; :func:`expansion_radius` finds ``a`` by a search that is
exhaustive only for sets of size ``<= 2`` (or ``<= 3``), so the fraction guarantee is
conditional on that search (a violation it finds is real, so its ``a`` is an upper bound
on the true radius, certified only up to the exhaustive sizes).  With ``d_v = 3`` and a
Hamming code (``t0 = 1``) it needs ``beta > 2/3``, which every cycle violates: no
fraction is possible for that design; with BCH (``t0 = 2``) it needs ``beta > 5/9``.
Sound lower bounds on the expansion (pair overlaps, Tanner's spectral bound), the
certified radius they give for ``d_v`` in {3, 5, 7}, and a first-moment bound for the
random-graph ensemble are in :mod:`pyref.expander_certify`.

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

from .._validate import as_generator, check_int

__all__ = [
    "ExpanderHopfield",
    "DecodeResult",
    "ExpansionSearch",
    "MAX_CLUSTER",
    "hamming_local_code",
    "bch_local_code",
    "gf2m_powers",
    "correction_radius",
    "make_expander_hopfield",
    "weight_matrix",
    "hidden_fields",
    "hidden_active",
    "hidden_winners",
    "local_decisions",
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
    "contraction_factor",
    "required_expansion",
    "guaranteed_rounds",
    "clustered_set",
    "expansion_radius",
    "expansion_profile",
    "decoding_success",
    "hebbian_max_patterns",
    "hebbian_recall_success",
]


# --------------------------------------------------------------------------- validation
def _rng(seed: Any, name: str = "seed") -> np.random.Generator:
    """A Generator from a REQUIRED seed: an int >= 0 or a Generator (``None`` is refused:
    every result of this module is reproducible).  Validation: :mod:`pyref._validate`."""
    if seed is None:
        raise ValueError(f"{name}: got None; expected a non-negative int seed or a "
                         f"numpy.random.Generator (this module needs an explicit seed)")
    return as_generator(seed, name)


def _pos_int(k: Any, name: str, minimum: int = 1) -> int:
    """An integer >= ``minimum`` (:func:`pyref._validate.check_int`)."""
    return check_int(k, name, minimum)


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


# --------------------------------------------------------------------------- local codes
#: Largest cluster (number of local codewords = hidden neurons per constraint) that is ever
#: enumerated as explicit hidden neurons (codebook, weight matrix, fields).
MAX_CLUSTER = 2**16

#: Primitive polynomials over GF(2) (bit b = coefficient of x^b) for GF(2^m), m = 4..7.
_PRIMITIVE = {4: 0b10011, 5: 0b100101, 6: 0b1000011, 7: 0b10000011}


def _check_matrix(h: Any, name: str = "local_check") -> np.ndarray:
    arr = np.asarray(h)
    if arr.ndim != 2 or arr.size == 0 or arr.dtype.kind not in "iub":
        raise ValueError(f"{name}: got shape {arr.shape}, dtype {arr.dtype}; expected a "
                         f"non-empty 2-D 0/1 integer parity-check matrix (r, d_c)")
    if not np.all((arr == 0) | (arr == 1)):
        raise ValueError(f"{name}: entries must be 0 or 1 (a binary parity-check matrix)")
    if arr.shape[0] > 20 or arr.shape[1] > 255:
        raise ValueError(f"{name}: shape {arr.shape}; expected at most 20 rows (syndrome "
                         f"table of 2^r entries) and at most 255 columns")
    return np.ascontiguousarray(arr.astype(np.uint8))


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
    return _enumerate_codebook(check), check


def gf2m_powers(m: int) -> np.ndarray:
    """``alpha^j`` for ``j = 0 .. 2^m - 2`` in GF(2^m), as integers (bit b = coefficient
    of ``alpha^b``), with ``alpha`` a root of the primitive polynomial ``_PRIMITIVE[m]``.

    Arithmetic: multiplication by ``alpha`` is a left shift, reduced by the primitive
    polynomial ``p`` when bit ``m`` is set (``a -> (a << 1) XOR p``).  ``p`` primitive means
    these ``2^m - 1`` powers are all the nonzero elements, each once (checked in tests).
    """
    m = _pos_int(m, "m", minimum=4)
    if m not in _PRIMITIVE:
        raise ValueError(f"m: got {m}; expected 4 <= m <= 7")
    poly = _PRIMITIVE[m]
    out = np.zeros(2**m - 1, dtype=np.int64)
    a = 1
    for j in range(2**m - 1):
        out[j] = a
        a <<= 1
        if a >> m:
            a ^= poly
    return out


def bch_local_code(m: int, t: int = 2) -> np.ndarray:
    """Parity-check matrix of the narrow-sense binary BCH code of length ``n = 2^m - 1``
    correcting ``t`` errors (designed distance ``2t + 1``), ``4 <= m <= 7``, ``t in {2, 3}``.

    Column ``j`` (``j = 0 .. n-1``) stacks ``alpha^j``, ``alpha^(3j)`` (and for ``t = 3``
    ``alpha^(5j)``), each written as ``m`` bits, so ``H`` has ``t m`` rows: a word ``c`` is
    a codeword iff ``c(alpha) = c(alpha^3) (= c(alpha^5)) = 0``.  The BCH bound gives
    distance ``>= 2t + 1``.  For ``t = 2`` the dimension is ``n - 2m`` (the minimal
    polynomials of ``alpha`` and ``alpha^3`` both have degree ``m``): ``[15,7,5]``,
    ``[31,21,5]``, ``[63,51,5]``, ``[127,113,5]``; ``t = 3``, ``m = 6`` gives ``[63,45,7]``.
    The GF(2^m) arithmetic is :func:`gf2m_powers` (our own, no library).

    Returns
    -------
    check : ndarray (t m, 2^m - 1), uint8
    """
    pw = gf2m_powers(m)
    t = _pos_int(t, "t", minimum=2)
    if t > 3 or t * m > 20:
        raise ValueError(f"t: got {t}; expected t = 2, or t = 3 with m <= 6 (syndrome "
                         f"table of 2^(t m) entries)")
    n = pw.size
    j = np.arange(n)
    bits = np.arange(m)
    blocks = [(pw[((2 * i + 1) * j) % n][None, :] >> bits[:, None]) & 1 for i in range(t)]
    return np.concatenate(blocks).astype(np.uint8)


def _patterns_upto(n: int, t: int) -> np.ndarray:
    """All 0/1 vectors of length n and weight <= t, shape (sum_w C(n, w), n), uint8."""
    from itertools import combinations
    rows = []
    for w in range(t + 1):
        idx = (np.array(list(combinations(range(n), w)), dtype=np.int64).reshape(-1, w)
               if w else np.zeros((1, 0), dtype=np.int64))
        pat = np.zeros((idx.shape[0], n), dtype=np.uint8)
        if w:
            pat[np.repeat(np.arange(idx.shape[0]), w), idx.ravel()] = 1
        rows.append(pat)
    return np.concatenate(rows)


def _syndromes(bits: np.ndarray, check: np.ndarray) -> np.ndarray:
    """Packed syndromes ``sum_t (H b)_t 2^t`` of 0/1 words (last axis = d_c); exact in
    float32 (parity counts <= 255, packed values < 2^20)."""
    par = np.rint(bits.astype(np.float32) @ check.T.astype(np.float32)).astype(np.int64) % 2
    return par @ (1 << np.arange(check.shape[0], dtype=np.int64))


def correction_radius(local_check: Any) -> int:
    """``t0``: the largest ``t`` such that all error patterns of weight ``<= t`` have
    distinct syndromes ``H e`` (found by enumeration).

    Two patterns ``e != e'`` of weight ``<= t`` with ``H e = H e'`` give the nonzero
    codeword ``e + e'`` of weight ``<= 2t``, and a nonzero codeword of weight ``w <= 2t``
    splits into two such patterns; so distinct syndromes up to weight ``t`` is exactly
    ``d0 >= 2t + 1`` and ``t0 = floor((d0 - 1) / 2)``.  The enumeration stops by
    pigeonhole once there are more patterns than the ``2^r`` syndromes.
    """
    check = _check_matrix(local_check)
    r, n = check.shape
    from math import comb
    t = 0
    while t < n:
        count = sum(comb(n, w) for w in range(t + 2))
        if count > 2**r:
            break  # pigeonhole: weight <= t+1 patterns must collide
        syn = _syndromes(_patterns_upto(n, t + 1), check)
        if np.unique(syn).size < syn.size:
            break
        t += 1
    return t


def _syndrome_table(check: np.ndarray, t0: int) -> tuple[np.ndarray, np.ndarray]:
    """(error pattern per syndrome (2^r, d_c) uint8, valid flag (2^r,) bool): the unique
    pattern of weight <= t0 with that syndrome, if any."""
    r, n = check.shape
    pats = _patterns_upto(n, t0)
    syn = _syndromes(pats, check)
    table = np.zeros((2**r, n), dtype=np.uint8)
    valid = np.zeros(2**r, dtype=bool)
    table[syn] = pats
    valid[syn] = True
    return table, valid


def _enumerate_codebook(check: np.ndarray) -> np.ndarray:
    """All codewords of ker(H) as +1/-1 rows, sorted by the packed value sum_j b_j 2^j."""
    n = check.shape[1]
    rref, piv = _rref_gf2(check)
    free = [c for c in range(n) if c not in set(piv)]
    k = len(free)
    if 2**k > MAX_CLUSTER:
        raise ValueError(f"the local code has 2^{k} = {2**k} codewords (hidden neurons per "
                         f"constraint); at most {MAX_CLUSTER} are ever enumerated")
    basis = np.zeros((k, n), dtype=np.int64)
    for t, f in enumerate(free):
        basis[t, f] = 1
        for row, p in enumerate(piv):
            basis[t, p] = rref[row, f]
    coef = (np.arange(2**k)[:, None] >> np.arange(k)[None, :]) & 1
    words = (coef @ basis) % 2
    if n <= 62:
        order = np.argsort(words @ (1 << np.arange(n, dtype=np.int64)), kind="stable")
        words = words[order]
    return 1 - 2 * words.astype(np.int64)


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
            cached = _enumerate_codebook(self.local_check)
            object.__setattr__(self, "_codebook", cached)
        return cached

    @property
    def design_rate(self) -> float:
        """Lower bound ``1 - M rank(H_loc) / N`` on the rate of the global code."""
        return 1.0 - self.n_constraints * self.local_rank / self.n_visible


def _check_net(net: Any) -> ExpanderHopfield:
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


def _pair_counts(sockets: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
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
        keys, counts = _pair_counts(sockets, n)
        k2 = keys[counts >= 2]
        bad |= set(np.unique(np.concatenate([k2 // n, k2 % n])).tolist())
    return np.array(sorted(bad), dtype=np.int64)


def make_expander_hopfield(n_visible: int, d_v: int = 3, r: int = 4, *, seed: Any,
                           local_check: Any = None, avoid_4cycles: bool = True,
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
    local_check : array (r, d_c) of 0/1, optional
        Parity-check matrix of any binary local code, e.g. :func:`bch_local_code` ``(6)``
        for BCH [63,51,5].  Its correction radius ``t0`` is derived by
        :func:`correction_radius` and must be >= 1.
    avoid_4cycles : bool
        Also make any two visible neurons share at most one constraint (girth >= 6);
        :func:`guaranteed_radius` uses it; the expansion theorem does not need it.

    Raises
    ------
    ValueError
        Bad sizes, a local code with ``t0 = 0``, or no valid graph found within
        ``max_repair_rounds`` swap rounds.
    """
    n = _pos_int(n_visible, "n_visible")
    d_v = _pos_int(d_v, "d_v")
    if local_check is None:
        _, check = hamming_local_code(r)
    else:
        check = _check_matrix(local_check)
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
    rounds = _pos_int(max_repair_rounds, "max_repair_rounds")
    rng = _rng(seed)
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
            table, valid = _syndrome_table(check, t0)
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


def _require_cluster(net: ExpanderHopfield, what: str) -> None:
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
    """
    net = _check_net(net)
    _require_cluster(net, "weight_matrix")
    k = net.cluster_size
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
    with ``f = d_c - 2 * hamming(w_u, x_nbr(c))``.  Only for clusters of at most
    ``MAX_CLUSTER`` neurons (``ValueError`` otherwise).
    """
    net = _check_net(net)
    _require_cluster(net, "hidden_fields")
    xb, single = _states(x, net.n_visible)
    f = np.rint(_fields(net, xb)).astype(np.int64)
    return f[0] if single else f


def hidden_active(net: ExpanderHopfield, x: Any) -> np.ndarray:
    """Thresholded hidden neurons: active iff ``f >= d_c - 2 t0``, i.e. the local word is
    within ``t0`` of the neuron's codeword.  Boolean, shape ``(M, K)`` or ``(B, M, K)``.

    Since the local distance is ``d0 >= 2 t0 + 1``, at most one neuron per cluster is
    active (two codewords within ``t0`` of one word would be ``<= 2 t0`` apart), so the
    winner-take-all is exact; none is active when the local word has no codeword within
    ``t0`` (the constraint then abstains).
    """
    f = hidden_fields(net, x)
    return f >= net.d_c - 2 * net.t0


def _local_decode(net: ExpanderHopfield, xb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(decoded local bits (B, M, d_c) uint8, active (B, M) bool) via the syndrome table."""
    bits = (xb[:, net.neighbors] < 0).astype(np.uint8)
    syn = _syndromes(bits, net.local_check)
    return bits ^ net.error_table[syn], net.error_valid[syn]


def local_decisions(net: ExpanderHopfield, x: Any) -> tuple[np.ndarray, np.ndarray]:
    """What every constraint cluster outputs, for any local code size.

    Returns ``(words, active)``: ``words[c]`` (+1/-1, shape ``(M, d_c)``) is the codeword
    of the active hidden neuron of constraint ``c`` -- the unique local codeword within
    ``t0`` of the local word, found as ``local word + e(s)`` with ``e(s)`` the unique
    weight ``<= t0`` pattern of syndrome ``s = H_loc b`` -- and ``active[c]`` is False
    when no such codeword exists (abstention; ``words[c]`` is then meaningless).
    Batched: shapes ``(B, M, d_c)`` and ``(B, M)``.
    """
    net = _check_net(net)
    xb, single = _states(x, net.n_visible)
    dec, act = _local_decode(net, xb)
    words = 1 - 2 * dec.astype(np.int64)
    return (words[0], act[0]) if single else (words, act)


def hidden_winners(net: ExpanderHopfield, x: Any) -> np.ndarray:
    """Index (into ``net.local_codebook``) of the active hidden neuron of every cluster,
    ``-1`` where the cluster abstains (no codeword within ``t0``).

    For a perfect local code (Hamming, ``t0 = 1``) some neuron is always active and it is
    the argmax of the fields (checked in the tests).  Shape ``(M,)`` or ``(B, M)``.  Only
    for clusters of at most ``MAX_CLUSTER`` neurons; :func:`local_decisions` works always.
    """
    net = _check_net(net)
    _require_cluster(net, "hidden_winners")
    xb, single = _states(x, net.n_visible)
    dec, act = _local_decode(net, xb)
    w = 1 << np.arange(net.d_c, dtype=np.int64)
    keys = ((1 - net.local_codebook) // 2) @ w
    win = np.searchsorted(keys, dec.astype(np.int64) @ w)
    win = np.where(act, win, -1)
    return win[0] if single else win


def _incidence(net: ExpanderHopfield) -> tuple[np.ndarray, np.ndarray]:
    """For each visible neuron its ``d_v`` (constraint, slot) pairs, shape (N, d_v) each."""
    order = np.argsort(net.neighbors.ravel(), kind="stable")
    con = (order // net.d_c).reshape(net.n_visible, net.d_v)
    slot = (order % net.d_c).reshape(net.n_visible, net.d_v)
    return con, slot


def _vote(xb: np.ndarray, votes: np.ndarray) -> np.ndarray:
    """Majority of the received votes (B, N, d_v) in {-1, 0 (abstain), +1}; keep ties."""
    field = votes.sum(axis=2, dtype=np.int64)
    return np.where(field > 0, 1, np.where(field < 0, -1, xb))


def visible_update(net: ExpanderHopfield, x: Any, winners: Any) -> np.ndarray:
    """Majority vote of the active hidden neurons: ``x_i <- sign(sum_c w^(c)_i)``, keep ties
    (and keep when no vote arrives); ``winners[c] = -1`` means constraint ``c`` abstains."""
    net = _check_net(net)
    xb, single = _states(x, net.n_visible)
    win = np.asarray(winners)
    if win.dtype.kind not in "iu":
        raise ValueError(f"winners: dtype {win.dtype}; expected integer indices")
    win = win.reshape(xb.shape[0], -1) if (single and win.ndim == 1) else win
    _require_cluster(net, "visible_update")
    k = net.cluster_size
    if win.shape != (xb.shape[0], net.n_constraints) or np.any(win < -1) or np.any(win >= k):
        raise ValueError(f"winners: shape {np.shape(winners)}; expected indices in [-1, {k}) "
                         f"of shape ({net.n_constraints},) or (B, {net.n_constraints})")
    con, slot = _incidence(net)
    book = np.concatenate([net.local_codebook, np.zeros((1, net.d_c), np.int64)])
    votes = book.astype(np.int8)[win]  # (B, M, d_c); row -1 = abstain (zeros)
    out = _vote(xb, votes[:, con, slot])
    return out[0] if single else out


def _step(net: ExpanderHopfield, xb: np.ndarray, inc: Any = None) -> np.ndarray:
    con, slot = _incidence(net) if inc is None else inc
    dec, act = _local_decode(net, xb)
    votes = (1 - 2 * dec[:, con, slot].astype(np.int8)) * act[:, con]
    return _vote(xb, votes)


def step(net: ExpanderHopfield, x: Any) -> np.ndarray:
    """One network round: thresholded hidden winner-take-all (or abstention), then the
    visible majority vote (keep ties)."""
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
    inc = _incidence(net)
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
    """Rank over GF(2) of a 0/1 integer matrix (Gaussian elimination).

    Rows are packed into Python integers (bit sets) and reduced against a basis keyed by
    leading bit (``r <- r XOR b`` while the leading bit of ``r`` is a basis pivot); the
    number of basis rows is the rank.
    """
    arr = np.asarray(a)
    if arr.ndim != 2 or arr.dtype.kind not in "iub" or not np.all((arr == 0) | (arr == 1)):
        raise ValueError("a: expected a 2-D array of 0/1 integers")
    if arr.shape[1] == 0:
        return 0
    basis: dict[int, int] = {}
    for row in np.packbits(arr.astype(np.uint8), axis=1):
        r = int.from_bytes(row.tobytes(), "big")
        while r:
            lead = r.bit_length() - 1
            b = basis.get(lead)
            if b is None:
                basis[lead] = r
                break
            r ^= b
    return len(basis)


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
    """``count`` uniformly random global codewords as ``+1/-1`` states, shape ``(count, N)``.

    ``seed``: an int >= 0 or a :class:`numpy.random.Generator` (advanced in place);
    ``None`` is refused with ValueError, since every result of this module is reproducible.
    """
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
    """Flip exactly ``n_flips`` distinct, uniformly chosen entries of each state.

    ``seed``: an int >= 0 or a :class:`numpy.random.Generator` (advanced in place);
    ``None`` is refused with ValueError, since every result of this module is reproducible.
    """
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
    _, counts = _pair_counts(net.neighbors, net.n_visible)
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
    """
    net = _check_net(net)
    lam = max(max_shared_constraints(net), 1)
    k = -(-net.d_v // 2)
    t0 = net.t0
    return min(-(-k * t0 // lam) + 1, -(-k * (t0 + 1) // lam)) - 1


def one_step_certificate(net: ExpanderHopfield, codeword: Any, noisy: Any) -> bool:
    """Sufficient condition (from :func:`guaranteed_radius`'s proof) for one round to map
    ``noisy`` back to ``codeword``: every visible neuron has fewer than ``d_v/2`` bad
    constraints (constraints holding ``>= t0 + 1`` errors)."""
    net = _check_net(net)
    cw, _ = _states(codeword, net.n_visible, "codeword")
    nz, _ = _states(noisy, net.n_visible, "noisy")
    if cw.shape[0] != 1 or nz.shape[0] != 1:
        raise ValueError("codeword, noisy: expected single states of shape (N,)")
    err = (cw[0] != nz[0]).astype(np.int64)
    bad = err[net.neighbors].sum(axis=1) >= net.t0 + 1  # (M,)
    n_bad = np.zeros(net.n_visible, dtype=np.int64)
    np.add.at(n_bad, net.neighbors.ravel(), np.repeat(bad.astype(np.int64), net.d_c))
    return bool(np.all(2 * n_bad < net.d_v))


def _beta(beta: Any) -> float:
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
    """
    d_v = _pos_int(d_v, "d_v")
    t0 = _pos_int(t0, "t0", minimum=0)
    b = _beta(beta)
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
    """
    d_v = _pos_int(d_v, "d_v")
    t0 = _pos_int(t0, "t0")
    return (d_v + t0 * (d_v // 2)) / (d_v * (t0 + 1))


def guaranteed_rounds(e: int, rho: float) -> int:
    """Rounds after which ``e`` errors are gone when each round multiplies the error count
    by at most ``rho < 1``: ``ceil(log e / log(1/rho)) + 1`` (``0`` for ``e = 0``).

    After ``r`` rounds at most ``rho^r e`` errors remain, which is ``< 1`` (so 0) once
    ``r > log e / log(1/rho)``.
    """
    e = _pos_int(e, "e", minimum=0)
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


def _greedy_grow(net: ExpanderHopfield, size: int, rng: np.random.Generator,
                 limit: float | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Greedily clustered set: start at a random neuron, repeatedly add a (random among
    the best) neuron adding the fewest new constraints.  Returns (members in order,
    |N(S)| after each addition).  With ``limit`` = beta d_v it stops at the first size
    with ``|N(S)| < limit |S|``."""
    n = net.n_visible
    con, _ = _incidence(net)
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


def clustered_set(net: ExpanderHopfield, size: int, *, seed: Any) -> np.ndarray:
    """A greedily clustered (adversarial) set of ``size`` visible neurons: start at a
    random neuron and repeatedly add the neuron that adds the fewest new constraints
    (ties broken at random).  Such sets have the smallest neighbourhoods the search finds,
    so they are the worst error patterns for the decoder that we know how to build.

    ``seed``: an int >= 0 or a :class:`numpy.random.Generator` (advanced in place);
    ``None`` is refused with ValueError, since every result of this module is reproducible.
    """
    net = _check_net(net)
    size = _pos_int(size, "size")
    if size > net.n_visible:
        raise ValueError(f"size: got {size}; expected at most n_visible = {net.n_visible}")
    return _greedy_grow(net, size, _rng(seed))[0]


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
    keys, _ = _pair_counts(net.neighbors, net.n_visible)
    n = net.n_visible
    u, v = keys // n, keys % n
    a = np.concatenate([u, v])
    b = np.concatenate([v, u])
    order = np.argsort(a, kind="stable")
    a, b = a[order], b[order]
    starts = np.searchsorted(a, np.arange(n + 1))
    return [b[starts[i]:starts[i + 1]] for i in range(n)]


def expansion_radius(net: ExpanderHopfield, beta: float, *, seed: Any, n_greedy: int = 20,
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
    """
    net = _check_net(net)
    b = _beta(beta)
    rng = _rng(seed)
    n_greedy = _pos_int(n_greedy, "n_greedy", minimum=0)
    n_random = _pos_int(n_random, "n_random", minimum=0)
    max_triples = _pos_int(max_triples, "max_triples", minimum=0)
    n, d_v = net.n_visible, net.d_v
    max_size = n if max_size is None else _pos_int(max_size, "max_size")
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

    con, _ = _incidence(net)
    if d_v < limit * 1 - tol:  # only for beta > 1, excluded by validation
        record(1, np.array([0]))
    if best >= 2 and n >= 2:
        keys, counts = _pair_counts(net.neighbors, n)
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
        order, nb = _greedy_grow(net, min(best + 1, n), rng, limit)
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


def expansion_profile(net: ExpanderHopfield, sizes: Any, n_samples: int = 200, *,
                      seed: Any) -> dict[int, dict[str, float]]:
    """Empirical expansion ``|N(S)| / (d_v |S|)`` of visible sets ``S``.

    For each size ``s`` it reports the minimum over ``n_samples`` uniformly random sets
    (``"random"``) and over ``n_samples`` greedily clustered sets (``"greedy"``,
    :func:`clustered_set`, the adversarial direction), plus the fraction of *unique
    neighbours* (constraints seen by exactly one member) for the greedy sets
    (``"unique_greedy"``).  An empirical check, not a certificate (exact expansion is
    NP-hard to compute).

    ``seed``: an int >= 0 or a :class:`numpy.random.Generator` (advanced in place);
    ``None`` is refused with ValueError, since every result of this module is reproducible.
    """
    net = _check_net(net)
    rng = _rng(seed)
    n_samples = _pos_int(n_samples, "n_samples")
    sizes = [_pos_int(s, "size") for s in np.atleast_1d(np.asarray(sizes)).tolist()]
    if any(s > net.n_visible for s in sizes):
        raise ValueError(f"sizes: each must be <= n_visible = {net.n_visible}")
    con, _ = _incidence(net)
    out: dict[int, dict[str, float]] = {}
    for s in sizes:
        worst_r, worst_g, uniq_g = np.inf, np.inf, np.inf
        for _ in range(n_samples):
            S = rng.choice(net.n_visible, size=s, replace=False)
            worst_r = min(worst_r, np.unique(con[S]).size / (net.d_v * s))
            G = _greedy_grow(net, s, rng)[0]
            _, cnt = np.unique(con[G], return_counts=True)
            worst_g = min(worst_g, cnt.size / (net.d_v * s))
            uniq_g = min(uniq_g, np.count_nonzero(cnt == 1) / (net.d_v * s))
        out[s] = {"random": float(worst_r), "greedy": float(worst_g),
                  "unique_greedy": float(uniq_g)}
    return out


# --------------------------------------------------------------------------- experiments
def decoding_success(net: ExpanderHopfield, error_fractions: Any, trials: int, *,
                     seed: Any, max_rounds: int = 100, codeword: str = "random",
                     errors: str = "random") -> np.ndarray:
    """Fraction of trials in which the dynamics return exactly the original codeword.

    For each error fraction ``f``: take ``trials`` codewords, flip ``round(f N)`` bits of
    each, run :func:`decode`.

    Parameters
    ----------
    codeword : {"random", "zero"}
        Random global codewords, or the all-``+1`` codeword.  The error dynamics do not
        depend on the codeword (the syndrome of a local word is that of its error, and
        every vote's agreement with the codeword depends only on the error), so "zero"
        gives the same statistics without the cost of a GF(2) basis (large N).
    errors : {"random", "clustered"}
        Uniformly random error positions, or a greedily clustered set
        (:func:`clustered_set`, adversarial).

    ``seed``: an int >= 0 or a :class:`numpy.random.Generator` (advanced in place);
    ``None`` is refused with ValueError, since every result of this module is reproducible.
    """
    net = _check_net(net)
    fr = [_fraction(f, "error_fractions") for f in np.atleast_1d(error_fractions)]
    trials = _pos_int(trials, "trials")
    if codeword not in ("random", "zero"):
        raise ValueError(f"codeword: got {codeword!r}; expected 'random' or 'zero'")
    if errors not in ("random", "clustered"):
        raise ValueError(f"errors: got {errors!r}; expected 'random' or 'clustered'")
    rng = _rng(seed)
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
                noisy[b, _greedy_grow(net, k, rng)[0]] *= -1
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

    ``seed``: an int >= 0 or a :class:`numpy.random.Generator` (advanced in place);
    ``None`` is refused with ValueError, since every result of this module is reproducible.
    """
    n = _pos_int(n, "n")
    m = _pos_int(m, "m")
    trials = _pos_int(trials, "trials")
    max_sweeps = _pos_int(max_sweeps, "max_sweeps")  # 0 sweeps would "recall" the cue
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
    ``max_sweeps`` and ``trials`` must be ``>= 1`` (``ValueError`` otherwise: with no
    sweep at all every clean cue would count as recalled and the answer would be ``n``).

    ``seed``: an int >= 0 or a :class:`numpy.random.Generator` (advanced in place);
    ``None`` is refused with ValueError, since every result of this module is reproducible.
    """
    n = _pos_int(n, "n")
    thr = _fraction(threshold, "threshold")
    trials = _pos_int(trials, "trials")
    max_sweeps = _pos_int(max_sweeps, "max_sweeps")  # 0 sweeps: every cue "recalled"
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
