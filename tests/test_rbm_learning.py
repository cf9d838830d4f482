"""Tests of pyref.rbm_learning (RBM likelihood, exact gradient, CD-k / PCD training;
Python-only, checked against the exact enumeration of pyref.rbm / pyref.boltzmann)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref import boltzmann as bz
from pyref.rbm import rbm_free_energy, rbm_to_boltzmann, rbm_visible_marginal
from pyref.rbm_learning import (
    binary_to_pm1,
    cd_gradient,
    pm1_to_binary,
    rbm_free_energies,
    rbm_log_likelihood,
    rbm_log_likelihood_gradient,
    rbm_log_partition,
    rbm_model_statistics,
    rbm_model_statistics_gibbs,
    to_binary,
    to_pm1,
    train_rbm,
)

VALS = st.floats(-1.5, 1.5, allow_nan=False, allow_infinity=False)


@st.composite
def rbms(draw, max_v=3, max_h=3, max_m=5):
    nv = draw(st.integers(1, max_v))
    nh = draw(st.integers(1, max_h))
    W = np.array(draw(st.lists(VALS, min_size=nv * nh, max_size=nv * nh))).reshape(nv, nh)
    tv = np.array(draw(st.lists(VALS, min_size=nv, max_size=nv)))
    th = np.array(draw(st.lists(VALS, min_size=nh, max_size=nh)))
    m = draw(st.integers(1, max_m))
    D = np.array(draw(st.lists(st.sampled_from([-1, 1]), min_size=m * nv,
                               max_size=m * nv))).reshape(m, nv)
    beta = draw(st.floats(0.3, 2.0))
    return W, tv, th, D, beta


def bars_and_stripes_3x3():
    pats = set()
    for k in range(8):
        r = np.array([(k >> i) & 1 for i in range(3)])
        pats.add(tuple(np.repeat(r[:, None], 3, axis=1).ravel()))
        pats.add(tuple(np.repeat(r[None, :], 3, axis=0).ravel()))
    return 2 * np.array(sorted(pats)) - 1  # 8 + 8 - 2 (all-off, all-on counted twice) = 14


# ----------------------------------------------------------------------------- exact values

def test_hand_values():
    # W = 0, theta_h = 0, beta = 1, theta_v = t = ln(2)/2: the hidden layer contributes the
    # factor (2 cosh 0)^2 = 4 to every visible weight, p(v=+1) = e^-t/(e^-t + e^t) = 1/3
    t = math.log(2) / 2
    W = np.zeros((1, 2))
    assert rbm_log_likelihood(W, [t], None, [[1]]) == pytest.approx(-math.log(3))
    assert rbm_log_likelihood(W, [t], None, [[1], [-1]]) == pytest.approx(
        (math.log(1 / 3) + math.log(2 / 3)) / 2)
    # log Z = log(sum_v e^{-t v} * 4) = log(4 (1/sqrt2 + sqrt2)) = log(4 * 3/sqrt2)
    assert rbm_log_partition(W, [t], None) == pytest.approx(math.log(12 / math.sqrt(2)))
    # data [[1], [-1], [-1]]: <v>_data = -1/3 = <v>_model = 1/3 - 2/3: stationary point;
    # the W-term is v tanh(0) = 0 in both phases
    g = rbm_log_likelihood_gradient(W, [t], None, [[1], [-1], [-1]])
    assert all(np.allclose(x, 0, atol=1e-14) for x in g)
    # one unit each, W = [[w]], thetas 0: <v h>_model = (2e^w - 2e^-w)/(4 cosh w) = tanh w;
    # data [[1]]: v E[h|v] = tanh(w) -> dW = 0; dtheta_v = -(1 - 0) = -1
    g = rbm_log_likelihood_gradient([[0.7]], None, None, [[1]])
    assert g[0][0, 0] == pytest.approx(0, abs=1e-14) and g[1][0] == pytest.approx(-1)


def test_uniform_data_exactly_stationary():
    # W = 0, thetas 0, data = all 8 visible states: every moment is 0 in both phases
    g = rbm_log_likelihood_gradient(np.zeros((3, 2)), None, None, bz.all_states(3))
    assert all(np.all(x == 0) for x in g)
    res = train_rbm(bz.all_states(3), 2, method="exact", W0=np.zeros((3, 2)), tol=1e-12,
                    n_epochs=5)
    assert res.converged and res.n_epochs == 1 and np.all(res.W == 0)


def test_conventions_hand():
    assert to_pm1([[0, 1], [1, 1]]).tolist() == [[-1, 1], [1, 1]]
    assert to_binary([[-1, 1]]).tolist() == [[0, 1]]
    # one visible, one hidden, beta = 1: W01 = 4 W = 2, b = -2 (tv + W) = -2 (0.5 + 0.5) = -2,
    # c = -2 (th + W) = -2 (-1 + 0.5) = 1
    W01, b, c = pm1_to_binary([[0.5]], [0.5], [-1.0])
    assert W01[0, 0] == 2 and b[0] == -2 and c[0] == 1


# ----------------------------------------------------------------------------- properties

@settings(max_examples=25)
@given(rbms())
def test_gradient_matches_central_differences(r):
    W, tv, th, D, beta = r
    nv, nh = W.shape
    gW, gv, gh = rbm_log_likelihood_gradient(W, tv, th, D, beta)
    L = lambda W_, a, b: rbm_log_likelihood(W_, a, b, D, beta)  # noqa: E731
    eps = 1e-5
    for i in range(nv):
        e = np.zeros(nv)
        e[i] = eps
        fd = (L(W, tv + e, th) - L(W, tv - e, th)) / (2 * eps)
        assert fd == pytest.approx(gv[i], abs=1e-6)
        for j in range(nh):
            E = np.zeros((nv, nh))
            E[i, j] = eps
            assert (L(W + E, tv, th) - L(W - E, tv, th)) / (2 * eps) == pytest.approx(
                gW[i, j], abs=1e-6)
    for j in range(nh):
        e = np.zeros(nh)
        e[j] = eps
        fd = (L(W, tv, th + e) - L(W, tv, th - e)) / (2 * eps)
        assert fd == pytest.approx(gh[j], abs=1e-6)


@settings(max_examples=25)
@given(rbms())
def test_likelihood_matches_joint_machine(r):
    W, tv, th, D, beta = r
    # log Z: both enumeration sides (transpose swaps the layers) and the joint Boltzmann
    # machine of pyref.rbm / pyref.boltzmann
    F, t = rbm_to_boltzmann(W, tv, th)
    lz = bz.log_partition_function(F, t, beta)
    assert rbm_log_partition(W, tv, th, beta) == pytest.approx(lz)
    assert rbm_log_partition(W.T, th, tv, beta) == pytest.approx(lz)
    # log-likelihood = mean log of pyref.rbm's exact visible marginal
    p = rbm_visible_marginal(W, tv, th, beta)
    want = np.mean([math.log(p[bz.state_index(v)]) for v in D])
    assert rbm_log_likelihood(W, tv, th, D, beta) == pytest.approx(want)
    # free energies = pyref.rbm.rbm_free_energy row by row
    got = rbm_free_energies(W, tv, th, D, beta)
    assert got == pytest.approx([rbm_free_energy(W, tv, th, v, beta) for v in D])
    # exact model moments: enumerating either layer gives the same numbers
    vh, v, h = rbm_model_statistics(W, tv, th, beta)
    hv, h2, v2 = rbm_model_statistics(W.T, th, tv, beta)
    assert np.allclose(vh, hv.T) and np.allclose(v, v2) and np.allclose(h, h2)
    # ... and match the joint machine's exact pair moments <s_i s_{nv+j}>
    pj = bz.boltzmann_distribution(F, t, beta)
    S = bz.all_states(F.shape[0])
    nv = W.shape[0]
    assert np.allclose(vh, (S[:, :nv].T * pj) @ S[:, nv:]) and np.allclose(v, pj @ S[:, :nv])


@settings(max_examples=25)
@given(rbms(), st.floats(0.3, 2.0))
def test_binary_convention_same_visible_law(r, beta):
    # brute force in {0,1}: p(x) ∝ sum_y exp(x W01 y + b.x + c.y)
    W01, b, c, _, _ = r
    nv, nh = W01.shape
    X = (bz.all_states(nv) + 1) // 2
    Y = (bz.all_states(nh) + 1) // 2
    logw = np.array([np.log(np.sum(np.exp(x @ W01 @ Y.T + b @ x + Y @ c))) for x in X])
    p01 = np.exp(logw - logw.max())
    p01 /= p01.sum()
    W, tv, th = binary_to_pm1(W01, b, c, beta)
    assert np.allclose(rbm_visible_marginal(W, tv, th, beta), p01)
    back = pm1_to_binary(W, tv, th, beta)
    assert all(np.allclose(x, y) for x, y in zip(back, (W01, b, c)))


def test_binary_geometry_step_is_binary_gradient():
    # one exact full-batch step in geometry "binary" moves the {0,1} parameters by lr times
    # the gradient of L wrt the {0,1} parameters (central differences)
    rng = np.random.default_rng(0)
    W = rng.normal(size=(3, 2))
    tv, th = rng.normal(size=3), rng.normal(size=2)
    D = rng.choice([-1, 1], size=(6, 3))
    beta, lr, eps = 0.8, 1e-3, 1e-5
    res = train_rbm(D, 2, method="exact", geometry="binary", lr=lr, n_epochs=1, beta=beta,
                    W0=W, theta_v0=tv, theta_h0=th, shuffle=False)
    p0 = pm1_to_binary(W, tv, th, beta)
    p1 = pm1_to_binary(res.W, res.theta_v, res.theta_h, beta)
    L01 = lambda q: rbm_log_likelihood(*binary_to_pm1(*q, beta), D, beta)  # noqa: E731
    for k in range(3):
        for idx in np.ndindex(p0[k].shape):
            qp = [x.copy() for x in p0]
            qm = [x.copy() for x in p0]
            qp[k][idx] += eps
            qm[k][idx] -= eps
            fd = (L01(qp) - L01(qm)) / (2 * eps)
            assert (p1[k][idx] - p0[k][idx]) / lr == pytest.approx(fd, abs=1e-6)


def test_block_gibbs_statistics_within_sampling_error():
    W = np.array([[0.8, -0.4], [0.3, 0.6], [-0.5, 0.2]])
    tv, th, beta = np.array([0.2, -0.1, 0.3]), np.array([-0.3, 0.1]), 1.0
    # exact law of v after t block steps from the uniform start: the visible kernel
    # T(v, v') = sum_h p(h|v) p(v'|h), computed from the joint machine's conditionals
    V, H = bz.all_states(3), bz.all_states(2)
    sig = lambda x: 1 / (1 + np.exp(-x))  # noqa: E731
    ph = np.prod(sig(2 * beta * H[None, :, :] * (V @ W - th)[:, None, :]), axis=2)  # (v, h)
    pv = np.prod(sig(2 * beta * V[None, :, :] * (H @ W.T - tv)[:, None, :]), axis=2)  # (h, v)
    T = ph @ pv
    p = rbm_visible_marginal(W, tv, th, beta)
    burn = 20
    tv_dist = bz.tv_distance(bz.distribution_after(np.full(8, 1 / 8), T, burn), p)
    assert tv_dist < 1e-4
    chains = 4000
    vh, v, h = rbm_model_statistics_gibbs(W, tv, th, beta, n_chains=chains, n_steps=3,
                                          burn_in=burn, seed=7)
    evh, ev, eh = rbm_model_statistics(W, tv, th, beta)
    # statistics bounded by 1: bias <= 2 TV; chain averages independent: 5 sd <= 5/sqrt(N)
    tol = 2 * tv_dist + 5 / math.sqrt(chains)
    assert max(np.abs(vh - evh).max(), np.abs(v - ev).max(), np.abs(h - eh).max()) < tol
    # power: the moments at another temperature are clearly outside the tolerance
    fvh, fv, fh = rbm_model_statistics(W, tv, th, 3 * beta)
    assert max(np.abs(vh - fvh).max(), np.abs(v - fv).max(), np.abs(h - fh).max()) > 2 * tol


def test_cd_gradient_seeded_and_persistent():
    rng = np.random.default_rng(1)
    W = rng.normal(size=(4, 3))
    D = rng.choice([-1, 1], size=(5, 4))
    a = cd_gradient(W, None, None, D, k=2, seed=3)
    b = cd_gradient(W, None, None, D, k=2, seed=3)
    assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert a[3].shape == (5, 4) and set(np.unique(a[3])) <= {-1, 1}
    c = cd_gradient(W, None, None, D, chains=a[3][:2], seed=3)
    assert c[3].shape == (2, 4)


@pytest.mark.parametrize("method", ["cd", "pcd", "exact"])
@pytest.mark.parametrize("geometry", ["pm1", "binary"])
def test_training_increases_exact_log_likelihood(method, geometry):
    D = np.repeat(bars_and_stripes_3x3(), 3, axis=0)  # 42 samples, nv = 9
    # W01 = 4 beta W: a step in the +-1 parameters acts ~16x more strongly (lr 0.3 vs 0.025);
    # "exact" takes one full-batch step per epoch (6 mini-batch steps for cd / pcd)
    lr = 0.3 if geometry == "binary" else 0.025
    epochs = 600 if method == "exact" else 100
    res = train_rbm(D, 6, method=method, k=1, lr=lr, n_epochs=epochs, batch_size=7, seed=0,
                    geometry=geometry, init_scale=0.1)
    L = res.log_likelihood
    assert len(L) == epochs + 1
    # initial W ~ N(0, 0.1^2), thresholds 0: nearly uniform, L_0 ~ -9 log 2 = -6.238
    assert L[0] == pytest.approx(-9 * math.log(2), abs=0.1)
    # the optimum is -log 14 = -2.639 (uniform on the 14 patterns); require a clear gain
    assert L[-1] > L[0] + 0.7 and L[-1] < -math.log(14) + 1e-9
    assert L[-1] == pytest.approx(rbm_log_likelihood(res.W, res.theta_v, res.theta_h, D))


def test_training_seeded_and_progress(capsys):
    D = bars_and_stripes_3x3()
    a = train_rbm(D, 3, n_epochs=3, seed=5, progress=True)
    assert "train_rbm[pcd]" in capsys.readouterr().err
    b = train_rbm(D, 3, n_epochs=3, seed=5)
    assert capsys.readouterr().err == ""
    assert np.array_equal(a.W, b.W) and a.log_likelihood == b.log_likelihood


# ----------------------------------------------------------------------------- errors

def test_validation():
    W = np.zeros((2, 3))
    with pytest.raises(ValueError, match="0 or 1"):
        to_pm1([[0, 2]])
    with pytest.raises(ValueError, match=r"\+1 or -1"):
        rbm_log_likelihood(W, None, None, [[0, 1]])  # {0,1} data given to the +-1 API
    with pytest.raises(ValueError, match=r"\+1 or -1"):
        train_rbm([[0, 1]], 2)
    with pytest.raises(ValueError, match="length 2"):
        rbm_log_likelihood(W, None, None, [[1, 1, 1]])
    with pytest.raises(ValueError, match="empty"):
        rbm_log_likelihood(W, None, None, [])
    with pytest.raises(ValueError, match="empty"):
        train_rbm(np.empty((0, 2)), 2)
    with pytest.raises(ValueError, match="empty"):
        to_pm1([])
    for beta in (0, -0.5, float("inf")):
        with pytest.raises(ValueError, match="beta"):
            rbm_log_likelihood(W, None, None, [[1, 1]], beta)
    with pytest.raises(ValueError, match="beta"):
        train_rbm([[1, 1]], 2, beta=0)
    with pytest.raises(ValueError, match="theta_h"):
        rbm_log_partition(W, None, [1.0])
    with pytest.raises(ValueError, match="2-D"):
        rbm_log_partition([1.0, 2.0], None, None)
    with pytest.raises(ValueError, match="n_hidden"):
        train_rbm([[1, 1]], 0)
    with pytest.raises(ValueError, match="W0"):
        train_rbm([[1, 1]], 2, W0=np.zeros((3, 2)))
    with pytest.raises(ValueError, match="method"):
        train_rbm([[1, 1]], 2, method="gd")
    with pytest.raises(ValueError, match="geometry"):
        train_rbm([[1, 1]], 2, geometry="01")
    with pytest.raises(ValueError, match="lr"):
        train_rbm([[1, 1]], 2, lr=-1.0)
    with pytest.raises(ValueError, match="k"):
        cd_gradient(W, None, None, [[1, 1]], k=0)
    with pytest.raises(ValueError, match="<= 20"):
        rbm_log_likelihood(np.zeros((21, 21)), None, None, np.ones((1, 21)))
