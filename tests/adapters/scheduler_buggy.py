"""A library-like adapter with its own random scheduler and the dhnn 0.1.12 bug: the
neuron index is drawn by ``rng.integers(0, n - 1)`` (exclusive upper bound), so the last
neuron is never updated.  Ties give -1, no thresholds (``--tie minus --no-thresholds``).
The adapter does not special-case anything: ``is_fixed_point`` asks the "library" whether
a long run from ``s`` leaves ``s`` unchanged, as a user would."""

from __future__ import annotations

import numpy as np


def _library_predict(W, s, epochs, rng, last_exclusive=True):
    s = np.array(s)
    n = len(s)
    hi = n - 1 if last_exclusive else n
    if hi <= 0:
        return s
    for i in rng.integers(0, hi, size=epochs):
        s[i] = 1 if W[i] @ s > 0 else -1
    return s


def is_fixed_point(W, theta, s):
    rng = np.random.default_rng(0)
    return bool(np.array_equal(_library_predict(W, s, 50 * len(s) + 50, rng), s))


def hebbian(patterns):
    P = np.asarray(patterns)
    return P.T @ P - len(P) * np.eye(P.shape[1], dtype=int)


def run_async(W, theta, s, seed):
    rng = np.random.default_rng(seed)
    return [np.array(s), _library_predict(W, s, 50 * len(s) + 50, rng)]
