"""Tests of pyref.classical (spec conventions, T1, T2, T3, T5, T7).

Hand-computed expectations use the 3-neuron network of lean/Hopfield/Basic.lean:
W = [[0,1,-2],[1,0,3],[-2,3,0]], theta = [0,1,0], s = [+1,-1,+1].
"""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref.classical import (
    async_step,
    energy,
    energy_batch,
    energy_bound,
    field,
    hamming,
    is_fixed_point,
    recall_batch,
    run,
    run_schedule,
    sweep,
    sync_step,
    trajectory,
    update,
    update_value,
)
from pyref.learning import hebbian

W3 = np.array([[0, 1, -2], [1, 0, 3], [-2, 3, 0]])
TH3 = np.array([0, 1, 0])
S3 = np.array([1, -1, 1])


# ---------------------------------------------------------------- Lean examples (T7)

def test_field_example():
    # h = W s = [0 - 1 - 2, 1 + 0 + 3, -2 - 3 + 0] = [-3, 4, -5]
    assert field(W3, S3).tolist() == [-3, 4, -5]


def test_energy_example_exact_int():
    # E = -(1*1*(-1) + (-2)*1*1 + 3*(-1)*1) + (0*1 + 1*(-1) + 0*1) = 6 - 1 = 5
    e = energy(W3, TH3, S3)
    assert e == 5 and type(e) is int


def test_async_step_example():
    # neuron 0: h_0 = -3 < theta_0 = 0 -> -1
    assert async_step(W3, TH3, S3, 0).tolist() == [-1, -1, 1]
    # neuron 1: h_1 = 4 > theta_1 = 1 -> +1
    assert async_step(W3, TH3, S3, 1).tolist() == [1, 1, 1]


def test_sync_step_and_sweep_example():
    # sync: signs of h - theta = [-3, 3, -5] -> [-1, 1, -1]
    assert sync_step(W3, TH3, S3).tolist() == [-1, 1, -1]
    assert update(W3, TH3, S3).tolist() == [-1, 1, -1]
    # sweep: i=0: h=-3 -> -1, s=[-1,-1,1]; i=1: h=-1+0+3=2 > 1 -> +1, s=[-1,1,1];
    # i=2: h=2+3=5 > 0 -> +1: [-1, 1, 1]
    assert sweep(W3, TH3, S3).tolist() == [-1, 1, 1]
    assert hamming(S3, sync_step(W3, TH3, S3)) == 3


def test_async_step_does_not_mutate_input():
    s = S3.copy()
    async_step(W3, TH3, s, 0)
    assert s.tolist() == [1, -1, 1]


def test_tie_rules():
    # W = [[0,1],[1,0]], theta = 0, s = [-1, +1]: h_0 = 1 > 0 -> +1.
    # theta = [1, 0]: h_0 = 1 = theta_0, a tie: keep -> -1, plus -> +1.
    W = [[0, 1], [1, 0]]
    assert async_step(W, [1, 0], [-1, 1], 0, tie="keep").tolist() == [-1, 1]
    assert async_step(W, [1, 0], [-1, 1], 0, tie="plus").tolist() == [1, 1]
    assert update_value(2, 2, -1) == -1
    assert update_value(2, 2, -1, tie="plus") == 1
    assert update_value(3, 2, -1) == 1
    assert update_value(1, 2, 1, tie="plus") == -1


def test_run_async_example():
    # from the sweep example: sweep 1 -> [-1,1,1]; sweep 2 changes nothing.
    # E([-1,1,1]) = -(1*(-1)*1 + (-2)*(-1)*1 + 3*1*1) + (1*1) = -(4) + 1 = -3
    r = run(W3, TH3, S3)
    assert r.status == "fixed_point" and r.converged
    assert r.sweeps == 2 and r.flips == 2
    assert r.trajectory.tolist() == [[1, -1, 1], [-1, 1, 1], [-1, 1, 1]]
    assert r.energies == [5, -3, -3]
    assert is_fixed_point(W3, TH3, r.state)
    assert not is_fixed_point(W3, TH3, S3)


def test_run_sync_two_cycle():
    # sync: [1,-1,1] -> [-1,1,-1] -> h = [1+2, -1-3, 2+3] = [3,-4,5], h-theta = [3,-5,5]
    # -> [1,-1,1]: a 2-cycle.  E([-1,1,-1]) = -(-1 - 2 - 3) + 1 = 7.
    r = run(W3, TH3, S3, mode="sync")
    assert r.status == "two_cycle" and r.sweeps == 2
    assert [c.tolist() for c in r.cycle] == [[-1, 1, -1], [1, -1, 1]]
    assert r.energies == [5, 7, 5]


def test_run_max_sweeps_status():
    # with max_sweeps=1 the cyclic run cannot confirm the fixed point
    r = run(W3, TH3, S3, max_sweeps=1)
    assert r.status == "max_sweeps" and not r.converged


def test_run_custom_schedule_and_random():
    r = run(W3, TH3, S3, schedule=[2, 1, 0, 1])
    assert r.status == "fixed_point" and is_fixed_point(W3, TH3, r.state)
    r1 = run(W3, TH3, S3, schedule="random", seed=7)
    r2 = run(W3, TH3, S3, schedule="random", seed=7)
    assert r1.status == "fixed_point" and np.array_equal(r1.trajectory, r2.trajectory)
    with pytest.raises(ValueError, match="never updates neurons"):
        run(W3, TH3, S3, schedule=[0, 1])


def test_run_schedule_matches_steps():
    # run_schedule [0, 2] = async_step at 0 then at 2
    s = async_step(W3, TH3, S3, 0)
    s = async_step(W3, TH3, s, 2)
    assert run_schedule(W3, TH3, S3, [0, 2]).tolist() == s.tolist()
    assert run_schedule(W3, TH3, S3, []).tolist() == S3.tolist()


def test_trajectory_example():
    # schedule [0, 1, 2] is the sweep of test_sync_step_and_sweep_example
    assert trajectory(W3, TH3, S3, [0, 1, 2]).tolist() == [
        [1, -1, 1], [-1, -1, 1], [-1, 1, 1], [-1, 1, 1]]
    assert trajectory(W3, TH3, S3, []).tolist() == [[1, -1, 1]]


def test_energy_bound_example():
    # B = |1| + |-2| + |3| + |0| + |1| + |0| = 7
    assert energy_bound(W3, TH3) == 7


def test_energy_exact_big_integers():
    # weights 2^70: E(s=[1,1]) = -2^70 exactly (int64 would overflow)
    big = 2**70
    W = np.array([[0, big], [big, 0]], dtype=object)
    assert energy(W, None, [1, 1]) == -big
    assert field(W, [1, -1]).tolist() == [-big, big]


def test_fraction_weights_exact():
    W = np.array([[0, Fraction(1, 3)], [Fraction(1, 3), 0]], dtype=object)
    # E([1,-1]) = -(1/3 * 1 * -1) = 1/3
    assert energy(W, None, [1, -1]) == Fraction(1, 3)
    assert sync_step(W, [Fraction(1, 3), 0], [1, 1]).tolist() == [1, 1]  # tie kept at 0
    # async run with exact Fractions = the integer run scaled by 1/3 (same dynamics)
    Wf = W3.astype(object) * Fraction(1, 3)
    r = run(Wf, TH3.astype(object) * Fraction(1, 3), S3)
    assert r.state.tolist() == [-1, 1, 1] and r.energies[0] == Fraction(5, 3)


def test_energy_batch_example():
    # E([1,1,1]) = -(1 - 2 + 3) + 1 = -1 (and 5 for S3, above)
    assert energy_batch(W3, TH3, [S3, [1, 1, 1]]).tolist() == [5, -1]


# ---------------------------------------------------------------- properties

def _sym_int(draw, n, lo=-4, hi=4):
    A = np.array(draw(st.lists(st.integers(lo, hi), min_size=n * n, max_size=n * n)))
    U = np.triu(A.reshape(n, n), 1)
    return U + U.T


@st.composite
def networks(draw, max_n=7):
    n = draw(st.integers(1, max_n))
    W = _sym_int(draw, n)
    th = np.array(draw(st.lists(st.integers(-3, 3), min_size=n, max_size=n)))
    s = np.array(draw(st.lists(st.sampled_from([-1, 1]), min_size=n, max_size=n)))
    return W, th, s


@settings(max_examples=60)
@given(networks(), st.data())
def test_T1_energy_descent(net, data):
    W, th, s = net
    i = data.draw(st.integers(0, len(s) - 1))
    e0 = energy(W, th, s)
    t = async_step(W, th, s, i)
    e1 = energy(W, th, t)
    assert e1 <= e0
    if not np.array_equal(t, s):
        assert e0 - e1 >= 2          # keep ties: a change lowers E by >= 2 (T1)
    assert np.array_equal(np.delete(t, i), np.delete(s, i))  # only s_i changes


@settings(max_examples=40)
@given(networks(), st.data())
def test_T1_plus_ties(net, data):
    W, th, s = net
    i = data.draw(st.integers(0, len(s) - 1))
    t = async_step(W, th, s, i, tie="plus")
    e0, e1 = energy(W, th, s), energy(W, th, t)
    assert e1 <= e0
    if not np.array_equal(t, s):
        # (E, number of -1 entries) strictly decreases lexicographically
        assert (e1, int((t == -1).sum())) < (e0, int((s == -1).sum()))


@settings(max_examples=40)
@given(networks())
def test_T2_flips_bounded_and_fixed_point(net):
    W, th, s = net
    r = run(W, th, s)
    assert r.status == "fixed_point"
    assert r.flips <= min(energy_bound(W, th), 2 ** len(s) - 1)
    assert is_fixed_point(W, th, r.state)
    assert all(a >= b for a, b in zip(r.energies, r.energies[1:]))


@settings(max_examples=40)
@given(networks())
def test_sweep_equals_successive_async_steps(net):
    W, th, s = net
    t = s.copy()
    for i in range(len(s)):
        t = async_step(W, th, t, i)
    assert sweep(W, th, s).tolist() == t.tolist()
    # sync step: each neuron from the same old state
    sy = sync_step(W, th, s)
    h = W @ s
    for i in range(len(s)):
        exp = 1 if h[i] > th[i] else (-1 if h[i] < th[i] else s[i])
        assert sy[i] == exp


@settings(max_examples=40)
@given(networks())
def test_T5_sync_fixed_point_or_two_cycle(net):
    W, th, s = net
    r = run(W, th, s, mode="sync", max_sweeps=5000)
    assert r.status in ("fixed_point", "two_cycle")
    if r.status == "two_cycle":
        a, b = r.cycle
        assert sync_step(W, th, a).tolist() == b.tolist()
        assert sync_step(W, th, b).tolist() == a.tolist()


@settings(max_examples=25)
@given(networks(max_n=12), st.sampled_from(["keep", "plus"]),
       st.sampled_from(["async", "sync"]), st.integers(0, 2**31))
def test_recall_batch_matches_run(net, tie, mode, seed):
    W, th, _ = net
    rng = np.random.default_rng(seed)
    probes = rng.choice([-1, 1], size=(7, W.shape[0]))
    res = recall_batch(W, th, probes, mode=mode, tie=tie, max_sweeps=200)
    for b in range(7):
        r = run(W, th, probes[b], mode=mode, tie=tie, max_sweeps=200, record=False)
        assert res.states[b].tolist() == r.state.tolist()
        assert res.sweeps[b] == r.sweeps and res.status[b] == r.status


def test_recall_batch_large_blocked_path_matches_run():
    # n = 600 > block size (256): three blocks, probes finishing at different sweeps
    rng = np.random.default_rng(3)
    P = rng.choice([-1, 1], size=(60, 600))   # 10% load: slow, varied convergence
    W = hebbian(P)
    probes = P[rng.integers(0, 60, 20)] * np.where(rng.random((20, 600)) < 0.3, -1, 1)
    res = recall_batch(W, None, probes)
    assert len(set(res.sweeps.tolist())) > 1
    for b in range(20):
        r = run(W, None, probes[b], record=False)
        assert res.states[b].tolist() == r.state.tolist() and res.sweeps[b] == r.sweeps
    # a single probe: one-row block arrays
    one = recall_batch(W, None, probes[:1])
    assert one.states[0].tolist() == run(W, None, probes[0]).state.tolist()


@pytest.mark.parametrize("kind", ["int_theta", "float", "int_dense"])
@pytest.mark.parametrize("tie", ["keep", "plus"])
def test_recall_batch_blocked_thresholds_floats_ties_match_run(kind, tie):
    # the blocked path with thresholds, float weights (tie band) and both tie rules
    rng = np.random.default_rng(11)
    n = 560                    # > 2 blocks of 256
    if kind == "int_theta":
        W = hebbian(rng.choice([-1, 1], size=(9, n)))
        th = rng.integers(-3, 4, n)
    elif kind == "float":
        A = rng.normal(size=(n, n))
        W = A + A.T
        np.fill_diagonal(W, 0.0)
        th = 0.1 * rng.normal(size=n)
    else:
        A = rng.integers(-2, 3, size=(n, n))
        W = A + A.T
        np.fill_diagonal(W, 0)
        th = rng.integers(-2, 3, n)
    probes = rng.choice([-1, 1], size=(15, n))
    res = recall_batch(W, th, probes, tie=tie, max_sweeps=6)
    for b in range(15):
        r = run(W, th, probes[b], tie=tie, max_sweeps=6, record=False)
        assert res.states[b].tolist() == r.state.tolist()
        assert res.sweeps[b] == r.sweeps and res.status[b] == r.status


def test_recall_batch_cascade_inside_a_block():
    # W[i, i-1] = 2 only (not symmetric): the field of neuron i is 2 s_(i-1), so an in-order
    # sweep copies s_0 = +1 down the whole chain, each flip caused by the one just before it
    # (a dependency chain as long as the block); sweep 1 ends all +1, sweep 2 changes nothing.
    n = 600                    # spans three blocks of 256
    A = np.zeros((n, n), dtype=np.int64)
    A[np.arange(1, n), np.arange(n - 1)] = 2
    probes = -np.ones((4, n), dtype=np.int64)
    probes[:, 0] = 1
    probes[1, 300:] = 1
    res = recall_batch(A, None, probes, require_symmetric=False)
    assert np.all(res.states == 1)
    assert res.sweeps.tolist() == [2, 2, 2, 2] and np.all(res.status == "fixed_point")


def test_recall_batch_custom_schedule_and_fraction():
    sched = [2, 0, 1]
    res = recall_batch(W3, TH3, [S3, [1, 1, 1]], schedule=sched)
    for b, s in enumerate([S3, [1, 1, 1]]):
        assert res.states[b].tolist() == run(W3, TH3, s, schedule=sched).state.tolist()
    Wf = W3.astype(object) * Fraction(1, 3)
    thf = TH3.astype(object) * Fraction(1, 3)
    res = recall_batch(Wf, thf, [S3])
    assert res.states[0].tolist() == [-1, 1, 1]  # same dynamics as W3, theta3 (scaled)
    res = recall_batch(Wf, thf, [S3, [1, 1, 1]], mode="sync")
    # S3: the 2-cycle of test_run_sync_two_cycle; [1,1,1]: h - theta = [-1, 3, 1] (scaled
    # by 1/3) -> [-1,1,1], then h - theta = [-1, 1, 5]/3 -> [-1,1,1] fixed
    assert res.status.tolist() == ["two_cycle", "fixed_point"]
    assert res.states.tolist() == [[1, -1, 1], [-1, 1, 1]]


def test_T3_hebbian_orthogonal_fixed_points_batch():
    # Walsh patterns of order 8 are pairwise orthogonal; m = 3 < n = 8 (T3)
    P = np.array([[1, -1, 1, -1, 1, -1, 1, -1],
                  [1, 1, -1, -1, 1, 1, -1, -1],
                  [1, -1, -1, 1, 1, -1, -1, 1]])
    W = hebbian(P)
    # field at p_k is (n - m) p_k = 5 p_k
    for p in P:
        assert field(W, p).tolist() == (5 * p).tolist()
    res = recall_batch(W, None, P, mode="sync")
    assert np.array_equal(res.states, P) and np.all(res.status == "fixed_point")
    assert np.all(res.sweeps == 1)


def test_require_symmetric():
    Wn = [[0, 1], [2, 0]]
    with pytest.raises(ValueError, match="not symmetric"):
        run(Wn, None, [1, 1])
    with pytest.raises(ValueError, match="diagonal"):
        recall_batch([[1, 0], [0, 0]], None, [[1, 1]])
    # allowed when explicitly not required; field/energy are defined for any W (as in Lean)
    r = run(Wn, None, [1, -1], require_symmetric=False, max_sweeps=10)
    assert r.state.shape == (2,)
    # E = -W_01 s_0 s_1 only (upper triangle): -(1 * 1 * -1) = 1
    assert energy(Wn, None, [1, -1]) == 1
