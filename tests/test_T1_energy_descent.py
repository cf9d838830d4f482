"""Spec T1 (energy descent), property-tested on pyref over generated networks.

Keep ties: an asynchronous step never raises ``E``; it changes the state exactly when
``h_i != theta_i`` would move ``s_i``, and then ``E`` drops by exactly ``2 |h_i - theta_i|``
(``>= 2`` for integer weights).  Plus ties: ``E`` is non-increasing and the pair
``(E, number of -1 entries)`` strictly decreases lexicographically on every change.
Negative control: with a non-zero diagonal or an asymmetric ``W`` the energy can rise.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref.classical import async_step, energy, field

SPINS = st.sampled_from([-1, 1])


@st.composite
def networks(draw, max_n: int = 7, floats: bool = False):
    """Symmetric zero-diagonal W (integer, or float), thresholds, a state and a site."""
    n = draw(st.integers(1, max_n))
    k = n * (n - 1) // 2
    if floats:
        num = st.floats(-4, 4, allow_nan=False, allow_infinity=False)
    else:
        num = st.integers(-5, 5)
    W = np.zeros((n, n), dtype=np.float64 if floats else np.int64)
    W[np.triu_indices(n, 1)] = draw(st.lists(num, min_size=k, max_size=k))
    W = W + W.T
    theta = np.array(draw(st.lists(num, min_size=n, max_size=n)),
                     dtype=np.float64 if floats else np.int64)
    s = np.array(draw(st.lists(SPINS, min_size=n, max_size=n)), dtype=np.int64)
    i = draw(st.integers(0, n - 1))
    return W, theta, s, i


@settings(max_examples=150)
@given(networks())
def test_T1_keep_exact_decrease_integer(net):
    W, theta, s, i = net
    t = async_step(W, theta, s, i, tie="keep")
    d = int(field(W, s)[i]) - int(theta[i])
    dE = energy(W, theta, t) - energy(W, theta, s)
    assert isinstance(dE, int)
    # only s_i may change
    assert np.array_equal(np.delete(t, i), np.delete(s, i))
    # general single-flip identity E(t) - E(s) = -(t_i - s_i)(h_i - theta_i)
    assert dE == -(int(t[i]) - int(s[i])) * d
    if np.array_equal(t, s):
        assert dE == 0
        assert d == 0 or np.sign(d) == s[i]          # stable neuron
    else:
        assert dE == -2 * abs(d)                     # exact decrease 2|h_i - theta_i|
        assert dE <= -2                              # >= 2 for integer weights
        assert t[i] == np.sign(d)


@settings(max_examples=100)
@given(networks(floats=True))
def test_T1_keep_float_weights(net):
    W, theta, s, i = net
    t = async_step(W, theta, s, i, tie="keep")
    d = float(field(W, s)[i] - theta[i])
    dE = energy(W, theta, t) - energy(W, theta, s)
    scale = 1e-9 * (np.abs(W).sum() + np.abs(theta).sum() + 1)
    assert np.array_equal(np.delete(t, i), np.delete(s, i))
    assert dE <= scale                               # never raises E (up to rounding)
    if not np.array_equal(t, s):
        assert abs(d) > 0 and t[i] == np.sign(d)
        assert abs(dE + 2 * abs(d)) <= scale


@settings(max_examples=150)
@given(networks())
def test_T1_plus_lexicographic_decrease(net):
    W, theta, s, i = net
    t = async_step(W, theta, s, i, tie="plus")
    d = int(field(W, s)[i]) - int(theta[i])
    e_s, e_t = energy(W, theta, s), energy(W, theta, t)
    neg_s, neg_t = int(np.sum(s == -1)), int(np.sum(t == -1))
    assert e_t <= e_s
    if np.array_equal(t, s):
        assert e_t == e_s
    else:
        assert e_t - e_s == -2 * abs(d)
        assert (e_t, neg_t) < (e_s, neg_s)
        if d == 0:                                   # a tie flip -1 -> +1 keeps E
            assert s[i] == -1 and t[i] == 1 and e_t == e_s and neg_t == neg_s - 1


@settings(max_examples=60)
@given(networks(max_n=6), st.lists(st.integers(0, 100), max_size=30),
       st.sampled_from(["keep", "plus"]))
def test_T1_energy_monotone_along_schedules(net, raw, tie):
    W, theta, s, _ = net
    n = len(s)
    e = energy(W, theta, s)
    for r in raw:
        s = async_step(W, theta, s, r % n, tie=tie)
        e2 = energy(W, theta, s)
        assert e2 <= e
        e = e2


def test_T1_hand_example():
    # W = [[0, 2], [2, 0]], theta = 0, s = (+1, -1): h_0 = 2 * (-1) = -2 < 0, so s_0 -> -1.
    # E(+1,-1) = -2 * (1)(-1) = 2;  E(-1,-1) = -2 * 1 = -2;  drop 4 = 2 |h_0 - 0|.
    W = np.array([[0, 2], [2, 0]])
    t = async_step(W, [0, 0], [1, -1], 0)
    assert t.tolist() == [-1, -1]
    assert energy(W, [0, 0], [1, -1]) == 2 and energy(W, [0, 0], t) == -2


def test_T1_negative_control_nonzero_diagonal_raises_energy():
    # Hypothesis matters: W = [[-3, 1], [1, 0]] (non-zero diagonal), theta = 0,
    # s = (+1, +1): h_0 = -3 * 1 + 1 * 1 = -2 < 0, so s_0 -> -1.  E only sees i < j:
    # E(+1,+1) = -(1)(1)(1) = -1, E(-1,+1) = -(1)(-1)(1) = +1: the step RAISES E by 2.
    W = np.array([[-3, 1], [1, 0]])
    s = np.array([1, 1])
    t = async_step(W, [0, 0], s, 0)
    assert t.tolist() == [-1, 1]
    assert energy(W, [0, 0], s) == -1 and energy(W, [0, 0], t) == 1


def test_T1_negative_control_asymmetric_raises_energy():
    # W = [[0, 1], [-1, 0]] (asymmetric), theta = 0, s = (+1, +1):
    # h_1 = W_10 s_0 = -1 < 0 -> s_1 = -1.  E uses only W_01 = 1:
    # E(+1,+1) = -1, E(+1,-1) = +1: the step RAISES E by 2.
    W = np.array([[0, 1], [-1, 0]])
    t = async_step(W, [0, 0], [1, 1], 1)
    assert t.tolist() == [1, -1]
    assert energy(W, [0, 0], [1, 1]) == -1 and energy(W, [0, 0], t) == 1
