"""Spec T9 (Hebbian capacity for random patterns), property-tested on pyref.

Patterns uniform on ``({-1,+1}^n)^m``, Hebbian weights, zero thresholds, keep ties.
Proved in Lean (``Hopfield.Thm.Capacity``, ``Hopfield.Thm.CapacityBound``):

* ``p^k_i h_i(p^k) = (n - 1) + C`` with the crosstalk ``C``;
* ``C`` has exactly the law of ``S_N``, a sum of ``N = (m-1)(n-1)`` uniform signs;
* ``P(neuron i of p^k unstable) = P(S_N <= -n)`` and
  ``P(all m patterns fixed) >= 1 - m n P(S_N <= -n)`` (:func:`pyref.capacity.capacity_bound`).

Here: exhaustive enumeration of all ``2^(nm)`` pattern lists for small ``n, m`` (the law,
the instability probability and the bound, each against an independent brute-force count),
Hypothesis properties, and a seeded simulation for larger ``n``.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref.capacity import (
    block_bound,
    capacity_bound,
    capacity_curve,
    certified_m,
    chernoff_bound,
    crosstalk,
    sign_sum_counts,
    sign_sum_tail,
    unstable_probability,
)
from pyref.classical import field, is_fixed_point
from pyref.learning import capacity_bound as capacity_bound_reexported
from pyref.learning import hebbian


def all_pattern_lists(n: int, m: int):
    """Every (m, n) array of spins, by brute force."""
    for bits in itertools.product([-1, 1], repeat=n * m):
        yield np.array(bits, dtype=np.int64).reshape(m, n)


def brute_sign_counts(N: int) -> dict[int, int]:
    out: dict[int, int] = {}
    for s in itertools.product([-1, 1], repeat=N):
        out[sum(s)] = out.get(sum(s), 0) + 1
    return out


SMALL = [(n, m) for n in range(1, 5) for m in range(1, 4) if n * m <= 12]


@pytest.mark.parametrize("n,m", SMALL)
def test_crosstalk_law_exhaustive(n, m):
    """For every (k, i), the number of pattern lists with crosstalk c is
    2^(n+m-1) * #{sigma in {+-1}^N : sum sigma = c} (Lean length_filter_crosstalk_eq)."""
    N = (m - 1) * (n - 1)
    want = {c: 2 ** (n + m - 1) * cnt for c, cnt in brute_sign_counts(N).items()}
    for k in range(m):
        for i in range(n):
            got: dict[int, int] = {}
            for P in all_pattern_lists(n, m):
                c = crosstalk(P, k, i)
                got[c] = got.get(c, 0) + 1
            assert got == want, (n, m, k, i)


@pytest.mark.parametrize("n,m", SMALL)
def test_unstable_probability_and_bound_exhaustive(n, m):
    """P(neuron i of p^k unstable) = P(S_N <= -n) exactly for every (k, i), and the proved
    bound is <= the exact probability that all m patterns are fixed points."""
    total = 2 ** (n * m)
    unstable = np.zeros((m, n), dtype=np.int64)
    all_fixed = 0
    for P in all_pattern_lists(n, m):
        W = hebbian(P)
        theta = np.zeros(n, dtype=np.int64)
        ok = True
        for k in range(m):
            h = field(W, P[k])
            bad = P[k] * h < 0          # keep ties: unstable iff p_i h_i < 0
            unstable[k] += bad
            fixed = is_fixed_point(W, theta, P[k], tie="keep")
            assert fixed == (not bad.any())
            ok &= fixed
        all_fixed += ok
    N = (m - 1) * (n - 1)
    tail = sum(cnt for c, cnt in brute_sign_counts(N).items() if c <= -n)
    p_unstable = Fraction(tail, 2 ** N)
    assert unstable_probability(n, m) == p_unstable
    assert all(Fraction(int(u), total) == p_unstable for u in unstable.ravel())
    exact = Fraction(all_fixed, total)
    assert capacity_bound(n, m) == 1 - m * n * p_unstable
    assert capacity_bound(n, m) <= exact


@settings(max_examples=60)
@given(st.integers(1, 12), st.integers(1, 6), st.data())
def test_field_identity(n, m, data):
    """p^k_i h_i(p^k) = (n - 1) + C (Lean spin_mul_field_hebbian)."""
    bits = data.draw(st.lists(st.sampled_from([-1, 1]), min_size=n * m, max_size=n * m))
    P = np.array(bits, dtype=np.int64).reshape(m, n)
    k = data.draw(st.integers(0, m - 1))
    i = data.draw(st.integers(0, n - 1))
    h = field(hebbian(P), P[k])
    assert int(P[k, i] * h[i]) == (n - 1) + crosstalk(P, k, i)


@settings(max_examples=25)
@given(st.integers(1, 4), st.integers(2, 3), st.data())
def test_crosstalk_law_hypothesis(n, m, data):
    """Conditionally on p^k (any fixed pattern) the crosstalk still has the law of S_N, each
    value counted 2^(m-1) times: the law does not depend on the stored pattern itself."""
    p = np.array(data.draw(st.lists(st.sampled_from([-1, 1]), min_size=n, max_size=n)))
    k = data.draw(st.integers(0, m - 1))
    i = data.draw(st.integers(0, n - 1))
    N = (m - 1) * (n - 1)
    got: dict[int, int] = {}
    for bits in itertools.product([-1, 1], repeat=n * (m - 1)):
        others = np.array(bits, dtype=np.int64).reshape(m - 1, n)
        P = np.insert(others, k, p, axis=0)
        c = crosstalk(P, k, i)
        got[c] = got.get(c, 0) + 1
    assert got == {c: 2 ** (m - 1) * cnt for c, cnt in brute_sign_counts(N).items()}


@settings(max_examples=80)
@given(st.integers(0, 12), st.integers(-15, 15))
def test_sign_sum_tail_brute_force(N, t):
    brute = sum(1 for s in itertools.product([-1, 1], repeat=N) if sum(s) <= -t)
    assert sign_sum_tail(N, t) == brute


@pytest.mark.parametrize("N", [0, 1, 5, 10])
def test_sign_sum_counts(N):
    assert sign_sum_counts(N) == brute_sign_counts(N)


def test_sign_sum_tail_large_symmetry():
    """For big N (no brute force): the tail and its mirror image partition the 2^N
    vectors, #(S <= -t) + #(S >= -t + 1) = 2^N, and #(S >= u) = #(S <= -u)."""
    N = 12345
    for t in [1, 2, 50, 51, 400]:
        assert sign_sum_tail(N, t) + sign_sum_tail(N, 1 - t) == 2 ** N
    assert sign_sum_tail(N, -N) == 2 ** N and sign_sum_tail(N, N + 1) == 0
    assert sign_sum_tail(N, N) == 1


@settings(max_examples=40)
@given(st.integers(1, 60), st.integers(1, 12), st.fractions(1, 4, max_denominator=20))
def test_chernoff_bound_below_exact_bound(n, m, b):
    """The Chernoff form is a weaker bound: 1 - m n ((1+b^2)/2)^N / b^(N+n) <= the exact
    union bound, for every rational b >= 1; and its tail factor really bounds the tail."""
    N = (m - 1) * (n - 1)
    assert chernoff_bound(n, m, b) <= capacity_bound(n, m)
    tail = Fraction(sum(cnt for c, cnt in sign_sum_counts(N).items() if c <= -n), 2 ** N)
    assert tail <= ((1 + b * b) / 2) ** N / b ** (N + n)


def test_chernoff_bound_useful_at_scale():
    """With b = 1 + 1/m the explicit bound certifies probability >= 1/2 at n = 1000 for a
    few tens of patterns (m = 10), and says nothing once m is large."""
    assert chernoff_bound(1000, 10) > Fraction(1, 2)
    assert chernoff_bound(200, 100) < 0
    with pytest.raises(ValueError, match="b"):
        chernoff_bound(10, 2, Fraction(1, 2))
    with pytest.raises(TypeError, match="b"):
        chernoff_bound(10, 2, 1.5)


@settings(max_examples=40)
@given(st.integers(1, 80), st.integers(1, 10))
def test_block_bound_below_chernoff(n, m):
    """The closed form 1 - m n (2m/(2m+1))^n is weaker than the Chernoff form at
    b = (m+1)/m, which is weaker than the exact union bound."""
    assert block_bound(n, m) <= chernoff_bound(n, m) <= capacity_bound(n, m)


@pytest.mark.parametrize("n", [30, 100, 400, 1000])
def test_certified_m(n):
    """certified_m(n) satisfies the hypothesis (2m+1) L <= n of the scaling theorem and the
    exact bound indeed certifies P >= 1/2 there; m + 1 fails the hypothesis."""
    m = certified_m(n)
    assert m >= 1
    L = (2 * m * n - 1).bit_length()        # least L with 2^L >= 2 m n
    assert (2 * m + 1) * L <= n
    assert capacity_bound(n, m) >= Fraction(1, 2)
    assert block_bound(n, m) >= Fraction(1, 2)
    L1 = (2 * (m + 1) * n - 1).bit_length()
    assert (2 * m + 3) * L1 > n or certified_m(n) > m


def test_capacity_bound_edges_and_errors():
    assert capacity_bound(1, 7) == 1 and capacity_bound(50, 1) == 1
    assert capacity_bound_reexported(30, 3) == capacity_bound(30, 3)
    assert isinstance(capacity_bound(1000, 40), Fraction)
    for bad in [(0, 3), (3, 0), (-2, 2)]:
        with pytest.raises(ValueError, match="expected an integer >= 1"):
            capacity_bound(*bad)
    for bad in [(2.0, 3), (3, "4"), (True, 2)]:
        with pytest.raises(TypeError, match="expected an integer"):
            capacity_bound(*bad)


def test_simulation_agrees_with_exact_instability():
    """n = 120, m = 12 (seeded): the simulated frequency of unstable neurons matches
    P(S_N <= -n) and the simulated P(all fixed) is >= the proved bound (up to noise)."""
    n, m, trials = 120, 12, 300
    rng = np.random.default_rng(20261201)
    frac_unstable, all_fixed = [], 0
    for _ in range(trials):
        P = rng.choice(np.array([-1, 1], dtype=np.int64), size=(m, n))
        H = P @ hebbian(P).T
        bad = P * H < 0
        frac_unstable.append(bad.mean())
        all_fixed += not bad.any()
    p = float(unstable_probability(n, m))
    mean = float(np.mean(frac_unstable))
    se = float(np.std(frac_unstable, ddof=1)) / np.sqrt(trials)
    assert abs(mean - p) <= 5 * se + 1e-4, (mean, p, se)
    emp = all_fixed / trials
    bound = float(capacity_bound(n, m))
    assert 0 < bound < 1
    assert emp >= bound - 5 * np.sqrt(bound * (1 - bound) / trials)


def test_capacity_curve_small():
    out = capacity_curve([16, 40], trials=8, seed=3)
    lev = Fraction(1, 2)
    for n, mb in zip(out["n"], out["m_bound"]):
        assert capacity_bound(int(n), int(mb)) >= lev > capacity_bound(int(n), int(mb) + 1)
    assert np.all(out["m_sim"] >= 1)
    np.testing.assert_allclose(out["mceliece"], out["n"] / (4 * np.log(out["n"])))
    np.testing.assert_allclose(out["ags"], 0.138 * out["n"])
    again = capacity_curve([16, 40], trials=8, seed=3)
    assert np.array_equal(again["m_sim"], out["m_sim"])
    with pytest.raises(ValueError, match="level"):
        capacity_curve([16], level=Fraction(3, 2))
    with pytest.raises(ValueError, match="ns"):
        capacity_curve([])
