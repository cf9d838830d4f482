"""Tests of pyref.bm_learning (maximum-likelihood learning of the fully visible Boltzmann
machine; Python-only, checked against exact enumeration and finite differences)."""

import io
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref import boltzmann as bz
from pyref.bm_learning import (
    StderrProgress,
    data_statistics,
    log_likelihood,
    log_likelihood_gradient,
    log_likelihood_gradient_gibbs,
    model_statistics,
    model_statistics_gibbs,
    safe_step,
    train_bm,
)


@st.composite
def machines_and_data(draw, max_n=4, max_m=6):
    n = draw(st.integers(1, max_n))
    vals = st.floats(-1.5, 1.5, allow_nan=False, allow_infinity=False)
    A = np.array(draw(st.lists(vals, min_size=n * n, max_size=n * n))).reshape(n, n)
    W = np.triu(A, 1)
    W = W + W.T
    th = np.array(draw(st.lists(vals, min_size=n, max_size=n)))
    m = draw(st.integers(1, max_m))
    D = np.array(draw(st.lists(st.sampled_from([-1, 1]), min_size=m * n,
                               max_size=m * n))).reshape(m, n)
    beta = draw(st.floats(0.3, 2.0))
    return W, th, D, beta


# ----------------------------------------------------------------------------- exact values

def test_log_likelihood_hand_one_neuron():
    # n = 1: pi(+1) = e^{-beta t} / (e^{-beta t} + e^{beta t}); beta = 1, t = ln(2)/2 gives
    # e^{-t} = 1/sqrt2, e^{t} = sqrt2, pi(+1) = (1/sqrt2) / (1/sqrt2 + sqrt2) = 1/3.
    t = math.log(2) / 2
    assert log_likelihood([[0]], [t], [[1]]) == pytest.approx(-math.log(3))
    assert log_likelihood([[0]], [t], [[-1]]) == pytest.approx(math.log(2 / 3))
    # gradient wrt theta: -beta (<s>_data - <s>_model), <s>_model = 1/3 - 2/3 = -1/3;
    # data [[1]] -> -(1 + 1/3) = -4/3
    dW, dth = log_likelihood_gradient([[0]], [t], [[1]])
    assert dth[0] == pytest.approx(-4 / 3) and dW[0, 0] == 0


def test_two_neuron_maximum_likelihood_hand():
    # n = 2, theta = 0, beta = 1, W_01 = w: pi(agree) = e^w / (2 e^w + 2 e^-w) each,
    # <s0 s1>_model = tanh(w), <s_i>_model = 0.  Data: 4 agreeing, 2 disagreeing samples,
    # means 0, <s0 s1>_data = (4 - 2)/6 = 1/3, so the ML point is tanh(w) = 1/3,
    # w = atanh(1/3) = ln(2)/2: e^w = sqrt2, pi(agree) = sqrt2/(2 sqrt2 + sqrt2) = 1/3 each,
    # pi(disagree) = (1/sqrt2)/(3 sqrt2) = 1/6 each, L = (4 ln(1/3) + 2 ln(1/6)) / 6.
    D = [[1, 1], [1, 1], [-1, -1], [-1, -1], [1, -1], [-1, 1]]
    w = math.log(2) / 2
    W = [[0, w], [w, 0]]
    assert log_likelihood(W, None, D) == pytest.approx(-(4 * math.log(3) + 2 * math.log(6)) / 6)
    dW, dth = log_likelihood_gradient(W, None, D)
    assert np.allclose(dW, 0, atol=1e-14) and np.allclose(dth, 0, atol=1e-14)
    # at w = 0 the gradient is beta (1/3 - tanh 0) = 1/3 in W_01 (and W_10), 0 in theta
    dW0, dth0 = log_likelihood_gradient(np.zeros((2, 2)), None, D)
    assert dW0[0, 1] == pytest.approx(1 / 3) and dW0[1, 0] == pytest.approx(1 / 3)
    assert np.all(dth0 == 0)
    # training from 0 reaches the ML point (concave, safe step 1/(1 * (1 + 2)) = 1/3)
    res = train_bm(D, 1.0, n_iter=2000, tol=1e-10)
    assert res.converged and res.n_steps < 2000
    assert res.W[0, 1] == pytest.approx(w, abs=1e-8) and np.allclose(res.theta, 0, atol=1e-10)


def test_statistics_hand():
    # data [[1,-1],[1,1]]: <s0> = 1, <s1> = 0, <s0 s1> = (-1 + 1)/2 = 0
    C, m = data_statistics([[1, -1], [1, 1]])
    assert m.tolist() == [1, 0] and C.tolist() == [[1, 0], [0, 1]]
    # weights 3:1 -> <s1> = (3*(-1) + 1)/4 = -1/2, <s0 s1> = -1/2
    C, m = data_statistics([[1, -1], [1, 1]], weights=[3, 1])
    assert m.tolist() == [1, -0.5] and C[0, 1] == -0.5
    # W = 0, theta = 0: uniform model, <s_i> = 0, <s_i s_j> = delta_ij
    C, m = model_statistics(np.zeros((3, 3)), None, 2.0)
    assert np.allclose(C, np.eye(3)) and np.allclose(m, 0)


def test_safe_step_hand():
    # n = 3, beta = 2: P = 3 pairs + 3 thresholds = 6, step = 1/(4 * 6)
    assert safe_step(3, 2.0) == pytest.approx(1 / 24)


# ----------------------------------------------------------------------------- properties

@settings(max_examples=25)
@given(machines_and_data())
def test_gradient_matches_central_differences(mdb):
    W, th, D, beta = mdb
    n = W.shape[0]
    dW, dth = log_likelihood_gradient(W, th, D, beta)
    assert np.array_equal(dW, dW.T) and np.all(np.diag(dW) == 0)
    eps = 1e-5
    L = lambda W_, t_: log_likelihood(W_, t_, D, beta)  # noqa: E731
    for i in range(n):
        e = np.zeros(n)
        e[i] = eps
        assert (L(W, th + e) - L(W, th - e)) / (2 * eps) == pytest.approx(dth[i], abs=1e-6)
        for j in range(i + 1, n):
            E = np.zeros((n, n))
            E[i, j] = E[j, i] = eps  # the shared parameter W_ij = W_ji
            assert (L(W + E, th) - L(W - E, th)) / (2 * eps) == pytest.approx(dW[i, j],
                                                                                abs=1e-6)


@settings(max_examples=25)
@given(machines_and_data())
def test_model_statistics_as_data_is_stationary(mdb):
    # data = every state weighted by pi: data statistics = model statistics, gradient 0
    W, th, _, beta = mdb
    n = W.shape[0]
    pi = bz.boltzmann_distribution(W, th, beta)
    S = bz.all_states(n)
    dW, dth = log_likelihood_gradient(W, th, S, beta, weights=pi)
    assert np.allclose(dW, 0, atol=1e-12) and np.allclose(dth, 0, atol=1e-12)
    res = train_bm(S, beta, W0=W, theta0=th, weights=pi, tol=1e-10, n_iter=5)
    assert res.converged and res.n_steps == 0 and np.array_equal(res.W, W)
    # and the log-likelihood there is -H(pi) (entropy), the maximum over the family
    assert log_likelihood(W, th, S, beta, weights=pi) == pytest.approx(
        float(np.sum(pi * np.log(pi))))


def test_uniform_data_exactly_stationary():
    # W = 0, theta = 0, data = all 2^3 states: every data and model moment is 0 (dyadic
    # sums of +-1/8, exact in floating point), so the gradient is exactly 0
    dW, dth = log_likelihood_gradient(np.zeros((3, 3)), None, bz.all_states(3), 0.7)
    assert np.all(dW == 0) and np.all(dth == 0)


def test_exact_training_increases_log_likelihood_monotonically():
    rng = np.random.default_rng(11)
    D = rng.choice([-1, 1], size=(20, 5))
    D[:, 1] = D[:, 0]  # a strong pair correlation to learn
    res = train_bm(D, 0.8, n_iter=150)  # safe step 1/(0.64 * 15)
    L = np.array(res.log_likelihood)
    assert len(L) == res.n_steps + 1
    # concave and beta^2 P smooth: the safe fixed step never decreases L
    assert np.all(np.diff(L) >= -1e-12)
    # initial L = -n log 2 = -5 log 2 (W = 0, theta = 0 is the uniform law)
    assert L[0] == pytest.approx(-5 * math.log(2))
    assert L[-1] > L[0] + 0.5
    assert res.W[0, 1] > 0.5  # the copied pair got a large positive coupling


def test_gibbs_training_increases_log_likelihood():
    rng = np.random.default_rng(11)
    D = rng.choice([-1, 1], size=(20, 5))
    D[:, 1] = D[:, 0]
    exact = train_bm(D, 0.8, n_iter=150)
    gain = exact.log_likelihood[-1] - exact.log_likelihood[0]
    res = train_bm(D, 0.8, n_iter=150, method="gibbs", lr=safe_step(5, 0.8), n_chains=50,
                   n_sweeps=5, burn_in=10, seed=3)
    assert len(res.log_likelihood) == 151
    assert res.log_likelihood[-1] > res.log_likelihood[0] + 0.7 * gain
    again = train_bm(D, 0.8, n_iter=150, method="gibbs", lr=safe_step(5, 0.8), n_chains=50,
                     n_sweeps=5, burn_in=10, seed=3)
    assert np.array_equal(res.W, again.W)  # seeded: reproducible


def test_gibbs_training_beyond_enumeration():
    # n = 24 > MAX_ENUM_N: exact quantities refuse, the Gibbs estimate trains; data with
    # s_{2k+1} = s_{2k} need W_{2k,2k+1} > 0, and the estimated gradient shrinks
    rng = np.random.default_rng(4)
    D = rng.choice([-1, 1], size=(30, 24))
    D[:, 1::2] = D[:, 0::2]
    with pytest.raises(ValueError, match="n <= 20"):
        log_likelihood(np.zeros((24, 24)), None, D)
    res = train_bm(D, 1.0, n_iter=40, lr=0.1, method="gibbs", n_chains=40, n_sweeps=3,
                   burn_in=5, seed=1)
    assert res.log_likelihood == [] and res.n_steps == 40
    # at W = 0 the gradient is <s_2k s_2k+1>_data - 0 = 1 (exactly, plus sampling noise)
    assert res.grad_norm[0] > 0.8
    assert np.mean(res.grad_norm[-5:]) < 0.7 * res.grad_norm[0]
    assert all(res.W[k, k + 1] > 0.3 for k in range(0, 24, 2))


@pytest.mark.parametrize("scan", ["systematic", "random"])
def test_gibbs_statistics_within_sampling_error(scan):
    W = np.array([[0, 0.8, -0.5, 0.3], [0.8, 0, 0.4, 0], [-0.5, 0.4, 0, -0.6],
                  [0.3, 0, -0.6, 0]])
    th = np.array([0.2, -0.3, 0.0, 0.5])
    beta = 0.9
    pi = bz.boltzmann_distribution(W, th, beta)
    # bias of the chain after the burn-in, computed exactly: law of one sweep from the
    # uniform start = u K^t with the float scan kernel (spec B2); the Doeblin bound of B4
    # also applies but is loose here (alpha ~ 1e-3)
    K = (bz.systematic_scan_kernel(pi) if scan == "systematic"
         else bz.kernel_power(bz.random_scan_kernel(pi), 4))
    burn = 30
    tv = bz.tv_distance(bz.distribution_after(np.full(16, 1 / 16), K, burn), pi)
    assert tv < 1e-3
    chains = 4000
    g = model_statistics_gibbs(W, th, beta, n_chains=chains, n_sweeps=3, burn_in=burn,
                               scan=scan, seed=5)
    C, m = model_statistics(W, th, beta)
    # bias <= 2 TV ||f||_inf < 2e-3 (TV only shrinks in later sweeps); chain averages are
    # independent and in [-1, 1], so their mean has sd <= 1/sqrt(chains): allow 5 sd
    tol = 2e-3 + 5 / math.sqrt(chains)
    assert np.abs(g.C - C).max() < tol and np.abs(g.m - m).max() < tol
    assert g.states.shape == (chains, 4)
    # the check has power: the moments of a different temperature are far outside it
    C2, m2 = model_statistics(W, th, 2.5 * beta)
    assert max(np.abs(g.C - C2).max(), np.abs(g.m - m2).max()) > 2 * tol


def test_gibbs_gradient_estimate_close_to_exact():
    W = np.array([[0, 0.5, 0], [0.5, 0, -0.4], [0, -0.4, 0]])
    th = np.array([0.1, 0, -0.2])
    D = [[1, 1, -1], [1, -1, 1], [-1, -1, -1]]
    dW, dth = log_likelihood_gradient(W, th, D, 1.0)
    gW, gth, states = log_likelihood_gradient_gibbs(W, th, D, 1.0, n_chains=4000, n_sweeps=3,
                                                    burn_in=30, seed=2)
    # same data term; model term within 5/sqrt(4000) ~ 0.08 (times beta = 1)
    assert np.abs(gW - dW).max() < 0.09 and np.abs(gth - dth).max() < 0.09
    assert states.shape == (4000, 3) and set(np.unique(states)) <= {-1, 1}


# ----------------------------------------------------------------------------- helpers, errors

def test_progress_helper():
    buf = io.StringIO()
    bar = StderrProgress("x", stream=buf, width=4, min_interval=0.0)
    bar(1, 2)
    bar(2, 2, "done")
    bar.close()
    out = buf.getvalue()
    assert "[##..] 1/2" in out and "[####] 2/2 done" in out and out.endswith("\n")
    quiet = io.StringIO()
    off = StderrProgress("x", enabled=False, stream=quiet)
    off(1, 1)
    off.close()
    assert quiet.getvalue() == ""


def test_train_progress_flag(capsys):
    train_bm([[1, -1]], 1.0, n_iter=3, progress=True)
    assert "train_bm" in capsys.readouterr().err
    train_bm([[1, -1]], 1.0, n_iter=3)
    assert capsys.readouterr().err == ""


def test_validation():
    W = np.zeros((2, 2))
    with pytest.raises(ValueError, match=r"\+1 or -1"):
        log_likelihood(W, None, [[0, 1]])  # {0,1} data: wrong value set
    with pytest.raises(ValueError, match="length 2"):
        log_likelihood(W, None, [[1, 1, 1]])
    with pytest.raises(ValueError, match="2-D"):
        log_likelihood(W, None, [1, 1])
    with pytest.raises(ValueError, match="empty"):
        log_likelihood(W, None, [])
    with pytest.raises(ValueError, match="empty"):
        log_likelihood_gradient(W, None, np.empty((0, 2)))
    with pytest.raises(ValueError, match="empty"):
        train_bm(np.empty((0, 2)))
    for beta in (0.0, -1.0, float("nan")):
        with pytest.raises(ValueError, match="beta"):
            log_likelihood(W, None, [[1, 1]], beta)
    with pytest.raises(ValueError, match="beta"):
        train_bm([[1, 1]], 0)
    with pytest.raises(ValueError, match="symmetric"):
        log_likelihood([[0, 1], [0, 0]], None, [[1, 1]])
    with pytest.raises(ValueError, match="diagonal"):
        log_likelihood_gradient([[1, 0], [0, 0]], None, [[1, 1]])
    with pytest.raises(ValueError, match="square"):
        log_likelihood(np.zeros((2, 3)), None, [[1, 1]])
    with pytest.raises(ValueError, match="theta"):
        log_likelihood(W, [1, 2, 3], [[1, 1]])
    with pytest.raises(ValueError, match="weights"):
        log_likelihood(W, None, [[1, 1]], weights=[-1])
    with pytest.raises(ValueError, match="weights"):
        log_likelihood(W, None, [[1, 1], [1, -1]], weights=[1])
    with pytest.raises(ValueError, match="lr"):
        train_bm([[1, 1]], lr=0)
    with pytest.raises(ValueError, match="method"):
        train_bm([[1, 1]], method="sgd")
    with pytest.raises(ValueError, match="n <= 20"):
        log_likelihood(np.zeros((21, 21)), None, np.ones((1, 21)))
    with pytest.raises(ValueError, match="n_chains"):
        model_statistics_gibbs(W, None, 1.0, n_chains=0)
