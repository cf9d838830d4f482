"""Spec B6 (Dobrushin's condition), property-tested on pyref against the exact total
variation of ``pyref.boltzmann.distribution_after_scan``.

Statements (``pyref.dobrushin``; Lean proves the systematic-scan bound from influence bounds,
``Hopfield.sysK_tv_le_dobrushin``, see docs/mixing.md): the true influence
``c_ij`` of site ``j`` on site ``i`` is at most ``(1 - q^(2|W_ij|)) / (1 + q^(2|W_ij|))``;
with ``alpha = max_i sum_j c_ij < 1``, from every start state
``TV(delta_s S^t, pi) <= n alpha^t`` (systematic sweeps) and
``TV(delta_s K^t, pi) <= n (1 - (1 - alpha)/n)^t`` (random-scan site steps), both with the
bound ``alpha`` and with the exact-influence ``alpha``.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pyref import boltzmann as bz
from pyref import dobrushin as db

# q close to 1 (high temperature) so that Dobrushin's condition holds for most draws
QS = st.sampled_from([Fraction(3, 4), Fraction(4, 5), Fraction(7, 8), Fraction(9, 10),
                      Fraction(19, 20), Fraction(1)])


@st.composite
def machines(draw, min_n: int = 2, max_n: int = 5, wmax: int = 1):
    n = draw(st.integers(min_n, max_n))
    k = n * (n - 1) // 2
    W = np.zeros((n, n), dtype=np.int64)
    W[np.triu_indices(n, 1)] = draw(st.lists(st.integers(-wmax, wmax), min_size=k,
                                             max_size=k))
    W = W + W.T
    theta = np.array(draw(st.lists(st.integers(-2, 2), min_size=n, max_size=n)))
    return W, theta, draw(QS)


def _point(N: int, k: int, exact: bool) -> np.ndarray:
    if exact:
        mu = np.empty(N, dtype=object)
        mu[:] = [Fraction(int(j == k)) for j in range(N)]
        return mu
    mu = np.zeros(N)
    mu[k] = 1.0
    return mu


def test_hand_two_neurons():
    # W = [[0, 1], [1, 0]], q = 1/2: C_01 = (1 - 1/4)/(1 + 1/4) = 3/5 = alpha; the exact
    # influence at theta = 0: P(s_0 = + | s_1 = +) = 1/(1 + q^2) = 4/5, and 1/5 for s_1 = -,
    # so c_01 = 3/5 (the bound is attained when h_i - theta_i can be 0 after the flip).
    W = np.array([[0, 1], [1, 0]])
    assert db.dobrushin_coefficient(W, Fraction(1, 2)) == Fraction(3, 5)
    w = bz.boltzmann_weights_exact(W, None, Fraction(1, 2))
    assert db.dobrushin_coefficient_exact(w) == Fraction(3, 5)
    assert db.dobrushin_tv_bound(W, Fraction(1, 2), 2) == 2 * Fraction(9, 25)
    assert db.dobrushin_tv_bound(W, Fraction(1, 2), 1, scan="random") == \
        2 * (1 - Fraction(2, 5) / 2)


@settings(max_examples=60, deadline=None)
@given(machines(max_n=5, wmax=3))
def test_B6_influence_bound(m):
    W, theta, q = m
    w = bz.boltzmann_weights_exact(W, theta, q)
    C = db.influence_bound(W, q)
    c = db.influence_exact(w)
    assert all(c[i, j] <= C[i, j] for i in range(len(W)) for j in range(len(W)))
    assert db.dobrushin_coefficient_exact(w) <= db.dobrushin_coefficient(W, q)
    # the float route gives the same numbers (q = exp(-beta), tanh(beta |W_ij|))
    beta = 0.3
    Cf = db.influence_bound(W, math.exp(-beta))
    assert np.allclose(Cf, np.tanh(beta * np.abs(W)), atol=1e-12)


@settings(max_examples=25, deadline=None)
@given(machines(max_n=5), st.sampled_from(["systematic", "random"]))
def test_B6_tv_bound_every_start_exact(m, scan):
    W, theta, q = m
    alpha = db.dobrushin_coefficient(W, q)
    assume(alpha < 1)
    n = len(W)
    w = bz.boltzmann_weights_exact(W, theta, q)
    pi = bz.boltzmann_exact(W, theta, q)
    a_exact = db.dobrushin_coefficient_exact(w)
    r_exact = a_exact if scan == "systematic" else 1 - (1 - a_exact) / n
    T = 3 if scan == "systematic" else 2 * n
    for k in range(2**n):
        mu = _point(2**n, k, exact=True)
        for t in range(T + 1):
            d = bz.tv_distance(mu, pi)
            assert d <= db.dobrushin_tv_bound(W, q, t, scan=scan)
            assert d <= n * r_exact**t
            mu = bz.distribution_after_scan(mu, w, 1, scan=scan)


@settings(max_examples=8, deadline=None)
@given(machines(min_n=6, max_n=10), st.sampled_from(["systematic", "random"]))
def test_B6_tv_bound_every_start_float_n10(m, scan):
    # all 2^n start states at once: rows of the float kernel powers; one row re-checked
    # with distribution_after_scan
    W, theta, q = m
    alpha = db.dobrushin_coefficient(W, q)
    assume(alpha < 1)
    n = len(W)
    wf = np.array([float(x) for x in bz.boltzmann_weights_exact(W, theta, q)])
    pi = wf / wf.sum()
    P = bz.systematic_scan_kernel(wf) if scan == "systematic" else bz.random_scan_kernel(wf)
    T = 4 if scan == "systematic" else 3 * n
    M = np.eye(2**n)
    for t in range(T + 1):
        tv = 0.5 * np.abs(M - pi).sum(axis=1)
        assert tv.max() <= float(db.dobrushin_tv_bound(W, q, t, scan=scan)) + 1e-9
        if t == T:
            k = int(np.argmax(tv))
            row = bz.distribution_after_scan(_point(2**n, k, False), wf, T, scan=scan)
            assert np.allclose(row, M[k], atol=1e-12)
        M = M @ P


@settings(max_examples=40, deadline=None)
@given(machines(max_n=8), st.sampled_from(["systematic", "random"]),
       st.sampled_from([Fraction(1, 100), Fraction(1, 10), 0.05, Fraction(1, 2)]))
def test_B6_sweeps_is_least(m, scan, eps):
    W, _, q = m
    assume(db.dobrushin_coefficient(W, q) < 1)
    t = db.dobrushin_sweeps(W, q, eps, scan=scan)
    assert db.dobrushin_tv_bound(W, q, t, scan=scan) <= Fraction(eps)
    if t > 0:
        assert db.dobrushin_tv_bound(W, q, t - 1, scan=scan) > Fraction(eps)


def test_B6_bounded_degree_is_useful_at_n100():
    # a ring of 100 neurons at beta = 0.25: alpha = 2 tanh(1/4) ~ 0.49, so TV <= 0.01 after
    # 14 sweeps, where B4's constant 2^n c^n is below 1e-60
    n = 100
    W = np.zeros((n, n), dtype=np.int64)
    for i in range(n):
        W[i, (i + 1) % n] = W[(i + 1) % n, i] = 1
    q = math.exp(-0.25)
    alpha = db.dobrushin_coefficient(W, q)
    assert abs(float(alpha) - 2 * math.tanh(0.25)) < 1e-12
    t = db.dobrushin_sweeps(W, q, Fraction(1, 100))
    assert t == math.ceil(math.log(0.01 / n) / math.log(float(alpha)))


def test_errors():
    W = np.array([[0, 2], [2, 0]])
    with pytest.raises(ValueError, match="alpha"):
        db.dobrushin_sweeps(np.ones((3, 3), dtype=int) - np.eye(3, dtype=int), Fraction(1, 2),
                            0.01)
    with pytest.raises(ValueError, match="alpha"):   # triangle at q = 1/2: alpha = 6/5
        db.dobrushin_tv_bound(np.ones((3, 3), dtype=int) - np.eye(3, dtype=int),
                              Fraction(1, 2), 1)
    with pytest.raises(ValueError, match="scan"):
        db.dobrushin_tv_bound(W, Fraction(9, 10), 1, scan="sweep")
    with pytest.raises(ValueError, match="symmetric"):
        db.influence_bound(np.array([[0, 1], [2, 0]]), Fraction(1, 2))
    with pytest.raises(ValueError, match="integer"):
        db.influence_bound(np.array([[0, 0.5], [0.5, 0]]), Fraction(1, 2))
    with pytest.raises(ValueError):
        db.dobrushin_sweeps(W, Fraction(9, 10), 0)
