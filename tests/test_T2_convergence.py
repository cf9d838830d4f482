"""Spec T2 (convergence with an explicit bound), property-tested on pyref.

Keep ties, symmetric zero-diagonal integer ``W``: along ANY schedule the number of
state-changing asynchronous steps is at most ``min(B, 2^n - 1)``,
``B = sum_{i<j} |W_ij| + sum_i |theta_i|``; cyclic sweeps reach a fixed point within that
bound ``+ 1`` sweeps; a fair schedule (every neuron in every window of ``k`` steps) within
``k (bound + 1)`` steps.  Fixed point <=> every neuron is stable (by its field), for both
tie rules.  Negative controls: asymmetric ``W`` / negative self-coupling cycle forever.
"""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref.classical import (
    async_step,
    energy_bound,
    field,
    is_fixed_point,
    run,
    run_schedule,
    sync_step,
    trajectory,
)

SPINS = st.sampled_from([-1, 1])


@st.composite
def networks(draw, max_n: int = 6, floats: bool = False):
    n = draw(st.integers(1, max_n))
    k = n * (n - 1) // 2
    num = (st.floats(-4, 4, allow_nan=False, allow_infinity=False) if floats
           else st.integers(-4, 4))
    dt = np.float64 if floats else np.int64
    W = np.zeros((n, n), dtype=dt)
    W[np.triu_indices(n, 1)] = draw(st.lists(num, min_size=k, max_size=k))
    W = W + W.T
    theta = np.array(draw(st.lists(num, min_size=n, max_size=n)), dtype=dt)
    s = np.array(draw(st.lists(SPINS, min_size=n, max_size=n)), dtype=np.int64)
    return W, theta, s


def change_bound(W, theta) -> int:
    n = W.shape[0]
    B = int(np.abs(np.triu(W, 1)).sum() + np.abs(theta).sum())
    assert B == energy_bound(W, theta)
    return min(B, 2**n - 1)


def n_changes(W, theta, s, schedule, tie="keep") -> int:
    tr = trajectory(W, theta, s, schedule, tie)
    return int(np.sum(np.any(tr[1:] != tr[:-1], axis=1)))


def stable_by_fields(W, theta, s, tie) -> bool:
    """Every neuron stable: keep -- h_i = theta_i or sign(h_i - theta_i) = s_i;
    plus -- (h_i >= theta_i) <=> (s_i = +1)."""
    d = field(W, s) - theta
    if tie == "keep":
        return bool(np.all((d == 0) | (np.sign(d) == s)))
    return bool(np.all((d >= 0) == (s == 1)))


@settings(max_examples=120)
@given(networks(), st.lists(st.integers(0, 1000), max_size=80))
def test_T2_changes_at_most_min_B_2pow(net, raw):
    W, theta, s = net
    n = len(s)
    sched = [r % n for r in raw]
    assert n_changes(W, theta, s, sched) <= change_bound(W, theta)


@settings(max_examples=80)
@given(networks())
def test_T2_cyclic_sweeps_reach_fixed_point_within_bound_plus_one(net):
    W, theta, s = net
    n = len(s)
    c = change_bound(W, theta)
    end = run_schedule(W, theta, s, list(range(n)) * (c + 1))
    assert is_fixed_point(W, theta, end)
    res = run(W, theta, s, mode="async", max_sweeps=c + 2)
    assert res.status == "fixed_point"
    assert res.flips <= c and res.sweeps <= c + 2      # c+1 sweeps + the confirming one
    assert np.array_equal(res.state, end)


@st.composite
def fair_schedules(draw, n: int, blocks: int):
    """Permutations with random extra indices between them; returns (schedule, k) where k
    is the smallest window such that every k consecutive steps contain every neuron."""
    sched: list[int] = []
    for _ in range(blocks):
        sched += draw(st.permutations(range(n)))
        sched += draw(st.lists(st.integers(0, n - 1), max_size=1))
    k = n
    while any(len(set(sched[a:a + k])) < n for a in range(len(sched) - k + 1)):
        k += 1
    return sched, k


@settings(max_examples=40)
@given(networks(max_n=4), st.data())
def test_T2_fair_schedule_within_k_bound_plus_one(net, data):
    W, theta, s = net
    n = len(s)
    c = change_bound(W, theta)
    # blocks of length >= n; a window of 2 (n + 1) - 1 steps always holds a whole
    # permutation, so k <= 2n + 1 and this many blocks give len >= k (c + 1)
    sched, k = data.draw(fair_schedules(n, -(-(2 * n + 1) * (c + 1) // n)))
    assert len(sched) >= k * (c + 1)
    tr = trajectory(W, theta, s, sched)
    x = tr[k * (c + 1)]
    assert is_fixed_point(W, theta, x)
    assert np.all(tr[k * (c + 1):] == x)              # and stays there


@settings(max_examples=60)
@given(networks(max_n=5), st.sampled_from(["keep", "plus"]))
def test_T2_fixed_point_iff_all_neurons_stable(net, tie):
    W, theta, _ = net
    n = W.shape[0]
    for bits in itertools.product([-1, 1], repeat=n):
        s = np.array(bits)
        no_step_moves = all(np.array_equal(async_step(W, theta, s, i, tie), s)
                            for i in range(n))
        fp = is_fixed_point(W, theta, s, tie)
        assert fp == no_step_moves == stable_by_fields(W, theta, s, tie)
        assert fp == np.array_equal(sync_step(W, theta, s, tie), s)


@settings(max_examples=60)
@given(networks(), st.lists(st.integers(0, 1000), max_size=80))
def test_T2_plus_ties_no_state_repeats(net, raw):
    # Plus ties (T1's lexicographic descent): visited states are distinct, so at most
    # 2^n - 1 changes (B alone does not bound them: tie flips keep E).
    W, theta, s = net
    n = len(s)
    sched = [r % n for r in raw]
    tr = trajectory(W, theta, s, sched, "plus")
    changed = np.any(tr[1:] != tr[:-1], axis=1)
    visited = [tuple(tr[0])] + [tuple(r) for r, c in zip(tr[1:], changed) if c]
    assert len(set(visited)) == len(visited)
    assert int(changed.sum()) <= 2**n - 1


@settings(max_examples=60)
@given(networks(floats=True), st.lists(st.integers(0, 1000), max_size=80))
def test_T2_float_weights_at_most_2pow_minus_1_changes(net, raw):
    W, theta, s = net
    n = len(s)
    assert n_changes(W, theta, s, [r % n for r in raw]) <= 2**n - 1
    res = run(W, theta, s, mode="async", max_sweeps=2**n + 1)
    assert res.status == "fixed_point" and res.flips <= 2**n - 1


def test_T2_hand_example_bound_is_attained():
    # W = [[0, 1], [1, 0]], theta = 0, s = (+1, -1), schedule [0]: h_0 = -1 < 0 -> s_0 = -1;
    # B = |1| + 0 = 1 = min(1, 2^2 - 1): exactly one change, then (-1, -1) is fixed
    # (h = (-1, -1), both signs agree).
    W = np.array([[0, 1], [1, 0]])
    assert n_changes(W, [0, 0], [1, -1], [0, 1, 0, 1]) == 1 == change_bound(W, np.zeros(2, dtype=np.int64))


def test_T2_negative_control_asymmetric_cycles_forever():
    # W = [[0, 1], [-1, 0]], theta = 0 (NOT symmetric).  Cyclic steps from (+1, -1):
    # i=0: h_0 = W_01 s_1 = -1 -> (-1,-1); i=1: h_1 = W_10 s_0 = 1 -> (-1,+1);
    # i=0: h_0 = 1 -> (+1,+1); i=1: h_1 = -1 -> (+1,-1): back to the start after 4 changes.
    W = np.array([[0, 1], [-1, 0]])
    sched = [0, 1] * 50
    assert n_changes(W, [0, 0], [1, -1], sched) == 100     # every step changes the state
    assert n_changes(W, [0, 0], [1, -1], sched) > min(1, 2**2 - 1)
    res = run(W, [0, 0], [1, -1], mode="async", max_sweeps=200, require_symmetric=False)
    assert res.status == "max_sweeps"


def test_T2_negative_control_negative_self_coupling():
    # n = 1, W = [[-1]] (non-zero diagonal), theta = 0: h_0 = -s_0, so every step flips.
    assert n_changes(np.array([[-1]]), [0], [1], [0] * 10) == 10
