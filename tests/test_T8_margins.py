"""Spec T8 (margins: recall for any integer network), property-tested on pyref.

Any integer ``W`` (no symmetry, any diagonal), any ``theta``, both tie rules. With margins
``mu_i = p_i (h_i(p) - theta_i)``:

* set form: if ``mu_i > 2 sum_{j in D} |W_ij|`` for all ``i`` (``D``: where ``s`` differs
  from ``p``), one synchronous step gives ``p``, every asynchronous step moves no neuron away
  from ``p``, and every schedule visiting ``D`` reaches ``p`` (exhaustively over all states
  for small ``n``);
* radius form: every state within ``certified_radius`` of ``p`` is recalled (exhaustively);
  in a tight family some state at radius + 1 is not (negative control);
* Hebbian corollary: margins ``>= n - m - (m - 1) c`` for crosstalk ``c``, so
  ``2 m d < n - m - (m - 1) c`` gives radius ``>= d``;
* rational weights: scaling by a positive factor changes neither margins' signs nor radii.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pyref
from pyref.margins import certified_radius, cut_values, margin_holds, margins, top_sums
from pyref.classical import async_step, field, run_schedule, sync_step
from pyref.learning import hebbian


@st.composite
def networks(draw, max_n: int = 7, w: int = 4):
    """(W, theta, p) with any integer W (non-symmetric, any diagonal) and theta."""
    n = draw(st.integers(1, max_n))
    W = np.array(draw(st.lists(st.integers(-w, w), min_size=n * n, max_size=n * n)),
                 dtype=np.int64).reshape(n, n)
    theta = np.array(draw(st.lists(st.integers(-w, w), min_size=n, max_size=n)),
                     dtype=np.int64)
    p = np.array(draw(st.lists(st.sampled_from([-1, 1]), min_size=n, max_size=n)))
    # bias towards recall: add a multiple of p p^T (still any sign pattern, not symmetric)
    k = draw(st.integers(0, 3 * w))
    return W + k * np.outer(p, p), theta, p


def all_states(n: int) -> np.ndarray:
    return np.array(list(itertools.product([-1, 1], repeat=n)), dtype=np.int64)


@given(networks())
@settings(max_examples=150, deadline=None)
def test_margins_are_p_times_field_minus_theta(net) -> None:
    W, theta, p = net
    mu = margins(W, theta, p)
    h = field(W, p)
    for i in range(len(p)):
        assert mu[i] == p[i] * (int(h[i]) - int(theta[i]))


@given(networks(), st.sampled_from(["keep", "plus"]), st.randoms(use_true_random=False))
@settings(max_examples=120, deadline=None)
def test_set_form_every_state_satisfying_the_condition_is_recalled(net, tie, rnd) -> None:
    W, theta, p = net
    n = len(p)
    for s in all_states(n):
        if not margin_holds(W, theta, p, s):
            continue
        D = set(np.flatnonzero(s != p).tolist())
        assert np.array_equal(sync_step(W, theta, s, tie), p)
        for i in range(n):  # the disagreement set only shrinks; neuron i becomes p_i
            t = async_step(W, theta, s, i, tie)
            assert set(np.flatnonzero(t != p).tolist()) <= D
            assert t[i] == p[i]
        # a random schedule covering D (with repeats and extra neurons) reaches p
        sched = sorted(D) + [rnd.randrange(n) for _ in range(rnd.randrange(4))]
        rnd.shuffle(sched)
        assert np.array_equal(run_schedule(W, theta, s, sched, tie), p)
        # a schedule missing one neuron of D leaves exactly that neuron wrong
        if D:
            j = min(D)
            rest = [i for i in sched if i != j]
            out = run_schedule(W, theta, s, rest, tie)
            assert set(np.flatnonzero(out != p).tolist()) == {j}


@given(networks(), st.sampled_from(["keep", "plus"]))
@settings(max_examples=150, deadline=None)
def test_radius_form_every_state_within_the_radius_is_recalled(net, tie) -> None:
    W, theta, p = net
    r = pyref.certified_radius(W, theta, p, tie=tie)
    assert -1 <= r <= len(p)
    mu = margins(W, theta, p)
    assert (r >= 0) == bool(np.all(mu > 0))
    if r < 0:
        return
    for i in range(len(p)):  # p is a fixed point
        assert np.array_equal(async_step(W, theta, p, i, tie), p)
    for s in all_states(len(p)):
        d = int(np.count_nonzero(s != p))
        if d <= r:
            assert margin_holds(W, theta, p, s)
            assert np.array_equal(sync_step(W, theta, s, tie), p)
            assert np.array_equal(run_schedule(W, theta, s, np.flatnonzero(s != p), tie), p)


@given(networks())
@settings(max_examples=150, deadline=None)
def test_radius_is_the_largest_d_with_the_top_d_condition(net) -> None:
    W, theta, p = net
    n = len(p)
    mu = margins(W, theta, p)
    absW = np.abs(W)
    # brute force: the top-d sum is the largest sum over any d columns of the row
    def top(i: int, d: int) -> int:
        return max(sum(int(absW[i, j]) for j in c) for c in itertools.combinations(range(n), d))
    ok = [all(mu[i] > 2 * top(i, d) for i in range(n)) for d in range(n + 1)]
    expected = max((d for d in range(n + 1) if all(ok[: d + 1])), default=-1)
    assert certified_radius(W, theta, p) == expected
    for d in range(n + 1):
        assert [top(i, d) for i in range(n)] == list(top_sums(W, d))
        # the cut form with t = the d-th largest |W_ij| is exactly the top-d sum
        t = cut_values(W, d)
        cut = [d * int(t[i]) + int(np.maximum(absW[i] - int(t[i]), 0).sum()) for i in range(n)]
        assert cut == [top(i, d) for i in range(n)]


@given(st.integers(2, 12), st.data())
@settings(max_examples=60, deadline=None)
def test_negative_control_tight_family_fails_at_radius_plus_one(n, data) -> None:
    """One Hebbian pattern, W = p p^T - I: radius floor((n - 2) / 2), tight for even n."""
    p = np.array(data.draw(st.lists(st.sampled_from([-1, 1]), min_size=n, max_size=n)))
    W = np.outer(p, p) - np.eye(n, dtype=np.int64)
    r = certified_radius(W, None, p)
    assert r == (n - 2) // 2
    if n % 2 == 0:
        flip = data.draw(st.permutations(range(n)))[: r + 1]
        s = p.copy()
        s[list(flip)] *= -1
        # neurons outside D see field -1 against +p_i: one synchronous step does not recall
        assert not np.array_equal(sync_step(W, None, s, "keep"), p)
        assert not margin_holds(W, None, p, s)


@given(st.integers(8, 40), st.integers(1, 5), st.integers(0, 2**32 - 1))
@settings(max_examples=60, deadline=None)
def test_hebbian_crosstalk_corollary(n, m, seed) -> None:
    rng = np.random.default_rng(seed)
    P = rng.choice([-1, 1], size=(m, n))
    W = hebbian(P)
    G = P @ P.T
    c = int(max((abs(int(G[k, l])) for k in range(m) for l in range(m) if k != l), default=0))
    bound = n - m - (m - 1) * c
    for k in range(m):
        assert int(margins(W, None, P[k]).min()) >= bound
        d_max = max((d for d in range(n + 1) if 2 * m * d < bound), default=-1)
        assert certified_radius(W, None, P[k]) >= d_max


@given(networks(), st.integers(1, 12))
@settings(max_examples=80, deadline=None)
def test_rational_weights_scale_out(net, L) -> None:
    W, theta, p = net
    Wq = np.array([[Fraction(int(v), L) for v in row] for row in W], dtype=object)
    tq = np.array([Fraction(int(v), L) for v in theta], dtype=object)
    assert certified_radius(Wq, tq, p) == certified_radius(W, theta, p)
    assert list(margins(Wq, tq, p) * L) == [int(v) for v in margins(W, theta, p)]


def test_bad_inputs_are_rejected() -> None:
    W = np.eye(3, dtype=np.int64)
    with pytest.raises(ValueError, match="square"):
        margins(np.ones((2, 3)), None, [1, 1])
    with pytest.raises(ValueError, match="length 3"):
        margins(W, None, [1, 1])
    with pytest.raises(ValueError, match=r"\+1 or -1"):
        margins(W, None, [1, 0, 1])
    with pytest.raises(ValueError, match="NaN"):
        margins(np.full((3, 3), np.nan), None, [1, 1, 1])
    with pytest.raises(ValueError, match="tie"):
        certified_radius(W, None, [1, 1, 1], tie="minus")
    with pytest.raises(ValueError, match="0 <= d <= n"):
        top_sums(W, 4)
