"""Spec B4 (ergodicity, Doeblin bound), property-tested on pyref in exact Fractions.

For every start distribution ``mu`` (random, exact): ``TV(mu K^(t n), pi) <= (1 - alpha)^t``
with ``alpha = 2^n (delta / n)^n`` (random scan) and ``TV(mu S^t, pi) <= (1 - alpha)^t`` with
``alpha = 2^n delta^n`` (systematic scan), ``delta = min w / sum w`` -- the constants of
``lean/Hopfield/Boltzmann/Ergodic.lean``; also with pyref's exact Doeblin constants.
Uniqueness: ``pi`` is the only stationary distribution (the kernels contract TV).
Negative control: the identity kernel (not positive) never mixes.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref import boltzmann as bz

from bm_strategies import QS, SPINS, n_of, pi_of, targets  # noqa: F401


@st.composite
def starts(draw, N: int):
    raw = draw(st.lists(st.integers(0, 10), min_size=N, max_size=N).filter(any))
    tot = sum(raw)
    mu = np.empty(N, dtype=object)
    mu[:] = [Fraction(r, tot) for r in raw]
    return mu


@settings(max_examples=30)
@given(targets(), st.data())
def test_B4_tv_bound_both_scans(w, data):
    n = n_of(w)
    N = 2**n
    pi = pi_of(w)
    mu = data.draw(starts(N))
    delta = min(w) / sum(w, Fraction(0))
    a_rand = N * (delta / n) ** n
    a_sys = N * delta**n
    assert 0 < a_rand <= 1 and 0 < a_sys <= 1
    K = bz.random_scan_kernel(w)
    Kn = bz.kernel_power(K, n)
    S = bz.systematic_scan_kernel(w)
    a_rand_exact = bz.doeblin_alpha_random_scan(w)
    a_sys_exact = bz.doeblin_alpha_systematic(w)
    assert a_rand <= a_rand_exact and a_sys <= a_sys_exact
    x, y = mu, mu
    for t in range(4):
        tv_r, tv_s = bz.tv_distance(x, pi), bz.tv_distance(y, pi)
        assert tv_r <= (1 - a_rand_exact) ** t <= (1 - a_rand) ** t
        assert tv_s <= (1 - a_sys_exact) ** t <= (1 - a_sys) ** t
        assert tv_r <= bz.tv_bound(a_rand, t)
        x, y = x @ Kn, y @ S
    assert np.all(bz.distribution_after(mu, K, 3 * n) == mu @ bz.kernel_power(K, 3 * n))


@settings(max_examples=30)
@given(targets(), st.data())
def test_B4_uniqueness_of_stationary_distribution(w, data):
    # If nu S = nu then TV(nu, pi) = TV(nu S^t, pi) <= (1 - alpha)^t -> 0, so nu = pi.
    # Check the contraction form: TV(nu S, pi) <= (1 - alpha) TV(nu, pi) for random nu,
    # so a distribution other than pi is moved.
    N = len(w)
    pi = pi_of(w)
    nu = data.draw(starts(N))
    S = bz.systematic_scan_kernel(w)
    a = bz.doeblin_alpha(S)
    d0 = bz.tv_distance(nu, pi)
    d1 = bz.tv_distance(nu @ S, pi)
    assert d1 <= (1 - a) * d0
    if d0 > 0:
        assert not np.all(nu @ S == nu)


def test_B4_hand_example():
    # n = 1, w = (1, 3): S has rows (1/4, 3/4), so mu S = pi in one step for every mu;
    # alpha = 2 * 1/4 = 1/2 and the bound (1/2)^1 holds with TV = 0.
    S = bz.systematic_scan_kernel(np.array([1, 3]))
    mu = np.array([Fraction(1), Fraction(0)], dtype=object)
    assert bz.tv_distance(mu @ S, pi_of(np.array([Fraction(1), Fraction(3)], dtype=object))) == 0
    assert bz.doeblin_alpha(S) == Fraction(1, 2)


def test_B4_negative_control_identity_kernel_never_mixes():
    # P = I on 2 states: alpha = 2 * min P = 0 and TV(mu P^t, pi) = TV(mu, pi) = 1/2 for
    # mu = (1, 0), pi = (1/2, 1/2), for every t.
    I = bz.kernel_power(bz.random_scan_kernel(np.array([1, 1])), 0)
    assert bz.doeblin_alpha(I) == 0
    mu = np.array([Fraction(1), Fraction(0)], dtype=object)
    pi = np.array([Fraction(1, 2), Fraction(1, 2)], dtype=object)
    assert all(bz.tv_distance(bz.distribution_after(mu, I, t), pi) == Fraction(1, 2)
               for t in range(5))
