"""A correct adapter for ``pyref conform``: a small, independent numpy implementation of
the spec conventions (not a wrapper over pyref).  Keep ties, integer Hebbian rule.

Floats are used for the Boltzmann functions, as a typical library would; the kit compares
floats to a relative 1e-9.
"""

from __future__ import annotations

import numpy as np


def field(W, s):
    return np.asarray(W) @ np.asarray(s)


def energy(W, theta, s):
    W, theta, s = np.asarray(W), np.asarray(theta), np.asarray(s)
    return int(-0.5 * s @ W @ s + theta @ s)          # zero diagonal: = -sum_{i<j} ...


def _new_spin(h, t, old):
    return 1 if h > t else (-1 if h < t else old)


def async_step(W, theta, s, i):
    s = np.array(s)
    s[i] = _new_spin(np.asarray(W)[i] @ s, theta[i], s[i])
    return s


def sync_step(W, theta, s):
    s = np.asarray(s)
    h = np.asarray(W) @ s
    return np.array([_new_spin(h[i], theta[i], s[i]) for i in range(len(s))])


def sweep(W, theta, s):
    for i in range(len(s)):
        s = async_step(W, theta, s, i)
    return s


def is_fixed_point(W, theta, s):
    return bool(np.array_equal(sync_step(W, theta, s), np.asarray(s)))


def hebbian(patterns):
    P = np.asarray(patterns)
    W = P.T @ P
    np.fill_diagonal(W, 0)                            # p_i p_i summed = m, minus m I
    return W


def _states(n):
    k = np.arange(2**n)[:, None]
    return np.where((k >> np.arange(n)) & 1, 1, -1)


def site_kernel(w, i):
    w = np.asarray(w, dtype=float)
    N = len(w)
    K = np.zeros((N, N))
    for s in range(N):
        up, down = s | (1 << i), s & ~(1 << i)
        K[s, up] = w[up] / (w[up] + w[down])
        K[s, down] = w[down] / (w[up] + w[down])
    return K


def random_scan_kernel(w):
    n = len(w).bit_length() - 1
    return sum(site_kernel(w, i) for i in range(n)) / n


def systematic_scan_kernel(w):
    n = len(w).bit_length() - 1
    K = np.eye(len(w))
    for i in range(n):
        K = K @ site_kernel(w, i)
    return K


def boltzmann_distribution(W, theta, q):
    W, theta = np.asarray(W), np.asarray(theta)
    S = _states(len(theta))
    E = -0.5 * np.einsum("bi,ij,bj->b", S, W, S) + S @ theta
    p = np.power(q, E - E.min()) if q < 1 else np.ones(len(E))
    return p / p.sum()
