"""Spec T3 (Hebbian storage), property-tested on pyref.

For pairwise-orthogonal patterns ``p_1..p_m`` with ``m < n`` (generated from rows of a
Sylvester-Hadamard matrix, each row sign-flipped at random and the columns permuted, which
keeps them orthogonal) the Hebbian field at ``p_k`` is exactly ``(n - m) p_k``, so every
``p_k`` is a fixed point of every asynchronous step and of the synchronous step, for both
tie rules and for the integer and ``1/n``-normalised rules.
Negative controls: non-orthogonal patterns break the field identity; ``m = n`` gives zero
fields, and the plus tie rule then moves the patterns.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref.classical import async_step, field, is_fixed_point, sync_step
from pyref.learning import hebbian, hebbian_normalized


def hadamard(n: int) -> np.ndarray:
    H = np.array([[1]], dtype=np.int64)
    while H.shape[0] < n:
        H = np.block([[H, H], [H, -H]])
    return H


@st.composite
def orthogonal_patterns(draw, max_log2: int = 5, allow_full: bool = False):
    n = 2 ** draw(st.integers(1, max_log2))
    m = draw(st.integers(1, n if allow_full else n - 1))
    rows = draw(st.lists(st.integers(0, n - 1), min_size=m, max_size=m, unique=True))
    signs = np.array(draw(st.lists(st.sampled_from([-1, 1]), min_size=m, max_size=m)))
    perm = np.array(draw(st.permutations(range(n))))
    return (hadamard(n)[rows] * signs[:, None])[:, perm]


@settings(max_examples=80)
@given(orthogonal_patterns(), st.sampled_from(["keep", "plus"]))
def test_T3_field_identity_and_fixed_points(P, tie):
    m, n = P.shape
    assert np.array_equal(P @ P.T, n * np.eye(m, dtype=np.int64))   # the hypothesis
    W = hebbian(P)
    theta = np.zeros(n, dtype=np.int64)
    for p in P:
        assert np.array_equal(field(W, p), (n - m) * p)
        assert np.array_equal(sync_step(W, theta, p, tie), p)
        for i in range(n):
            assert np.array_equal(async_step(W, theta, p, i, tie), p)
        assert is_fixed_point(W, theta, p, tie)


@settings(max_examples=40)
@given(orthogonal_patterns(max_log2=4), st.sampled_from(["keep", "plus"]))
def test_T3_normalised_rule_same_field_over_n(P, tie):
    from fractions import Fraction
    m, n = P.shape
    Wn = hebbian_normalized(P)                       # exact Fractions
    Wf = hebbian_normalized(P, exact=False)          # float64
    for p in P:
        h = field(Wn, p)
        assert all(h[i] == Fraction((n - m) * int(p[i]), n) for i in range(n))
        assert np.allclose(field(Wf, p), (n - m) / n * p)
        assert np.array_equal(sync_step(Wn, None, p, tie), p)
        assert np.array_equal(sync_step(Wf, None, p, tie), p)


@settings(max_examples=60)
@given(st.integers(2, 12), st.data())
def test_T3_negative_control_two_non_orthogonal_patterns(n, data):
    # Two patterns with overlap c = p.q != 0: field(p) = (n - 2) p + c q != (n - 2) p.
    p = np.array(data.draw(st.lists(st.sampled_from([-1, 1]), min_size=n, max_size=n)))
    q = np.array(data.draw(st.lists(st.sampled_from([-1, 1]), min_size=n, max_size=n)))
    c = int(p @ q)
    W = hebbian(np.stack([p, q]))
    assert np.array_equal(field(W, p), (n - 2) * p + c * q)
    assert (c == 0) == np.array_equal(field(W, p), (n - 2) * p)


def test_T3_negative_control_hand_example():
    # p1 = (1,1,1,1), p2 = (1,1,1,-1): p1.p2 = 2.  W p1 = 4 p1 + 2 p2 - 2 p1 = (4,4,4,0),
    # not (n - m) p1 = (2,2,2,2).
    P = np.array([[1, 1, 1, 1], [1, 1, 1, -1]])
    assert field(hebbian(P), P[0]).tolist() == [4, 4, 4, 0]


def test_T3_negative_control_m_equals_n():
    # n = m = 2, P = H_2 = [[1,1],[1,-1]]: W = P^T P - 2I = 2I - 2I = 0, all fields 0.
    # keep ties keep both patterns; plus ties send (1,-1) to (1,1): m < n is needed.
    P = hadamard(2)
    W = hebbian(P)
    assert W.tolist() == [[0, 0], [0, 0]]
    assert sync_step(W, [0, 0], [1, -1], "keep").tolist() == [1, -1]
    assert sync_step(W, [0, 0], [1, -1], "plus").tolist() == [1, 1]
