"""Tests of pyref.expander: bipartite expander Hopfield network as a self-decoding code."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref import expander as E
from pyref.models.expander import dynamics as ED  # private helpers, at their canonical paths
from pyref.models.expander import experiments as EX
from pyref.models.expander import network as EN


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
def test_winner_equals_argmax_of_fields_and_is_the_only_active_neuron(net300):
    x = 1 - 2 * np.random.default_rng(1).integers(0, 2, size=(6, 300))
    f = E.hidden_fields(net300, x)
    win = E.hidden_winners(net300, x)
    assert np.array_equal(win, np.argmax(f, axis=2))
    # unique maximum (perfect local code): the top field is d_c - 0 or d_c - 2
    top = np.sort(f, axis=2)
    assert np.all(top[..., -1] > top[..., -2])
    # threshold d_c - 2 t0 = 15 - 2 = 13: Hamming is perfect, so exactly one neuron of
    # every cluster is active -- the thresholded dynamics are the old WTA dynamics
    act = E.hidden_active(net300, x)
    assert np.all(act.sum(axis=2) == 1)
    assert np.array_equal(np.argmax(act, axis=2), win)


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
    for start in range(0, ii.size, 10000):
        a, b = ii[start:start + 10000], jj[start:start + 10000]
        x = np.tile(cw, (a.size, 1))
        rows = np.arange(a.size)
        x[rows, a] *= -1
        x[rows[b >= 0], b[b >= 0]] *= -1
        assert np.all(ED._step(net300, x) == cw)


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
    assert np.array_equal(EX._hebbian_weights(pats), learning.hebbian(pats))
    probes = E.flip_random_bits(pats[rng.integers(0, 6, size=12)], 8, seed=4)
    ref = learning.hebbian_recall_batch(pats, probes, mode="async", tie="keep",
                                        max_sweeps=50)
    mine = EX._hebbian_recall(EX._hebbian_weights(pats), probes, 50)
    done = ref.status == "fixed_point"
    assert done.any() and np.array_equal(mine[done], ref.states[done])


# =========================================================================== issue 8:
# general local codes (BCH), thresholded hidden neurons, constant-fraction guarantee
def _syn(h, pats):
    return (pats.astype(np.int64) @ h.T.astype(np.int64)) % 2


def _weight_upto(n, t):
    from itertools import combinations
    rows = [np.zeros(n, dtype=np.int64)]
    for w in range(1, t + 1):
        for idx in combinations(range(n), w):
            p = np.zeros(n, dtype=np.int64)
            p[list(idx)] = 1
            rows.append(p)
    return np.array(rows)


@pytest.fixture(scope="module")
def bch_net():
    # BCH [31,21,5], d_v = 3: N = 1240 -> M = 1240 * 3 / 31 = 120 constraints
    return E.make_expander_hopfield(1240, d_v=3, local_check=E.bch_local_code(5), seed=3)


@pytest.fixture(scope="module")
def bch_search(bch_net):
    # beta = 0.6 > 5/9 = required_expansion(3, 2)
    return E.expansion_radius(bch_net, 0.6, seed=0, n_greedy=10, n_random=40)


def test_gf2m_powers_are_the_nonzero_field_elements():
    for m in (4, 5, 6, 7):
        pw = E.gf2m_powers(m)
        # primitive polynomial: alpha has order 2^m - 1, so its powers are all nonzero
        # elements, each exactly once
        assert sorted(pw.tolist()) == list(range(1, 2**m))
    # m = 4, alpha^4 = alpha + 1 (x^4 + x + 1): bits 0011 = 3; alpha^5 = alpha^2 + alpha = 6
    pw = E.gf2m_powers(4)
    assert pw[4] == 3 and pw[5] == 6
    with pytest.raises(ValueError):
        E.gf2m_powers(8)


@pytest.mark.parametrize("m", [4, 5, 6])
def test_bch_double_error_correcting_parameters(m):
    h = E.bch_local_code(m)
    n = 2**m - 1
    assert h.shape == (2 * m, n)
    # dimension n - 2m: [15,7], [31,21], [63,51]
    assert n - E.gf2_rank(h) == n - 2 * m
    # distance >= 5: the 1 + n + n(n-1)/2 patterns of weight <= 2 have distinct syndromes
    pats = _weight_upto(n, 2)
    assert pats.shape[0] == 1 + n + n * (n - 1) // 2
    syn = _syn(h, pats)
    assert np.unique(syn, axis=0).shape[0] == pats.shape[0]
    assert E.correction_radius(h) == 2
    # t0 is exactly 2: some two patterns of weight <= 3 collide (for m = 4 already inside
    # the weight <= 3 set: 1 + 15 + 105 + 455 = 576 patterns > 2^8 = 256 syndromes)
    if m == 4:
        p3 = _weight_upto(n, 3)
        assert np.unique(_syn(h, p3), axis=0).shape[0] < p3.shape[0]
        # and a codeword of weight exactly 5 exists (d0 = 5): enumerate all 2^15 words
        words = (np.arange(2**15)[:, None] >> np.arange(15)) & 1
        wts = words[np.all(_syn(h, words) == 0, axis=1)].sum(1)
        assert wts.size == 2**7 and sorted(set(wts.tolist()))[1] == 5


def test_bch_triple_error_correcting_63_45_7():
    h = E.bch_local_code(6, t=3)
    assert h.shape == (18, 63) and E.gf2_rank(h) == 18  # [63, 45]
    assert E.correction_radius(h) == 3
    with pytest.raises(ValueError):
        E.bch_local_code(7, t=3)  # 2^21 syndromes: refused


def test_correction_radius_hand_examples():
    # Hamming [7,4,3]: t0 = 1
    assert E.correction_radius(E.hamming_local_code(3)[1]) == 1
    # repetition [5,1,5] (checks x0 + xi = 0): d0 = 5 -> t0 = 2
    rep5 = np.array([[1, 1, 0, 0, 0], [1, 0, 1, 0, 0], [1, 0, 0, 1, 0], [1, 0, 0, 0, 1]])
    assert E.correction_radius(rep5) == 2
    # single parity check [3,2,2]: d0 = 2 -> t0 = 0
    assert E.correction_radius(np.array([[1, 1, 1]])) == 0
    with pytest.raises(ValueError):
        E.make_expander_hopfield(30, d_v=1, local_check=np.array([[1, 1, 1]]), seed=0)
    for bad in (np.array([[2, 0, 1]]), np.zeros((0, 3), int), np.array([1, 0, 1])):
        with pytest.raises(ValueError):
            E.correction_radius(bad)


def test_4cycle_free_graph_impossible_is_refused_at_once():
    # BCH [63,51,5], N = 1050, d_v = 3: M = 1050 * 3 / 63 = 50; girth 6 needs the
    # 1050 * C(3,2) = 3150 constraint pairs of the neurons distinct, but C(50,2) = 1225
    with pytest.raises(ValueError, match="3150 constraint pairs needed > C"):
        E.make_expander_hopfield(1050, local_check=E.bch_local_code(6), seed=0)
    net = E.make_expander_hopfield(1050, local_check=E.bch_local_code(6), seed=0,
                                   avoid_4cycles=False)
    assert net.n_constraints == 50 and net.t0 == 2


def test_bch_network_codewords_are_fixed_points(bch_net):
    assert bch_net.t0 == 2 and bch_net.d_c == 31 and bch_net.n_constraints == 120
    k = E.code_dimension(bch_net)
    # k >= N - M r = 1240 - 120 * 10 = 40
    assert k >= 40
    cw = E.random_codewords(bch_net, 6, seed=1)
    assert np.all(E.is_codeword(bch_net, cw)) and np.all(E.is_fixed_point(bch_net, cw))
    words, active = E.local_decisions(bch_net, cw[0])
    assert np.all(active) and np.array_equal(words, cw[0][bch_net.neighbors])


def test_huge_clusters_are_never_materialised(bch_net):
    # BCH [31,21,5]: K = 2^21 = 2097152 hidden neurons per constraint > MAX_CLUSTER
    assert bch_net.cluster_size == 2**21 and bch_net.n_hidden == 120 * 2**21
    x = np.ones(1240, dtype=int)
    for f in (E.weight_matrix, lambda n: n.local_codebook,
              lambda n: E.hidden_fields(n, x), lambda n: E.hidden_winners(n, x)):
        with pytest.raises(ValueError, match="2097152"):
            f(bch_net)


def test_threshold_hidden_neurons_match_syndrome_decoder_bch15():
    # BCH [15,7,5]: K = 128 neurons per cluster (enumerable); N = 30, M = 30*3/15 = 6
    net = E.make_expander_hopfield(30, d_v=3, local_check=E.bch_local_code(4), seed=2,
                                   avoid_4cycles=False)
    assert net.local_codebook.shape == (128, 15)
    d = (net.local_codebook[:, None] != net.local_codebook[None]).sum(-1)
    assert d[~np.eye(128, dtype=bool)].min() == 5
    x = 1 - 2 * np.random.default_rng(0).integers(0, 2, size=(40, 30))
    act = E.hidden_active(net, x)  # field >= 15 - 2*2 = 11  <=>  distance <= 2
    assert act.sum(axis=2).max() <= 1  # at most one active: d0 = 5 >= 2 t0 + 1
    # random 15-bit words are mostly > 2 from every codeword: 128 * (1+15+105) = 15488
    # of the 32768 words are within 2, so both cases occur among 240 clusters
    assert 0 < act.any(axis=2).mean() < 1
    win = E.hidden_winners(net, x)
    assert np.array_equal(win >= 0, act.any(axis=2))
    assert np.array_equal(win[win >= 0], np.argmax(act, axis=2)[win >= 0])
    words, active = E.local_decisions(net, x)
    assert np.array_equal(active, act.any(axis=2))
    assert np.array_equal(words[active], net.local_codebook[win[active]])
    # the visible update from the winners (abstaining = -1) equals the network step
    assert np.array_equal(E.visible_update(net, x, win), E.step(net, x))


def test_abstaining_constraint_sends_no_vote():
    net = E.make_expander_hopfield(30, d_v=3, local_check=E.bch_local_code(4), seed=2,
                                   avoid_4cycles=False)
    x = np.ones(30, dtype=int)
    win = E.hidden_winners(net, x)  # all-ones is a codeword: every cluster votes +1
    # all abstain: no votes, every neuron keeps its state
    y = x.copy()
    y[:7] = -1
    assert np.array_equal(E.visible_update(net, y, np.full(6, -1)), y)
    # only constraint 0 votes (all +1): its 15 neurons get one vote +1 -> +1, others keep
    only0 = np.full(6, -1)
    only0[0] = win[0]
    expect = y.copy()
    expect[net.neighbors[0]] = 1
    assert np.array_equal(E.visible_update(net, y, only0), expect)


# --------------------------------------------------------------------------- theorem
def test_required_expansion_and_contraction_hand_values():
    # beta_min = (d_v + t0 floor(d_v/2)) / (d_v (t0 + 1))
    assert E.required_expansion(3, 1) == pytest.approx(4 / 6)  # (3 + 1) / 6
    assert E.required_expansion(3, 2) == pytest.approx(5 / 9)  # (3 + 2) / 9
    assert E.required_expansion(5, 2) == pytest.approx(9 / 15)  # (5 + 4) / 15
    # rho = d_v (1 - beta) / (t0 (beta d_v - floor(d_v/2)))
    assert E.contraction_factor(3, 2, 2 / 3) == pytest.approx(0.5)  # 1 / (2 * (2 - 1))
    assert E.contraction_factor(3, 1, 0.8) == pytest.approx(3 / 7)  # 0.6 / (2.4 - 1)
    assert E.contraction_factor(3, 2, 0.6) == pytest.approx(0.75)  # 1.2 / (2 * 0.8)
    # Hamming, beta = 2/3 (what a cycle gives): rho = 1 / (2 - 1) = 1 -> no guarantee
    assert E.contraction_factor(3, 1, 2 / 3) is None
    assert E.contraction_factor(3, 2, 0.5) is None  # 1.5 / (2 * 0.5) = 1.5
    assert E.contraction_factor(3, 0, 0.9) is None  # t0 = 0 corrects nothing
    # rounds: ceil(log 8 / log 2) + 1 = 4; ceil(log 10 / log 4) + 1 = 2 + 1 = 3
    assert E.guaranteed_rounds(8, 0.5) == 4 and E.guaranteed_rounds(10, 0.25) == 3
    assert E.guaranteed_rounds(0, 0.5) == 0 and E.guaranteed_rounds(1, 0.9) == 1
    for bad in [(3, 2, 0.0), (3, 2, 1.5), (3, 2, float("nan")), (0, 2, 0.7), (3, -1, 0.7),
                (3, 2, "x")]:
        with pytest.raises(ValueError):
            E.contraction_factor(*bad)
    with pytest.raises(ValueError):
        E.required_expansion(3, 0)
    with pytest.raises(ValueError):
        E.guaranteed_rounds(3, 1.0)


def _nbhd(net, s):
    return np.unique(ED.incidence(net)[0][np.asarray(s)]).size


def test_hamming_design_has_no_fraction_cycles_violate_two_thirds(net300):
    # beta > 2/3 is needed; a 6-cycle through 3 neurons has |N(S)| = 9 - 3 = 6 < 0.67 * 9
    res = E.expansion_radius(net300, 0.67, seed=0, n_greedy=3, n_random=10)
    assert res.exhaustive_sizes == (1, 2, 3)
    assert res.radius == 2 and res.violation.size == 3
    assert _nbhd(net300, res.violation) == 6
    assert res.rho == pytest.approx(3 * 0.33 / (1 * (0.67 * 3 - 1)))


def test_expansion_search_exhaustive_part_and_witness(bch_net, bch_search):
    res = bch_search
    assert res.beta == 0.6 and 1 in res.exhaustive_sizes and 2 in res.exhaustive_sizes
    # pairs: lambda = 1, so |N| = 6 - 1 = 5 >= 0.6 * 6 = 3.6 -> a >= 2
    assert E.max_shared_constraints(bch_net) == 1 and res.radius >= 2
    # the witness is a real violation of size a + 1
    assert res.violation.size == res.radius + 1
    assert _nbhd(bch_net, res.violation) < 0.6 * 3 * res.violation.size
    assert res.fraction == res.radius / 1240 and res.rho == pytest.approx(0.75)
    # exhaustive pair check by a dense co-occurrence matrix
    co = EN._co_occurrence(bch_net.neighbors, 1240)
    assert co.max() == 1


def test_one_round_contracts_errors_below_the_radius(bch_net, bch_search):
    a, rho = bch_search.radius, bch_search.rho
    assert a >= 2 and rho == pytest.approx(0.75)  # 3 * 0.4 / (2 * (1.8 - 1))
    cw = E.random_codewords(bch_net, 3, seed=9)
    rng = np.random.default_rng(4)
    for e in range(1, a + 1):
        sets = [rng.choice(1240, size=e, replace=False) for _ in range(20)]
        sets += [E.clustered_set(bch_net, e, seed=s) for s in range(20)]
        for t, S in enumerate(sets):
            c = cw[t % 3]
            x = c.copy()
            x[S] *= -1
            e_after = int(np.sum(E.step(bch_net, x) != c))
            assert e_after <= rho * e  # theorem: e' <= rho e
            res = E.decode(bch_net, x)
            assert np.array_equal(res.state, c)
            assert res.rounds[0] <= E.guaranteed_rounds(e, rho)


def test_every_single_and_double_error_is_corrected_bch(bch_net):
    # the constant certificate: lambda = 1, t0 = 2, k = ceil(3/2) = 2:
    # t = min(ceil(k t0 / 1) + 1, ceil(k (t0 + 1) / 1)) - 1 = min(5, 6) - 1 = 4 errors are
    # corrected in ONE round; check all 1240 single errors and 2000 random pairs (all
    # 768k pairs are too slow for the suite)
    assert E.guaranteed_radius(bch_net) == 4
    c = np.ones(1240, dtype=int)
    x = np.tile(c, (1240, 1))
    x[np.arange(1240), np.arange(1240)] = -1
    assert np.all(E.step(bch_net, x) == 1)
    rng = np.random.default_rng(0)
    pairs = np.array([rng.choice(1240, 2, replace=False) for _ in range(2000)])
    x = np.ones((2000, 1240), dtype=int)
    x[np.arange(2000)[:, None], pairs] = -1
    assert np.all(E.step(bch_net, x) == 1)


def test_error_dynamics_do_not_depend_on_the_codeword(bch_net):
    cw = E.random_codewords(bch_net, 2, seed=2)
    err = np.ones(1240, dtype=int)
    err[np.random.default_rng(1).choice(1240, 60, replace=False)] = -1  # 60 errors
    a = E.decode(bch_net, cw[0] * err).state * cw[0]
    b = E.decode(bch_net, cw[1] * err).state * cw[1]
    assert np.array_equal(a, b)


def test_decoding_success_options(bch_net):
    # below the radius everything is corrected, random or clustered errors
    f = 2 / 1240
    for errors in ("random", "clustered"):
        for cwd in ("random", "zero"):
            assert E.decoding_success(bch_net, [f], 5, seed=1, codeword=cwd,
                                      errors=errors)[0] == 1.0
    with pytest.raises(ValueError, match="codeword"):
        E.decoding_success(bch_net, [0.1], 2, seed=0, codeword="ones")
    with pytest.raises(ValueError, match="errors"):
        E.decoding_success(bch_net, [0.1], 2, seed=0, errors="bursty")


def test_expansion_radius_validation(bch_net):
    for kw in ({"beta": 0}, {"beta": 1.2}, {"beta": 0.6, "max_size": 10**6},
               {"beta": 0.6, "n_greedy": -1}):
        with pytest.raises(ValueError):
            E.expansion_radius(bch_net, seed=0, **kw)
    with pytest.raises(ValueError, match="seed"):
        E.expansion_radius(bch_net, 0.6, seed=None)
    with pytest.raises(ValueError):
        E.clustered_set(bch_net, 2000, seed=0)


# --------------------------------------------------------------------------- issue 18
@pytest.mark.parametrize("kwargs", [dict(max_sweeps=0), dict(trials=0), dict(max_sweeps=-1)])
def test_hebbian_max_patterns_rejects_zero_sweeps_and_trials(kwargs):
    # regression: max_sweeps=0 used to return n (every clean cue counted as recalled)
    with pytest.raises(ValueError):
        E.hebbian_max_patterns(20, seed=0, **{"trials": 5, **kwargs})
    with pytest.raises(ValueError):
        E.hebbian_recall_success(20, 3, [0.0], **{"trials": 5, "seed": 0, **kwargs})
