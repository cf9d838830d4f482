"""The mirror manifest: every spec id maps to existing Lean theorems, pyref functions and
tests; every Lean theorem belongs to an entry; the README's table is generated from it."""

from __future__ import annotations

from pathlib import Path

from proofs_ci import mirror

REPO = Path(__file__).resolve().parent.parent
SRC = REPO / "lean"


def test_manifest_is_consistent() -> None:
    problems = mirror.check(REPO, SRC)
    assert problems == [], "\n".join(problems)


def test_every_spec_id_has_an_entry_with_tests() -> None:
    entries, _ = mirror.load()
    ids = {e.id for e in entries}
    assert set(mirror.SPEC_IDS) <= ids
    assert all(e.tests and e.lean for e in entries)


def test_readme_table_is_generated_from_the_manifest() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert mirror.readme_with_table(readme) == readme, (
        "README's theorem table is stale: run `python3 -m proofs_ci table --write`")


def _write(tmp: Path, manifest: str, lean: str) -> tuple[Path, Path]:
    (tmp / "lean" / "Hopfield").mkdir(parents=True)
    (tmp / "lean" / "Hopfield" / "A.lean").write_text(lean)
    (tmp / "tests").mkdir()
    (tmp / "tests" / "test_a.py").write_text("def test_a():\n    assert 1 + 1 == 2\n")
    path = tmp / "mirror.toml"
    path.write_text(manifest)
    return tmp / "lean", path


GOOD_LEAN = "namespace Hopfield\n/-- (spec T1) -/\ntheorem foo : True := trivial\nend Hopfield\n"
GOOD_ENTRY = ('[[entry]]\nid = "T1"\ntitle = "t"\nlean = ["Hopfield.foo"]\n'
              'pyref = ["pyref.classical.energy"]\ntests = ["tests/test_a.py::test_a"]\n')


def _problems(tmp: Path, manifest: str, lean: str = GOOD_LEAN) -> list[str]:
    src, path = _write(tmp, manifest, lean)
    return [p for p in mirror.check(tmp, src, path) if "has no entry" not in p]


def test_checker_accepts_a_consistent_manifest(tmp_path: Path) -> None:
    assert _problems(tmp_path, GOOD_ENTRY) == []


def test_checker_rejects_missing_lean_name(tmp_path: Path) -> None:
    bad = GOOD_ENTRY.replace('"Hopfield.foo"', '"Hopfield.foo", "Hopfield.nope"')
    assert _problems(tmp_path, bad) == ["T1: Lean declaration Hopfield.nope not found in lean/"]


def test_checker_rejects_missing_pyref_function(tmp_path: Path) -> None:
    bad = GOOD_ENTRY.replace("pyref.classical.energy", "pyref.classical.no_such_function")
    assert _problems(tmp_path, bad) == [
        "T1: pyref function pyref.classical.no_such_function does not exist"]


def test_checker_rejects_missing_test(tmp_path: Path) -> None:
    bad = GOOD_ENTRY.replace("::test_a", "::test_missing")
    assert _problems(tmp_path, bad) == ["T1: test tests/test_a.py::test_missing does not exist"]
    no_tests = GOOD_ENTRY.replace('tests = ["tests/test_a.py::test_a"]', "tests = []")
    assert _problems(tmp_path / "x", no_tests) == ["T1: no test listed"]


def test_checker_rejects_theorem_without_entry(tmp_path: Path) -> None:
    lean = GOOD_LEAN.replace("end Hopfield", "theorem orphan : True := trivial\nend Hopfield")
    assert _problems(tmp_path, GOOD_ENTRY, lean) == [
        "theorem Hopfield.orphan (Hopfield.A) belongs to no manifest entry"]


def _spec_problems(tmp: Path, spec_text: str) -> list[str]:
    """The manifest with one ``[[mirror]]`` pair whose Lean name is ``Hopfield.f``."""
    manifest = (GOOD_ENTRY + '\n[[mirror]]\nlean = "Hopfield.field"\n'
                'pyref = "pyref.classical.field"\n')
    src, path = _write(tmp, manifest, GOOD_LEAN)
    (src / "Hopfield" / "Spec").mkdir()
    (src / "Hopfield" / "Spec" / "B.lean").write_text(spec_text)
    return [p for p in mirror.check(tmp, src, path) if "has no entry" not in p]


SPEC_DEF = "namespace Hopfield\n/-- (spec T1) -/\ndef field : Nat := 0\nend Hopfield\n"


def test_mirrored_definition_in_a_spec_file_is_accepted(tmp_path: Path) -> None:
    assert _spec_problems(tmp_path, SPEC_DEF) == []


def test_mirrored_definition_outside_spec_is_rejected(tmp_path: Path) -> None:
    manifest = (GOOD_ENTRY + '\n[[mirror]]\nlean = "Hopfield.field"\n'
                'pyref = "pyref.classical.field"\n')
    lean = GOOD_LEAN.replace("end Hopfield", "/-- (spec T1) -/\ndef field : Nat := 0\nend Hopfield")
    src, path = _write(tmp_path, manifest, lean)
    probs = [p for p in mirror.check(tmp_path, src, path) if "has no entry" not in p]
    assert probs == ["mirror: Lean definition Hopfield.field is in Hopfield.A; mirrored "
                     "definitions live in Hopfield.Spec.* (GUIDE.md)"]


def test_theorem_in_a_spec_file_is_rejected(tmp_path: Path) -> None:
    text = SPEC_DEF.replace("end Hopfield", "/-- (spec T1) -/\ntheorem f_eq : field = 0 := rfl\n"
                                            "end Hopfield")
    probs = _spec_problems(tmp_path, text)
    assert "Hopfield.Spec.B: theorem Hopfield.f_eq in a spec file; spec files hold definitions " \
           "only, theorems go in a file that imports it (GUIDE.md)" in probs


def test_naming_rule_is_snake_case_of_the_same_words() -> None:
    assert mirror.snake_case("Hopfield.signSumTail") == "sign_sum_tail"
    assert mirror.snake_case("Hopfield.IsFixedPoint") == "is_fixed_point"
    assert mirror.snake_case("Hopfield.field") == "field"


def test_pair_breaking_the_naming_rule_is_rejected(tmp_path: Path) -> None:
    text = SPEC_DEF.replace("def field :", "def fieldOf :")
    manifest = (GOOD_ENTRY + '\n[[mirror]]\nlean = "Hopfield.fieldOf"\n'
                'pyref = "pyref.classical.field"\n')
    src, path = _write(tmp_path, manifest, GOOD_LEAN)
    (src / "Hopfield" / "Spec").mkdir()
    (src / "Hopfield" / "Spec" / "B.lean").write_text(text)
    probs = [p for p in mirror.check(tmp_path, src, path) if "has no entry" not in p]
    assert probs == ["mirror: Hopfield.fieldOf and pyref.classical.field break the naming rule "
                     "(the same words: field_of); rename one, or record a naming_exception "
                     "with its reason (GUIDE.md)"]
    (path).write_text(manifest + 'naming_exception = "a reason"\n')
    assert [p for p in mirror.check(tmp_path, src, path) if "has no entry" not in p] == []


def test_real_spec_files_hold_every_mirrored_definition() -> None:
    decls = {d.name: d.module for d in mirror.declarations(REPO / "lean")}
    _, pairs = mirror.load()
    assert len(pairs) >= 30
    assert all(decls[lean].startswith("Hopfield.Spec.") for lean, _ in pairs)


# --- pinned statements (lean/HopfieldPinned) ---------------------------------------------------

PINNED = ("module\npublic import Hopfield.A\n@[expose] public section\nnamespace HopfieldPinned\n"
          "open Hopfield\n/-- T1, pins `Hopfield.foo`. -/\ntheorem T1.foo : True :=\n"
          "  Hopfield.foo\nend HopfieldPinned\nend\n")


def _pinned_problems(tmp: Path, pinned_text: str | None, manifest: str = GOOD_ENTRY) -> list[str]:
    src, path = _write(tmp, manifest, GOOD_LEAN)
    if pinned_text is not None:
        (src / "HopfieldPinned").mkdir()
        (src / "HopfieldPinned" / "A.lean").write_text(pinned_text)
    return [p for p in mirror.check(tmp, src, path, require_pinned=True)
            if "has no entry" not in p]


def test_every_headline_theorem_of_the_real_manifest_is_pinned() -> None:
    pins, problems = mirror.pinned(SRC)
    assert problems == []
    entries, _ = mirror.load()
    targets = {p.target for p in pins}
    missing = [n for e in entries for n in e.lean if n not in targets]
    assert missing == []


def test_pinned_statement_accepted(tmp_path: Path) -> None:
    assert _pinned_problems(tmp_path, PINNED) == []


def test_unpinned_headline_theorem_is_rejected(tmp_path: Path) -> None:
    assert _pinned_problems(tmp_path, None) == [
        "T1: headline theorem Hopfield.foo is not pinned in lean/HopfieldPinned/ "
        "(restate it there, proved by `Hopfield.foo ...`)"]


def test_pinned_proof_must_be_the_library_theorem_applied(tmp_path: Path) -> None:
    tactic = PINNED.replace("  Hopfield.foo\n", "  by trivial\n")
    probs = _pinned_problems(tmp_path, tactic)
    assert any("must be the library theorem applied" in p for p in probs), probs


def test_pinned_file_holds_only_theorems(tmp_path: Path) -> None:
    extra = PINNED.replace("end HopfieldPinned", "def helper : Nat := 1\nend HopfieldPinned")
    probs = _pinned_problems(tmp_path, extra)
    assert any("only theorems" in p for p in probs), probs


def test_pinned_statement_under_the_wrong_spec_id(tmp_path: Path) -> None:
    wrong = PINNED.replace("theorem T1.foo", "theorem T2.foo")
    probs = _pinned_problems(tmp_path, wrong)
    assert any("filed under T2, not T1" in p for p in probs), probs


def test_table_shows_pinned_statements() -> None:
    table = mirror.table()
    assert "(`T1.energy_asyncStep_le`)" in table and "NOT PINNED" not in table


def test_every_problem_of_a_pair_is_reported(tmp_path: Path) -> None:
    """A pair that breaks the naming rule, sits outside Spec/ and names a missing pyref
    function gets all three findings, not only the first."""
    manifest = (GOOD_ENTRY + '\n[[mirror]]\nlean = "Hopfield.fieldOf"\n'
                'pyref = "pyref.classical.no_such_field"\n')
    lean = GOOD_LEAN.replace("end Hopfield",
                             "/-- (spec T1) -/\ndef fieldOf : Nat := 0\nend Hopfield")
    src, path = _write(tmp_path, manifest, lean)
    probs = [p for p in mirror.check(tmp_path, src, path) if "has no entry" not in p]
    assert len(probs) == 3, probs
    assert "break the naming rule" in probs[0]
    assert "mirrored definitions live in Hopfield.Spec.*" in probs[1]
    assert probs[2] == "mirror: pyref function pyref.classical.no_such_field does not exist"
