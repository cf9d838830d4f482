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
