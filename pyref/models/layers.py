"""Hopfield layers as pure forward functions on numpy arrays (hflayers-style).

Python-only part of the specification (spec: "Hopfield layers as in the hflayers
package"); property-tested, not Lean-proved.  Row convention (as in deep-learning
code): every pattern is a **row**.

Shapes (``...`` = any batch dimensions, broadcast with numpy matmul rules):

* ``R``  : (..., S, d_r)  raw state (query) patterns
* ``Y``  : (..., N, d_y)  raw stored patterns
* ``W_Q``: (d_r, d_k), ``W_K``: (d_y, d_k), ``W_V``: (d_k, d_v)  (``None`` = identity)
* ``mask``: boolean, broadcastable to (..., S, N); ``True`` where state s may attend
  to stored pattern n.  A state that may attend to nothing raises ValueError.
* output: (..., S, d_v)

Association (Ramsauer et al. eq. 10 / hflayers ``Hopfield``)::

    Q = R W_Q,  K = Y W_K
    Z = softmax(beta Q K^T) K W_V                                    (steps = 1)

With ``steps = T > 1`` the state is first updated T - 1 times in the associative space,
``Q <- softmax(beta Q K^T) K`` (the modern Hopfield update with stored patterns K), and
then the last step is projected by W_V.  ``beta`` is separate from the key dimension;
it defaults to ``1/sqrt(d_k)``, in which case one step is exactly scaled dot-product
attention with values ``V = K W_V``.

Pooling (hflayers ``HopfieldPooling``): the state patterns are a fixed query array
(the stand-in for the learned query), already in the associative space.

Lookup (hflayers ``HopfieldLayer``): the stored patterns (keys) and their associated
values are static arrays; only the state pattern comes from the input.
"""

from __future__ import annotations

import math
from typing import cast

import numpy as np
from numpy.typing import ArrayLike

from .._validate import check_beta as _check_beta
from .._validate import check_float_array, finite_output

__all__ = [
    "hopfield_core",
    "hopfield_association",
    "hopfield_pooling",
    "hopfield_lookup",
    "scaled_dot_product_attention",
]


def _project(name: str, A: np.ndarray, W: ArrayLike | None, wname: str) -> np.ndarray:
    if W is None:
        return A
    Wa = check_float_array(W, wname, ndim=2)
    if Wa.shape[0] != A.shape[-1]:
        raise ValueError(
            f"{wname} has shape {Wa.shape} but {name} has last dimension {A.shape[-1]};"
            f" {wname} must have shape ({A.shape[-1]}, d_out)"
        )
    return A @ Wa


def _masked_logits(logits: np.ndarray, mask: np.ndarray | None) -> np.ndarray:
    if mask is None:
        return logits
    if not np.all(np.any(mask, axis=-1)):
        raise ValueError(
            "mask leaves some state pattern with no stored pattern to attend to "
            "(a row of all False)"
        )
    return np.where(mask, logits, -np.inf)


def _softmax_rows(logits: np.ndarray, beta: float) -> np.ndarray:
    m = np.max(logits, axis=-1, keepdims=True)
    with np.errstate(over="ignore"):  # beta * (logits - m) <= 0; -inf gives exp = 0
        e = np.exp(beta * (logits - m))  # exp(-inf) = 0 for masked entries
    return e / np.sum(e, axis=-1, keepdims=True)


def _check_mask(mask: object, shape: tuple[int, ...]) -> np.ndarray | None:
    if mask is None:
        return None
    ma = np.asarray(mask)
    if ma.dtype != np.bool_:
        raise ValueError(f"mask must be a boolean array (True = may attend), got dtype {ma.dtype}")
    try:
        return np.broadcast_to(ma, shape)
    except ValueError as exc:
        raise ValueError(
            f"mask of shape {ma.shape} does not broadcast to the score shape {shape} (..., S, N)"
        ) from exc


#: Largest number of update steps of one layer call (the update converges in a few steps,
#: paper Theorem 4; this bounds the time of a call).
MAX_LAYER_STEPS = 10_000


def _check_steps(steps: object) -> int:
    if not isinstance(steps, (int, np.integer)) or isinstance(steps, bool) or steps < 1:
        raise ValueError(f"steps must be an integer >= 1, got {steps!r}")
    if steps > MAX_LAYER_STEPS:
        raise ValueError(f"steps: got {steps}; expected at most {MAX_LAYER_STEPS} update "
                         f"steps (one update already retrieves a well-separated pattern)")
    return int(steps)


@finite_output
def hopfield_core(
    Q: ArrayLike,
    K: ArrayLike,
    V: ArrayLike | None = None,
    beta: float | None = None,
    steps: int = 1,
    mask: ArrayLike | None = None,
    return_attention: bool = False,
) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    """Hopfield retrieval in the associative space.

    ``Q``: (..., S, d_k) state patterns, ``K``: (..., N, d_k) stored patterns,
    ``V``: (..., N, d_v) values (default ``K``).  For t = 1..steps-1:
    ``Q <- softmax(beta Q K^T) K``; then returns ``softmax(beta Q K^T) V``
    (and the last attention matrix, shape (..., S, N), if ``return_attention``).
    ``beta`` defaults to ``1/sqrt(d_k)``.

    Parameters
    ----------
    Q : array_like, shape (..., S, d_k)
        State patterns (queries).
    K : array_like, shape (..., N, d_k)
        Stored patterns (keys).
    V : array_like, shape (..., N, d_v), or None
        Values (``None``: the keys).
    beta : float > 0
        Inverse temperature.
    steps : int >= 1
        Number of update steps.
    mask : array_like of bool or None
        Attention mask (``False`` entries are excluded); ``None``: attend to everything.
    return_attention : bool
        Also return the last attention matrix.

    Returns
    -------
    numpy.ndarray or tuple[numpy.ndarray, numpy.ndarray]
        The retrieved ``softmax(beta Q K^T) V`` of shape (..., S, d_v), float64; with
        ``return_attention`` also the last attention matrix, shape (..., S, N), rows summing to
        1.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    Qa = check_float_array(Q, "Q (state patterns)")
    Ka = check_float_array(K, "K (stored patterns)")
    if Qa.ndim < 2 or Ka.ndim < 2:
        raise ValueError(
            f"Q and K must have shape (..., S, d_k) and (..., N, d_k), "
            f"got {Qa.shape} and {Ka.shape}"
        )
    if Ka.shape[-2] == 0:
        raise ValueError(
            "the stored pattern set is empty (N = 0): need at least one stored pattern"
        )
    if Qa.shape[-2] == 0:
        raise ValueError("the state pattern set is empty (S = 0): need at least one state pattern")
    if Qa.shape[-1] == 0:
        raise ValueError(
            "the associative space is empty (d_k = 0): state and stored patterns "
            "need at least one component"
        )
    if Qa.shape[-1] != Ka.shape[-1]:
        raise ValueError(
            f"state patterns have dimension {Qa.shape[-1]} but stored patterns have {Ka.shape[-1]}:"
            " both must live in the same associative space (d_k)"
        )
    Va = Ka if V is None else check_float_array(V, "V (values)")
    if Va.ndim < 2 or Va.shape[-2] != Ka.shape[-2]:
        raise ValueError(f"V must have shape (..., N, d_v) with N = {Ka.shape[-2]}, got {Va.shape}")
    b = 1.0 / math.sqrt(Qa.shape[-1]) if beta is None else _check_beta(beta)
    n_steps = _check_steps(steps)
    try:
        score_shape = np.broadcast_shapes(Qa.shape[:-2], Ka.shape[:-2]) + (
            Qa.shape[-2],
            Ka.shape[-2],
        )
        np.broadcast_shapes(Ka.shape[:-2], Va.shape[:-2])
    except ValueError as exc:
        raise ValueError(
            f"batch dimensions do not broadcast: Q {Qa.shape}, K {Ka.shape}, V {Va.shape}"
        ) from exc
    ma = _check_mask(mask, score_shape)
    Kt = np.swapaxes(Ka, -1, -2)
    state = Qa
    for _ in range(n_steps - 1):
        logits = _masked_logits(state @ Kt, ma)
        state = _softmax_rows(logits, b) @ Ka
    logits = state @ Kt
    if not np.all(np.isfinite(logits)):
        raise ValueError("Q K^T overflows float64: pattern norms are too large")
    A = _softmax_rows(_masked_logits(logits, ma), b)
    out = A @ Va
    return (out, A) if return_attention else out


@finite_output
def hopfield_association(
    R: ArrayLike,
    Y: ArrayLike,
    W_Q: ArrayLike | None = None,
    W_K: ArrayLike | None = None,
    W_V: ArrayLike | None = None,
    beta: float | None = None,
    steps: int = 1,
    mask: ArrayLike | None = None,
    return_attention: bool = False,
) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    """Hopfield association layer (attention): ``softmax(beta R W_Q (Y W_K)^T) Y W_K W_V``.

    See the module docstring for shapes.  ``steps`` update steps in the associative
    space; ``beta`` defaults to ``1/sqrt(d_k)`` (then one step equals scaled
    dot-product attention with ``V = Y W_K W_V``).

    Parameters
    ----------
    R : array_like, shape (..., S, d_r)
        State patterns before projection.
    Y : array_like, shape (..., N, d_y)
        Stored patterns before projection.
    W_Q : array_like, shape (d_r, d_k), or None
        Query projection (``None``: identity).
    W_K : array_like, shape (d_y, d_k), or None
        Key projection (``None``: identity).
    W_V : array_like, shape (d_k, d_v), or None
        Value projection (``None``: identity).
    beta : float > 0
        Inverse temperature.
    steps : int >= 1
        Number of update steps.
    mask : array_like of bool or None
        Attention mask (``False`` entries are excluded); ``None``: attend to everything.
    return_attention : bool
        Also return the last attention matrix.

    Returns
    -------
    numpy.ndarray or tuple[numpy.ndarray, numpy.ndarray]
        The association ``softmax(beta R W_Q (Y W_K)^T) Y W_K W_V`` of shape (..., S, d_v),
        float64; with ``return_attention`` also the attention matrix, shape (..., S, N).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    Ra = check_float_array(R, "R (state patterns)")
    Ya = check_float_array(Y, "Y (stored patterns)")
    if Ra.ndim < 2 or Ya.ndim < 2:
        raise ValueError(
            f"R and Y must have shape (..., S, d_r) and (..., N, d_y), "
            f"got {Ra.shape} and {Ya.shape}"
        )
    Q = _project("R", Ra, W_Q, "W_Q")
    K = _project("Y", Ya, W_K, "W_K")
    Wv = None if W_V is None else check_float_array(W_V, "W_V", ndim=2)
    if Wv is not None and Wv.shape[0] != K.shape[-1]:
        raise ValueError(
            f"W_V has shape {Wv.shape}; it must have shape (d_k, d_v) with d_k = {K.shape[-1]}"
        )
    V = None if Wv is None else K @ Wv
    return hopfield_core(
        Q, K, V, beta=beta, steps=steps, mask=mask, return_attention=return_attention
    )


@finite_output
def hopfield_pooling(
    Y: ArrayLike,
    query: ArrayLike,
    W_K: ArrayLike | None = None,
    W_V: ArrayLike | None = None,
    beta: float | None = None,
    steps: int = 1,
    mask: ArrayLike | None = None,
    return_attention: bool = False,
) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    """Hopfield pooling: ``softmax(beta q (Y W_K)^T) Y W_K W_V`` with a fixed query.

    ``query``: (S_q, d_k) (or (d_k,) for one pooled vector), already in the
    associative space; it is the stand-in for hflayers' learned pooling weights.
    ``Y``: (..., N, d_y).  Output (..., S_q, d_v) (or (..., d_v) for a 1-D query).

    Parameters
    ----------
    Y : array_like, shape (..., N, d_y)
        Stored patterns before projection.
    query : array_like, shape (S_q, d_k) or (d_k,)
        Learned query (pooling).
    W_K : array_like, shape (d_y, d_k), or None
        Key projection (``None``: identity).
    W_V : array_like, shape (d_k, d_v), or None
        Value projection (``None``: identity).
    beta : float > 0
        Inverse temperature.
    steps : int >= 1
        Number of update steps.
    mask : array_like of bool or None
        Attention mask (``False`` entries are excluded); ``None``: attend to everything.
    return_attention : bool
        Also return the last attention matrix.

    Returns
    -------
    numpy.ndarray or tuple[numpy.ndarray, numpy.ndarray]
        The pooled ``softmax(beta q (Y W_K)^T) Y W_K W_V``, shape (..., S_q, d_v) (or (..., d_v)
        for a 1-D query), float64; with ``return_attention`` also the attention, shape (...,
        S_q, N) (or (..., N)).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    qa = check_float_array(query, "query", ndim=(1, 2))
    single = qa.ndim == 1
    q2 = qa[None, :] if single else qa
    out = hopfield_association(
        q2, Y, None, W_K, W_V, beta=beta, steps=steps, mask=mask, return_attention=return_attention
    )
    if not single:
        return out
    if return_attention:
        z, A = cast(tuple[np.ndarray, np.ndarray], out)
        return z[..., 0, :], A[..., 0, :]
    return cast(np.ndarray, out)[..., 0, :]


@finite_output
def hopfield_lookup(
    R: ArrayLike,
    stored: ArrayLike,
    values: ArrayLike | None = None,
    W_Q: ArrayLike | None = None,
    beta: float | None = None,
    steps: int = 1,
    mask: ArrayLike | None = None,
    return_attention: bool = False,
) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    """Hopfield lookup layer: ``softmax(beta R W_Q stored^T) values`` with static memory.

    ``stored``: (N, d_k) static stored patterns (keys, in the associative space);
    ``values``: (N, d_v) associated values (default ``stored``); ``R``: (..., S, d_r).

    Parameters
    ----------
    R : array_like, shape (..., S, d_r)
        State patterns before projection.
    stored : array_like, shape (N, d_k)
        Static stored patterns (keys).
    values : array_like, shape (N, d_v), or None
        Values (``None``: the stored patterns).
    W_Q : array_like, shape (d_r, d_k), or None
        Query projection (``None``: identity).
    beta : float > 0
        Inverse temperature.
    steps : int >= 1
        Number of update steps.
    mask : array_like of bool or None
        Attention mask (``False`` entries are excluded); ``None``: attend to everything.
    return_attention : bool
        Also return the last attention matrix.

    Returns
    -------
    numpy.ndarray or tuple[numpy.ndarray, numpy.ndarray]
        The lookup ``softmax(beta R W_Q stored^T) values`` of shape (..., S, d_v), float64; with
        ``return_attention`` also the attention, shape (..., S, N).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    Ra = check_float_array(R, "R (state patterns)")
    if Ra.ndim < 2:
        raise ValueError(f"R must have shape (..., S, d_r), got {Ra.shape}")
    K = check_float_array(stored, "stored (static patterns)", ndim=2)
    V = None if values is None else check_float_array(values, "values", ndim=2)
    Q = _project("R", Ra, W_Q, "W_Q")
    return hopfield_core(
        Q, K, V, beta=beta, steps=steps, mask=mask, return_attention=return_attention
    )


@finite_output
def scaled_dot_product_attention(
    Q: ArrayLike, K: ArrayLike, V: ArrayLike, mask: ArrayLike | None = None
) -> np.ndarray:
    """``softmax(Q K^T / sqrt(d_k)) V`` (Vaswani et al.); equals :func:`hopfield_core`
    with ``beta = 1/sqrt(d_k)`` and one step.

    Parameters
    ----------
    Q : array_like, shape (..., S, d_k)
        State patterns (queries).
    K : array_like, shape (..., N, d_k)
        Stored patterns (keys).
    V : array_like, shape (..., N, d_v), or None
        Values (``None``: the keys).
    mask : array_like of bool or None
        Attention mask (``False`` entries are excluded); ``None``: attend to everything.

    Returns
    -------
    numpy.ndarray
        ``softmax(Q K^T / sqrt(d_k)) V``, shape (..., S, d_v), float64.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    Qa = check_float_array(Q, "Q")
    if Qa.ndim < 2:
        raise ValueError(f"Q must have shape (..., S, d_k), got {Qa.shape}")
    if Qa.shape[-1] == 0:
        raise ValueError(
            f"Q has d_k = 0 (shape {Qa.shape}); expected d_k >= 1, the scale is 1/sqrt(d_k)"
        )
    return cast(
        np.ndarray, hopfield_core(Qa, K, V, beta=1.0 / math.sqrt(Qa.shape[-1]), steps=1, mask=mask)
    )
