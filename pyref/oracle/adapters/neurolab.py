"""Conformance adapter for neurolab 0.3.5 (``neurolab.net.newhop``; needs numpy < 2).

Conventions: thresholds through the layer bias ``b = -theta``; ``HardLims`` gives +1 only
for ``W x + b > 0`` (tie minus); synchronous only; Hebbian ``1/n``.  ``sync_step`` is a
recurrent layer with ``max_iter = 1``; ``run_sync`` is ``Net.sim`` with the ``newhop``
defaults (at most 10 iterations, stop when the output repeats).
"""

from __future__ import annotations

import importlib

import numpy as np

__all__ = ["LIBRARY", "CONVENTIONS", "sync_step", "is_fixed_point", "hebbian", "run_sync"]

LIBRARY = ("neurolab", "0.3.5")
CONVENTIONS = {"tie": "minus", "hebbian_normalisation": "1/n"}


def _net(W, theta, max_iter):
    nl = importlib.import_module("neurolab")
    W = np.asarray(W, dtype=float)
    n = W.shape[0]
    layer = nl.layer.Reccurent(n, n, nl.trans.HardLims(), max_iter, 0)
    layer.np["w"][:] = W
    layer.np["b"][:] = -np.asarray(theta, dtype=float)
    layer.initf = None
    return nl.core.Net([[-1, 1]] * n, n, [layer], [[-1], [0]], None, None), layer


def sync_step(W, theta, s):
    net, _ = _net(W, theta, 1)
    return net.sim(np.asarray(s, dtype=float)[None, :])[0]


def is_fixed_point(W, theta, s):
    return bool(np.array_equal(sync_step(W, theta, s), np.asarray(s, dtype=float)))


def hebbian(patterns):
    nl = importlib.import_module("neurolab")
    net = nl.net.newhop(np.asarray(patterns, dtype=float))
    return net.layers[0].np["w"].copy()


def run_sync(W, theta, s, max_iter=10):
    net, layer = _net(W, theta, max_iter)
    net.sim(np.asarray(s, dtype=float)[None, :])
    outs = [np.asarray(s, dtype=float)] + [np.array(o) for o in layer.outs]
    return outs, len(layer.outs) < max_iter       # it stopped because the output repeated
