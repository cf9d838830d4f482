"""Property tests of the modern continuous Hopfield network (pyref.modern).

Ramsauer et al. 2020 (arXiv 2008.02217).  Python-only part of the spec: these are tests,
not Lean proofs.  Patterns are the columns of X (shape (d, N)).
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pyref import modern as mo

# ---------------------------------------------------------------------------
# strategies
# ---------------------------------------------------------------------------


@st.composite
def patterns_and_state(draw, min_n: int = 1, max_n: int = 6, max_d: int = 6, scale: float = 3.0):
    d = draw(st.integers(1, max_d))
    n = draw(st.integers(min_n, max_n))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    X = rng.normal(0.0, scale, (d, n))
    xi = rng.normal(0.0, scale, d)
    beta = draw(st.floats(-2.0, 2.0).map(lambda t: 10.0**t))
    return X, xi, beta


def _tol(X: np.ndarray, xi: np.ndarray) -> float:
    """Absolute rounding tolerance for energies of size ~ M^2 + ||xi||^2."""
    M = float(np.max(np.linalg.norm(X, axis=0)))
    return 1e-11 * (1.0 + M * M + float(xi @ xi))


# ---------------------------------------------------------------------------
# hand-computed values
# ---------------------------------------------------------------------------


def test_energy_and_update_hand_computed():
    # X = (e1, e2), xi = e1, beta = 1: X^T xi = (1, 0), M = 1, N = 2
    # E = -log(e + 1) + 1/2 + log 2 + 1/2 = 1 + log(2/(1+e))
    #   = 1 + log(0.5378828427...) = 1 - 0.6201145069... = 0.3798854930...
    X = np.eye(2)
    xi = np.array([1.0, 0.0])
    assert mo.energy(X, xi, 1.0) == pytest.approx(0.3798854930417225, rel=1e-12)
    # softmax(1, 0) = (e/(1+e), 1/(1+e)) = (0.7310585786..., 0.2689414213...)
    assert np.allclose(mo.update(X, xi, 1.0), [0.7310585786300049, 0.2689414213699951], rtol=1e-12)


def test_lse_hand_and_bounds():
    # lse(beta, (0, 0)) = log(2)/beta
    assert mo.lse(2.0, np.array([0.0, 0.0])) == pytest.approx(math.log(2) / 2, rel=1e-14)
    # large beta: lse(1e6, (1000, 999)) = 1000 + log(1 + e^-1e6)/1e6 = 1000 (to double precision)
    assert mo.lse(1e6, np.array([1000.0, 999.0])) == 1000.0
    # no overflow where naive exp(beta z) = exp(1e12) would overflow
    assert mo.lse(1e9, np.array([1000.0, -5.0, 3.0])) == pytest.approx(1000.0, rel=1e-15)


@given(st.integers(0, 10_000), st.integers(1, 8), st.floats(-3, 3))
@settings(max_examples=50)
def test_lse_between_max_and_max_plus_logN(seed, n, logb):
    beta = 10.0**logb
    z = np.random.default_rng(seed).normal(0, 10, n)
    v = mo.lse(beta, z)
    assert np.max(z) - 1e-12 * (1 + abs(np.max(z))) <= v
    assert v <= np.max(z) + math.log(n) / beta + 1e-12 * (1 + abs(np.max(z)))


def test_separation_hand_computed():
    # columns x1 = (2,0), x2 = (1,1), x3 = (0,-1)
    # Gram: x1.x1=4, x1.x2=2, x1.x3=0; x2.x2=2, x2.x3=-1; x3.x3=1
    # Delta_1 = 4 - max(2, 0) = 2; Delta_2 = 2 - max(2, -1) = 0; Delta_3 = 1 - max(0, -1) = 1
    X = np.array([[2.0, 1.0, 0.0], [0.0, 1.0, -1.0]])
    assert np.allclose(mo.separation(X), [2.0, 0.0, 1.0])
    assert mo.separation(X, 2) == 1.0
    # seen from xi = (1, 0): X^T xi = (2, 1, 0): Delta~_1 = 2 - 1 = 1
    assert mo.query_separation(X, 0, np.array([1.0, 0.0])) == 1.0
    # epsilon = (N-1) exp(-beta Delta~) = 2 exp(-1) at beta = 1
    assert mo.epsilon(X, 0, np.array([1.0, 0.0]), 1.0) == pytest.approx(2 * math.exp(-1), rel=1e-14)


def test_threshold_and_radius_hand_computed():
    # N = 2, M = 1, beta = 1: 2/(1*2) + log(2*1*2*1*1) = 1 + log 4 = 2.386294361...
    assert mo.separation_threshold(2, 1.0, 1.0) == pytest.approx(1 + math.log(4), rel=1e-14)
    # 1/(beta N M) = 1/(2*3*0.5) = 1/3
    assert mo.sphere_radius(3, 0.5, 2.0) == pytest.approx(1 / 3, rel=1e-14)


def test_storage_capacity_matches_paper_constants():
    # Theorem 3 example 1: beta=1, K=3, d=20, p=0.001.
    # a = 2/19 (1 + ln(2*1*9*0.001*19)) = 2/19 (1 + ln 0.342) = 2/19 (1 - 1.072945) = -0.0076784
    # b = 2*9*1/5 = 3.6; the paper reports a + ln b > 1.27 and c >= 3.1546
    r = mo.storage_capacity(20, 1.0, 3.0, 0.001)
    assert r.a == pytest.approx(-0.0076784, abs=1e-6)
    assert r.b == pytest.approx(3.6, rel=1e-14)
    assert r.a + math.log(r.b) > 1.27
    assert math.floor(r.c * 1e4) / 1e4 == 3.1546  # paper: c >= 3.1546 (truncated)
    assert r.condition_holds
    # N >= sqrt(p) c^((d-1)/4) = 0.0316228 * 3.1546^4.75
    assert r.n_storable == pytest.approx(math.sqrt(0.001) * r.c**4.75, rel=1e-12)
    # example 2: beta=1, K=1, d=75, p=0.001: a + ln b < -0.94 and c >= 1.3718
    r2 = mo.storage_capacity(75, 1.0, 1.0, 0.001)
    assert r2.a + math.log(r2.b) < -0.94
    assert math.floor(r2.c * 1e4) / 1e4 == 1.3718  # paper: c >= 1.3718 (truncated)
    # c solves c = b / W0(exp(a + ln b)), i.e. (b/c) exp(b/c) = exp(a) b
    w = r2.b / r2.c
    assert w * math.exp(w) == pytest.approx(math.exp(r2.a) * r2.b, rel=1e-12)


def test_lambert_w0_values():
    assert mo.lambert_w0(0.0) == 0.0
    assert mo.lambert_w0(math.e) == pytest.approx(1.0, rel=1e-14)  # 1 * e^1 = e
    assert mo.lambert_w0(2 * math.e**2) == pytest.approx(2.0, rel=1e-14)  # 2 e^2
    assert mo.lambert_w0(-1 / math.e) == pytest.approx(-1.0, abs=1e-7)  # branch point
    assert mo.lambert_w0(-math.log(2) / 2) == pytest.approx(-math.log(2), rel=1e-12)  # -ln2 * 1/2


@given(st.floats(-1 / math.e + 1e-9, 1e12))
@settings(max_examples=60)
def test_lambert_w0_inverts(x):
    w = mo.lambert_w0(x)
    assert w >= -1.0
    assert w * math.exp(w) == pytest.approx(x, rel=1e-9, abs=1e-12)


# ---------------------------------------------------------------------------
# energy bounds, CCCP descent, convergence (Theorems 1, 2 and Lemma A1 bounds)
# ---------------------------------------------------------------------------


@given(patterns_and_state())
def test_energy_nonnegative_and_bounded_on_hull(data):
    X, xi, beta = data
    tol = _tol(X, xi)
    M = float(np.max(np.linalg.norm(X, axis=0)))
    assert mo.energy(X, xi, beta) >= -tol
    # after one update xi lies in the convex hull of the patterns: 0 <= E <= 2 M^2
    x1 = mo.update(X, xi, beta)
    assert np.linalg.norm(x1) <= M * (1 + 1e-12)
    assert -tol <= mo.energy(X, x1, beta) <= 2 * M * M + tol


@given(patterns_and_state())
def test_energy_never_increases_under_update(data):
    X, xi, beta = data
    tol = _tol(X, xi)
    e = mo.energy(X, xi, beta)
    for _ in range(5):
        xi = mo.update(X, xi, beta)
        e_new = mo.energy(X, xi, beta)
        assert e_new <= e + tol
        e = e_new


@given(patterns_and_state(scale=1.0))
@settings(max_examples=60)
def test_iteration_converges_to_fixed_point(data):
    X, xi, beta = data
    res = mo.retrieve(X, xi, beta, max_steps=20_000, tol=1e-10)
    assert res.converged
    M = max(1.0, float(np.max(np.linalg.norm(X, axis=0))))
    assert np.linalg.norm(mo.update(X, res.state, beta) - res.state) <= 1e-9 * M
    # the fixed point has energy no larger than the start
    assert mo.energy(X, res.state, beta) <= mo.energy(X, xi, beta) + _tol(X, xi)


def test_batch_of_states_matches_columns():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(4, 5))
    Xi = rng.normal(size=(4, 3))
    U = mo.update(X, Xi, 0.7)
    E = mo.energy(X, Xi, 0.7)
    for s in range(3):
        assert np.allclose(U[:, s], mo.update(X, Xi[:, s], 0.7), rtol=1e-14)
        assert E[s] == pytest.approx(mo.energy(X, Xi[:, s], 0.7), rel=1e-14)


# ---------------------------------------------------------------------------
# retrieval (Theorems 4 and 5)
# ---------------------------------------------------------------------------


@given(patterns_and_state(min_n=2), st.data())
def test_theorem5_bound_holds_for_every_query(data, extra):
    X, xi, beta = data
    n = X.shape[1]
    i = extra.draw(st.integers(0, n - 1))
    # a query near x_i (the bound holds for every xi, it is small only near x_i)
    t = extra.draw(st.floats(0.0, 1.0))
    q = X[:, i] + t * (xi - X[:, i])
    err = float(np.linalg.norm(mo.update(X, q, beta) - X[:, i]))
    M = float(np.max(np.linalg.norm(X, axis=0)))
    slack = 1e-12 * (1 + M)
    assert err <= mo.retrieval_error_bound(X, i, q, beta) + slack
    # epsilon form: softmax_i >= 1 - eps and ||f(xi) - x_i|| <= 2 eps M
    eps = mo.epsilon(X, i, q, beta)
    p = mo.softmax(X.T @ q, beta)
    assert p[i] >= 1 - eps - 1e-12
    assert err <= 2 * eps * M + slack


@st.composite
def well_separated_memory(draw):
    """Nearly orthogonal patterns with norms in [1, 3] and a large beta."""
    d = draw(st.integers(2, 8))
    n = draw(st.integers(2, d))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    Q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    X = Q[:, :n] * rng.uniform(1.0, 3.0, n) + 0.05 * rng.normal(size=(d, n))
    beta = draw(st.floats(1.3, 4.0).map(lambda t: 10.0**t))
    i = draw(st.integers(0, n - 1))
    u = rng.normal(size=d)
    u /= np.linalg.norm(u)
    frac = draw(st.floats(0.0, 1.0))
    return X, beta, i, u, frac


@given(well_separated_memory())
@settings(max_examples=60)
def test_one_update_retrieves_well_separated_pattern(data):
    X, beta, i, u, frac = data
    assume(mo.well_separated(X, i, beta))
    n = X.shape[1]
    M = mo.max_norm(X)
    r = mo.sphere_radius(n, M, beta)
    xi = X[:, i] + frac * r * u  # a query in the sphere S_i
    fx = mo.update(X, xi, beta)
    # Theorem 5: exponentially small error after ONE update
    assert np.linalg.norm(fx - X[:, i]) <= mo.retrieval_error_bound(X, i, xi, beta) + 1e-12 * M
    # the image stays in S_i (f maps S_i into itself under the separation condition)
    assert np.linalg.norm(fx - X[:, i]) <= r * (1 + 1e-9)
    # the fixed point x_i* in S_i, and Theorem 4: ||f(xi) - x*|| <= ||J^m|| ||xi - x*|| with
    # the paper's bound on ||J^m||, which the separation condition makes <= 1
    res = mo.retrieve(X, xi, beta, tol=1e-13)
    assert res.converged
    x_star = res.state
    assert np.linalg.norm(x_star - X[:, i]) <= r * (1 + 1e-9)
    jb = mo.one_update_contraction_bound(X, i, xi, x_star, beta)
    assert jb <= 1.0 + 1e-9
    assert np.linalg.norm(fx - x_star) <= jb * np.linalg.norm(xi - x_star) + 1e-12 * M
    # Theorem 5 second form for queries within 1/(2 beta M) of x_i
    if frac * r <= 1 / (2 * beta * M):
        assert np.linalg.norm(fx - X[:, i]) <= mo.retrieval_error_bound_near(X, i, beta) + 1e-12 * M


def test_well_separated_example_and_counterexample():
    # orthonormal patterns e1, e2, e3: Delta_i = 1.  Threshold at beta = 20, N = 3, M = 1:
    # 2/60 + log(2*2*3*20*1)/20 = 0.0333 + log(240)/20 = 0.0333 + 0.2740 = 0.3074 <= 1
    X = np.eye(3)
    assert mo.well_separated(X, 0, 20.0)
    # at beta = 1: 2/3 + log(12) = 0.667 + 2.485 = 3.15 > 1: not well separated
    assert not mo.well_separated(X, 0, 1.0)
    # and one update from the sphere retrieves e1 to within the Theorem 5 bound
    xi = np.array([1.0, 0.01, 0.0])
    err = np.linalg.norm(mo.update(X, xi, 20.0) - X[:, 0])
    # bound: 2 * 2 * exp(-20 (1 - 2*0.01*1)) * 1 = 4 exp(-19.6) = 1.23e-8
    assert mo.retrieval_error_bound(X, 0, xi, 20.0) == pytest.approx(4 * math.exp(-19.6), rel=1e-12)
    assert err <= 4 * math.exp(-19.6)


# ---------------------------------------------------------------------------
# numerical stability (large beta, large norms)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("beta", [1e-6, 1e-3, 1.0, 1e3, 1e6, 1e9, 1e12, 1e100, 1e300])
@pytest.mark.parametrize("norm", [1.0, 1e3, 1e4])
def test_no_overflow_large_beta_and_norms(beta, norm):
    rng = np.random.default_rng(11)
    X = rng.normal(size=(8, 20)) * norm
    xi = rng.normal(size=8) * norm
    e0 = mo.energy(X, xi, beta)
    x1 = mo.update(X, xi, beta)
    e1 = mo.energy(X, x1, beta)
    assert np.isfinite(e0) and np.isfinite(e1) and np.all(np.isfinite(x1))
    tol = _tol(X, xi)
    assert e0 >= -tol and e1 <= e0 + tol
    M = mo.max_norm(X)
    assert np.linalg.norm(x1) <= M * (1 + 1e-12)


def test_large_beta_retrieves_best_match_exactly():
    # at beta = 1e6 the softmax is one-hot on argmax_i x_i . xi (margin here ~ 1e5)
    rng = np.random.default_rng(5)
    X = rng.normal(size=(6, 10)) * 1e3
    xi = X[:, 4] + rng.normal(size=6)
    assert np.argmax(X.T @ xi) == 4
    assert np.array_equal(mo.update(X, xi, 1e6), X[:, 4])


# ---------------------------------------------------------------------------
# discrete states: reduction to the exponential dense associative memory
# ---------------------------------------------------------------------------


def _dam_exp_energy(P_rows: np.ndarray, s: np.ndarray, beta: float) -> float:
    """Straightforward exponential DAM energy -sum_mu exp(beta x_mu . s) (Demircigil et al.)."""
    return -sum(math.exp(beta * float(np.dot(p, s))) for p in P_rows)


@given(st.integers(2, 6), st.integers(1, 5), st.integers(0, 10_000),
       st.sampled_from([0.1, 0.5, 1.0, 2.0]))
@settings(max_examples=40)
def test_discrete_states_reduce_to_dense_associative_memory(d, n, seed, beta):
    rng = np.random.default_rng(seed)
    X = rng.choice([-1.0, 1.0], size=(d, n))  # binary patterns as columns; M^2 = d
    states = [np.array(s, dtype=float) for s in itertools.product([-1.0, 1.0], repeat=d)]
    e_mod = np.array([mo.energy(X, s, beta) for s in states])
    e_dam = np.array([_dam_exp_energy(X.T, s, beta) for s in states])
    # identity on {-1,1}^d: E = -beta^-1 log(-E_DAM) + d/2 + beta^-1 log N + d/2
    assert np.allclose(e_mod, -np.log(-e_dam) / beta + d + math.log(n) / beta, rtol=0, atol=1e-10)
    # so both energies order the binary states identically (a strictly increasing map):
    for a in range(len(states)):
        for b in range(len(states)):
            if abs(e_dam[a] - e_dam[b]) > 1e-9 * abs(e_dam[a]):
                assert (e_mod[a] < e_mod[b]) == (e_dam[a] < e_dam[b])
    # and the DAM asynchronous step (lower energy wins, keep ties) is the same rule
    # written with the modern energy
    s = states[rng.integers(len(states))].copy()
    for i in range(d):
        sp, sm = s.copy(), s.copy()
        sp[i], sm[i] = 1.0, -1.0
        dp, dm = _dam_exp_energy(X.T, sp, beta), _dam_exp_energy(X.T, sm, beta)
        mp, mm = mo.energy(X, sp, beta), mo.energy(X, sm, beta)
        if abs(dp - dm) > 1e-9 * abs(dp):
            assert (dp < dm) == (mp < mm)


def test_discrete_reduction_against_pyref_dense():
    dense = pytest.importorskip("pyref.dense")
    if not hasattr(dense, "dense_energy_exp"):
        pytest.skip("pyref.dense has no exponential energy")
    rng = np.random.default_rng(2)
    d, n, beta = 5, 4, 0.5
    P = rng.choice([-1, 1], size=(n, d))  # dense.py takes patterns as rows
    for s in itertools.product([-1, 1], repeat=d):
        s = np.array(s)
        e_dam = dense.dense_energy_exp(P, s, beta)
        assert e_dam == pytest.approx(_dam_exp_energy(P, s, beta), rel=1e-12)
        e_mod = mo.energy(P.T.astype(float), s.astype(float), beta)
        assert e_mod == pytest.approx(-math.log(-e_dam) / beta + d + math.log(n) / beta, abs=1e-10)


# ---------------------------------------------------------------------------
# bad input
# ---------------------------------------------------------------------------


def test_bad_input_raises_value_error():
    X = np.eye(3)
    xi = np.ones(3)
    with pytest.raises(ValueError, match="beta"):
        mo.energy(X, xi, 0.0)
    with pytest.raises(ValueError, match="beta"):
        mo.update(X, xi, -1.0)
    with pytest.raises(ValueError, match="beta"):
        mo.update(X, xi, float("nan"))
    with pytest.raises(ValueError, match="beta"):
        mo.update(X, xi, float("inf"))
    with pytest.raises(ValueError, match="NaN or inf"):
        mo.update(np.array([[1.0, np.nan], [0.0, 1.0]]), np.ones(2), 1.0)
    with pytest.raises(ValueError, match="NaN or inf"):
        mo.energy(X, np.array([1.0, np.inf, 0.0]), 1.0)
    with pytest.raises(ValueError, match="length 2"):
        mo.update(X, np.ones(2), 1.0)
    with pytest.raises(ValueError, match="N = 0"):
        mo.energy(np.zeros((3, 0)), xi, 1.0)
    with pytest.raises(ValueError, match="dimension"):
        mo.update(np.ones(3), xi, 1.0)
    with pytest.raises(ValueError, match="N >= 2"):
        mo.separation(np.ones((3, 1)))
    with pytest.raises(ValueError, match="out of range"):
        mo.separation(X, 3)
    with pytest.raises(ValueError, match="non-empty"):
        mo.lse(1.0, np.array([]))
    with pytest.raises(ValueError, match="overflow"):
        mo.update(np.full((2, 2), 1e200), np.full(2, 1e200), 1.0)
    with pytest.raises(ValueError, match="p"):
        mo.storage_capacity(20, 1.0, 3.0, 0.0)
    with pytest.raises(ValueError, match="d must"):
        mo.storage_capacity(1, 1.0, 3.0, 0.1)
    with pytest.raises(ValueError, match="-1/e"):
        mo.lambert_w0(-1.0)
    with pytest.raises(ValueError, match="numeric"):
        mo.update(X, ["a", "b", "c"], 1.0)


# ---------------------------------------------------------------------------
# the examples in docs/modern.md run
# ---------------------------------------------------------------------------


def test_docs_examples_run(capsys):
    import pathlib
    import re

    doc = pathlib.Path(__file__).resolve().parents[1] / "docs" / "modern.md"
    if not doc.exists():
        pytest.skip("docs/modern.md not present")
    blocks = re.findall(r"```python\n(.*?)```", doc.read_text(), flags=re.S)
    assert len(blocks) >= 4
    for code in blocks:
        exec(compile(code, str(doc), "exec"), {})
