"""Conformance adapter for the Hopfield network of neurodynex3 1.0.4
(``neurodynex3.hopfield_network.network.HopfieldNetwork``).

Conventions: no thresholds; ``sign(h)`` with ``sign(0) -> +1`` (tie plus); Hebbian
``1/n`` with a zero diagonal (``store_patterns``).  ``sync_step`` is one ``iterate`` of the
synchronous dynamics; ``run_async`` / ``run_sync`` record ``run_with_monitoring`` (the
asynchronous dynamics update every neuron once per step in a random order from
``np.random``).
"""

from __future__ import annotations

import importlib

import numpy as np

__all__ = ["LIBRARY", "CONVENTIONS", "sync_step", "is_fixed_point", "hebbian", "run_async",
           "run_sync"]

LIBRARY = ("neurodynex3", "1.0.4")
CONVENTIONS = {"tie": "plus", "thresholds": False, "hebbian_normalisation": "1/n"}


def _net(W, s=None):
    mod = importlib.import_module("neurodynex3.hopfield_network.network")
    W = np.asarray(W, dtype=float)
    net = mod.HopfieldNetwork(W.shape[0])
    net.weights = W
    if s is not None:
        net.set_state_from_pattern(np.asarray(s, dtype=float))
    return net


def sync_step(W, theta, s):
    net = _net(W, s)
    net.set_dynamics_sign_sync()
    net.iterate()
    return net.state


def is_fixed_point(W, theta, s):
    return bool(np.array_equal(sync_step(W, theta, s), np.asarray(s, dtype=float)))


def hebbian(patterns):
    P = np.asarray(patterns, dtype=float)
    net = _net(np.zeros((P.shape[1], P.shape[1])))
    net.store_patterns(list(P))
    return net.weights


def _monitor(W, s, steps):
    net = _net(W, s)
    return net, [np.asarray(x) for x in net.run_with_monitoring(nr_steps=steps)]


def run_async(W, theta, s, seed):
    np.random.seed(seed)
    net = _net(W, s)
    net.set_dynamics_sign_async()
    states = [np.asarray(x) for x in net.run_with_monitoring(nr_steps=4 * len(s) + 4)]
    # a whole random pass that changed nothing: every neuron was checked at that state
    return states, bool(np.array_equal(states[-1], states[-2]))


def run_sync(W, theta, s):
    net = _net(W, s)
    net.set_dynamics_sign_sync()
    return [np.asarray(x) for x in net.run_with_monitoring(nr_steps=8)]
