"""Tests of pyref.expander_certify: sound expansion certificates for the bipartite
expander Hopfield network (Python-only part of the spec)."""

import itertools
import math

import numpy as np
import pytest

from pyref import expander as E
from pyref import expander_certify as C


def _nbhd(net, S):
    con = np.argsort(net.neighbors.ravel(), kind="stable") // net.d_c
    con = con.reshape(net.n_visible, net.d_v)
    return np.unique(con[np.asarray(S)]).size


@pytest.fixture(scope="module")
def small5():
    # d_v = 5, Hamming [7,4,3], 4-cycles allowed (lambda may exceed 1)
    return E.make_expander_hopfield(70, 5, local_check=C.hamming_check_matrix(3), seed=3,
                                    avoid_4cycles=False)


@pytest.fixture(scope="module")
def net7():
    return E.make_expander_hopfield(700, 7, local_check=C.hamming_check_matrix(3), seed=7)


# --------------------------------------------------------------------------- local codes
@pytest.mark.parametrize("r", [2, 3, 4, 5, 6, 7])
def test_hamming_check_matrix_columns_are_all_nonzero_vectors(r):
    h = C.hamming_check_matrix(r)
    assert h.shape == (r, 2**r - 1)
    packed = (h.astype(np.int64) << np.arange(r)[:, None]).sum(0)
    assert sorted(packed.tolist()) == list(range(1, 2**r))
    if r <= 5:
        assert E.correction_radius(h) == 1


@pytest.mark.parametrize("r", [1, 8, 2.0, True, "3"])
def test_hamming_check_matrix_rejects_bad_r(r):
    with pytest.raises((ValueError, TypeError)):
        C.hamming_check_matrix(r)


# --------------------------------------------------------------------------- spectrum
def test_complete_bipartite_graph_has_sigma2_zero_and_tight_tanner_bound():
    # N = 7, d_v = 3, d_c = 7: M = 3 constraints, each sees all 7 neurons (K_{7,3}):
    # B = all-ones, rank 1, so sigma_2 = 0, and Tanner's bound gives |N(S)| >= 3 = M.
    net = E.make_expander_hopfield(7, 3, local_check=C.hamming_check_matrix(3), seed=0,
                                   avoid_4cycles=False)
    sp = C.biadjacency_sigma2(net)
    assert sp.method == "dense" and sp.sigma1 == pytest.approx(math.sqrt(21))
    assert sp.sigma2 < 1e-6 and sp.sigma2_upper >= sp.sigma2
    bt = C.tanner_expansion_bound(3, 7, 7, 0.0, np.arange(1, 8))
    assert np.allclose(bt * 3 * np.arange(1, 8), 3)


def test_lanczos_estimate_agrees_with_dense(net7):
    dense = C.biadjacency_sigma2(net7)
    lz = C.biadjacency_sigma2(net7, dense_limit=0)
    assert dense.method == "dense" and lz.method == "lanczos" and lz.sigma2_upper is None
    assert lz.sigma2 == pytest.approx(dense.sigma2, rel=1e-6)
    # random biregular graphs are close to the Ramanujan value, and below sigma_1
    assert 0.8 * dense.ramanujan < dense.sigma2 < dense.sigma1


def test_tanner_and_pair_bounds_hold_exhaustively_on_a_small_graph(small5):
    net = small5
    sp = C.biadjacency_sigma2(net)
    lam = E.max_shared_constraints(net)
    for s in (1, 2, 3):
        worst = min(_nbhd(net, S) for S in itertools.combinations(range(net.n_visible), s))
        bt = C.tanner_expansion_bound(5, 7, 70, sp.sigma2_upper, [s])[0]
        bp = C.pair_expansion_bound(5, lam, [s])[0]
        assert worst >= bt * 5 * s - 1e-9
        assert worst >= bp * 5 * s - 1e-9
        if s == 2:  # the pair bound is exact for pairs
            assert worst == 2 * 5 - lam


def test_bounds_hold_on_random_and_clustered_sets(net7):
    sp = C.biadjacency_sigma2(net7)
    lam = E.max_shared_constraints(net7)
    rng = np.random.default_rng(0)
    for s in (3, 5, 8, 13, 30, 100, 350, 700):
        sets = [rng.choice(700, size=s, replace=False) for _ in range(5)]
        sets += [E.clustered_set(net7, s, seed=k) for k in range(5)]
        bt = C.tanner_expansion_bound(7, 7, 700, sp.sigma2_upper, [s])[0]
        bp = C.pair_expansion_bound(7, lam, [s])[0]
        for S in sets:
            assert _nbhd(net7, S) >= max(bt, bp) * 7 * s - 1e-9


# --------------------------------------------------------------------------- certificate
def test_beta_for_rho_inverts_contraction_factor():
    for d_v, t0 in [(3, 2), (5, 1), (7, 1), (7, 2), (7, 3)]:
        for rho in (0.0, 0.3, 0.9, 0.99):
            b = C.beta_for_rho(d_v, t0, rho)
            assert E.contraction_factor(d_v, t0, b) == pytest.approx(rho, abs=1e-9)
        assert C.beta_for_rho(d_v, t0, 0.999999) == pytest.approx(
            E.required_expansion(d_v, t0), abs=1e-5)


def test_certificate_is_below_the_search_and_decodes_every_pattern(net7):
    ce = C.certified_expansion(net7)
    assert ce.radius >= 1 and ce.rho is not None and ce.rho < 1
    assert ce.beta > ce.beta_required
    # a violation found by the search is a real set, so it bounds the certificate
    srch = E.expansion_radius(net7, ce.beta_required + 1e-6, seed=0, n_greedy=20,
                              n_random=50, max_triples=0)
    assert ce.radius <= srch.radius
    # the spectral bound is far below what the theorem needs (the reason for no fraction)
    assert ce.spectral_beta_max < ce.beta_required and ce.radius_spectral == 0
    # proved: every pattern of <= worst_case_radius errors is corrected
    cw = np.ones(700, dtype=np.int64)
    rng = np.random.default_rng(1)
    for e in range(1, ce.worst_case_radius + 1):
        for k in range(20):
            idx = (rng.choice(700, size=e, replace=False) if k % 2
                   else E.clustered_set(net7, e, seed=k))
            x = cw.copy()
            x[idx] = -1
            assert np.array_equal(E.decode(net7, x).state, cw)


def test_certified_expansion_rejects_bad_input(net7):
    with pytest.raises(TypeError):
        C.certified_expansion("net")
    with pytest.raises(ValueError):
        C.certified_expansion(net7, max_size=701)
    with pytest.raises(TypeError):
        C.certified_expansion(net7, spectral=1.0)


# --------------------------------------------------------------------------- ensemble
def test_ensemble_bound_dominates_monte_carlo_failure_rate():
    # raw configuration model (no repair), N = 30, d_v = d_c = 5, beta = 0.6: a
    # violation of size <= 2 is a neuron with <= 2 distinct constraints or a pair with
    # <= 5; count the graphs violating H(2, beta) by brute force.
    n, d_v, d_c, beta, a = 30, 5, 5, 0.6, 2
    bound = C.ensemble_failure_bound(n, d_v, d_c, beta, a)
    assert 0 < bound < 1
    rng = np.random.default_rng(0)
    m = n * d_v // d_c
    fails = 0
    trials = 2000
    iu, ju = np.triu_indices(n, 1)
    for _ in range(trials):
        sock = rng.permutation(np.repeat(np.arange(m), d_c))  # visible socket -> constraint
        inc = np.zeros((n, m), dtype=np.int64)
        inc[np.repeat(np.arange(n), d_v), sock] = 1  # repeated edges collapse
        size1 = inc.sum(1)
        union2 = size1[iu] + size1[ju] - (inc @ inc.T)[iu, ju]
        fails += bool(np.any(size1 < beta * d_v) or np.any(union2 < beta * d_v * 2))
    rate = fails / trials
    assert rate > 0  # the event is not vacuous at these sizes
    assert rate <= bound + 3 * math.sqrt(bound * (1 - bound) / trials)


def test_ensemble_radius_is_consistent_with_the_failure_bound():
    n, d_v, d_c = 99990, 7, 15
    beta = C.beta_for_rho(d_v, 2, 0.99)
    a = C.ensemble_radius(n, d_v, d_c, beta, 0.01, s_max=2000)
    assert a > 10
    assert C.ensemble_failure_bound(n, d_v, d_c, beta, a) <= 0.01
    assert C.ensemble_failure_bound(n, d_v, d_c, beta, a + 1) > 0.01


def test_ensemble_rejects_bad_input():
    with pytest.raises(ValueError):
        C.ensemble_failure_bound(10, 3, 7, 0.7, 1)  # N d_v not divisible by d_c
    with pytest.raises(ValueError):
        C.ensemble_radius(14, 3, 7, 0.7, 1.0)  # delta must be < 1
    with pytest.raises(TypeError):
        C.ensemble_radius(14, 3, 7, "0.7", 0.1)


@pytest.mark.parametrize("call", [
    lambda: C.tanner_expansion_bound(3, 7, 14, 5.0, [1]),  # sigma2 > sqrt(21)
    lambda: C.tanner_expansion_bound(3, 7, 14, -1.0, [1]),
    lambda: C.tanner_expansion_bound(3, 7, 14, 1.0, [15]),  # size > N
    lambda: C.pair_expansion_bound(3, 1, [0]),
    lambda: C.pair_expansion_bound(3, 1, []),
    lambda: C.beta_for_rho(3, 1, 1.0),
    lambda: C.beta_for_rho(3, 0, 0.5),
    lambda: C.biadjacency_sigma2("net"),
])
def test_bounds_reject_bad_input(call):
    with pytest.raises((ValueError, TypeError)):
        call()


def test_resource_caps_are_refused_not_run(net7):
    # regression (issue 18 style): requests that would allocate M x M or run for hours
    with pytest.raises(ValueError):
        C.biadjacency_sigma2(net7, dense_limit=10**6)
    with pytest.raises(ValueError):
        C.biadjacency_sigma2(net7, lanczos_steps=10**9)
    with pytest.raises(ValueError):
        C.ensemble_failure_bound(10**12, 3, 15, 0.7, 10**12)
    assert C.ensemble_radius(10**12, 3, 15, 0.7, 0.01, s_max=10) == 0
