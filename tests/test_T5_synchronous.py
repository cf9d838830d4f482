"""Spec T5 (synchronous dynamics, Goles), property-tested on pyref.

For symmetric ``W`` (any diagonal) and both tie rules, the synchronous trajectory
``x(t+1) = sync_step(x(t))`` satisfies ``x(t+2) = x(t)`` for every ``t >= syncBound`` -- the
bound proved in ``lean/Hopfield/Synchronous.lean``:
``syncBound = sum_i (2 sum_j |W_ij| + c) + sum_i 2 |2 theta_i - e|`` with ``(c, e) = (1, 0)``
for keep ties and ``(0, 1)`` for plus ties.  Goles' Lyapunov function
``L(x', x) = -sum_i x'_i (2 h_i(x) + c x_i) + sum_i (2 theta_i - e)(x'_i + x_i)`` is symmetric,
never increases, and drops by at least 2 unless ``x(t+2) = x(t)``.
Float weights: the period is at most 2 after ``2^n`` steps.
Negative controls: a genuine 2-cycle that is not a fixed point (period 2 is needed), and an
asymmetric ``W`` with a 4-cycle.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref.classical import run, sync_step

SPINS = st.sampled_from([-1, 1])
C_E = {"keep": (1, 0), "plus": (0, 1)}


@st.composite
def networks(draw, max_n: int = 7, floats: bool = False, diag: bool = True):
    """Symmetric W; the diagonal is arbitrary (Goles' theorem does not need it zero)."""
    n = draw(st.integers(1, max_n))
    k = n * (n + 1) // 2 if diag else n * (n - 1) // 2
    num = (st.floats(-4, 4, allow_nan=False, allow_infinity=False) if floats
           else st.integers(-4, 4))
    dt = np.float64 if floats else np.int64
    W = np.zeros((n, n), dtype=dt)
    W[np.triu_indices(n, 0 if diag else 1)] = draw(st.lists(num, min_size=k, max_size=k))
    W = W + np.triu(W, 1).T
    theta = np.array(draw(st.lists(num, min_size=n, max_size=n)), dtype=dt)
    s = np.array(draw(st.lists(SPINS, min_size=n, max_size=n)), dtype=np.int64)
    return W, theta, s


def sync_bound(W, theta, tie) -> int:
    c, e = C_E[tie]
    return int(np.sum(2 * np.abs(W).sum(axis=1) + c) + np.sum(2 * np.abs(2 * theta - e)))


def lyap(W, theta, tie, xp, x) -> int:
    c, e = C_E[tie]
    g = 2 * (W @ x) + c * x
    return int(-(xp @ g) + (2 * theta - e) @ (xp + x))


def sync_traj(W, theta, s, tie, T):
    xs = [s]
    for _ in range(T):
        xs.append(sync_step(W, theta, xs[-1], tie))
    return xs


@settings(max_examples=100)
@given(networks(), st.sampled_from(["keep", "plus"]))
def test_T5_period_two_from_sync_bound(net, tie):
    W, theta, s = net
    T = sync_bound(W, theta, tie)
    x = sync_traj(W, theta, s, tie, T)[-1]
    assert np.array_equal(sync_step(W, theta, sync_step(W, theta, x, tie), tie), x)


@settings(max_examples=100)
@given(networks(max_n=6), st.sampled_from(["keep", "plus"]))
def test_T5_goles_lyapunov(net, tie):
    W, theta, s = net
    n = len(s)
    xs = sync_traj(W, theta, s, tie, 2**n + 3)
    B = sync_bound(W, theta, tie)
    for t in range(len(xs) - 2):
        L0 = lyap(W, theta, tie, xs[t + 1], xs[t])
        L1 = lyap(W, theta, tie, xs[t + 2], xs[t + 1])
        assert L0 == lyap(W, theta, tie, xs[t], xs[t + 1])    # symmetric (W = W^T)
        assert -B <= L0 <= B
        if np.array_equal(xs[t + 2], xs[t]):
            assert L1 == L0
        else:
            assert L1 <= L0 - 2


@settings(max_examples=60)
@given(networks(diag=False), st.sampled_from(["keep", "plus"]))
def test_T5_run_reports_fixed_point_or_two_cycle(net, tie):
    W, theta, s = net
    res = run(W, theta, s, mode="sync", tie=tie, max_sweeps=sync_bound(W, theta, tie) + 2)
    assert res.status in ("fixed_point", "two_cycle")
    x = res.state
    y = sync_step(W, theta, x, tie)
    if res.status == "fixed_point":
        assert np.array_equal(y, x)
    else:
        a, b = res.cycle
        assert not np.array_equal(a, b)
        assert np.array_equal(sync_step(W, theta, a, tie), b)
        assert np.array_equal(sync_step(W, theta, b, tie), a)


@settings(max_examples=60)
@given(networks(max_n=6, floats=True), st.sampled_from(["keep", "plus"]))
def test_T5_float_weights_period_at_most_two(net, tie):
    W, theta, s = net
    x = sync_traj(W, theta, s, tie, 2 ** len(s))[-1]
    assert np.array_equal(sync_step(W, theta, sync_step(W, theta, x, tie), tie), x)


def test_T5_bound_hand_example():
    # The Lean example: W = [[0,1,2],[1,0,3],[2,3,0]], theta = (0,1,0), keep ties:
    # rows (2*3+1) + (2*4+1) + (2*5+1) = 27, plus 2*(|0| + |2| + |0|) = 4: syncBound = 31.
    W = np.array([[0, 1, 2], [1, 0, 3], [2, 3, 0]])
    assert sync_bound(W, np.array([0, 1, 0]), "keep") == 31
    # From x0 = (1,-1,1): h = (-1+2, 1+3, 2-3) = (1, 4, -1) vs theta (0,1,0) -> x1 = (1,1,-1);
    # h(x1) = (1-2, 1-3, 2+3) = (-1,-2,5) -> x2 = (-1,-1,1); h(x2) = (-1+2, -1+3, -2-3)
    # = (1, 2, -5) -> x3 = (1,1,-1) = x1: a 2-cycle from t = 1 (well before 31).
    xs = sync_traj(W, np.array([0, 1, 0]), np.array([1, -1, 1]), "keep", 33)
    assert [x.tolist() for x in xs[:4]] == [[1, -1, 1], [1, 1, -1], [-1, -1, 1], [1, 1, -1]]
    assert np.array_equal(xs[33], xs[31])


def test_T5_negative_control_two_cycle_is_not_fixed():
    # W = [[0,1],[1,0]], theta = 0, x = (1,-1): h = (-1, 1) -> (-1, 1); h = (1,-1) -> (1,-1).
    # Period exactly 2: the theorem cannot promise a fixed point.
    W = np.array([[0, 1], [1, 0]])
    a = np.array([1, -1])
    b = sync_step(W, [0, 0], a)
    assert b.tolist() == [-1, 1] and sync_step(W, [0, 0], b).tolist() == [1, -1]
    res = run(W, [0, 0], a, mode="sync")
    assert res.status == "two_cycle"


def test_T5_negative_control_asymmetric_four_cycle():
    # W = [[0,1],[-1,0]] (asymmetric), theta = 0, x = (1,1): h = (1,-1) -> (1,-1);
    # h = (-1,-1) -> (-1,-1); h = (-1,1) -> (-1,1); h = (1,1) -> (1,1): period 4 > 2.
    W = np.array([[0, 1], [-1, 0]])
    xs = sync_traj(W, [0, 0], np.array([1, 1]), "keep", 4)
    assert [x.tolist() for x in xs] == [[1, 1], [1, -1], [-1, -1], [-1, 1], [1, 1]]
    assert not np.array_equal(xs[3], xs[1])           # x(t+2) != x(t) forever
    res = run(W, [0, 0], [1, 1], mode="sync", max_sweeps=100, require_symmetric=False)
    assert res.status == "max_sweeps"
