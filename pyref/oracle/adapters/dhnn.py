"""Conformance adapter for dhnn 0.1.12 (``dhnn.DHNN``).

Conventions: one scalar threshold for all neurons (checked with ``theta = 0``: no
thresholds); ``x > theta`` gives +1, else -1 (tie minus); integer Hebbian
``P^T P - m I``.  The library has only ``predict``: random single-neuron updates from its
own scheduler (``np.random``).  ``is_fixed_point`` asks, as a user would, whether a long
``predict`` (``50 n + 50`` updates) leaves the state unchanged; nothing here knows which
neurons the scheduler reaches.
"""

from __future__ import annotations

import importlib

import numpy as np

__all__ = ["LIBRARY", "CONVENTIONS", "is_fixed_point", "hebbian", "run_async"]

LIBRARY = ("dhnn", "0.1.12")
CONVENTIONS = {"tie": "minus", "thresholds": False, "hebbian_normalisation": "integer"}


def _model(W):
    m = importlib.import_module("dhnn").DHNN(pflag=1, nflag=-1)
    m._w = np.asarray(W, dtype=float)
    return m


def _predict(W, s, seed):
    np.random.seed(seed)                          # the library draws from np.random
    s = np.asarray(s, dtype=float)
    return _model(W).predict(s[None, :].copy(), theta=0, epochs=50 * len(s) + 50)[0]


def is_fixed_point(W, theta, s):
    return bool(np.array_equal(_predict(W, s, 0), np.asarray(s, dtype=float)))


def hebbian(patterns):
    m = importlib.import_module("dhnn").DHNN(pflag=1, nflag=-1)
    m.train(list(np.asarray(patterns)))
    return m.weight


def run_async(W, theta, s, seed):
    return _predict(W, s, seed)                   # final state only, no convergence claim
