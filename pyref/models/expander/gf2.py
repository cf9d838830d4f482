"""Linear algebra over GF(2) (bits 0/1, addition = XOR): reduced row echelon form and
rank, used by the local codes and by the global code of the network.

Part of :mod:`pyref.models.expander` (Python-only, property-tested; not Lean-proved).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["gf2_rank"]


def rref_gf2(a: np.ndarray) -> tuple[np.ndarray, list[int]]:
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


def gf2_rank(a: ArrayLike) -> int:
    """Rank over GF(2) of a 0/1 integer matrix (Gaussian elimination).

    Rows are packed into Python integers (bit sets) and reduced against a basis keyed by
    leading bit (``r <- r XOR b`` while the leading bit of ``r`` is a basis pivot); the
    number of basis rows is the rank.

    Parameters
    ----------
    a : array_like, shape (rows, cols)
        0/1 integer matrix (entries taken mod 2).

    Returns
    -------
    int
        The rank of ``a`` over GF(2), ``0 <= rank <= min(rows, cols)`` (0 for an empty matrix).
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
