"""The global code of the network: its parity-check matrix over GF(2), dimension and
basis, random codewords, membership, and seeded bit flips (the error model).

Part of :mod:`pyref.models.expander` (Python-only, property-tested; not Lean-proved).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ..._validate import RequiredSeed, as_required_generator, check_int, check_spin_batch
from .gf2 import gf2_rank, rref_gf2
from .network import ExpanderHopfield, check_net

__all__ = [
    "parity_check_matrix",
    "code_dimension",
    "codeword_basis",
    "random_codewords",
    "is_codeword",
    "flip_random_bits",
]


def parity_check_matrix(net: ExpanderHopfield) -> np.ndarray:
    """Global GF(2) parity-check matrix ``H`` of shape ``(M r, N)``.

    Row ``c r + t`` is local check ``t`` of constraint ``c`` placed on its neighbours; a
    state is a global codeword iff ``H b = 0 (mod 2)`` for its bits ``b = (1 - x)/2``.

    Parameters
    ----------
    net : ExpanderHopfield
        The network (from :func:`make_expander_hopfield`).

    Returns
    -------
    numpy.ndarray
        uint8 0/1 of shape (M r, N): ``H`` with ``H b = 0 (mod 2)`` exactly for the global
        codewords' bits ``b = (1 - x)/2``.
    """
    net = check_net(net)
    r = net.local_check.shape[0]
    h = np.zeros((net.n_constraints, r, net.n_visible), dtype=np.uint8)
    for c in range(net.n_constraints):
        h[c][:, net.neighbors[c]] = net.local_check
    return h.reshape(net.n_constraints * r, net.n_visible)


def code_dimension(net: ExpanderHopfield) -> int:
    """``k = N - rank_GF2(H)``: the network has at least ``2^k`` stable states.

    Parameters
    ----------
    net : ExpanderHopfield
        The network (from :func:`make_expander_hopfield`).

    Returns
    -------
    int
        ``k = N - rank_GF2(H) >= N - M r``; the network has at least ``2^k`` stable states.
    """
    net = check_net(net)
    return net.n_visible - gf2_rank(parity_check_matrix(net))


def codeword_basis(net: ExpanderHopfield) -> np.ndarray:
    """A GF(2) basis of the global code (null space of ``H``), shape ``(k, N)``, 0/1 uint8.

    Parameters
    ----------
    net : ExpanderHopfield
        The network (from :func:`make_expander_hopfield`).

    Returns
    -------
    numpy.ndarray
        uint8 0/1 of shape (k, N): a GF(2) basis of the null space of ``H`` (bit vectors, ``0``
        = spin +1).
    """
    net = check_net(net)
    rref, piv = rref_gf2(parity_check_matrix(net))
    n = net.n_visible
    free = [c for c in range(n) if c not in set(piv)]
    basis = np.zeros((len(free), n), dtype=np.uint8)
    for t, f in enumerate(free):
        basis[t, f] = 1
        for row, p in enumerate(piv):
            basis[t, p] = rref[row, f]
    return basis


def random_codewords(net: ExpanderHopfield, count: int, *, seed: RequiredSeed) -> np.ndarray:
    """``count`` uniformly random global codewords as ``+1/-1`` states, shape ``(count, N)``.

    ``seed``: an int >= 0 or a :class:`numpy.random.Generator` (advanced in place);
    ``None`` is refused with ValueError, since every result of this module is reproducible.

    Parameters
    ----------
    net : ExpanderHopfield
        The network (from :func:`make_expander_hopfield`).
    count : int >= 1
        Number of codewords.
    seed : int >= 0 or numpy.random.Generator
        Source of all randomness: an int gives a reproducible stream, a Generator is used as is
        and advanced in place; ``None`` is refused (every result of this module is
        reproducible).

    Returns
    -------
    numpy.ndarray
        int64 +1/-1 of shape (count, N): uniformly random global codewords (uniform GF(2)
        combinations of :func:`codeword_basis`).
    """
    net = check_net(net)
    count = check_int(count, "count", 1)
    rng = as_required_generator(seed)
    basis = codeword_basis(net).astype(np.int64)
    coef = rng.integers(0, 2, size=(count, basis.shape[0]))
    bits = (coef @ basis) % 2
    return 1 - 2 * bits


def is_codeword(net: ExpanderHopfield, x: ArrayLike) -> bool | np.ndarray:
    """True where every constraint sees a local codeword (``H b = 0 mod 2``).

    Parameters
    ----------
    net : ExpanderHopfield
        The network (from :func:`make_expander_hopfield`).
    x : array_like, shape (N,) or (B, N)
        Visible state(s), entries +1 / -1.

    Returns
    -------
    bool or numpy.ndarray
        For one state a bool, for a batch a bool array (B,): True where ``H b = 0 (mod 2)``.
    """
    net = check_net(net)
    xb, single = check_spin_batch(x, net.n_visible)
    bits = (1 - xb) // 2
    ok = np.all((bits @ parity_check_matrix(net).T.astype(np.int64)) % 2 == 0, axis=1)
    return bool(ok[0]) if single else ok


def flip_random_bits(x: ArrayLike, n_flips: int, *, seed: RequiredSeed) -> np.ndarray:
    """Flip exactly ``n_flips`` distinct, uniformly chosen entries of each state.

    ``seed``: an int >= 0 or a :class:`numpy.random.Generator` (advanced in place);
    ``None`` is refused with ValueError, since every result of this module is reproducible.

    Parameters
    ----------
    x : array_like, shape (N,) or (B, N)
        State(s), entries +1 / -1.
    n_flips : int, 0 <= n_flips <= N
        Number of entries to flip per state.
    seed : int >= 0 or numpy.random.Generator
        Source of all randomness: an int gives a reproducible stream, a Generator is used as is
        and advanced in place; ``None`` is refused (every result of this module is
        reproducible).

    Returns
    -------
    numpy.ndarray
        int64 +1/-1 of the shape of ``x``: each state with exactly ``n_flips`` distinct
        uniformly chosen entries flipped.
    """
    arr = np.asarray(x)
    if arr.ndim not in (1, 2) or arr.shape[-1] == 0:
        raise ValueError(f"x: shape {arr.shape}; expected a state (n,) or a batch (B, n)")
    n = arr.shape[-1]
    xb, single = check_spin_batch(x, n)
    k = check_int(n_flips, "n_flips", minimum=0)
    if k > n:
        raise ValueError(f"n_flips: got {k}; expected at most the state length {n}")
    rng = as_required_generator(seed)
    out = xb.copy()
    for b in range(out.shape[0]):
        idx = rng.choice(n, size=k, replace=False)
        out[b, idx] *= -1
    return out[0] if single else out
