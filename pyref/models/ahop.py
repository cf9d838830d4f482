"""Adaptive Hopfield network (A-Hop): retrieval as maximum a posteriori origin.

Python-only reference (not Lean-proved) of the setting of Wang et al., "Adaptive Hopfield
Network: Rethinking Similarities in Associative Memory" (arXiv 2511.20609), written from
the paper's definitions in our own formulation:

* Memories ``Xi = [xi_1 .. xi_K]`` (rows of a ``(K, d)`` array).  A query ``x`` is a
  *variant* of one memory ``xi_k`` (its origin, uniform prior) drawn from a variant
  distribution ``p_V(x | xi)`` fixed by the context.  *Correct retrieval* returns the
  maximum a posteriori origin ``argmax_k p_V(x | xi_k) p(k)``.
* Three canonical variant types (:class:`Variant`):

  - ``noisy``:  ``x = xi + sigma * eps``, ``eps ~ N(0, I)``, ``sigma`` a scalar or a
    per-coordinate vector (anisotropic noise);
  - ``masked``: ``x = m * (xi + sigma * eps)`` with ``m_i ~ Bernoulli(1 - mask_prob)``
    independent; masked coordinates read exactly ``0``;
  - ``biased``: ``x = xi + b + sigma * eps`` with a context bias vector ``b``.

* Fixed similarities (:func:`dot_similarity` of the classical / modern Hopfield network,
  ``T(x) = Xi^T softmax(beta Xi x)``, and :func:`neg_sq_distance`) ignore the context, so
  they are not MAP in general.
* The *adaptive similarity* (:class:`AdaptiveSimilarity`) is a learned linear combination
  of a per-coordinate *similarity footprint* of the pair ``(x, xi)``:
  ``phi_i(x, xi) = o_i * (x_i xi_i, xi_i^2, xi_i)`` with ``o_i = [x_i != 0]``,
  ``s_theta(x, xi) = sum_i alpha_i o_i x_i xi_i + beta_i o_i xi_i^2 + gamma_i o_i xi_i``.
  The log-likelihood of all three variant types, up to terms that do not depend on
  ``xi``, lies in this family: ``alpha_i = 1/sigma_i^2``, ``beta_i = -1/(2 sigma_i^2)``,
  ``gamma_i = -b_i/sigma_i^2`` (``b = 0`` for noisy / masked).  It is learned from context
  samples ``(x_t, k_t)`` by minimising the cross-entropy of ``softmax_k s_theta(x_t, xi_k)``
  (convex; Newton's method).  The population minimiser is the true log-likelihood, so the
  learned similarity converges to the MAP similarity: this is our counterpart of the
  paper's optimality result for these three variant types.
* A-Hop retrieval (:func:`ahop_retrieve`): ``T(x) = Xi^T softmax(beta s(x, Xi))`` with the
  index of the largest score as the retrieved origin.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from .._validate import (
    SeedLike,
    as_generator,
    check_float_array,
    check_positive_int,
    check_work,
    finite_output,
)

__all__ = [
    "Variant",
    "AdaptiveSimilarity",
    "sample_variants",
    "log_likelihood",
    "map_retrieve",
    "dot_similarity",
    "neg_sq_distance",
    "footprint",
    "fit_adaptive_similarity",
    "oracle_similarity",
    "ahop_retrieve",
    "retrieve_index",
    "accuracy",
    "make_memories",
    "comparison_table",
]

_KINDS = ("noisy", "masked", "biased")


# --------------------------------------------------------------------------- validation
def _rng(seed: SeedLike) -> np.random.Generator:
    """The experiments here are reproducible only: ``seed`` must be an int >= 0 or a
    Generator (``None`` is refused; see :func:`pyref._validate.as_generator`)."""
    if seed is None:
        raise ValueError("seed: got None; expected an int >= 0 or a numpy.random.Generator "
                         "(the ahop experiments are seeded, never from OS entropy)")
    return as_generator(seed)


#: A similarity function: ``(queries (n, d), memories (K, d)) -> scores (n, K)`` (e.g.
#: :func:`dot_similarity`, an :class:`AdaptiveSimilarity`).
Similarity = Callable[[np.ndarray, np.ndarray], ArrayLike]


def _pos_int(k: object, name: str) -> int:
    return check_positive_int(k, name)


def _finite(a: ArrayLike, name: str, ndim: int) -> np.ndarray:
    return check_float_array(a, name, ndim, nonempty=True)


def _memories(mem: ArrayLike) -> np.ndarray:
    return _finite(mem, "memories", 2)


def _queries(x: ArrayLike, d: int) -> tuple[np.ndarray, bool]:
    arr = np.asarray(x)
    single = arr.ndim == 1
    q = _finite(arr.reshape(1, -1) if single else arr, "x", 2)
    if q.shape[1] != d:
        raise ValueError(f"x: shape {arr.shape}; expected ({d},) or (n, {d}) to match the "
                         f"memories' dimension")
    return q, single


def _vector(v: Any, d: int, name: str, positive: bool) -> np.ndarray:
    arr = np.asarray(v, dtype=np.float64) if np.ndim(v) else np.full(d, float(v))
    if arr.shape != (d,):
        raise ValueError(f"{name}: shape {arr.shape}; expected a scalar or shape ({d},)")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name}: contains NaN or infinite entries")
    if positive and np.any(arr <= 0):
        raise ValueError(f"{name}: entries must be > 0")
    return arr


# --------------------------------------------------------------------------- variants
@dataclass(frozen=True)
class Variant:
    """A variant distribution ``p_V(x | xi)`` (see the module docstring).

    Parameters
    ----------
    kind : {"noisy", "masked", "biased"}
    sigma : float or ndarray (d,)
        Noise standard deviation(s), > 0.
    mask_prob : float
        Probability that a coordinate is masked (``masked`` only), in ``[0, 1)``.
    bias : ndarray (d,) or None
        Context bias (``biased`` only; required there).
    """

    kind: str
    sigma: ArrayLike = 1.0
    mask_prob: float = 0.0
    bias: ArrayLike | None = None

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise ValueError(f"kind: got {self.kind!r}; expected one of {_KINDS}")
        sig = np.asarray(self.sigma, dtype=np.float64)
        if sig.ndim > 1 or not np.all(np.isfinite(sig)) or np.any(sig <= 0):
            raise ValueError(f"sigma: got {self.sigma!r}; expected a positive finite scalar "
                             f"or 1-D vector")
        p = float(self.mask_prob)
        if self.kind == "masked":
            if not (0.0 <= p < 1.0):
                raise ValueError(f"mask_prob: got {self.mask_prob!r}; expected 0 <= p < 1")
        elif p != 0.0:
            raise ValueError(f"mask_prob: only the 'masked' variant takes a mask "
                             f"probability (got {p} for {self.kind!r})")
        if self.kind == "biased":
            if self.bias is None:
                raise ValueError("bias: the 'biased' variant needs a bias vector")
            b = np.asarray(self.bias, dtype=np.float64)
            if b.ndim != 1 or not np.all(np.isfinite(b)):
                raise ValueError("bias: expected a finite 1-D vector")
        elif self.bias is not None:
            raise ValueError(f"bias: only the 'biased' variant takes a bias (got one for "
                             f"{self.kind!r})")

    def params(self, d: int) -> tuple[np.ndarray, np.ndarray]:
        """Per-coordinate ``(sigma, bias)`` vectors of length ``d`` (bias 0 if none)."""
        sig = _vector(self.sigma, d, "sigma", positive=True)
        b = np.zeros(d) if self.bias is None else _vector(self.bias, d, "bias", False)
        return sig, b


def _check_variant(v: object) -> Variant:
    if not isinstance(v, Variant):
        raise ValueError(f"variant: got {type(v).__name__}; expected a Variant")
    return v


@finite_output
def sample_variants(memories: ArrayLike, variant: Variant, n: int, *,
                    seed: SeedLike) -> tuple[np.ndarray, np.ndarray]:
    """Draw ``n`` queries: origins ``k ~ Uniform{0..K-1}``, ``x ~ p_V(. | xi_k)``.

    Returns ``(queries (n, d), origins (n,))``.

    Parameters
    ----------
    memories : array_like, shape (K, d)
        Stored memories (rows), finite floats.
    variant : Variant
        Corruption model of the queries.
    n : int >= 1
        Number of samples.
    seed : None, int >= 0 or numpy.random.Generator
        Source of all randomness: ``None`` draws fresh OS entropy (not reproducible), an int gives
        a reproducible stream, a Generator is used as is and advanced in place.

    Returns
    -------
    tuple[numpy.ndarray, numpy.ndarray]
        ``(queries, origins)``: float64 queries of shape (n, d) drawn from ``p_V(. | xi_k)``,
        and the int64 origin index ``k`` of each, shape (n,).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    mem = _memories(memories)
    variant = _check_variant(variant)
    n = _pos_int(n, "n")
    rng = _rng(seed)
    k, d = mem.shape
    sig, b = variant.params(d)
    origins = rng.integers(0, k, size=n)
    x = mem[origins] + b + sig * rng.standard_normal((n, d))
    if variant.kind == "masked":
        x = x * (rng.random((n, d)) >= variant.mask_prob)
    return x, origins


@finite_output
def log_likelihood(x: ArrayLike, memories: ArrayLike, variant: Variant) -> np.ndarray:
    """``log p_V(x | xi_k)`` up to an additive term that does not depend on ``k``.

    ``-sum_i o_i (x_i - b_i - xi_i)^2 / (2 sigma_i^2)`` with ``o_i = 1`` (noisy, biased)
    or ``o_i = [x_i != 0]`` (masked: a masked coordinate has the same probability
    ``mask_prob`` under every origin; an unmasked one is Gaussian and is 0 with
    probability 0).  Shape ``(n, K)`` (or ``(K,)`` for one query).

    Parameters
    ----------
    x : array_like, shape (d,) or (n, d)
        Query (or queries).
    memories : array_like, shape (K, d)
        Stored memories (rows), finite floats.
    variant : Variant
        Corruption model of the queries.

    Returns
    -------
    numpy.ndarray
        float64 of shape (n, K) (or (K,) for one query): ``log p_V(x | xi_k)`` up to a term
        independent of ``k``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    mem = _memories(memories)
    variant = _check_variant(variant)
    q, single = _queries(x, mem.shape[1])
    sig, b = variant.params(mem.shape[1])
    o = (q != 0).astype(np.float64) if variant.kind == "masked" else np.ones_like(q)
    w = o / sig**2  # (n, d)
    r = q - b  # residual target
    # sum_i w_i (r_i - xi_i)^2 = sum w r^2 - 2 sum w r xi + sum w xi^2
    ll = -0.5 * ((w * r * r).sum(1)[:, None] - 2 * (w * r) @ mem.T + w @ (mem**2).T)
    return ll[0] if single else ll


@finite_output
def map_retrieve(x: ArrayLike, memories: ArrayLike, variant: Variant,
                 prior: ArrayLike | None = None) -> np.ndarray:
    """Bayes-optimal retrieval: ``argmax_k [log p_V(x | xi_k) + log prior_k]``.

    ``prior`` defaults to uniform; ties go to the smallest index.

    Parameters
    ----------
    x : array_like, shape (d,) or (n, d)
        Query (or queries).
    memories : array_like, shape (K, d)
        Stored memories (rows), finite floats.
    variant : Variant
        Corruption model of the queries.
    prior : array_like, shape (K,), or None
        Prior over the memories (``None``: uniform).

    Returns
    -------
    numpy.ndarray
        int64 of shape (n,), or one int64 index for a single query: the k maximising log p_V(x |
        xi_k) + log prior_k (ties: smallest index).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    mem = _memories(memories)
    ll = np.atleast_2d(log_likelihood(x, mem, variant))
    if prior is not None:
        p = _finite(prior, "prior", 1)
        if p.shape != (mem.shape[0],) or np.any(p <= 0) or not np.isclose(p.sum(), 1.0):
            raise ValueError(f"prior: expected {mem.shape[0]} positive probabilities "
                             f"summing to 1")
        ll = ll + np.log(p)
    idx = np.argmax(ll, axis=1)
    return idx[0] if np.ndim(x) == 1 else idx


# --------------------------------------------------------------------------- similarities
@finite_output
def dot_similarity(x: ArrayLike, memories: ArrayLike) -> np.ndarray:
    """Classical / modern Hopfield similarity ``xi_k . x`` (shape ``(n, K)`` or ``(K,)``).

    Parameters
    ----------
    x : array_like, shape (d,) or (n, d)
        Query (or queries).
    memories : array_like, shape (K, d)
        Stored memories (rows), finite floats.

    Returns
    -------
    numpy.ndarray
        float64 of shape (n, K) (or (K,) for one query): ``xi_k . x`` for every memory ``k``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    mem = _memories(memories)
    q, single = _queries(x, mem.shape[1])
    s = q @ mem.T
    return s[0] if single else s


@finite_output
def neg_sq_distance(x: ArrayLike, memories: ArrayLike) -> np.ndarray:
    """Fixed Euclidean similarity ``-||x - xi_k||^2``.

    Parameters
    ----------
    x : array_like, shape (d,) or (n, d)
        Query (or queries).
    memories : array_like, shape (K, d)
        Stored memories (rows), finite floats.

    Returns
    -------
    numpy.ndarray
        float64 of shape (n, K) (or (K,) for one query): ``-||x - xi_k||^2`` for every memory
        ``k``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    mem = _memories(memories)
    q, single = _queries(x, mem.shape[1])
    s = -((q * q).sum(1)[:, None] - 2 * q @ mem.T + (mem * mem).sum(1)[None, :])
    return s[0] if single else s


@finite_output
def footprint(x: ArrayLike, memories: ArrayLike) -> np.ndarray:
    """Similarity footprint ``phi[t, k] = (o x xi_k, o xi_k^2, o xi_k)`` per coordinate.

    Shape ``(n, K, 3, d)`` (or ``(K, 3, d)``), with ``o = [x != 0]`` elementwise.
    Memory-heavy: for inspection and tests; scoring uses the factorised form.

    Parameters
    ----------
    x : array_like, shape (d,) or (n, d)
        Query (or queries).
    memories : array_like, shape (K, d)
        Stored memories (rows), finite floats.

    Returns
    -------
    numpy.ndarray
        float64 of shape (n, K, 3, d) (or (K, 3, d) for one query): per memory and coordinate
        ``t`` the three terms ``(o_t x_t xi_kt, o_t xi_kt^2, o_t xi_kt)`` that the adaptive
        similarity weights by ``(alpha_t, beta_t, gamma_t)``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    mem = _memories(memories)
    q, single = _queries(x, mem.shape[1])
    o = (q != 0).astype(np.float64)[:, None, :]
    xi = mem[None, :, :]
    phi = np.stack([o * q[:, None, :] * xi, o * xi**2, o * xi], axis=2)
    return phi[0] if single else phi


@dataclass(frozen=True)
class AdaptiveSimilarity:
    """``s(x, xi) = sum_i o_i (alpha_i x_i xi_i + beta_i xi_i^2 + gamma_i xi_i)``."""

    alpha: np.ndarray
    beta: np.ndarray
    gamma: np.ndarray
    info: dict = field(default_factory=dict, compare=False)

    def __call__(self, x: ArrayLike, memories: ArrayLike) -> np.ndarray:
        """Scores, shape ``(n, K)`` (or ``(K,)`` for one query)."""
        mem = _memories(memories)
        if mem.shape[1] != self.alpha.shape[0]:
            raise ValueError(f"memories: dimension {mem.shape[1]}; this similarity was "
                             f"built for dimension {self.alpha.shape[0]}")
        q, single = _queries(x, mem.shape[1])
        s = _score(q, mem, self.alpha, self.beta, self.gamma)
        return s[0] if single else s


def _score(q: np.ndarray, mem: np.ndarray, a: np.ndarray, b: np.ndarray,
           g: np.ndarray) -> np.ndarray:
    o = (q != 0).astype(np.float64)
    return (q * a) @ mem.T + (o * b) @ (mem**2).T + (o * g) @ mem.T


@finite_output
def oracle_similarity(variant: Variant, d: int) -> AdaptiveSimilarity:
    """The member of the adaptive family equal to the exact log-likelihood (up to terms
    independent of ``xi``): ``alpha = 1/sigma^2, beta = -1/(2 sigma^2), gamma = -b/sigma^2``.

    Parameters
    ----------
    variant : Variant
        Corruption model of the queries.
    d : int >= 1
        Dimension.

    Returns
    -------
    AdaptiveSimilarity
        The adaptive similarity with ``alpha = 1/sigma^2``, ``beta = -1/(2 sigma^2)``, ``gamma =
        -b/sigma^2``, equal to the exact log-likelihood up to terms independent of ``xi``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    variant = _check_variant(variant)
    sig, b = variant.params(_pos_int(d, "d"))
    return AdaptiveSimilarity(1 / sig**2, -0.5 / sig**2, -b / sig**2)


@finite_output
def fit_adaptive_similarity(queries: ArrayLike, origins: ArrayLike, memories: ArrayLike, *,
                            l2: float = 1e-6,
                            max_iter: int = 50, tol: float = 1e-9) -> AdaptiveSimilarity:
    """Learn the adaptive similarity from context samples (queries with known origins).

    Minimises ``L(theta) = -mean_t log softmax_k s_theta(x_t, xi_k)[k_t]
    + l2/2 ||theta||^2`` (convex: scores are linear in ``theta``) by Newton's method with
    backtracking line search.  ``theta = (alpha, beta, gamma)``, ``3 d`` parameters.

    Parameters
    ----------
    queries : array_like, shape (n, d)
        Context queries.
    origins : array_like of int, shape (n,)
        Index of the memory each query came from.
    memories : array_like, shape (K, d)
        Stored memories (rows), finite floats.
    l2 : float >= 0
        L2 regularisation.
    max_iter : int >= 1
        Cap on Newton iterations.
    tol : float >= 0
        Stopping tolerance.

    Returns
    -------
    AdaptiveSimilarity
        The fitted parameters ``(alpha, beta, gamma)`` (``3 d`` numbers) minimising the
        regularised cross-entropy ``L(theta)`` of the context samples.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    mem = _memories(memories)
    q, _ = _queries(queries, mem.shape[1])
    org = np.asarray(origins)
    if org.dtype.kind not in "iu" or org.shape != (q.shape[0],):
        raise ValueError(f"origins: expected {q.shape[0]} integer indices (one per query)")
    kk, d = mem.shape
    if np.any(org < 0) or np.any(org >= kk):
        raise ValueError(f"origins: indices must lie in [0, {kk})")
    l2 = float(l2)
    if not np.isfinite(l2) or l2 < 0:
        raise ValueError(f"l2: got {l2}; expected a finite number >= 0")
    max_iter = _pos_int(max_iter, "max_iter")
    n = q.shape[0]
    o = (q != 0).astype(np.float64)
    # features F[t, k, :] = concat(o x xi_k, o xi_k^2, o xi_k), shape (n, K, 3d)
    feats = np.concatenate([(o * q)[:, None, :] * mem[None], o[:, None, :] * (mem**2)[None],
                            o[:, None, :] * mem[None]], axis=2)

    def loss_grad(theta: np.ndarray, need_hess: bool):
        # einsum (not BLAS) keeps this single-threaded: these products are small, and
        # multi-threaded BLAS only thrashes on a loaded machine
        s = np.einsum("tkj,j->tk", feats, theta)  # (n, K)
        s = s - s.max(1, keepdims=True)
        logz = np.log(np.exp(s).sum(1))
        loss = -(s[np.arange(n), org] - logz).mean() + 0.5 * l2 * theta @ theta
        if not need_hess:
            return loss, None, None
        p = np.exp(s - logz[:, None])
        mean_f = np.einsum("tk,tkj->tj", p, feats)
        grad = (mean_f - feats[np.arange(n), org]).mean(0) + l2 * theta
        flat = feats.reshape(n * kk, -1)
        hess = (np.einsum("ai,aj->ij", flat * p.reshape(-1, 1), flat)
                - np.einsum("ti,tj->ij", mean_f, mean_f)) / n + l2 * np.eye(theta.size)
        return loss, grad, hess

    theta = np.zeros(3 * d)
    loss = np.inf
    it = 0
    for it in range(1, max_iter + 1):  # noqa: B007 (count read after the loop)
        loss, grad, hess = loss_grad(theta, True)
        step = -np.linalg.solve(hess + 1e-10 * np.eye(theta.size), grad)
        dec = -grad @ step
        if dec / 2 <= tol:
            break
        t = 1.0
        while t > 1e-8:
            new_loss, _, _ = loss_grad(theta + t * step, False)
            if new_loss <= loss - 0.25 * t * dec:
                break
            t *= 0.5
        theta = theta + t * step
    return AdaptiveSimilarity(theta[:d].copy(), theta[d:2 * d].copy(), theta[2 * d:].copy(),
                              info={"loss": float(loss), "iterations": it, "n_samples": n})


# --------------------------------------------------------------------------- retrieval
@finite_output
def ahop_retrieve(x: ArrayLike, memories: ArrayLike, similarity: Similarity,
                  beta: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """A-Hop retrieval ``T(x) = Xi^T softmax(beta s(x, Xi))`` and the retrieved index.

    ``similarity`` is a callable ``(x, memories) -> scores (n, K)`` such as
    :class:`AdaptiveSimilarity`, :func:`dot_similarity` (modern Hopfield network) or
    :func:`neg_sq_distance`.  Returns ``(readout (n, d) or (d,), index (n,) or scalar)``.
    Numerically stable (max-shifted softmax).

    Parameters
    ----------
    x : array_like, shape (d,) or (n, d)
        Query (or queries).
    memories : array_like, shape (K, d)
        Stored memories (rows), finite floats.
    similarity : callable
        Similarity function ``(x, memories) -> scores`` (see the summary).
    beta : float > 0
        Inverse temperature.

    Returns
    -------
    tuple[numpy.ndarray, numpy.ndarray]
        ``(readout, index)``: the float64 readout ``Xi^T softmax(beta s(x, Xi))`` of shape (n,
        d) (or (d,) for one query), and the int64 index of the largest score, shape (n,) (or a
        scalar).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    mem = _memories(memories)
    b = float(beta)
    if not np.isfinite(b) or b <= 0:
        raise ValueError(f"beta: got {beta!r}; expected a finite number > 0")
    if not callable(similarity):
        raise ValueError("similarity: expected a callable (x, memories) -> scores")
    q, single = _queries(x, mem.shape[1])
    s = np.asarray(similarity(q, mem), dtype=np.float64)
    if s.shape != (q.shape[0], mem.shape[0]) or not np.all(np.isfinite(s)):
        raise ValueError(f"similarity: returned shape {s.shape} (or non-finite scores); "
                         f"expected finite scores of shape {(q.shape[0], mem.shape[0])}")
    z = b * s
    z = np.exp(z - z.max(1, keepdims=True))
    p = z / z.sum(1, keepdims=True)
    out, idx = p @ mem, np.argmax(s, axis=1)
    return (out[0], idx[0]) if single else (out, idx)


@finite_output
def retrieve_index(x: ArrayLike, memories: ArrayLike, similarity: Similarity) -> np.ndarray:
    """Index of the highest-scoring memory (ties: smallest index).

    Parameters
    ----------
    x : array_like, shape (d,) or (n, d)
        Query (or queries).
    memories : array_like, shape (K, d)
        Stored memories (rows), finite floats.
    similarity : callable
        Similarity function ``(x, memories) -> scores`` (see the summary).

    Returns
    -------
    numpy.ndarray
        int64 of shape (n,) (or 0-d): ``argmax_k`` of the scores, the smallest index on a tie.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    return ahop_retrieve(x, memories, similarity)[1]


@finite_output
def accuracy(predicted: ArrayLike, origins: ArrayLike) -> float:
    """Fraction of queries whose retrieved index equals the true origin.

    Parameters
    ----------
    predicted : array_like of int
        Predicted memory indices.
    origins : array_like of int, shape (n,)
        Index of the memory each query came from.

    Returns
    -------
    float
        The fraction in ``[0, 1]`` of queries with ``retrieved == origin``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    p, o = np.asarray(predicted), np.asarray(origins)
    if p.shape != o.shape or p.ndim != 1 or p.size == 0:
        raise ValueError(f"predicted/origins: shapes {p.shape} and {o.shape}; expected equal "
                         f"non-empty 1-D shapes")
    return float(np.mean(p == o))


# --------------------------------------------------------------------------- experiments
@finite_output
def make_memories(k: int, d: int, *, seed: SeedLike, scale_range: tuple[float, float] = (0.5, 1.5)
                  ) -> np.ndarray:
    """``k`` Gaussian memories of dimension ``d``, memory ``j`` scaled by a factor drawn
    uniformly from ``scale_range`` (unequal norms, where a dot product is biased).

    Parameters
    ----------
    k : int >= 1
        Number of memories.
    d : int >= 1
        Dimension.
    seed : None, int >= 0 or numpy.random.Generator
        Source of all randomness: ``None`` draws fresh OS entropy (not reproducible), an int gives
        a reproducible stream, a Generator is used as is and advanced in place.
    scale_range : (float, float)
        Range of the memory norms.

    Returns
    -------
    numpy.ndarray
        float64 of shape (k, d): Gaussian memories, row ``j`` scaled by a factor drawn uniformly
        from ``scale_range``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    k, d = _pos_int(k, "k"), _pos_int(d, "d")
    lo, hi = (float(v) for v in scale_range)
    if not (0 < lo <= hi) or not np.isfinite(hi):
        raise ValueError(f"scale_range: got {scale_range!r}; expected 0 < lo <= hi")
    check_work(1, "one draw", k * d, "k * d")
    rng = _rng(seed)
    return rng.standard_normal((k, d)) * rng.uniform(lo, hi, size=(k, 1))


@finite_output
def comparison_table(memories: ArrayLike, variants: dict, *, n_context: int, n_test: int,
                     seed: SeedLike) -> dict[str, dict[str, float]]:
    """Accuracy of dot-product, -squared-distance, adaptive and MAP retrieval.

    For each named variant: draw ``n_test`` test queries and, from an independent stream,
    ``n_context`` context samples; fit the adaptive similarity on the context samples and
    score all methods on the test queries (the same test queries for every ``n_context``
    at a given seed).  Returns
    ``{name: {"dot": acc, "euclid": acc, "adaptive": acc, "map": acc}}``.

    Parameters
    ----------
    memories : array_like, shape (K, d)
        Stored memories (rows), finite floats.
    variants : sequence of Variant
        Corruption models to compare.
    n_context : int >= 1
        Context queries per variant.
    n_test : int >= 1
        Test queries per variant.
    seed : None, int >= 0 or numpy.random.Generator
        Source of all randomness: ``None`` draws fresh OS entropy (not reproducible), an int gives
        a reproducible stream, a Generator is used as is and advanced in place.

    Returns
    -------
    dict[str, dict[str, float]]
        ``{variant name: {"dot": acc, "euclid": acc, "adaptive": acc, "map": acc}}``: the test
        accuracy in ``[0, 1]`` of each retrieval rule for each variant.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    mem = _memories(memories)
    rng = _rng(seed)
    out: dict[str, dict[str, float]] = {}
    if not isinstance(variants, dict) or not variants:
        raise ValueError("variants: expected a non-empty dict name -> Variant")
    # independent streams: the test queries of a variant do not depend on n_context
    streams = rng.spawn(2 * len(variants))
    for t, (name, var) in enumerate(variants.items()):
        xt, kt = sample_variants(mem, var, n_test, seed=streams[2 * t])
        xc, kc = sample_variants(mem, var, n_context, seed=streams[2 * t + 1])
        sim = fit_adaptive_similarity(xc, kc, mem)
        out[name] = {
            "dot": accuracy(retrieve_index(xt, mem, dot_similarity), kt),
            "euclid": accuracy(retrieve_index(xt, mem, neg_sq_distance), kt),
            "adaptive": accuracy(retrieve_index(xt, mem, sim), kt),
            "map": accuracy(map_retrieve(xt, mem, var), kt),
        }
    return out
