"""Other libraries' conventions in pyref (pyref/conventions.py): tie rule "minus", Hebbian
normalised by 1/m, Storkey with the diagonal kept, the half-quadratic energy with a scale,
and 0/1 states.  Expected values are worked out by hand or by a direct loop written here."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from pyref import classical, conventions as cv, learning


@st.composite
def nets(draw, max_n=6):
    n = draw(st.integers(1, max_n))
    A = np.array(draw(st.lists(st.integers(-2, 2), min_size=n * n, max_size=n * n))
                 ).reshape(n, n)
    W = np.triu(A, 1)
    W = W + W.T
    theta = np.array(draw(st.lists(st.integers(-2, 2), min_size=n, max_size=n)))
    s = np.array(draw(st.lists(st.sampled_from([-1, 1]), min_size=n, max_size=n)))
    return W, theta, s


def _minus_loop(W, theta, s, order):
    """Direct definition: +1 above, -1 below or on the threshold."""
    s = list(s)
    for i in order:
        h = sum(int(W[i][j]) * s[j] for j in range(len(s)))
        s[i] = 1 if h > theta[i] else -1
    return s


def test_tie_minus_hand_example():
    W = np.array([[0, 1], [1, 0]])
    # s = (1, 1), theta = (1, 1): both fields are 1 = theta (ties) -> -1 under "minus"
    assert cv.sync_step_tie(W, [1, 1], [1, 1], "minus").tolist() == [-1, -1]
    assert cv.sync_step_tie(W, [1, 1], [1, 1], "keep").tolist() == [1, 1]
    assert cv.sync_step_tie(W, [1, 1], [1, 1], "plus").tolist() == [1, 1]
    assert cv.update_value_tie(3, 3, 1, "minus") == -1
    assert cv.update_value_tie(4, 3, -1, "minus") == 1
    assert not cv.is_fixed_point_tie(W, [1, 1], [1, 1], "minus")
    assert cv.is_fixed_point_tie(W, [1, 1], [1, 1], "keep")
    with pytest.raises(ValueError, match="tie"):
        cv.sync_step_tie(W, [0, 0], [1, 1], "zero")


@settings(max_examples=150, deadline=None)
@given(nets(), st.data())
def test_tie_minus_matches_the_direct_definition(net, data):
    W, theta, s = net
    n = len(s)
    sched = data.draw(st.lists(st.integers(0, n - 1), max_size=2 * n))
    traj = cv.trajectory_tie(W, theta, s, sched, "minus")
    for k in range(len(sched) + 1):
        assert traj[k].tolist() == _minus_loop(W, theta, s, sched[:k])
    assert cv.sweep_tie(W, theta, s, "minus").tolist() == _minus_loop(W, theta, s, range(n))
    sync = [1 if sum(int(W[i][j]) * s[j] for j in range(n)) > theta[i] else -1
            for i in range(n)]
    assert cv.sync_step_tie(W, theta, s, "minus").tolist() == sync
    assert cv.is_fixed_point_tie(W, theta, s, "minus") == (sync == s.tolist())
    fp = cv.fixed_point_tie(W, theta, s, "minus")
    assert _minus_loop(W, theta, fp, range(n)) == fp.tolist()
    assert cv.async_step_tie(W, theta, s, n - 1, "minus").tolist() == \
        _minus_loop(W, theta, s, [n - 1])


def test_hebbian_1_over_m_hand_example():
    # P = (1,1,-1), (1,-1,1): P^T P = [[2,0,0],[0,2,-2],[0,-2,2]], minus m I = 2 I, / m = 2
    W = cv.hebbian_1_over_m([[1, 1, -1], [1, -1, 1]])
    assert W.tolist() == [[0, 0, 0], [0, 0, -1], [0, -1, 0]]
    assert all(isinstance(v, Fraction) for v in W.ravel())
    W1 = cv.hebbian_1_over_m([[1, -1, 1]])            # m = 1: the integer rule itself
    assert W1.tolist() == [[0, -1, 1], [-1, 0, -1], [1, -1, 0]]


def test_storkey_keep_diagonal_neurodynex3_numbers():
    # the diagonal quoted in issue 17 for the neurodynex3-style Storkey rule
    P = [[1, 1, -1, -1], [1, 1, -1, 1], [-1, 1, -1, 1]]
    W = cv.storkey_keep_diagonal(P)
    assert [W[i, i] for i in range(4)] == [Fraction(9, 8), Fraction(5, 8), Fraction(5, 8),
                                           Fraction(9, 8)]
    assert np.allclose(cv.storkey_keep_diagonal(P, exact=False).diagonal(),
                       [1.125, 0.625, 0.625, 1.125])
    # the off-diagonal part is the usual Storkey rule (no h contains a diagonal entry)
    off = np.array(W, dtype=float)
    np.fill_diagonal(off, 0.0)
    assert np.allclose(off, learning.storkey(P))
    assert (W == W.T).all()


def test_storkey_keep_diagonal_one_pattern_by_hand():
    # from W = 0 every h is 0, so W = xi xi^T / n, diagonal 1/n
    xi = [1, -1, 1]
    W = cv.storkey_keep_diagonal([xi])
    assert W.tolist() == [[Fraction(xi[i] * xi[j], 3) for j in range(3)] for i in range(3)]


def test_energy_half_quadratic():
    W = np.array([[0, 2], [2, 0]])
    # s = (1, -1), theta = (1, 0): -1/2 (2*1*(-1)*2) + 1 = 2 + 1 = 3; scale 1/2 -> 3/2
    assert cv.energy_half_quadratic(W, [1, 0], [1, -1]) == 3
    assert cv.energy_half_quadratic(W, [1, 0], [1, -1], Fraction(1, 2)) == Fraction(3, 2)
    # a kept diagonal enters: W = [[1, 0], [0, 3]], s = (1, 1): -1/2 (1 + 3) = -2
    assert cv.energy_half_quadratic(np.diag([1, 3]), [0, 0], [1, 1]) == -2
    assert cv.energy_half_quadratic(W, None, [1, 1], 2.0) == pytest.approx(-4.0)


@settings(max_examples=100, deadline=None)
@given(nets(), st.sampled_from([1, 2, Fraction(1, 3)]))
def test_energy_half_quadratic_is_scaled_spec_energy_for_zero_diagonal(net, scale):
    W, theta, s = net
    assert cv.energy_half_quadratic(W, theta, s, scale) == scale * classical.energy(W, theta, s)


def test_01_hand_example():
    W = np.array([[0, 1], [1, 0]])
    assert cv.to_01([1, -1]).tolist() == [1, 0]
    assert cv.from_01([1, 0]).tolist() == [1, -1]
    # t = (theta + W 1) / 2 = ((1 + 1) / 2, (0 + 1) / 2)
    assert cv.thresholds_01(W, [1, 0]).tolist() == [1, Fraction(1, 2)]
    # E01(1, 1) = -1 + 1 + 1/2 = 1/2; E(s = (1, 1)) = -1 + 1 = 0 = 4 * 1/2 - (1 + 1)
    assert cv.energy_01(W, [1, Fraction(1, 2)], [1, 1]) == Fraction(1, 2)
    with pytest.raises(ValueError, match="0/1"):
        cv.from_01([2, 0])
    with pytest.raises(ValueError, match="spins"):
        cv.to_01([0, 1])


@settings(max_examples=150, deadline=None)
@given(nets(), st.sampled_from(cv.TIES))
def test_01_network_has_the_same_dynamics_and_an_affine_energy(net, tie):
    W, theta, s = net
    n = len(s)
    x = cv.to_01(s)
    t = cv.thresholds_01(W, theta)
    # the 0/1 network's synchronous step, written directly: [W x > t], tie by the rule
    on_tie = {"keep": list(x), "plus": [1] * n, "minus": [0] * n}[tie]
    u = [Fraction(int(W[i] @ x)) for i in range(n)]
    x1 = [1 if u[i] > t[i] else 0 if u[i] < t[i] else on_tie[i] for i in range(n)]
    assert cv.from_01(x1).tolist() == cv.sync_step_tie(W, theta, s, tie).tolist()
    const = Fraction(int(W.sum()), 2) + int(theta.sum())
    assert classical.energy(W, theta, s) == 4 * cv.energy_01(W, t, x) - const
