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

from pyref import boltzmann as bz

from bm_strategies import QS, SPINS, n_of, pi_of, targets  # noqa: F401


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
