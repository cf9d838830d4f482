"""Tests of pyref.expander: bipartite expander Hopfield network as a self-decoding code."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref import expander as E


@pytest.fixture(scope="module")
def net300():
    return E.make_expander_hopfield(300, d_v=3, r=4, seed=11)


@pytest.fixture(scope="module")
def codewords300(net300):
    return E.random_codewords(net300, 20, seed=5)


# --------------------------------------------------------------------------- local code
def test_hamming_7_4_is_perfect_distance_3():
    book, check = E.hamming_local_code(3)
    # Hamming [7,4,3]: 2^4 = 16 codewords of length 7, 3 parity checks.
    assert book.shape == (16, 7) and check.shape == (3, 7)
    d = (book[:, None, :] != book[None, :, :]).sum(-1)
    assert d[~np.eye(16, dtype=bool)].min() == 3
    # perfect: 16 balls of radius 1 hold 16 * (1 + 7) = 128 = 2^7 patterns, each once
    pats = 1 - 2 * ((np.arange(128)[:, None] >> np.arange(7)) & 1)
    dist = (pats[:, None, :] != book[None, :, :]).sum(-1)
    assert np.all((dist <= 1).sum(1) == 1)


def test_hamming_rejects_bad_r():
    for r in (1, 5, 2.0, True):
        with pytest.raises(ValueError):
            E.hamming_local_code(r)


# --------------------------------------------------------------------------- construction
def test_graph_is_biregular_simple_and_4cycle_free(net300):
    # N d_v = M d_c: 300 * 3 = 60 * 15
    assert net300.n_constraints == 60 and net300.d_c == 15 and net300.d_v == 3
    counts = np.bincount(net300.neighbors.ravel(), minlength=300)
    assert np.all(counts == 3)
    assert all(len(set(row)) == 15 for row in net300.neighbors.tolist())
    assert E.max_shared_constraints(net300) == 1


def test_construction_is_seeded(net300):
    a = E.make_expander_hopfield(300, seed=11)
    b = net300
    c = E.make_expander_hopfield(300, seed=4)
    assert np.array_equal(a.neighbors, b.neighbors)
    assert not np.array_equal(a.neighbors, c.neighbors)


@pytest.mark.parametrize("kwargs", [
    dict(n_visible=301), dict(n_visible=0), dict(n_visible=300, d_v=0),
    dict(n_visible=300, r=7), dict(n_visible=10, d_v=3, r=4),
])
def test_construction_rejects_bad_sizes(kwargs):
    with pytest.raises(ValueError):
        E.make_expander_hopfield(**kwargs, seed=0)


def test_construction_rejects_missing_seed():
    with pytest.raises(ValueError, match="seed"):
        E.make_expander_hopfield(300, seed=None)


def test_weight_matrix_is_sparse_binary_and_gives_the_fields():
    net = E.make_expander_hopfield(14, d_v=2, r=3, seed=1, avoid_4cycles=False)
    w = E.weight_matrix(net)
    # M = 14 * 2 / 7 = 4 clusters of K = 16 hidden neurons
    assert w.shape == (64, 14)
    assert set(np.unique(w).tolist()) <= {-1, 0, 1}
    assert np.all((w != 0).sum(1) == 7)
    x = 1 - 2 * np.random.default_rng(0).integers(0, 2, size=14)
    assert np.array_equal(E.hidden_fields(net, x).ravel(), w @ x)


# --------------------------------------------------------------------------- stable states
def test_codewords_are_fixed_points(net300, codewords300):
    assert np.all(E.is_codeword(net300, codewords300))
    assert np.all(E.is_fixed_point(net300, codewords300))
    assert np.array_equal(E.step(net300, codewords300), codewords300)
    f = E.hidden_fields(net300, codewords300[0])
    # exact local match gives field d_c = 15; any other local codeword differs in >= 3
    # places, so its field is <= 15 - 2 * 3 = 9
    top = np.sort(f, axis=1)
    assert np.all(top[:, -1] == 15) and np.all(top[:, -2] <= 9)


def test_noncodeword_is_detected(net300, codewords300):
    x = codewords300[0].copy()
    x[0] *= -1
    assert not E.is_codeword(net300, x)
    assert not E.is_fixed_point(net300, x)  # one error is corrected, so it moves


def test_code_dimension_meets_design_rate(net300):
    k = E.code_dimension(net300)
    # k >= N - M r = 300 - 60 * 4 = 60
    assert 60 <= k <= 300
    basis = E.codeword_basis(net300)
    assert basis.shape == (k, 300)
    assert np.all((basis.astype(np.int64) @ E.parity_check_matrix(net300).T) % 2 == 0)
    assert E.gf2_rank(basis) == k


def test_stable_state_count_small_network_by_enumeration():
    net = E.make_expander_hopfield(14, d_v=2, r=3, seed=2, avoid_4cycles=False)
    states = 1 - 2 * ((np.arange(2**14)[:, None] >> np.arange(14)) & 1)
    n_code = int(np.sum(E.is_codeword(net, states)))
    k = E.code_dimension(net)
    assert n_code == 2**k and k >= 14 - 4 * 3  # design bound N - M r = 2
    fp = E.is_fixed_point(net, states)
    assert np.all(fp[E.is_codeword(net, states)])  # every codeword is stable


def test_gf2_rank_hand_examples():
    # rows 110, 011, 101: the third is the XOR of the first two -> rank 2 over GF(2)
    assert E.gf2_rank(np.array([[1, 1, 0], [0, 1, 1], [1, 0, 1]])) == 2
    assert E.gf2_rank(np.eye(4, dtype=int)) == 4
    with pytest.raises(ValueError):
        E.gf2_rank(np.array([[2, 0]]))


# --------------------------------------------------------------------------- dynamics
def test_table_winner_equals_argmax_of_fields(net300):
    x = 1 - 2 * np.random.default_rng(1).integers(0, 2, size=(6, 300))
    f = E.hidden_fields(net300, x)
    win = E.hidden_winners(net300, x)
    assert np.array_equal(win, np.argmax(f, axis=2))
    # unique maximum (perfect local code): the top field is d_c - 0 or d_c - 2
    top = np.sort(f, axis=2)
    assert np.all(top[..., -1] > top[..., -2])
    assert np.array_equal(E._winners_fast(net300, x, E._winner_table(net300)), win)


def test_visible_update_majority_keep_ties():
    net = E.make_expander_hopfield(14, d_v=2, r=3, seed=1, avoid_4cycles=False)
    x = np.ones(14, dtype=int)
    win = E.hidden_winners(net, x)  # all-ones pattern is the all-ones codeword everywhere
    assert np.array_equal(E.visible_update(net, x, win), x)
    # d_v = 2: force constraint 0 to vote -x on its slots; each such neuron gets votes
    # (-1) + (+1) = 0 -> tie -> keeps +1
    allm = int(np.flatnonzero(np.all(net.local_codebook == -1, axis=1))[0])
    win2 = win.copy()
    win2[0] = allm
    assert np.array_equal(E.visible_update(net, x, win2), x)
    with pytest.raises(ValueError):
        E.visible_update(net, x, np.full(net.n_constraints, 10**6))


def test_every_error_set_within_guaranteed_radius_is_corrected_in_one_round(
        net300, codewords300):
    t = E.guaranteed_radius(net300)
    # lambda = 1, d_v = 3, k = ceil(3/2) = 2: t = min(ceil(2/1)+1, ceil(4/1)) - 1 = 2
    assert t == 2
    cw = codewords300[0]
    ii, jj = np.triu_indices(300, 1)  # all 44850 pairs, plus the 300 single flips
    ii = np.concatenate([np.arange(300), ii])
    jj = np.concatenate([np.full(300, -1), jj])
    table = E._winner_table(net300)
    for start in range(0, ii.size, 10000):
        a, b = ii[start:start + 10000], jj[start:start + 10000]
        x = np.tile(cw, (a.size, 1))
        rows = np.arange(a.size)
        x[rows, a] *= -1
        x[rows[b >= 0], b[b >= 0]] *= -1
        assert np.all(E._step(net300, x, table) == cw)


def test_guaranteed_radius_formula_with_4cycles():
    net = E.make_expander_hopfield(14, d_v=2, r=3, seed=1, avoid_4cycles=False)
    lam = E.max_shared_constraints(net)
    k = 1  # ceil(2/2)
    assert E.guaranteed_radius(net) == min(-(-k // lam) + 1, -(-2 * k // lam)) - 1


@settings(max_examples=25, deadline=None)
@given(which=st.integers(0, 19), seed=st.integers(0, 2**31 - 1), n_err=st.integers(0, 2))
def test_decode_corrects_below_radius(net300, codewords300, which, seed, n_err):
    cw = codewords300[which]
    noisy = E.flip_random_bits(cw, n_err, seed=seed + 1)
    res = E.decode(net300, noisy)
    assert res.converged[0] and np.array_equal(res.state, cw)
    assert res.rounds[0] == (1 if n_err else 0)


@settings(max_examples=25, deadline=None)
@given(which=st.integers(0, 19), seed=st.integers(0, 2**31 - 1), n_err=st.integers(0, 40))
def test_one_step_certificate_is_sufficient(net300, codewords300, which, seed, n_err):
    cw = codewords300[which]
    noisy = E.flip_random_bits(cw, n_err, seed=seed + 1)
    if E.one_step_certificate(net300, cw, noisy):
        assert np.array_equal(E.step(net300, noisy), cw)


def test_decoding_seeded_small_error_fraction():
    net = E.make_expander_hopfield(600, seed=1)
    # seeded regression of the measured curve: 1% errors (6 bits) always corrected here
    assert E.decoding_success(net, [0.01], 40, seed=7)[0] == 1.0


def test_state_validation(net300):
    with pytest.raises(ValueError, match=r"\+1 or -1"):
        E.step(net300, np.zeros(300))
    with pytest.raises(ValueError, match="shape"):
        E.step(net300, np.ones(299))
    with pytest.raises(ValueError):
        E.decode(net300, np.full(300, np.nan))
    with pytest.raises(ValueError):
        E.decode(net300, np.ones(300, dtype=int), max_rounds=0)
    with pytest.raises(ValueError):
        E.step("not a net", np.ones(300))
    with pytest.raises(ValueError):
        E.flip_random_bits(np.ones(5, dtype=int), 6, seed=0)
    with pytest.raises(ValueError):
        E.decoding_success(net300, [1.5], 2, seed=0)


# --------------------------------------------------------------------------- expansion
def test_expansion_profile(net300):
    prof = E.expansion_profile(net300, [1, 2, 10], n_samples=20, seed=0)
    # one neuron has d_v = 3 distinct constraints: ratio 3 / 3 = 1
    assert prof[1]["random"] == 1.0 and prof[1]["greedy"] == 1.0
    # two neurons share at most lambda = 1 constraint: >= (6 - 1) / 6
    assert prof[2]["greedy"] >= 5 / 6 - 1e-12
    assert 0 < prof[10]["greedy"] <= prof[10]["random"] <= 1.0
    with pytest.raises(ValueError):
        E.expansion_profile(net300, [301], seed=0)


# --------------------------------------------------------------------------- baseline
def test_hebbian_baseline_single_pattern_is_stable():
    # m = 1: field at p is (n - 1) p_i, so p is a fixed point and any cue with
    # fewer than n/2 flips returns to it; 10 flips of 50 are corrected
    assert E.hebbian_recall_success(50, 1, [0.0, 0.2], 5, seed=0).tolist() == [1.0, 1.0]
    m = E.hebbian_max_patterns(50, seed=0, trials=10)
    assert 1 <= m < 50


def test_private_hebbian_baseline_agrees_with_pyref_learning():
    """The baseline used in the experiment is the spec's Hebbian network (pyref.learning)."""
    learning = pytest.importorskip("pyref.learning")
    rng = np.random.default_rng(3)
    pats = 1 - 2 * rng.integers(0, 2, size=(6, 40))
    assert np.array_equal(E._hebbian_weights(pats), learning.hebbian(pats))
    probes = E.flip_random_bits(pats[rng.integers(0, 6, size=12)], 8, seed=4)
    ref = learning.hebbian_recall_batch(pats, probes, mode="async", tie="keep",
                                        max_sweeps=50)
    mine = E._hebbian_recall(E._hebbian_weights(pats), probes, 50)
    done = ref.status == "fixed_point"
    assert done.any() and np.array_equal(mine[done], ref.states[done])
