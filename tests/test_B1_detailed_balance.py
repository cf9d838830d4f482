"""Spec B1 (detailed balance), property-tested on pyref in exact Fractions.

For every positive target ``w`` on ``{-1,+1}^n`` (``pi = w / sum w``; arbitrary positive
Fractions and Boltzmann weights ``q^(E - E_min)``): ``pi(s) K_i(s,t) = pi(t) K_i(t,s)``
for every site kernel ``K_i`` and for the random-scan kernel ``K = (1/n) sum_i K_i``,
exactly.  Negative controls: the systematic scan (stationary but not reversible) and a
deterministic cyclic shift fail detailed balance.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref import boltzmann as bz

from bm_strategies import QS, SPINS, n_of, pi_of, targets  # noqa: F401


def reversible(pi, K) -> bool:
    N = len(pi)
    return all(pi[s] * K[s, t] == pi[t] * K[t, s] for s in range(N) for t in range(N))


@settings(max_examples=40)
@given(targets())
def test_B1_site_kernels_detailed_balance(w):
    n = n_of(w)
    pi = pi_of(w)
    for i in range(n):
        K = bz.site_kernel(w, i)
        assert all(isinstance(x, Fraction) for x in K.ravel())
        assert all(sum(row, Fraction(0)) == 1 for row in K)          # a Markov kernel
        assert all(x >= 0 for x in K.ravel())
        assert reversible(pi, K)
        # the heat-bath formula: K_i(s, t) = w(t) / (w(s^{i+}) + w(s^{i-})) off-site equal
        for s in range(2**n):
            for t in (s | (1 << i), s & ~(1 << i)):
                assert K[s, t] == w[t] / (w[s | (1 << i)] + w[s & ~(1 << i)])


@settings(max_examples=40)
@given(targets())
def test_B1_random_scan_detailed_balance(w):
    n = n_of(w)
    K = bz.random_scan_kernel(w)
    avg = sum((bz.site_kernel(w, i) for i in range(n))) * Fraction(1, n)
    assert np.all(K == avg)
    assert reversible(pi_of(w), K)


def test_B1_hand_example():
    # n = 1, w = (w(-1), w(+1)) = (1, 3): K_0(s, +1) = 3/4, K_0(s, -1) = 1/4 for both s;
    # pi = (1/4, 3/4): pi(-1) K(-1,+1) = 1/4 * 3/4 = 3/16 = pi(+1) K(+1,-1) = 3/4 * 1/4.
    K = bz.site_kernel(np.array([1, 3]), 0)
    assert K.tolist() == [[Fraction(1, 4), Fraction(3, 4)], [Fraction(1, 4), Fraction(3, 4)]]


@settings(max_examples=20)
@given(st.integers(2, 3))
def test_B1_negative_control_systematic_scan_not_reversible(n):
    # w(k) = k + 1: the systematic scan K_0 ... K_{n-1} leaves pi invariant (B2) but is not
    # reversible: detailed balance is a property of each K_i, not of their product.
    w = np.array([k + 1 for k in range(2**n)])
    pi = pi_of(np.array([Fraction(k + 1) for k in range(2**n)], dtype=object))
    S = bz.systematic_scan_kernel(w)
    assert np.all(pi @ S == pi)
    assert not reversible(pi, S)


def test_B1_negative_control_cyclic_shift():
    # A non-symmetric kernel-like example: P(s, s+1 mod 4) = 1 on the 4 states of n = 2.
    # Uniform pi is stationary, yet pi(0) P(0,1) = 1/4 != pi(1) P(1,0) = 0.
    P = np.zeros((4, 4), dtype=object)
    P[...] = Fraction(0)
    for s in range(4):
        P[s, (s + 1) % 4] = Fraction(1)
    pi = np.array([Fraction(1, 4)] * 4, dtype=object)
    assert np.all(pi @ P == pi)
    assert not reversible(pi, P)
