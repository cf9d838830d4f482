"""Tests of pyref.ahop: variant distributions, MAP retrieval, adaptive similarity, A-Hop."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref import ahop as A

D, K = 16, 8


@pytest.fixture(scope="module")
def mem():
    return A.make_memories(K, D, seed=0)


def _variants(d, seed=1):
    rng = np.random.default_rng(seed)
    return {
        "noisy": A.Variant("noisy", sigma=np.where(np.arange(d) < d // 2, 0.8, 4.0)),
        "masked": A.Variant("masked", sigma=0.8, mask_prob=0.6),
        "biased": A.Variant("biased", sigma=1.2, bias=rng.normal(0, 2.0, d)),
    }


# --------------------------------------------------------------------------- hand examples
def test_log_likelihood_noisy_hand():
    m = np.array([[0.0], [2.0]])
    v = A.Variant("noisy", sigma=1.0)
    ll = A.log_likelihood(np.array([1.5]), m, v)
    # -(1.5-0)^2/2 = -1.125 ; -(1.5-2)^2/2 = -0.125
    assert np.allclose(ll - ll.max(), [-1.0, 0.0])
    assert A.map_retrieve(np.array([1.5]), m, v) == 1


def test_masked_map_ignores_masked_coordinates_hand():
    m = np.array([[5.0, 1.0], [-5.0, 3.0]])
    v = A.Variant("masked", sigma=1.0, mask_prob=0.5)
    x = np.array([0.0, 1.0])  # coordinate 0 masked
    ll = A.log_likelihood(x, m, v)
    # only coordinate 1: -(1-1)^2/2 = 0 ; -(1-3)^2/2 = -2
    assert np.allclose(ll - ll.max(), [0.0, -2.0])
    assert A.map_retrieve(x, m, v) == 0


def test_biased_map_beats_dot_product_hand():
    m = np.array([[0.0], [2.0]])
    v = A.Variant("biased", sigma=1.0, bias=np.array([1.0]))
    x = np.array([1.0])
    # MAP: residual x - b = 0 -> memory 0 (ll 0 vs -2); dot: 1*0 = 0 < 1*2 = 2 -> memory 1
    assert A.map_retrieve(x, m, v) == 0
    assert A.retrieve_index(x, m, A.dot_similarity) == 1


def test_prior_shifts_map():
    m = np.array([[0.0], [2.0]])
    v = A.Variant("noisy", sigma=1.0)
    x = np.array([1.0])  # equidistant: log-likelihoods equal
    assert A.map_retrieve(x, m, v, prior=[0.3, 0.7]) == 1
    assert A.map_retrieve(x, m, v, prior=[0.7, 0.3]) == 0


# --------------------------------------------------------------------------- generators
def test_variant_generators_statistics(mem):
    x, k = A.sample_variants(mem, A.Variant("masked", sigma=0.5, mask_prob=0.3), 4000, seed=2)
    frac = np.mean(x == 0)
    # Binomial(64000, 0.3): sd = sqrt(.3*.7/64000) ~ 0.0018; allow 5 sd
    assert abs(frac - 0.3) < 0.01
    b = np.linspace(-2, 2, D)
    x, k = A.sample_variants(mem, A.Variant("biased", sigma=0.5, bias=b), 4000, seed=3)
    # mean residual = b; sd of the mean = 0.5 / sqrt(4000) ~ 0.008
    assert np.allclose((x - mem[k]).mean(0), b, atol=0.05)
    assert set(np.unique(k).tolist()) == set(range(K))
    x, k = A.sample_variants(mem, A.Variant("noisy", sigma=2.0), 4000, seed=4)
    assert abs((x - mem[k]).std() - 2.0) < 0.05


def test_generators_are_seeded(mem):
    v = _variants(D)["biased"]
    a = A.sample_variants(mem, v, 10, seed=9)
    b = A.sample_variants(mem, v, 10, seed=9)
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])


# --------------------------------------------------------------------------- the family
@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 2**31 - 1), kind=st.sampled_from(["noisy", "masked", "biased"]))
def test_oracle_member_equals_log_likelihood_up_to_row_constant(mem, seed, kind):
    v = _variants(D, seed % 1000)[kind]
    x, _ = A.sample_variants(mem, v, 30, seed=seed)
    diff = A.oracle_similarity(v, D)(x, mem) - A.log_likelihood(x, mem, v)
    assert np.allclose(diff - diff[:, :1], 0.0, atol=1e-8)


def test_footprint_matches_score(mem):
    rng = np.random.default_rng(0)
    sim = A.AdaptiveSimilarity(rng.normal(size=D), rng.normal(size=D), rng.normal(size=D))
    x, _ = A.sample_variants(mem, _variants(D)["masked"], 5, seed=1)
    phi = A.footprint(x, mem)  # (5, K, 3, D)
    theta = np.stack([sim.alpha, sim.beta, sim.gamma])
    assert np.allclose(np.einsum("tkcd,cd->tk", phi, theta), sim(x, mem))


# --------------------------------------------------------------------------- learning
@pytest.fixture(scope="module")
def table(mem):
    """Fit on 1500 context samples per variant, evaluate on 3000 fresh queries."""
    rng = np.random.default_rng(7)
    out = {}
    for name, v in _variants(D).items():
        xc, kc = A.sample_variants(mem, v, 1500, seed=rng)
        sim = A.fit_adaptive_similarity(xc, kc, mem)
        xt, kt = A.sample_variants(mem, v, 3000, seed=rng)
        out[name] = dict(
            sim=sim, xc=xc, kc=kc, v=v,
            dot=A.accuracy(A.retrieve_index(xt, mem, A.dot_similarity), kt),
            adaptive=A.accuracy(A.retrieve_index(xt, mem, sim), kt),
            map=A.accuracy(A.map_retrieve(xt, mem, v), kt),
            agree=float(np.mean(A.retrieve_index(xt, mem, sim) == A.map_retrieve(xt, mem, v))),
        )
    return out


@pytest.mark.parametrize("kind", ["noisy", "masked", "biased"])
def test_adaptive_approaches_map(table, kind):
    r = table[kind]
    assert r["adaptive"] >= r["map"] - 0.03
    assert r["agree"] >= 0.93
    # the fixed dot-product similarity is clearly worse in these contexts
    assert r["dot"] <= r["map"] - 0.1


@pytest.mark.parametrize("kind", ["noisy", "masked", "biased"])
def test_fit_reaches_the_convex_minimum(mem, table, kind):
    """Training cross-entropy of the fit is <= that of the exact log-likelihood member."""
    r = table[kind]

    def ce(sim):
        s = sim(r["xc"], mem)
        s = s - s.max(1, keepdims=True)
        return -np.mean(s[np.arange(len(r["kc"])), r["kc"]] - np.log(np.exp(s).sum(1)))

    theta = np.concatenate([r["sim"].alpha, r["sim"].beta, r["sim"].gamma])
    assert ce(r["sim"]) <= ce(A.oracle_similarity(r["v"], D)) + 0.5e-6 * theta @ theta + 1e-9


def test_map_is_best_on_average(table):
    for r in table.values():
        assert r["map"] >= r["dot"] and r["map"] >= r["adaptive"] - 0.01


# --------------------------------------------------------------------------- retrieval
def test_ahop_readout_is_convex_combination_and_stable(mem):
    x, _ = A.sample_variants(mem, _variants(D)["noisy"], 4, seed=3)
    out, idx = A.ahop_retrieve(x, mem, A.dot_similarity, beta=0.1)
    w = np.linalg.lstsq(mem.T, out.T, rcond=None)[0]
    assert np.allclose(w.sum(0), 1.0) and np.all(w > -1e-9)
    out, idx = A.ahop_retrieve(x, mem, A.dot_similarity, beta=1e12)  # no overflow
    assert np.all(np.isfinite(out)) and np.allclose(out, mem[idx])
    one, i1 = A.ahop_retrieve(x[0], mem, A.neg_sq_distance)
    assert one.shape == (D,) and i1 == A.retrieve_index(x[:1], mem, A.neg_sq_distance)[0]


def test_similarities_hand():
    m = np.array([[1.0, 0.0], [0.0, 2.0]])
    x = np.array([1.0, 1.0])
    assert np.allclose(A.dot_similarity(x, m), [1.0, 2.0])
    # -||x - m_k||^2 = -(0 + 1) = -1 ; -(1 + 1) = -2
    assert np.allclose(A.neg_sq_distance(x, m), [-1.0, -2.0])


# --------------------------------------------------------------------------- validation
@pytest.mark.parametrize("kwargs", [
    dict(kind="blurred"), dict(kind="noisy", sigma=0.0), dict(kind="noisy", sigma=-1),
    dict(kind="noisy", sigma=np.nan), dict(kind="masked", mask_prob=1.0),
    dict(kind="masked", mask_prob=-0.1), dict(kind="noisy", mask_prob=0.5),
    dict(kind="biased"), dict(kind="noisy", bias=[1.0]),
])
def test_variant_validation(kwargs):
    with pytest.raises(ValueError):
        A.Variant(**kwargs)


def test_input_validation(mem):
    v = _variants(D)["noisy"]
    with pytest.raises(ValueError, match="dimension"):
        A.log_likelihood(np.ones(D + 1), mem, v)
    with pytest.raises(ValueError, match="NaN"):
        A.dot_similarity(np.full(D, np.nan), mem)
    with pytest.raises(ValueError, match="empty"):
        A.map_retrieve(np.ones(D), np.zeros((0, D)), v)
    with pytest.raises(ValueError, match="sigma"):
        A.sample_variants(mem, A.Variant("noisy", sigma=np.ones(D + 1)), 3, seed=0)
    with pytest.raises(ValueError, match="origins"):
        A.fit_adaptive_similarity(np.ones((3, D)), np.array([0, 1, K]), mem)
    with pytest.raises(ValueError, match="beta"):
        A.ahop_retrieve(np.ones(D), mem, A.dot_similarity, beta=0)
    with pytest.raises(ValueError, match="seed"):
        A.sample_variants(mem, v, 3, seed=-1)
    with pytest.raises(ValueError, match="prior"):
        A.map_retrieve(np.ones(D), mem, v, prior=np.ones(K))
    with pytest.raises(ValueError):
        A.accuracy([1, 2], [1])
