"""Spec B2/B4 without the 2^n x 2^n kernel: ``distribution_after_scan`` (matrix-free
``mu K^t``) equals the dense product exactly, keeps ``pi`` fixed, obeys the B4 bound, and
rejects bad input."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref import boltzmann as bz

from bm_strategies import pi_of, targets


def _point_mass(N: int, k: int) -> np.ndarray:
    mu = np.empty(N, dtype=object)
    mu[:] = [Fraction(int(j == k)) for j in range(N)]
    return mu


@settings(max_examples=30)
@given(targets(), st.integers(0, 3), st.sampled_from(["systematic", "random"]),
       st.data())
def test_matrix_free_equals_dense_product_exactly(w, t, scan, data):
    N = len(w)
    mu = _point_mass(N, data.draw(st.integers(0, N - 1)))
    K = bz.systematic_scan_kernel(w) if scan == "systematic" else bz.random_scan_kernel(w)
    dense = bz.distribution_after(mu, K, t)
    free = bz.distribution_after_scan(mu, w, t, scan=scan)
    assert all(isinstance(x, Fraction) for x in free)
    assert free.tolist() == dense.tolist()


@settings(max_examples=30)
@given(targets())
def test_matrix_free_keeps_pi_fixed(w):
    pi = pi_of(w)
    for scan in ("systematic", "random"):
        assert bz.distribution_after_scan(pi, w, 2, scan=scan).tolist() == pi.tolist()


def test_matrix_free_float_large_n_meets_B4_bound():
    # n = 12 (a 4096 x 4096 dense kernel would be 128 MB; here O(n 2^n)): TV from a point
    # mass after t sweeps is at most (1 - alpha)^t with B3's explicit systematic alpha.
    n = 12
    rng = np.random.default_rng(3)
    A = rng.integers(-1, 2, size=(n, n))
    W = np.triu(A, 1) + np.triu(A, 1).T
    beta = 0.3
    pi = bz.boltzmann_distribution(W, None, beta)
    w = np.exp(np.log(pi) - np.log(pi).max())          # positive float target
    mu = np.zeros(2**n)
    mu[0] = 1.0
    alpha = float(bz.doeblin_alpha_explicit(w, scan="systematic"))
    assert 0 < alpha < 1
    prev = 1.0
    for t in (1, 2, 4):
        tv = bz.tv_distance(bz.distribution_after_scan(mu, w, t), pi / pi.sum())
        assert tv <= (1 - alpha) ** t + 1e-12
        assert tv <= prev + 1e-12                          # TV never grows under a kernel
        prev = tv


def test_matrix_free_hand_example():
    # n = 1, w = (1, 3): K_0 has both rows (1/4, 3/4), so from either point mass one step
    # gives (1/4, 3/4) for both scans.
    w = np.array([1, 3])
    for scan in ("systematic", "random"):
        out = bz.distribution_after_scan(_point_mass(2, 0), w, 1, scan=scan)
        assert out.tolist() == [Fraction(1, 4), Fraction(3, 4)]


@pytest.mark.parametrize("mu, msg", [
    (np.array([Fraction(1, 2)] * 3, dtype=object), "expected \\(2,\\)"),
    (np.array([Fraction(1, 2), Fraction(1, 3)], dtype=object), "sums to"),
    (np.array([Fraction(3, 2), Fraction(-1, 2)], dtype=object), "negative"),
    (np.array([0.5, 0.5]), "floats with an exact"),
])
def test_matrix_free_rejects_bad_distributions(mu, msg):
    with pytest.raises(ValueError, match=msg):
        bz.distribution_after_scan(mu, np.array([1, 3]), 1)


def test_matrix_free_rejects_bad_scan_and_t():
    mu = _point_mass(2, 0)
    with pytest.raises(ValueError, match="scan"):
        bz.distribution_after_scan(mu, np.array([1, 3]), 1, scan="metropolis")
    with pytest.raises(ValueError):
        bz.distribution_after_scan(mu, np.array([1, 3]), -1)
    with pytest.raises(ValueError, match="NaN"):
        bz.distribution_after_scan(np.array([np.nan, 1.0]), np.array([1.0, 3.0]), 1)
