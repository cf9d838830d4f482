"""The conformance kit (pyref/conform.py, ``pyref conform``): the committed vectors are
up to date and well-formed, a correct independent numpy adapter passes, an adapter with
planted classic bugs is caught (with case ids and both outputs), conventions are options,
and the CLI exit status says pass (0) / mismatch (1) / usage error (2)."""

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

from tests.adapters import numpy_buggy, numpy_correct  # noqa: E402


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
        conform.run_conformance(numpy_correct, tie="minus")


def test_correct_adapter_passes(doc):
    r = conform.run_conformance(numpy_correct, doc)
    assert r.ok, "\n".join(map(str, r.mismatches[:5]))
    assert r.skipped == []
    assert set(r.checks) == set(conform.ADAPTER_FUNCTIONS)
    assert sum(r.checks.values()) > 9000


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
    assert "skipped" in r.summary()

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
    assert rc == 1 and "14 cases" in txt
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
