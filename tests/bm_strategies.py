"""Shared Hypothesis strategies and helpers for the Boltzmann property tests (B1-B4)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from hypothesis import strategies as st

from pyref import boltzmann as bz

SPINS = st.sampled_from([-1, 1])
QS = st.sampled_from([Fraction(1), Fraction(1, 2), Fraction(1, 3), Fraction(2, 3),
                      Fraction(1, 10), Fraction(7, 8)])


@st.composite
def targets(draw, max_n: int = 3):
    """Exact positive weights on the 2^n states: arbitrary positive Fractions, or Boltzmann
    weights q^(E - E_min) of a random integer machine."""
    n = draw(st.integers(1, max_n))
    if draw(st.booleans()):
        vals = draw(st.lists(st.fractions(min_value=Fraction(1, 9), max_value=9,
                                          max_denominator=9),
                             min_size=2**n, max_size=2**n))
        w = np.empty(2**n, dtype=object)
        w[:] = vals
        return w
    k = n * (n - 1) // 2
    W = np.zeros((n, n), dtype=np.int64)
    W[np.triu_indices(n, 1)] = draw(st.lists(st.integers(-3, 3), min_size=k, max_size=k))
    W = W + W.T
    theta = np.array(draw(st.lists(st.integers(-2, 2), min_size=n, max_size=n)))
    return bz.boltzmann_weights_exact(W, theta, draw(QS))


def n_of(w) -> int:
    return len(w).bit_length() - 1


def pi_of(w):
    z = sum(w, Fraction(0))
    out = np.empty(len(w), dtype=object)
    out[:] = [x / z for x in w]
    return out
