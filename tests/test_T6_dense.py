"""Spec T6 (dense associative memory, ``F(x) = x^a``), property-tested on pyref.

Energy ``E(s) = -sum_k (p_k . s)^a`` (an integer).  An asynchronous step takes the state of
lower energy (keep on equality), so it never raises ``E`` and lowers it by at least 1 when
it changes the state; hence from any state the number of state-changing steps is at most
``min(E(s0) - E_min, 2^n - 1) <= min(2 m n^a, 2^n - 1)`` and cyclic sweeps reach a fixed
point (a state no step changes) within that many + 1 sweeps.
Negative control: the same rule applied synchronously (all sites from the old state) can
oscillate forever.
"""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref.dense import dense_async_step, dense_energy, dense_run

SPINS = st.sampled_from([-1, 1])


@st.composite
def dense_cases(draw, max_n: int = 7, max_m: int = 4):
    n = draw(st.integers(1, max_n))
    m = draw(st.integers(1, max_m))
    P = np.array(draw(st.lists(st.lists(SPINS, min_size=n, max_size=n), min_size=m,
                               max_size=m)), dtype=np.int64)
    s = np.array(draw(st.lists(SPINS, min_size=n, max_size=n)), dtype=np.int64)
    a = draw(st.integers(1, 5))
    return a, P, s


@settings(max_examples=120)
@given(dense_cases(), st.data())
def test_T6_step_descent(case, data):
    a, P, s = case
    n = len(s)
    i = data.draw(st.integers(0, n - 1))
    t = dense_async_step(a, P, s, i)
    assert np.array_equal(np.delete(t, i), np.delete(s, i))
    e_s, e_t = dense_energy(a, P, s), dense_energy(a, P, t)
    # direct definition: the other value of s_i has energy e_o; the step picks the lower,
    # keeping s_i on equality
    o = s.copy()
    o[i] = -s[i]
    e_o = dense_energy(a, P, o)
    assert e_t == min(e_s, e_o)
    assert np.array_equal(t, o if e_o < e_s else s)
    if not np.array_equal(t, s):
        assert e_t <= e_s - 1


@settings(max_examples=80)
@given(dense_cases())
def test_T6_convergence_with_bound(case):
    a, P, s = case
    m, n = P.shape
    e_min = min(dense_energy(a, P, np.array(x)) for x in itertools.product([-1, 1], repeat=n))
    bound = min(dense_energy(a, P, s) - e_min, 2**n - 1)
    assert bound <= 2 * m * n**a
    res = dense_run(a, P, s, max_sweeps=bound + 2)
    assert res.status == "fixed_point"
    assert res.flips <= bound and res.sweeps <= bound + 2
    assert all(e1 <= e0 for e0, e1 in zip(res.energies, res.energies[1:]))
    for i in range(n):                                # a fixed point: no step moves it
        assert np.array_equal(dense_async_step(a, P, res.state, i), res.state)


def test_T6_hand_example():
    # a = 2, one pattern p = (1,1), s = (1,-1): o = 0, E = 0.  Step at 0: s_0 = -1 gives
    # o = -2, E = -4 < 0, so s_0 -> -1: (-1,-1), E = -4.
    P = np.array([[1, 1]])
    t = dense_async_step(2, P, np.array([1, -1]), 0)
    assert t.tolist() == [-1, -1] and dense_energy(2, P, t) == -4


def test_T6_negative_control_synchronous_oscillates():
    # Same rule, all sites at once from the old state: a = 2, p = (1,1), s = (1,-1).
    # Site 0 alone prefers -1 (E -4 < 0), site 1 alone prefers +1: s -> (-1, 1), which by
    # symmetry goes back to (1, -1): a 2-cycle, never a fixed point (E stays 0).
    P = np.array([[1, 1]])

    def dense_sync(s):
        return np.array([dense_async_step(2, P, s, i)[i] for i in range(len(s))])

    s = np.array([1, -1])
    s1 = dense_sync(s)
    assert s1.tolist() == [-1, 1] and dense_sync(s1).tolist() == [1, -1]
    assert dense_energy(2, P, s) == dense_energy(2, P, s1) == 0
