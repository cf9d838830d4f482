"""Conformance adapter for hopfieldkit 0.1.0 (``hopfieldkit.HopfieldNetwork``).

Conventions: no thresholds; a tie (``W_i . s = 0``) gives +1 (``local_field >= 0``);
energy ``-1/2 s^T W s``; Hebbian ``1/n``.  The library has no single-neuron step: a
``recall(order="sequential", max_steps=1)`` is one cyclic sweep, and ``is_fixed_point``
asks whether that sweep changes nothing.  ``run_async`` is the library's own scheduler
(``order="random"``, one reshuffled pass per call) until a pass changes nothing.
"""

from __future__ import annotations

import importlib

import numpy as np

__all__ = ["LIBRARY", "CONVENTIONS", "energy", "sweep", "is_fixed_point", "hebbian", "run_async"]

LIBRARY = ("hopfieldkit", "0.1.0")
CONVENTIONS = {"tie": "plus", "thresholds": False, "energy": "half-quadratic",
               "hebbian_normalisation": "1/n"}


def _net(W):
    lib = importlib.import_module("hopfieldkit")
    W = np.asarray(W, dtype=float)
    net = lib.HopfieldNetwork(W.shape[0])
    net.weights = W
    return net


def energy(W, theta, s):
    return _net(W).energy(s)


def sweep(W, theta, s):
    return _net(W).recall(s, order="sequential", max_steps=1)


def is_fixed_point(W, theta, s):
    return bool(np.array_equal(sweep(W, theta, s), np.asarray(s, dtype=float)))


def hebbian(patterns):
    P = np.asarray(patterns)
    lib = importlib.import_module("hopfieldkit")
    return lib.HopfieldNetwork(P.shape[1]).fit(P).weights


def run_async(W, theta, s, seed):
    net = _net(W)
    states = [np.asarray(s, dtype=float)]
    for k in range(200):
        nxt = net.recall(states[-1], order="random", max_steps=1, seed=seed * 1000 + k)
        if np.array_equal(nxt, states[-1]):
            return states, True
        states.append(nxt)
    return states, False
