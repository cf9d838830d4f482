"""Spec B2 (stationarity), property-tested on pyref in exact Fractions.

``pi K = pi`` exactly for every site kernel, the random scan ``(1/n) sum_i K_i`` and the
systematic scan ``K_0 K_1 ... K_{n-1}``, for arbitrary positive targets and Boltzmann
weights.  Negative control: a heat-bath kernel built for a different target does not leave
``pi`` invariant.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref import boltzmann as bz

SPINS = st.sampled_from([-1, 1])
QS = st.sampled_from([Fraction(1), Fraction(1, 2), Fraction(1, 3), Fraction(2, 3),
                      Fraction(1, 10), Fraction(7, 8)])


@st.composite
def targets(draw, max_n: int = 3):
    """Exact positive weights on the 2^n states: arbitrary positive Fractions, or Boltzmann
    weights q^(E - E_min) of a random integer machine."""
    n = draw(st.integers(1, max_n))
    if draw(st.booleans()):
        vals = draw(st.lists(st.fractions(min_value=Fraction(1, 9), max_value=9,
                                          max_denominator=9),
                             min_size=2**n, max_size=2**n))
        w = np.empty(2**n, dtype=object)
        w[:] = vals
        return w
    k = n * (n - 1) // 2
    W = np.zeros((n, n), dtype=np.int64)
    W[np.triu_indices(n, 1)] = draw(st.lists(st.integers(-3, 3), min_size=k, max_size=k))
    W = W + W.T
    theta = np.array(draw(st.lists(st.integers(-2, 2), min_size=n, max_size=n)))
    return bz.boltzmann_weights_exact(W, theta, draw(QS))


def n_of(w) -> int:
    return len(w).bit_length() - 1


def pi_of(w):
    z = sum(w, Fraction(0))
    out = np.empty(len(w), dtype=object)
    out[:] = [x / z for x in w]
    return out


@settings(max_examples=40)
@given(targets())
def test_B2_pi_stationary_for_all_scans(w):
    n = n_of(w)
    pi = pi_of(w)
    assert sum(pi, Fraction(0)) == 1
    for i in range(n):
        assert np.all(pi @ bz.site_kernel(w, i) == pi)
    for K in (bz.random_scan_kernel(w), bz.systematic_scan_kernel(w)):
        assert all(sum(row, Fraction(0)) == 1 for row in K)
        assert all(x >= 0 for x in K.ravel())
        assert np.all(pi @ K == pi)


@settings(max_examples=30)
@given(targets(max_n=2))
def test_B2_other_orders_and_powers(w):
    # any product of site kernels (e.g. the reversed sweep, K^3) also fixes pi
    n = n_of(w)
    pi = pi_of(w)
    M = bz.site_kernel(w, n - 1)
    for i in reversed(range(n - 1)):
        M = M @ bz.site_kernel(w, i)
    assert np.all(pi @ M == pi)
    assert np.all(pi @ bz.kernel_power(bz.random_scan_kernel(w), 3) == pi)


def test_B2_hand_example():
    # n = 1, w = (1, 3): K_0 has both rows (1/4, 3/4); pi K = (1/4 + 3/4) (1/4, 3/4) = pi.
    pi = np.array([Fraction(1, 4), Fraction(3, 4)], dtype=object)
    assert (pi @ bz.random_scan_kernel(np.array([1, 3]))).tolist() == pi.tolist()


def test_B2_negative_control_wrong_target():
    # K built for w' = (1, 1) (rows (1/2, 1/2)) does not fix pi = (1/4, 3/4):
    # pi K = (1/2, 1/2) != pi.
    pi = np.array([Fraction(1, 4), Fraction(3, 4)], dtype=object)
    out = pi @ bz.site_kernel(np.array([1, 1]), 0)
    assert out.tolist() == [Fraction(1, 2), Fraction(1, 2)]
