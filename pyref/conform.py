"""Conformance kit: versioned JSON test vectors and a runner that checks another Hopfield /
Boltzmann implementation against them (spec T7 "the mirror and the oracle").

The vectors are pyref's outputs (which the Lean kernel checks for the classical cases, spec
T7) on seeded inputs:

* ``classical`` -- the cases of :func:`pyref.vectors.generate` (the very cases of the
  kernel-checked ``lean/Hopfield/Vectors/V*.lean``): fields, energies, the asynchronous
  trajectory along a schedule, the synchronous step, one cyclic sweep and fixed-point
  verdicts, for BOTH tie rules (the Lean-checked one is named in ``lean_tie``);
* ``hebbian`` -- patterns and their Hebbian weights, integer and ``1/n``-normalised;
* ``kernel`` -- exact Gibbs kernels (site, random scan, systematic scan) for integer
  positive target weights on ``2^n`` states, ``n <= 3`` (spec B1-B4);
* ``boltzmann`` -- exact Boltzmann distributions ``pi(s) ∝ q^(E(s) - E_min)`` (spec B2).

Exact rationals are written as strings ``"num/den"`` (integers as JSON ints).  The format is
described in ``docs/conformance.md`` and ``pyref/data/conformance-v1.schema.json``.

A user's implementation is wrapped in an *adapter module* exposing any of the functions in
:data:`ADAPTER_FUNCTIONS`; missing ones are reported as skipped, not failed.  Run it with
``pyref conform ADAPTER_MODULE [--vectors FILE] [--tie keep|plus]
[--hebbian-normalisation integer|1/n]`` or :func:`run_conformance`.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import math
import sys
from dataclasses import dataclass, field as dc_field
from fractions import Fraction
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Iterable

import numpy as np

from . import boltzmann as bz
from . import classical, learning, vectors

__all__ = [
    "FORMAT",
    "VERSION",
    "ADAPTER_FUNCTIONS",
    "DEFAULT_VECTORS",
    "generate_vectors",
    "write_vectors",
    "load_vectors",
    "validate_vectors",
    "Mismatch",
    "ConformanceReport",
    "run_conformance",
    "load_adapter",
    "format_report",
]

FORMAT = "pyref-conformance"
VERSION = 1
DEFAULT_VECTORS = Path(__file__).resolve().parent / "data" / "conformance-v1.json"
KERNEL_SEED = 770001
BOLTZMANN_SEED = 880001

#: The functions an adapter may expose, with their documented signatures.
ADAPTER_FUNCTIONS: dict[str, str] = {
    "field": "field(W, s) -> h, h_i = sum_j W_ij s_j (length n)",
    "energy": "energy(W, theta, s) -> E = -sum_{i<j} W_ij s_i s_j + sum_i theta_i s_i",
    "async_step": "async_step(W, theta, s, i) -> new state (only s_i may change)",
    "sync_step": "sync_step(W, theta, s) -> new state (all neurons from the old state)",
    "sweep": "sweep(W, theta, s) -> state after async steps at 0, 1, ..., n-1",
    "is_fixed_point": "is_fixed_point(W, theta, s) -> bool (no async step changes s)",
    "hebbian": "hebbian(patterns) -> W (n x n; sum_k p_k p_k^T - m I, or that / n)",
    "site_kernel": "site_kernel(w, i) -> 2^n x 2^n heat-bath kernel K_i for weights w",
    "random_scan_kernel": "random_scan_kernel(w) -> (1/n) sum_i K_i",
    "systematic_scan_kernel": "systematic_scan_kernel(w) -> K_0 K_1 ... K_{n-1}",
    "boltzmann_distribution": "boltzmann_distribution(W, theta, q) -> pi(s) ∝ q^E(s), "
                              "2^n entries in enumeration order",
}


# --------------------------------------------------------------------------- encoding

def _enc(x: Any) -> Any:
    """Exact number / nested list -> JSON value (Fractions as "num/den" strings)."""
    if isinstance(x, np.ndarray):
        return _enc(x.tolist())
    if isinstance(x, (list, tuple)):
        return [_enc(v) for v in x]
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, Fraction):
        return int(x) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"
    raise TypeError(f"cannot encode {x!r} exactly")


def _dec(x: Any) -> Any:
    """JSON value -> exact numbers (ints, Fractions) in nested lists / dicts."""
    if isinstance(x, dict):
        return {k: _dec(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_dec(v) for v in x]
    if isinstance(x, str):
        return Fraction(x)
    return x


def _ints(a: Any) -> list:
    return np.asarray(a).astype(int).tolist()


# --------------------------------------------------------------------------- generation

def _dynamics(W: np.ndarray, theta: np.ndarray, s: np.ndarray, schedule: list[int],
              tie: str) -> dict:
    traj = classical.trajectory(W, theta, s, schedule, tie)
    fp = classical.run(W, theta, s, tie=tie, max_sweeps=10_000).state
    return {
        "trajectory": _ints(traj),
        "sync_step": _ints(classical.sync_step(W, theta, s, tie)),
        "sweep": _ints(classical.sweep(W, theta, s, tie)),
        "is_fixed_point": [[_ints(s), classical.is_fixed_point(W, theta, s, tie)],
                           [_ints(fp), classical.is_fixed_point(W, theta, fp, tie)]],
    }


def _classical_entry(c: vectors.ClassicalCase) -> dict:
    W, theta, s = np.array(c.W), np.array(c.theta), np.array(c.s)
    dyn = {tie: _dynamics(W, theta, s, c.schedule, tie) for tie in ("keep", "plus")}
    assert dyn[c.tie]["trajectory"] == c.trajectory       # the Lean-checked outputs
    states = {tuple(x) for tie in dyn for x in dyn[tie]["trajectory"]}
    energies = [[list(x), int(classical.energy(W, theta, np.array(x)))]
                for x in sorted(states)]
    return {
        "id": f"classical-{c.seed}", "kind": "classical", "lean_checked": True,
        "lean_tie": c.tie,
        "input": {"W": c.W, "theta": c.theta, "s": c.s, "schedule": c.schedule},
        "expected": {"field": _ints(classical.field(W, s)), "energies": energies, **dyn},
    }


def _hebbian_entry(c: vectors.HebbianCase) -> dict:
    P = np.array(c.patterns)
    return {
        "id": f"hebbian-{c.seed}", "kind": "hebbian", "lean_checked": True,
        "input": {"patterns": c.patterns},
        "expected": {"integer": c.W, "1/n": _enc(learning.hebbian_normalized(P))},
    }


def _kernel_entry(seed: int) -> dict:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 4))
    w = [int(v) for v in rng.integers(1, 10, size=2**n)]
    wa = np.array(w)
    return {
        "id": f"kernel-{seed}", "kind": "kernel", "lean_checked": False,
        "input": {"w": w},
        "expected": {
            "site_kernel": [_enc(bz.site_kernel(wa, i)) for i in range(n)],
            "random_scan_kernel": _enc(bz.random_scan_kernel(wa)),
            "systematic_scan_kernel": _enc(bz.systematic_scan_kernel(wa)),
        },
    }


def _boltzmann_entry(seed: int) -> dict:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 4))
    A = rng.integers(-2, 3, size=(n, n))
    W = np.triu(A, 1)
    W = W + W.T
    theta = rng.integers(-1, 2, size=n)
    q = Fraction(["1", "1/2", "1/4", "3/4"][int(rng.integers(0, 4))])
    return {
        "id": f"boltzmann-{seed}", "kind": "boltzmann", "lean_checked": False,
        "input": {"W": _ints(W), "theta": _ints(theta), "q": _enc(q)},
        "expected": {"distribution": _enc(bz.boltzmann_exact(W, theta, q))},
    }


def generate_vectors(files: int = vectors.VECTOR_FILES,
                     per_file: int = vectors.CASES_PER_FILE,
                     kernel_cases: int = 40, boltzmann_cases: int = 40) -> dict:
    """The conformance vectors (format ``pyref-conformance``, version 1) as a JSON-ready
    dict: the classical and Hebbian cases of ``pyref.vectors.generate(files, per_file)``
    (the kernel-checked T7 cases) plus seeded exact kernel and Boltzmann cases."""
    if kernel_cases < 0 or boltzmann_cases < 0:
        raise ValueError("kernel_cases, boltzmann_cases: expected non-negative counts")
    cases: list[dict] = []
    for group in vectors.generate(files, per_file):
        for c in group:
            cases.append(_classical_entry(c) if isinstance(c, vectors.ClassicalCase)
                         else _hebbian_entry(c))
    cases += [_kernel_entry(KERNEL_SEED + k) for k in range(kernel_cases)]
    cases += [_boltzmann_entry(BOLTZMANN_SEED + k) for k in range(boltzmann_cases)]
    return {
        "format": FORMAT,
        "version": VERSION,
        "generator": "pyref.conform.generate_vectors",
        "conventions": {
            "state": "list of n ints +1/-1",
            "field": "h_i = sum_j W_ij s_j (no threshold)",
            "energy": "E(s) = -sum_{i<j} W_ij s_i s_j + sum_i theta_i s_i",
            "update": "+1 if h_i > theta_i, -1 if h_i < theta_i; tie: keep s_i or +1",
            "sweep": "asynchronous steps at 0, 1, ..., n-1 in order",
            "enumeration": "state k has s_i = +1 iff bit i of k is 1 (neuron 0 = LSB)",
            "kernel": "rows = from-state; K_i(s,t) = w(t) / (w(s^{i+}) + w(s^{i-}))",
            "boltzmann": "pi(s) = q^(E(s) - E_min) / Z', q = exp(-beta)",
            "numbers": "ints, or exact rationals as strings 'num/den'",
        },
        "cases": cases,
    }


def write_vectors(path: Path | str = DEFAULT_VECTORS, **kwargs: Any) -> Path:
    """Write :func:`generate_vectors` to ``path`` (compact JSON, one case per line)."""
    doc = generate_vectors(**kwargs)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    head = {k: v for k, v in doc.items() if k != "cases"}
    lines = json.dumps(head, indent=1)[:-2] + ',\n "cases": [\n'
    lines += ",\n".join(json.dumps(c, separators=(",", ":")) for c in doc["cases"])
    path.write_text(lines + "\n ]\n}\n", encoding="utf-8")
    return path


_KINDS = {
    "classical": ({"W", "theta", "s", "schedule"},
                  {"field", "energies", "keep", "plus"}),
    "hebbian": ({"patterns"}, {"integer", "1/n"}),
    "kernel": ({"w"}, {"site_kernel", "random_scan_kernel", "systematic_scan_kernel"}),
    "boltzmann": ({"W", "theta", "q"}, {"distribution"}),
}


def validate_vectors(doc: Any) -> dict:
    """Check the structure of a vectors document (format, version, case kinds and keys);
    raises ValueError saying what is wrong.  Returns ``doc``."""
    if not isinstance(doc, dict):
        raise ValueError("vectors: expected a JSON object at the top level")
    if doc.get("format") != FORMAT:
        raise ValueError(f"vectors: format is {doc.get('format')!r}; expected {FORMAT!r}")
    if doc.get("version") != VERSION:
        raise ValueError(f"vectors: version is {doc.get('version')!r}; this kit reads "
                         f"version {VERSION}")
    cases = doc.get("cases")
    if not isinstance(cases, list) or not cases:
        raise ValueError("vectors: 'cases' must be a non-empty list")
    ids = set()
    for k, c in enumerate(cases):
        if not isinstance(c, dict) or not {"id", "kind", "input", "expected"} <= set(c):
            raise ValueError(f"vectors: case #{k} lacks one of id, kind, input, expected")
        if c["id"] in ids:
            raise ValueError(f"vectors: duplicate case id {c['id']!r}")
        ids.add(c["id"])
        if c["kind"] not in _KINDS:
            raise ValueError(f"vectors: case {c['id']!r} has unknown kind {c['kind']!r}; "
                             f"expected one of {sorted(_KINDS)}")
        need_in, need_out = _KINDS[c["kind"]]
        if not need_in <= set(c["input"]) or not need_out <= set(c["expected"]):
            raise ValueError(f"vectors: case {c['id']!r} ({c['kind']}) needs input keys "
                             f"{sorted(need_in)} and expected keys {sorted(need_out)}")
    return doc


def load_vectors(path: Path | str | None = None) -> dict:
    """Read and validate a vectors file; ``None``: the packaged file, or (if it is not
    installed) the same vectors generated on the fly."""
    if path is None:
        if DEFAULT_VECTORS.is_file():
            path = DEFAULT_VECTORS
        else:  # pragma: no cover - only for installs without the data file
            return generate_vectors()
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"vectors: {path} is not valid JSON ({exc})") from exc
    return validate_vectors(doc)


# --------------------------------------------------------------------------- comparison

def _to_py(x: Any) -> Any:
    if isinstance(x, np.ndarray):
        return [_to_py(v) for v in x]
    if isinstance(x, (list, tuple)):
        return [_to_py(v) for v in x]
    if isinstance(x, np.generic):
        return x.item()
    return x


def _num_eq(exp: Any, got: Any) -> bool:
    if isinstance(got, bool) or not isinstance(got, (int, float, Fraction)):
        return False
    if isinstance(got, float):
        if not math.isfinite(got):
            return False
        e = float(exp)
        return abs(got - e) <= 1e-9 * max(1.0, abs(e))
    return Fraction(got) == Fraction(exp)


def _same(exp: Any, got: Any) -> bool:
    """Exact for ints / Fractions from the adapter, relative 1e-9 for floats; shapes must
    agree."""
    got = _to_py(got)
    if isinstance(exp, list):
        return (isinstance(got, list) and len(got) == len(exp)
                and all(_same(e, g) for e, g in zip(exp, got)))
    if isinstance(exp, bool):
        return isinstance(got, bool) and got == exp
    return _num_eq(exp, got)


def _show(x: Any, limit: int = 160) -> str:
    x = _to_py(x)
    txt = json.dumps(_enc_show(x))
    return txt if len(txt) <= limit else txt[:limit] + "..."


def _enc_show(x: Any) -> Any:
    if isinstance(x, list):
        return [_enc_show(v) for v in x]
    if isinstance(x, Fraction):
        return int(x) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"
    if isinstance(x, (int, float, bool, str)) or x is None:
        return x
    return repr(x)


@dataclass(frozen=True)
class Mismatch:
    """One failed check: case id, function, a short description of the call, the expected
    and the obtained output (formatted, possibly shortened, or the exception raised), and
    the full values (``expected_value``; ``got_value`` is ``None`` after an exception)."""

    case: str
    function: str
    call: str
    expected: str
    got: str
    expected_value: Any = None
    got_value: Any = None

    def __str__(self) -> str:
        return (f"MISMATCH {self.case} {self.function}: {self.call}\n"
                f"    expected {self.expected}\n    got      {self.got}")


@dataclass
class ConformanceReport:
    """Outcome of :func:`run_conformance`."""

    checks: dict[str, int] = dc_field(default_factory=dict)
    passed: dict[str, int] = dc_field(default_factory=dict)
    skipped: list[str] = dc_field(default_factory=list)
    mismatches: list[Mismatch] = dc_field(default_factory=list)
    cases: int = 0
    tie: str = "keep"
    normalisation: str = "integer"

    @property
    def ok(self) -> bool:
        """True when no check failed (skipped functions do not count as failures)."""
        return not self.mismatches

    def summary(self) -> str:
        """Human-readable per-function table."""
        lines = [f"conformance vectors: {self.cases} cases; conventions: tie={self.tie}, "
                 f"hebbian-normalisation={self.normalisation}"]
        for name in ADAPTER_FUNCTIONS:
            if name in self.skipped:
                lines.append(f"  {name:<24} skipped (not provided by the adapter)")
            elif name in self.checks:
                c, p = self.checks[name], self.passed.get(name, 0)
                lines.append(f"  {name:<24} {p}/{c} checks passed")
        total = sum(self.checks.values())
        lines.append(f"{len(self.mismatches)} mismatches in {total} checks: "
                     f"{'PASS' if self.ok else 'FAIL'}")
        return "\n".join(lines)


class _Checker:
    def __init__(self, adapter: Any, report: ConformanceReport) -> None:
        self.adapter = adapter
        self.report = report

    def fn(self, name: str) -> Callable | None:
        f = getattr(self.adapter, name, None)
        if not callable(f):
            if name not in self.report.skipped:
                self.report.skipped.append(name)
            return None
        return f

    def check(self, case: str, name: str, call: str, expected: Any,
              thunk: Callable[[], Any]) -> Any:
        """Run one check; returns the adapter's output (or None on an exception)."""
        r = self.report
        r.checks[name] = r.checks.get(name, 0) + 1
        try:
            got = thunk()
        except Exception as exc:  # the adapter's own failure is a mismatch, reported
            r.mismatches.append(Mismatch(case, name, call, _show(expected),
                                         f"exception {type(exc).__name__}: {exc}",
                                         expected, None))
            return None
        if _same(expected, got):
            r.passed[name] = r.passed.get(name, 0) + 1
        else:
            r.mismatches.append(Mismatch(case, name, call, _show(expected), _show(got),
                                         expected, _to_py(got)))
        return got


def _arr(x: Any) -> np.ndarray:
    return np.array(x, dtype=np.int64)


def _classical_checks(ch: _Checker, c: dict, tie: str) -> None:
    cid, inp, exp = c["id"], c["input"], c["expected"]
    W, theta, s = _arr(inp["W"]), _arr(inp["theta"]), _arr(inp["s"])
    args = f"W={inp['W']}, theta={inp['theta']}"
    if (f := ch.fn("field")) is not None:
        ch.check(cid, "field", f"field({inp['W']}, {inp['s']})", exp["field"],
                 lambda: f(W.copy(), s.copy()))
    if (f := ch.fn("energy")) is not None:
        for x, e in exp["energies"]:
            ch.check(cid, "energy", f"energy({args}, s={x})", e,
                     lambda x=x: f(W.copy(), theta.copy(), _arr(x)))
    dyn = exp[tie]
    if (f := ch.fn("async_step")) is not None:
        traj = dyn["trajectory"]
        for k, i in enumerate(inp["schedule"]):
            got = ch.check(cid, "async_step",
                           f"async_step({args}, s={traj[k]}, i={i}) [schedule step {k}]",
                           traj[k + 1], lambda k=k, i=i: f(W.copy(), theta.copy(),
                                                           _arr(traj[k]), i))
            if got is None or not _same(traj[k + 1], got):
                break                                       # report the first divergence
    if (f := ch.fn("sync_step")) is not None:
        ch.check(cid, "sync_step", f"sync_step({args}, s={inp['s']})", dyn["sync_step"],
                 lambda: f(W.copy(), theta.copy(), s.copy()))
    if (f := ch.fn("sweep")) is not None:
        ch.check(cid, "sweep", f"sweep({args}, s={inp['s']})", dyn["sweep"],
                 lambda: f(W.copy(), theta.copy(), s.copy()))
    if (f := ch.fn("is_fixed_point")) is not None:
        for x, v in dyn["is_fixed_point"]:
            ch.check(cid, "is_fixed_point", f"is_fixed_point({args}, s={x})", v,
                     lambda x=x: f(W.copy(), theta.copy(), _arr(x)))


def _other_checks(ch: _Checker, c: dict, normalisation: str) -> None:
    cid, inp, exp = c["id"], c["input"], _dec(c["expected"])
    kind = c["kind"]
    if kind == "hebbian":
        if (f := ch.fn("hebbian")) is not None:
            ch.check(cid, "hebbian", f"hebbian({inp['patterns']})", exp[normalisation],
                     lambda: f(_arr(inp["patterns"])))
    elif kind == "kernel":
        w = inp["w"]
        if (f := ch.fn("site_kernel")) is not None:
            for i, K in enumerate(exp["site_kernel"]):
                ch.check(cid, "site_kernel", f"site_kernel(w={w}, i={i})", K,
                         lambda i=i: f(_arr(w), i))
        for name in ("random_scan_kernel", "systematic_scan_kernel"):
            if (f := ch.fn(name)) is not None:
                ch.check(cid, name, f"{name}(w={w})", exp[name], lambda f=f: f(_arr(w)))
    elif kind == "boltzmann":
        if (f := ch.fn("boltzmann_distribution")) is not None:
            q = float(Fraction(inp["q"]))                  # dyadic: exact as a float
            ch.check(cid, "boltzmann_distribution",
                     f"boltzmann_distribution(W={inp['W']}, theta={inp['theta']}, q={q})",
                     exp["distribution"],
                     lambda: f(_arr(inp["W"]), _arr(inp["theta"]), q))


def run_conformance(adapter: Any, vectors_doc: dict | None = None, *, tie: str = "keep",
                    normalisation: str = "integer") -> ConformanceReport:
    """Run every vector against ``adapter`` (a module or any object with the functions of
    :data:`ADAPTER_FUNCTIONS`).

    ``tie`` is the adapter's tie rule (``"keep"``: a tie keeps ``s_i``, the spec default;
    ``"plus"``: a tie gives ``+1``); ``normalisation`` its Hebbian convention
    (``"integer"``: ``sum p p^T - m I``; ``"1/n"``: that divided by ``n``).
    Adapter outputs may be numpy arrays or lists of ints, Fractions or floats: ints and
    Fractions are compared exactly, floats to a relative ``1e-9``.
    """
    if tie not in ("keep", "plus"):
        raise ValueError(f"tie: got {tie!r}; expected 'keep' or 'plus'")
    if normalisation not in ("integer", "1/n"):
        raise ValueError(f"normalisation: got {normalisation!r}; expected 'integer' or "
                         f"'1/n'")
    doc = load_vectors() if vectors_doc is None else validate_vectors(vectors_doc)
    report = ConformanceReport(cases=len(doc["cases"]), tie=tie, normalisation=normalisation)
    ch = _Checker(adapter, report)
    for name in ADAPTER_FUNCTIONS:
        ch.fn(name)                                   # records the skipped ones up front
    for c in doc["cases"]:
        if c["kind"] == "classical":
            _classical_checks(ch, c, tie)
        else:
            _other_checks(ch, c, normalisation)
    return report


def load_adapter(spec: str) -> ModuleType:
    """Import an adapter given as a module name (``mypkg.adapter``) or a ``.py`` path."""
    if spec.endswith(".py") or Path(spec).is_file():
        path = Path(spec)
        if not path.is_file():
            raise ValueError(f"adapter: file {spec} not found")
        name = f"_pyref_adapter_{path.stem}"
        mspec = importlib.util.spec_from_file_location(name, path)
        if mspec is None or mspec.loader is None:
            raise ValueError(f"adapter: cannot import {spec}")
        mod = importlib.util.module_from_spec(mspec)
        sys.modules[name] = mod
        try:
            mspec.loader.exec_module(mod)
        except Exception as exc:
            del sys.modules[name]
            raise ValueError(f"adapter: importing {spec} failed: {type(exc).__name__}: "
                             f"{exc}") from exc
        return mod
    try:
        return importlib.import_module(spec)
    except ImportError as exc:
        raise ValueError(f"adapter: cannot import module {spec!r} ({exc}); give a module "
                         f"name on sys.path or a path to a .py file") from exc
    except Exception as exc:
        raise ValueError(f"adapter: importing {spec!r} failed: {type(exc).__name__}: "
                         f"{exc}") from exc


def format_report(report: ConformanceReport, max_report: int = 50) -> Iterable[str]:
    """Lines to print: every mismatch (up to ``max_report``), then the summary."""
    for m in report.mismatches[:max_report]:
        yield str(m)
    if len(report.mismatches) > max_report:
        yield f"... and {len(report.mismatches) - max_report} more mismatches"
    yield report.summary()
