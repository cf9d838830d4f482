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


def storkey(patterns):
    """Storkey (1997), diagonal zero: W_ij += (xi_i xi_j - xi_i h_ji - h_ij xi_j) / n with
    h_ij = sum_{k != i, j} W_ik xi_k = (W xi)_i - W_ii xi_i - W_ij xi_j."""
    P = np.asarray(patterns, dtype=float)
    n = P.shape[1]
    W = np.zeros((n, n))
    for xi in P:
        full = W @ xi
        H = full[:, None] - (np.diag(W) * xi)[:, None] - W * xi[None, :]
        dW = (np.outer(xi, xi) - xi[:, None] * H.T - H * xi[None, :]) / n
        np.fill_diagonal(dW, 0.0)
        W = W + dW
    return W


def run_async(W, theta, s, seed):
    """Own scheduler: a fresh random permutation per sweep until a sweep changes nothing;
    returns every state visited and the claim that the last one is a fixed point."""
    rng = np.random.default_rng(seed)
    s = np.array(s)
    states = [s.copy()]
    for _ in range(1000):
        changed = False
        for i in rng.permutation(len(s)):
            new = async_step(W, theta, s, i)
            if not np.array_equal(new, s):
                s, changed = new, True
                states.append(s.copy())
        if not changed:
            return states, True
    return states, False


def run_sync(W, theta, s):
    """Synchronous steps until a fixed point or a 2-cycle."""
    states = [np.array(s)]
    for _ in range(1000):
        states.append(sync_step(W, theta, states[-1]))
        if np.array_equal(states[-1], states[-2]) or (
                len(states) > 2 and np.array_equal(states[-1], states[-3])):
            return states, True
    return states, False


def _rbm_energy(W, tv, th, v, h):
    return -(v @ W @ h) + tv @ v + th @ h


def rbm_free_energy(W, theta_v, theta_h, v):
    """-log sum_h exp(-E(v, h)) by enumerating the hidden states."""
    W, v = np.asarray(W, dtype=float), np.asarray(v, dtype=float)
    H = _states(W.shape[1])
    e = np.array([-_rbm_energy(W, np.asarray(theta_v), np.asarray(theta_h), v, h)
                  for h in H])
    top = e.max()
    return float(-(top + np.log(np.exp(e - top).sum())))


def rbm_hidden_probabilities(W, theta_v, theta_h, v):
    x = np.asarray(v) @ np.asarray(W) - np.asarray(theta_h)
    return 1.0 / (1.0 + np.exp(-2.0 * x))


def rbm_visible_probabilities(W, theta_v, theta_h, h):
    x = np.asarray(W) @ np.asarray(h) - np.asarray(theta_v)
    return 1.0 / (1.0 + np.exp(-2.0 * x))


def rbm_gibbs_step(W, theta_v, theta_h, v, u_h, u_v):
    h = np.where(u_h < rbm_hidden_probabilities(W, theta_v, theta_h, v), 1, -1)
    return np.where(u_v < rbm_visible_probabilities(W, theta_v, theta_h, h), 1, -1)


def hopfield_association(R, Y, W_Q, W_K, W_V, beta, steps, mask):
    """Ramsauer et al. eq. 10 with steps - 1 updates in the associative space."""
    Q, K = np.asarray(R) @ np.asarray(W_Q), np.asarray(Y) @ np.asarray(W_K)
    allowed = np.ones((Q.shape[0], K.shape[0]), bool) if mask is None else np.asarray(mask)

    def attend(Q):
        z = np.where(allowed, beta * Q @ K.T, -np.inf)
        z = np.exp(z - z.max(axis=1, keepdims=True))
        return z / z.sum(axis=1, keepdims=True)

    for _ in range(steps - 1):
        Q = attend(Q) @ K
    return attend(Q) @ (K @ np.asarray(W_V))
