"""Independent numpy adapters for each convention the kit supports (``make(...)`` builds
one): tie rule keep/plus/minus, Hebbian integer / 1/n / 1/m, Storkey with the diagonal
zeroed or kept, energy spec / half-quadratic with a scale, states +-1 or 0/1.  Written
from the definitions in docs/conformance.md, not from pyref."""

from __future__ import annotations

import types

import numpy as np


def make(tie="keep", hebbian="integer", storkey="zero", energy="spec", scale=1.0,
         spins="pm1"):
    """An adapter (a namespace of functions) following the given conventions."""
    zero_one = spins == "01"

    def new_value(u, t, old):
        # u, t: the library's own field and threshold; old: its own state value
        hi, lo = (1, 0) if zero_one else (1, -1)
        if u > t:
            return hi
        if u < t:
            return lo
        return {"keep": old, "plus": hi, "minus": lo}[tie]

    def async_step(W, theta, s, i):
        s = np.array(s)
        s[i] = new_value(np.asarray(W)[i] @ s, theta[i], s[i])
        return s

    def sync_step(W, theta, s):
        s = np.asarray(s)
        h = np.asarray(W) @ s
        return np.array([new_value(h[i], theta[i], s[i]) for i in range(len(s))])

    def sweep(W, theta, s):
        for i in range(len(s)):
            s = async_step(W, theta, s, i)
        return s

    def is_fixed_point(W, theta, s):
        return bool(np.array_equal(sync_step(W, theta, s), np.asarray(s)))

    def field(W, s):
        return np.asarray(W) @ np.asarray(s)

    def energy_fn(W, theta, s):
        W, s = np.asarray(W, dtype=float), np.asarray(s, dtype=float)
        if energy == "half-quadratic":
            quad = -0.5 * s @ W @ s
        else:
            quad = -sum(W[i, j] * s[i] * s[j] for i in range(len(s))
                        for j in range(i + 1, len(s)))
        return scale * (quad + np.asarray(theta, dtype=float) @ s)

    def hebbian_fn(patterns):
        P = np.asarray(patterns)
        m, n = P.shape
        W = P.T @ P - m * np.eye(n, dtype=int)
        return {"integer": W, "1/n": W / n, "1/m": W / m}[hebbian]

    def storkey_fn(patterns):
        P = np.asarray(patterns, dtype=float)
        n = P.shape[1]
        W = np.zeros((n, n))
        for xi in P:
            new = W.copy()
            for i in range(n):
                for j in range(n):
                    if i == j and storkey == "zero":
                        continue
                    h_ij = sum(W[i, k] * xi[k] for k in range(n) if k not in (i, j))
                    h_ji = sum(W[j, k] * xi[k] for k in range(n) if k not in (i, j))
                    new[i, j] += (xi[i] * xi[j] - xi[i] * h_ji - h_ij * xi[j]) / n
            W = new
        return W

    return types.SimpleNamespace(field=field, energy=energy_fn, async_step=async_step,
                                 sync_step=sync_step, sweep=sweep,
                                 is_fixed_point=is_fixed_point, hebbian=hebbian_fn,
                                 storkey=storkey_fn)
