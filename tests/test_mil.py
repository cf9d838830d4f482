"""Tests of streamed modern-Hopfield MIL pooling (pyref.mil).

Python-only part of the spec; property-tested, not Lean-proved.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref import layers as hl
from pyref import mil
from pyref import modern as mo


def test_hand_computed_bag():
    # instances y = 0 and y = ln 3 (d = 1), query 1, beta = 1: scores (0, ln 3),
    # weights (1, 3)/4, pooled = 0.75 ln 3 = 0.8239592165..., lse = log(1 + 3) = log 4
    Y = np.array([[0.0], [math.log(3)]])
    for res in (
        mil.attention_pool(Y, np.array([1.0]), 1.0),
        mil.attention_pool_streamed([Y[:1], Y[1:]], np.array([1.0]), 1.0),
    ):
        assert res.pooled.shape == (1, 1)
        assert res.pooled[0, 0] == pytest.approx(0.75 * math.log(3), rel=1e-14)
        assert res.lse[0] == pytest.approx(math.log(4), rel=1e-14)
        assert res.n_instances == 2


@st.composite
def bag_problem(draw):
    n = draw(st.integers(1, 400))
    d = draw(st.integers(1, 5))
    dk = draw(st.integers(1, 4))
    dv = draw(st.integers(1, 4))
    S = draw(st.integers(1, 3))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    scale = draw(st.sampled_from([0.1, 1.0, 10.0]))
    Y = rng.normal(0, scale, (n, d))
    q = rng.normal(size=(S, dk))
    WK = rng.normal(size=(d, dk))
    WV = rng.normal(size=(dk, dv))
    beta = 10.0 ** draw(st.floats(-2, 3))
    chunk = draw(st.integers(1, 128))
    return Y, q, WK, WV, beta, chunk


@given(bag_problem())
@settings(max_examples=60)
def test_streamed_equals_one_shot(prob):
    Y, q, WK, WV, beta, chunk = prob
    one = mil.attention_pool(Y, q, beta, WK, WV)
    strm = mil.attention_pool_streamed(mil.array_chunks(Y, chunk), q, beta, WK, WV)
    assert strm.n_instances == one.n_instances == Y.shape[0]
    scale = 1.0 + np.max(np.abs(one.pooled))
    assert np.allclose(strm.pooled, one.pooled, rtol=1e-11, atol=1e-12 * scale)
    assert np.allclose(strm.lse, one.lse, rtol=1e-12, atol=1e-12)
    # the one-shot result is Hopfield pooling, and lse is the modern-Hopfield log-sum-exp
    assert np.allclose(
        one.pooled, hl.hopfield_pooling(Y, q, WK, WV, beta=beta), rtol=1e-10, atol=1e-12 * scale
    )
    for s in range(q.shape[0]):
        assert one.lse[s] == pytest.approx(mo.lse(beta, (Y @ WK) @ q[s]), rel=1e-12, abs=1e-12)


@given(st.integers(0, 2**32 - 1), st.integers(1, 50))
@settings(max_examples=30)
def test_chunk_order_and_instance_order_do_not_matter(seed, chunk):
    rng = np.random.default_rng(seed)
    Y = rng.normal(size=(120, 3))
    q = rng.normal(size=(2, 3))
    a = mil.attention_pool_streamed(mil.array_chunks(Y, chunk), q, 2.0)
    chunks = list(mil.array_chunks(Y, chunk))[::-1]
    b = mil.attention_pool_streamed(chunks, q, 2.0)
    c = mil.attention_pool_streamed(mil.array_chunks(Y[rng.permutation(120)], chunk), q, 2.0)
    for r in (b, c):
        assert np.allclose(r.pooled, a.pooled, rtol=1e-12, atol=1e-14)
        assert np.allclose(r.lse, a.lse, rtol=1e-13)


def test_large_beta_and_large_norms_stay_finite():
    rng = np.random.default_rng(9)
    Y = rng.normal(size=(5000, 4)) * 1e3
    q = rng.normal(size=(1, 4))
    for beta in (1e-3, 1.0, 1e3, 1e6):
        one = mil.attention_pool(Y, q, beta)
        strm = mil.attention_pool_streamed(mil.array_chunks(Y, 333), q, beta)
        assert np.all(np.isfinite(strm.pooled)) and np.all(np.isfinite(strm.lse))
        assert np.allclose(strm.pooled, one.pooled, rtol=1e-10, atol=1e-9)
    # at beta = 1e6 the pooling picks the best-matching instance
    best = np.argmax(Y @ q[0])
    assert np.allclose(
        mil.attention_pool_streamed(mil.array_chunks(Y, 333), q, 1e6).pooled[0], Y[best], atol=1e-9
    )


def test_synthetic_bag_is_reproducible_and_planted():
    a = np.concatenate(list(mil.synthetic_bag_chunks(1000, 3, 64, seed=5, witness_every=10)))
    b = np.concatenate(list(mil.synthetic_bag_chunks(1000, 3, 64, seed=5, witness_every=10)))
    assert a.shape == (1000, 3) and np.array_equal(a, b)
    c = np.concatenate(list(mil.synthetic_bag_chunks(1000, 3, 64, seed=5)))
    diff = a - c  # only the first coordinate of every 10th instance carries the +3 shift
    assert np.allclose(diff[::10, 0], 3.0) and np.count_nonzero(diff) == 100
    # a query aligned with the planted direction pools mostly witnesses at high beta
    r = mil.attention_pool_streamed(
        mil.synthetic_bag_chunks(1000, 3, 64, seed=5, witness_every=10), np.array([1.0, 0, 0]), 5.0
    )
    assert r.pooled[0, 0] > 3.0


def test_streamed_equals_one_shot_on_large_bag():
    # 2 * 10^5 instances, 17 chunks of 12_000 (last one shorter)
    n, d = 200_000, 8
    Y = np.concatenate(list(mil.synthetic_bag_chunks(n, d, 12_000, seed=1, witness_every=1000)))
    q = np.ones((2, d)) / math.sqrt(d)
    q[1, 0] = 2.0
    one = mil.attention_pool(Y, q, 3.0)
    strm = mil.attention_pool_streamed(
        mil.synthetic_bag_chunks(n, d, 12_000, seed=1, witness_every=1000), q, 3.0
    )
    assert strm.n_instances == n
    assert np.allclose(strm.pooled, one.pooled, rtol=1e-11, atol=1e-13)
    assert np.allclose(strm.lse, one.lse, rtol=1e-13)


def test_memory_independent_of_bag_size():
    d, chunk = 16, 2000
    chunk_bytes = chunk * d * 8  # 256 kB per chunk of float64
    peak_small, r_small = mil.streaming_peak_memory(20_000, d, chunk, seed=0)
    peak_large, r_large = mil.streaming_peak_memory(200_000, d, chunk, seed=0)
    assert r_small.n_instances == 20_000 and r_large.n_instances == 200_000
    # ten times more instances, (essentially) the same peak: a few chunks, never the bag
    assert peak_large <= 1.25 * peak_small + 64 * 1024
    assert peak_large <= 8 * chunk_bytes
    assert peak_large < 200_000 * d * 8 / 10  # far below the one-shot bag (25.6 MB)


def test_bad_input_raises_value_error():
    q = np.ones((1, 2))
    with pytest.raises(ValueError, match="empty"):
        mil.attention_pool(np.ones((0, 2)), q, 1.0)
    with pytest.raises(ValueError, match="empty"):
        mil.attention_pool_streamed([], q, 1.0)
    with pytest.raises(ValueError, match="empty"):
        mil.attention_pool_streamed([np.ones((0, 2))], q, 1.0)
    with pytest.raises(ValueError, match="beta"):
        mil.attention_pool(np.ones((3, 2)), q, 0.0)
    with pytest.raises(ValueError, match="beta"):
        mil.attention_pool_streamed([np.ones((3, 2))], q, -1.0)
    with pytest.raises(ValueError, match="NaN or inf"):
        mil.attention_pool_streamed([np.ones((3, 2)), np.array([[np.nan, 1.0]])], q, 1.0)
    with pytest.raises(ValueError, match="dimension"):
        mil.attention_pool(np.ones((3, 3)), q, 1.0)
    with pytest.raises(ValueError, match="W_K"):
        mil.attention_pool(np.ones((3, 3)), q, 1.0, W_K=np.ones((3, 4)))
    with pytest.raises(ValueError, match="W_V"):
        mil.attention_pool(np.ones((3, 2)), q, 1.0, W_V=np.ones((3, 4)))
    with pytest.raises(ValueError, match="chunk_size"):
        list(mil.array_chunks(np.ones((3, 2)), 0))
    with pytest.raises(ValueError, match="n_instances"):
        list(mil.synthetic_bag_chunks(0, 2, 10, seed=0))


# --------------------------------------------------------------------------- issue 18
@pytest.mark.parametrize(
    "kwargs",
    [
        dict(n_instances=0),
        dict(dim=0),
        dict(chunk_size=-1),
        dict(witness_every=-2),
        dict(seed=-1),
        dict(seed=1.5),
        dict(shift=float("nan")),
        dict(witness_every=True),
    ],
)
def test_synthetic_bag_chunks_validates_when_called(kwargs):
    args = {"n_instances": 10, "dim": 2, "chunk_size": 4, "seed": 0, **kwargs}
    with pytest.raises(ValueError):
        mil.synthetic_bag_chunks(**args)  # raised at the call, without iterating


@pytest.mark.parametrize("size", [0, -3, 2.5, True])
def test_array_chunks_validates_when_called(size):
    with pytest.raises(ValueError):
        mil.array_chunks(np.zeros((5, 2)), size)
    with pytest.raises(ValueError):
        mil.array_chunks(np.zeros(5), 2)  # not (N, d)


# --------------------------------------------------------------------------- DeepRC pooling
def _bag(n=500, d=4, seed=0):
    rng = np.random.default_rng(seed)
    Y = rng.standard_normal((n, d))
    Y[::50, 0] += 3.0  # a few witnesses
    return Y


def test_deeprc_full_fraction_is_exact_embedding_pooling():
    Y = _bag()
    rng = np.random.default_rng(1)
    Wk = rng.standard_normal((4, 4)) + 3 * np.eye(4)  # invertible key map
    q = rng.standard_normal((2, 4))
    ref = mil.embedding_pool(Y, q, 1.5, lambda y: y @ Wk)
    # independent route: hflayers-style pooling with values K W_V = Y Wk Wk^-1 = Y
    hf = mil.attention_pool(Y, q, 1.5, W_K=Wk, W_V=np.linalg.inv(Wk))
    assert np.allclose(ref.pooled, hf.pooled, atol=1e-10)
    assert np.allclose(ref.lse, hf.lse, atol=1e-10)
    got = mil.deeprc_pool(Y, q, 1.5, lambda y: y @ Wk, top_fraction=1.0, chunk_size=77)
    assert np.allclose(got.pooled, ref.pooled, atol=1e-12)
    assert got.kept.shape == (2, 500) and got.n_used == 500


def test_deeprc_keeps_the_top_fraction_and_obeys_the_tail_identity():
    Y = _bag(n=1000)
    q = np.array([1.0, 0.5, 0.0, 0.0])
    beta = 2.0
    res = mil.deeprc_pool(Y, q, beta, top_fraction=0.1)
    z = Y @ q
    kept = res.kept[0]
    assert kept.size == 100 and np.unique(kept).size == 100
    assert z[kept].min() >= np.delete(z, kept).max()  # the kept are the top scores
    w = np.exp(beta * (z - z.max()))
    w /= w.sum()
    mask = np.zeros(1000, dtype=bool)
    mask[kept] = True
    tau = w[~mask].sum()
    ybar_k = (w[mask] @ Y[mask]) / w[mask].sum()
    ybar_d = (w[~mask] @ Y[~mask]) / w[~mask].sum()
    exact = mil.embedding_pool(Y, q, beta).pooled[0]
    delta = res.pooled[0] - exact
    assert np.allclose(delta, tau * (ybar_k - ybar_d), atol=1e-12)
    assert np.linalg.norm(delta) <= 2 * tau * np.linalg.norm(Y, axis=1).max()


def test_deeprc_subsampling_is_seeded_and_a_no_op_for_small_bags():
    Y = _bag(n=300)
    q = np.array([1.0, 0, 0, 0])
    a = mil.deeprc_pool(Y, q, 1.0, n_subsample=100, seed=4)
    b = mil.deeprc_pool(Y, q, 1.0, n_subsample=100, seed=4)
    c = mil.deeprc_pool(Y, q, 1.0, n_subsample=100, seed=5)
    assert a.n_used == 100 and a.kept.shape == (1, 10)
    assert np.array_equal(a.pooled, b.pooled) and not np.array_equal(a.kept, c.kept)
    rep = mil.deeprc_pool(Y, q, 1.0, n_subsample=100, seed=4, replace=True)
    assert rep.n_used < 100 and rep.kept.shape == (1, rep.n_used // 10)  # duplicates dropped
    assert np.unique(rep.kept).size == rep.kept.size
    full = mil.deeprc_pool(Y, q, 1.0)
    same = mil.deeprc_pool(Y, q, 1.0, n_subsample=300, seed=0)
    assert np.array_equal(full.pooled, same.pooled)


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(top_fraction=0.0),
        dict(top_fraction=1.5),
        dict(top_fraction="0.1"),
        dict(n_subsample=0),
        dict(chunk_size=0),
        dict(seed=-1),
        dict(replace=1),
        dict(key_fn=lambda y: y[:, :2]),
        dict(key_fn=lambda y: y * np.nan),
    ],
)
def test_deeprc_rejects_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        mil.deeprc_pool(_bag(n=20), np.ones(4), 1.0, **kwargs)


def test_deeprc_rejects_non_callable_key_fn():
    with pytest.raises(TypeError):
        mil.deeprc_pool(_bag(n=20), np.ones(4), 1.0, key_fn=3)


def test_deeprc_pooling_overflow_is_refused():
    Y = np.full((4, 2), 1.5e308)
    Y[:, 1] = 0.0
    with pytest.raises(ValueError):
        mil.embedding_pool(Y, np.array([0.0, 1.0]), 1.0)  # scores 0, values sum to inf
