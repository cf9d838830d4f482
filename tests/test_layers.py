"""Tests of the Hopfield layers (pyref.layers): association, pooling, lookup.

Python-only part of the spec (hflayers-style layers); property-tested, not Lean-proved.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref import layers as hl
from pyref import modern as mo


def _reference_attention(Q, K, V, scale, allowed=None):
    """Straightforward scaled dot-product attention with python loops (no numpy softmax)."""
    S, N = len(Q), len(K)
    out = []
    for s in range(S):
        logits = []
        for n in range(N):
            if allowed is not None and not allowed[s][n]:
                continue
            logits.append((n, scale * sum(q * k for q, k in zip(Q[s], K[n]))))
        mx = max(v for _, v in logits)
        w = [(n, math.exp(v - mx)) for n, v in logits]
        tot = sum(x for _, x in w)
        out.append([sum(x / tot * V[n][j] for n, x in w) for j in range(len(V[0]))])
    return np.array(out)


@st.composite
def layer_problem(draw):
    S = draw(st.integers(1, 4))
    N = draw(st.integers(1, 5))
    d_r, d_y, d_k, d_v = (draw(st.integers(1, 4)) for _ in range(4))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    return (
        rng.normal(size=(S, d_r)),
        rng.normal(size=(N, d_y)),
        rng.normal(size=(d_r, d_k)),
        rng.normal(size=(d_y, d_k)),
        rng.normal(size=(d_k, d_v)),
    )


def test_association_hand_computed():
    # R = [[1, 0]], Y = [[1, 0], [0, 1]], identity projections, beta = ln 3:
    # logits = ln3 * (1, 0) -> weights (3, 1)/4 = (0.75, 0.25); output = 0.75 e1 + 0.25 e2
    out = hl.hopfield_association(np.array([[1.0, 0.0]]), np.eye(2), beta=math.log(3))
    assert np.allclose(out, [[0.75, 0.25]], rtol=1e-14)


@given(layer_problem())
@settings(max_examples=60)
def test_association_is_scaled_dot_product_attention(prob):
    R, Y, WQ, WK, WV = prob
    out = hl.hopfield_association(R, Y, WQ, WK, WV)  # beta defaults to 1/sqrt(d_k)
    Q, K = R @ WQ, Y @ WK
    ref = _reference_attention(
        Q.tolist(), K.tolist(), (K @ WV).tolist(), 1 / math.sqrt(WQ.shape[1])
    )
    assert np.allclose(out, ref, rtol=1e-10, atol=1e-12)
    assert np.allclose(hl.scaled_dot_product_attention(Q, K, K @ WV), ref, rtol=1e-10, atol=1e-12)


@given(layer_problem(), st.floats(-2, 2))
@settings(max_examples=40)
def test_separate_beta_is_the_softmax_scale(prob, logb):
    R, Y, WQ, WK, WV = prob
    beta = 10.0**logb
    out = hl.hopfield_association(R, Y, WQ, WK, WV, beta=beta)
    Q, K = R @ WQ, Y @ WK
    assert np.allclose(
        out,
        _reference_attention(Q.tolist(), K.tolist(), (K @ WV).tolist(), beta),
        rtol=1e-9,
        atol=1e-12,
    )


@given(layer_problem(), st.integers(1, 5), st.floats(-1, 1))
@settings(max_examples=40)
def test_several_steps_are_modern_hopfield_updates(prob, steps, logb):
    R, Y, WQ, WK, WV = prob
    beta = 10.0**logb
    out = hl.hopfield_association(R, Y, WQ, WK, WV, beta=beta, steps=steps)
    K = Y @ WK
    # each step is xi <- K^T softmax(beta K xi) = modern.update with patterns as columns of K^T
    ref_rows = []
    for q in R @ WQ:
        xi = q
        for _ in range(steps):
            xi = mo.update(K.T, xi, beta)
        ref_rows.append(xi @ WV)
    assert np.allclose(out, np.array(ref_rows), rtol=1e-9, atol=1e-12)


@given(layer_problem(), st.integers(0, 2**32 - 1))
@settings(max_examples=40)
def test_mask_equals_attention_over_allowed_subset(prob, seed):
    R, Y, WQ, WK, WV = prob
    S, N = R.shape[0], Y.shape[0]
    rng = np.random.default_rng(seed)
    mask = rng.random((S, N)) < 0.6
    mask[np.arange(S), rng.integers(0, N, S)] = True  # every row may attend somewhere
    out, A = hl.hopfield_association(R, Y, WQ, WK, WV, beta=0.8, mask=mask, return_attention=True)
    assert np.all(A[~mask] == 0.0)
    assert np.allclose(A.sum(axis=-1), 1.0)
    Q, K = R @ WQ, Y @ WK
    ref = _reference_attention(Q.tolist(), K.tolist(), (K @ WV).tolist(), 0.8, mask.tolist())
    assert np.allclose(out, ref, rtol=1e-10, atol=1e-12)


def test_batching_matches_loop():
    rng = np.random.default_rng(0)
    R = rng.normal(size=(3, 2, 4, 5))  # batch dims (3, 2), S = 4
    Y = rng.normal(size=(3, 2, 6, 7))  # N = 6
    WQ, WK, WV = rng.normal(size=(5, 3)), rng.normal(size=(7, 3)), rng.normal(size=(3, 2))
    out = hl.hopfield_association(R, Y, WQ, WK, WV, beta=0.5, steps=2)
    assert out.shape == (3, 2, 4, 2)
    for a in range(3):
        for b in range(2):
            assert np.allclose(
                out[a, b], hl.hopfield_association(R[a, b], Y[a, b], WQ, WK, WV, beta=0.5, steps=2)
            )
    # stored patterns shared across the batch broadcast
    out2 = hl.hopfield_association(R, Y[0, 0], WQ, WK, WV, beta=0.5)
    assert np.allclose(out2[2, 1], hl.hopfield_association(R[2, 1], Y[0, 0], WQ, WK, WV, beta=0.5))


def test_large_beta_retrieves_best_stored_pattern():
    rng = np.random.default_rng(1)
    Y = rng.normal(size=(8, 4))
    R = Y[[3, 5]] + 0.01 * rng.normal(size=(2, 4))
    out = hl.hopfield_association(R, Y, beta=1e6)
    best = np.argmax(R @ Y.T, axis=1)
    assert np.allclose(out, Y[best], rtol=0, atol=1e-12)


def test_pooling_hand_and_equivalence():
    # pooled over instances (0,0),(ln 3, 0) with query (1, 0), beta 1: weights (1, 3)/4
    # pooled = 0.75 * (ln3, 0) = (0.823959..., 0)
    Y = np.array([[0.0, 0.0], [math.log(3), 0.0]])
    out = hl.hopfield_pooling(Y, np.array([1.0, 0.0]), beta=1.0)
    assert out.shape == (2,)
    assert np.allclose(out, [0.75 * math.log(3), 0.0], rtol=1e-14)
    rng = np.random.default_rng(2)
    Yb = rng.normal(size=(5, 9, 3))
    q = rng.normal(size=(2, 4))
    WK, WV = rng.normal(size=(3, 4)), rng.normal(size=(4, 6))
    out = hl.hopfield_pooling(Yb, q, WK, WV, beta=0.3)
    assert out.shape == (5, 2, 6)
    assert np.allclose(out, hl.hopfield_association(q, Yb, None, WK, WV, beta=0.3))


@given(st.integers(0, 2**32 - 1))
@settings(max_examples=30)
def test_pooling_is_permutation_invariant(seed):
    rng = np.random.default_rng(seed)
    Y = rng.normal(size=(7, 3))
    q = rng.normal(size=(2, 3))
    perm = rng.permutation(7)
    assert np.allclose(
        hl.hopfield_pooling(Y, q, beta=1.3), hl.hopfield_pooling(Y[perm], q, beta=1.3), rtol=1e-12
    )


def test_lookup_static_memory():
    # stored keys e1, e2 with values 10 and 20; query (ln 3, 0) at beta 1: weights (3,1)/4
    # output = 0.75 * 10 + 0.25 * 20 = 12.5
    keys = np.eye(2)
    vals = np.array([[10.0], [20.0]])
    out = hl.hopfield_lookup(np.array([[math.log(3), 0.0]]), keys, vals, beta=1.0)
    assert np.allclose(out, [[12.5]], rtol=1e-14)
    rng = np.random.default_rng(4)
    R = rng.normal(size=(2, 3, 5))
    WQ = rng.normal(size=(5, 4))
    stored = rng.normal(size=(6, 4))
    out = hl.hopfield_lookup(R, stored, W_Q=WQ, beta=0.9)
    assert np.allclose(out, hl.hopfield_association(R, stored, WQ, None, None, beta=0.9))


def test_bad_input_raises_value_error():
    R, Y = np.ones((2, 3)), np.ones((4, 3))
    with pytest.raises(ValueError, match="beta"):
        hl.hopfield_association(R, Y, beta=0.0)
    with pytest.raises(ValueError, match="beta"):
        hl.hopfield_association(R, Y, beta=-2.0)
    with pytest.raises(ValueError, match="NaN or inf"):
        hl.hopfield_association(np.array([[np.nan, 0, 0]]), Y)
    with pytest.raises(ValueError, match="NaN or inf"):
        hl.hopfield_association(R, Y, W_K=np.full((3, 3), np.inf))
    with pytest.raises(ValueError, match="W_Q"):
        hl.hopfield_association(R, Y, W_Q=np.ones((2, 3)))
    with pytest.raises(ValueError, match="associative space"):
        hl.hopfield_association(R, np.ones((4, 2)))
    with pytest.raises(ValueError, match="N = 0"):
        hl.hopfield_association(R, np.ones((0, 3)))
    with pytest.raises(ValueError, match="S = 0"):
        hl.hopfield_association(np.ones((0, 3)), Y)
    with pytest.raises(ValueError, match="steps"):
        hl.hopfield_association(R, Y, steps=0)
    with pytest.raises(ValueError, match="boolean"):
        hl.hopfield_association(R, Y, mask=np.ones((2, 4)))
    with pytest.raises(ValueError, match="all False"):
        hl.hopfield_association(R, Y, mask=np.zeros((2, 4), dtype=bool))
    with pytest.raises(ValueError, match="broadcast"):
        hl.hopfield_association(R, Y, mask=np.ones((3, 4), dtype=bool))
    with pytest.raises(ValueError, match="W_V"):
        hl.hopfield_association(R, Y, W_V=np.ones((2, 2)))
    with pytest.raises(ValueError, match="batch"):
        hl.hopfield_association(np.ones((2, 2, 3)), np.ones((3, 4, 3)))
    with pytest.raises(ValueError, match="V must"):
        hl.hopfield_lookup(R, np.ones((4, 3)), values=np.ones((5, 1)))
