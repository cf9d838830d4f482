"""Conformance kit: versioned JSON test vectors and a runner that checks another Hopfield /
Boltzmann implementation against them (spec T7 "the mirror and the oracle").

The vectors are pyref's outputs (which the Lean kernel checks for the classical cases, spec
T7) on seeded inputs:

* ``classical`` -- the cases of :func:`pyref.vectors.generate` (the very cases of the
  kernel-checked ``lean/HopfieldTest/Vectors/V*.lean``): fields, energies, the asynchronous
  trajectory along a schedule, the synchronous step, one cyclic sweep and fixed-point
  verdicts, for BOTH tie rules (the Lean-checked one is named in ``lean_tie``);
* ``hebbian`` -- patterns and their Hebbian weights, integer and ``1/n``-normalised;
* ``kernel`` -- exact Gibbs kernels (site, random scan, systematic scan) for integer
  positive target weights on ``2^n`` states, ``n <= 3`` (spec B1-B4);
* ``boltzmann`` -- exact Boltzmann distributions ``pi(s) ∝ q^(E(s) - E_min)`` (spec B2).

Exact rationals are written as strings ``"num/den"`` (integers as JSON ints).  The format is
described in ``docs/conformance.md`` and ``pyref/data/conformance-v1.schema.json``.

A user's implementation is wrapped in an *adapter module* exposing any of the functions in
:data:`ADAPTER_FUNCTIONS`; missing ones are reported as skipped (an adapter with none
fails).  The adapter's conventions (:class:`Conventions`: tie rule, thresholds, energy,
Hebbian normalisation, Storkey diagonal, 0/1 states) are mapped onto the expected values.
Run it with ``pyref conform ADAPTER_MODULE [options]`` (docs/conformance.md) or
:func:`run_conformance`; differential fuzzing is :mod:`pyref.conform_fuzz`, shipped
adapters for real libraries are in :mod:`pyref.adapters`.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import json
import math
import sys
from dataclasses import dataclass, field as dc_field
from fractions import Fraction
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Iterable, Iterator, TypedDict, Unpack

import numpy as np
from numpy.typing import ArrayLike

from .._validate import Real
from .. import boltzmann as bz
from .. import classical, conventions, layers, learning, rbm
from . import vectors

__all__ = [
    "FORMAT",
    "VERSION",
    "ADAPTER_FUNCTIONS",
    "DEFAULT_VECTORS",
    "generate_vectors",
    "write_vectors",
    "load_vectors",
    "validate_vectors",
    "Conventions",
    "Mismatch",
    "ConformanceReport",
    "fixed_cases",
    "corpus_cases",
    "classical_input",
    "classical_checks",
    "learning_checks",
    "property_checks",
    "run_conformance",
    "load_adapter",
    "format_report",
]

FORMAT = "pyref-conformance"
VERSION = 1
DEFAULT_VECTORS = Path(__file__).resolve().parent.parent / "data" / "conformance-v1.json"
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
    "hebbian": "hebbian(patterns) -> W (n x n; sum_k p_k p_k^T - m I, or that / n or / m)",
    "storkey": "storkey(patterns) -> W (Storkey's rule, diagonal zero or kept)",
    "site_kernel": "site_kernel(w, i) -> 2^n x 2^n heat-bath kernel K_i for weights w",
    "random_scan_kernel": "random_scan_kernel(w) -> (1/n) sum_i K_i",
    "systematic_scan_kernel": "systematic_scan_kernel(w) -> K_0 K_1 ... K_{n-1}",
    "boltzmann_distribution": "boltzmann_distribution(W, theta, q) -> pi(s) ∝ q^E(s), "
                              "2^n entries in enumeration order",
    "rbm_free_energy": "rbm_free_energy(W, theta_v, theta_h, v) -> F(v) = theta_v.v - "
                       "sum_j log(2 cosh((W^T v)_j - theta_h_j)), +-1 units (beta = 1)",
    "rbm_hidden_probabilities": "rbm_hidden_probabilities(W, theta_v, theta_h, v) -> "
                                "P(h_j = +1 | v) = sigma(2 ((W^T v)_j - theta_h_j))",
    "rbm_visible_probabilities": "rbm_visible_probabilities(W, theta_v, theta_h, h) -> "
                                 "P(v_i = +1 | h) = sigma(2 ((W h)_i - theta_v_i))",
    "rbm_gibbs_step": "rbm_gibbs_step(W, theta_v, theta_h, v, u_h, u_v) -> v': h_j = +1 "
                      "iff u_h_j < P(h_j = +1 | v), then v'_i = +1 iff u_v_i < P(v_i = +1 | h)",
    "hopfield_association": "hopfield_association(R, Y, W_Q, W_K, W_V, beta, steps, mask) -> "
                            "(S, d_k) Hopfield layer output, pyref.layers conventions "
                            "(mask True = may attend, or None)",
    "run_async": "run_async(W, theta, s, seed) -> states visited by the library's own "
                 "asynchronous run (or the final state), optionally (states, converged)",
    "run_sync": "run_sync(W, theta, s) -> states of the library's synchronous run, "
                "optionally (states, converged)",
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
        "id": f"classical-{c.seed}", "kind": "classical", "lean_checked": False,
        "lean_tie": c.tie,
        "input": {"W": c.W, "theta": c.theta, "s": c.s, "schedule": c.schedule},
        "expected": {"field": _ints(classical.field(W, s)), "energies": energies, **dyn},
    }


def _hebbian_entry(c: vectors.HebbianCase) -> dict:
    P = np.array(c.patterns)
    return {
        "id": f"hebbian-{c.seed}", "kind": "hebbian", "lean_checked": False,
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
                     kernel_cases: int = 40, boltzmann_cases: int = 40,
                     corpus: bool | None = None) -> dict:
    """The conformance vectors (format ``pyref-conformance``, version 1) as a JSON-ready
    dict: the classical and Hebbian cases of ``pyref.vectors.generate(files, per_file)``
    plus seeded exact kernel and Boltzmann cases.  ``corpus`` (default: with the default
    counts, i.e. for the packaged file) adds ``"corpus": "pyref-vectors/2"``: the runner
    then also checks the kernel-checked cases of the frozen v2 corpus
    (:func:`corpus_cases`).

    Parameters
    ----------
    files : int >= 1
        Number of classical vector groups (``pyref.vectors.generate``).
    per_file : int >= 1
        Classical cases per group.
    kernel_cases : int >= 0
        Seeded exact-kernel cases.
    boltzmann_cases : int >= 0
        Seeded Boltzmann-distribution cases.
    corpus : bool or None
        Name the frozen v2 corpus in the document (``None``: exactly when every count is the
        default, i.e. for the packaged file).

    Returns
    -------
    dict
        The JSON-ready document
        ``{format: 'pyref-conformance', version: 1, generator, conventions, cases, ...}``.
    """
    if kernel_cases < 0 or boltzmann_cases < 0:
        raise ValueError("kernel_cases, boltzmann_cases: expected non-negative counts")
    if corpus is None:
        corpus = (files, per_file, kernel_cases, boltzmann_cases) == (
            vectors.VECTOR_FILES, vectors.CASES_PER_FILE, 40, 40)
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
        **({"corpus": CORPUS_NAME} if corpus else {}),
        "cases": cases,
    }


class VectorOptions(TypedDict, total=False):
    """The keyword arguments :func:`write_vectors` passes on to :func:`generate_vectors`."""

    files: int
    per_file: int
    kernel_cases: int
    boltzmann_cases: int
    corpus: bool | None


def write_vectors(path: Path | str = DEFAULT_VECTORS, **kwargs: Unpack[VectorOptions]) -> Path:
    """Write :func:`generate_vectors` to ``path`` (compact JSON, one case per line).

    Parameters
    ----------
    path : str or pathlib.Path
        Output file (default: the packaged ``pyref/data/conformance-v1.json``; parent
        directories are created).
    **kwargs
        Passed on to :func:`generate_vectors`.

    Returns
    -------
    pathlib.Path
        The path written.
    """
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


def validate_vectors(doc: object) -> dict:
    """Check the structure of a vectors document (format, version, case kinds and keys);
    raises ValueError saying what is wrong.  Returns ``doc``.

    Parameters
    ----------
    doc : object
        A parsed vectors document.

    Returns
    -------
    dict
        ``doc`` itself, once its format, version, case kinds and keys are checked.
    """
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
    installed) the same vectors generated on the fly.

    Parameters
    ----------
    path : str, pathlib.Path or None
        A vectors file; ``None``: the packaged file, or the same vectors generated on the fly if
        it is not installed.

    Returns
    -------
    dict
        The validated vectors document.
    """
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


# --------------------------------------------------------------------------- conventions

TIES = conventions.TIES
NORMALISATIONS = ("integer", "1/n", "1/m")
ENERGIES = ("spec", "half-quadratic")
STORKEY_DIAGONALS = ("zero", "keep")
SPINS = ("pm1", "01")


@dataclass(frozen=True)
class Conventions:
    """The adapter's conventions (each a ``pyref conform`` option; docs/conformance.md).

    ``tie``: ``keep`` | ``plus`` | ``minus``; ``thresholds``: ``False`` checks only cases
    whose thresholds are zero in the adapter's coordinates; ``energy``: ``spec``
    (``-sum_{i<j} W_ij s_i s_j + theta^T s``) or ``half-quadratic``
    (``-1/2 s^T W s + theta^T s``), either times ``energy_scale``; ``hebbian``: ``integer``
    | ``1/n`` | ``1/m``; ``storkey_diagonal``: ``zero`` | ``keep``; ``spins``: ``pm1`` or
    ``01`` (states ``x = (s + 1)/2``, thresholds ``t = (theta + W 1)/2``).
    """

    tie: str = "keep"
    thresholds: bool = True
    energy: str = "spec"
    energy_scale: Fraction = Fraction(1)
    hebbian: str = "integer"
    storkey_diagonal: str = "zero"
    spins: str = "pm1"

    def __post_init__(self) -> None:
        for name, val, allowed in (("tie", self.tie, TIES),
                                   ("hebbian normalisation", self.hebbian, NORMALISATIONS),
                                   ("energy", self.energy, ENERGIES),
                                   ("storkey diagonal", self.storkey_diagonal,
                                    STORKEY_DIAGONALS),
                                   ("spins", self.spins, SPINS)):
            if val not in allowed:
                raise ValueError(f"{name}: got {val!r}; expected one of "
                                 f"{', '.join(allowed)}")
        try:
            scale = Fraction(self.energy_scale)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"energy scale: got {self.energy_scale!r}; expected a "
                             f"rational number such as 1, 2 or 1/2") from exc
        if scale == 0:
            raise ValueError("energy scale: got 0; expected a non-zero rational")
        object.__setattr__(self, "energy_scale", scale)

    def describe(self) -> str:
        """One line naming every convention."""
        return (f"tie={self.tie}, thresholds={'yes' if self.thresholds else 'no (theta = 0)'}"
                f", energy={self.energy} x {self.energy_scale}, hebbian={self.hebbian}, "
                f"storkey-diagonal={self.storkey_diagonal}, spins={self.spins}")

    def as_dict(self) -> dict:
        """JSON-ready form (saved with every corpus case)."""
        return {"tie": self.tie, "thresholds": self.thresholds, "energy": self.energy,
                "energy_scale": _enc(self.energy_scale), "hebbian": self.hebbian,
                "storkey_diagonal": self.storkey_diagonal, "spins": self.spins}


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


def same(exp: Any, got: Any) -> bool:
    """Exact for ints / Fractions from the adapter, relative 1e-9 for floats; shapes must
    agree."""
    got = _to_py(got)
    if isinstance(exp, list):
        return (isinstance(got, list) and len(got) == len(exp)
                and all(same(e, g) for e, g in zip(exp, got)))
    if isinstance(exp, bool):
        return isinstance(got, bool) and got == exp
    return _num_eq(exp, got)


def _show(x: Any, limit: int = 160) -> str:
    x = _to_py(x)
    txt = json.dumps(enc_show(x))
    return txt if len(txt) <= limit else txt[:limit] + "..."


def enc_show(x: Any) -> Any:
    """A value as the JSON of a report or reproducer shows it (Fractions as strings)."""
    if isinstance(x, list):
        return [enc_show(v) for v in x]
    if isinstance(x, Fraction):
        return int(x) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"
    if isinstance(x, float) and x.is_integer():
        return int(x)
    if isinstance(x, (int, float, bool, str)) or x is None:
        return x
    return repr(x)


@dataclass(frozen=True)
class Mismatch:
    """One failed check: case id, function, a short description of the call, the expected
    and the obtained output (formatted, possibly shortened, or the exception raised), and
    the full values (``expected_value``; ``got_value`` is ``None`` after an exception).
    ``args`` holds the call's arguments (name, JSON value) for a reproducer."""

    case: str
    function: str
    call: str
    expected: str
    got: str
    expected_value: object = None
    got_value: object = None
    args: tuple = ()

    def __str__(self) -> str:
        return (f"MISMATCH {self.case} {self.function}: {self.call}\n"
                f"    expected {self.expected}\n    got      {self.got}")


@dataclass
class ConformanceReport:
    """Outcome of :func:`run_conformance` (and of fuzzing / property checks added to it).

    ``checks`` / ``passed`` count per function (property checks are named
    ``run_async:energy`` etc.); ``skipped`` lists the functions the adapter lacks;
    ``problems`` are failures that are not mismatches (nothing checked, a required function
    missing); ``sections`` counts cases per source (vectors, derived, corpus, fuzz);
    ``fuzz`` maps a function to the number of fuzz cases it ran."""

    checks: dict[str, int] = dc_field(default_factory=dict)
    passed: dict[str, int] = dc_field(default_factory=dict)
    skipped: list[str] = dc_field(default_factory=list)
    mismatches: list[Mismatch] = dc_field(default_factory=list)
    problems: list[str] = dc_field(default_factory=list)
    sections: dict[str, int] = dc_field(default_factory=dict)
    fuzz: dict[str, int] = dc_field(default_factory=dict)
    fuzz_failures: list = dc_field(default_factory=list)
    cases: int = 0
    conventions: Conventions = dc_field(default_factory=Conventions)

    @property
    def tie(self) -> str:
        """The tie rule checked (compatibility with version-1 reports)."""
        return self.conventions.tie

    @property
    def normalisation(self) -> str:
        """The Hebbian normalisation checked."""
        return self.conventions.hebbian

    @property
    def ok(self) -> bool:
        """True when no check failed and nothing required is missing (skipped functions
        are not failures, but an adapter with no function checked at all fails)."""
        return not self.mismatches and not self.problems

    def finish(self, require: Iterable[str] = ()) -> "ConformanceReport":
        """Record the problems: nothing checked, or a required function not checked."""
        names = [n for n in ADAPTER_FUNCTIONS]
        if sum(self.checks.values()) == 0 and not any(self.fuzz.values()):
            self.problems.append(
                "the adapter implements none of the functions checked (expected at least "
                "one of: " + ", ".join(names) + "); see docs/conformance.md")
        for name in require:
            if name not in ADAPTER_FUNCTIONS:
                self.problems.append(f"--require {name}: unknown function; expected one "
                                     f"of {', '.join(names)}")
            elif not self._checked(name):
                why = "not provided by the adapter" if name in self.skipped else \
                    "provided but no case exercised it"
                self.problems.append(f"required function {name}: {why}")
        return self

    def _checked(self, name: str) -> int:
        return sum(c for k, c in self.checks.items() if k == name or
                   k.startswith(name + ":")) + self.fuzz.get(name, 0)

    def coverage(self) -> list[tuple[str, str, int, int, int]]:
        """Rows ``(function, status, checks, passed, fuzz cases)``; status is ``checked``,
        ``skipped`` (not provided) or ``unexercised`` (provided, no case reached it)."""
        rows = []
        for name in ADAPTER_FUNCTIONS:
            keys = [k for k in self.checks if k == name or k.startswith(name + ":")]
            c = sum(self.checks[k] for k in keys)
            p = sum(self.passed.get(k, 0) for k in keys)
            fz = self.fuzz.get(name, 0)
            status = "skipped" if name in self.skipped else (
                "checked" if c or fz else "unexercised")
            rows.append((name, status, c, p, fz))
        return rows

    def mismatch_classes(self) -> dict[str, int]:
        """Mismatch counts by ``function: wrong value`` / ``function: exception <Type>``."""
        out: dict[str, int] = {}
        for m in self.mismatches:
            cls = m.got.split(":")[0] if m.got.startswith("exception ") else "wrong value"
            key = f"{m.function}: {cls}"
            out[key] = out.get(key, 0) + 1
        return out

    def to_dict(self, max_mismatches: int = 50) -> dict:
        """JSON-ready form: verdict, conventions, cases, coverage rows, problems, the first
        ``max_mismatches`` mismatches and every minimal fuzz failure."""
        def mm(m: Mismatch) -> dict:
            return {"case": m.case, "function": m.function, "call": m.call,
                    "expected": m.expected, "got": m.got, "args": [list(a) for a in m.args]}
        return {
            "ok": self.ok, "conventions": self.conventions.as_dict(),
            "sections": dict(self.sections), "checks": sum(self.checks.values()),
            "mismatch_count": len(self.mismatches),
            "mismatch_functions": sorted({m.function for m in self.mismatches}),
            "mismatch_classes": self.mismatch_classes(),
            "coverage": [{"function": n, "status": s, "checks": c, "passed": p,
                          "fuzz_cases": f} for n, s, c, p, f in self.coverage()],
            "properties": {k: [self.passed.get(k, 0), v] for k, v in self.checks.items()
                           if ":" in k},
            "problems": list(self.problems),
            "mismatches": [mm(m) for m in self.mismatches[:max_mismatches]],
            "fuzz_failures": [{"function": f.function, "case": f.case,
                               "mismatches": [mm(m) for m in f.mismatches]}
                              for f in self.fuzz_failures],
        }

    def summary(self) -> str:
        """Human-readable coverage table and verdict."""
        src = ", ".join(f"{v} {k}" for k, v in self.sections.items() if v)
        lines = [f"cases: {src or self.cases}",
                 f"conventions: {self.conventions.describe()}"]
        rows = self.coverage()
        n_checked = sum(r[1] == "checked" for r in rows)
        lines.append(f"coverage: {n_checked} of {len(rows)} functions checked")
        fuzzed = bool(self.fuzz)
        lines.append(f"  {'function':<26} {'status':<12} {'passed':>11} "
                     f"{'fuzz cases' if fuzzed else '':>10}")
        for name, status, c, p, fz in rows:
            if status == "skipped":
                lines.append(f"  {name:<26} {'SKIPPED':<12} {'-':>11} {'':>10}  "
                             f"(not provided by the adapter)")
                continue
            if status == "unexercised" and name in PROPERTY_FUNCTIONS:
                status = "not run"
            bad = any(f.function == name for f in self.fuzz_failures)
            lines.append(f"  {name:<26} {status:<12} {f'{p}/{c}':>11} "
                         f"{fz if fuzzed else '':>10}"
                         + ("  (fuzz: FAIL, minimal case above)" if bad else "")
                         + ("  (property mode: --properties)" if status == "not run"
                            else ""))
        for k in sorted(self.checks):
            if ":" in k:
                lines.append(f"    property {k:<26} {self.passed.get(k, 0)}/{self.checks[k]}")
        for prob in self.problems:
            lines.append(f"FAIL: {prob}")
        total = sum(self.checks.values())
        lines.append(f"{len(self.mismatches)} mismatches in {total} checks"
                     + (f" and {sum(self.fuzz.values())} fuzz cases" if self.fuzz else "")
                     + f": {'PASS' if self.ok else 'FAIL'}")
        return "\n".join(lines)


class Checker:
    """Runs the checks of one adapter and records them in a :class:`ConformanceReport`
    (public within the package: ``conform_fuzz`` drives it too)."""

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

    def record(self, case: str, name: str, ok: bool, call: str, expected: str, got: str,
               expected_value: object = None, got_value: object = None, args: tuple = ()) -> None:
        """Count one check and keep its mismatch."""
        r = self.report
        r.checks[name] = r.checks.get(name, 0) + 1
        if ok:
            r.passed[name] = r.passed.get(name, 0) + 1
        else:
            r.mismatches.append(Mismatch(case, name, call, expected, got, expected_value,
                                         got_value, args))

    def call(self, case: str, name: str, args: tuple, expected: Any,
             note: str = "") -> tuple[bool, Any]:
        """Call adapter function ``name`` with ``args`` ((name, value) pairs; arrays are
        copied) and compare with ``expected``; returns (agreed, output)."""
        f = self.fn(name)
        assert f is not None
        shown = ", ".join(f"{k}={_show(v, 80)}" for k, v in args)
        call = f"{name}({shown}){(' ' + note) if note else ''}"
        jargs = tuple((k, _to_py(v)) for k, v in args)
        try:
            got = f(*[v.copy() if isinstance(v, np.ndarray) else v for _, v in args])
        except Exception as exc:  # the adapter's own failure is a mismatch, reported
            self.record(case, name, False, call, _show(expected),
                        f"exception {type(exc).__name__}: {exc}", expected, None, jargs)
            return False, None
        ok = same(expected, got)
        self.record(case, name, ok, call, _show(expected), _show(got), expected,
                    _to_py(got), jargs)
        return ok, got


def _arr(x: Any) -> np.ndarray:
    return np.array(x, dtype=np.int64)


def _theta_arg(t: Iterable[Any]) -> np.ndarray:
    """Thresholds as the adapter receives them: int64 when integral, else float64 (the
    0/1 thresholds are halves: exact as floats)."""
    vals = [Fraction(v) for v in t]
    if all(v.denominator == 1 for v in vals):
        return np.array([int(v) for v in vals], dtype=np.int64)
    return np.array([float(v) for v in vals], dtype=np.float64)


def zero_threshold_theta(W: np.ndarray, conv: Conventions) -> np.ndarray:
    """The spec thresholds whose adapter-side thresholds are zero: 0 (pm1), -W 1 (01)."""
    return np.zeros(len(W), dtype=np.int64) if conv.spins == "pm1" else -W.sum(axis=1)


# --------------------------------------------------------------------------- case plans

#: Classical functions, in the order their checks run.
CLASSICAL_FUNCTIONS = ("field", "energy", "async_step", "sync_step", "sweep",
                       "is_fixed_point")
LEARNING_FUNCTIONS = ("hebbian", "storkey")
PROPERTY_FUNCTIONS = ("run_async", "run_sync")


def classical_input(W: ArrayLike, theta: ArrayLike, s: ArrayLike,
                    schedule: Iterable[int] = ()) -> dict:
    """A classical case input in spec coordinates (JSON-ready lists of ints).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Integer weights (spec coordinates).
    theta : array_like, shape (n,)
        Integer thresholds.
    s : array_like, shape (n,)
        Start state, entries +1 / -1.
    schedule : iterable of int
        Neurons of the asynchronous trajectory check, in order.

    Returns
    -------
    dict
        ``{'W', 'theta', 's', 'schedule'}`` as JSON-ready lists of Python ints.
    """
    return {"W": _ints(W), "theta": _ints(theta), "s": _ints(s),
            "schedule": [int(i) for i in schedule]}


def _expected_dynamics(inp: dict, conv: Conventions, file_exp: dict | None) -> dict:
    """Trajectory, sync step, sweep and fixed-point verdicts in spec coordinates: from the
    vectors file where it carries the tie rule, else computed by pyref."""
    if file_exp is not None and conv.tie in file_exp:
        d = file_exp[conv.tie]
        return {"trajectory": d["trajectory"], "sync_step": d["sync_step"],
                "sweep": d["sweep"], "is_fixed_point": d["is_fixed_point"]}
    W, theta, s = _arr(inp["W"]), _arr(inp["theta"]), _arr(inp["s"])
    tie = conv.tie
    fp = conventions.fixed_point_tie(W, theta, s, tie)
    return {
        "trajectory": _ints(conventions.trajectory_tie(W, theta, s, inp["schedule"], tie)),
        "sync_step": _ints(conventions.sync_step_tie(W, theta, s, tie)),
        "sweep": _ints(conventions.sweep_tie(W, theta, s, tie)),
        "is_fixed_point": [[_ints(s), conventions.is_fixed_point_tie(W, theta, s, tie)],
                           [_ints(fp), conventions.is_fixed_point_tie(W, theta, fp, tie)]],
    }


class _Frame:
    """A classical case mapped to the adapter's coordinates (states, thresholds, energy)."""

    def __init__(self, inp: dict, conv: Conventions) -> None:
        self.conv = conv
        self.W = _arr(inp["W"])
        self.theta = _arr(inp["theta"])
        if conv.spins == "01":
            self.t = conventions.thresholds_01(self.W, self.theta)
        else:
            self.t = np.array([Fraction(int(v)) for v in self.theta], dtype=object)
        self.theta_arg = _theta_arg(self.t)

    def state(self, s: Any) -> list[int]:
        return _ints(conventions.to_01(s)) if self.conv.spins == "01" else _ints(s)

    def unstate(self, x: Any) -> np.ndarray:
        return conventions.from_01(x) if self.conv.spins == "01" else _arr(x)

    def energy(self, s: Any, spec_energy: Any = None) -> Any:
        c = self.conv
        x = np.array(self.state(s))
        if c.energy == "half-quadratic" and c.spins == "pm1":
            return conventions.energy_half_quadratic(self.W, self.theta, x, c.energy_scale)
        e: Real
        if c.spins == "01":          # zero diagonal: the half-quadratic form is the same
            e = conventions.energy_01(self.W, self.t, x)
        else:
            e = spec_energy if spec_energy is not None else classical.energy(
                self.W, self.theta, _arr(s))
        e = Fraction(e) * c.energy_scale
        return int(e) if e.denominator == 1 else e


def classical_checks(ch: Checker, cid: str, inp: dict, conv: Conventions,
                     file_exp: dict | None = None, only: Iterable[str] | None = None) -> None:
    """Every check of one classical case (spec coordinates ``inp``) under ``conv``.
    ``file_exp``: the vectors file's expected values (used where they apply); ``only``:
    restrict to these functions.  Asynchronous trajectories stop at the first divergence.

    Parameters
    ----------
    ch : Checker
        Calls the adapter and records each comparison in its report.
    cid : str
        Case id, used in the mismatch messages.
    inp : dict
        The case input (:func:`classical_input`).
    conv : Conventions
        The library's conventions (tie rule, spins, normalisations, thresholds).
    file_exp : dict or None
        Expected values from the vectors file, used where they apply.
    only : iterable of str or None
        Restrict to these adapter functions.

    Returns
    -------
    None
        The outcome is recorded in ``ch.report`` (checks counted, mismatches appended).
    """
    want = set(CLASSICAL_FUNCTIONS if only is None else only)
    fr = _Frame(inp, conv)
    W = fr.W
    s = inp["s"]
    names = [n for n in CLASSICAL_FUNCTIONS if n in want and ch.fn(n) is not None]
    if not names:
        return
    dyn = _expected_dynamics(inp, conv, file_exp)
    th = fr.theta_arg
    if "field" in names:
        x = _arr(fr.state(s))
        ch.call(cid, "field", (("W", W), ("s", x)), _ints(W @ x))
    if "energy" in names:
        known = {}
        if file_exp is not None and "energies" in file_exp:
            known = {tuple(st): e for st, e in file_exp["energies"]}
        states = sorted({tuple(x) for x in dyn["trajectory"]} | {tuple(s)})
        for st in states:
            ch.call(cid, "energy", (("W", W), ("theta", th), ("s", _arr(fr.state(st)))),
                    fr.energy(st, known.get(st)))
    if "async_step" in names:
        traj = dyn["trajectory"]
        for k, i in enumerate(inp["schedule"]):
            ok, _ = ch.call(cid, "async_step", (("W", W), ("theta", th),
                                                ("s", _arr(fr.state(traj[k]))), ("i", int(i))),
                            fr.state(traj[k + 1]), f"[schedule step {k}]")
            if not ok:
                break                                       # report the first divergence
    if "sync_step" in names:
        ch.call(cid, "sync_step", (("W", W), ("theta", th), ("s", _arr(fr.state(s)))),
                fr.state(dyn["sync_step"]))
    if "sweep" in names:
        ch.call(cid, "sweep", (("W", W), ("theta", th), ("s", _arr(fr.state(s)))),
                fr.state(dyn["sweep"]))
    if "is_fixed_point" in names:
        for x, v in dyn["is_fixed_point"]:
            ch.call(cid, "is_fixed_point", (("W", W), ("theta", th),
                                            ("s", _arr(fr.state(x)))), bool(v))


def learning_expected(patterns: ArrayLike, name: str, conv: Conventions) -> Any:
    """Expected weights of ``hebbian`` / ``storkey`` for ``patterns`` under ``conv``."""
    P = _arr(patterns)
    if name == "hebbian":
        W = {"integer": learning.hebbian, "1/n": learning.hebbian_normalized,
             "1/m": conventions.hebbian_1_over_m}[conv.hebbian](P)
    elif conv.storkey_diagonal == "keep":
        W = conventions.storkey_keep_diagonal(P)
    else:
        W = learning.storkey(P)
    return _to_py(W)


def learning_checks(ch: Checker, cid: str, patterns: ArrayLike, conv: Conventions,
                    only: Iterable[str] | None = None,
                    expected: dict | None = None) -> None:
    """The learning-rule checks of one pattern set (``expected``: file values by name).

    Parameters
    ----------
    ch : Checker
        Calls the adapter and records each comparison in its report.
    cid : str
        Case id, used in the mismatch messages.
    patterns : array_like, shape (m, n)
        The pattern set, entries +1 / -1.
    conv : Conventions
        The library's conventions (tie rule, spins, normalisations, thresholds).
    only : iterable of str or None
        Restrict to these adapter functions.
    expected : dict or None
        Expected values from the vectors file, by function name.

    Returns
    -------
    None
        The outcome is recorded in ``ch.report`` (checks counted, mismatches appended).
    """
    want = set(LEARNING_FUNCTIONS if only is None else only)
    for name in LEARNING_FUNCTIONS:
        if name in want and ch.fn(name) is not None:
            exp = (expected or {}).get(name)
            ch.call(cid, name, (("patterns", _arr(patterns)),),
                    exp if exp is not None else learning_expected(patterns, name, conv))


def _parse_run(out: Any, n: int, fr: _Frame) -> tuple[list[np.ndarray], bool | None]:
    """A run function's output -> (states in spec coordinates, converged claim).  A single
    state (1-D) is the final state only."""
    claim = None
    if isinstance(out, tuple) and len(out) == 2 and isinstance(out[1], (bool, np.bool_)):
        out, claim = out[0], bool(out[1])
    arr = np.asarray(_to_py(out))
    if arr.ndim == 1:
        arr = arr[None, :]
    if arr.ndim != 2 or arr.shape[1] != n or arr.shape[0] == 0:
        raise ValueError(f"expected a state or a list of states of length {n}, got shape "
                         f"{arr.shape}")
    return [fr.unstate(np.rint(x).astype(np.int64)) for x in arr], claim


def property_checks(ch: Checker, cid: str, inp: dict, conv: Conventions,
                    seed: int = 0) -> None:
    """Property mode: run the library's own ``run_async`` / ``run_sync`` from the case's
    start state and check, along the states it returns: the energy never rises and every
    single-neuron change is a legal step (async), every step is pyref's synchronous step
    (sync), and a run that claims convergence ends in a fixed point (async) or a fixed
    point / 2-cycle (sync).

    Parameters
    ----------
    ch : Checker
        Calls the adapter and records each comparison in its report.
    cid : str
        Case id, used in the mismatch messages.
    inp : dict
        The case input (:func:`classical_input`): weights, thresholds and start state.
    conv : Conventions
        The library's conventions (tie rule, spins, normalisations, thresholds).
    seed : int
        Seed of the random parts of the check (reproducible).

    Returns
    -------
    None
        The outcome is recorded in ``ch.report`` (checks counted, mismatches appended).
    """
    fr = _Frame(inp, conv)
    W, theta, tie = fr.W, fr.theta, conv.tie
    s0 = _arr(inp["s"])
    n = len(s0)
    args = (("W", W), ("theta", fr.theta_arg), ("s", _arr(fr.state(s0))))
    shown = f"W={_show(W, 80)}, theta={_show(fr.theta_arg, 40)}, s={_show(fr.state(s0))}"
    jargs = tuple((k, _to_py(v)) for k, v in args)
    for name in PROPERTY_FUNCTIONS:
        f = ch.fn(name)
        if f is None:
            continue
        extra = (("seed", int(seed)),) if name == "run_async" else ()
        call = f"{name}({shown}{', seed=' + str(seed) if extra else ''})"
        a = jargs + tuple(extra)
        try:
            out = f(*[v.copy() if isinstance(v, np.ndarray) else v for _, v in args],
                    *[v for _, v in extra])
            states, claim = _parse_run(out, n, fr)
            final_only = np.asarray(_to_py(out[0] if isinstance(out, tuple) else out)
                                    ).ndim == 1
        except Exception as exc:
            ch.record(cid, f"{name}:run", False, call, "a run", f"exception "
                      f"{type(exc).__name__}: {exc}", None, None, a)
            continue
        ch.record(cid, f"{name}:run", True, call, "", "")
        if not np.array_equal(states[0], s0):
            states = [s0] + states
        last = states[-1]
        if name == "run_async":
            es = [classical.energy(W, theta, x) for x in states]
            bad = next((k for k in range(len(es) - 1) if es[k + 1] > es[k]), None)
            ch.record(cid, "run_async:energy", bad is None, call,
                      "energy never rises along the run",
                      "" if bad is None else f"E rose from {es[bad]} to {es[bad + 1]} "
                      f"at step {bad}: {_ints(states[bad])} -> {_ints(states[bad + 1])}",
                      None, [_ints(x) for x in states], a)
            wrong = None
            for k in range(len(states) - 1):
                d = np.flatnonzero(states[k] != states[k + 1])
                if len(d) == 1 and not np.array_equal(
                        conventions.async_step_tie(W, theta, states[k], int(d[0]), tie),
                        states[k + 1]):
                    wrong = (k, int(d[0]))
                    break
            ch.record(cid, "run_async:flips", wrong is None, call,
                      f"every single-neuron change is a legal step (tie={tie})",
                      "" if wrong is None else f"step {wrong[0]} flips neuron {wrong[1]}: "
                      f"{_ints(states[wrong[0]])} -> {_ints(states[wrong[0] + 1])}",
                      None, None, a)
            if claim:
                fp = conventions.is_fixed_point_tie(W, theta, last, tie)
                ch.record(cid, "run_async:fixed_point", fp, call,
                          "the state returned as converged is a fixed point",
                          f"{_ints(fr.state(last))} is not a fixed point", None,
                          _ints(fr.state(last)), a)
        else:
            bad_k = next((k for k in range(len(states) - 1) if not np.array_equal(
                conventions.sync_step_tie(W, theta, states[k], tie), states[k + 1])), None)
            if not final_only:
                ch.record(cid, "run_sync:steps", bad_k is None, call,
                          f"every step is the synchronous step (tie={tie})",
                          "" if bad_k is None else f"step {bad_k}: {_ints(states[bad_k])} "
                          f"-> {_ints(states[bad_k + 1])}", None, None, a)
            if claim:
                one = conventions.sync_step_tie(W, theta, last, tie)
                two = conventions.sync_step_tie(W, theta, one, tie)
                ch.record(cid, "run_sync:end", bool(np.array_equal(two, last)), call,
                          "a converged synchronous run ends in a fixed point or a 2-cycle",
                          f"{_ints(fr.state(last))} -> {_ints(fr.state(one))} -> "
                          f"{_ints(fr.state(two))}", None, _ints(fr.state(last)), a)


def _kernel_checks(ch: Checker, c: dict) -> None:
    cid, inp, exp = c["id"], c["input"], _dec(c["expected"])
    w = _arr(inp["w"])
    if ch.fn("site_kernel") is not None:
        for i, K in enumerate(exp["site_kernel"]):
            ch.call(cid, "site_kernel", (("w", w), ("i", i)), K)
    for name in ("random_scan_kernel", "systematic_scan_kernel"):
        if ch.fn(name) is not None:
            ch.call(cid, name, (("w", w),), exp[name])


def _boltzmann_checks(ch: Checker, c: dict) -> None:
    cid, inp, exp = c["id"], c["input"], _dec(c["expected"])
    if ch.fn("boltzmann_distribution") is not None:
        q = float(Fraction(inp["q"]))                  # dyadic: exact as a float
        ch.call(cid, "boltzmann_distribution",
                (("W", _arr(inp["W"])), ("theta", _arr(inp["theta"])), ("q", q)),
                exp["distribution"])


RBM_FUNCTIONS = ("rbm_free_energy", "rbm_hidden_probabilities", "rbm_visible_probabilities",
                 "rbm_gibbs_step")
RBM_SEED = 990001
RBM_CASES = 40


def rbm_input(seed: int) -> dict:
    """A seeded RBM case: ``nv, nh <= 3``, integer couplings in ``[-2, 2]``, thresholds in
    ``[-1, 1]`` (spec coordinates, +-1 units)."""
    rng = np.random.default_rng(seed)
    nv, nh = (int(x) for x in rng.integers(1, 4, size=2))
    return {"W": _ints(rng.integers(-2, 3, size=(nv, nh))),
            "theta_v": _ints(rng.integers(-1, 2, size=nv)),
            "theta_h": _ints(rng.integers(-1, 2, size=nh))}


def rbm_checks(ch: Checker, cid: str, inp: dict, only: Iterable[str] | None = None) -> None:
    """RBM checks on every visible (and hidden) state: free energy and both conditionals,
    expected from :mod:`pyref.rbm` (beta = 1; floats, relative 1e-9)."""
    want = set(RBM_FUNCTIONS if only is None else only)
    W, tv, th = _arr(inp["W"]), _arr(inp["theta_v"]), _arr(inp["theta_h"])
    nv, nh = W.shape
    base = (("W", W), ("theta_v", tv), ("theta_h", th))
    if "rbm_free_energy" in want and ch.fn("rbm_free_energy") is not None:
        for v in bz.all_states(nv):
            ch.call(cid, "rbm_free_energy", base + (("v", _arr(v)),),
                    rbm.rbm_free_energy(W, tv, th, v))
    if "rbm_hidden_probabilities" in want and ch.fn("rbm_hidden_probabilities") is not None:
        for v in bz.all_states(nv):
            ch.call(cid, "rbm_hidden_probabilities", base + (("v", _arr(v)),),
                    _to_py(bz.sigmoid(2.0 * (_arr(v) @ W - th))))
    if "rbm_visible_probabilities" in want and \
            ch.fn("rbm_visible_probabilities") is not None:
        for h in bz.all_states(nh):
            ch.call(cid, "rbm_visible_probabilities", base + (("h", _arr(h)),),
                    _to_py(bz.sigmoid(2.0 * (W @ _arr(h) - tv))))
    if "rbm_gibbs_step" in want and ch.fn("rbm_gibbs_step") is not None:
        # one block Gibbs step driven by given uniforms (seeded from the case): exact
        key = hashlib.sha256(json.dumps(inp, sort_keys=True).encode()).hexdigest()
        rng = np.random.default_rng(int(key[:8], 16))
        for v in bz.all_states(nv):
            u_h, u_v = rng.random(nh), rng.random(nv)
            h = np.where(u_h < bz.sigmoid(2.0 * (v @ W - th)), 1, -1)
            v1 = np.where(u_v < bz.sigmoid(2.0 * (W @ h - tv)), 1, -1)
            ch.call(cid, "rbm_gibbs_step", base + (("v", _arr(v)), ("u_h", u_h),
                                                   ("u_v", u_v)), _ints(v1))


LAYER_FUNCTIONS = ("hopfield_association",)
LAYER_SEED = 660001
LAYER_CASES = 30


def layer_input(seed: int) -> dict:
    """A seeded Hopfield-layer case: ``S <= 3`` states, ``N <= 4`` stored patterns, sizes
    ``<= 3``, ``W_V`` square (``d_k x d_k``), entries with 3 decimals, ``beta`` in
    ``[0.2, 2]``, ``steps <= 3``, a mask (``True`` = may attend) or none."""
    rng = np.random.default_rng(seed)
    S, N, d_r, d_y, d_k = (int(x) for x in rng.integers(1, [4, 5, 4, 4, 4]))

    def mat(*shape: int) -> list:
        return np.round(rng.normal(size=shape), 3).tolist()

    mask = None
    if rng.random() < 0.5:
        m = rng.random((S, N)) < 0.7
        m[np.arange(S), rng.integers(0, N, size=S)] = True
        mask = m.tolist()
    return {"R": mat(S, d_r), "Y": mat(N, d_y), "W_Q": mat(d_r, d_k), "W_K": mat(d_y, d_k),
            "W_V": mat(d_k, d_k), "beta": round(float(rng.uniform(0.2, 2.0)), 3),
            "steps": int(rng.integers(1, 4)), "mask": mask}


def layer_checks(ch: Checker, cid: str, inp: dict, only: Iterable[str] | None = None) -> None:
    """The Hopfield-layer check of one case against :func:`pyref.layers.hopfield_association`
    (floats, relative 1e-9)."""
    if "hopfield_association" not in set(LAYER_FUNCTIONS if only is None else only) or \
            ch.fn("hopfield_association") is None:
        return
    arrs = {k: np.array(inp[k], dtype=np.float64) for k in ("R", "Y", "W_Q", "W_K", "W_V")}
    mask = None if inp["mask"] is None else np.array(inp["mask"], dtype=bool)
    exp = layers.hopfield_association(arrs["R"], arrs["Y"], arrs["W_Q"], arrs["W_K"],
                                      arrs["W_V"], beta=inp["beta"], steps=inp["steps"],
                                      mask=mask)
    ch.call(cid, "hopfield_association",
            tuple((k, arrs[k]) for k in ("R", "Y", "W_Q", "W_K", "W_V"))
            + (("beta", float(inp["beta"])), ("steps", int(inp["steps"])), ("mask", mask)),
            _to_py(exp))


# --------------------------------------------------------------------------- runner

CORPUS_NAME = "pyref-vectors/2"


def _corpus_classical(k: int, c: dict) -> dict:
    e = c["expected"]
    energies = {tuple(x): v for x, v in zip(e["trajectory"], e["energies"])}
    energies[tuple(c["s"])] = e["energy"]
    return {
        "id": f"classical-v2-{k}", "kind": "classical", "lean_checked": True,
        "lean_tie": c["tie"],
        "input": {"W": c["W"], "theta": c["theta"], "s": c["s"], "schedule": c["schedule"]},
        "expected": {"field": e["field"],
                     "energies": [[list(x), v] for x, v in sorted(energies.items())],
                     c["tie"]: {"trajectory": e["trajectory"], "sync_step": e["sync"],
                                "sweep": e["sweep"],
                                "is_fixed_point": [[e["trajectory"][-1], e["fixed"]]]}},
    }


def _corpus_kernel(k: int, c: dict) -> dict | None:
    # the Lean record states the kernel tables only for n <= TABLES_MAX_N (VectorCheck's
    # guards): only those kernel cases are kernel-checked
    if c["n"] > min(vectors.TABLES_MAX_N.values()):
        return None
    e = _dec(c["expected"])
    w = [Fraction(x) for x in e["weights"]]
    scale = math.lcm(*(x.denominator for x in w))        # kernels are scale invariant
    if max(w) * scale >= 2 ** 53:                         # keep the weights exact as floats
        return None
    return {
        "id": f"kernel-v2-{k}", "kind": "kernel", "lean_checked": True,
        "input": {"w": [int(x * scale) for x in w]},
        "expected": {"site_kernel": c["expected"]["site_kernels"],
                     "random_scan_kernel": c["expected"]["random_scan"],
                     "systematic_scan_kernel": c["expected"]["systematic_scan"]},
    }


def corpus_cases(corpus: dict | None = None) -> list[dict]:
    """The kernel-checked cases of the frozen v2 corpus (:mod:`pyref.vectors`, spec T7) as
    version-1 conformance cases: the classical ones with symmetric zero-diagonal weights
    (the networks every library supports; expected values for the Lean-checked tie rule),
    every Hebbian case, and every Boltzmann case (``boltzmann`` and ``boltzmann_large``,
    ``n <= 5``) as a Boltzmann-distribution case and, where the Lean record states its
    kernel tables (``n <= 2``) and its weights scaled to integers stay below ``2^53``, as an
    exact-kernel case.

    Parameters
    ----------
    corpus : dict or None
        A loaded v2 corpus (``None``: :func:`pyref.vectors.load_corpus` of the packaged one).

    Returns
    -------
    list[dict]
        Version-1 conformance cases (``kind`` classical, hebbian, boltzmann or kernel, with
        ``id``, ``input`` and ``expected``).
    """
    corpus = vectors.load_corpus() if corpus is None else corpus
    g = corpus["groups"]
    out = []
    for k, c in enumerate(g["classical"]):
        W = np.array(c["W"])
        if np.array_equal(W, W.T) and not np.any(np.diag(W)):
            out.append(_corpus_classical(k, c))
    for k, c in enumerate(g["hebbian"]):
        n = c["n"]
        out.append({"id": f"hebbian-v2-{k}", "kind": "hebbian", "lean_checked": True,
                    "input": {"patterns": c["patterns"]},
                    "expected": {"integer": c["expected"]["W"],
                                 "1/n": _enc([[Fraction(x, n) for x in r]
                                              for r in c["expected"]["W"]])}})
    for k, c in enumerate(g["boltzmann"] + g.get("boltzmann_large", [])):
        kc = _corpus_kernel(k, c)
        if kc is not None:
            out.append(kc)
        out.append({"id": f"boltzmann-v2-{k}", "kind": "boltzmann", "lean_checked": True,
                    "input": {"W": c["W"], "theta": c["theta"], "q": c["q"]},
                    "expected": {"distribution": c["expected"]["pi"]}})
    return out


def fixed_cases(doc: dict, conv: Conventions) -> Iterator[tuple[str, str, dict, dict | None]]:
    """The cases the fixed run checks, as ``(source, id, input, file_expected)``.

    The one place that reads the vectors: the document's cases (``source = "vectors"``)
    and, when the document names the v2 corpus (``"corpus": "pyref-vectors/2"``, as the
    packaged file does), the corpus's kernel-checked cases (``source = "corpus"``,
    :func:`corpus_cases`).  Classical cases as they are, or (with ``thresholds=False``)
    only those with zero adapter-side thresholds plus every other case with its thresholds
    replaced (``source = "derived"``, expected values from pyref); Hebbian, kernel and
    Boltzmann cases as they are; then seeded RBM and Hopfield-layer cases
    (``source = "generated"``, not in the version-1 file).

    Parameters
    ----------
    doc : dict
        A validated vectors document (:func:`load_vectors`).
    conv : Conventions
        The library's conventions (tie rule, spins, normalisations, thresholds).

    Returns
    -------
    Iterator[tuple[str, str, dict, dict | None]]
        ``(source, id, input, file_expected)`` per case, ``source`` one of ``vectors``,
        ``corpus``, ``derived``, ``generated``.
    """
    if doc.get("corpus") not in (None, CORPUS_NAME):
        raise ValueError(f"vectors: corpus {doc['corpus']!r} is unknown; expected "
                         f"{CORPUS_NAME!r} or none")
    sourced = [("vectors", c) for c in doc["cases"]]
    if doc.get("corpus") == CORPUS_NAME:
        sourced += [("corpus", c) for c in corpus_cases()]
    for source, c in sourced:
        if c["kind"] != "classical":
            yield source, c["id"], c["input"], c["expected"]
            continue
        inp = c["input"]
        if conv.thresholds:
            yield source, c["id"], inp, c["expected"]
            continue
        zero = _ints(zero_threshold_theta(_arr(inp["W"]), conv))
        if inp["theta"] == zero:
            yield source, c["id"], inp, c["expected"]
        else:
            yield "derived", c["id"] + "-theta0", {**inp, "theta": zero}, None
    for k in range(RBM_CASES):
        yield "generated", f"rbm-{RBM_SEED + k}", rbm_input(RBM_SEED + k), None
    for k in range(LAYER_CASES):
        yield "generated", f"layer-{LAYER_SEED + k}", layer_input(LAYER_SEED + k), None


def _kind_of(case_id: str) -> str:
    return case_id.split("-", 1)[0]


def run_conformance(adapter: object, vectors_doc: dict | None = None, *, tie: str = "keep",
                    normalisation: str = "integer", conventions_: Conventions | None = None,
                    properties: bool = False, require: Iterable[str] = (),
                    finish: bool = True) -> ConformanceReport:
    """Run every vector against ``adapter`` (a module or any object with some of the
    functions of :data:`ADAPTER_FUNCTIONS`).

    ``conventions_`` gives all the adapter's conventions (:class:`Conventions`); without
    it ``tie`` and ``normalisation`` set the tie rule and the Hebbian rule.  Adapter outputs
    may be numpy arrays or lists of ints, Fractions or floats: ints and Fractions are
    compared exactly, floats to a relative ``1e-9``.  ``properties``: also run the property
    checks (:func:`property_checks`) from every classical start state.  ``require``:
    functions that must have been checked.  The report fails (``ok`` is False) on any
    mismatch, when nothing was checked, or when a required function was not checked.

    Parameters
    ----------
    adapter : module or object
        The implementation under test: any object with some of the functions of
        :data:`ADAPTER_FUNCTIONS`.
    vectors_doc : dict or None
        The vectors (``None``: :func:`load_vectors` of the packaged file).
    tie : {'keep', 'plus', 'minus'}
        The adapter's tie rule (when ``conventions_`` is not given).
    normalisation : str
        The adapter's Hebbian normalisation, e.g. ``'integer'``, ``'1/n'`` (when
        ``conventions_`` is not given).
    conventions_ : Conventions or None
        All the adapter's conventions (overrides ``tie`` and ``normalisation``).
    properties : bool
        Also run :func:`property_checks` from every classical start state.
    require : iterable of str
        Functions that must have been checked.
    finish : bool
        Close the report (decide ``ok``); ``False`` leaves it open for more checks.

    Returns
    -------
    ConformanceReport
        Cases and checks per section, every mismatch, and (when finished) ``ok``: no mismatch,
        something checked, every required function checked.
    """
    conv = conventions_ if conventions_ is not None else Conventions(tie=tie,
                                                                     hebbian=normalisation)
    doc = load_vectors() if vectors_doc is None else validate_vectors(vectors_doc)
    report = ConformanceReport(conventions=conv)
    ch = Checker(adapter, report)
    for name in ADAPTER_FUNCTIONS:
        ch.fn(name)                                   # records the skipped ones up front
    for k, (source, cid, inp, exp) in enumerate(fixed_cases(doc, conv)):
        report.sections[source] = report.sections.get(source, 0) + 1
        kind = _kind_of(cid)
        if kind == "classical":
            classical_checks(ch, cid, inp, conv, exp)
            if properties:
                property_checks(ch, cid, inp, conv, seed=k)
        elif kind == "hebbian":
            file_heb = exp.get(conv.hebbian) if exp else None
            learning_checks(ch, cid, inp["patterns"], conv,
                            expected={"hebbian": _dec(file_heb)} if file_heb else None)
        elif kind == "kernel":
            _kernel_checks(ch, {"id": cid, "input": inp, "expected": exp})
        elif kind == "boltzmann":
            _boltzmann_checks(ch, {"id": cid, "input": inp, "expected": exp})
        elif kind == "rbm":
            rbm_checks(ch, cid, inp)
        elif kind == "layer":
            layer_checks(ch, cid, inp)
    report.cases = sum(report.sections.values())
    return report.finish(require) if finish else report


def load_adapter(spec: str) -> ModuleType:
    """Import an adapter given as a module name (``mypkg.adapter``) or a ``.py`` path.

    Parameters
    ----------
    spec : str
        A module name on ``sys.path`` (e.g. ``pyref.adapters.neurolab``) or a path to a ``.py``
        file.

    Returns
    -------
    types.ModuleType
        The imported adapter module.
    """
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
    """Lines to print: every mismatch (up to ``max_report``), then the summary.

    Parameters
    ----------
    report : ConformanceReport
        A finished report.
    max_report : int >= 0
        Most mismatches to print.

    Returns
    -------
    Iterable[str]
        The lines: each mismatch (up to ``max_report``), a line counting the rest, then the
        summary.
    """
    for m in report.mismatches[:max_report]:
        yield str(m)
    if len(report.mismatches) > max_report:
        yield f"... and {len(report.mismatches) - max_report} more mismatches"
    yield report.summary()
