"""Tests of pyref.boltzmann (spec B1-B4; samplers Python-only, checked against the exact
kernels).

Hand example: n = 2, W = [[0,1],[1,0]], theta = 0, q = 1/2.
States (index k: neuron i = +1 iff bit i of k): 0 = (-,-), 1 = (+,-), 2 = (-,+), 3 = (+,+).
E = -s_0 s_1: [-1, 1, 1, -1]; w = q^(E + 1) = [1, 1/4, 1/4, 1]; Z' = 5/2;
pi = [2/5, 1/10, 1/10, 2/5].
"""

import math
from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref import boltzmann as bz
from pyref.classical import energy

W2 = [[0, 1], [1, 0]]


def test_all_states_order():
    assert bz.all_states(2).tolist() == [[-1, -1], [1, -1], [-1, 1], [1, 1]]
    S = bz.all_states(3)
    assert S[5].tolist() == [1, -1, 1]          # 5 = 0b101
    assert all(bz.state_index(s) == k for k, s in enumerate(S))


def test_energies_and_exact_pi_hand():
    assert bz.energies_all(W2, None).tolist() == [-1, 1, 1, -1]
    assert bz.boltzmann_weights_exact(W2, None, F(1, 2)).tolist() == [1, F(1, 4), F(1, 4), 1]
    assert bz.boltzmann_exact(W2, None, "1/2").tolist() == [F(2, 5), F(1, 10), F(1, 10),
                                                             F(2, 5)]
    # q = 1: uniform
    assert bz.boltzmann_exact(W2, None, 1).tolist() == [F(1, 4)] * 4


def test_float_distribution_and_log_partition():
    beta = math.log(2)                               # q = 1/2
    p = bz.boltzmann_distribution(W2, None, beta)
    assert np.allclose(p, [0.4, 0.1, 0.1, 0.4])
    # Z = 2 e^beta + 2 e^-beta = 4 + 1 = 5
    assert bz.log_partition_function(W2, None, beta) == pytest.approx(math.log(5))
    # huge beta: no overflow (log-sum-exp); log Z ~ beta * 1 + log 2
    assert bz.log_partition_function(W2, None, 1e4) == pytest.approx(1e4 + math.log(2))
    assert np.allclose(bz.boltzmann_distribution(W2, None, 1e4), [0.5, 0, 0, 0.5])


def test_site_kernel_hand():
    w = bz.boltzmann_weights_exact(W2, None, F(1, 2))
    K0 = bz.site_kernel(w, 0)
    # from 0 = (-,-): site 0 -> 1 = (+,-) with w1/(w0+w1) = (1/4)/(5/4) = 1/5, stay 4/5
    assert K0[0].tolist() == [F(4, 5), F(1, 5), 0, 0]
    # from 1 = (+,-): to 0 with 4/5, stay 1/5
    assert K0[1].tolist() == [F(4, 5), F(1, 5), 0, 0]
    K = bz.random_scan_kernel(w)
    # K(0, .) = 1/2 (K_0(0, .) + K_1(0, .)) = [4/5, 1/10, 1/10, 0]
    assert K[0].tolist() == [F(4, 5), F(1, 10), F(1, 10), 0]
    S = bz.systematic_scan_kernel(w)
    # K_0 then K_1 from 0: (4/5)(4/5) stay, (1/5)(1/5) -> 1, (4/5)(1/5) -> 2, (1/5)(4/5) -> 3
    assert S[0].tolist() == [F(16, 25), F(1, 25), F(4, 25), F(4, 25)]
    assert np.array_equal(S, bz.site_kernel(w, 0) @ bz.site_kernel(w, 1))


def test_doeblin_hand():
    w = bz.boltzmann_weights_exact(W2, None, F(1, 2))
    # systematic: min entry 1/25 -> alpha = 4/25
    assert bz.doeblin_alpha_systematic(w) == F(4, 25)
    # K^2(0,3) = K(0,1)K(1,3) + K(0,2)K(2,3) = 2 * (1/10)(2/5) = 2/25 is the minimum
    assert bz.doeblin_alpha_random_scan(w) == 4 * F(2, 25)
    # c = 1/5; explicit: systematic 4 c^2 = 4/25, random 4 * (2!/2^2) c^2 = 2/25
    assert bz.min_site_probability(w) == F(1, 5)
    assert bz.doeblin_alpha_explicit(w, "systematic") == F(4, 25)
    assert bz.doeblin_alpha_explicit(w, "random") == F(2, 25)
    assert bz.tv_bound(F(4, 25), 2) == F(21, 25) ** 2
    assert bz.steps_for_tv(F(1, 2), 0.1) == 4        # 1/8 > 0.1 >= 1/16


def test_tv_distance():
    assert bz.tv_distance([F(1, 2), F(1, 2)], [F(1, 4), F(3, 4)]) == F(1, 4)
    assert bz.tv_distance(np.array([0.5, 0.5]), np.array([1.0, 0.0])) == pytest.approx(0.5)
    with pytest.raises(ValueError, match="same length"):
        bz.tv_distance([0.5, 0.5], [1.0])


@st.composite
def machines(draw, max_n=4):
    n = draw(st.integers(1, max_n))
    A = np.array(draw(st.lists(st.integers(-2, 2), min_size=n * n, max_size=n * n)))
    U = np.triu(A.reshape(n, n), 1)
    th = np.array(draw(st.lists(st.integers(-2, 2), min_size=n, max_size=n)))
    q = draw(st.sampled_from([F(1, 2), F(1, 3), F(2, 3), F(1)]))
    return U + U.T, th, q


@settings(max_examples=20)
@given(machines())
def test_B1_B2_B3_exact(machine):
    W, th, q = machine
    n = W.shape[0]
    w = bz.boltzmann_weights_exact(W, th, q)
    pi = bz.boltzmann_exact(W, th, q)
    assert sum(pi) == 1
    # weights are q^(E - E_min), pi ∝ exp(-beta E)
    E = [energy(W, th, s) for s in bz.all_states(n)]
    assert [x for x in w] == [q ** (e - min(E)) for e in E]
    K = bz.random_scan_kernel(w)
    S = bz.systematic_scan_kernel(w)
    for i in range(n):
        Ki = bz.site_kernel(w, i)
        assert all(sum(r) == 1 for r in Ki)
        D = pi[:, None] * Ki
        assert np.array_equal(D, D.T)                       # B1 detailed balance of K_i
    D = pi[:, None] * K
    assert np.array_equal(D, D.T)                           # B1 for K
    assert np.array_equal(pi @ K, pi)                       # B2
    assert np.array_equal(pi @ S, pi)                       # B2 systematic
    assert all(x > 0 for x in bz.kernel_power(K, n).ravel())  # B3
    assert all(x > 0 for x in S.ravel())                    # B3 systematic
    a_rs, a_sys = bz.doeblin_alpha_random_scan(w), bz.doeblin_alpha_systematic(w)
    assert 0 < bz.doeblin_alpha_explicit(w, "random") <= a_rs <= 1
    assert 0 < bz.doeblin_alpha_explicit(w, "systematic") <= a_sys <= 1
    # B4: from a point mass, TV after t blocks <= (1 - alpha)^t
    mu = np.array([F(1)] + [F(0)] * (2**n - 1), dtype=object)
    Kn = bz.kernel_power(K, n)
    for t in range(4):
        assert bz.tv_distance(bz.distribution_after(mu, Kn, t), pi) <= bz.tv_bound(a_rs, t)
        assert bz.tv_distance(bz.distribution_after(mu, S, t), pi) <= bz.tv_bound(a_sys, t)


@settings(max_examples=15)
@given(machines(), st.floats(0.1, 3.0))
def test_float_kernels_match_exact_and_sigmoid(machine, beta):
    W, th, _ = machine
    n = W.shape[0]
    E = np.array([float(e) for e in bz.energies_all(W, th)])
    w = np.exp(-beta * (E - E.min()))
    K = bz.random_scan_kernel(w)
    p = bz.boltzmann_distribution(W, th, beta)
    assert np.allclose(p @ K, p) and np.allclose(K.sum(axis=1), 1)
    # heat-bath probability of +1 at site i is sigma(2 beta (h_i - theta_i))
    for k, s in enumerate(bz.all_states(n)):
        for i in range(n):
            K_i = bz.site_kernel(w, i)
            up = k | (1 << i)
            h = W[i] @ s
            assert K_i[k, up] == pytest.approx(1 / (1 + math.exp(-2 * beta * (h - th[i]))))


def test_gibbs_sampler_matches_exact():
    W = np.array([[0, 1, -1], [1, 0, 2], [-1, 2, 0]])
    th = np.array([0, 1, 0])
    pi = np.array([float(x) for x in bz.boltzmann_exact(W, th, F(1, 2))])
    for scan in ("random", "systematic"):
        smp = bz.gibbs_sample(W, th, math.log(2), n_sweeps=1500, scan=scan, n_chains=40,
                              seed=11, burn_in=5)
        assert smp.shape == (1500, 40, 3)
        # 60000 correlated samples over 8 states: TV well below 0.03
        assert bz.tv_distance(bz.empirical_distribution(smp), pi) < 0.03


def test_gibbs_seeded_and_low_temperature():
    W = [[0, 1], [1, 0]]
    a = bz.gibbs_sample(W, None, 1.0, n_sweeps=20, seed=3)
    b = bz.gibbs_sample(W, None, 1.0, n_sweeps=20, seed=3)
    assert np.array_equal(a, b)
    # beta huge: aligned states only (pi(+-) ~ e^-2beta)
    s = bz.gibbs_sample(W, None, 50.0, n_sweeps=50, scan="systematic", n_chains=10,
                        s0=[1, 1], seed=0)
    assert np.all(s[..., 0] == s[..., 1])
    final = bz.gibbs_sample(W, None, 1.0, n_sweeps=3, seed=0, record=False, n_chains=4)
    assert final.shape == (4, 2)


def test_empirical_distribution_hand():
    # states (+,-) = 1 twice and (-,+) = 2 once -> [0, 2/3, 1/3, 0]
    e = bz.empirical_distribution([[1, -1], [1, -1], [-1, 1]])
    assert np.allclose(e, [0, 2 / 3, 1 / 3, 0])


def test_boltzmann_validation():
    with pytest.raises(ValueError, match=r"\(0, 1\]"):
        bz.boltzmann_exact(W2, None, F(3, 2))
    with pytest.raises(ValueError, match=r"\(0, 1\]"):
        bz.boltzmann_exact(W2, None, 0)
    with pytest.raises(ValueError, match="beta"):
        bz.boltzmann_distribution(W2, None, -1.0)
    with pytest.raises(ValueError, match="beta"):
        bz.gibbs_sample(W2, None, float("nan"), n_sweeps=1)
    with pytest.raises(ValueError, match="symmetric"):
        bz.energies_all([[0, 1], [2, 0]], None)
    with pytest.raises(ValueError, match="integer"):
        bz.boltzmann_weights_exact([[0, 0.5], [0.5, 0]], None, F(1, 2))
    with pytest.raises(ValueError, match="power of two"):
        bz.site_kernel([F(1)] * 3, 0)
    with pytest.raises(ValueError, match="positive|> 0"):
        bz.random_scan_kernel([F(1), F(0)])
    with pytest.raises(ValueError, match="limited"):
        bz.all_states(bz.MAX_ENUM_N + 1)
    with pytest.raises(ValueError, match="scan"):
        bz.gibbs_sample(W2, None, 1.0, n_sweeps=1, scan="diagonal")
    with pytest.raises(ValueError, match="alpha"):
        bz.tv_bound(0, 3)
