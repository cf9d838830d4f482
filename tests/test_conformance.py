"""The conformance kit (pyref/conform.py, pyref/conform_fuzz.py, ``pyref conform``): the
committed vectors are up to date and well-formed, a correct independent numpy adapter
passes, an adapter with planted classic bugs is caught (with case ids and both outputs),
an empty adapter fails, every convention is an option, differential fuzzing finds and
shrinks the bugs of the bundled buggy adapters (the dhnn-like "last neuron never updated"
scheduler included), a saved corpus is replayed, property mode checks a library's own
trajectories, and the CLI exit status says pass (0) / failure (1) / usage error (2)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import types
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from pyref import conform
from pyref.cli import main

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:              # `pytest` (not `python -m pytest`) from elsewhere
    sys.path.insert(0, str(ROOT))

from tests.adapters import (  # noqa: E402
    numpy_buggy,
    numpy_correct,
    numpy_variants,
    scheduler_buggy,
    scheduler_correct,
)
from pyref import conform_fuzz  # noqa: E402


@pytest.fixture(scope="module")
def doc():
    return conform.load_vectors()


def test_committed_vectors_are_up_to_date(doc):
    # the committed file is exactly what generate_vectors() produces (regenerate with
    # `pyref conform --write-vectors pyref/data/conformance-v1.json`)
    assert doc == json.loads(json.dumps(conform.generate_vectors()))
    kinds = [c["kind"] for c in doc["cases"]]
    assert kinds.count("classical") == 816 and kinds.count("hebbian") == 204
    assert kinds.count("kernel") == 40 and kinds.count("boltzmann") == 40


def test_vectors_contain_the_lean_checked_cases(doc):
    from pyref import vectors
    by_id = {c["id"]: c for c in doc["cases"]}
    for group in vectors.generate():
        for c in group:
            if isinstance(c, vectors.ClassicalCase):
                e = by_id[f"classical-{c.seed}"]
                assert e["lean_tie"] == c.tie
                assert e["expected"][c.tie]["trajectory"] == c.trajectory
                assert e["expected"][c.tie]["sync_step"] == c.sync
            else:
                assert by_id[f"hebbian-{c.seed}"]["expected"]["integer"] == c.W


def test_vectors_hand_checks(doc):
    # n = 1 kernel cases: w = (a, b) -> every row of K_0 is (a/(a+b), b/(a+b)).
    ones = [c for c in doc["cases"] if c["kind"] == "kernel" and len(c["input"]["w"]) == 2]
    assert ones
    for c in ones:
        a, b = c["input"]["w"]
        row = [Fraction(a, a + b), Fraction(b, a + b)]
        K = [[Fraction(str(x)) for x in r] for r in c["expected"]["site_kernel"][0]]
        assert K == [row, row]
    # Hebbian "1/n" entries are the integer entries divided by n
    c = next(c for c in doc["cases"] if c["kind"] == "hebbian")
    n = len(c["input"]["patterns"][0])
    assert [[Fraction(str(x)) for x in r] for r in c["expected"]["1/n"]] == \
        [[Fraction(x, n) for x in r] for r in c["expected"]["integer"]]


def test_vectors_hand_examples(doc):
    by_id = {c["id"]: c for c in doc["cases"]}
    # classical-20261125: W = [[0,-3,-3],[-3,0,-2],[-3,-2,0]], theta = (-1,-2,-1), s = (1,1,1)
    # field = (-3-3, -3-2, -3-2) = (-6,-5,-5); E(1,1,1) = -(-3-3-2) + (-1-2-1) = 8 - 4 = 4;
    # step at 0: h_0 = -6 < -1 -> s_0 = -1; E(-1,1,1) = -(3+3-2) + (1-2-1) = -4 - 2 = -6.
    c = by_id["classical-20261125"]
    assert c["input"]["W"] == [[0, -3, -3], [-3, 0, -2], [-3, -2, 0]]
    assert c["expected"]["field"] == [-6, -5, -5]
    assert sorted(c["expected"]["energies"]) == [[[-1, 1, 1], -6], [[1, 1, 1], 4]]
    assert c["expected"]["keep"]["trajectory"][1] == [-1, 1, 1]
    # boltzmann-880040: W = 0, theta = (0,-1), q = 1/2: E(s) = -s_1, so states 0,1 (s_1 = -1)
    # have E = 1 and weight q^(1+1) = 1/4, states 2,3 have E = -1 and weight 1; Z' = 5/2:
    # pi = (1/10, 1/10, 2/5, 2/5).
    c = by_id["boltzmann-880040"]
    assert c["input"] == {"W": [[0, 0], [0, 0]], "theta": [0, -1], "q": "1/2"}
    assert c["expected"]["distribution"] == ["1/10", "1/10", "2/5", "2/5"]


def test_validate_rejects_malformed():
    with pytest.raises(ValueError, match="format"):
        conform.validate_vectors({"format": "x", "version": 1, "cases": []})
    with pytest.raises(ValueError, match="version"):
        conform.validate_vectors({"format": conform.FORMAT, "version": 2, "cases": [{}]})
    with pytest.raises(ValueError, match="non-empty"):
        conform.validate_vectors({"format": conform.FORMAT, "version": 1, "cases": []})
    bad = {"format": conform.FORMAT, "version": 1,
           "cases": [{"id": "a", "kind": "kernel", "input": {}, "expected": {}}]}
    with pytest.raises(ValueError, match="needs input keys"):
        conform.validate_vectors(bad)
    with pytest.raises(ValueError, match="tie"):
        conform.run_conformance(numpy_correct, tie="zero")
    with pytest.raises(ValueError, match="energy scale"):
        conform.Conventions(energy_scale=0)


def test_correct_adapter_passes(doc):
    r = conform.run_conformance(numpy_correct, doc)
    assert r.ok, "\n".join(map(str, r.mismatches[:5]))
    assert r.skipped == []
    assert set(r.checks) == set(conform.ADAPTER_FUNCTIONS) - set(conform.PROPERTY_FUNCTIONS)
    assert sum(r.checks.values()) > 9000
    assert "coverage: 17 of 19 functions checked" in r.summary()


def test_buggy_adapter_is_caught(doc):
    r = conform.run_conformance(numpy_buggy, doc)
    assert not r.ok
    failing = {m.function for m in r.mismatches}
    assert failing == {"hebbian", "sweep", "boltzmann_distribution"}
    assert r.passed.get("hebbian", 0) == 0           # every Hebbian W has a non-zero diagonal
    # the report names the case and shows both outputs; hand check on one Hebbian case:
    # patterns P (m x n): expected W_ii = 0, the bug gives W_ii = m.
    m = next(m for m in r.mismatches if m.function == "hebbian")
    case = next(c for c in doc["cases"] if c["id"] == m.case)
    P = np.array(case["input"]["patterns"])
    assert m.expected_value == case["expected"]["integer"]
    assert all(m.expected_value[i][i] == 0 for i in range(P.shape[1]))
    assert all(m.got_value[i][i] == P.shape[0] for i in range(P.shape[1]))
    assert m.case in str(m) and "expected" in str(m) and "got" in str(m)
    # the sweep bug only shows when the last neuron should move
    sw = next(m for m in r.mismatches if m.function == "sweep")
    assert sw.expected_value[:-1] == sw.got_value[:-1]
    assert sw.expected_value[-1] == -sw.got_value[-1]


def _plus_adapter():
    def new(h, t):
        return 1 if h >= t else -1

    def async_step(W, theta, s, i):
        s = np.array(s)
        s[i] = new(np.asarray(W)[i] @ s, theta[i])
        return s

    def sync_step(W, theta, s):
        h = np.asarray(W) @ np.asarray(s)
        return np.array([new(h[i], theta[i]) for i in range(len(s))])

    return types.SimpleNamespace(async_step=async_step, sync_step=sync_step,
                                 hebbian=lambda P: numpy_correct.hebbian(P) / len(P[0]))


def test_conventions_are_options(doc):
    plus = _plus_adapter()
    r = conform.run_conformance(plus, doc, tie="plus", normalisation="1/n")
    assert r.ok, "\n".join(map(str, r.mismatches[:5]))
    assert set(r.skipped) == set(conform.ADAPTER_FUNCTIONS) - {"async_step", "sync_step",
                                                               "hebbian"}
    # the same adapter under the other conventions: tie-dependent and Hebbian checks fail
    r2 = conform.run_conformance(plus, doc, tie="keep", normalisation="integer")
    assert {m.function for m in r2.mismatches} == {"async_step", "sync_step", "hebbian"}
    r3 = conform.run_conformance(numpy_correct, doc, tie="plus")
    assert {m.function for m in r3.mismatches} <= {"async_step", "sync_step", "sweep",
                                                   "is_fixed_point"}
    assert r3.mismatches


def test_partial_adapter_skips_and_exceptions_are_reported(doc):
    only_field = types.SimpleNamespace(field=numpy_correct.field)
    r = conform.run_conformance(only_field, doc)
    assert r.ok and len(r.skipped) == len(conform.ADAPTER_FUNCTIONS) - 1
    assert "SKIPPED" in r.summary() and "coverage: 1 of 19 functions checked" in r.summary()

    def boom(W, s):
        raise RuntimeError("not implemented for n = 1")

    r = conform.run_conformance(types.SimpleNamespace(field=boom), doc)
    assert not r.ok and "RuntimeError" in r.mismatches[0].got


def _cli(*argv):
    out = io.StringIO()
    return main(["conform", *argv], out=out), out.getvalue()


def test_cli_exit_codes(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)                 # adapters are named relative to the checkout
    rc, txt = _cli("tests.adapters.numpy_correct")
    assert rc == 0 and "PASS" in txt
    rc, txt = _cli("tests/adapters/numpy_buggy.py", "--max-report", "3")
    assert rc == 1 and "MISMATCH" in txt and "FAIL" in txt and "more mismatches" in txt
    rc, _ = _cli("no_such_adapter_module")
    assert rc == 2 and "cannot import" in capsys.readouterr().err
    broken = tmp_path / "broken_adapter.py"
    broken.write_text("raise RuntimeError('oops')\n")
    rc, _ = _cli(str(broken))
    assert rc == 2 and "RuntimeError: oops" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    rc, _ = _cli("tests.adapters.numpy_correct", "--vectors", str(bad))
    assert rc == 2
    small = tmp_path / "v.json"
    small.write_text(json.dumps(conform.generate_vectors(files=1, per_file=10,
                                                         kernel_cases=2,
                                                         boltzmann_cases=2)))
    rc, txt = _cli("tests.adapters.numpy_buggy", "--vectors", str(small),
                   "--tie", "keep", "--hebbian-normalisation", "integer")
    assert rc == 1 and "cases: 14 vectors" in txt
    rc, txt = _cli("--write-vectors", str(tmp_path / "w.json"))
    assert rc == 0 and "1100 conformance cases" in txt


def test_cli_subprocess_exit_status():
    r = subprocess.run([sys.executable, "-m", "pyref", "conform",
                        "tests/adapters/numpy_buggy.py", "--max-report", "1"],
                       cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 1, r.stderr
    assert r.stdout.count("MISMATCH") == 1


def test_json_schema_describes_the_vectors(doc):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "pyref" / "data" / "conformance-v1.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    # a sample of every kind (the whole file takes long to validate on a loaded machine)
    sample = dict(doc)
    sample["cases"] = [c for k in ("classical", "hebbian", "kernel", "boltzmann")
                       for c in [c for c in doc["cases"] if c["kind"] == k][:15]]
    jsonschema.validate(sample, schema, cls=jsonschema.Draft202012Validator)
    bad = json.loads(json.dumps(sample))
    bad["cases"][0]["input"]["s"] = [2]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema, cls=jsonschema.Draft202012Validator)


# --------------------------------------------------------------------------- issue 17

@pytest.fixture(scope="module")
def small():
    return conform.generate_vectors(files=1, per_file=60, kernel_cases=2, boltzmann_cases=2)


def test_empty_adapter_fails(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    empty = tmp_path / "empty_adapter.py"
    empty.write_text("x = 1\n")
    rc, txt = _cli(str(empty))
    assert rc == 1 and "implements none of the functions checked" in txt
    assert "coverage: 0 of 19 functions checked" in txt and "PASS" not in txt
    r = conform.run_conformance(types.SimpleNamespace(x=1))
    assert not r.ok and not r.mismatches and r.problems


def test_require(tmp_path, monkeypatch, small):
    monkeypatch.chdir(ROOT)
    vec = tmp_path / "v.json"
    vec.write_text(json.dumps(small))
    only_field = types.SimpleNamespace(field=numpy_correct.field)
    r = conform.run_conformance(only_field, small, require=["field", "sweep"])
    assert not r.ok and not r.mismatches
    assert r.problems == ["required function sweep: not provided by the adapter"]
    assert conform.run_conformance(only_field, small, require=["field"]).ok
    rc, txt = _cli("tests.adapters.numpy_correct", "--vectors", str(vec),
                   "--require", "field,storkey")
    assert rc == 0 and "PASS" in txt
    rc, txt = _cli("tests.adapters.scheduler_buggy", "--vectors", str(vec), "--tie", "minus",
                   "--require", "sweep")
    assert rc == 1 and "required function sweep" in txt
    rc, txt = _cli("tests.adapters.numpy_correct", "--vectors", str(vec), "--require", "foo")
    assert rc == 1 and "unknown function" in txt


VARIANTS = [
    (dict(tie="minus"), dict(tie="minus"), {"async_step", "sync_step", "sweep",
                                             "is_fixed_point"}),
    (dict(tie="plus", spins="01"), dict(tie="plus", spins="01", thresholds=False),
     {"async_step", "sync_step", "sweep", "is_fixed_point"}),
    (dict(hebbian="1/m"), dict(hebbian="1/m"), {"hebbian"}),
    (dict(hebbian="1/n"), dict(hebbian="1/n"), {"hebbian"}),
    (dict(storkey="keep"), dict(storkey_diagonal="keep"), {"storkey"}),
    (dict(energy="half-quadratic", scale=0.5),
     dict(energy="half-quadratic", energy_scale=Fraction(1, 2)), {"energy"}),
]


@pytest.mark.parametrize("adapter_kw, conv_kw, differs", VARIANTS)
def test_each_convention_is_an_option(small, adapter_kw, conv_kw, differs):
    adapter = numpy_variants.make(**adapter_kw)
    conv = conform.Conventions(**conv_kw)
    r = conform.run_conformance(adapter, small, conventions_=conv)
    assert r.ok, "\n".join(map(str, r.mismatches[:3]))
    assert conform_fuzz.fuzz(adapter, conv, 15, seed=3).ok
    # the same library checked under the spec defaults fails exactly where they differ
    r0 = conform.run_conformance(adapter, small)
    assert {m.function for m in r0.mismatches} == differs


def test_no_thresholds_and_01_cases(small):
    conv = conform.Conventions(thresholds=False)
    srcs = [src for src, *_ in conform.fixed_cases(small, conv)]
    assert "derived" in srcs
    for _, cid, inp, _ in conform.fixed_cases(small, conv):
        if cid.startswith("classical"):
            assert inp["theta"] == [0] * len(inp["s"])
    # 0/1 states, no thresholds: the spec thresholds are -W 1 so that t = (theta + W 1)/2 = 0
    conv01 = conform.Conventions(thresholds=False, spins="01")
    for _, cid, inp, _ in conform.fixed_cases(small, conv01):
        if cid.startswith("classical"):
            assert inp["theta"] == [-sum(r) for r in inp["W"]]
    # the adapter sees 0/1 states and zero thresholds
    seen = []

    def sync_step(W, theta, s):
        seen.append((theta.tolist(), s.tolist()))
        return numpy_variants.make(tie="plus", spins="01").sync_step(W, theta, s)

    r = conform.run_conformance(types.SimpleNamespace(sync_step=sync_step), small,
                                conventions_=conform.Conventions(tie="plus", spins="01",
                                                                 thresholds=False))
    assert r.ok and seen
    assert all(set(x) <= {0, 1} and not any(t) for t, x in seen)


def test_fuzz_finds_and_shrinks_the_last_neuron_bug():
    conv = conform.Conventions(tie="minus", thresholds=False)
    r = conform_fuzz.fuzz(scheduler_buggy, conv, 40, seed=0, properties=True)
    assert not r.ok
    [f] = r.fuzz_failures
    assert f.function == "is_fixed_point"
    inp = f.case["input"]
    # minimal: one neuron (or two), zero weights; the library calls a non-fixed state fixed
    assert len(inp["s"]) <= 2 and not any(any(row) for row in inp["W"])
    m = f.mismatches[0]
    assert m.expected_value is False and m.got_value is True
    # independent check of the verdict: with zero weights the field is 0 = theta, a tie,
    # and tie "minus" sends a +1 neuron to -1, so a state with a +1 is not fixed
    assert 1 in inp["s"]
    # the reproducer is runnable and fails the same way
    code = conform_fuzz.reproducer(m, str(ROOT / "tests/adapters/scheduler_buggy.py"))
    with pytest.raises(AssertionError):
        exec(compile(code, "<reproducer>", "exec"), {})
    # the fixed scheduler passes the same fuzzing and the property checks
    ok = conform_fuzz.fuzz(scheduler_correct, conv, 40, seed=0, properties=True)
    assert ok.ok, "\n".join(map(str, ok.mismatches[:3]))
    assert ok.fuzz["is_fixed_point"] == 40 and ok.fuzz["run_async"] == 40


def test_fuzz_finds_the_planted_bugs():
    r = conform_fuzz.fuzz(numpy_buggy, conform.Conventions(), 30, seed=1)
    failing = {f.function: f for f in r.fuzz_failures}
    assert set(failing) == {"hebbian", "sweep"}
    # shrunk to one 1-neuron pattern: expected W = [[0]], the bug gives [[1]]
    h = failing["hebbian"]
    assert h.case["input"]["patterns"] in ([[1]], [[-1]])
    assert h.mismatches[0].expected_value == [[0]] and h.mismatches[0].got_value == [[1]]
    # the sweep bug needs the last neuron to move: n = 1 already shows it
    sw = failing["sweep"].mismatches[0]
    assert sw.expected_value[-1] == -sw.got_value[-1]
    assert conform_fuzz.fuzz(numpy_correct, conform.Conventions(), 10, seed=1).ok


def test_save_corpus_is_replayed_first(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    corpus = tmp_path / "corpus"
    rc, txt = _cli("tests.adapters.scheduler_buggy", "--tie", "minus", "--no-thresholds",
                   "--skip-vectors", "--fuzz", "40", "--seed", "2", "--save", str(corpus))
    assert rc == 1 and "FUZZ is_fixed_point" in txt and "reproducer:" in txt
    saved = sorted(corpus.glob("*.json"))
    assert len(saved) == 1
    doc = conform_fuzz.load_case(saved[0])
    assert doc["function"] == "is_fixed_point" and doc["conventions"]["tie"] == "minus"
    case_line = next(ln for ln in txt.splitlines() if ln.startswith("  case: "))
    assert json.loads(case_line[len("  case: "):]) == doc
    # replay only (no vectors, no fuzzing): the saved case fails again
    rc, txt = _cli("tests.adapters.scheduler_buggy", "--tie", "minus", "--no-thresholds",
                   "--skip-vectors", "--save", str(corpus))
    assert rc == 1 and "cases: 1 corpus" in txt and "MISMATCH corpus:" in txt
    # the fixed library passes the corpus
    rc, txt = _cli("tests.adapters.scheduler_correct", "--tie", "minus", "--no-thresholds",
                   "--skip-vectors", "--save", str(corpus))
    assert rc == 0
    (corpus / "bad.json").write_text("{}")
    rc, _ = _cli("tests.adapters.scheduler_correct", "--skip-vectors", "--save", str(corpus))
    assert rc == 2


def test_fuzz_without_hypothesis_is_a_clear_error(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    rc, _ = _cli("tests.adapters.numpy_correct", "--fuzz", "5")
    assert rc == 2 and "optional dependency hypothesis" in capsys.readouterr().err


def _bad_runs():
    def run_async(W, theta, s, seed):
        # claims convergence after one flip of neuron 0 to +1 whatever its field
        t = np.array(s)
        t[0] = 1
        return [np.array(s), t], True

    def run_sync(W, theta, s):
        return [np.array(s), -np.array(s)], True   # "steps" to -s and claims to be done

    return types.SimpleNamespace(run_async=run_async, run_sync=run_sync)


def test_property_mode(small):
    r = conform.run_conformance(numpy_correct, small, properties=True)
    assert r.ok, "\n".join(map(str, r.mismatches[:3]))
    for k in ("run_async:energy", "run_async:flips", "run_async:fixed_point",
              "run_sync:steps", "run_sync:end"):
        assert r.checks[k] > 0 and r.passed[k] == r.checks[k]
    bad = conform.run_conformance(_bad_runs(), small, properties=True)
    failed = {m.function for m in bad.mismatches}
    assert {"run_async:energy", "run_async:flips", "run_async:fixed_point",
            "run_sync:steps", "run_sync:end"} <= failed
    m = next(m for m in bad.mismatches if m.function == "run_async:energy")
    assert "E rose" in m.got and m.case in str(m)
    # hand check: W = [[0, 1], [1, 0]], theta = 0, s = (-1, -1): flipping neuron 0 to +1
    # against its field -1 raises E from -1 to +1
    one = conform.ConformanceReport()
    conform.property_checks(conform.Checker(_bad_runs(), one), "hand",
                            conform.classical_input([[0, 1], [1, 0]], [0, 0], [-1, -1]),
                            conform.Conventions())
    e = next(m for m in one.mismatches if m.function == "run_async:energy")
    assert "from -1 to 1" in e.got
    f = conform_fuzz.fuzz(_bad_runs(), conform.Conventions(), 20, seed=0, properties=True)
    assert {x.function for x in f.fuzz_failures} == {"run_async", "run_sync"}


SHIPPED = {"hopfieldkit": "hopfieldkit", "hopfieldnetwork": "hopfieldnetwork",
           "neurolab": "neurolab", "dhnn": "dhnn", "neurodynex3": "neurodynex3",
           "sklearn_rbm": "sklearn", "hflayers": "torch"}


@pytest.mark.parametrize("module, library", sorted(SHIPPED.items()))
def test_shipped_adapters_are_lazy_and_declare_their_conventions(module, library):
    import importlib

    from pyref import adapters
    had = library in sys.modules
    mod = importlib.import_module(f"pyref.adapters.{module}")
    assert (library in sys.modules) == had          # importing the adapter imports nothing
    conv = conform.Conventions(**{("hebbian" if k == "hebbian_normalisation" else k): v
                                  for k, v in mod.CONVENTIONS.items()})
    opts = adapters.cli_options(mod.CONVENTIONS)
    from pyref.cli import build_parser
    args = build_parser().parse_args(["conform", f"pyref.adapters.{module}", *opts])
    assert (args.tie, not args.no_thresholds, args.hebbian_normalisation) == \
        (conv.tie, conv.thresholds, conv.hebbian)
    assert mod.LIBRARY[0] and any(callable(getattr(mod, f, None))
                                  for f in conform.ADAPTER_FUNCTIONS)


def test_rbm_and_layer_checks_catch_convention_slips(small):
    import math

    # hand value: nv = nh = 1, W = [[1]], theta = 0, v = +1:
    # F = -log sum_h exp(v W h) = -log(e + 1/e) = -log(2 cosh 1)
    one = conform.ConformanceReport()
    conform.rbm_checks(conform.Checker(numpy_correct, one), "hand",
                       {"W": [[1]], "theta_v": [0], "theta_h": [0]})
    assert one.ok and one.checks["rbm_free_energy"] == 2
    assert numpy_correct.rbm_free_energy([[1]], [0], [0], [1]) == \
        pytest.approx(-math.log(2 * math.cosh(1)))
    # a 0/1-unit formula used on +-1 units (sigma(x) instead of sigma(2x)) is caught
    slip = types.SimpleNamespace(
        rbm_hidden_probabilities=lambda W, tv, th, v: 1 / (1 + np.exp(-(v @ W - th))),
        rbm_free_energy=lambda W, tv, th, v: float(
            tv @ v - np.log1p(np.exp(v @ W - th)).sum()))
    r = conform.run_conformance(slip, small)
    assert {m.function for m in r.mismatches} == {"rbm_hidden_probabilities",
                                                  "rbm_free_energy"}
    # a layer that forgets the last projection step (steps - 1 updates only) is caught
    def short(R, Y, W_Q, W_K, W_V, beta, steps, mask):
        return numpy_correct.hopfield_association(R, Y, W_Q, W_K, W_V, beta,
                                                  max(1, steps - 1), mask)

    r = conform.run_conformance(types.SimpleNamespace(hopfield_association=short), small)
    assert r.mismatches and {m.function for m in r.mismatches} == {"hopfield_association"}
    assert r.passed["hopfield_association"] > 0     # the steps = 1 cases agree
