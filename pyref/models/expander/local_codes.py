"""The local codes of the constraint clusters: Hamming codes of length ``2^r - 1``, the
double-/triple-error-correcting BCH codes over ``GF(2^m)``, their correction radius
``t0``, syndrome tables and codebooks (the hidden neurons of one cluster).

Part of :mod:`pyref.models.expander` (Python-only, property-tested; not Lean-proved).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ..._validate import check_int
from .gf2 import rref_gf2

__all__ = [
    "MAX_CLUSTER",
    "hamming_local_code",
    "gf2m_powers",
    "bch_local_code",
    "correction_radius",
]


#: Largest cluster (number of local codewords = hidden neurons per constraint) that is ever
#: enumerated as explicit hidden neurons (codebook, weight matrix, fields).
MAX_CLUSTER = 2**16


#: Primitive polynomials over GF(2) (bit b = coefficient of x^b) for GF(2^m), m = 4..7.
_PRIMITIVE = {4: 0b10011, 5: 0b100101, 6: 0b1000011, 7: 0b10000011}


def check_local_check(h: ArrayLike, name: str = "local_check") -> np.ndarray:
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
    r = check_int(r, "r", minimum=2)
    if r > 4:
        raise ValueError(f"r: got {r}; expected 2 <= r <= 4 (codebook size 2^(2^r-1-r))")
    n = 2**r - 1
    cols = np.arange(1, n + 1)
    check = ((cols[None, :] >> np.arange(r)[:, None]) & 1).astype(np.uint8)
    return enumerate_codebook(check), check


def gf2m_powers(m: int) -> np.ndarray:
    """``alpha^j`` for ``j = 0 .. 2^m - 2`` in GF(2^m), as integers (bit b = coefficient
    of ``alpha^b``), with ``alpha`` a root of the primitive polynomial ``_PRIMITIVE[m]``.

    Arithmetic: multiplication by ``alpha`` is a left shift, reduced by the primitive
    polynomial ``p`` when bit ``m`` is set (``a -> (a << 1) XOR p``).  ``p`` primitive means
    these ``2^m - 1`` powers are all the nonzero elements, each once (checked in tests).

    Parameters
    ----------
    m : int
        Field size exponent, ``4 <= m <= 7`` (a primitive polynomial is tabulated for each).

    Returns
    -------
    numpy.ndarray
        int64 of shape (2**m - 1,): ``alpha^j`` for ``j = 0 .. 2^m - 2``, each a distinct
        nonzero element of GF(2^m) written as an m-bit integer.
    """
    m = check_int(m, "m", minimum=4)
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

    Parameters
    ----------
    m : int
        ``4 <= m <= 7``: code length ``2^m - 1``.
    t : {2, 3}
        Number of correctable errors (designed distance ``2t + 1``; ``t = 3`` needs ``m = 6``).
    """
    pw = gf2m_powers(m)
    t = check_int(t, "t", minimum=2)
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


def syndromes(bits: np.ndarray, check: np.ndarray) -> np.ndarray:
    """Packed syndromes ``sum_t (H b)_t 2^t`` of 0/1 words (last axis = d_c); exact in
    float32 (parity counts <= 255, packed values < 2^20)."""
    par = np.rint(bits.astype(np.float32) @ check.T.astype(np.float32)).astype(np.int64) % 2
    return par @ (1 << np.arange(check.shape[0], dtype=np.int64))


def correction_radius(local_check: ArrayLike) -> int:
    """``t0``: the largest ``t`` such that all error patterns of weight ``<= t`` have
    distinct syndromes ``H e`` (found by enumeration).

    Two patterns ``e != e'`` of weight ``<= t`` with ``H e = H e'`` give the nonzero
    codeword ``e + e'`` of weight ``<= 2t``, and a nonzero codeword of weight ``w <= 2t``
    splits into two such patterns; so distinct syndromes up to weight ``t`` is exactly
    ``d0 >= 2t + 1`` and ``t0 = floor((d0 - 1) / 2)``.  The enumeration stops by
    pigeonhole once there are more patterns than the ``2^r`` syndromes.

    Parameters
    ----------
    local_check : array_like, shape (r, d_c)
        0/1 parity-check matrix of the local code (at most 20 rows and 255 columns).

    Returns
    -------
    int
        ``t0 >= 0``: the largest ``t`` with distinct syndromes for all error patterns of weight
        ``<= t``, i.e. ``floor((d0 - 1) / 2)`` for the local distance ``d0``.
    """
    check = check_local_check(local_check)
    r, n = check.shape
    from math import comb
    t = 0
    while t < n:
        count = sum(comb(n, w) for w in range(t + 2))
        if count > 2**r:
            break  # pigeonhole: weight <= t+1 patterns must collide
        syn = syndromes(_patterns_upto(n, t + 1), check)
        if np.unique(syn).size < syn.size:
            break
        t += 1
    return t


def syndrome_table(check: np.ndarray, t0: int) -> tuple[np.ndarray, np.ndarray]:
    """(error pattern per syndrome (2^r, d_c) uint8, valid flag (2^r,) bool): the unique
    pattern of weight <= t0 with that syndrome, if any."""
    r, n = check.shape
    pats = _patterns_upto(n, t0)
    syn = syndromes(pats, check)
    table = np.zeros((2**r, n), dtype=np.uint8)
    valid = np.zeros(2**r, dtype=bool)
    table[syn] = pats
    valid[syn] = True
    return table, valid


def enumerate_codebook(check: np.ndarray) -> np.ndarray:
    """All codewords of ker(H) as +1/-1 rows, sorted by the packed value sum_j b_j 2^j."""
    n = check.shape[1]
    rref, piv = rref_gf2(check)
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
