"""Spec B3 (irreducibility / aperiodicity with explicit positivity), on pyref, exact.

With ``delta = min w / sum w`` (Lean ``gibbsBound``): every entry of the systematic scan
``K_0 ... K_{n-1}`` is ``>= delta^n > 0`` and every entry of ``K^n`` (random scan) is
``>= (delta / n)^n > 0``; pyref's explicit bounds (``min_site_probability``,
``doeblin_alpha_explicit``) are below the exact Doeblin constants.
Negative control: ``n - 1`` random-scan steps cannot reach the all-flipped state
(``K^(n-1)(s, -s) = 0``), so the ``n`` in ``K^n`` is needed.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from hypothesis import given, settings

from pyref import boltzmann as bz

from bm_strategies import QS, SPINS, n_of, pi_of, targets  # noqa: F401


@settings(max_examples=40)
@given(targets())
def test_B3_positivity_with_explicit_bounds(w):
    n = n_of(w)
    N = 2**n
    delta = min(w) / sum(w, Fraction(0))
    S = bz.systematic_scan_kernel(w)
    Kn = bz.kernel_power(bz.random_scan_kernel(w), n)
    assert min(S.ravel()) >= delta**n > 0
    assert min(Kn.ravel()) >= (delta / n) ** n > 0
    # pyref's own explicit constants are valid lower bounds of the exact Doeblin constants
    c = bz.min_site_probability(w)
    assert c >= delta
    assert bz.doeblin_alpha_explicit(w, "systematic") == N * c**n
    assert 0 < bz.doeblin_alpha_explicit(w, "systematic") <= bz.doeblin_alpha(S)
    assert 0 < bz.doeblin_alpha_explicit(w, "random") <= bz.doeblin_alpha(Kn)
    assert bz.doeblin_alpha(S) == N * min(S.ravel())


@settings(max_examples=30)
@given(targets())
def test_B3_negative_control_n_minus_one_steps_do_not_suffice(w):
    n = n_of(w)
    N = 2**n
    K = bz.random_scan_kernel(w)
    Km = bz.kernel_power(K, n - 1)
    # each step changes at most one bit; s -> complement(s) needs n changes
    assert all(Km[s, (N - 1) ^ s] == 0 for s in range(N))
    assert bz.doeblin_alpha(Km) == 0


def test_B3_hand_example():
    # n = 1, w = (1, 3): delta = 1/4; S = K_0 has rows (1/4, 3/4), min 1/4 = delta^1.
    S = bz.systematic_scan_kernel(np.array([1, 3]))
    assert min(S.ravel()) == Fraction(1, 4)
