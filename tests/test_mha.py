"""Tests of modern Hopfield attention with hidden states (pyref.mha).

Masumura & Taki (arXiv 2511.20698).  Python-only part; property-tested, not Lean-proved.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref import layers as hl
from pyref import mha


def _softmax_rows(Z):
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


def test_metrics_hand_computed():
    # two orthogonal tokens: cosine 0; two parallel tokens: cosine 1
    assert mha.token_uniformity(np.array([[1.0, 0.0], [0.0, 1.0]])) == 0.0
    assert mha.token_uniformity(np.array([[1.0, 0.0], [2.0, 0.0]])) == pytest.approx(1.0)
    # tokens (1,0), (-1,0): mean 0, residual = ||X|| / ||X|| = 1; equal tokens: residual 0
    assert mha.relative_residual(np.array([[1.0, 0.0], [-1.0, 0.0]])) == pytest.approx(1.0)
    assert mha.relative_residual(np.array([[1.0, 1.0], [1.0, 1.0]])) == 0.0
    # (1,0), (0,1): mean (1/2, 1/2), residual rows (1/2,-1/2), (-1/2,1/2): norm 1; ||X|| = sqrt 2
    assert mha.relative_residual(np.eye(2)) == pytest.approx(1 / math.sqrt(2), rel=1e-14)


def test_hidden_state_recursion_hand_computed():
    # d = 2, W_Q = W_K = W_V = I, beta = 1, alpha = 0, alpha_h = 0.5
    X = np.array([[1.0, 0.0], [0.0, 2.0]])
    I = np.eye(2)
    X2, H1 = mha.mha_layer(X, None, (I, I, I), alpha=0.0, alpha_h=0.5, beta=1.0)
    # first layer: H_1 = S_1 = X X^T = [[1, 0], [0, 4]]
    assert np.allclose(H1, [[1.0, 0.0], [0.0, 4.0]])
    assert np.allclose(X2, _softmax_rows(H1) @ X)
    X3, H2 = mha.mha_layer(X2, H1, (I, I, I), alpha=0.0, alpha_h=0.5, beta=1.0)
    # second layer: H_2 = 0.5 H_1 + 0.5 X_2 X_2^T
    assert np.allclose(H2, 0.5 * H1 + 0.5 * X2 @ X2.T, rtol=1e-14)
    assert np.allclose(X3, _softmax_rows(H2) @ X2, rtol=1e-14)
    # residual mix alpha = 0.25: X_next = 0.25 X + 0.75 softmax(H) V
    X2b, _ = mha.mha_layer(X, None, (I, I, I), alpha=0.25, alpha_h=0.5, beta=1.0)
    assert np.allclose(X2b, 0.25 * X + 0.75 * (_softmax_rows(H1) @ X), rtol=1e-14)


@given(st.integers(0, 2**32 - 1), st.integers(1, 6), st.integers(1, 5), st.integers(2, 6))
@settings(max_examples=30)
def test_alpha_h_zero_is_plain_attention_stack(seed, T, d, L):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(T, d))
    layers = mha.random_layer_weights(L, d, seed=seed)
    outs = mha.mha_stack(X, layers, alpha=0.0, alpha_h=0.0)
    Z = X
    for w in layers:  # plain scaled dot-product self-attention, no skip connection
        Z = hl.scaled_dot_product_attention(Z @ w.W_Q, Z @ w.W_K, Z @ w.W_V)
    assert np.allclose(outs[-1], Z, rtol=1e-10, atol=1e-12)
    assert len(outs) == L + 1 and np.array_equal(outs[0], X)


def test_causal_mask_and_batch():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(2, 5, 4))
    layers = mha.random_layer_weights(3, 4, seed=1)
    causal = np.tril(np.ones((5, 5), dtype=bool))
    outs = mha.mha_stack(X, layers, alpha=0.3, alpha_h=0.6, mask=causal)
    for b in range(2):
        single = mha.mha_stack(X[b], layers, alpha=0.3, alpha_h=0.6, mask=causal)
        assert np.allclose(outs[-1][b], single[-1])
    # causality: token 0 only ever sees itself, so it does not depend on later tokens
    Y = X.copy()
    Y[:, 1:] += 1.0
    outs2 = mha.mha_stack(Y, layers, alpha=0.3, alpha_h=0.6, mask=causal)
    assert np.allclose(outs2[-1][:, 0], outs[-1][:, 0])


def test_mha_reduces_rank_collapse_in_deep_random_stack():
    """The effect the paper claims: in a pure attention stack (no skip, alpha = 0) plain
    attention collapses the tokens to rank one doubly exponentially fast; keeping the
    hidden state (alpha_h > 0) slows the collapse.  Checked seed by seed."""
    d, T = 32, 16
    for seed in range(8):
        rng = np.random.default_rng([seed, 7])
        X = rng.standard_normal((T, d))
        layers = mha.random_layer_weights(6, d, seed=seed)
        res = {}
        uni = {}
        for ah in (0.0, 0.5, 0.9):
            outs = mha.mha_stack(X, layers, alpha=0.0, alpha_h=ah)
            res[ah] = [mha.relative_residual(o) for o in outs]
            uni[ah] = [mha.token_uniformity(o) for o in outs]
        # layer 1 is identical (H_1 = S_1)
        assert res[0.0][1] == res[0.5][1] == res[0.9][1]
        # after 4 layers plain attention has collapsed to rounding level, MHA has not
        assert res[0.0][4] < 1e-11
        assert res[0.5][4] > 1e3 * res[0.0][4]
        assert res[0.9][4] > res[0.5][4] > 1e-5
        # more memory of earlier scores, less collapse; and less token uniformity
        for depth in (2, 3, 4):
            assert res[0.9][depth] > res[0.5][depth] > res[0.0][depth]
            assert uni[0.9][depth] < uni[0.0][depth]


def test_rank_collapse_experiment_table():
    rows = mha.rank_collapse_experiment(depths=(1, 4), alpha_hs=(0.0, 0.9), seeds=(0, 1, 2))
    assert [(r.depth, r.alpha_h) for r in rows] == [(1, 0.0), (1, 0.9), (4, 0.0), (4, 0.9)]
    assert rows[0].residual == rows[1].residual
    assert rows[3].residual > 1e6 * rows[2].residual


def test_bad_input_raises_value_error():
    I = np.eye(2)
    X = np.ones((3, 2))
    with pytest.raises(ValueError, match="alpha_h"):
        mha.mha_layer(X, None, (I, I, I), alpha_h=1.0)
    with pytest.raises(ValueError, match="alpha"):
        mha.mha_layer(X, None, (I, I, I), alpha=-0.1)
    with pytest.raises(ValueError, match="beta"):
        mha.mha_layer(X, None, (I, I, I), beta=0.0)
    with pytest.raises(ValueError, match="H_prev"):
        mha.mha_layer(X, np.ones((2, 2)), (I, I, I))
    with pytest.raises(ValueError, match="W_V"):
        mha.mha_layer(X, None, (I, I, np.ones((2, 3))))
    with pytest.raises(ValueError, match="triple"):
        mha.mha_layer(X, None, (I, I))
    with pytest.raises(ValueError, match="NaN or inf"):
        mha.mha_layer(np.array([[np.nan, 1.0]]), None, (I, I, I))
    with pytest.raises(ValueError, match="T, d >= 1"):
        mha.mha_layer(np.ones((0, 2)), None, (I, I, I))
    with pytest.raises(ValueError, match="layer 1"):
        mha.mha_stack(X, [(I, I, I), (I, np.ones((3, 2)), I)])
    with pytest.raises(ValueError, match="two tokens"):
        mha.token_uniformity(np.ones((1, 2)))
    with pytest.raises(ValueError, match="nothing to attend"):
        mha.mha_layer(X, None, (I, I, I), mask=np.zeros((3, 3), dtype=bool))
