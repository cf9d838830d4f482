"""The same library-like adapter as ``scheduler_buggy`` with the bug fixed
(``rng.integers(0, n)``): it must pass under ``--tie minus --no-thresholds``."""

from __future__ import annotations

import numpy as np

from tests.adapters.scheduler_buggy import _library_predict, hebbian  # noqa: F401


def is_fixed_point(W, theta, s):
    # with every neuron drawn, a long run from a non-fixed state moves away from it
    rng = np.random.default_rng(0)
    return bool(np.array_equal(_library_predict(W, s, 50 * len(s) + 50, rng, False), s))


def run_async(W, theta, s, seed):
    rng = np.random.default_rng(seed)
    states = [np.array(s)]
    for _ in range(50 * len(s) + 50):
        states.append(_library_predict(W, states[-1], 1, rng, False))
    return states
