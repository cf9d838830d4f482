"""Conformance adapter for hopfieldnetwork 1.0.1 (``hopfieldnetwork.HopfieldNetwork``).

Conventions: no thresholds; ``sign_0`` sends a field ``>= -1e-15`` to +1 (tie plus);
energy ``-1/2 s^T W s``; Hebbian ``1/n`` (``train_pattern`` per pattern).  Synchronous
step: ``update_neurons(1, "sync")``; ``is_fixed_point``: ``check_stability``.  Property
mode: ``update_neurons(0, mode, run_max=True)``, the library's own run to convergence (a
fixed point, or a 2-cycle for ``sync``), with its random sweep order from ``np.random``.
"""

from __future__ import annotations

import importlib

import numpy as np

__all__ = ["LIBRARY", "CONVENTIONS", "energy", "sync_step", "is_fixed_point", "hebbian",
           "run_async", "run_sync"]

LIBRARY = ("hopfieldnetwork", "1.0.1")
CONVENTIONS = {"tie": "plus", "thresholds": False, "energy": "half-quadratic",
               "hebbian_normalisation": "1/n"}


def _net(W):
    lib = importlib.import_module("hopfieldnetwork")
    W = np.asarray(W, dtype=float)
    net = lib.HopfieldNetwork(N=W.shape[0])
    net.w = W
    return net


def energy(W, theta, s):
    return float(_net(W).compute_energy(np.asarray(s)))


def sync_step(W, theta, s):
    net = _net(W)
    net.set_initial_neurons_state(np.asarray(s, dtype=np.int8).copy())
    net.update_neurons(1, "sync")
    return np.asarray(net.S)


def is_fixed_point(W, theta, s):
    return bool(_net(W).check_stability(np.asarray(s)))


def hebbian(patterns):
    P = np.asarray(patterns)
    net = importlib.import_module("hopfieldnetwork").HopfieldNetwork(N=P.shape[1])
    for p in P:
        net.train_pattern(p)
    return net.w


def _run(W, s, mode):
    net = _net(W)
    net.set_initial_neurons_state(np.asarray(s, dtype=np.int8).copy())
    net.update_neurons(0, mode, run_max=True)
    return np.asarray(net.S).copy(), True        # run_max returns once converged


def run_async(W, theta, s, seed):
    np.random.seed(seed)                          # the library draws from np.random
    return _run(W, s, "async")


def run_sync(W, theta, s):
    return _run(W, s, "sync")
