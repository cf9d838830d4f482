"""Tests of pyref.dense (spec T6: dense associative memory, F(x) = x^a and exp)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref.dense import (
    dense_async_step,
    dense_energy,
    dense_energy_exp,
    dense_log_neg_energy_exp,
    dense_recall_batch,
    dense_run,
    dense_step,
    dense_sweep,
    dense_sweeps,
    overlap,
)

P2 = np.array([[1, 1, 1, -1], [1, -1, 1, 1]])


def test_overlap_and_energy_hand():
    s = [1, -1, -1, -1]
    # p1 . s = 1 - 1 - 1 + 1 = 0 ; p2 . s = 1 + 1 - 1 - 1 = 0
    assert overlap(P2[0], s) == 0 and overlap(P2[1], s) == 0
    assert dense_energy(3, P2, s) == 0
    # s = [1,1,1,1]: overlaps 2, 2 -> E = -(2^3 + 2^3) = -16, a = 2: -8, a = 1: -4
    assert dense_energy(3, P2, [1, 1, 1, 1]) == -16
    assert dense_energy(2, P2, [1, 1, 1, 1]) == -8
    assert dense_energy(1, P2, [1, 1, 1, 1]) == -4
    # odd a: negative overlaps raise the energy. s = -p1: overlaps -4, 0 -> E = -(-64) = 64
    assert dense_energy(3, P2, [-1, -1, -1, 1]) == 64


def test_async_step_hand():
    s = [1, -1, -1, -1]
    # i = 2: s_2 = +1 -> overlaps (2, 2), E = -16; s_2 = -1 -> overlaps (0, 0), E = 0
    # lower energy: +1
    assert dense_async_step(3, P2, s, 2).tolist() == [1, -1, 1, -1]
    # i = 0: +1 -> overlaps (0, 0), E = 0; -1 -> overlaps (-2, -2), E = 16: keep +1
    assert dense_async_step(3, P2, s, 0).tolist() == s


def test_lean_densespec_examples():
    # the kernel-checked examples of Lean DenseSpec: xi_1 = [+,+,+,+], xi_2 = [+,-,+,-],
    # s = [+,+,+,-]; overlaps 1+1+1-1 = 2 and 1-1+1+1 = 2, a = 3: E = -(8 + 8) = -16
    P = [[1, 1, 1, 1], [1, -1, 1, -1]]
    s = [1, 1, 1, -1]
    assert dense_energy(3, P, s) == -16
    # neuron 3: +1 gives overlaps 4, 0 (E = -64) vs -16: take +1
    assert dense_step(3, P, s, 3).tolist() == [1, 1, 1, 1]
    # neuron 1: -1 gives overlaps 0, 4 (E = -64) vs -16: take -1
    assert dense_step(3, P, s, 1).tolist() == [1, -1, 1, -1]
    assert dense_sweep(3, P, s).tolist() == [1, -1, 1, -1]
    assert dense_sweeps(3, P, s, 0).tolist() == s
    assert dense_sweeps(3, P, s, 2).tolist() == [1, -1, 1, -1]


def test_async_step_keeps_on_equal_energy():
    # P = [[1,1],[1,-1]], a = 2, i = 0.  s_0 = +1, s_1 = 1: overlaps (2, 0), E = -4;
    # s_0 = -1: overlaps (0, -2), E = -4.  Equal: keep s_0.
    P = [[1, 1], [1, -1]]
    assert dense_async_step(2, P, [1, 1], 0).tolist() == [1, 1]
    assert dense_async_step(2, P, [-1, 1], 0).tolist() == [-1, 1]


def test_exact_huge_energies():
    # n = 64, a = 20, all-ones: E = -2 * 64^20 exactly (far beyond int64)
    P = np.ones((2, 64), dtype=np.int64)
    e = dense_energy(20, P, np.ones(64, dtype=np.int64))
    assert e == -2 * 64**20 and type(e) is int


def test_exp_energy_hand():
    # P = [[1,1]], s = [1,1]: overlap 2 -> E = -exp(beta * 2)
    assert dense_energy_exp([[1, 1]], [1, 1]) == pytest.approx(-math.exp(2))
    assert dense_energy_exp([[1, 1]], [1, 1], beta=0.5) == pytest.approx(-math.e)
    # log(-E) with two patterns, overlaps 2 and 0: log(e^2 + 1)
    assert dense_log_neg_energy_exp([[1, 1], [1, -1]], [1, 1]) == pytest.approx(
        math.log(math.exp(2) + 1))
    big = np.ones((1, 2000), dtype=np.int64)
    with pytest.raises(ValueError, match="overflows"):
        dense_energy_exp(big, np.ones(2000, dtype=np.int64))
    assert dense_log_neg_energy_exp(big, np.ones(2000, dtype=np.int64)) == pytest.approx(2000)


def test_exp_step_tie_kept():
    # P = [[1,1],[1,-1]], s = [-1,1], i = 0: s_0 = +1 gives overlaps {2, 0}, s_0 = -1 gives
    # {0, -2}; e^2 + 1 > 1 + e^-2, so +1 has the lower energy
    assert dense_async_step("exp", [[1, 1], [1, -1]], [-1, 1], 0).tolist() == [1, 1]
    # i = 1, s_0 = 1: s_1 = +1 gives overlaps (2, 0), s_1 = -1 gives (0, 2): the same
    # multiset, equal energies, so s_1 is kept (both ways)
    assert dense_async_step("exp", [[1, 1], [1, -1]], [1, -1], 1).tolist() == [1, -1]
    assert dense_async_step("exp", [[1, 1], [1, -1]], [1, 1], 1).tolist() == [1, 1]


@st.composite
def dense_cases(draw):
    n = draw(st.integers(1, 9))
    m = draw(st.integers(1, 5))
    P = np.array(draw(st.lists(st.sampled_from([-1, 1]), min_size=m * n, max_size=m * n)))
    s = np.array(draw(st.lists(st.sampled_from([-1, 1]), min_size=n, max_size=n)))
    return P.reshape(m, n), s


@settings(max_examples=50)
@given(dense_cases(), st.integers(1, 6), st.data())
def test_T6_step_never_raises_energy(case, a, data):
    P, s = case
    i = data.draw(st.integers(0, len(s) - 1))
    t = dense_async_step(a, P, s, i)
    assert dense_energy(a, P, t) <= dense_energy(a, P, s)
    assert np.array_equal(np.delete(t, i), np.delete(s, i))
    # matches the definition directly
    sp, sm = s.copy(), s.copy()
    sp[i], sm[i] = 1, -1
    ep, em = dense_energy(a, P, sp), dense_energy(a, P, sm)
    assert t[i] == (1 if ep < em else (-1 if em < ep else s[i]))


@settings(max_examples=40)
@given(dense_cases(), st.sampled_from([1, 2, 3, 4, "exp"]))
def test_T6_run_converges_monotone(case, a):
    P, s = case
    r = dense_run(a, P, s)
    assert r.status == "fixed_point"
    if a == "exp":   # log(-E) non-decreasing
        assert all(x <= y + 1e-12 for x, y in zip(r.energies, r.energies[1:]))
    else:
        assert all(x >= y for x, y in zip(r.energies, r.energies[1:]))
        assert r.energies[-1] == dense_energy(a, P, r.state)
    # a fixed point: no step changes it
    for i in range(len(s)):
        assert dense_async_step(a, P, r.state, i).tolist() == r.state.tolist()
    assert dense_sweep(a, P, r.state).tolist() == r.state.tolist()


@settings(max_examples=20)
@given(st.integers(1, 70), st.integers(1, 6), st.sampled_from([1, 2, 3, "exp"]),
       st.integers(0, 2**31))
def test_batch_matches_run(n, m, a, seed):
    rng = np.random.default_rng(seed)
    P = rng.choice([-1, 1], size=(m, n))
    probes = rng.choice([-1, 1], size=(6, n))
    S, sw, conv = dense_recall_batch(a, P, probes)
    for b in range(6):
        r = dense_run(a, P, probes[b])
        assert S[b].tolist() == r.state.tolist() and sw[b] == r.sweeps and conv[b]


def test_dense_capacity_beyond_hebbian():
    # 30 random patterns in 40 neurons: far above Hebbian capacity, but with a = 4
    # every pattern is a fixed point of the dense dynamics
    rng = np.random.default_rng(0)
    P = rng.choice([-1, 1], size=(30, 40))
    S, _, _ = dense_recall_batch(4, P, P)
    assert np.array_equal(S, P)


def test_random_schedule_seeded():
    r1 = dense_run(3, P2, [1, -1, -1, -1], schedule="random", seed=3)
    r2 = dense_run(3, P2, [1, -1, -1, -1], schedule="random", seed=3)
    assert np.array_equal(r1.trajectory, r2.trajectory) and r1.converged


def test_dense_validation():
    with pytest.raises(ValueError, match="a >= 1"):
        dense_energy(0, P2, [1, 1, 1, 1])
    with pytest.raises(ValueError, match="integer exponent"):
        dense_async_step(2.5, P2, [1, 1, 1, 1], 0)
    with pytest.raises(ValueError, match="'exp'"):
        dense_run("cosh", P2, [1, 1, 1, 1])
    with pytest.raises(ValueError, match="length 4"):
        dense_energy(2, P2, [1, 1, 1])
    with pytest.raises(ValueError, match="neuron index"):
        dense_async_step(2, P2, [1, 1, 1, 1], 4)
    with pytest.raises(ValueError, match="beta"):
        dense_run("exp", P2, [1, 1, 1, 1], beta=0)
    with pytest.raises(ValueError, match="empty"):
        dense_energy(2, np.zeros((0, 4)), [1, 1, 1, 1])
