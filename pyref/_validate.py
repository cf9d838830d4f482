"""Input validation shared by every public entry point of ``pyref``.

Every checker raises :class:`ValueError` with a message saying what was wrong and what is
expected, and returns a normalised copy of its input (numpy arrays with a fixed dtype), so
that no public function ever computes a silent wrong answer from malformed input.

Number types.  Weights and thresholds may be

* integer arrays (returned as ``int64``; converted to Python ``int`` objects, dtype
  ``object``, when a sum of products could overflow ``int64``) -- exact arithmetic;
* ``object`` arrays of Python ``int`` / :class:`fractions.Fraction` -- exact rational
  arithmetic (slow, for small reference computations);
* float arrays (returned as ``float64``) -- must be finite.

States are integer arrays whose entries are exactly ``+1`` or ``-1`` (spec conventions).

Scalars.  Real parameters go through :func:`check_real` (``bool``, ``str`` and ``complex``
are rejected, never coerced); counts through :func:`check_int`; float arrays through
:func:`check_float_array` (``bool``/``str``/``complex`` dtypes rejected); probability
vectors through :func:`check_distribution`; seeds through :func:`check_seed` /
:func:`as_generator` (validated eagerly, at call time, also by generator functions).

Exact arithmetic limits.  Exact rational powers ``q**e`` grow by ``e`` times the bit size of
``q``; :func:`check_exact_power` refuses results above :data:`MAX_EXACT_BITS` bits, and
:data:`MAX_EXACT_STEPS` bounds loops of exact matrix/vector products.  The messages name the
limit and the float (or matrix-free) route to use instead.

This module is the one validation layer of ``pyref``: every other module imports its
checkers from here (public names only; no private cross-module imports).
"""

from __future__ import annotations

import functools
import math
import numbers
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any, Literal, SupportsFloat, TypeVar, cast, overload

import numpy as np
from numpy.typing import ArrayLike

__all__ = [
    "check_finite",
    "check_finite_result",
    "finite_output",
    "check_state",
    "check_states",
    "check_weights",
    "check_thresholds",
    "check_patterns",
    "check_beta",
    "check_q",
    "check_tie",
    "check_index",
    "check_schedule",
    "check_positive_int",
    "check_nonneg_int",
    "check_int",
    "check_real",
    "check_choice",
    "check_float_array",
    "check_distribution",
    "check_exact_power",
    "check_seed",
    "as_generator",
    "is_exact",
    "INT64_SAFE",
    "SeedLike",
    "RequiredSeed",
    "Scalar",
    "ExactScalar",
    "Real",
    "RationalLike",
    "InputTypeError",
    "MAX_EXACT_BITS",
    "MAX_EXACT_STEPS",
    "MAX_LOOP_STEPS",
    "MAX_WORK",
    "check_work",
    "check_float_range",
    "check_machine",
    "check_unproved_run",
    "FREE_SWEEPS",
    "MAX_ENUM_N",
    "MAX_KERNEL_N",
    "MAX_EXACT_KERNEL_N",
    "check_target",
    "as_required_generator",
    "check_spin_batch",
    "check_fraction",
]

_FnT = TypeVar("_FnT", bound=Callable[..., Any])
_T = TypeVar("_T")

#: A real scalar as the public functions accept it: a Python ``int`` / ``float`` /
#: :class:`fractions.Fraction` or a numpy integer / float scalar (``bool`` is refused by
#: the checkers at run time).
Scalar = int | float | Fraction | np.integer[Any] | np.floating[Any]

#: An exact real result: a Python ``int`` or a :class:`fractions.Fraction`.
ExactScalar = int | Fraction

#: A rational parameter such as ``q = exp(-beta)`` as :func:`check_q` accepts it: an int,
#: a Fraction, an ``"a/b"`` string or a float (taken at its exact binary value).
RationalLike = Scalar | str

#: A real result that is a ``float`` on the float route and an exact ``int`` /
#: :class:`fractions.Fraction` on the exact route (e.g. energies, TV distances).
Real = int | float | Fraction

#: What every ``seed`` argument accepts (see :func:`check_seed`): ``None`` (fresh OS
#: entropy, not reproducible), an int ``>= 0`` or a :class:`numpy.random.Generator`.
SeedLike = int | np.integer[Any] | np.random.Generator | None

#: What a *required* ``seed`` accepts (see :func:`as_required_generator`): an int ``>= 0``
#: or a :class:`numpy.random.Generator`; ``None`` is refused where results must be
#: reproducible.
RequiredSeed = int | np.integer[Any] | np.random.Generator

#: Largest magnitude for which sums of products stay exact in ``int64`` (with headroom).
INT64_SAFE = 2**62

#: Largest bit size (numerator + denominator) of one exact rational power ``q**e``.
MAX_EXACT_BITS = 1 << 20

#: Largest number of exact (Fraction) vector-matrix steps one call may run.
MAX_EXACT_STEPS = 10_000

#: Largest number of Python-level loop steps (e.g. single-site updates of a sequential
#: sampler, block updates of a block sampler, training iterations) one call may run: about
#: 10-20 s at the measured 10-20 us per Gibbs site update (2-core machine).
MAX_LOOP_STEPS = 2 * 10**5

#: Largest number of array entries one call may update in all (loop steps times the
#: entries each step touches, e.g. ``(burn_in + n_sweeps) * n * n_chains * n``).
MAX_WORK = 10**8

#: ``max_sweeps`` always allowed for a run of the classical dynamics (the default of
#: ``run`` and ``recall_batch``; see :func:`check_unproved_run`).
FREE_SWEEPS = 1000

#: Largest n for which exhaustive enumeration of the 2^n states is allowed (B1-B5 are
#: about finite, enumerated state spaces).
MAX_ENUM_N = 20

#: Largest n for which a dense ``2^n x 2^n`` float kernel is built (4^12 float64 entries
#: = 128 MiB); larger machines use the matrix-free ``boltzmann.distribution_after_scan``.
MAX_KERNEL_N = 12

#: Largest n for which a dense exact (Fraction) kernel is built: an exact ``2^n x 2^n``
#: kernel costs ``O(n 4^n)`` Fraction operations (n = 12 would take about 10 minutes),
#: its powers ``O(8^n)``; use ``boltzmann.distribution_after_scan`` (exact, matrix-free) or
#: float weights beyond.
MAX_EXACT_KERNEL_N = 6

_TIE_RULES = ("keep", "plus")


class InputTypeError(TypeError, ValueError):
    """An argument of the wrong type (e.g. a string or ``bool`` where a number is
    expected).  Subclasses both :class:`TypeError` and :class:`ValueError`, so callers
    catching either (the documented contract of ``pyref``: malformed input raises
    ``ValueError``) see it."""


def _as_array(x: ArrayLike, name: str) -> np.ndarray:
    if isinstance(x, np.ndarray):
        return x
    try:
        arr = np.asarray(x)
    except (ValueError, TypeError) as exc:  # ragged nested lists and the like
        raise ValueError(f"{name}: cannot be read as a rectangular array ({exc}); "
                         f"expected a rectangular array of numbers") from exc
    return arr


def _fmt(x: object) -> str:
    """A readable value for messages (numpy scalars shown as plain Python numbers)."""
    if isinstance(x, np.generic):
        x = x.item()
    return str(x) if isinstance(x, Fraction) else repr(x)


def _is_rational_scalar(v: object) -> bool:
    return isinstance(v, (int, Fraction, np.integer)) and not isinstance(v, (bool, np.bool_))


def _normalise_numeric(arr: np.ndarray, name: str) -> np.ndarray:
    """Return ``arr`` as int64, float64 or object (ints/Fractions); reject anything else."""
    kind = arr.dtype.kind
    if kind == "b":
        raise ValueError(f"{name}: got a boolean array; expected numbers (integers, "
                         f"Fractions or floats)")
    if kind in "iu":
        if kind == "u" and arr.size and int(arr.max()) >= 2**63:
            return np.array([int(v) for v in arr.ravel()], dtype=object).reshape(arr.shape)
        return arr.astype(np.int64, copy=True)
    if kind == "f":
        out = arr.astype(np.float64, copy=True)
        if not np.all(np.isfinite(out)):
            raise ValueError(f"{name}: contains NaN or infinite entries; expected finite numbers")
        return out
    if kind == "c":
        raise ValueError(f"{name}: got a complex array; expected real numbers (integers, "
                         f"Fractions or floats)")
    if kind == "O":
        flat = arr.ravel()
        if any(isinstance(v, (str, bytes, bool, np.bool_, complex, np.complexfloating))
               for v in flat):
            raise ValueError(f"{name}: has an entry that is a string, bool or complex "
                             f"number; expected real numbers (integers, Fractions or "
                             f"floats)")
        if all(_is_rational_scalar(v) for v in flat):
            vals: list[Any] = [(v if v.denominator != 1 else v.numerator) if isinstance(v, Fraction)
                    else int(v) for v in flat]
            if all(isinstance(v, int) for v in vals) and all(abs(v) < INT64_SAFE for v in vals):
                return np.array(vals, dtype=np.int64).reshape(arr.shape)
            out = np.empty(len(vals), dtype=object)
            out[:] = vals
            return out.reshape(arr.shape)
        try:
            out = arr.astype(np.float64)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{name}: entries are not numbers ({exc}); expected integers, "
                             f"Fractions or floats") from exc
        if not np.all(np.isfinite(out)):
            raise ValueError(f"{name}: contains NaN or infinite entries; expected finite numbers")
        return out
    raise ValueError(f"{name}: dtype {arr.dtype} is not numeric; expected integers, "
                     f"Fractions or floats")


def is_exact(arr: ArrayLike) -> bool:
    """True when ``arr`` holds exact numbers (int64 or object ints/Fractions).

    Parameters
    ----------
    arr : array_like
        Any array (a normalised one from the checkers here, typically).

    Returns
    -------
    bool
    """
    return np.asarray(arr).dtype.kind in "iuO"


def _non_finite(value: object, depth: int = 0) -> bool:
    """True if ``value`` (a number, array, tuple/list or dataclass of those) has a NaN,
    an infinite or a complex entry."""
    if depth > 3 or value is None or isinstance(value, (str, bytes, bool, np.bool_, int,
                                                         Fraction, np.integer)):
        return False
    if isinstance(value, (float, np.floating)):
        return not math.isfinite(value)
    if isinstance(value, (complex, np.complexfloating)):
        return True
    if isinstance(value, np.ndarray):
        if value.dtype.kind == "c":
            return True
        return value.dtype.kind == "f" and not bool(np.all(np.isfinite(value)))
    if isinstance(value, (tuple, list)):
        return any(_non_finite(v, depth + 1) for v in value)
    if hasattr(value, "__dataclass_fields__"):
        return any(_non_finite(getattr(value, f), depth + 1)
                   for f in value.__dataclass_fields__)
    return False


def finite_output(fn: _FnT) -> _FnT:
    """Decorator: the float results of ``fn`` must be finite.  A finite input whose result
    overflows float64 raises ValueError (naming ``fn``) instead of returning inf/NaN;
    numpy's overflow warnings inside ``fn`` are silenced (the error replaces them).

    Parameters
    ----------
    fn : callable
        The function to wrap.

    Returns
    -------
    callable
        The wrapped function (same signature) that raises instead of returning inf/NaN.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            out = fn(*args, **kwargs)
        if _non_finite(out):
            raise ValueError(f"{fn.__name__}: the result overflows float64 (inf or NaN) for "
                             f"these finite inputs; expected inputs of moderate magnitude")
        return out
    return cast(_FnT, wrapper)


def check_finite_result(value: _T, what: str) -> _T:
    """``value`` unchanged if all its numbers are finite; else ValueError saying that
    ``what`` overflowed float64 for the (finite) inputs given.

    Raises
    ------
    ValueError
        If ``value`` (a float or float array) has a NaN or infinite entry.

    Parameters
    ----------
    value : object
        Value to check.
    what : str
        What the value is, for the message.

    Returns
    -------
    object
        ``value`` itself, when every number in it is finite.
    """
    if _non_finite(value):
        raise ValueError(f"{what} overflows float64 for these inputs; expected inputs "
                         f"small enough that the result stays below 1.8e308")
    return value


def check_finite(x: ArrayLike, name: str = "x") -> np.ndarray:
    """Return ``x`` as a numeric array; ValueError on NaN/inf or non-numeric entries.

    Parameters
    ----------
    x : array_like
        Candidate value.
    name : str
        Argument name used in error messages.

    Returns
    -------
    numpy.ndarray
        ``x`` as a finite numeric array.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    return _normalise_numeric(_as_array(x, name), name)


def _check_pm1(arr: np.ndarray, name: str) -> np.ndarray:
    if arr.dtype.kind == "b":
        raise ValueError(f"{name}: got a boolean array; expected spins +1/-1 as integers "
                         f"(map True -> +1, False -> -1 first)")
    if arr.dtype.kind not in "iufO":
        raise ValueError(f"{name}: dtype {arr.dtype} is not numeric; expected spins +1/-1")
    if arr.dtype.kind == "f" and not np.all(np.isfinite(arr)):
        raise ValueError(f"{name}: contains NaN or infinite entries; expected spins +1/-1")
    if arr.dtype.kind in "iu" and arr.size and int(arr.max()) <= 1 and int(arr.min()) >= -1 \
            and np.count_nonzero(arr) == arr.size:
        return arr.astype(np.int64)         # fast path: three passes, no temporaries
    try:
        if arr.dtype.kind in "iuf":
            ok = np.abs(arr) == 1 if arr.dtype.kind != "u" else arr == 1
        else:
            ok = np.asarray((arr == 1) | (arr == -1), dtype=bool)
    except TypeError as exc:
        raise ValueError(f"{name}: entries are not numbers; expected spins +1/-1") from exc
    if not ok.all():
        bad = np.argwhere(~ok)[0]
        raise ValueError(f"{name}: entry at index {tuple(int(b) for b in bad)} is "
                         f"{_fmt(arr[tuple(bad)])}; expected every entry to be +1 or -1")
    if arr.dtype.kind == "O":
        return np.where(arr == 1, 1, -1).astype(np.int64)
    return arr.astype(np.int64)


def check_state(s: ArrayLike, n: int | None = None, name: str = "s") -> np.ndarray:
    """A single state: 1-D, entries exactly ``+1``/``-1``, length ``n`` if given.

    Returns an ``int64`` copy.

    Parameters
    ----------
    s : array_like
        Candidate state.
    n : int or None
        Required length / number of neurons.
    name : str
        Argument name used in error messages.

    Returns
    -------
    numpy.ndarray
        Shape ``(n,)``: the state as int64 +1/-1.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    arr = _as_array(s, name)
    if arr.ndim != 1:
        raise ValueError(f"{name}: has shape {arr.shape}; expected a 1-D state of length "
                         f"{n if n is not None else 'n'}")
    if arr.shape[0] == 0:
        raise ValueError(f"{name}: is empty; expected at least one neuron")
    if n is not None and arr.shape[0] != n:
        raise ValueError(f"{name}: has length {arr.shape[0]}; expected length {n} "
                         f"(the number of neurons)")
    return _check_pm1(arr, name)


def check_states(S: ArrayLike, n: int | None = None, name: str = "states") -> np.ndarray:
    """A batch of states: 2-D ``(B, n)``, B >= 1, entries ``+1``/``-1``. Returns int64.

    Parameters
    ----------
    S : array_like
        See the summary above.
    n : int or None
        Required length / number of neurons.
    name : str
        Argument name used in error messages.

    Returns
    -------
    numpy.ndarray
        Shape ``(B, n)``: the states as int64 +1/-1.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    arr = _as_array(S, name)
    if arr.ndim != 2:
        raise ValueError(f"{name}: has shape {arr.shape}; expected a 2-D array (batch, n)")
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise ValueError(f"{name}: has shape {arr.shape}; expected at least one state of "
                         f"at least one neuron")
    if n is not None and arr.shape[1] != n:
        raise ValueError(f"{name}: states have length {arr.shape[1]}; expected length {n}")
    return _check_pm1(arr, name)


def check_patterns(P: ArrayLike, n: int | None = None, name: str = "patterns") -> np.ndarray:
    """A non-empty pattern set: 2-D ``(m, n)`` with m >= 1, entries ``+1``/``-1``.

    Parameters
    ----------
    P : array_like
        Candidate pattern set.
    n : int or None
        Required length / number of neurons.
    name : str
        Argument name used in error messages.

    Returns
    -------
    numpy.ndarray
        Shape ``(m, n)``: the patterns as int64 +1/-1.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    arr = _as_array(P, name)
    if arr.ndim != 2:
        raise ValueError(f"{name}: has shape {arr.shape}; expected a 2-D array "
                         f"(m patterns, n neurons); wrap a single pattern as [p]")
    if arr.shape[0] == 0:
        raise ValueError(f"{name}: the pattern set is empty; expected at least one pattern")
    if arr.shape[1] == 0:
        raise ValueError(f"{name}: patterns have no neurons; expected n >= 1")
    return check_states(arr, n, name)


def check_weights(W: ArrayLike, n: int | None = None, *, symmetric: bool = False,
                  zero_diag: bool = False, name: str = "W") -> np.ndarray:
    """A square weight matrix (optionally symmetric / zero-diagonal, exactly).

    Returns int64, float64 or object (exact ints/Fractions); int64 inputs whose products
    could overflow are promoted to Python ints.

    Parameters
    ----------
    W : array_like
        Candidate weight matrix.
    n : int or None
        Required length / number of neurons.
    symmetric : bool
        Demand ``W == W.T`` exactly.
    zero_diag : bool
        Demand a zero diagonal.
    name : str
        Argument name used in error messages.

    Returns
    -------
    numpy.ndarray
        Shape ``(n, n)``: int64, float64 or object (exact numbers) weights.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    arr = _as_array(W, name)
    if arr.ndim != 2 or arr.shape[0] != arr.shape[1]:
        raise ValueError(f"{name}: has shape {arr.shape}; expected a square (n, n) matrix")
    if arr.shape[0] == 0:
        raise ValueError(f"{name}: is empty; expected at least one neuron")
    if n is not None and arr.shape[0] != n:
        raise ValueError(f"{name}: has shape {arr.shape}; expected ({n}, {n})")
    out = _normalise_numeric(arr, name)
    if out.dtype == np.int64 and out.size:
        big = max(int(out.max()), -int(out.min())) * out.shape[0] * out.shape[0]
        if big >= INT64_SAFE:
            out = out.astype(object)
    if symmetric and not np.all(out == out.T):
        i, j = np.argwhere(out != out.T)[0]
        raise ValueError(f"{name}: is not symmetric ({name}[{i},{j}] = {_fmt(out[i, j])} but "
                         f"{name}[{j},{i}] = {_fmt(out[j, i])}); expected {name} == {name}.T")
    if zero_diag:
        d = np.diagonal(out)
        if not np.all(d == 0):
            i = int(np.argwhere(d != 0)[0][0])
            raise ValueError(f"{name}: diagonal entry {name}[{i},{i}] = {_fmt(d[i])}; expected a "
                             f"zero diagonal")
    return out


def check_thresholds(theta: ArrayLike | None, n: int, name: str = "theta") -> np.ndarray:
    """Thresholds of length ``n``; ``None`` means all zero (int64).

    Parameters
    ----------
    theta : array_like or None
        Candidate thresholds (``None``: zeros).
    n : int or None
        Required length / number of neurons.
    name : str
        Argument name used in error messages.

    Returns
    -------
    numpy.ndarray
        Shape ``(n,)``: the thresholds (int64 zeros for ``None``).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    if theta is None:
        return np.zeros(n, dtype=np.int64)
    arr = _as_array(theta, name)
    if arr.ndim == 0:
        raise ValueError(f"{name}: is a scalar; expected a 1-D array of length {n}")
    if arr.ndim != 1 or arr.shape[0] != n:
        raise ValueError(f"{name}: has shape {arr.shape}; expected a 1-D array of length {n}")
    out = _normalise_numeric(arr, name)
    if out.dtype == np.int64 and out.size and \
            max(int(out.max()), -int(out.min())) * n >= INT64_SAFE:
        out = out.astype(object)
    return out


def check_beta(beta: object, name: str = "beta") -> float:
    """Inverse temperature: a finite real number > 0.

    Parameters
    ----------
    beta : object
        Candidate inverse temperature.
    name : str
        Argument name used in error messages.

    Returns
    -------
    float
        ``beta`` as a finite float ``> 0``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    if isinstance(beta, (bool, np.bool_)) or not isinstance(beta, numbers.Real):
        raise ValueError(f"{name}: got {beta!r}; expected a real number > 0")
    b = float(beta)
    if not np.isfinite(b):
        raise ValueError(f"{name}: got {beta!r}; expected a finite real number > 0")
    if b <= 0:
        raise ValueError(f"{name}: got {beta!r}; expected a real number > 0")
    return b


def check_q(q: object, name: str = "q") -> Fraction:
    """Rational ``q = exp(-beta)`` in ``(0, 1]``, returned as a :class:`Fraction`.

    Accepts ints, Fractions, strings such as ``"1/2"`` and floats (a float is taken at its
    exact binary value).

    Parameters
    ----------
    q : object
        Candidate ``q``.
    name : str
        Argument name used in error messages.

    Returns
    -------
    Fraction
        ``q`` as an exact Fraction in ``(0, 1]``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    if isinstance(q, (bool, np.bool_)):
        raise ValueError(f"{name}: got {q!r}; expected a rational number in (0, 1]")
    try:
        if isinstance(q, (float, np.floating)):
            if not np.isfinite(q):
                raise ValueError(f"{name}: got {q!r}; expected a rational number in (0, 1]")
            fq = Fraction(float(q))
        elif isinstance(q, (int, np.integer, Fraction, str)):
            fq = Fraction(q if not isinstance(q, np.integer) else int(q))
        else:
            raise TypeError
    except (TypeError, ZeroDivisionError) as exc:
        raise ValueError(f"{name}: got {q!r}; expected a rational number in (0, 1] "
                         f"(int, Fraction, 'a/b' string or float)") from exc
    if not (0 < fq <= 1):
        raise ValueError(f"{name}: got {q!r}; expected q in (0, 1] (q = exp(-beta), beta >= 0)")
    return fq


def check_tie(tie: object) -> str:
    """Tie rule: ``"keep"`` (default of the spec) or ``"plus"``.

    Parameters
    ----------
    tie : object
        Candidate tie rule.

    Returns
    -------
    str
        ``"keep"`` or ``"plus"``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    if tie not in _TIE_RULES:
        raise ValueError(f"tie: got {tie!r}; expected one of {_TIE_RULES}")
    return str(tie)


def check_index(i: object, n: int, name: str = "i") -> int:
    """A neuron index ``0 <= i < n`` (negative indices are rejected, not wrapped).

    Parameters
    ----------
    i : object
        Candidate index.
    n : int or None
        Required length / number of neurons.
    name : str
        Argument name used in error messages.

    Returns
    -------
    int
        ``i`` as a Python int in ``[0, n)``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    if isinstance(i, (bool, np.bool_)) or not isinstance(i, (int, np.integer)):
        raise ValueError(f"{name}: got {i!r}; expected an integer neuron index in [0, {n})")
    if not 0 <= int(i) < n:
        raise ValueError(f"{name}: got {i}; expected an integer neuron index in [0, {n})")
    return int(i)


def check_schedule(schedule: Sequence[int], n: int, *, cover: bool = False,
                   name: str = "schedule") -> list[int]:
    """A list of neuron indices in ``[0, n)``; with ``cover`` every neuron must occur.

    Parameters
    ----------
    schedule : object
        Candidate schedule.
    n : int or None
        Required length / number of neurons.
    cover : bool
        Demand that every neuron occurs.
    name : str
        Argument name used in error messages.

    Returns
    -------
    list[int]
        The schedule as Python ints in ``[0, n)``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    try:
        items = list(schedule)
    except TypeError as exc:
        raise ValueError(f"{name}: got {schedule!r}; expected a sequence of neuron "
                         f"indices") from exc
    idx = [check_index(i, n, name=f"{name}[{k}]") for k, i in enumerate(items)]
    if cover:
        missing = sorted(set(range(n)) - set(idx))
        if missing:
            raise ValueError(f"{name}: never updates neurons {missing[:10]}; expected a fair "
                             f"schedule containing every index 0..{n - 1} at least once")
    return idx


def check_positive_int(k: object, name: str) -> int:
    """An integer >= 1.

    Parameters
    ----------
    k : object
        Candidate integer.
    name : str
        Argument name used in error messages.

    Returns
    -------
    int
        ``k`` as a Python int ``>= 1``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    if isinstance(k, (bool, np.bool_)) or not isinstance(k, (int, np.integer)) or k < 1:
        raise ValueError(f"{name}: got {k!r}; expected an integer >= 1")
    return int(k)


def check_nonneg_int(k: object, name: str) -> int:
    """An integer >= 0.

    Parameters
    ----------
    k : object
        Candidate integer.
    name : str
        Argument name used in error messages.

    Returns
    -------
    int
        ``k`` as a Python int ``>= 0``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    if isinstance(k, (bool, np.bool_)) or not isinstance(k, (int, np.integer)) or k < 0:
        raise ValueError(f"{name}: got {k!r}; expected an integer >= 0")
    return int(k)


def check_int(k: object, name: str, minimum: int | None = None,
              maximum: int | None = None) -> int:
    """An integer (not ``bool``) in ``[minimum, maximum]`` (either bound optional).

    Raises
    ------
    TypeError
        If ``k`` is not an integer (floats, strings, ``bool`` are refused).
    ValueError
        If ``k`` is out of range; the message states the range.

    Parameters
    ----------
    k : object
        Candidate integer.
    name : str
        Argument name used in error messages.
    minimum : int or None
        Smallest allowed value.
    maximum : int or None
        Largest allowed value.

    Returns
    -------
    int
        ``k`` as a Python int within the bounds.
    """
    rng = (f">= {minimum}" if maximum is None else f"in [{minimum}, {maximum}]") \
        if minimum is not None else (f"<= {maximum}" if maximum is not None else "")
    if isinstance(k, (bool, np.bool_)) or not isinstance(k, (int, np.integer)):
        raise InputTypeError(f"{name}: got {k!r} ({type(k).__name__}); expected an integer "
                        f"{rng}".rstrip())
    v = int(k)
    if (minimum is not None and v < minimum) or (maximum is not None and v > maximum):
        raise ValueError(f"{name}: got {v}; expected an integer {rng}")
    return v


@overload
def check_real(x: object, name: str, *, lo: float | None = None, hi: float | None = None,
               lo_open: bool = False, hi_open: bool = False,
               exact: Literal[False] = False) -> float: ...


@overload
def check_real(x: object, name: str, *, lo: float | None = None, hi: float | None = None,
               lo_open: bool = False, hi_open: bool = False, exact: bool) -> Real: ...


def check_real(x: object, name: str, *, lo: float | None = None, hi: float | None = None,
               lo_open: bool = False, hi_open: bool = False, exact: bool = False) -> Real:
    """A finite real scalar in an interval; returns a ``float`` (or, with ``exact``, the
    ``int``/``Fraction`` unchanged so exact callers stay exact).

    ``bool``, ``str``, ``complex`` and 0-d arrays of those are refused (never coerced).

    Raises
    ------
    TypeError
        If ``x`` is not a real number.
    ValueError
        If ``x`` is NaN/infinite or outside ``[lo, hi]`` (open ends as requested).

    Parameters
    ----------
    x : object
        Candidate value.
    name : str
        Argument name used in error messages.
    lo : float or None
        Lower end of the allowed interval.
    hi : float or None
        Upper end of the allowed interval.
    lo_open : bool
        Exclude ``lo``.
    hi_open : bool
        Exclude ``hi``.
    exact : bool or None
        Demand exact entries (``None``: keep the input's kind).

    Returns
    -------
    float or Fraction
        ``x`` as a float (with ``exact``: an int or Fraction kept exact) within the
        interval.
    """
    if isinstance(x, np.ndarray) and x.ndim == 0:
        x = x[()]
    if isinstance(x, (bool, np.bool_)) or not isinstance(x, numbers.Real):
        raise InputTypeError(f"{name}: got {x!r} ({type(x).__name__}); expected a real number")
    if isinstance(x, (int, np.integer, Fraction)) and exact:
        v: Real = Fraction(x) if not isinstance(x, (int, np.integer)) else int(x)
    else:
        try:
            v = float(x)
        except OverflowError as exc:
            raise ValueError(f"{name}: got {_fmt(x)}, too large for a float; expected a "
                             f"finite real number") from exc
        if not math.isfinite(v):
            raise ValueError(f"{name}: got {x!r}; expected a finite real number")
    lo_s = "(" if lo_open else "["
    hi_s = ")" if hi_open else "]"
    want = f"{lo_s}{'-inf' if lo is None else lo}, {'inf' if hi is None else hi}{hi_s}"
    if lo is not None and (v < lo or (lo_open and v == lo)):
        raise ValueError(f"{name}: got {_fmt(x)}; expected a real number in {want}")
    if hi is not None and (v > hi or (hi_open and v == hi)):
        raise ValueError(f"{name}: got {_fmt(x)}; expected a real number in {want}")
    return v


def check_choice(value: object, choices: Sequence[_T], name: str) -> _T:
    """``value`` if it is one of ``choices`` (compared with ``==`` after a type check).

    Parameters
    ----------
    value : object
        Value to check.
    choices : sequence
        Allowed values.
    name : str
        Argument name used in error messages.

    Returns
    -------
    object
        ``value`` itself, one of ``choices``.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    if isinstance(value, (str, bytes, int, float, type(None))):   # scalars only
        for c in choices:
            if type(value) is type(c) and value == c:
                return cast(_T, value)
    raise ValueError(f"{name}: got {value!r}; expected one of {tuple(choices)!r}")


def check_float_array(a: ArrayLike, name: str, ndim: int | tuple[int, ...] | None = None,
                      *, nonempty: bool = False) -> np.ndarray:
    """A finite ``float64`` array (copy) with ``ndim`` dimensions (an int or a tuple).

    Integer and float inputs are accepted; ``bool``, ``str``, ``complex`` and other
    dtypes are refused, as are NaN/inf entries (also those from overflow when converting
    huge integers).

    Raises
    ------
    ValueError
        On a wrong dtype, wrong number of dimensions, empty array (with ``nonempty``) or
        non-finite entries.

    Parameters
    ----------
    a : array_like
        Candidate array.
    name : str
        Argument name used in error messages.
    ndim : int, tuple of int, or None
        Allowed numbers of dimensions.
    nonempty : bool
        Refuse empty arrays.

    Returns
    -------
    numpy.ndarray
        A float64 copy of ``a`` with the required dimensions, all entries finite.
    """
    arr = _as_array(a, name)
    kind = arr.dtype.kind
    if kind == "O":
        if any(isinstance(v, (str, bytes, bool, np.bool_, complex, np.complexfloating))
               for v in arr.ravel()):
            raise ValueError(f"{name}: has a string, bool or complex entry; expected real "
                             f"numbers")
    elif kind not in "iuf":
        raise ValueError(f"{name}: dtype {arr.dtype} is not real numeric; expected an "
                         f"array of real numbers")
    try:
        with np.errstate(over="ignore"):
            out = np.array(arr, dtype=np.float64)
    except (TypeError, ValueError, OverflowError) as exc:
        raise ValueError(f"{name}: entries are not real numbers ({exc}); expected an "
                         f"array of real numbers") from exc
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if out.ndim not in allowed:
            want = " or ".join(str(k) for k in allowed)
            raise ValueError(f"{name}: has shape {out.shape}; expected {want} "
                             f"dimension(s)")
    if nonempty and out.size == 0:
        raise ValueError(f"{name}: is empty (shape {out.shape}); expected at least one "
                         f"entry")
    if not np.all(np.isfinite(out)):
        raise ValueError(f"{name}: contains NaN or infinite entries; expected finite "
                         f"numbers")
    return out


def check_distribution(mu: ArrayLike, N: int | None = None, *, exact: bool | None = None,
                       name: str = "mu", atol: float = 1e-9) -> np.ndarray:
    """A probability vector: 1-D (length ``N`` if given), entries >= 0 summing to 1
    (exactly for ints/Fractions, within ``atol`` for floats).

    ``exact=True`` demands ints/Fractions (returned as an object array of Fractions),
    ``exact=False`` returns float64, ``None`` keeps the input's kind.

    Raises
    ------
    ValueError
        On a wrong shape or dtype, a negative entry or a sum different from 1.

    Parameters
    ----------
    mu : array_like
        Candidate distribution.
    N : int or None
        Required length.
    exact : bool or None
        Demand exact entries (``None``: keep the input's kind).
    name : str
        Argument name used in error messages.
    atol : float
        Tolerance of the sum of a float distribution.

    Returns
    -------
    numpy.ndarray
        The distribution (float64, or object Fractions when exact), entries ``>= 0``
        summing to 1.
    """
    v = _as_array(mu, name)
    if v.ndim != 1 or v.shape[0] == 0 or (N is not None and v.shape[0] != N):
        raise ValueError(f"{name}: has shape {v.shape}; expected "
                         f"({N if N is not None else 'N'},), one probability per state")
    if v.dtype.kind == "b" or v.dtype.kind not in "iufO":
        raise ValueError(f"{name}: dtype {v.dtype}; expected probabilities (real numbers)")
    if exact is None:
        exact = v.dtype.kind in "iuO" and all(_is_rational_scalar(x) for x in v)
    total: Any
    if exact:
        if v.dtype.kind == "f":
            raise ValueError(f"{name}: floats with an exact (int/Fraction) target; pass "
                             f"Fractions to stay exact, or a float target")
        if not all(_is_rational_scalar(x) for x in v):
            raise ValueError(f"{name}: entries must be ints or Fractions for an exact "
                             f"target")
        out = np.empty(v.shape[0], dtype=object)
        out[:] = [Fraction(int(x)) if isinstance(x, np.integer) else Fraction(x) for x in v]
        total = sum(out, Fraction(0))
        ok_sum = total == 1
    else:
        out = check_float_array(v, name, 1)
        total = float(out.sum())
        ok_sum = abs(total - 1.0) <= atol
    if any(x < 0 for x in out):
        raise ValueError(f"{name}: has a negative entry; expected a probability "
                         f"distribution (entries >= 0 summing to 1)")
    if not ok_sum:
        raise ValueError(f"{name}: sums to {total}; expected a probability distribution "
                         f"summing to 1")
    return out


def check_exact_power(base: Fraction, exponent: int, name: str = "q",
                      limit: int | None = None) -> None:
    """Refuse an exact power ``base**exponent`` whose size would exceed ``limit`` bits
    (default :data:`MAX_EXACT_BITS`), so exact arithmetic never runs unbounded.

    Raises
    ------
    ValueError
        Naming the exponent, the estimated size and the limit.

    Parameters
    ----------
    base : Fraction
        Base of the power.
    exponent : int
        Exponent of the power.
    name : str
        Argument name used in error messages.
    limit : int or None
        Bit limit (``None``: ``MAX_EXACT_BITS``).

    Returns
    -------
    None
        Returns only when the power is within the limit.
    """
    limit = MAX_EXACT_BITS if limit is None else limit
    fb = Fraction(base)
    bits = fb.numerator.bit_length() + fb.denominator.bit_length()
    if fb in (0, 1, -1) or exponent == 0:
        return
    size = abs(int(exponent)) * bits
    if size > limit:
        raise ValueError(f"{name}: exact power {name}**{exponent} would need about {size} "
                         f"bits; exact arithmetic is limited to {limit} bits per number "
                         f"(pass a float to use the float route)")


def check_seed(seed: object, name: str = "seed") -> SeedLike:
    """Validate a seed eagerly: ``None`` (fresh OS entropy: not reproducible), an int
    ``>= 0`` (reproducible) or a :class:`numpy.random.Generator` (used as is, advanced
    in place).  Returns ``seed`` unchanged.

    Raises
    ------
    TypeError
        If ``seed`` is none of these types (``bool`` and floats are refused).
    ValueError
        If ``seed`` is a negative int.

    Parameters
    ----------
    seed : object
        Candidate seed: ``None`` (fresh OS entropy, not reproducible), an int ``>= 0`` or a
        Generator.
    name : str
        Argument name used in error messages.

    Returns
    -------
    None, int or numpy.random.Generator
        ``seed`` itself, once validated.
    """
    if seed is None or isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, (int, np.integer)):
        raise InputTypeError(f"{name}: got {seed!r} ({type(seed).__name__}); expected None, an "
                        f"int >= 0 or a numpy.random.Generator")
    if seed < 0:
        raise ValueError(f"{name}: got {seed}; expected None, an int >= 0 or a "
                         f"numpy.random.Generator")
    return seed


def as_generator(seed: object = None, name: str = "seed") -> np.random.Generator:
    """A :class:`numpy.random.Generator` from ``seed`` (see :func:`check_seed`):
    ``None`` draws fresh OS entropy (not reproducible), an int ``>= 0`` gives a
    reproducible stream, a Generator is returned as is.

    Raises
    ------
    TypeError, ValueError
        As :func:`check_seed`.

    Parameters
    ----------
    seed : object
        Candidate seed: ``None`` (fresh OS entropy, not reproducible), an int ``>= 0``
        (reproducible) or a Generator (returned as is).
    name : str
        Argument name used in error messages.

    Returns
    -------
    np.random.Generator
        The generator to draw from.
    """
    seed = check_seed(seed, name)
    if isinstance(seed, np.random.Generator):
        return seed
    return np.random.default_rng(None if seed is None else int(seed))


def check_work(steps: int, formula: str, work: int | None = None,
               work_formula: str | None = None) -> None:
    """Refuse a call whose loop would run more than :data:`MAX_LOOP_STEPS` steps, or
    touch more than :data:`MAX_WORK` array entries, so every call runs in bounded time.

    Parameters
    ----------
    steps : int
        Number of Python-level loop steps the call would run.
    formula : str
        How ``steps`` is computed from the arguments (e.g.
        ``"(burn_in + n_sweeps) * n"``), for the message.
    work : int or None
        Number of array entries updated in all (``None``: not checked).
    work_formula : str or None
        How ``work`` is computed, for the message.

    Returns
    -------
    None
        Returns only when the call is within both caps.

    Raises
    ------
    ValueError
        Naming the formula, its value and the cap.
    """
    if steps > MAX_LOOP_STEPS:
        raise ValueError(f"{formula} = {steps}: exceeds the per-call cap of "
                         f"{MAX_LOOP_STEPS} loop steps (pyref._validate.MAX_LOOP_STEPS); "
                         f"expected a smaller run (split it into several calls, passing "
                         f"the final state on)")
    if work is not None and work > MAX_WORK:
        raise ValueError(f"{work_formula} = {work}: exceeds the per-call cap of "
                         f"{MAX_WORK} entry updates (pyref._validate.MAX_WORK); expected "
                         f"a smaller run (fewer chains or steps per call)")


def check_float_range(W: np.ndarray, theta: np.ndarray | None = None) -> None:
    """Refuse float weights whose fields or energies would overflow.

    Every field and energy of the classical network is a sum of at most
    ``sum |W_ij| + sum |theta_i|``; when that bound overflows float64 the result would be
    ``inf`` or ``NaN`` (spec conventions: no silent wrong answer).

    Parameters
    ----------
    W : numpy.ndarray, shape (n, n)
        Validated weight matrix (any numeric dtype; the check matters for float64).
    theta : numpy.ndarray, shape (n,), or None
        Validated thresholds; ``None`` means none enter the bound.

    Returns
    -------
    None
        Returns only when ``sum |W_ij| + sum |theta_i|`` is a finite float64.

    Raises
    ------
    ValueError
        If the bound overflows float64 (the message suggests rescaling: the dynamics only
        see signs).
    """
    with np.errstate(over="ignore"):
        total = float(np.abs(W).sum()) + (float(np.abs(theta).sum()) if theta is not None
                                          else 0.0)
    if not math.isfinite(total):
        raise ValueError("W, theta: sum |W_ij| + sum |theta_i| overflows float64, so fields "
                         "and energies would be inf or NaN; expected smaller entries "
                         "(rescale: the dynamics only see signs)")


def check_machine(W: ArrayLike, theta: ArrayLike | None, *, symmetric: bool = False,
                  zero_diag: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Weights and thresholds of one classical network, in one common number type.

    Both go through :func:`check_weights` and :func:`check_thresholds`; then, if either is
    exact-object, both become ``object`` arrays (exact ``int`` / ``Fraction`` arithmetic);
    else if either is float, both become float64 and :func:`check_float_range` applies;
    else both stay ``int64`` (spec conventions, T1-T5).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Weight matrix: integers or Fractions (exact) or floats.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    symmetric : bool
        Demand ``W == W.T`` (the hypothesis of T1, T2, T5).
    zero_diag : bool
        Demand a zero diagonal (the hypothesis of T1, T2).

    Returns
    -------
    W : numpy.ndarray, shape (n, n)
        A validated copy of ``W``: int64, float64 or object.
    theta : numpy.ndarray, shape (n,)
        The thresholds in the same number type (zeros for ``None``).

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    Wv = check_weights(W, symmetric=symmetric, zero_diag=zero_diag)
    th = check_thresholds(theta, Wv.shape[0])
    if Wv.dtype == object or th.dtype == object:
        Wv, th = Wv.astype(object), th.astype(object)
    elif Wv.dtype.kind == "f" or th.dtype.kind == "f":
        Wv, th = Wv.astype(np.float64), th.astype(np.float64)
        check_float_range(Wv, th)
    return Wv, th


def check_unproved_run(W: np.ndarray, max_sweeps: int) -> None:
    """Cap the sweeps of a run whose convergence is not proved.

    With symmetric ``W`` and a zero diagonal a run converges (T2, T5) and ``max_sweeps`` is
    only a bound.  Otherwise (``require_symmetric=False``) a run may cycle and use all
    ``max_sweeps``: then ``max_sweeps * n`` goes through :func:`check_work`, i.e.
    ``max_sweeps`` is capped at ``max(FREE_SWEEPS, MAX_LOOP_STEPS // n)`` per call.

    Parameters
    ----------
    W : numpy.ndarray, shape (n, n)
        Validated weight matrix.
    max_sweeps : int
        Validated cap on the sweeps (synchronous: steps) of the run.

    Returns
    -------
    None
        Returns only when the run is within the caps.

    Raises
    ------
    ValueError
        Naming the formula ``max_sweeps * n``, its value and the cap.
    """
    n = W.shape[0]
    if max_sweeps <= FREE_SWEEPS or (bool(np.all(W == W.T)) and not np.any(np.diagonal(W))):
        return                      # T2 / T5: the run converges, max_sweeps is a bound only
    check_work(max_sweeps * n, "max_sweeps * n (W is not symmetric with zero diagonal, so "
               "the run may cycle through all max_sweeps)")


def check_target(w: ArrayLike, kernel: bool = False) -> tuple[np.ndarray, int, bool]:
    """Positive target weights ``w`` on the ``2^n`` states (the target of spec B1-B7).

    Parameters
    ----------
    w : array_like, shape (2**n,)
        Unnormalised weights, every entry ``> 0``: ints / Fractions (exact) or floats.
        ``n <= MAX_ENUM_N``.
    kernel : bool
        The caller forms dense ``2^n x 2^n`` kernels: then ``n <= MAX_EXACT_KERNEL_N``
        (exact) or ``n <= MAX_KERNEL_N`` (float) is demanded as well.

    Returns
    -------
    w : numpy.ndarray, shape (2**n,)
        ``object`` array of Fractions for exact input, else float64 (finite, pairwise
        sums finite).
    n : int
        The number of spins, ``len(w) == 2**n``.
    exact : bool
        True for exact (int / Fraction) weights.

    Raises
    ------
    ValueError
        If an argument is malformed; the message says which one and what is expected
        (``InputTypeError``, also a ``TypeError``, for a wrong type).
    """
    try:
        arr = np.asarray(w) if not isinstance(w, np.ndarray) else w
    except (TypeError, ValueError) as exc:
        raise ValueError(f"w: cannot be read as a 1-D array ({exc}); expected 2^n positive "
                         f"weights") from exc
    if arr.ndim != 1:
        raise ValueError(f"w: has shape {arr.shape}; expected a 1-D array of 2^n weights")
    N = arr.shape[0]
    if N < 2 or N & (N - 1):
        raise ValueError(f"w: has length {N}; expected a power of two 2^n with n >= 1")
    n = N.bit_length() - 1
    if n > MAX_ENUM_N:
        raise ValueError(f"w: n = {n}; exact enumeration is limited to n <= {MAX_ENUM_N}")
    exact = arr.dtype == object or arr.dtype.kind in "iu"
    if arr.dtype.kind == "b":
        raise ValueError("w: got booleans; expected positive numbers")
    if arr.dtype.kind not in "iufO":
        raise ValueError(f"w: dtype {arr.dtype} is not real numeric; expected positive "
                         f"weights (ints, Fractions or floats)")
    if exact:
        vals = []
        for v in arr.ravel():
            if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, np.integer,
                                                                       Fraction)):
                raise ValueError(f"w: entry {v!r} is not an int or Fraction; expected "
                                 f"exact positive weights (or a float array)")
            vals.append(Fraction(int(v)) if isinstance(v, (int, np.integer)) else v)
        out = np.empty(N, dtype=object)
        out[:] = vals
    else:
        try:
            out = arr.astype(np.float64)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"w: not numeric ({exc}); expected positive weights") from exc
        if not np.all(np.isfinite(out)):
            raise ValueError("w: contains NaN or infinite entries; expected finite weights")
    if not all(v > 0 for v in out):
        raise ValueError("w: has a non-positive entry; expected every weight > 0 (the "
                         "theorems B1-B5 are for positive targets)")
    if not exact:
        with np.errstate(over="ignore"):
            if not np.all(np.isfinite(out[: N // 2] + out[N // 2:])) or \
                    not np.isfinite(out.max() * 2.0):
                raise ValueError("w: weights too large (sums overflow float64); expected "
                                 "weights below 8e307 (rescale w: only ratios matter)")
    if kernel:
        lim = MAX_EXACT_KERNEL_N if exact else MAX_KERNEL_N
        if n > lim:
            raise ValueError(f"w: n = {n}; dense {'exact' if exact else 'float'} "
                             f"2^n x 2^n kernels are limited to n <= {lim} (use "
                             f"distribution_after_scan, the matrix-free route"
                             f"{', or float weights' if exact else ''})")
    return out, n, exact


def as_required_generator(seed: object, name: str = "seed") -> np.random.Generator:
    """A Generator from a REQUIRED seed (modules whose every result must be reproducible,
    e.g. :mod:`pyref.models.expander`).

    Parameters
    ----------
    seed : int >= 0 or numpy.random.Generator
        An int gives a reproducible stream, a Generator is used as is and advanced in
        place; ``None`` is refused (no fresh OS entropy here).
    name : str
        Argument name for the error message.

    Returns
    -------
    numpy.random.Generator
        :func:`as_generator` of ``seed``.

    Raises
    ------
    ValueError
        If ``seed`` is ``None`` or not a valid seed (see :func:`check_seed`).
    """
    if seed is None:
        raise ValueError(f"{name}: got None; expected a non-negative int seed or a "
                         f"numpy.random.Generator (this module needs an explicit seed)")
    return as_generator(seed, name)


def check_spin_batch(x: ArrayLike, n: int, name: str = "x") -> tuple[np.ndarray, bool]:
    """One state or a batch of states of ``n`` spins +-1, as a batch.

    Parameters
    ----------
    x : array_like, shape (n,) or (B, n)
        Integer (or integral float) entries, each exactly +1 or -1; ``B >= 1``.
    n : int
        Number of spins.
    name : str
        Argument name for the error message.

    Returns
    -------
    batch : numpy.ndarray, shape (B, n)
        int64 copy of the states (``B = 1`` for a single state).
    single : bool
        True if ``x`` was one state of shape ``(n,)`` (the caller returns one result).

    Raises
    ------
    ValueError
        If the dtype, the shape or an entry is wrong; the message says which.
    """
    arr = np.asarray(x)
    if arr.dtype.kind not in "iuf" or arr.dtype.kind == "b":
        raise ValueError(f"{name}: dtype {arr.dtype}; expected an integer array of +1/-1")
    single = arr.ndim == 1
    if arr.ndim not in (1, 2):
        raise ValueError(f"{name}: got {arr.ndim} dimensions; expected shape ({n},) or (B, {n})")
    batch = arr.reshape(1, -1) if single else arr
    if batch.shape[1] != n or batch.shape[0] == 0:
        raise ValueError(f"{name}: shape {arr.shape}; expected ({n},) or (B, {n}) with B >= 1")
    if arr.dtype.kind == "f" and not np.all(np.isfinite(batch)):
        raise ValueError(f"{name}: contains NaN or infinite entries; expected +1/-1")
    if not np.all((batch == 1) | (batch == -1)):
        raise ValueError(f"{name}: entries must be exactly +1 or -1")
    return batch.astype(np.int64), single


def check_fraction(f: object, name: str) -> float:
    """A number in the closed interval ``[0, 1]`` (an error fraction, a probability).

    Parameters
    ----------
    f : float
        Anything ``float()`` accepts; must be finite and in ``[0, 1]``.
    name : str
        Argument name for the error message.

    Returns
    -------
    float
        ``float(f)``.

    Raises
    ------
    ValueError
        If ``f`` is not a number in ``[0, 1]``.
    """
    try:
        v = float(cast(SupportsFloat, f))   # any object: float() raises, caught below
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name}: got {f!r}; expected a number in [0, 1]") from exc
    if not np.isfinite(v) or v < 0 or v > 1:
        raise ValueError(f"{name}: got {f!r}; expected a number in [0, 1]")
    return v
