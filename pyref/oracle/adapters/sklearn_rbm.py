"""Conformance adapter for scikit-learn's ``BernoulliRBM`` (its free energy, hidden
means and Gibbs step against pyref's exact +-1 RBM, :mod:`pyref.rbm`).

``BernoulliRBM`` has 0/1 units and ``E01(x, y) = -x^T A y - b.x - c.y`` (``A`` =
``components_.T``, ``b`` = ``intercept_visible_``, ``c`` = ``intercept_hidden_``).  With
``v = 2x - 1``, ``h = 2y - 1`` it is pyref's ``E(v, h) = -v^T W h + theta_v.v + theta_h.h``
plus a constant when ``A = 4 W``, ``b = -2 theta_v - 2 W 1``, ``c = -2 theta_h - 2 W^T 1``;
then ``F(v) = F01(x) + 1^T W 1 + (1^T b + 1^T c) / 2`` and the conditionals agree.  The
Gibbs step runs ``BernoulliRBM.gibbs`` with a random state that returns the kit's
uniforms.
"""

from __future__ import annotations

import importlib

import numpy as np

__all__ = ["LIBRARY", "CONVENTIONS", "rbm_free_energy", "rbm_hidden_probabilities",
           "rbm_gibbs_step"]

LIBRARY = ("scikit-learn", "1.9.1")
CONVENTIONS: dict = {}


def _rbm(W, theta_v, theta_h):
    W = np.asarray(W, dtype=float)
    tv, th = np.asarray(theta_v, dtype=float), np.asarray(theta_h, dtype=float)
    nv, nh = W.shape
    r = importlib.import_module("sklearn.neural_network").BernoulliRBM(n_components=nh)
    r.components_ = (4.0 * W).T
    r.intercept_visible_ = -2.0 * tv - 2.0 * W.sum(axis=1)
    r.intercept_hidden_ = -2.0 * th - 2.0 * W.sum(axis=0)
    r.n_features_in_ = nv
    return r, W


def rbm_free_energy(W, theta_v, theta_h, v):
    r, Wf = _rbm(W, theta_v, theta_h)
    x = (np.asarray(v, dtype=float)[None, :] + 1) / 2
    const = Wf.sum() + (r.intercept_visible_.sum() + r.intercept_hidden_.sum()) / 2
    return float(r._free_energy(x)[0] + const)


def rbm_hidden_probabilities(W, theta_v, theta_h, v):
    r, _ = _rbm(W, theta_v, theta_h)
    return r._mean_hiddens((np.asarray(v, dtype=float)[None, :] + 1) / 2)[0]


class _Uniforms:
    """A stand-in random state whose ``uniform`` returns given numbers, in order."""

    def __init__(self, *arrays):
        self._arrays = list(arrays)

    def uniform(self, size=None):
        return np.asarray(self._arrays.pop(0), dtype=float).reshape(size)


def rbm_gibbs_step(W, theta_v, theta_h, v, u_h, u_v):
    r, _ = _rbm(W, theta_v, theta_h)
    r.random_state_ = _Uniforms(np.asarray(u_h)[None, :], np.asarray(u_v)[None, :])
    x1 = r.gibbs((np.asarray(v, dtype=float)[None, :] + 1) / 2)[0]
    return 2 * np.asarray(x1, dtype=int) - 1
