"""T7: differential test vectors, one frozen corpus checked by pyref and by the Lean kernel.

The corpus ``pyref/data/vectors/v2/corpus.json.gz`` stores inputs and pyref's outputs.
Here: every stored output is recomputed by pyref from the frozen inputs (pyref correct <=>
this passes, whatever numpy's random stream does); the committed Lean files are the
generator's rendering of the corpus; nothing is re-drawn when rendering; every mirrored
definition has >= 100 cases and is named in its checker's ``Holds``; the ranges asked of
the corpus are there and no fact is tautological; and a single wrong expected value makes
the Lean check fail (so the check is real).
"""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import numpy as np
import pytest

from proofs_ci import build, toolchain
from pyref import conform, vectors
from pyref.oracle import vectors as vectors_impl  # private helpers, at their canonical path

REPO = Path(__file__).resolve().parent.parent
LEAN = REPO / "lean"
CHECK = LEAN / "HopfieldTest" / "VectorCheck.lean"


@pytest.fixture(scope="module")
def corpus() -> dict:
    return vectors.load_corpus()


def test_every_expected_output_is_pyrefs(corpus: dict) -> None:
    for g, cases in corpus["groups"].items():
        for c in cases:
            assert vectors.expected(g, c) == c["expected"], c["id"]


def test_committed_vectors_are_the_generators_output(corpus: dict) -> None:
    rendered = vectors.render_lean_files(corpus)
    committed = sorted((LEAN / "HopfieldTest" / "Vectors").glob("*.lean"))
    assert [p.name for p in committed] == sorted(rendered)
    for p in committed:
        assert p.read_text(encoding="utf-8") == rendered[p.name], (
            f"{p} is stale: run `python3 -m pyref vectors` and commit the result")
    root = (LEAN / "HopfieldTest.lean").read_text(encoding="utf-8")
    imported = re.findall(r"^public import (HopfieldTest\.Vectors\.\w+)$", root, re.M)
    assert imported == vectors.module_names()


def test_rendering_reads_the_corpus_and_never_draws(corpus: dict,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def no_draw(*args: object, **kwargs: object) -> None:
        raise AssertionError("the corpus is frozen: nothing may draw random inputs")

    monkeypatch.setattr(np.random, "default_rng", no_draw)
    monkeypatch.setattr(vectors_impl, "_DRAW", {})
    assert vectors.render_lean_files() == vectors.render_lean_files(corpus)
    assert len(conform.corpus_cases()) > 300


def test_draw_is_seeded() -> None:
    small = {"classical": 3, "boltzmann": 2, "tail": 2}
    assert vectors.draw_corpus(small, seed=5) == vectors.draw_corpus(small, seed=5)
    assert vectors.draw_corpus(small, seed=5) != vectors.draw_corpus(small, seed=6)


def _holds(record: str) -> str:
    text = CHECK.read_text(encoding="utf-8")
    m = re.search(rf"abbrev Holds \(c : {record}\) : Prop :=(.*?)\n\n", text, re.S)
    assert m, f"no Holds for {record} in {CHECK}"
    return m.group(1)


def test_every_mirrored_definition_has_100_checked_cases(corpus: dict) -> None:
    manifest = tomllib.loads((REPO / "proofs_ci" / "mirror.toml").read_text())
    names = [m["lean"].removeprefix("Hopfield.") for m in manifest["mirror"]]
    assert set(names) == set(vectors.COVERAGE), "COVERAGE must list every [[mirror]] entry"
    for name in names:
        group = vectors.COVERAGE[name]
        assert len(corpus["groups"][group]) >= 100, (name, group)
        record = vectors_impl._RECORD[group][0]
        assert re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)|Hopfield\.{name}(?!\w)",
                         _holds(record)), f"{record}.Holds does not mention {name}"
    total = sum(len(v) for v in corpus["groups"].values())
    assert total >= 1000


def test_corpus_ranges_and_no_tautologies(corpus: dict) -> None:
    cl = corpus["groups"]["classical"]
    assert max(c["n"] for c in cl) == 12 and min(c["n"] for c in cl) == 1
    assert max(abs(x) for c in cl for r in c["W"] for x in r) == 1000
    Ws = [np.array(c["W"]) for c in cl]
    assert any(not np.array_equal(W, W.T) for W in Ws)           # asymmetric weights
    assert any(np.any(np.diag(W)) for W in Ws)                    # non-zero diagonals
    assert sum(np.array_equal(W, W.T) and not np.any(np.diag(W)) for W in Ws) >= 50
    assert {c["tie"] for c in cl} == {"keep", "plus"}
    assert {c["expected"]["fixed"] for c in cl} == {True, False}
    # no empty schedules (a one-state trajectory says nothing), no zero-sweep dense facts
    assert all(len(c["schedule"]) >= 1 for c in cl)
    assert all(c["k"] >= 1 for c in corpus["groups"]["dense"])
    bz = corpus["groups"]["boltzmann"] + corpus["groups"]["boltzmann_large"]
    assert vectors.BOLTZMANN_MAX_N == 5
    assert {c["n"] for c in bz} == set(range(1, vectors.BOLTZMANN_MAX_N + 1))
    assert {c["n"] for c in corpus["groups"]["boltzmann_large"]} == {4, 5}
    # the kernel tables are stated for small n only: still >= 100 cases of each
    for table, max_n in vectors.TABLES_MAX_N.items():
        assert sum(c["n"] <= max_n for c in bz) >= 100, table
    up = corpus["groups"]["update"]
    assert any(c["h"] == c["theta"] for c in up) and max(abs(c["h"]) for c in up) > 1000
    for p in (LEAN / "HopfieldTest" / "Vectors").glob("*.lean"):
        assert "Nat.repeat" not in p.read_text(encoding="utf-8")


def test_checker_imports_are_the_declared_list() -> None:
    text = CHECK.read_text(encoding="utf-8")
    assert re.findall(r"^public import (\S+)$", text, re.M) == vectors.VECTOR_IMPORTS


def test_lean_encoding_round_trips() -> None:
    xs = [-524288, -1000, -1, 0, 1, 999, 524287]
    enc = int(vectors_impl._nat_ints(xs), 0)
    dec = [(enc >> (20 * k)) % (1 << 20) - (1 << 19) for k in range(len(xs))]
    assert dec == xs
    with pytest.raises(ValueError, match="outside"):
        vectors_impl._nat_ints([1 << 19])
    assert vectors_impl._bits([1, -1, 1, 1]) == 0b1101


@pytest.mark.proofs
def test_one_wrong_expected_value_fails_the_lean_check(tmp_path: Path, corpus: dict,
                                                       built_lean: Path) -> None:
    tc = toolchain.resolve("wasm")
    src = tmp_path / "lean"
    shutil.copytree(LEAN, src, ignore=shutil.ignore_patterns("Vectors"))
    (src / "HopfieldTest.lean").unlink()        # it imports the vector files left out
    (src / "HopfieldTest" / "Vectors").mkdir()
    build_dir = tmp_path / "build"
    shutil.copytree(built_lean, build_dir)  # VectorCheck and its imports are cached
    case = corpus["groups"]["classical"][0]
    wrong = {**case, "expected": {**case["expected"],
                                  "energy": case["expected"]["energy"] + 1}}
    good = vectors.render_lean_file({"classical": [case]}, "HopfieldTest.Vectors.Good")
    bad = vectors.render_lean_file({"classical": [wrong]}, "HopfieldTest.Vectors.Bad")
    assert good.replace("Good", "Bad") != bad
    (src / "HopfieldTest" / "Vectors" / "Good.lean").write_text(good)
    (src / "HopfieldTest" / "Vectors" / "Bad.lean").write_text(bad)
    results = build.build(tc, src, build_dir, jobs=2,
                          targets=["HopfieldTest.Vectors.Good", "HopfieldTest.Vectors.Bad"],
                          log=lambda _: None)
    status = {r.name: r for r in results}
    assert status["HopfieldTest.Vectors.Good"].status in ("built", "cached")
    assert status["HopfieldTest.Vectors.Bad"].status == "failed"
    # exactly one error, at the kernel check of the chunk holding the mutated record
    out = status["HopfieldTest.Vectors.Bad"].output
    errors = re.findall(r"Bad\.lean:(\d+):\d+: error", out)
    assert len(errors) == 1, out
    assert "decide +kernel" in bad.splitlines()[int(errors[0]) - 1]
