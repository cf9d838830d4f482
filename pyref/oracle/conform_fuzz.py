"""Differential fuzzing for the conformance kit (``pyref conform ADAPTER --fuzz N --seed
S``; spec T7 "the oracle"), in the style of differential testing against a verified model.

For every adapter function present, Hypothesis (an optional dependency) draws ``N`` fresh
cases -- sizes ``n <= 6``, small integer weights (so ties are frequent), thresholds (zero
with ``--no-thresholds``), start states, schedules, pattern sets, RBMs with
``nv, nh <= 3``, Hopfield-layer inputs -- and compares the adapter with pyref under the
adapter's conventions (:class:`pyref.conform.Conventions`).
A mismatch is shrunk by Hypothesis to a minimal case, printed as a JSON case and a short
Python reproducer, and (with ``--save DIR``) written to a local corpus that later runs
replay first.  With ``properties=True`` the property checks
(:func:`pyref.conform.property_checks`) run on fuzzed cases too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Iterator

import numpy as np

from . import conform as cf

__all__ = ["CASE_FORMAT", "FuzzFailure", "fuzz", "replay_corpus", "reproducer",
           "case_json", "load_case"]

CASE_FORMAT = "pyref-conform-case"
MAX_N = 6


@dataclass
class FuzzFailure:
    """A minimal failing case: the function, the case (JSON-ready, spec coordinates) and
    the mismatches it gives."""

    function: str
    case: dict
    mismatches: list

    def __str__(self) -> str:
        return f"FUZZ {self.function}: minimal failing case after shrinking"


def need_hypothesis() -> ModuleType:
    """The ``hypothesis`` module, or a clear error saying how to install it."""
    try:
        import hypothesis
    except ImportError as exc:
        raise ValueError("--fuzz needs the optional dependency hypothesis (pip install "
                         "'hypothesis>=6.100', or pip install hopfield-pyref[dev])") from exc
    return hypothesis


def _strategies(conv: cf.Conventions) -> tuple[Any, Any, Any, Any]:
    from hypothesis import strategies as st

    @st.composite
    def classical(draw: Any) -> dict:
        n = draw(st.integers(1, MAX_N))
        upper = draw(st.lists(st.integers(-2, 2), min_size=n * (n - 1) // 2,
                              max_size=n * (n - 1) // 2))
        W = np.zeros((n, n), dtype=np.int64)
        W[np.triu_indices(n, 1)] = upper
        W = W + W.T
        if conv.thresholds:
            theta = np.array(draw(st.lists(st.integers(-2, 2), min_size=n, max_size=n)))
        else:
            theta = cf.zero_threshold_theta(W, conv)
        s = draw(st.lists(st.sampled_from([-1, 1]), min_size=n, max_size=n))
        sched = draw(st.lists(st.integers(0, n - 1), max_size=2 * n))
        return {"kind": "classical", "input": cf.classical_input(W, theta, s, sched)}

    @st.composite
    def patterns(draw: Any) -> dict:
        n = draw(st.integers(1, MAX_N))
        m = draw(st.integers(1, 4))
        P = draw(st.lists(st.lists(st.sampled_from([-1, 1]), min_size=n, max_size=n),
                          min_size=m, max_size=m))
        return {"kind": "learning", "input": {"patterns": P}}

    @st.composite
    def rbm_case(draw: Any) -> dict:
        nv, nh = draw(st.integers(1, 3)), draw(st.integers(1, 3))
        W = draw(st.lists(st.lists(st.integers(-2, 2), min_size=nh, max_size=nh),
                          min_size=nv, max_size=nv))
        tv = draw(st.lists(st.integers(-1, 1), min_size=nv, max_size=nv))
        th = draw(st.lists(st.integers(-1, 1), min_size=nh, max_size=nh))
        return {"kind": "rbm", "input": {"W": W, "theta_v": tv, "theta_h": th}}

    @st.composite
    def layer_case(draw: Any) -> dict:
        S, N = draw(st.integers(1, 3)), draw(st.integers(1, 4))
        d_r, d_y, d_k = (draw(st.integers(1, 3)) for _ in range(3))
        num = st.floats(-2, 2, allow_nan=False, allow_infinity=False, width=32)

        def mat(r: int, c: int) -> list:
            return draw(st.lists(st.lists(num, min_size=c, max_size=c), min_size=r,
                                 max_size=r))

        mask = None
        if draw(st.booleans()):
            mask = mat_bool = draw(st.lists(st.lists(st.booleans(), min_size=N, max_size=N),
                                            min_size=S, max_size=S))
            for row in mat_bool:
                if not any(row):
                    row[0] = True
        inp = {"R": mat(S, d_r), "Y": mat(N, d_y), "W_Q": mat(d_r, d_k),
               "W_K": mat(d_y, d_k), "W_V": mat(d_k, d_k),
               "beta": draw(st.floats(0.125, 2, width=32)), "steps": draw(st.integers(1, 3)),
               "mask": mask}
        return {"kind": "layer", "input": inp}

    return classical(), patterns(), rbm_case(), layer_case()


def _check_case(ch: cf.Checker, cid: str, case: dict, conv: cf.Conventions,
                only: tuple[str, ...] | None, properties: bool, seed: int) -> None:
    if case["kind"] == "classical":
        cf.classical_checks(ch, cid, case["input"], conv, None, only)
        if properties and (only is None or set(only) & set(cf.PROPERTY_FUNCTIONS)):
            sub = _Only(ch.adapter, only) if only is not None else ch.adapter
            cf.property_checks(cf.Checker(sub, ch.report), cid, case["input"], conv, seed)
    elif case["kind"] == "rbm":
        cf.rbm_checks(ch, cid, case["input"], only)
    elif case["kind"] == "layer":
        cf.layer_checks(ch, cid, case["input"], only)
    else:
        cf.learning_checks(ch, cid, case["input"]["patterns"], conv, only)


class _Only:
    """The adapter restricted to some functions (the others look absent)."""

    def __init__(self, adapter: Any, names: tuple[str, ...]) -> None:
        self._a, self._names = adapter, names

    def __getattr__(self, name: str) -> Any:
        if name in self._names:
            return getattr(self._a, name)
        raise AttributeError(name)


def case_json(function: str, case: dict, conv: cf.Conventions) -> dict:
    """A failing case as a JSON document (format ``pyref-conform-case``, version 1).

    Parameters
    ----------
    function : str
        Name of the adapter function that failed.
    case : dict
        The case: ``kind`` and JSON-ready ``input`` in spec coordinates.
    conv : pyref.conform.Conventions
        The library's conventions (tie rule, spins, normalisations, thresholds).

    Returns
    -------
    dict
        The JSON document ``{format, version: 1, function, kind, input, conventions}`` of format
        ``pyref-conform-case``.
    """
    return {"format": CASE_FORMAT, "version": 1, "function": function,
            "kind": case["kind"], "input": case["input"], "conventions": conv.as_dict()}


def load_case(path: Path | str) -> dict:
    """Read one saved case (raises ValueError saying what is wrong).

    Parameters
    ----------
    path : str or pathlib.Path
        A saved case file (written by :func:`fuzz` with ``save_dir``).

    Returns
    -------
    dict
        The case document, its format, version and fields checked.
    """
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"corpus case {path}: unreadable ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("format") != CASE_FORMAT or \
            doc.get("version") != 1 or \
            doc.get("kind") not in ("classical", "learning", "rbm", "layer"):
        raise ValueError(f"corpus case {path}: expected a {CASE_FORMAT!r} version-1 case "
                         f"of kind classical, learning, rbm or layer")
    return doc


def reproducer(m: cf.Mismatch, adapter_spec: str, note: str = "") -> str:
    """A short Python script that calls the adapter on the mismatch's arguments and
    asserts pyref's answer.

    Parameters
    ----------
    m : pyref.conform.Mismatch
        The mismatch to reproduce (function, arguments, expected value).
    adapter_spec : str
        How the script loads the adapter (a module name or a ``.py`` path).
    note : str
        Optional comment line put at the top of the script.

    Returns
    -------
    str
        Python source that loads the adapter, calls the function on the mismatch's arguments and
        asserts ``same(expected, got)``.
    """
    lines = ["import numpy as np", "from pyref.conform import load_adapter, same",
             f"A = load_adapter({adapter_spec!r})"]
    names = []
    for k, v in m.args:
        lines.append(f"{k} = np.array({json.dumps(v)})" if isinstance(v, list)
                     else f"{k} = {v!r}")
        names.append(k)
    fn = m.function.split(":")[0]
    lines.append(f"got = A.{fn}({', '.join(names)})")
    if ":" in m.function:
        lines.append(f"# property {m.function}: {m.expected}; pyref found: {m.got}")
        lines.append("print(got)")
    else:
        exp = repr(cf.enc_show(m.expected_value))
        lines.append(f"expected = {exp}  # pyref{(', ' + note) if note else ''}")
        lines.append("assert same(expected, got), (expected, got)")
    return "\n".join(lines)


def _save(save_dir: Path, doc: dict) -> Path:
    save_dir.mkdir(parents=True, exist_ok=True)
    blob = json.dumps(doc, sort_keys=True)
    path = save_dir / f"{doc['function'].replace(':', '-')}-" \
                      f"{hashlib.sha256(blob.encode()).hexdigest()[:10]}.json"
    path.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    return path


def replay_corpus(adapter: object, save_dir: Path | str, conv: cf.Conventions,
                  report: cf.ConformanceReport, properties: bool = False) -> int:
    """Re-check every saved case of ``save_dir`` (all functions, current conventions);
    returns the number of cases replayed.

    Parameters
    ----------
    adapter : module or object
        The adapter under test (:func:`pyref.conform.load_adapter`): its functions are called
        with spec-coordinate inputs translated to its conventions.
    save_dir : str or pathlib.Path
        Directory of saved cases (missing: nothing to replay).
    conv : pyref.conform.Conventions
        The library's conventions (tie rule, spins, normalisations, thresholds).
    report : pyref.conform.ConformanceReport
        The report the checks are recorded in.
    properties : bool
        Also run the property checks on each case.

    Returns
    -------
    int
        The number of saved cases replayed (0 when ``save_dir`` does not exist).
    """
    d = Path(save_dir)
    if not d.is_dir():
        return 0
    ch = cf.Checker(adapter, report)
    paths = sorted(d.glob("*.json"))
    for k, p in enumerate(paths):
        doc = load_case(p)
        _check_case(ch, f"corpus:{p.name}", doc, conv, None, properties, k)
    report.sections["corpus"] = report.sections.get("corpus", 0) + len(paths)
    return len(paths)


def _failure_class(m: cf.Mismatch) -> str:
    """``exception <Type>`` or ``wrong value``: fuzzing looks for one minimal case of each."""
    return m.got.split(":")[0] if m.got.startswith("exception ") else "wrong value"


def _make_body(adapter: Any, conv: cf.Conventions, name: str, properties: bool, seed: int,
               last: dict, count: list, found: set) -> Any:
    """The Hypothesis test body for one function: check a case, keep the last failure;
    failures of a class already found (``found``) count as passing."""

    def body(case: dict) -> None:
        count[0] += 1
        scratch = cf.ConformanceReport(conventions=conv)
        _check_case(cf.Checker(adapter, scratch), "fuzz", case, conv, (name,),
                    properties, seed)
        new = [m for m in scratch.mismatches if _failure_class(m) not in found]
        if new:
            last["case"], last["mismatches"] = case, new
            raise AssertionError(str(new[0]))

    return body


def _fails(adapter: Any, conv: cf.Conventions, name: str, properties: bool, seed: int,
           case: dict, cls: str) -> list:
    scratch = cf.ConformanceReport(conventions=conv)
    _check_case(cf.Checker(adapter, scratch), "fuzz", case, conv, (name,), properties, seed)
    return [m for m in scratch.mismatches if _failure_class(m) == cls]


def _smaller(case: dict, conv: cf.Conventions) -> Iterator[dict]:
    """Candidate simplifications of a classical case: drop a neuron, zero a weight pair,
    zero a threshold, shorten the schedule."""
    inp = case["input"]
    W, th, s, sched = (np.array(inp["W"]), np.array(inp["theta"]), list(inp["s"]),
                       list(inp["schedule"]))
    n = len(s)

    def make(W2: np.ndarray, th2: Any, s2: list, sc2: list) -> dict:
        if not conv.thresholds:
            th2 = cf.zero_threshold_theta(W2, conv)
        return {"kind": "classical", "input": cf.classical_input(W2, th2, s2, sc2)}

    if sched:
        yield make(W, th, s, [])
    for i in range(n):
        if n > 1:
            keep = [j for j in range(n) if j != i]
            yield make(W[np.ix_(keep, keep)], th[keep], [s[j] for j in keep],
                       [j - (j > i) for j in sched if j != i])
    for i in range(n):
        for j in range(i + 1, n):
            if W[i, j]:
                W2 = W.copy()
                W2[i, j] = W2[j, i] = 0
                yield make(W2, th, s, sched)
    for i in range(n):
        if th[i] and conv.thresholds:
            th2 = th.copy()
            th2[i] = 0
            yield make(W, th2, s, sched)


def _minimise(adapter: Any, conv: cf.Conventions, name: str, properties: bool, seed: int,
              case: dict, mismatches: list) -> tuple[dict, list]:
    """Greedy deterministic pass after Hypothesis's shrinking (classical cases): keep any
    simplification that fails in the same class, until none does."""
    if case["kind"] != "classical":
        return case, mismatches
    cls = _failure_class(mismatches[0])
    for _ in range(200):
        for cand in _smaller(case, conv):
            got = _fails(adapter, conv, name, properties, seed, cand, cls)
            if got:
                case, mismatches = cand, got
                break
        else:
            break
    return case, mismatches


def fuzz(adapter: object, conv: cf.Conventions, examples: int, seed: int = 0, *,
         report: cf.ConformanceReport | None = None, properties: bool = False,
         save_dir: Path | str | None = None) -> cf.ConformanceReport:
    """Differential fuzzing: ``examples`` Hypothesis cases per adapter function; the
    minimal failing case of each function (after shrinking) is added to the report's
    mismatches and ``fuzz_failures`` (and saved under ``save_dir``).  After a failure the
    search goes on (up to three rounds) for a failure of another class (a wrong value vs.
    an exception of another type), so a crash on tiny inputs does not hide a wrong
    answer on larger ones.  ``seed``: an int from which every Hypothesis seed is derived,
    so a run is reproducible (``None`` is not accepted).

    Parameters
    ----------
    adapter : module or object
        The adapter under test (:func:`pyref.conform.load_adapter`).
    conv : pyref.conform.Conventions
        The library's conventions (tie rule, spins, normalisations, thresholds).
    examples : int >= 1
        Hypothesis examples per adapter function.
    seed : int
        Every Hypothesis seed is derived from it, so a run is reproducible; ``None`` is not
        accepted.
    report : pyref.conform.ConformanceReport or None
        Report to add to (``None``: a new one).
    properties : bool
        Also fuzz the property functions (``PROPERTY_FUNCTIONS`` of :mod:`pyref.conform`).
    save_dir : str, pathlib.Path or None
        Directory where the minimal failing cases are saved (replayed first by the next run).

    Returns
    -------
    pyref.conform.ConformanceReport
        The report, with the examples run per function in ``fuzz``, the minimal failing case of
        each failure class in ``fuzz_failures`` and its mismatches in ``mismatches``.
    """
    hyp = need_hypothesis()
    from hypothesis import HealthCheck, Phase, Verbosity, given, settings

    if examples < 1:
        raise ValueError(f"--fuzz: got {examples}; expected a positive number of cases")
    report = report if report is not None else cf.ConformanceReport(conventions=conv)
    probe = cf.Checker(adapter, report)
    classical_st, patterns_st, rbm_st, layer_st = _strategies(conv)
    groups = [(n, classical_st) for n in cf.CLASSICAL_FUNCTIONS] + \
             [(n, patterns_st) for n in cf.LEARNING_FUNCTIONS] + \
             [(n, rbm_st) for n in cf.RBM_FUNCTIONS] + \
             [(n, layer_st) for n in cf.LAYER_FUNCTIONS] + \
             ([(n, classical_st) for n in cf.PROPERTY_FUNCTIONS] if properties else [])
    for gi, (name, strategy) in enumerate(groups):
        if probe.fn(name) is None:
            continue
        found: set = set()
        for rnd in range(3):               # up to 3 failure classes per function
            last: dict = {}
            count = [0]
            body = _make_body(adapter, conv, name, properties, seed, last, count, found)
            test = settings(max_examples=examples, deadline=None, database=None,
                            suppress_health_check=list(HealthCheck), derandomize=False,
                            report_multiple_bugs=False, print_blob=False,
                            phases=[Phase.generate, Phase.shrink],
                            verbosity=Verbosity.quiet)(given(strategy)(body))
            test = hyp.seed(seed * 1000 + gi * 10 + rnd)(test)
            try:
                test()
            except Exception:                  # AssertionError, or Hypothesis's Flaky*
                if "case" not in last:
                    raise
            report.fuzz[name] = report.fuzz.get(name, 0) + count[0]
            if "case" not in last:
                break
            small, mms = _minimise(adapter, conv, name, properties, seed, last["case"],
                                   last["mismatches"])
            last["case"] = small
            ms = [cf.Mismatch(f"fuzz-{name}", m.function, m.call, m.expected, m.got,
                              m.expected_value, m.got_value, m.args) for m in mms]
            found.add(_failure_class(ms[0]))
            report.mismatches.extend(ms)
            doc = case_json(name, last["case"], conv)
            report.fuzz_failures.append(FuzzFailure(name, doc, ms))
            if save_dir is not None:
                _save(Path(save_dir), doc)
    report.sections["fuzz"] = report.sections.get("fuzz", 0) + sum(report.fuzz.values())
    return report


def format_failures(report: cf.ConformanceReport, adapter_spec: str) -> list[str]:
    """Lines printing each minimal fuzz failure: JSON case and Python reproducer."""
    out = []
    for f in report.fuzz_failures:
        out.append(str(f))
        out.append("  case: " + json.dumps(f.case, separators=(",", ":")))
        out.append("  reproducer:")
        note = report.conventions.describe()
        out += ["    " + ln for ln in
                reproducer(f.mismatches[0], adapter_spec, note).splitlines()]
    return out
