"""Differential test vectors v2 (spec T7): one frozen corpus, checked by pyref and by Lean.

The corpus ``pyref/data/vectors/v2/corpus.json.gz`` holds every case's inputs and pyref's
outputs (exact: ints, ``"num/den"`` strings for rationals).  It was drawn ONCE by
:func:`draw_corpus` (``python3 -m pyref vectors --draw``, seeded); nothing else draws:

* :func:`render_lean_files` reads the corpus and writes ``lean/HopfieldTest/Vectors/*.lean``,
  literal lists of case records (natural-number literals, decoded by the kernel) checked
  by the Bool checkers of ``lean/HopfieldTest/VectorCheck.lean`` with ``decide +kernel``;
  every checker's ``Holds`` is a conjunction of facts about the spec definitions;
* the conformance kit (:mod:`pyref.conform`) builds its cases from the same corpus;
* ``tests/test_T7_vectors.py`` recomputes every expected output with pyref from the frozen
  inputs (:func:`expected`), so pyref is correct iff the test passes, whatever numpy's
  random stream does.

Groups (Lean record, what is checked): ``classical`` (``ClassicalCase``: field, energy,
asyncStep, syncStep, sweep, trajectory and its energies, runSchedule, IsFixedPoint, margin,
hamming, stateIndex; any integer weights, asymmetric and with diagonal, ``|W| <= 1000``,
``n <= 12``), ``hebbian`` (hebbian, field, syncStep, crosstalk, hamming, overlap),
``dense`` (overlap, denseEnergy, denseStep, denseSweep, denseSweeps), ``boltzmann``
(allStates, stateIndex, boltzmannWeightsExact, boltzmannExact, siteKernel,
randomScanKernel, systematicScanKernel, tvDistance, gibbsPlusProbability; ``n <= 3``, kernel
tables for ``n <= 2``), ``update`` (updateValue), ``tail`` (signSumTail), ``dobrushin``
(influenceBound, dobrushinCoefficient; spec B6, ``n <= 6``, drawn later with its own seed
:data:`DOBRUSHIN_SEED` and appended, the other groups untouched) and ``boltzmann_large``
(the ``boltzmann`` record for ``n = 4, 5``, without kernel tables; drawn later with
:data:`BOLTZMANN_LARGE_SEED`).
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from .. import boltzmann, capacity, classical, dense, dobrushin, learning
from ..margins import margins as _margins

__all__ = [
    "CORPUS",
    "CORPUS_FORMAT",
    "CORPUS_VERSION",
    "GROUPS",
    "COVERAGE",
    "VECTOR_IMPORTS",
    "FILES",
    "sync_limit",
    "draw_corpus",
    "expected",
    "write_corpus",
    "load_corpus",
    "render_lean_file",
    "render_lean_files",
    "write_lean_files",
    "module_names",
    "ClassicalCase",
    "HebbianCase",
    "classical_case",
    "hebbian_case",
    "generate",
    "VECTOR_FILES",
    "CASES_PER_FILE",
]

CORPUS = (Path(__file__).resolve().parent.parent / "data" / "vectors" / "v2"
          / "corpus.json.gz")
CORPUS_FORMAT = "pyref-vectors"
CORPUS_VERSION = 2
DRAW_SEED = 20261202
#: The groups of the corpus and how many cases :func:`draw_corpus` draws of each.
GROUPS: dict[str, int] = {"classical": 200, "hebbian": 110, "dense": 110,
                          "boltzmann": 150, "update": 600, "tail": 150, "dobrushin": 100}
#: The seed of the ``dobrushin`` group, drawn after the others (:func:`draw_group`).
DOBRUSHIN_SEED = 20261203
#: The seed of the ``boltzmann_large`` group (``n = 4, 5``), drawn after the others.
BOLTZMANN_LARGE_SEED = 20261204
#: The groups drawn after :data:`GROUPS`, each from its own seed (:func:`draw_group`), in
#: this order: group -> (cases, seed). ``pyref vectors --draw`` draws them too.
LATER_GROUPS: dict[str, tuple[int, int]] = {"dobrushin": (100, DOBRUSHIN_SEED),
                                            "boltzmann_large": (12, BOLTZMANN_LARGE_SEED)}
#: Boltzmann machines go up to ``n = 5``: the ``boltzmann`` group has ``n <= 3`` and the
#: ``boltzmann_large`` group ``n = 4, 5`` (same record, no kernel tables: see
#: ``TABLES_MAX_N``). Measured: a record with ``n = 5``, ``q = 1/8``, ``|W| <= 3`` (weights of
#: ~100 bits) costs about 3-6 s CPU and 0.1 GB in the kernel, so the group has 12 cases
#: (the proof build's CPU budget). (Earlier checkers that stated
#: the kernel tables for every ``n`` passed 9 GB per file at ``n = 4, 5``.)
BOLTZMANN_MAX_N = 5
#: The modules the checker file imports (kept equal to ``VectorCheck.lean``'s imports by a
#: test; the lead updates both when the spec modules move).
VECTOR_IMPORTS = ["Hopfield.Literal", "Hopfield.Convergence", "Hopfield.DenseSpec",
                  "Hopfield.Boltzmann.Literal", "Hopfield.Thm.Capacity",
                  "Hopfield.Thm.Margin", "Hopfield.Spec.Dobrushin"]
CHECK_MODULE = "HopfieldTest.VectorCheck"
#: The vector files: how many cases of each group each file states.
FILES = 6
#: Cases per ``decide +kernel`` chunk, by group.
CHUNK = {"classical": 25, "hebbian": 25, "dense": 25, "boltzmann": 5, "update": 200,
         "tail": 100, "dobrushin": 50, "boltzmann_large": 4}
#: Which group's Lean record checks each mirrored definition (``[[mirror]]`` entries of
#: ``proofs_ci/mirror.toml``); a test checks the coverage and the ``Holds`` statements.
COVERAGE: dict[str, str] = {
    "field": "classical", "energy": "classical", "asyncStep": "classical",
    "syncStep": "classical", "sweep": "classical", "trajectory": "classical",
    "runSchedule": "classical", "IsFixedPoint": "classical", "margin": "classical",
    "hamming": "classical", "stateIndex": "classical",
    "hebbian": "hebbian", "crosstalk": "hebbian",
    "overlap": "dense", "denseEnergy": "dense", "denseStep": "dense",
    "denseSweep": "dense", "denseSweeps": "dense",
    "allStates": "boltzmann", "boltzmannWeightsExact": "boltzmann",
    "boltzmannExact": "boltzmann", "siteKernel": "boltzmann", "randomScanKernel": "boltzmann",
    "systematicScanKernel": "boltzmann", "tvDistance": "boltzmann",
    "gibbsPlusProbability": "boltzmann",
    "updateValue": "update", "signSumTail": "tail",
    "influenceBound": "dobrushin", "dobrushinCoefficient": "dobrushin",
}
Q_VALUES = ("1/2", "1/4", "3/4", "1", "1/8", "5/8")   # dyadic: exact as floats too
#: Largest ``n`` whose kernel tables a Boltzmann record states (VectorCheck's guards):
#: measured, ``n = 4`` tables exhaust the wasm kernel's 4 GB and ``n = 3`` ones take
#: gigabytes per vector file.
TABLES_MAX_N = {"site": 2, "random": 2, "systematic": 2}
_OFF = 1 << 19
_BASE = 20


def sync_limit(W: ArrayLike, theta: ArrayLike | None, s: ArrayLike, tie: str = "keep",
               max_steps: int = 1000               ) -> tuple[int, np.ndarray, str]:
    """Iterate the synchronous step until a fixed point or a 2-cycle (spec T5).

    Returns ``(k, x, kind)``: after ``k`` synchronous steps the state is ``x``, and ``x`` is a
    fixed point (``kind == "fixed_point"``) or lies on a 2-cycle (``"two_cycle"``).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Symmetric integer weight matrix.
    theta : array_like, shape (n,), or None
        Thresholds; ``None`` means all zero.
    s : array_like, shape (n,)
        Start state, entries +1 / -1.
    tie : {'keep', 'plus'}
        Rule on a tie ``h_i = theta_i``.
    max_steps : int >= 1
        Cap on the synchronous steps (ValueError when reached: T5 says it never is for symmetric
        ``W``).

    Returns
    -------
    tuple[int, numpy.ndarray, str]
        ``(k, x, kind)``: after ``k`` synchronous steps the state is ``x`` (int64, shape (n,)),
        a fixed point (``kind == 'fixed_point'``) or on a 2-cycle (``'two_cycle'``) (spec T5).
    """
    x = np.array(s)
    for k in range(max_steps + 1):
        y = classical.sync_step(W, theta, x, tie)
        if np.array_equal(y, x):
            return k, x, "fixed_point"
        if np.array_equal(classical.sync_step(W, theta, y, tie), x):
            return k, x, "two_cycle"
        x = y
    raise ValueError(f"no fixed point or 2-cycle within {max_steps} synchronous steps; "
                     "expected one for symmetric W (spec T5)")


# --------------------------------------------------------------------------- drawing

def _ints(a: Any) -> list:
    return np.asarray(a).astype(int).tolist()


def _enc(x: Any) -> Any:
    """Exact numbers / nested lists -> JSON (Fractions as ``"num/den"``)."""
    if isinstance(x, np.ndarray):
        return _enc(x.tolist())
    if isinstance(x, dict):
        return {k: _enc(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_enc(v) for v in x]
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, Fraction):
        return int(x) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"
    raise TypeError(f"cannot encode {x!r} exactly; expected an int or a Fraction")


def _weights(rng: np.random.Generator, n: int, big: int) -> np.ndarray:
    """Integer weights: symmetric zero-diagonal, symmetric with diagonal, or asymmetric."""
    A = rng.integers(-big, big + 1, size=(n, n))
    kind = int(rng.integers(0, 3))
    if kind == 0:
        W = np.triu(A, 1)
        return W + W.T
    if kind == 1:
        return np.triu(A) + np.triu(A, 1).T
    return A


def _draw_classical(rng: np.random.Generator) -> dict:
    n = int(rng.integers(1, 13))
    big = int(rng.choice([2, 5, 30, 1000]))
    W = _weights(rng, n, big)
    theta = rng.integers(-big, big + 1, size=n) if rng.random() < 0.7 else np.zeros(n, int)
    s = rng.choice([-1, 1], size=n)
    schedule = rng.integers(0, n, size=int(rng.integers(1, n + 2)))
    return {"n": n, "W": _ints(W), "theta": _ints(theta), "s": _ints(s),
            "tie": "plus" if rng.random() < 0.5 else "keep", "i": int(rng.integers(0, n)),
            "schedule": _ints(schedule)}


def _draw_hebbian(rng: np.random.Generator) -> dict:
    n = int(rng.integers(2, 13))
    m = int(rng.integers(1, 6))
    return {"n": n, "patterns": _ints(rng.choice([-1, 1], size=(m, n))),
            "probe": _ints(rng.choice([-1, 1], size=n))}


def _draw_dense(rng: np.random.Generator) -> dict:
    n = int(rng.integers(1, 11))
    m = int(rng.integers(1, 5))
    return {"n": n, "a": int(rng.integers(1, 5)),
            "patterns": _ints(rng.choice([-1, 1], size=(m, n))),
            "s": _ints(rng.choice([-1, 1], size=n)), "i": int(rng.integers(0, n)),
            "k": int(rng.integers(1, 4))}


def _draw_boltzmann(rng: np.random.Generator, n: int | None = None) -> dict:
    if n is None:
        n = int(rng.choice([1, 2, 2, 2, 2, 3, 3]))  # n = 4, 5: _draw_boltzmann_large
    big = int(rng.choice([1, 2, 3]))
    A = np.triu(rng.integers(-big, big + 1, size=(n, n)), 1)
    W = A + A.T            # pyref.boltzmann takes symmetric zero-diagonal weights only
    theta = rng.integers(-big, big + 1, size=n)
    mu = rng.integers(0, 5, size=2 ** n)
    mu[int(rng.integers(0, 2 ** n))] += 1
    return {"n": n, "W": _ints(W), "theta": _ints(theta),
            "q": Q_VALUES[int(rng.integers(0, len(Q_VALUES)))], "i": int(rng.integers(0, n)),
            "mu": _enc([Fraction(int(x), int(mu.sum())) for x in mu])}


def _draw_update(rng: np.random.Generator) -> dict:
    big = int(rng.choice([3, 20, 12000]))
    h = int(rng.integers(-big, big + 1))
    t = h if rng.random() < 0.3 else int(rng.integers(-big, big + 1))
    return {"h": h, "theta": t, "s": int(rng.choice([-1, 1])),
            "tie": "plus" if rng.random() < 0.5 else "keep"}


def _draw_tail(rng: np.random.Generator) -> dict:
    N = int(rng.integers(0, 11))
    return {"N": N, "t": int(rng.integers(-N - 2, N + 3))}


def _draw_dobrushin(rng: np.random.Generator) -> dict:
    n = int(rng.integers(1, 7))
    big = int(rng.choice([1, 2, 3, 5]))
    A = np.triu(rng.integers(-big, big + 1, size=(n, n)), 1)
    return {"n": n, "W": _ints(A + A.T), "q": Q_VALUES[int(rng.integers(0, len(Q_VALUES)))]}


def _draw_boltzmann_large(rng: np.random.Generator) -> dict:
    """A Boltzmann case with ``n = 4`` or ``5`` (otherwise drawn as :func:`_draw_boltzmann`)."""
    return _draw_boltzmann(rng, n=int(rng.choice([4, 5])))


_DRAW = {"classical": _draw_classical, "hebbian": _draw_hebbian, "dense": _draw_dense,
         "boltzmann": _draw_boltzmann, "update": _draw_update, "tail": _draw_tail,
         "dobrushin": _draw_dobrushin, "boltzmann_large": _draw_boltzmann_large}


# --------------------------------------------------------------------------- expected outputs

def _frac(x: Any) -> Fraction:
    return Fraction(x)


def _expected_classical(c: dict) -> dict:
    W, theta, s, tie = np.array(c["W"]), np.array(c["theta"]), np.array(c["s"]), c["tie"]
    traj = classical.trajectory(W, theta, s, c["schedule"], tie)
    sync = classical.sync_step(W, theta, s, tie)
    return {
        "field": _ints(classical.field(W, s)),
        "energy": int(classical.energy(W, theta, s)),
        "async": _ints(classical.async_step(W, theta, s, c["i"], tie)),
        "sync": _ints(sync),
        "sweep": _ints(classical.sweep(W, theta, s, tie)),
        "trajectory": _ints(traj),
        "energies": [int(classical.energy(W, theta, x)) for x in traj],
        "run": _ints(classical.run_schedule(W, theta, s, c["schedule"], tie)),
        "fixed": bool(classical.is_fixed_point(W, theta, traj[-1], tie)),
        "margin": _ints(_margins(W, theta, s)),
        "hamming": int(classical.hamming(s, sync)),
        "index": int(boltzmann.state_index(s)),
    }


def _expected_hebbian(c: dict) -> dict:
    P, x = np.array(c["patterns"]), np.array(c["probe"])
    W = learning.hebbian(P)
    m, n = P.shape
    return {
        "W": _ints(W), "field": _ints(classical.field(W, x)),
        "sync": _ints(classical.sync_step(W, np.zeros(n, dtype=int), x)),
        "crosstalk": [[int(capacity.crosstalk(P, k, i)) for i in range(n)] for k in range(m)],
        "hamming": [int(classical.hamming(p, x)) for p in P],
        "overlap": [int(dense.overlap(p, x)) for p in P],
    }


def _expected_dense(c: dict) -> dict:
    P, s, a = np.array(c["patterns"]), np.array(c["s"]), c["a"]
    return {
        "overlap": [int(dense.overlap(p, s)) for p in P],
        "energy": int(dense.dense_energy(a, P, s)),
        "step": _ints(dense.dense_step(a, P, s, c["i"])),
        "sweep": _ints(dense.dense_sweep(a, P, s)),
        "sweeps": _ints(dense.dense_sweeps(a, P, s, c["k"])),
    }


def _expected_boltzmann(c: dict) -> dict:
    W, theta, q, i = np.array(c["W"]), np.array(c["theta"]), Fraction(c["q"]), c["i"]
    w = boltzmann.boltzmann_weights_exact(W, theta, q)
    pi = boltzmann.boltzmann_exact(W, theta, q)
    mu = np.array([Fraction(x) for x in c["mu"]], dtype=object)
    states = boltzmann.all_states(c["n"])
    return _enc({
        "states": _ints(states),
        "index": [int(boltzmann.state_index(x)) for x in states],
        "weights": [_frac(x) for x in w],
        "pi": [_frac(x) for x in pi],
        "site_kernels": [[[_frac(x) for x in r] for r in boltzmann.site_kernel(w, j)]
                         for j in range(c["n"])],
        "random_scan": [[_frac(x) for x in r] for r in boltzmann.random_scan_kernel(w)],
        "systematic_scan": [[_frac(x) for x in r]
                            for r in boltzmann.systematic_scan_kernel(w)],
        "tv": _frac(boltzmann.tv_distance(mu, pi)),
        "gibbs_plus": [_frac(boltzmann.gibbs_plus_probability(W, theta, x, i, q))
                       for x in states],
    })


def _expected_update(c: dict) -> dict:
    return {"new": int(classical.update_value(c["h"], c["theta"], c["s"], c["tie"]))}


def _expected_tail(c: dict) -> dict:
    return {"count": int(capacity.sign_sum_tail(c["N"], c["t"]))}


def _expected_dobrushin(c: dict) -> dict:
    W, q = np.array(c["W"], dtype=np.int64).reshape(c["n"], c["n"]), Fraction(c["q"])
    return _enc({"C": [[_frac(x) for x in r] for r in dobrushin.influence_bound(W, q)],
                 "alpha": _frac(dobrushin.dobrushin_coefficient(W, q))})


_EXPECTED = {"classical": _expected_classical, "hebbian": _expected_hebbian,
             "dense": _expected_dense, "boltzmann": _expected_boltzmann,
             "update": _expected_update, "tail": _expected_tail,
             "dobrushin": _expected_dobrushin, "boltzmann_large": _expected_boltzmann}


def expected(group: str, case: dict) -> dict:
    """pyref's outputs for the inputs ``case`` (a corpus case without ``expected``) of
    ``group``, exactly as the corpus stores them (spec T7).

    Parameters
    ----------
    group : str
        The corpus group (``classical``, ``hebbian``, ``boltzmann``, ``tail``, ...).
    case : dict
        A corpus case (its inputs; ``expected`` is ignored).

    Returns
    -------
    dict
        pyref's outputs for the inputs, JSON-ready, exactly as the corpus stores them (spec T7).
    """
    if group not in _EXPECTED:
        raise ValueError(f"group {group!r}: expected one of {sorted(_EXPECTED)}")
    inputs = {k: v for k, v in case.items() if k not in ("id", "expected")}
    return _EXPECTED[group](inputs)


def _draw_cases(g: str, count: int, rng: np.random.Generator) -> list[dict]:
    cases = []
    for k in range(count):
        case = {"id": f"{g}-{k}", **_DRAW[g](rng)}
        case["expected"] = expected(g, case)
        cases.append(case)
    return cases


def draw_group(doc: dict, group: str, count: int, seed: int) -> dict:
    """The corpus ``doc`` with one more group drawn from its own ``seed`` (spec T7): the
    other groups stay as they are, so adding a mirrored definition never re-draws them."""
    if group not in _DRAW or group in doc["groups"] or count < 1:
        raise ValueError(f"group {group!r}: expected a new group of {sorted(_DRAW)} "
                         f"(the corpus has {sorted(doc['groups'])}) and count >= 1")
    out = dict(doc, groups=dict(doc["groups"]))
    out["groups"][group] = _draw_cases(group, count, np.random.default_rng(seed))
    out["later_groups"] = {**doc.get("later_groups", {}), group: seed}
    return out


def draw_corpus(counts: dict[str, int] | None = None, seed: int = DRAW_SEED) -> dict:
    """Draw the corpus once (spec T7): seeded inputs of every group and pyref's outputs.

    Only ``python3 -m pyref vectors --draw`` calls this; everything else reads the frozen
    file (:func:`load_corpus`).

    Parameters
    ----------
    counts : dict[str, int] or None
        Cases per group (``None``: :data:`GROUPS`).
    seed : int
        Seed of every input draw (default :data:`DRAW_SEED`); ``None`` is not accepted (the
        corpus must be re-drawable).

    Returns
    -------
    dict
        The corpus document ``{format, version: 2, seed, drawn_by, groups}``: per group the
        seeded inputs and pyref's outputs.
    """
    counts = dict(GROUPS if counts is None else counts)
    if any(k not in _DRAW or v < 1 for k, v in counts.items()):
        raise ValueError(f"counts {counts}: expected positive counts of groups {sorted(_DRAW)}")
    rng = np.random.default_rng(seed)
    groups: dict[str, list[dict]] = {}
    for g, count in counts.items():
        groups[g] = _draw_cases(g, count, rng)
    return {"format": CORPUS_FORMAT, "version": CORPUS_VERSION, "seed": seed,
            "drawn_by": "python3 -m pyref vectors --draw (pyref.vectors.draw_corpus)",
            "groups": groups}


def write_corpus(doc: dict, path: Path | str = CORPUS) -> Path:
    """Write the corpus as gzip'd JSON (one case per line, no timestamp: reproducible).

    Parameters
    ----------
    doc : dict
        A corpus document (:func:`draw_corpus`).
    path : str or pathlib.Path
        Output file (default: the packaged ``pyref/data/vectors/v2/corpus.json.gz``).

    Returns
    -------
    pathlib.Path
        The path written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    head = {k: v for k, v in doc.items() if k != "groups"}
    parts = [json.dumps(head, sort_keys=True)[:-1] + ', "groups": {']
    for gi, (g, cases) in enumerate(doc["groups"].items()):
        body = ",\n".join(json.dumps(c, separators=(",", ":")) for c in cases)
        parts.append(("," if gi else "") + f"\n{json.dumps(g)}: [\n{body}\n]")
    text = "".join(parts) + "}}\n"
    with open(path, "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=0,
                                              filename="") as z:
        z.write(text.encode("utf-8"))
    return path


def load_corpus(path: Path | str = CORPUS) -> dict:
    """Read the frozen corpus; raises ValueError if it is not a version-2 corpus.

    Parameters
    ----------
    path : str or pathlib.Path
        The corpus file (default: the packaged one, :data:`CORPUS`).

    Returns
    -------
    dict
        The corpus document (format ``pyref-vectors``, version 2).
    """
    with gzip.open(path, "rt", encoding="utf-8") as f:
        doc = json.load(f)
    if doc.get("format") != CORPUS_FORMAT or doc.get("version") != CORPUS_VERSION:
        raise ValueError(f"{path}: format {doc.get('format')!r} version "
                         f"{doc.get('version')!r}; expected {CORPUS_FORMAT!r} version "
                         f"{CORPUS_VERSION}")
    return doc


# --------------------------------------------------------------------------- Lean rendering

def _nat_ints(xs: list[int]) -> str:
    """Base-``2^20`` digits of ``x + 2^19``, least significant first (VectorCheck ``ints``)."""
    out = 0
    for k, x in enumerate(xs):
        if not -_OFF <= x < _OFF:
            raise ValueError(f"integer {x} outside [-2^19, 2^19): the Lean encoding "
                             "cannot hold it")
        out |= (x + _OFF) << (_BASE * k)
    return _nat(out)


def _nat(x: int) -> str:
    """A natural-number literal: decimal when short, hexadecimal when long."""
    return str(x) if x < 1 << 64 else hex(x)


def _bits(s: list[int]) -> int:
    """Bit mask of a +-1 state: bit ``i`` set iff ``s_i = +1`` (VectorCheck ``spins``)."""
    return sum(1 << i for i, x in enumerate(s) if x == 1)


def _rows(M: list[list[int]]) -> str:
    """A matrix as a Lean list of row numbers (each row by :func:`_nat_ints`)."""
    return "[" + ", ".join(_nat_ints(r) for r in M) + "]"


def _hex(xs: list[int]) -> int:
    return sum(int(x) << (4 * k) for k, x in enumerate(xs))


def _nat_list(xs: list[int]) -> str:
    return "[" + ", ".join(str(x) for x in xs) + "]"


def _raw_nats(record: str) -> str:
    """Every number of a record as a raw literal ``(nat_lit k)``: the elaborator then skips
    the ``OfNat`` instance search per literal (measured: about 15% of a classical chunk)."""
    return re.sub(r"(?<![\w.])(0x[0-9a-f]+|\d+)(?![\w.])", r"(nat_lit \1)", record)


def _b(x: bool) -> str:
    return "true" if x else "false"


def _lean_classical(c: dict) -> str:
    e, n = c["expected"], c["n"]
    # the record states runSchedule as the trajectory's last state and stateIndex as the
    # start state's bit mask: pyref's own values must agree before the kernel sees them
    if e["run"] != e["trajectory"][-1] or e["index"] != _bits(c["s"]):
        raise ValueError(f"{c['id']}: run_schedule / state_index disagree with the "
                         "trajectory's last state / the start state's bits")
    return (f"⟨{n}, {_b(c['tie'] == 'plus')}, {_rows(c['W'])}, "
            f"{_nat_ints(c['theta'])}, {_bits(c['s'])}, {c['i']}, {len(c['schedule'])}, "
            f"{_hex(c['schedule'])}, {_nat_ints(e['field'])}, {e['energy'] + _OFF}, "
            f"{_bits(e['async'])}, {_bits(e['sync'])}, {_bits(e['sweep'])}, "
            f"{_nat_list([_bits(x) for x in e['trajectory']])}, "
            f"{_nat_ints(e['energies'])}, {_b(e['fixed'])}, {_nat_ints(e['margin'])}, "
            f"{e['hamming']}⟩")


def _lean_hebbian(c: dict) -> str:
    e = c["expected"]
    return (f"⟨{c['n']}, {_nat_list([_bits(p) for p in c['patterns']])}, "
            f"{_bits(c['probe'])}, {_rows(e['W'])}, {_nat_ints(e['field'])}, "
            f"{_bits(e['sync'])}, {_rows(e['crosstalk'])}, "
            f"{_nat_list(e['hamming'])}, {_nat_ints(e['overlap'])}⟩")


def _lean_dense(c: dict) -> str:
    e = c["expected"]
    return (f"⟨{c['n']}, {c['a']}, {_nat_list([_bits(p) for p in c['patterns']])}, "
            f"{_bits(c['s'])}, {c['i']}, {c['k']}, {_nat_ints(e['overlap'])}, "
            f"{e['energy'] + _OFF}, {_bits(e['step'])}, {_bits(e['sweep'])}, "
            f"{_bits(e['sweeps'])}⟩")


def _nat_fracs(xs: list[Fraction], b: int) -> str:
    """Numerators and denominators of ``xs`` as two numerals of ``b``-bit digits (the
    ``rats`` decoder of ``VectorCheck.lean``)."""
    a = sum(x.numerator << (b * k) for k, x in enumerate(xs))
    d = sum(x.denominator << (b * k) for k, x in enumerate(xs))
    return f"{_nat(a)}, {_nat(d)}"


def _lean_boltzmann(c: dict) -> str:
    e = c["expected"]
    if e["index"] != list(range(2 ** c["n"])):
        raise ValueError(f"{c['id']}: state_index of all_states is not 0, 1, ..., 2^n - 1")
    n = c["n"]                      # the kernel tables are checked for small n only
    lists = [e["weights"], e["pi"],
             sum(sum(e["site_kernels"], []), []) if n <= TABLES_MAX_N["site"] else [],
             sum(e["random_scan"], []) if n <= TABLES_MAX_N["random"] else [],
             sum(e["systematic_scan"], []) if n <= TABLES_MAX_N["systematic"] else [],
             c["mu"], [e["tv"]], e["gibbs_plus"]]
    fr = [[Fraction(x) for x in xs] for xs in lists]
    b = 1 + max(max(x.numerator.bit_length(), x.denominator.bit_length())
                for xs in fr for x in xs)
    if any(x < 0 for xs in fr for x in xs):
        raise ValueError("Boltzmann outputs must be nonnegative rationals")

    q = Fraction(c["q"])
    w, p, k, r, y, mu, tv, g = (_nat_fracs(xs, b) for xs in fr)
    return (f"⟨{c['n']}, {_rows(c['W'])}, {_nat_ints(c['theta'])}, "
            f"{q.numerator}, {q.denominator}, {b}, {c['i']}, {w}, {p}, {k}, {r}, {y}, "
            f"{mu}, {tv}, {g}, {_nat_list([_bits(x) for x in e['states']])}⟩")


def _lean_dobrushin(c: dict) -> str:
    e = c["expected"]
    fr = [Fraction(x) for r in e["C"] for x in r] + [Fraction(e["alpha"])]
    b = 1 + max(max(x.numerator.bit_length(), x.denominator.bit_length()) for x in fr)
    if any(x < 0 for x in fr):
        raise ValueError("Dobrushin outputs must be nonnegative rationals")

    q = Fraction(c["q"])
    return (f"⟨{c['n']}, {_rows(c['W'])}, {q.numerator}, {q.denominator}, {b}, "
            f"{_nat_fracs(fr[:-1], b)}, {_nat_fracs(fr[-1:], b)}⟩")


def _lean_update(c: dict) -> str:
    return (f"⟨{_b(c['tie'] == 'plus')}, {c['h'] + _OFF}, {c['theta'] + _OFF}, "
            f"{_b(c['s'] == 1)}, {_b(c['expected']['new'] == 1)}⟩")


def _lean_tail(c: dict) -> str:
    return f"⟨{c['N']}, {c['t'] + _OFF}, {c['expected']['count']}⟩"


_RECORD = {"classical": ("ClassicalCase", _lean_classical),
           "hebbian": ("HebbianCase", _lean_hebbian), "dense": ("DenseCase", _lean_dense),
           "boltzmann": ("BoltzmannCase", _lean_boltzmann),
           "update": ("UpdateCase", _lean_update), "tail": ("TailCase", _lean_tail),
           "dobrushin": ("DobrushinCase", _lean_dobrushin),
           "boltzmann_large": ("BoltzmannCase", _lean_boltzmann)}


def module_names(files: int = FILES) -> list[str]:
    """Module names of the vector files: ``HopfieldTest.Vectors.V00`` ...

    Parameters
    ----------
    files : int >= 1
        Number of vector files (Lean modules ``V00``, ``V01``, ...).

    Returns
    -------
    list[str]
        ``['HopfieldTest.Vectors.V00', ...]``, one name per file.
    """
    return [f"HopfieldTest.Vectors.V{f:02d}" for f in range(files)]


def _file_slices(doc: dict, files: int) -> list[dict[str, list[dict]]]:
    """The chunks of all groups dealt round-robin over the files (one running count)."""
    out: list[dict[str, list[dict]]] = [{} for _ in range(files)]
    j = 0
    for g, cases in doc["groups"].items():
        for k in range(0, len(cases), CHUNK[g]):
            out[j % files].setdefault(g, []).extend(cases[k:k + CHUNK[g]])
            j += 1
    return out


def _chunks(g: str, cases: list[dict]) -> Iterator[list[dict]]:
    for k in range(0, len(cases), CHUNK[g]):
        yield cases[k:k + CHUNK[g]]


def render_lean_file(groups: dict[str, list[dict]], module: str) -> str:
    """The Lean source of one vector module from corpus cases (spec T7).

    Parameters
    ----------
    groups : dict[str, list[dict]]
        The corpus cases of this module, by group.
    module : str
        The Lean module name (e.g. ``HopfieldTest.Vectors.V00``).

    Returns
    -------
    str
        The Lean source of the module: one kernel-checked ``decide`` fact per case (spec T7).
    """
    total = sum(len(v) for v in groups.values())
    counts = ", ".join(f"{len(v)} {g}" for g, v in groups.items())
    head = f"""module

public import {CHECK_MODULE}

/-!
# Differential test vectors {module.rsplit('.', 1)[-1]} (generated, spec T7)

GENERATED by `python3 -m pyref vectors` from the frozen corpus
`pyref/data/vectors/v2/corpus.json.gz`; do not edit by hand (a test checks that this file
equals the generator's output). Each `cK` is a literal list of case records (inputs and
pyref's outputs); `cK_holds` is the kernel's check that every record satisfies `Holds`,
a conjunction of facts about the spec definitions (`HopfieldTest.VectorCheck`).

## Main definitions

* the record lists `cK`

## Main results

* {total} kernel-checked cases ({counts})
-/

@[expose] public section

noncomputable section

namespace {module}

open HopfieldTest
"""
    body = []
    k = 0
    for g, cases in groups.items():
        typ, lit = _RECORD[g]
        for ch in _chunks(g, cases):
            ids = f"{ch[0]['id']} .. {ch[-1]['id']}"
            recs = ",\n  ".join(_raw_nats(lit(c)) for c in ch)
            body.append(f"/-- Corpus cases {ids} (spec T7). -/\n"
                        f"noncomputable def c{k} : List {typ} := [\n  {recs}]\n\n"
                        f"/-- The kernel checks cases {ids} (spec T7). -/\n"
                        f"theorem c{k}_holds : ∀ c ∈ c{k}, c.Holds :=\n"
                        f"  {typ}.holds_of_all c{k} (by decide +kernel)\n")
            k += 1
    tail = f"\nend {module}\n\nend\n\nend\n"
    return head + "\n" + "\n".join(body) + tail


def render_lean_files(doc: dict | None = None, files: int = FILES) -> dict[str, str]:
    """``{file name: source}`` of every vector file, from the corpus (default: the frozen
    one).

    Parameters
    ----------
    doc : dict or None
        A corpus document (``None``: the frozen packaged corpus, :func:`load_corpus`).
    files : int >= 1
        Number of vector files (Lean modules ``V00``, ``V01``, ...).

    Returns
    -------
    dict[str, str]
        ``{'V00.lean': source, ...}`` for every vector file.
    """
    doc = load_corpus() if doc is None else doc
    return {mod.rsplit(".", 1)[-1] + ".lean": render_lean_file(groups, mod)
            for mod, groups in zip(module_names(files), _file_slices(doc, files))}


def write_lean_files(lean_root: Path, doc: dict | None = None, files: int = FILES
                     ) -> list[Path]:
    """(Re)write ``lean_root/HopfieldTest/Vectors/V*.lean`` from the corpus; returns the
    paths written.

    Parameters
    ----------
    lean_root : pathlib.Path
        The ``lean/`` directory of the checkout.
    doc : dict or None
        A corpus document (``None``: the frozen packaged corpus, :func:`load_corpus`).
    files : int >= 1
        Number of vector files (Lean modules ``V00``, ``V01``, ...).

    Returns
    -------
    list[pathlib.Path]
        The files ``lean_root/HopfieldTest/Vectors/V*.lean`` written.
    """
    out_dir = Path(lean_root) / "HopfieldTest" / "Vectors"
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, src in render_lean_files(doc, files).items():
        path = out_dir / name
        path.write_text(src, encoding="utf-8")
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- version 1 (legacy)
# The seeded cases of the version-1 conformance file ``pyref/data/conformance-v1.json``
# (frozen there; ``pyref.conform.generate_vectors`` re-derives that file from them).  They
# are no longer stated in Lean: the kernel-checked cases are the v2 corpus above, which the
# conformance kit runs as well (``pyref.conform.fixed_cases``).

VECTOR_FILES = 6
CASES_PER_FILE = 170
BASE_SEED = 20261125


@dataclass(frozen=True)
class ClassicalCase:
    """One classical differential case and pyref's outputs for it."""

    seed: int
    n: int
    W: list[list[int]]
    theta: list[int]
    s: list[int]
    tie: str
    schedule: list[int]
    trajectory: list[list[int]]
    energies: list[int]
    sync: list[int]
    sync_steps: int
    sync_state: list[int]
    sync_kind: str
    final_fixed: bool


@dataclass(frozen=True)
class HebbianCase:
    """A Hebbian case: patterns, the integer Hebbian weights, a probe and its field."""

    seed: int
    n: int
    patterns: list[list[int]]
    W: list[list[int]]
    probe: list[int]
    field: list[int]
    sync: list[int]


def classical_case(seed: int) -> ClassicalCase:
    """A seeded random symmetric zero-diagonal integer network, state, schedule, tie rule.

    Parameters
    ----------
    seed : int >= 0
        Seed of the draw (``numpy.random.default_rng(seed)``); the same seed gives the same
        case.

    Returns
    -------
    ClassicalCase
        A symmetric zero-diagonal integer network of 1-6 neurons, thresholds, a start state, a
        schedule, a tie rule and pyref's results on them.
    """
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 7))
    A = rng.integers(-3, 4, size=(n, n))
    W = np.triu(A, 1)
    W = W + W.T
    theta = rng.integers(-2, 3, size=n)
    s = rng.choice([-1, 1], size=n)
    tie = "keep" if rng.random() < 0.5 else "plus"
    schedule = rng.integers(0, n, size=int(rng.integers(0, 2 * n + 2))).tolist()
    traj = classical.trajectory(W, theta, s, schedule, tie)
    k, x, kind = sync_limit(W, theta, s, tie)
    return ClassicalCase(
        seed=seed, n=n, W=_ints(W), theta=_ints(theta), s=_ints(s), tie=tie,
        schedule=[int(i) for i in schedule],
        trajectory=[_ints(t) for t in traj],
        energies=[int(classical.energy(W, theta, t)) for t in traj],
        sync=_ints(classical.sync_step(W, theta, s, tie)),
        sync_steps=k, sync_state=_ints(x), sync_kind=kind,
        final_fixed=classical.is_fixed_point(W, theta, traj[-1], tie),
    )


def hebbian_case(seed: int) -> HebbianCase:
    """Seeded random patterns (not necessarily orthogonal), their Hebbian weights, a probe.

    Parameters
    ----------
    seed : int >= 0
        Seed of the draw (``numpy.random.default_rng(seed)``).

    Returns
    -------
    HebbianCase
        Random +-1 patterns of 2-7 neurons, their Hebbian weights, a probe and its field.
    """
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 8))
    m = int(rng.integers(1, 4))
    P = rng.choice([-1, 1], size=(m, n))
    W = learning.hebbian(P)
    probe = rng.choice([-1, 1], size=n)
    return HebbianCase(
        seed=seed, n=n, patterns=_ints(P), W=_ints(W), probe=_ints(probe),
        field=_ints(classical.field(W, probe)),
        sync=_ints(classical.sync_step(W, np.zeros(n, dtype=int), probe)),
    )


def generate(files: int = VECTOR_FILES, per_file: int = CASES_PER_FILE,
             base_seed: int = BASE_SEED) -> list[list[ClassicalCase | HebbianCase]]:
    """The cases of each vector file: 4 classical cases for each Hebbian one.

    Parameters
    ----------
    files : int >= 1
        Number of vector files.
    per_file : int >= 1
        Cases per file.
    base_seed : int >= 0
        Case ``c`` of file ``f`` is drawn with the seed ``base_seed + 1000 f + c``.

    Returns
    -------
    list[list[ClassicalCase | HebbianCase]]
        One list per file of ``per_file`` cases: every fifth case (``c % 5 == 4``) Hebbian, the
        others classical.
    """
    if files < 1 or per_file < 1:
        raise ValueError(f"files and per_file must be >= 1, got {files}, {per_file}")
    out = []
    for f in range(files):
        cases: list[ClassicalCase | HebbianCase] = []
        for c in range(per_file):
            seed = base_seed + 1000 * f + c
            cases.append(hebbian_case(seed) if c % 5 == 4 else classical_case(seed))
        out.append(cases)
    return out
