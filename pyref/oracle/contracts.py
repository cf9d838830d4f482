"""Small pure integer functions with PEP 316 docstring contracts, checked by CrossHair
(spec conventions, T1, T3, T4).

These are deliberately tiny, dependency-free restatements of pyref's integer logic on
fixed-length tuples (no numpy; states as Bool tuples mapped to +-1 by :func:`spin`, as in
Lean), so that CrossHair's symbolic execution (``crosshair check
pyref.contracts``; tests/test_crosshair.py) can explore them path by path with an SMT
solver; W and theta are unbounded symbolic integers.  Each ``post:`` line is a claim of the
spec:

* :func:`update_value` -- the update rule of one neuron (both tie rules);
* :func:`flip_energy_change` -- ``E(s') - E(s) = -(s'_i - s_i)(h_i - theta_i)`` for a
  single flip, any symmetric zero-diagonal integer ``W`` with ``n = 3`` (which contains
  ``n = 1, 2`` through zero couplings; T1's identity);
* :func:`async_energy_change` -- an asynchronous step (keep ties) never raises ``E`` and
  lowers it by at least 2 when it changes the state (T1);
* :func:`hebbian_field_two` -- two orthogonal patterns of length 4: the Hebbian field at
  ``p`` is ``(n - m) p = 2 p`` (T3);
* :func:`hebbian_sync_one` -- one pattern of length 4, a state at distance ``<= 1``
  (``m (2d + 1) = 3 < 4``): one synchronous step gives the pattern (T4).

The definitions mirror ``lean/Hopfield/Basic.lean`` (field without threshold, energy over
the strict upper triangle, update with keep/plus ties, Hebbian ``sum p p^T - m I``).
"""

from __future__ import annotations

__all__ = [
    "update_value",
    "spin",
    "field",
    "energy",
    "flip_energy_change",
    "async_energy_change",
    "hebbian",
    "hebbian_field_two",
    "hebbian_sync_one",
]

Vector = tuple[int, ...]


def update_value(h: int, theta: int, s_i: int, keep: bool) -> int:
    """New spin of a neuron: ``+1`` if ``h > theta``, ``-1`` if ``h < theta``, on a tie
    ``s_i`` (``keep``) or ``+1`` (plus rule).  (spec conventions, T1)

    pre: s_i in (-1, 1)
    post: __return__ in (-1, 1)
    post: h == theta or (__return__ == 1) == (h > theta)
    post: h != theta or __return__ == (s_i if keep else 1)
    post: (__return__ - s_i) * (h - theta) >= 0

    Parameters
    ----------
    h : int
        Local field.
    theta : int
        Threshold of the neuron.
    s_i : int
        Current spin of the neuron, +1 or -1.
    keep : bool
        Tie rule: keep ``s_i`` (``True``) or set +1.

    Returns
    -------
    int
        ``+1`` if ``h > theta``, ``-1`` if ``h < theta``; on a tie ``s_i`` (keep rule) or ``+1``
        (plus rule).
    """
    if h > theta:
        return 1
    if h < theta:
        return -1
    return s_i if keep else 1


def spin(b: bool) -> int:
    """``+1`` for ``True``, ``-1`` for ``False`` (Lean ``State.val``: states are Bool
    vectors).

    Parameters
    ----------
    b : tuple of bool
        State as Bool vector (``spin`` maps it to +-1).

    Returns
    -------
    int
        ``+1`` for ``True``, ``-1`` for ``False``.
    """
    return 1 if b else -1


Row3 = tuple[int, int, int]
W3 = tuple[Row3, Row3, Row3]
Bits3 = tuple[bool, bool, bool]
Bits4 = tuple[bool, bool, bool, bool]


def _sym0(W: W3) -> bool:
    return all(W[i][j] == W[j][i] for i in range(3) for j in range(3)) and \
        all(W[i][i] == 0 for i in range(3))


def field(W: tuple[Vector, ...], x: Vector, i: int) -> int:
    """``h_i = sum_j W_ij x_j`` (no threshold; spec conventions).

    Parameters
    ----------
    W : tuple of tuple of int
        Integer weights (3 x 3 unless noted).
    x : tuple of int
        State, entries +1 / -1.
    i : int
        Neuron index.

    Returns
    -------
    int
        ``h_i = sum_j W_ij x_j`` (an exact int).
    """
    return sum(W[i][j] * x[j] for j in range(len(x)))


def energy(W: W3, theta: Row3, x: Vector) -> int:
    """``E(x) = -sum_{i<j} W_ij x_i x_j + sum_i theta_i x_i`` (spec conventions).

    Parameters
    ----------
    W : tuple of tuple of int
        Integer weights (3 x 3 unless noted).
    theta : tuple of int
        Integer thresholds.
    x : tuple of int
        State, entries +1 / -1.

    Returns
    -------
    int
        ``E(x)``, an exact int.
    """
    n = len(x)
    pair = sum(W[i][j] * x[i] * x[j] for i in range(n) for j in range(i + 1, n))
    return -pair + sum(theta[i] * x[i] for i in range(n))


def flip_energy_change(W: W3, theta: Row3, b: Bits3, i: int) -> int:
    """``E(s') - E(s)`` for the state ``s = spin(b)`` of 3 neurons and ``s'`` = ``s`` with
    ``s_i`` flipped (spec T1 identity: ``= -(s'_i - s_i)(h_i - theta_i)``).  Symmetric
    zero-diagonal integer ``W``; ``n = 3`` covers ``n = 1, 2`` by zero couplings.

    pre: _sym0(W)
    pre: 0 <= i < 3
    post: __return__ == -(-spin(b[i]) - spin(b[i])) * (field(W, tuple(spin(v) for v in b), i) - theta[i])

    Parameters
    ----------
    W : tuple of tuple of int
        Integer weights (3 x 3 unless noted).
    theta : tuple of int
        Integer thresholds.
    b : tuple of bool
        State as Bool vector (``spin`` maps it to +-1).
    i : int
        Neuron index.

    Returns
    -------
    int
        ``E(s') - E(s)``, an exact int equal to ``-(s'_i - s_i)(h_i - theta_i)``.
    """
    s = tuple(spin(v) for v in b)
    t = tuple(-v if j == i else v for j, v in enumerate(s))
    return energy(W, theta, t) - energy(W, theta, s)


def _keeps(W: W3, theta: Row3, b: Bits3, i: int) -> bool:
    """The keep-ties update leaves ``s_i`` as it is."""
    s = tuple(spin(v) for v in b)
    return update_value(field(W, s, i), theta[i], s[i], True) == s[i]


def async_energy_change(W: W3, theta: Row3, b: Bits3, i: int) -> int:
    """``E(async_step(s, i)) - E(s)`` with keep ties, ``s = spin(b)`` (spec T1): either the
    step keeps ``s_i`` and ``E`` is unchanged, or ``E`` drops by at least 2 (so it never
    rises).

    pre: _sym0(W)
    pre: 0 <= i < 3
    post: __return__ <= -2 or (__return__ == 0 and _keeps(W, theta, b, i))

    Parameters
    ----------
    W : tuple of tuple of int
        Integer weights (3 x 3 unless noted).
    theta : tuple of int
        Integer thresholds.
    b : tuple of bool
        State as Bool vector (``spin`` maps it to +-1).
    i : int
        Neuron index.

    Returns
    -------
    int
        ``E(async_step(s, i)) - E(s)``: 0 if the step keeps ``s_i``, else ``<= -2``.
    """
    s = tuple(spin(v) for v in b)
    new = update_value(field(W, s, i), theta[i], s[i], True)
    t = tuple(new if j == i else v for j, v in enumerate(s))
    return energy(W, theta, t) - energy(W, theta, s)


def hebbian(patterns: tuple[Vector, ...]) -> tuple[Vector, ...]:
    """``W = sum_k p_k p_k^T - m I`` (spec T3).

    Parameters
    ----------
    patterns : tuple of tuple of int
        Patterns, entries +1 / -1.

    Returns
    -------
    tuple[Vector, ...]
        The rows of ``W`` (ints, zero diagonal, symmetric).
    """
    n, m = len(patterns[0]), len(patterns)
    return tuple(tuple(sum(p[i] * p[j] for p in patterns) - (m if i == j else 0)
                       for j in range(n)) for i in range(n))


def hebbian_field_two(bp: Bits4, bq: Bits4) -> Vector:
    """The Hebbian field at ``p = spin(bp)`` for the patterns ``p, q = spin(bq)`` of length
    4 (spec T3): when ``p . q = 0`` it is ``(n - m) p = 2 p``.

    pre: sum(spin(a) * spin(c) for a, c in zip(bp, bq)) == 0
    post: __return__ == tuple(2 * spin(v) for v in bp)

    Parameters
    ----------
    bp : tuple of 4 bool
        First pattern as Bool vector.
    bq : tuple of 4 bool
        Second pattern as Bool vector.

    Returns
    -------
    Vector
        The field ``W p`` (4 ints); ``2 p`` when ``p . q = 0``.
    """
    p = tuple(spin(v) for v in bp)
    W = hebbian((p, tuple(spin(v) for v in bq)))
    return tuple(field(W, p, i) for i in range(4))


def hebbian_sync_one(bp: Bits4, bs: Bits4) -> Vector:
    """One synchronous step (keep ties, zero thresholds) from ``s = spin(bs)`` with the
    Hebbian weights of the single pattern ``p = spin(bp)`` of length 4 (spec T4:
    ``m (2d + 1) = 3 < 4`` for ``d <= 1``, so a state at distance ``<= 1`` is corrected in
    one step).

    pre: sum(1 for a, c in zip(bp, bs) if a != c) <= 1
    post: __return__ == tuple(spin(v) for v in bp)

    Parameters
    ----------
    bp : tuple of 4 bool
        First pattern as Bool vector.
    bs : tuple of 4 bool
        State as Bool vector.

    Returns
    -------
    Vector
        The state after one synchronous step (4 spins); ``p`` when ``hamming(s, p) <= 1``.
    """
    s = tuple(spin(v) for v in bs)
    W = hebbian((tuple(spin(v) for v in bp),))
    return tuple(update_value(field(W, s, i), 0, s[i], True) for i in range(4))
