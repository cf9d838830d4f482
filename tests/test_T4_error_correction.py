"""Spec T4 (error correction / basin radius), property-tested on pyref.

Pairwise-orthogonal patterns (Hadamard rows, random signs, permuted columns), ``m < n``, and
a state ``s`` at Hamming distance ``d`` from ``p_k`` with ``m (2d + 1) < n``: one
synchronous step gives ``p_k``; every asynchronous step keeps the distance non-increasing
(indeed sets the visited neuron to ``p_k``'s value) and a schedule visiting every neuron
reaches ``p_k``.  Both tie rules (no ties occur: ``h_i p_ki >= n - m(2d + 1) > 0``);
integer and float ``1/n``-normalised weights.
Negative controls beyond the radius: one synchronous step does not correct.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref.classical import async_step, hamming, run, sync_step
from pyref.learning import hebbian, hebbian_normalized


def hadamard(n: int) -> np.ndarray:
    H = np.array([[1]], dtype=np.int64)
    while H.shape[0] < n:
        H = np.block([[H, H], [H, -H]])
    return H


@st.composite
def t4_cases(draw, max_log2: int = 6):
    """(P, k, s, d) with orthogonal P, m (2d + 1) < n and d(s, p_k) = d."""
    n = 2 ** draw(st.integers(2, max_log2))
    # mostly m small enough that d >= 1 is possible (3m < n); sometimes any m < n (d = 0)
    m = draw(st.one_of(st.integers(1, (n - 1) // 3), st.integers(1, n - 1)))
    d_max = (n - 1 - m) // (2 * m)                   # largest d with m (2d + 1) < n
    assert d_max >= 0                                # m <= n - 1
    d = draw(st.integers(0, d_max))
    rows = draw(st.lists(st.integers(0, n - 1), min_size=m, max_size=m, unique=True))
    signs = np.array(draw(st.lists(st.sampled_from([-1, 1]), min_size=m, max_size=m)))
    perm = np.array(draw(st.permutations(range(n))))
    P = (hadamard(n)[rows] * signs[:, None])[:, perm]
    k = draw(st.integers(0, m - 1))
    flips = draw(st.lists(st.integers(0, n - 1), min_size=d, max_size=d, unique=True))
    s = P[k].copy()
    s[flips] *= -1
    return P, k, s, d


@settings(max_examples=100)
@given(t4_cases(), st.sampled_from(["keep", "plus"]))
def test_T4_one_sync_step_corrects(case, tie):
    P, k, s, d = case
    m, n = P.shape
    assert m * (2 * d + 1) < n and hamming(s, P[k]) == d
    W = hebbian(P)
    # the margin: h_i p_ki >= n - m (2d + 1) > 0 for every i
    assert np.all((W @ s) * P[k] >= n - m * (2 * d + 1))
    assert np.array_equal(sync_step(W, np.zeros(n, dtype=np.int64), s, tie), P[k])
    # the float 1/n-normalised rule has the same dynamics
    assert np.array_equal(sync_step(hebbian_normalized(P, exact=False), None, s, tie), P[k])


@settings(max_examples=80)
@given(t4_cases(max_log2=5), st.sampled_from(["keep", "plus"]),
       st.lists(st.integers(0, 10**6), max_size=60))
def test_T4_async_distance_non_increasing_and_reaches(case, tie, raw):
    P, k, s, d = case
    m, n = P.shape
    W = hebbian(P)
    theta = np.zeros(n, dtype=np.int64)
    sched = [r % n for r in raw] + list(range(n))     # ends with a full sweep
    dist = d
    for i in sched:
        s = async_step(W, theta, s, i, tie)
        assert s[i] == P[k][i]                       # the visited neuron is corrected
        nd = hamming(s, P[k])
        assert nd <= dist
        dist = nd
    assert np.array_equal(s, P[k])


@settings(max_examples=40)
@given(t4_cases(), st.sampled_from(["keep", "plus"]))
def test_T4_run_converges_to_pattern(case, tie):
    P, k, s, d = case
    n = P.shape[1]
    res = run(hebbian(P), np.zeros(n, dtype=np.int64), s, tie=tie)
    assert res.status == "fixed_point" and np.array_equal(res.state, P[k])
    assert res.flips == d and res.sweeps <= 2
    res = run(hebbian(P), np.zeros(n, dtype=np.int64), s, mode="sync", tie=tie)
    assert np.array_equal(res.state, P[k]) and res.sweeps <= 2


def test_T4_negative_control_beyond_radius_hand():
    # n = 4, m = 1, p = (1,1,1,1), d = 2: m (2d + 1) = 5 >= 4.  s = (-1,-1,1,1):
    # W s = p (p.s) - s = 0 p - s = -s, so the sync step gives (1,1,-1,-1) != p.
    P = np.array([[1, 1, 1, 1]])
    s = np.array([-1, -1, 1, 1])
    assert sync_step(hebbian(P), [0, 0, 0, 0], s).tolist() == [1, 1, -1, -1]


@settings(max_examples=30)
@given(st.integers(1, 5), st.data())
def test_T4_negative_control_half_distance(log2n, data):
    # m = 1, d = n/2 (m (2d + 1) = n + 1 > n): p.s = 0, so W s = -s and the sync step gives
    # -s, which is not p (it is at distance n/2 from p too).
    n = 2**log2n
    p = np.array(data.draw(st.lists(st.sampled_from([-1, 1]), min_size=n, max_size=n)))
    flips = data.draw(st.lists(st.integers(0, n - 1), min_size=n // 2, max_size=n // 2,
                               unique=True))
    s = p.copy()
    s[flips] *= -1
    out = sync_step(hebbian(p[None, :]), np.zeros(n, dtype=np.int64), s)
    assert np.array_equal(out, -s) and not np.array_equal(out, p)
