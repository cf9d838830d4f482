"""Spec B5 (zero-temperature limit), property-tested on pyref in exact Fractions.

``P_q = gibbs_plus_probability(W, theta, s, i, q)`` is the heat-bath probability of
``s_i = +1`` for ``pi = q^(E - E_min)``; ``D = zero_temperature_update(...)`` is T1's rule
as a probability (1 if ``h_i > theta_i``, 0 if ``h_i < theta_i``) with ties split ``1/2``.
For integer ``W``, ``theta`` and ``h_i != theta_i``:
``|P_q - D| = q^(2|h_i - theta_i|) / (1 + q^(2|h_i - theta_i|)) <= q^(2|h_i - theta_i|) <= q``;
on a tie ``P_q = 1/2`` exactly for every ``q``.  Also ``P_q = sigma(2 beta (h_i - theta_i))``
with ``q = exp(-beta)``, and pyref's site kernel gives the same probability.
Negative control: on a tie the limit is 1/2, not the "keep" value.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref import boltzmann as bz
from pyref.classical import field, update_value

SPINS = st.sampled_from([-1, 1])


@st.composite
def machines(draw, max_n: int = 6):
    n = draw(st.integers(1, max_n))
    k = n * (n - 1) // 2
    W = np.zeros((n, n), dtype=np.int64)
    W[np.triu_indices(n, 1)] = draw(st.lists(st.integers(-3, 3), min_size=k, max_size=k))
    W = W + W.T
    theta = np.array(draw(st.lists(st.integers(-3, 3), min_size=n, max_size=n)))
    s = np.array(draw(st.lists(SPINS, min_size=n, max_size=n)))
    i = draw(st.integers(0, n - 1))
    return W, theta, s, i


QS = st.fractions(min_value=Fraction(1, 1000), max_value=1, max_denominator=1000)


@settings(max_examples=150)
@given(machines(), QS)
def test_B5_explicit_bound_in_q(mach, q):
    W, theta, s, i = mach
    d = int(field(W, s)[i]) - int(theta[i])
    P = bz.gibbs_plus_probability(W, theta, s, i, q)
    D = bz.zero_temperature_update(W, theta, s, i)
    assert isinstance(P, Fraction) and 0 < P < 1
    if d == 0:
        assert P == Fraction(1, 2) and D == Fraction(1, 2)
    else:
        assert D == (1 if d > 0 else 0)
        # D is T1's deterministic rule (no tie here, so both tie rules agree)
        assert D == (1 + update_value(d, 0, int(s[i]))) // 2
        err = abs(P - D)
        r = q ** (2 * abs(d))
        assert err == r / (1 + r)
        assert err <= r <= q


@settings(max_examples=60)
@given(machines(), QS, QS)
def test_B5_monotone_in_q(mach, q1, q2):
    # the error shrinks as q decreases (temperature goes to 0)
    W, theta, s, i = mach
    lo, hi = min(q1, q2), max(q1, q2)
    D = bz.zero_temperature_update(W, theta, s, i)
    e_lo = abs(bz.gibbs_plus_probability(W, theta, s, i, lo) - D)
    e_hi = abs(bz.gibbs_plus_probability(W, theta, s, i, hi) - D)
    assert e_lo <= e_hi


@settings(max_examples=40)
@given(machines(max_n=3), QS)
def test_B5_matches_site_kernel_and_sigmoid(mach, q):
    W, theta, s, i = mach
    P = bz.gibbs_plus_probability(W, theta, s, i, q)
    K = bz.site_kernel(bz.boltzmann_weights_exact(W, theta, q), i)
    k = bz.state_index(s)
    assert K[k, k | (1 << i)] == P
    beta = -math.log(float(q))
    d = int(field(W, s)[i]) - int(theta[i])
    assert abs(float(P) - 1 / (1 + math.exp(-2 * beta * d))) < 1e-12


def test_B5_hand_example():
    # W = [[0,1,-2],[1,0,3],[-2,3,0]], theta = (0,1,0), s = (1,1,-1), i = 1:
    # h_1 = 1*1 + 3*(-1) = -2, h_1 - theta_1 = -3, so P = 1 / (1 + q^(-6)) = q^6 / (q^6 + 1);
    # q = 1/2: P = (1/64) / (65/64) = 1/65, D = 0, error 1/65 <= (1/2)^6 = 1/64 <= 1/2.
    W = np.array([[0, 1, -2], [1, 0, 3], [-2, 3, 0]])
    assert bz.gibbs_plus_probability(W, [0, 1, 0], [1, 1, -1], 1, "1/2") == Fraction(1, 65)
    assert bz.zero_temperature_update(W, [0, 1, 0], [1, 1, -1], 1) == 0


def test_B5_negative_control_tie_is_split_not_kept():
    # W = [[0,1],[1,0]], theta = (1, 0), s = (-1, 1), i = 0: h_0 = 1 = theta_0, a tie.  keep rule: s_0 stays -1 (P(+1) = 0),
    # plus rule: +1; the Gibbs probability is 1/2 for every q, so neither deterministic tie
    # rule is the zero-temperature limit on a tie.
    W = np.array([[0, 1], [1, 0]])
    for q in ("1/1000", "1/2", 1):
        assert bz.gibbs_plus_probability(W, [1, 0], [-1, 1], 0, q) == Fraction(1, 2)
    assert update_value(1, 1, -1, "keep") == -1 and update_value(1, 1, -1, "plus") == 1


def test_B5_validation():
    W = np.array([[0, 1], [1, 0]])
    with pytest.raises(ValueError, match="q"):
        bz.gibbs_plus_probability(W, [0, 0], [1, 1], 0, 0)
    with pytest.raises(ValueError, match="integer"):
        bz.gibbs_plus_probability(W * 0.5, [0, 0], [1, 1], 0, "1/2")
    with pytest.raises(ValueError, match="symmetric"):
        bz.zero_temperature_update(np.array([[0, 1], [2, 0]]), [0, 0], [1, 1], 0)
    with pytest.raises(ValueError):
        bz.zero_temperature_update(W, [0, 0], [1, 1], 2)
