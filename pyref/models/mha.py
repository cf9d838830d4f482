"""Modern Hopfield attention with hidden states (MHA; Masumura & Taki, arXiv 2511.20698),
in numpy.  Python-only, property-tested, not Lean-proved.

The modern continuous Hopfield network with feature neurons x and memory (hidden)
neurons h (Krotov & Hopfield 2021) is discretised with the layer index as time, and
the hidden state is *kept* instead of being eliminated by the adiabatic approximation
(tau_h -> 0).  With ``alpha = 1 - dt/tau_v`` and ``alpha_h = 1 - dt/tau_h`` (the
paper's alpha and alpha')::

    S_n = beta Q_n K_n^T,   Q_n = X_n W_Q^n, K_n = X_n W_K^n, V_n = X_n W_V^n
    H_n = alpha_h H_{n-1} + (1 - alpha_h) S_n          (H_1 = S_1)
    X_{n+1} = alpha X_n + (1 - alpha) softmax(H_n) V_n

The hidden state H_n is an exponential moving average over the layers of the attention
score matrices, so the scores of the early layers are inherited by the later ones.
``alpha_h = 0`` is the adiabatic limit: ``H_n = S_n`` and each layer is plain
(scaled dot-product) self-attention with a residual mix ``alpha``.  ``alpha = 0`` is a
pure attention stack without skip connections (the setting of Dong et al. 2021, where
plain attention loses rank doubly exponentially with depth).

Note: the update above follows the paper's construction as summarised by the paper's
abstract and public summaries (the full text was not available to the implementer);
the first-layer initialisation ``H_1 = S_1`` is our choice (with ``H_0 = 0`` the first
layer would only see ``(1 - alpha_h) S_1``).

Shapes: ``X`` (..., T, d) tokens as rows; per-layer weights ``W_Q, W_K`` (d, d_k),
``W_V`` (d, d) (the value output must have the token dimension d to be stacked);
``H`` (..., T, T).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from .._validate import check_beta as _check_beta
from .._validate import (
    check_float_array,
    check_int,
    check_real,
    check_seed,
    check_work,
    finite_output,
)

__all__ = [
    "LayerWeights",
    "random_layer_weights",
    "mha_layer",
    "mha_stack",
    "relative_residual",
    "token_uniformity",
    "rank_collapse_experiment",
]


class LayerWeights(NamedTuple):
    """Projections of one attention layer: W_Q (d, d_k), W_K (d, d_k), W_V (d, d)."""

    W_Q: np.ndarray
    W_K: np.ndarray
    W_V: np.ndarray


@finite_output
def random_layer_weights(
    n_layers: int, d: int, d_k: int | None = None, seed: int = 0, scale: float = 1.0
) -> list[LayerWeights]:
    """Independent Gaussian layer weights, entries N(0, scale^2 / d) (seeded).

    Parameters
    ----------
    n_layers : int >= 0
        Number of layers.
    d : int >= 1
        Token dimension.
    d_k : int >= 1 or None
        Key dimension (``None``: ``d``).
    seed : None, int >= 0 or numpy.random.Generator
        Source of all randomness: ``None`` draws fresh OS entropy (not reproducible), an int gives
        a reproducible stream, a Generator is used as is and advanced in place.
    scale : float > 0
        Scale of the weights.

    Returns
    -------
    list[LayerWeights]
        ``n_layers`` independent layers; each has ``W_Q``, ``W_K`` of shape (d, d_k) and ``W_V``
        of shape (d, d), float64 entries drawn from N(0, scale^2 / d).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    n_layers = check_int(n_layers, "n_layers", 0)
    d = check_int(d, "d (a positive integer)", 1)
    dk = check_int(d if d_k is None else d_k, "d_k (a positive integer)", 1)
    scale = check_real(scale, "scale", lo=0.0, lo_open=True)
    check_work(n_layers, "n_layers", n_layers * d * (2 * dk + d), "n_layers * d * (2 d_k + d)")
    rng = np.random.default_rng(check_seed(seed))
    sd = scale / math.sqrt(d)
    return [
        LayerWeights(
            rng.normal(0, sd, (d, dk)), rng.normal(0, sd, (d, dk)), rng.normal(0, sd, (d, d))
        )
        for _ in range(int(n_layers))
    ]


def _check_unit(name: str, a: object) -> float:
    try:
        v = float(a)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be a real number in [0, 1), got {a!r}") from exc
    if not (0.0 <= v < 1.0):
        raise ValueError(f"{name} must lie in [0, 1) (1 would freeze the state), got {a!r}")
    return v


def _softmax_last(z: np.ndarray) -> np.ndarray:
    m = np.max(z, axis=-1, keepdims=True)
    e = np.exp(z - m)
    return e / np.sum(e, axis=-1, keepdims=True)


def _weights(w: object, d: int, idx: int) -> LayerWeights:
    Wq: Any
    Wk: Any
    Wv: Any
    try:
        Wq, Wk, Wv = w  # type: ignore[misc]
    except (TypeError, ValueError) as exc:
        raise ValueError(f"layer {idx} weights must be a triple (W_Q, W_K, W_V)") from exc
    Wq = check_float_array(Wq, f"W_Q of layer {idx}", ndim=2)
    Wk = check_float_array(Wk, f"W_K of layer {idx}", ndim=2)
    Wv = check_float_array(Wv, f"W_V of layer {idx}", ndim=2)
    if Wq.shape[0] != d or Wk.shape[0] != d or Wq.shape[1] != Wk.shape[1]:
        raise ValueError(
            f"layer {idx}: W_Q {Wq.shape} and W_K {Wk.shape} must both have shape (d, d_k) "
            f"with d = {d}"
        )
    if Wv.shape != (d, d):
        raise ValueError(f"layer {idx}: W_V has shape {Wv.shape}, expected ({d}, {d})")
    return LayerWeights(Wq, Wk, Wv)


@finite_output
def mha_layer(
    X: ArrayLike,
    H_prev: ArrayLike | None,
    weights: LayerWeights | Sequence[np.ndarray],
    alpha: float = 0.0,
    alpha_h: float = 0.5,
    beta: float | None = None,
    mask: ArrayLike | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """One MHA layer: returns ``(X_next, H)``.

    ``S = beta (X W_Q)(X W_K)^T``; ``H = S`` if ``H_prev is None`` else
    ``alpha_h H_prev + (1 - alpha_h) S``; ``X_next = alpha X + (1 - alpha) softmax(H) X W_V``.
    ``beta`` defaults to ``1/sqrt(d_k)``.  ``mask`` (boolean, broadcastable to
    (..., T, T), True = may attend) is applied to softmax(H), e.g. a causal mask.

    Parameters
    ----------
    X : array_like, shape (T, d)
        Tokens as rows (finite floats).
    H_prev : array_like or None
        Hidden state of the previous layer (``None``: zeros).
    weights : array_like, shape (M,), or None
        Non-negative sample weights (``None``: uniform).
    alpha : float, int or Fraction in (0, 1]
        Doeblin constant.
    alpha_h : float in [0, 1]
        Mixing weight of the hidden state.
    beta : float > 0
        Inverse temperature.
    mask : array_like of bool or None
        Attention mask (``False`` entries are excluded); ``None``: attend to everything.

    Returns
    -------
    tuple[numpy.ndarray, numpy.ndarray]
        ``(X_next, H)``: the next tokens ``alpha X + (1 - alpha) softmax(H) X W_V`` (shape of
        ``X``) and the score memory ``H`` (shape (..., T, T)) passed to the next layer.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    Xa = check_float_array(X, "X (tokens)")
    if Xa.ndim < 2 or Xa.shape[-2] == 0 or Xa.shape[-1] == 0:
        raise ValueError(f"X must have shape (..., T, d) with T, d >= 1, got {Xa.shape}")
    T, d = Xa.shape[-2:]
    w = _weights(weights, d, 0)
    a = _check_unit("alpha", alpha)
    ah = _check_unit("alpha_h", alpha_h)
    b = 1.0 / math.sqrt(w.W_Q.shape[1]) if beta is None else _check_beta(beta)
    Q, K, V = Xa @ w.W_Q, Xa @ w.W_K, Xa @ w.W_V
    S = b * (Q @ np.swapaxes(K, -1, -2))
    if H_prev is None:
        H = S
    else:
        Hp = check_float_array(H_prev, "H_prev (hidden state)")
        if Hp.shape[-2:] != (T, T):
            raise ValueError(f"H_prev must have shape (..., {T}, {T}), got {Hp.shape}")
        H = ah * Hp + (1.0 - ah) * S
    if not np.all(np.isfinite(H)):
        raise ValueError("attention scores overflow float64")
    logits = H
    if mask is not None:
        ma = np.asarray(mask)
        if ma.dtype != np.bool_:
            raise ValueError(f"mask must be boolean (True = may attend), got dtype {ma.dtype}")
        ma = np.broadcast_to(ma, H.shape)
        if not np.all(np.any(ma, axis=-1)):
            raise ValueError("mask leaves some token with nothing to attend to")
        logits = np.where(ma, H, -np.inf)
    X_next = a * Xa + (1.0 - a) * (_softmax_last(logits) @ V)
    return X_next, H


@finite_output
def mha_stack(
    X: ArrayLike,
    layers: Sequence[LayerWeights | Sequence[np.ndarray]],
    alpha: float = 0.0,
    alpha_h: float = 0.5,
    beta: float | None = None,
    mask: ArrayLike | None = None,
) -> list[np.ndarray]:
    """Run a stack of MHA layers; returns ``[X_1, X_2, ..., X_{L+1}]`` (input first).

    ``alpha_h = 0`` gives plain self-attention in every layer.

    Parameters
    ----------
    X : array_like, shape (T, d)
        Tokens as rows (finite floats).
    layers : sequence of LayerWeights
        Per-layer projections.
    alpha : float, int or Fraction in (0, 1]
        Doeblin constant.
    alpha_h : float in [0, 1]
        Mixing weight of the hidden state.
    beta : float > 0
        Inverse temperature.
    mask : array_like of bool or None
        Attention mask (``False`` entries are excluded); ``None``: attend to everything.

    Returns
    -------
    list[numpy.ndarray]
        ``[X_1, ..., X_{L+1}]``: the input and the tokens after each of the ``L`` layers, each
        of the shape of ``X``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    Xa = check_float_array(X, "X (tokens)")
    out = [Xa]
    H = None
    for idx, w in enumerate(layers):
        if Xa.ndim >= 2:
            _weights(w, Xa.shape[-1], idx)  # validate with the layer index in messages
        Xa, H = mha_layer(Xa, H, w, alpha=alpha, alpha_h=alpha_h, beta=beta, mask=mask)
        out.append(Xa)
    return out


@finite_output
def relative_residual(X: ArrayLike) -> float:
    """Rank-collapse measure ``||X - 1 xbar^T||_F / ||X||_F`` (xbar = mean token).

    0 iff all tokens are equal (rank-1 "collapsed" output); Dong et al. 2021 measure the
    residual ``Res(X) = X - 1 x^T`` in the same way.  Returns 0.0 for X = 0.

    Parameters
    ----------
    X : array_like, shape (T, d)
        Tokens as rows (finite floats).

    Returns
    -------
    float
        ``||X - 1 xbar^T||_F / ||X||_F`` in ``[0, 1]`` (0.0 for ``X = 0`` and for collapsed,
        all-equal tokens).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    Xa = check_float_array(X, "X (tokens)", ndim=2)
    nrm = float(np.linalg.norm(Xa))
    if nrm == 0.0:
        return 0.0
    return float(np.linalg.norm(Xa - Xa.mean(axis=0, keepdims=True)) / nrm)


@finite_output
def token_uniformity(X: ArrayLike) -> float:
    """Mean cosine similarity over distinct token pairs (1 = all tokens parallel).

    Parameters
    ----------
    X : array_like, shape (T, d)
        Tokens as rows (finite floats).

    Returns
    -------
    float
        The mean cosine similarity of the ``T (T - 1)`` ordered pairs of distinct tokens, in
        ``[-1, 1]`` (1 = all tokens parallel).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    Xa = check_float_array(X, "X (tokens)", ndim=2)
    T = Xa.shape[0]
    if T < 2:
        raise ValueError(f"token_uniformity needs at least two tokens, got T = {T}")
    nrm = np.linalg.norm(Xa, axis=1)
    if np.any(nrm == 0):
        raise ValueError("token_uniformity is undefined for a zero token")
    U = Xa / nrm[:, None]
    C = U @ U.T
    return float((np.sum(C) - np.trace(C)) / (T * (T - 1)))


class CollapseRow(NamedTuple):
    """One row of :func:`rank_collapse_experiment` (medians over seeds)."""

    depth: int
    alpha_h: float
    residual: float
    uniformity: float


@finite_output
def rank_collapse_experiment(
    depths: Sequence[int] = (1, 2, 4, 8, 16, 32),
    alpha_hs: Sequence[float] = (0.0, 0.5, 0.9),
    n_tokens: int = 16,
    d: int = 32,
    alpha: float = 0.0,
    seeds: Sequence[int] = (0, 1, 2, 3, 4),
    scale: float = 1.0,
) -> list[CollapseRow]:
    """Deep random stacks: for each seed draw tokens X ~ N(0, 1) (n_tokens, d) and
    max(depths) random layers (:func:`random_layer_weights`), run the stack for every
    ``alpha_h`` with the same X and weights, and report the median over seeds of
    :func:`relative_residual` and :func:`token_uniformity` after each depth.
    ``alpha_h = 0`` is plain attention.

    Parameters
    ----------
    depths : sequence of int
        Numbers of layers to compare.
    alpha_hs : sequence of float
        Mixing weights to compare.
    n_tokens : int >= 2
        Number of tokens.
    d : int >= 1
        Token dimension.
    alpha : float, int or Fraction in (0, 1]
        Doeblin constant.
    seeds : sequence of int >= 0
        One seed per run (see ``seed``).
    scale : float > 0
        Scale of the weights.

    Returns
    -------
    list[CollapseRow]
        One row per (``alpha_h``, depth): the medians over the seeds of
        :func:`relative_residual` and :func:`token_uniformity` after that many layers.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    if not depths or not seeds or not alpha_hs:
        raise ValueError("depths, alpha_hs and seeds must be non-empty")
    L = max(int(x) for x in depths)
    if min(int(x) for x in depths) < 0:
        raise ValueError("depths must be >= 0")
    n_tokens = check_int(n_tokens, "n_tokens", 1)
    d = check_int(d, "d", 1)
    steps = len(seeds) * len(alpha_hs) * max(L, 1)
    check_work(steps, "len(seeds) * len(alpha_hs) * max(depths)",
               steps * n_tokens * d * max(n_tokens, d),
               "len(seeds) * len(alpha_hs) * max(depths) * n_tokens * d * max(n_tokens, d)")
    res: dict[tuple[int, float], list[tuple[float, float]]] = {}
    for seed in seeds:
        rng = np.random.default_rng([seed, 7])
        X = rng.standard_normal((n_tokens, d))
        layers = random_layer_weights(L, d, seed=seed, scale=scale)
        for ah in alpha_hs:
            outs = mha_stack(X, layers, alpha=alpha, alpha_h=ah)
            for depth in depths:
                Xd = outs[int(depth)]
                res.setdefault((int(depth), float(ah)), []).append(
                    (relative_residual(Xd), token_uniformity(Xd))
                )
    rows = []
    for depth in depths:
        for ah in alpha_hs:
            vals = np.array(res[(int(depth), float(ah))])
            rows.append(
                CollapseRow(
                    int(depth),
                    float(ah),
                    float(np.median(vals[:, 0])),
                    float(np.median(vals[:, 1])),
                )
            )
    return rows
