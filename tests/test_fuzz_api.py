"""Fuzz test of the public API of ``pyref`` (issue 18).

Every public function of the fuzzed modules is called with arguments drawn per parameter
name -- plausible values (small +-1 states and patterns, symmetric integer weights,
probabilities, seeds) mixed with malformed ones (wrong shapes, empty arrays, n = 0,
non-+-1 states, NaN/inf, huge floats, int64 extremes, bools, strings, complex numbers,
Fractions, ragged lists, bad seeds).  The contract checked for every call:

* it returns within ``PYREF_FUZZ_SECONDS`` CPU-seconds (default 10; a per-call
  ``ITIMER_PROF`` timer, with a wall-clock backstop at six times that)
  and within ``PYREF_FUZZ_MEMORY_GB`` (default 3) of extra address space (``RLIMIT_AS``);
* it raises ``ValueError`` or ``TypeError`` (a malformed input, rejected with a message),
  or it returns a result whose numbers are all finite (no NaN; ``inf`` only where the
  docstring documents it, the trivially true upper bounds in :data:`MAY_BE_INF`) and of
  the annotated return type.

CI runs a few examples per function (``PYREF_FUZZ_EXAMPLES``, default 3, derandomised:
the same cases every run); a large run is e.g.
``PYREF_FUZZ_EXAMPLES=500 python3 -m pytest tests/test_fuzz_api.py``; other modules join
with ``PYREF_FUZZ_EXTRA_MODULES=pyref.expander,pyref.mil``.

``pyref.contracts`` is not fuzzed: its functions are CrossHair contracts whose inputs are
constrained by ``pre:`` conditions (checked symbolically in tests/test_crosshair.py).
``pyref.cli``, ``pyref.conform*`` and ``pyref.vectors`` write files or load adapter modules
and are covered by their own tests.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import inspect
import math
import numbers
import os
import resource
import signal
import warnings
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("PYREF_FUZZ_EXAMPLES", "3"))
SECONDS = float(os.environ.get("PYREF_FUZZ_SECONDS", "10"))

#: Modules fuzzed (the public API listed in their ``__all__``).
MODULES = [
    "pyref._validate",
    "pyref.classical",
    "pyref.learning",
    "pyref.dense",
    "pyref.boltzmann",
    "pyref.rbm",
    "pyref.bm_learning",
    "pyref.rbm_learning",
    "pyref.modern",
    "pyref.layers",
    "pyref.mha",
    "pyref.ahop",
    "pyref.capacity",
    "pyref.dobrushin",
    "pyref.conventions",
    "pyref.rbm_exact",
]
# more modules for a local run, e.g. PYREF_FUZZ_EXTRA_MODULES=pyref.expander,pyref.mil
MODULES += [m for m in os.environ.get("PYREF_FUZZ_EXTRA_MODULES", "").split(",") if m]

#: Functions documented to return ``inf`` (a valid, trivially true upper bound) when the
#: exponent overflows.
MAY_BE_INF = {
    "pyref.modern.retrieval_error_bound",
    "pyref.modern.retrieval_error_bound_near",
    "pyref.modern.one_update_contraction_bound",
}


def _public_functions() -> list[tuple[str, Callable[..., Any]]]:
    out = []
    for modname in MODULES:
        mod = importlib.import_module(modname)
        for name in getattr(mod, "__all__", []):
            obj = getattr(mod, name)
            if inspect.isfunction(obj):
                out.append((f"{modname}.{name}", obj))
    return out


FUNCTIONS = _public_functions()


# --------------------------------------------------------------------------- strategies

BAD_SCALARS = [None, "1", "0.5", True, False, 1j, float("nan"), float("inf"), -float("inf"),
               1e308, -1e308, 1e-320, 2**63, -2**63, 2**70, -1, 0, [1], ()]


def _pm1(rows: int | None, n: int) -> st.SearchStrategy[Any]:
    shape = (n,) if rows is None else (rows, n)
    return st.builds(lambda seed: np.random.default_rng(seed).choice([-1, 1], size=shape),
                     st.integers(0, 2**16))


def _sym_int(n: int) -> st.SearchStrategy[Any]:
    def build(seed: int, big: bool) -> np.ndarray:
        rng = np.random.default_rng(seed)
        A = rng.integers(-3, 4, size=(n, n)) * (2**61 if big else 1)
        W = np.triu(A, 1)
        return W + W.T
    return st.builds(build, st.integers(0, 2**16), st.booleans())


def _bad_arrays(n: int) -> st.SearchStrategy[Any]:
    return st.sampled_from([
        np.zeros((0,)), np.zeros((0, 0)), np.zeros((n, 0)), np.array(5), [[1, 2], [3]],
        np.full((n, n), np.nan), np.full((n, n), 1e308), np.full((n,), 1.7e308),
        np.full((n, n), -2**63, dtype=np.int64), np.full((n,), -2**63, dtype=np.int64),
        np.ones((n, n), dtype=bool), np.ones((n,), dtype=bool), np.array(["a"] * n),
        np.full((n, n), "0.5"), np.ones((n, n)) + 1j, np.ones((n,)) + 0j,
        np.array([Fraction(1, 3)] * n, dtype=object), np.zeros((n, n, n)),
        np.zeros(n), np.full((n,), 2), [float("nan")] * n, "abc", None, 3.0,
    ])


def _matrix(n: int) -> st.SearchStrategy[Any]:
    return st.one_of(
        _sym_int(n), _pm1(2, n), _pm1(1, n),
        st.builds(lambda s: np.random.default_rng(s).normal(size=(n, n)), st.integers(0, 99)),
        st.builds(lambda s: np.random.default_rng(s).normal(size=(n, 2)), st.integers(0, 99)),
        st.just(np.array([[Fraction(0), Fraction(1, 2)], [Fraction(1, 2), Fraction(0)]],
                         dtype=object)),
        st.just(np.full((2**n, 2**n), 1.0 / 2**n)),                 # stochastic kernels
        st.just(np.full((2, 2), Fraction(1, 2), dtype=object)),
        st.just(np.array([[0.0, 1e308], [1e308, 0.0]])),
        _bad_arrays(n),
    )


def _vector(n: int) -> st.SearchStrategy[Any]:
    return st.one_of(
        _pm1(None, n), st.just(np.zeros(n, dtype=np.int64)),
        st.builds(lambda s: np.random.default_rng(s).normal(size=n), st.integers(0, 99)),
        st.just(np.full(2**n, 1.0 / 2**n)), st.just([Fraction(1, 2), Fraction(1, 2)]),
        st.just(np.arange(1, 2**n + 1)), _bad_arrays(n),
    )


def _real() -> st.SearchStrategy[Any]:
    return st.one_of(st.sampled_from([0.5, 1.0, 2.0, 0.01, Fraction(1, 2), 3]),
                     st.floats(-10, 10), st.sampled_from(BAD_SCALARS))


#: Sizes and step counts far beyond what a call can do in bounded time: each must be
#: refused (ValueError naming the cap) or handled by a bounded route.
HUGE_COUNTS = [10**6, 10**7, 10**9, 2**31, 2**62]


def _count() -> st.SearchStrategy[Any]:
    return st.one_of(st.integers(-1, 4), st.sampled_from(BAD_SCALARS + HUGE_COUNTS + [1.5]))


def _seed() -> st.SearchStrategy[Any]:
    return st.sampled_from([None, 0, 1, 12345, -1, "x", 1.5, True, 2**70,
                            np.random.default_rng(0), object()])


CHOICES = ["keep", "plus", "async", "sync", "random", "systematic", "cyclic", "exact",
           "gibbs", "cd", "pcd", "noisy", "masked", "biased", "both", "bogus", "", 1, None]


def _choice() -> st.SearchStrategy[Any]:
    return st.sampled_from(CHOICES)


MATRIX_NAMES = {"W", "X", "P", "patterns", "memories", "data", "weights", "K", "V", "Q", "R",
                "Y", "W_Q", "W_K", "W_V", "W0", "H_prev", "stored", "values", "samples",
                "states", "probes", "S", "H", "mask", "queries", "x_star"}
VECTOR_NAMES = {"theta", "theta_v", "theta_h", "s", "x", "xi", "v", "h", "state", "pattern",
                "mu", "nu", "w", "z", "s0", "v0", "probe", "query", "theta0", "t", "distances",
                "schedule", "sizes", "scale_range", "theta_v0", "theta_h0", "ns"}
REAL_NAMES = {"beta", "q", "alpha", "eps", "tol", "lr", "p", "scale", "rho", "M", "sigma",
              "gamma", "bias", "mask_prob", "l2", "init_scale", "alpha_h", "a", "noise"}
COUNT_NAMES = {"n", "m", "d", "k", "i", "N", "max_sweeps", "n_chains", "burn_in", "trials",
               "steps", "n_sweeps", "n_steps", "n_iter", "n_hidden", "n_visible", "batch_size",
               "n_epochs", "max_steps", "max_iter", "n_test", "n_context", "count", "n_layers",
               "d_k", "n_tokens", "dim", "chains", "sync_steps", "k_steps", "level"}
BOOL_NAMES = {"record", "require_symmetric", "exact", "persistent", "monitor", "shuffle",
              "return_attention", "zero_diagonal", "progress_bar"}
CALLABLE_NAMES = {"progress"}


@functools.cache
def _param_strategy(name: str, n: int) -> st.SearchStrategy[Any]:
    if name in CALLABLE_NAMES:
        return st.just(None)
    if name == "seed":
        return _seed()
    if name in MATRIX_NAMES:
        return _matrix(n)
    if name in VECTOR_NAMES:
        return st.one_of(_vector(n), _count()) if name == "t" else _vector(n)
    if name in REAL_NAMES:
        return _real()
    if name in COUNT_NAMES:
        return _count()
    if name in BOOL_NAMES:
        return st.sampled_from([True, False, "yes", 1, None])
    if name in {"tie", "scan", "mode", "method", "kind", "variant", "similarity",
                "geometry", "rule"}:
        return _choice()
    return st.one_of(_matrix(n), _vector(n), _real(), _count(), _choice())


# --------------------------------------------------------------------------- the contract

class CallTimeout(BaseException):
    """Raised by the alarm inside a call that ran too long (BaseException: library code
    catching Exception cannot swallow it)."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise CallTimeout()


def _check_finite(value: Any, where: str, allow_inf: bool, depth: int = 0) -> None:
    if depth > 6 or value is None or isinstance(value, (str, bool, np.bool_)):
        return
    if isinstance(value, (int, np.integer, Fraction)):
        return
    if isinstance(value, (float, np.floating)):
        ok = not math.isnan(value) and (allow_inf or math.isfinite(value))
        assert ok, f"{where}: non-finite number {value!r}"
        return
    if isinstance(value, (complex, np.complexfloating)):
        raise AssertionError(f"{where}: complex result {value!r}")
    if isinstance(value, np.ndarray):
        if value.dtype.kind == "c":
            raise AssertionError(f"{where}: complex array result")
        if value.dtype.kind == "f":
            bad = np.isnan(value) if allow_inf else ~np.isfinite(value)
            assert not bad.any(), f"{where}: non-finite entries in an array result"
        elif value.dtype == object:
            for v in value.ravel()[:1000]:
                _check_finite(v, where, allow_inf, depth + 1)
        return
    if isinstance(value, dict):
        for k, v in value.items():
            _check_finite(v, f"{where}[{k!r}]", allow_inf, depth + 1)
        return
    if isinstance(value, (list, tuple)):
        for k, v in enumerate(value[:1000]):
            _check_finite(v, f"{where}[{k}]", allow_inf, depth + 1)
        return
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            _check_finite(getattr(value, f.name), f"{where}.{f.name}", allow_inf, depth + 1)


_RETURN_TYPES: dict[str, tuple[type, ...]] = {
    "float": (numbers.Real,),
    "int": (numbers.Integral,),
    "bool": (bool, np.bool_),
    "np.ndarray": (np.ndarray,),
    "Fraction": (Fraction, int),
    "str": (str,),
}


def _check_type(value: Any, fn: Callable[..., Any], where: str) -> None:
    ann = inspect.signature(fn).return_annotation
    ann = ann if isinstance(ann, str) else getattr(ann, "__name__", str(ann))
    want = _RETURN_TYPES.get(ann.strip())
    if want is not None and not isinstance(value, (bool, np.bool_)) or ann == "bool":
        if want is not None:
            assert isinstance(value, want), \
                f"{where}: returned {type(value).__name__}, annotated {ann}"


#: Address space a fuzzed call may add (a finding must raise MemoryError in the test, not
#: exhaust the shared machine).
MEMORY_HEADROOM = int(float(os.environ.get("PYREF_FUZZ_MEMORY_GB", "3")) * 2**30)


def _vm_bytes() -> int:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _call_with_contract(qualname: str, fn: Callable[..., Any], kwargs: dict[str, Any]) -> None:
    where = f"{qualname}(**{ {k: (type(v).__name__) for k, v in kwargs.items()} })"
    # CPU time (ITIMER_PROF: the machine may be shared and loaded), and a wall-clock
    # backstop at 6x for a call that waits instead of computing
    old = signal.signal(signal.SIGPROF, _on_alarm)
    old_wall = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_PROF, SECONDS)
    signal.setitimer(signal.ITIMER_REAL, 6 * SECONDS)
    old_as = resource.getrlimit(resource.RLIMIT_AS)
    vm = _vm_bytes()
    if vm:
        cap = vm + MEMORY_HEADROOM
        if old_as[1] != resource.RLIM_INFINITY:
            cap = min(cap, old_as[1])
        resource.setrlimit(resource.RLIMIT_AS, (cap, old_as[1]))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", np.exceptions.ComplexWarning)
            warnings.simplefilter("ignore", RuntimeWarning)
            result = fn(**kwargs)
    except (ValueError, TypeError):
        return
    except CallTimeout:
        pytest.fail(f"{where}: no result after {SECONDS} CPU-seconds")
    except MemoryError:
        pytest.fail(f"{where}: MemoryError (more than {MEMORY_HEADROOM >> 30} GiB asked)")
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGPROF, old)
        signal.signal(signal.SIGALRM, old_wall)
        resource.setrlimit(resource.RLIMIT_AS, old_as)
    _check_finite(result, where, qualname in MAY_BE_INF)
    _check_type(result, fn, where)


@pytest.mark.parametrize("qualname,fn", FUNCTIONS, ids=[q for q, _ in FUNCTIONS])
def test_public_function_contract(qualname: str, fn: Callable[..., Any]) -> None:
    sig = inspect.signature(fn)
    params = [p for p in sig.parameters.values()
              if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        n = data.draw(st.integers(1, 4), label="n")
        kwargs = {}
        for p in params:
            if p.default is not p.empty and data.draw(st.booleans(), label=f"omit {p.name}"):
                continue
            kwargs[p.name] = data.draw(_param_strategy(p.name, n), label=p.name)
        _call_with_contract(qualname, fn, kwargs)

    run()


@functools.cache
def _plausible_strategy(name: str, n: int) -> st.SearchStrategy[Any]:
    """Well-formed values only (so that a call gets past validation to the work)."""
    if name == "seed":
        return st.just(0)
    if name in MATRIX_NAMES:
        return st.one_of(_sym_int(n), _pm1(2, n))
    if name in VECTOR_NAMES:
        return _pm1(None, n)
    if name in REAL_NAMES:
        return st.sampled_from([0.5, Fraction(1, 2), 1.0, Fraction(1, 10)])
    if name in COUNT_NAMES:
        return st.integers(1, 3)
    if name in BOOL_NAMES:
        return st.booleans()
    return st.just(None)


HUGE_FUNCTIONS = [(q, f) for q, f in FUNCTIONS
                  if COUNT_NAMES & set(inspect.signature(f).parameters)]


@pytest.mark.parametrize("qualname,fn", HUGE_FUNCTIONS, ids=[q for q, _ in HUGE_FUNCTIONS])
def test_huge_counts_bounded(qualname: str, fn: Callable[..., Any]) -> None:
    """One size or step count huge (10^6 .. 2^62), the other arguments well formed: the
    call must still answer or refuse (ValueError naming the cap) within the time limit."""
    sig = inspect.signature(fn)
    params = [p for p in sig.parameters.values()
              if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    counts = [p.name for p in params if p.name in COUNT_NAMES]

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        n = data.draw(st.integers(1, 4), label="n")
        huge = data.draw(st.sampled_from(counts), label="huge parameter")
        kwargs: dict[str, Any] = {}
        for p in params:
            if p.name == huge:
                kwargs[p.name] = data.draw(st.sampled_from(HUGE_COUNTS), label=p.name)
            elif p.default is p.empty or p.name in COUNT_NAMES:
                kwargs[p.name] = data.draw(_plausible_strategy(p.name, n), label=p.name)
            elif p.default is not p.empty and data.draw(st.booleans(), label=f"set {p.name}"):
                kwargs[p.name] = data.draw(_plausible_strategy(p.name, n), label=p.name)
        if kwargs.get(huge) is None:
            return
        _call_with_contract(qualname, fn, kwargs)

    run()


def test_fuzz_covers_the_public_api() -> None:
    """Every module listed contributes its functions (a guard against an empty fuzz)."""
    assert len(FUNCTIONS) >= 120
    assert {q.rsplit(".", 1)[0] for q, _ in FUNCTIONS} == set(MODULES)
