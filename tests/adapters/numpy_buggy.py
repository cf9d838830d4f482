"""An adapter with planted classic bugs, which the conformance kit must catch:

* ``hebbian`` forgets to zero the diagonal (``W = P^T P``, diagonal ``m``);
* ``sweep`` never updates the last neuron (``range(n - 1)``);
* ``boltzmann_distribution`` uses ``q^(E/2)`` (a beta off by a factor 2).

Everything else is the correct implementation.
"""

from __future__ import annotations

import numpy as np

from tests.adapters.numpy_correct import (  # noqa: F401  (re-exported, correct)
    async_step,
    energy,
    field,
    is_fixed_point,
    random_scan_kernel,
    site_kernel,
    sync_step,
    systematic_scan_kernel,
    _states,
)


def hebbian(patterns):
    P = np.asarray(patterns)
    return P.T @ P                                    # BUG: diagonal not zeroed


def sweep(W, theta, s):
    for i in range(len(s) - 1):                       # BUG: last neuron never updated
        s = async_step(W, theta, s, i)
    return s


def boltzmann_distribution(W, theta, q):
    W, theta = np.asarray(W), np.asarray(theta)
    S = _states(len(theta))
    E = -0.5 * np.einsum("bi,ij,bj->b", S, W, S) + S @ theta
    p = np.power(q, (E - E.min()) / 2)                # BUG: temperature off by 2
    return p / p.sum()
