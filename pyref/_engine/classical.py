"""The fast engine of the classical Hopfield network: runs to convergence and batched
recall (spec T2, T3, T4 asynchronous, T5 synchronous).

:func:`run` repeats sweeps (or synchronous steps) of the mirrored reference
:mod:`pyref.spec.classical` until a fixed point or a 2-cycle, with the field kept up to
date incrementally (``O(n)`` per flip).  :func:`recall_batch` recalls many probes at once:
one matrix product per synchronous step, or blocked BLAS sweeps for the asynchronous mode,
giving probe by probe exactly the result of :func:`run`.

Integer weights are evaluated exactly: when every field is an integer below ``2**24``
(``2**53``) the products run in float32 (float64) BLAS, which is exact there
(:func:`pyref._engine.kernel.fast_dtype`).  ``object`` arrays of ints / Fractions are
rescaled to integers (same dynamics).  Float weights use the tie band of
:func:`pyref._engine.kernel.tie_tol`.

``__all__``: :class:`RunResult`, :func:`run`, :class:`BatchRecall`, :func:`recall_batch`
(re-exported by :mod:`pyref.classical`); public within the package (not in ``__all__``):
the field operators :class:`DenseFields`, :class:`HebbianFields` and the shared batched engine
:func:`recall_impl` (used by ``pyref.spec.learning.hebbian_recall_batch``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, DTypeLike

from .._validate import (
    InputTypeError,
    Real,
    SeedLike,
    as_generator,
    check_machine,
    check_positive_int,
    check_schedule,
    check_seed,
    check_state,
    check_states,
    check_tie,
    check_unproved_run,
)
from .kernel import (
    async_inplace,
    energy_core,
    fast_dtype,
    init_field,
    integer_scaled,
    tie_tol,
    update_vec,
)

__all__ = [
    "RunResult",
    "run",
    "BatchRecall",
    "recall_batch",
]

_STATUS = ("fixed_point", "two_cycle", "max_sweeps")


# --------------------------------------------------------------------------- runs

@dataclass(frozen=True)
class RunResult:
    """Outcome of :func:`run` (spec T2 async, T5 sync).

    Attributes
    ----------
    state : the last state (the fixed point, or the later state of the 2-cycle).
    trajectory : ``(sweeps + 1, n)`` array; row ``t`` is the state after ``t`` sweeps (async)
        or ``t`` synchronous steps; row 0 is the start.  Empty rows if ``record=False``.
    energies : energy of each trajectory row (exact for integer inputs).
    sweeps : number of sweeps / synchronous steps performed (including the last one, which
        confirmed the fixed point or closed the cycle).
    status : ``"fixed_point"``, ``"two_cycle"`` (synchronous only) or ``"max_sweeps"``.
    cycle : the two states of the 2-cycle, else ``None``.
    flips : number of state-changing asynchronous steps (``None`` for sync runs).
    """

    state: np.ndarray
    trajectory: np.ndarray
    energies: list[Real]
    sweeps: int
    status: str
    cycle: tuple[np.ndarray, np.ndarray] | None = None
    flips: int | None = None
    extra: dict[str, object] = dc_field(default_factory=dict)

    @property
    def converged(self) -> bool:
        """True for a fixed point or a detected 2-cycle."""
        return self.status != "max_sweeps"


def run(W: ArrayLike, theta: ArrayLike | None, s: ArrayLike, *, mode: str = "async",
        schedule: str | Sequence[int] = "cyclic", tie: str = "keep", max_sweeps: int = 1000,
        seed: SeedLike = None, record: bool = True, require_symmetric: bool = True) -> RunResult:
    """Run to convergence (spec T2 for ``mode="async"``, T5 for ``mode="sync"``).

    Asynchronous mode repeats sweeps along ``schedule`` -- ``"cyclic"`` (0..n-1),
    ``"random"`` (a fresh random permutation per sweep, from ``seed``) or a custom sequence
    of indices that contains every neuron (a fair schedule, T2) -- until a whole sweep
    changes nothing: then every neuron was checked at the final state, so it is a fixed
    point.  The field is updated incrementally (``O(n)`` per flip).

    Synchronous mode repeats :func:`sync_step` until ``s_{t+1} == s_t`` (fixed point) or
    ``s_{t+1} == s_{t-1}`` (a 2-cycle, the only other possibility for symmetric ``W``, T5).

    ``require_symmetric`` (default): ``W`` must be symmetric with zero diagonal, the
    hypotheses of T1/T2/T5 under which the run is guaranteed to converge.  ``max_sweeps``
    caps the run; ``status == "max_sweeps"`` then says it did not converge.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    s : array_like, shape (n,)
        State, entries +1 / -1.
    mode : {'async', 'sync'}
        Asynchronous sweeps (T2) or synchronous steps (T5).
    schedule : 'cyclic', 'random' or sequence of int
        Update order of the asynchronous sweeps (a custom one must contain every neuron).
    tie : {'keep', 'plus'}
        Rule on a tie ``h_i = theta_i``: keep ``s_i`` (spec default) or set +1.
    max_sweeps : int >= 1
        Cap on sweeps (synchronous: steps); the status says when it was reached.  Without
        symmetric ``W`` (``require_symmetric=False``) at most ``max(1000, MAX_LOOP_STEPS // n)``
        (:data:`pyref._validate.MAX_LOOP_STEPS`), since the run may cycle.
    seed : None, int >= 0 or numpy.random.Generator
        Source of all randomness: ``None`` draws fresh OS entropy (not reproducible), an int gives
        a reproducible stream, a Generator is used as is and advanced in place.
    record : bool
        Return every recorded state (trajectory / samples), not only the final one.
    require_symmetric : bool
        Demand symmetric ``W`` with zero diagonal (the hypotheses under which convergence is
        proved).

    Returns
    -------
    RunResult
        The final state, the trajectory and energies (when ``record``), the number of
        sweeps and the status ``"fixed_point"``, ``"two_cycle"`` or ``"max_sweeps"``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    tie = check_tie(tie)
    check_seed(seed)
    if mode not in ("async", "sync"):
        raise ValueError(f"mode: got {mode!r}; expected 'async' or 'sync'")
    Wv, th = check_machine(W, theta, symmetric=require_symmetric, zero_diag=require_symmetric)
    n = Wv.shape[0]
    sv = check_state(s, n)
    max_sweeps = check_positive_int(max_sweeps, "max_sweeps")
    check_unproved_run(Wv, max_sweeps)
    if not isinstance(record, (bool, np.bool_)):
        raise InputTypeError(f"record: got {record!r}; expected True or False")
    traj = [sv.copy()] if record else []
    Wo, tho = Wv, th                         # original units, for the energies
    Wv, th = integer_scaled(Wv, th)         # same dynamics, integer arithmetic
    tol = tie_tol(Wv, th)
    U = np.triu(Wo, 1) if record else None

    if mode == "sync":
        if not (isinstance(schedule, str) and schedule == "cyclic"):
            raise ValueError("schedule: only meaningful for mode='async'; leave it 'cyclic'")
        prev = None
        cur = sv
        status, cycle = "max_sweeps", None
        steps = 0
        for steps in range(1, max_sweeps + 1):  # noqa: B007 (count read after the loop)
            nxt = update_vec(init_field(Wv, cur), th, cur, tie, tol)
            if record:
                traj.append(nxt.copy())
            if np.array_equal(nxt, cur):
                status, cur = "fixed_point", nxt
                break
            if prev is not None and np.array_equal(nxt, prev):
                status, cycle = "two_cycle", (cur.copy(), nxt.copy())
                prev, cur = cur, nxt
                break
            prev, cur = cur, nxt
        energies = [energy_core(Wo, tho, t, U) for t in traj] if record else []
        return RunResult(cur, np.array(traj) if record else np.empty((0, n), np.int64),
                         energies, steps, status, cycle, None)

    rng = None
    if isinstance(schedule, str):
        if schedule == "random":
            rng = as_generator(seed)
        elif schedule != "cyclic":
            raise ValueError(f"schedule: got {schedule!r}; expected 'cyclic', 'random' or a "
                             f"sequence of neuron indices")
        order: Sequence[int] = range(n)
    else:
        order = check_schedule(schedule, n, cover=True)
    Wt = np.ascontiguousarray(Wv.T)
    h = init_field(Wv, sv)
    status = "max_sweeps"
    total_flips = 0
    sweeps = 0
    for sweeps in range(1, max_sweeps + 1):
        if rng is not None:
            order = rng.permutation(n).tolist()
        if tol is not None and sweeps > 1:
            h = init_field(Wv, sv)          # float weights: no drift across sweeps
        f = async_inplace(Wt, th, sv, h, order, tie, tol)
        total_flips += f
        if record:
            traj.append(sv.copy())
        if f == 0:
            status = "fixed_point"
            break
    energies = [energy_core(Wo, tho, t, U) for t in traj] if record else []
    return RunResult(sv, np.array(traj) if record else np.empty((0, n), np.int64), energies,
                     sweeps, status, None, total_flips)


# --------------------------------------------------------------------------- batched recall

@dataclass(frozen=True)
class BatchRecall:
    """Outcome of :func:`recall_batch` for ``B`` probes (spec T2-T5).

    ``states`` ``(B, n)`` final states; ``sweeps`` ``(B,)`` sweeps / sync steps used per probe;
    ``status`` ``(B,)`` strings ``"fixed_point"``, ``"two_cycle"`` or ``"max_sweeps"``.
    """

    states: np.ndarray
    sweeps: np.ndarray
    status: np.ndarray

    @property
    def converged(self) -> np.ndarray:
        """Boolean mask of probes that reached a fixed point or a 2-cycle."""
        return np.asarray(self.status != "max_sweeps")


def recall_batch(W: ArrayLike, theta: ArrayLike | None, probes: ArrayLike, *, mode: str = "async",
                 schedule: str | Sequence[int] = "cyclic", tie: str = "keep",
                 max_sweeps: int = 1000, require_symmetric: bool = True) -> BatchRecall:
    """Recall many probes at once, vectorised (spec T2/T3/T4 async, T5 sync).

    Gives, probe by probe, exactly the result of :func:`run` with the same arguments
    (a cyclic or custom shared schedule; no random schedule here).

    * ``mode="sync"``: one matrix product ``S @ W.T`` per step for all active probes.
    * ``mode="async"``: one matrix product per sweep gives every field; each step then
      updates column ``i`` for all probes at once and corrects the fields of the probes that
      flipped, ``O(n)`` per flip.

    Integer inputs are exact (float32/float64 BLAS only where exact, see module doc).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    probes : array_like, shape (B, n)
        Probe states, entries +1 / -1.
    mode : {'async', 'sync'}
        Asynchronous sweeps (T2) or synchronous steps (T5).
    schedule : 'cyclic', 'random' or sequence of int
        Update order of the asynchronous sweeps (a custom one must contain every neuron).
    tie : {'keep', 'plus'}
        Rule on a tie ``h_i = theta_i``: keep ``s_i`` (spec default) or set +1.
    max_sweeps : int >= 1
        Cap on sweeps (synchronous: steps); the status says when it was reached.  Without
        symmetric ``W`` (``require_symmetric=False``) at most ``max(1000, MAX_LOOP_STEPS // n)``
        (:data:`pyref._validate.MAX_LOOP_STEPS`), since the run may cycle.
    require_symmetric : bool
        Demand symmetric ``W`` with zero diagonal (the hypotheses under which convergence is
        proved).

    Returns
    -------
    BatchRecall
        Per probe: the final state, the number of sweeps and the status, each equal to what
        :func:`run` gives for that probe.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    tie = check_tie(tie)
    if mode not in ("async", "sync"):
        raise ValueError(f"mode: got {mode!r}; expected 'async' or 'sync'")
    Wv, th = check_machine(W, theta, symmetric=require_symmetric, zero_diag=require_symmetric)
    n = Wv.shape[0]
    S = check_states(probes, n, name="probes")
    max_sweeps = check_positive_int(max_sweeps, "max_sweeps")
    check_unproved_run(Wv, max_sweeps)
    if isinstance(schedule, str):
        if schedule != "cyclic":
            raise ValueError(f"schedule: got {schedule!r}; recall_batch takes 'cyclic' or a "
                             f"shared sequence of neuron indices (use run() for 'random')")
        order: list[int] = list(range(n))
    else:
        if mode == "sync":
            raise ValueError("schedule: only meaningful for mode='async'; leave it 'cyclic'")
        order = check_schedule(schedule, n, cover=True)

    Wv, th = integer_scaled(Wv, th)         # Fractions: same dynamics in integers
    dt = fast_dtype(Wv, th)
    op = DenseFields(Wv.astype(dt), symmetric=require_symmetric)
    return recall_impl(op, th.astype(dt), S, mode=mode, tie=tie, max_sweeps=max_sweeps,
                       order=order, custom=not isinstance(schedule, str), dt=dt,
                       tol=tie_tol(Wv, th), exact=Wv.dtype.kind == "i")


class DenseFields:
    """Fields ``H = S W^T`` from a dense (n, n) matrix (already in the compute dtype)."""

    def __init__(self, Wc: np.ndarray, symmetric: bool = False) -> None:
        self.W = Wc
        if symmetric:                   # W^T is W: no transposed copy
            self.WT = Wc
        else:
            self.WT = np.ascontiguousarray(Wc.T) if Wc.dtype != object else Wc.T.copy()

    def full(self, Sc: np.ndarray) -> np.ndarray:
        """``H[b, i] = sum_j W_ij S[b, j]``."""
        return np.asarray(Sc @ self.WT)

    def block(self, b0: int, b1: int) -> np.ndarray:
        """``W[b0:b1, b0:b1]``."""
        return self.W[b0:b1, b0:b1]

    def partial(self, Dt: np.ndarray, b0: int, b1: int) -> np.ndarray:
        """Field change ``(r, n)`` of spin changes ``Dt`` ``(r, b1 - b0)`` in the block."""
        return np.asarray(Dt @ self.WT[b0:b1])

    def dense(self) -> np.ndarray:
        """The matrix itself."""
        return self.W


class HebbianFields:
    """Fields of the Hebbian matrix ``W = P^T P - m I`` without forming it:
    ``S W^T = (S P^T) P - m S`` costs ``O(B n m)`` instead of ``O(B n^2)`` (T3 weights)."""

    def __init__(self, Pc: np.ndarray) -> None:
        self.P = np.ascontiguousarray(Pc)           # (m, n)
        self.Pt = np.ascontiguousarray(Pc.T)        # (n, m)
        self.m = Pc.shape[0]

    def full(self, Sc: np.ndarray) -> np.ndarray:
        return np.asarray((Sc @ self.Pt) @ self.P - self.m * Sc)

    def block(self, b0: int, b1: int) -> np.ndarray:
        Pb = self.P[:, b0:b1]
        Wb = Pb.T @ Pb
        Wb[np.diag_indices(b1 - b0)] -= self.m
        return np.asarray(Wb)

    def partial(self, Dt: np.ndarray, b0: int, b1: int) -> np.ndarray:
        out = (Dt @ self.Pt[b0:b1]) @ self.P
        out[:, b0:b1] -= self.m * Dt
        return np.asarray(out)

    def dense(self) -> np.ndarray:
        W = self.Pt @ self.P
        W[np.diag_indices(W.shape[0])] -= self.m
        return np.asarray(W)


def recall_impl(op: Any, thc: np.ndarray, S: np.ndarray, *, mode: str, tie: str,
                max_sweeps: int, order: Sequence[int], custom: bool, dt: DTypeLike,
                tol: np.ndarray | None, exact: bool) -> BatchRecall:
    """Shared engine of :func:`recall_batch` and ``learning.hebbian_recall_batch``."""
    B = S.shape[0]
    sweeps = np.zeros(B, dtype=np.int64)
    status = np.full(B, "max_sweeps", dtype="<U11")
    # S is the caller's fresh int64 copy from check_states: updated in place
    active = np.arange(B)

    if mode == "sync":
        prev = None
        cur = S.astype(dt)                                  # spins as +-1 in dt (exact)
        for t in range(1, max_sweeps + 1):
            if active.size == 0:
                break
            H = op.full(cur)
            if dt is object:
                nxt = update_vec(H, thc, cur, tie, tol).astype(object)
            else:
                d = H - thc
                if tol is not None:
                    d = np.where(np.abs(d) <= tol, 0.0, d)
                nxt = np.sign(d).astype(dt, copy=False)
                ties = nxt == 0
                if ties.any():
                    nxt[ties] = cur[ties] if tie == "keep" else 1
            sweeps[active] = t
            fixed = np.all(nxt == cur, axis=1)
            cyc = np.zeros_like(fixed) if prev is None else (np.all(nxt == prev, axis=1) & ~fixed)
            done = fixed | cyc
            S[active[done]] = nxt[done].astype(np.int64)
            status[active[fixed]] = "fixed_point"
            status[active[cyc]] = "two_cycle"
            keep_mask = ~done
            prev = cur[keep_mask]
            cur = nxt[keep_mask]
            active = active[keep_mask]
        if active.size:
            S[active] = cur.astype(np.int64)
        return BatchRecall(S, sweeps, status)

    if dt is object or custom:
        _async_batch_simple(op.dense(), thc, S, active, order, tie, max_sweeps, sweeps,
                            status, dt, tol)
    else:
        _async_batch_blocked(op, thc, S, tie, max_sweeps, sweeps, status, dt,
                             exact=exact, tol=tol)
    return BatchRecall(S, sweeps, status)


def _async_batch_simple(Wc: np.ndarray, thc: np.ndarray, S: np.ndarray, active: np.ndarray,
                        order: Sequence[int], tie: str, max_sweeps: int, sweeps: np.ndarray,
                        status: np.ndarray, dt: DTypeLike, tol: np.ndarray | None) -> None:
    """Batched asynchronous sweeps along any shared ``order``: one product per sweep, then
    per step the flipped probes' fields are corrected (``O(n)`` per flip)."""
    Wrows = Wc.T.copy()
    WtT = Wc.T
    keep = tie == "keep"
    for t in range(1, max_sweeps + 1):
        if active.size == 0:
            break
        cur = S[active]
        H = cur.astype(dt) @ WtT          # (b, n) fields of the active probes
        flipped_any = np.zeros(active.size, dtype=bool)
        for i in order:
            d = H[:, i] - thc[i]
            if tol is not None:
                d = np.where(np.abs(d) <= tol[i], 0.0, d)
            col = cur[:, i]
            new = np.where(np.asarray(d > 0, dtype=bool), 1,
                           np.where(np.asarray(d < 0, dtype=bool), -1, col if keep else 1))
            ch = np.flatnonzero(new != col)
            if ch.size:
                nv = new[ch]
                cur[ch, i] = nv
                H[ch] += (2 * nv).astype(dt)[:, None] * Wrows[i][None, :]
                flipped_any[ch] = True
        S[active] = cur
        sweeps[active] = t
        done = ~flipped_any
        status[active[done]] = "fixed_point"
        active = active[~done]


_BLOCK = 256  # neurons per block: of 128/256/384/512, 128 and 256 tied at n = 1000 and 256
#               was faster at n = 4000 (benchmarks/run.py's data, one BLAS thread)


def _unstable(H: np.ndarray, cur: np.ndarray, thc: np.ndarray, has_theta: bool,
              tol: np.ndarray | None, keep: bool) -> np.ndarray:
    """Mask of the neurons whose ``updateValue`` would change the spin: the field is strictly
    on the other side of the threshold (``d s < 0``), or, for plus ties, ``d == 0`` and
    ``s == -1`` (``d = h - theta``, zeroed inside the float tie band ``tol``)."""
    d = H - thc if has_theta else H
    if tol is not None:
        d = np.where(np.abs(d) <= tol, 0.0, d)
    F = d * cur < 0
    if not keep:
        F |= (d == 0) & (cur < 0)
    return np.asarray(F)


def _block_changes(Hb: np.ndarray, Sb: np.ndarray, M: np.ndarray, thb: np.ndarray,
                   has_theta: bool, tolb: np.ndarray | None, keep: bool) -> np.ndarray:
    """Spin changes ``D`` (``new - old``, ``(r, k)``) of one in-order pass over a block.

    ``Hb``, ``Sb``: the block's fields and spins at the start of the block, one row per
    probe.  Visiting neuron ``j`` sees the field ``Hb[:, j] + (D @ M)[:, j]`` (the changes of
    the neurons before it; ``M`` is strictly upper triangular) and its own old spin, so the
    exact result is the unique solution of the triangular system
    ``D = step(Hb + D M)`` column by column.  It is found by iterating ``D <- step(Hb + D M)``
    from ``D = 0``: after ``m`` rounds the first ``m`` columns are exact (column ``j`` only
    reads columns ``< j``), and a row that did not change in a round is a fixed point, hence
    that unique solution, and leaves the iteration.  Rounds: one more than the longest chain
    of changes that cause each other, at most ``k + 1`` (typically 2-3), each one matrix
    product ``(r, k) @ (k, k)`` instead of ``k`` sequential steps.
    """
    k = Hb.shape[1]
    D = (-2 * Sb) * _unstable(Hb, Sb, thb, has_theta, tolb, keep)     # round 1: D = 0
    rows = np.flatnonzero(D.any(axis=1))
    for _ in range(k):
        if rows.size == 0:
            return np.asarray(D)
        Dr = D[rows]
        Hc = Dr @ M
        Hc += Hb[rows]
        Sr = Sb[rows]
        Dn = (-2 * Sr) * _unstable(Hc, Sr, thb, has_theta, tolb, keep)
        moved = (Dn != Dr).any(axis=1)
        D[rows[moved]] = Dn[moved]
        rows = rows[moved]
    if rows.size:                          # unreachable: column j is exact after j + 1 rounds
        raise RuntimeError("internal error: the in-block iteration did not settle")
    return np.asarray(D)


def _retire_fixed(S: np.ndarray, sweeps: np.ndarray, status: np.ndarray, t: int,
                  active: np.ndarray, cur: np.ndarray, H: np.ndarray, done: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Record the probes ``active[done]`` as fixed points reached at sweep ``t`` (final
    state from ``cur``) and return ``active``, ``cur``, ``H`` without them."""
    if not done.any():
        return active, cur, H
    idx = active[done]
    sweeps[idx] = t
    S[idx] = cur[done]                      # +-1.0 -> int64 on assignment (exact)
    status[idx] = "fixed_point"
    keep_rows = ~done
    return active[keep_rows], cur[keep_rows], H[keep_rows]


def _async_batch_blocked(op: Any, thc: np.ndarray, S: np.ndarray, tie: str,
                         max_sweeps: int, sweeps: np.ndarray, status: np.ndarray, dt: DTypeLike,
                         exact: bool, tol: np.ndarray | None = None) -> None:
    """Batched cyclic asynchronous sweeps, blocked for BLAS.

    Neurons are visited in order ``0..n-1`` in blocks of ``_BLOCK``.  ``H`` holds every
    field as of the start of the current block.  Inside a block, the field of neuron ``j``
    when its turn comes is ``H[:, j] + sum_{i < j in block} W[j, i] D[i]``, where ``D`` holds
    the spin changes (``new - old``, in ``{-2, 0, 2}``) made before it in the block; all the
    block's changes are found together by :func:`_block_changes` (a few small matrix
    products, exact).  At the end of the block the changes reach all fields by one matrix
    product ``H += D W[block, :]^T`` (only probes that changed).  This is exactly the
    step-by-step definition.

    Two shortcuts, both exact: a probe with no unstable neuron in a block at the start of
    the block makes no change there (nothing else moves its block fields), so it skips the
    block; and from the second sweep on, a probe with no unstable neuron at all is a fixed
    point at once (the sweep would change nothing).  For integer weights every quantity is an
    integer below the float mantissa limit (see :func:`fast_dtype`), so the fields stay exact
    and are never recomputed; for float weights they are recomputed at the start of every
    sweep to stop rounding drift.
    """
    n = S.shape[1]
    keep = tie == "keep"
    active = np.arange(S.shape[0])
    cur = S.astype(dt)                                      # spins as +-1.0 (exact)
    H = op.full(cur)
    has_theta = bool(np.any(thc != 0))
    blocks = [(b0, min(n, b0 + _BLOCK)) for b0 in range(0, n, _BLOCK)]
    # Ms[blk][i, j] = W[b0 + j, b0 + i] for i < j, else 0: D @ M adds to the field of
    # block neuron j the changes of the block neurons visited before it
    Ms = [np.ascontiguousarray(np.triu(op.block(b0, b1).T, 1)) for b0, b1 in blocks]
    for t in range(1, max_sweeps + 1):
        if active.size == 0:
            break
        if not exact and t > 1:
            H = op.full(cur)
        if t > 1:                      # no unstable neuron: the sweep changes nothing
            moving = _unstable(H, cur, thc, has_theta, tol, keep).any(axis=1)
            if not moving.all():
                active, cur, H = _retire_fixed(S, sweeps, status, t, active, cur, H,
                                               np.asarray(~moving))
                if active.size == 0:
                    break
        flipped_any = np.zeros(active.size, dtype=bool)
        for blk, (b0, b1) in enumerate(blocks):
            thb = thc[b0:b1]
            tolb = None if tol is None else tol[b0:b1]
            moving = _unstable(H[:, b0:b1], cur[:, b0:b1], thb, has_theta, tolb,
                               keep).any(axis=1)
            # gathering rows costs a copy; below 3/4 of the probes it pays for itself
            sub: Any = np.flatnonzero(moving)
            if sub.size == 0:
                continue
            if 4 * sub.size >= 3 * moving.size:
                sub = slice(None)
            D = _block_changes(H[sub, b0:b1], cur[sub, b0:b1], Ms[blk], thb, has_theta,
                               tolb, keep)                    # (r, k) spin changes
            changed = D.any(axis=1)
            if not changed.any():
                continue
            if isinstance(sub, slice) and 4 * np.count_nonzero(changed) >= 3 * changed.size:
                cur[:, b0:b1] += D                          # every probe, zero rows kept
                H += op.partial(D, b0, b1)
                flipped_any |= changed
            else:
                rr = np.arange(moving.size)[sub][changed]
                Dr = np.ascontiguousarray(D[changed])       # (r', k)
                cur[rr, b0:b1] += Dr
                H[rr] += op.partial(Dr, b0, b1)
                flipped_any[rr] = True
        sweeps[active] = t
        active, cur, H = _retire_fixed(S, sweeps, status, t, active, cur, H, ~flipped_any)
    if active.size:
        S[active] = cur.astype(np.int64)
