"""Tests of pyref.learning (spec T3, T4; Storkey and pseudo-inverse are Python-only)."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref.classical import field, hamming, recall_batch, run, sync_step
from pyref.learning import (
    basin_estimate,
    flip_random,
    fraction_fixed_points,
    hebbian,
    hebbian_normalized,
    hebbian_recall_batch,
    pseudo_inverse,
    storkey,
)

# Walsh (Sylvester-Hadamard) rows of order 16: pairwise orthogonal
_H = np.array([[1]])
while _H.shape[0] < 16:
    _H = np.block([[_H, _H], [_H, -_H]])
WALSH16 = _H[1:]


def test_hebbian_hand_example():
    # p1 = [1,1,1,1], p2 = [1,-1,1,-1]: (p1 p1^T + p2 p2^T)_ij = 1 + p2_i p2_j = 2 or 0,
    # minus m I = 2 I on the diagonal (1 + 1 - 2 = 0)
    P = [[1, 1, 1, 1], [1, -1, 1, -1]]
    assert hebbian(P).tolist() == [[0, 0, 2, 0], [0, 0, 0, 2], [2, 0, 0, 0], [0, 2, 0, 0]]
    assert hebbian(P).dtype == np.int64


def test_hebbian_normalized_exact_fractions():
    P = [[1, 1, 1, 1], [1, -1, 1, -1]]
    Wn = hebbian_normalized(P)
    assert Wn[0, 2] == Fraction(1, 2) and Wn[0, 1] == 0  # 2/4 and 0/4
    assert all(isinstance(v, (Fraction, int)) for v in Wn.ravel())


@settings(max_examples=25)
@given(st.integers(2, 20), st.integers(1, 6), st.integers(0, 2**31),
       st.sampled_from(["sync", "async"]), st.sampled_from(["keep", "plus"]))
def test_normalized_same_dynamics(n, m, seed, mode, tie):
    rng = np.random.default_rng(seed)
    P = rng.choice([-1, 1], size=(m, n))
    probes = rng.choice([-1, 1], size=(5, n))
    ref = recall_batch(hebbian(P), None, probes, mode=mode, tie=tie)
    for Wn in (hebbian_normalized(P), hebbian_normalized(P, exact=False)):
        got = recall_batch(Wn, None, probes, mode=mode, tie=tie)
        assert np.array_equal(got.states, ref.states)
        assert np.array_equal(got.sweeps, ref.sweeps)


def test_storkey_hand_example():
    # xi1 = [1,1,1,1]: W = 0, h = 0 -> W_ij = 1/4 off the diagonal.
    # xi2 = [1,-1,1,-1]: h = W xi2 = [-1/4, 1/4, -1/4, 1/4].
    # W_02 += (1 - xi_0 h_20 - h_02 xi_2)/4, h_20 = W_21 xi_1 + W_23 xi_3 = -1/2 = h_02
    #       = (1 + 1/2 + 1/2)/4 = 1/2 -> 3/4
    # W_01 += (-1 - xi_0 h_10 - h_01 xi_1)/4, h_10 = W_12 xi_2 + W_13 xi_3 = 0,
    #         h_01 = W_02 xi_2 + W_03 xi_3 = 0 -> (-1)/4 -> 0
    W = storkey([[1, 1, 1, 1], [1, -1, 1, -1]])
    expected = np.array([[0, 0, .75, 0], [0, 0, 0, .75], [.75, 0, 0, 0], [0, .75, 0, 0]])
    assert np.allclose(W, expected, atol=1e-15)


def _storkey_naive(P):
    m, n = P.shape
    W = np.zeros((n, n))
    for xi in P:
        new = W.copy()
        for i in range(n):
            for j in range(n):
                if i == j:
                    continue
                hij = sum(W[i, k] * xi[k] for k in range(n) if k not in (i, j))
                hji = sum(W[j, k] * xi[k] for k in range(n) if k not in (i, j))
                new[i, j] += (xi[i] * xi[j] - xi[i] * hji - hij * xi[j]) / n
        W = new
    return W


@settings(max_examples=15)
@given(st.integers(2, 7), st.integers(1, 4), st.integers(0, 2**31))
def test_storkey_matches_definition(n, m, seed):
    P = np.random.default_rng(seed).choice([-1, 1], size=(m, n))
    W = storkey(P)
    assert np.allclose(W, _storkey_naive(P), atol=1e-12)
    assert np.array_equal(W, W.T) and np.all(np.diag(W) == 0)


def test_pseudo_inverse_projection():
    rng = np.random.default_rng(0)
    P = rng.choice([-1, 1], size=(5, 30))
    Wfull = pseudo_inverse(P, zero_diagonal=False)
    for p in P:
        assert np.allclose(Wfull @ p, p)          # W p_k = p_k
    W = pseudo_inverse(P)
    assert np.all(np.diag(W) == 0)
    assert fraction_fixed_points(W, None, P) == 1.0
    # dependent patterns (p and -p) are fine: rank 1 projection
    Wd = pseudo_inverse([[1, -1, 1], [-1, 1, -1]], zero_diagonal=False)
    assert np.allclose(Wd, np.outer([1, -1, 1], [1, -1, 1]) / 3)


def test_fraction_fixed_points_hand():
    # W = hebbian([[1,1,1]]) = [[0,1,1],[1,0,1],[1,1,0]]: [1,1,1] fixed (h = [2,2,2]);
    # [1,-1,-1]: h_0 = -2 < 0, not fixed. One of two -> 0.5
    W = hebbian([[1, 1, 1]])
    assert fraction_fixed_points(W, None, [[1, 1, 1], [1, -1, -1]]) == 0.5


def test_T3_walsh_fixed_points():
    for m in (1, 4, 15):
        P = WALSH16[:m]
        W = hebbian(P)
        assert fraction_fixed_points(W, None, P) == 1.0
        for p in P:
            assert field(W, p).tolist() == ((16 - m) * p).tolist()   # (n - m) p_k


def test_flip_random_distance():
    p = WALSH16[0]
    for d in (0, 1, 5, 16):
        probes = flip_random(p, d, seed=d, count=20)
        assert all(hamming(q, p) == d for q in probes)
    assert flip_random(p, 3, seed=1).shape == (16,)
    assert np.array_equal(flip_random(p, 3, seed=1), flip_random(p, 3, seed=1))
    with pytest.raises(ValueError, match="0 <= d <= n"):
        flip_random(p, 17, seed=0)


def test_T4_basin_radius():
    # m = 2, n = 16: m (2d + 1) < n  <=>  d <= 3; every probe at d <= 3 is recalled (T4)
    P = WALSH16[:2]
    W = hebbian(P)
    for mode in ("sync", "async"):
        est = basin_estimate(W, None, P, [0, 1, 2, 3], trials=30, mode=mode, seed=5)
        assert est.shape == (2, 4) and np.all(est == 1.0)
    # one synchronous step suffices (T4)
    for d in (1, 2, 3):
        for q in flip_random(P[0], d, seed=d, count=10):
            assert sync_step(W, None, q).tolist() == P[0].tolist()
            r = run(W, None, q)
            assert all(hamming(t, P[0]) <= hamming(a, P[0])
                       for a, t in zip(r.trajectory, r.trajectory[1:]))


def test_basin_far_probes_fail_sometimes():
    # at distance n the probe is -p, itself a fixed point (h(-p) = -(n-m)p): never p
    P = WALSH16[:2]
    est = basin_estimate(hebbian(P), None, P, [16], trials=5, seed=0)
    assert np.all(est == 0.0)


def test_learning_validation():
    with pytest.raises(ValueError, match="empty"):
        hebbian(np.zeros((0, 4)))
    with pytest.raises(ValueError, match=r"\+1 or -1"):
        storkey([[1, 0, 1]])
    with pytest.raises(ValueError, match="2-D"):
        pseudo_inverse([1, -1, 1])
    with pytest.raises(ValueError, match="distances"):
        basin_estimate(hebbian(WALSH16[:2]), None, WALSH16[:2], [])


@settings(max_examples=20)
@given(st.integers(1, 140), st.integers(1, 12), st.integers(0, 2**31),
       st.sampled_from(["sync", "async"]), st.sampled_from(["keep", "plus"]))
def test_hebbian_recall_batch_equals_dense(n, m, seed, mode, tie):
    rng = np.random.default_rng(seed)
    P = rng.choice([-1, 1], size=(m, n))
    probes = np.concatenate([P, rng.choice([-1, 1], size=(6, n))])
    a = hebbian_recall_batch(P, probes, mode=mode, tie=tie)
    b = recall_batch(hebbian(P), None, probes, mode=mode, tie=tie)
    assert np.array_equal(a.states, b.states)
    assert np.array_equal(a.sweeps, b.sweeps) and np.array_equal(a.status, b.status)


def test_hebbian_recall_batch_T3():
    a = hebbian_recall_batch(WALSH16[:5], WALSH16[:5], mode="sync")
    assert np.array_equal(a.states, WALSH16[:5]) and np.all(a.sweeps == 1)
