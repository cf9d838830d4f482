"""The proof pipeline: output filter, import graph, audit, and real builds.

The tests marked ``proofs`` run the Lean toolchain (installed on first use into the cache,
see ``proofs_ci/toolchain.py``): the whole library must build, and a planted ``sorry``, a
planted ``axiom`` and the canary (a false theorem) must each make verification fail.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from proofs_ci import audit, build, toolchain
from proofs_ci.__main__ import CANARY, SRC, main

REPO = Path(__file__).resolve().parent.parent


# --- output filter -----------------------------------------------------------------------

SAMPLE = """[DEBUG:A] lean_main entered, argc=6
[DEBUG:F] Input file content (first 200 chars): module
theorem t : 1 = 1 := by sorry
[DEBUG:G] Now calling lean_shell_main...
[DEBUG:FIND] Init.Data: found 1 parts
  - /lib/Init/Data.olean
Hop/B.lean:3:8: warning: declaration uses `sorry`
Hop/B.lean:4:27: error: Tactic `decide` proved that the proposition
  1 = 2
is false
[DEBUG:N] Reporting complete, hasErrors = true
  mainModule? = true
"""


def test_filter_output_keeps_messages_drops_debug_blocks() -> None:
    out = build.filter_output(SAMPLE).splitlines()
    assert out == [
        "Hop/B.lean:3:8: warning: declaration uses `sorry`",
        "Hop/B.lean:4:27: error: Tactic `decide` proved that the proposition",
        "  1 = 2",
        "is false",
    ]


def test_filter_output_keeps_node_crash() -> None:
    text = "[DEBUG:A] x\nnode:internal/process/promises:394\n  triggerUncaught\n"
    assert build.filter_output(text).startswith("node:internal")


# --- import graph --------------------------------------------------------------------------

def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    return tmp_path


def test_parse_imports_header_only() -> None:
    text = ("module\n/- a comment\nimport Fake.Inside.Comment -/\npublic import A.B\n"
            "import C\n\ndef x := 1\nimport D\n")
    assert build.parse_imports(text) == ["A.B", "C"]


def test_topological_order_and_cycle(tmp_path: Path) -> None:
    src = _tree(tmp_path, {"P/A.lean": "import P.B\n", "P/B.lean": "import Init\n",
                           "P.lean": "import P.A\nimport P.B\n"})
    mods = build.discover(src)
    order = build.topo_order(mods)
    assert order.index("P.B") < order.index("P.A") < order.index("P")
    (src / "P/B.lean").write_text("import P.A\n")
    with pytest.raises(build.BuildError, match="import cycle"):
        build.topo_order(build.discover(src))


def test_missing_import_is_an_error(tmp_path: Path) -> None:
    src = _tree(tmp_path, {"P/A.lean": "import P.Nope\n"})
    with pytest.raises(build.BuildError, match="P.Nope"):
        build.discover(src)


def test_hash_changes_with_an_import(tmp_path: Path) -> None:
    src = _tree(tmp_path, {"P/A.lean": "import P.B\n", "P/B.lean": "def b := 1\n"})
    mods = build.discover(src)
    h1 = build.module_hashes(mods, build.topo_order(mods), "tc")
    (src / "P/B.lean").write_text("def b := 2\n")
    h2 = build.module_hashes(mods, build.topo_order(mods), "tc")
    assert h1["P.A"] != h2["P.A"] and h1["P.B"] != h2["P.B"]
    assert build.module_hashes(mods, build.topo_order(mods), "other")["P.B"] != h2["P.B"]


# --- audit (source scan) -------------------------------------------------------------------

@pytest.mark.parametrize("code, word", [
    ("theorem t : 1 = 1 := by sorry", "sorry"),
    ("theorem t : 1 = 1 := by admit", "admit"),
    ("axiom bad : False", "axiom"),
    ("example : 2 = 2 := by native_decide", "native_decide"),
    ("theorem t : True := Lean.ofReduceBool _ _ rfl", "Lean.ofReduceBool"),
    ("@[implemented_by foo] def g := 1", "@[implemented_by]"),
    ('@[extern "c_f"] opaque f : Nat', "@[extern]"),
    ("unsafe def u := 1", "unsafe"),
    ("set_option debug.skipKernelTC true", "set_option debug.skipKernelTC"),
])
def test_audit_rejects(code: str, word: str) -> None:
    found = audit.scan_text("module\n" + code + "\n", Path("X.lean"))
    assert word in [f.word for f in found], found
    assert {f.line for f in found} == {2}


@pytest.mark.parametrize("code", [
    "-- sorry, this comment mentions sorry and axiom\ndef x := 1",
    "/- nested /- sorry -/ still comment: admit -/ def x := 1",
    "/-- Docstring: no `sorry`, no `native_decide`. -/ def x := 1",
    "theorem sorry_free : True := trivial",
    "def x' := 1 -- trailing sorry",
    "def unsafeness := 1",
])
def test_audit_ignores_comments_and_longer_names(code: str) -> None:
    assert audit.scan_text("module\n" + code, Path("X.lean")) == []


def test_library_sources_pass_audit() -> None:
    assert audit.scan_tree(SRC) == []
    assert audit.unreachable_from_root(SRC) == []


def test_unreachable_module_is_reported(tmp_path: Path) -> None:
    src = _tree(tmp_path, {"Hopfield.lean": "import Hopfield.A\n", "Hopfield/A.lean": "",
                           "Hopfield/Orphan.lean": "import Hopfield.A\n"})
    assert audit.unreachable_from_root(src) == ["Hopfield.Orphan"]


def test_declarations_resolve_namespaces_and_spec_ids(tmp_path: Path) -> None:
    src = _tree(tmp_path, {"M.lean": (
        "namespace Foo\n/-- Energy descent (spec T1). -/\ntheorem bar : True := trivial\n"
        "namespace Baz\n/-- (spec B4, T2) -/\n@[simp]\ntheorem qux : True := trivial\n"
        "end Baz\nend Foo\ntheorem top : True := trivial\n")})
    got = {d.name: d.spec_ids for d in audit.declarations(src)}
    assert got == {"Foo.bar": ("T1",), "Foo.Baz.qux": ("B4", "T2"), "top": ()}


# --- block comments, the lean.js export slimming ------------------------------------------

def test_strip_block_comments_nested_and_line_preserving() -> None:
    text = "a /- x /- y -/ z\n w -/ b\n-/ c /-/ d -/ e\n"
    out = build.strip_block_comments(text)
    assert out == "a \n b\n-/ c  e\n"
    assert out.count("\n") == text.count("\n")
    # an unclosed comment runs to the end, keeping its newlines
    assert build.strip_block_comments("x /- a\nb\n") == "x \n\n"
    assert build.strip_block_comments("no marks here\n") == "no marks here\n"


FAKE_JS = ('var Module={};function f(){_malloc(4);_free(0)}var _main,_malloc,_free,_unused;'
           'x();function assignWasmExports(wasmExports){_main=Module["_main"]=wasmExports["m"];'
           '_malloc=Module["_malloc"]=wasmExports["malloc"];_free=Module["_free"]=wasmExports'
           '["free"];_unused=Module["_unused"]=wasmExports["unused"]}var wasmImports;g(_main)')


def test_slim_exports_keeps_exactly_the_bindings_read_elsewhere() -> None:
    out = toolchain.slim_exports(FAKE_JS)
    assert "var _main,_malloc,_free;" in out
    assert "_unused" not in out
    assert ('function assignWasmExports(wasmExports){_main=Module["_main"]=wasmExports["m"];'
            '_malloc=Module["_malloc"]=wasmExports["malloc"];_free=Module["_free"]='
            'wasmExports["free"]}') in out
    assert out.startswith("var Module={};function f(){_malloc(4);_free(0)}")
    assert out.endswith("var wasmImports;g(_main)")


@pytest.mark.parametrize("broken", [
    FAKE_JS.replace("function assignWasmExports", "function assignOther"),
    FAKE_JS.replace("var _main,", "var _x,"),
    FAKE_JS.replace('_unused=Module["_unused"]=wasmExports["unused"]', "if(a){b()}"),
    FAKE_JS.replace("_malloc(4);", "").replace("var _main,_malloc,", "var _main,"),
])
def test_slim_exports_refuses_an_unexpected_file(broken: str) -> None:
    with pytest.raises(toolchain.ToolchainError, match="step 'patch'"):
        toolchain.slim_exports(broken)


# --- real builds ---------------------------------------------------------------------------

@pytest.fixture(scope="session")
def tc() -> toolchain.Toolchain:
    return toolchain.resolve("wasm")


@pytest.mark.proofs
def test_library_builds(tc: toolchain.Toolchain, built_lean: Path) -> None:
    """The whole library builds (the session's build, then this one all cached; any failure
    is reported in full)."""
    lines: list[str] = []
    results = build.build(tc, SRC, built_lean, jobs=2, log=lines.append)
    failed = [r for r in results if r.status not in ("built", "cached")]
    assert not failed, "\n".join(lines)
    assert {r.name for r in results} == set(build.discover(SRC))


@pytest.mark.proofs
def test_planted_sorry_fails_the_build(tc: toolchain.Toolchain, tmp_path: Path,
                                      built_lean: Path) -> None:
    src = tmp_path / "lean"
    shutil.copytree(SRC, src)
    shutil.copytree(built_lean, tmp_path / "build")  # the unchanged imports are cached
    basic = src / "Hopfield" / "Basic.lean"
    basic.write_text(basic.read_text().replace(
        "theorem spin_mul_self (b : Bool) : spin b * spin b = 1 := by\n  cases b <;> decide",
        "theorem spin_mul_self (b : Bool) : spin b * spin b = 1 := by\n  sorry"))
    assert "sorry" in basic.read_text()
    results = build.build(tc, src, tmp_path / "build", jobs=1, targets=["Hopfield.Basic"],
                          log=lambda _: None)
    by_name = {r.name: r for r in results}
    # Basic's imports (the spec files it states theorems about, unchanged: cached) are
    # fine; Basic itself, changed, is rebuilt and fails
    assert set(by_name) == {"Hopfield.Spec.Classical", "Hopfield.Spec.Learning",
                            "Hopfield.Basic"}
    assert all(by_name[m].status == "cached"
               for m in ("Hopfield.Spec.Classical", "Hopfield.Spec.Learning"))
    res = by_name["Hopfield.Basic"]
    assert res.status == "failed"
    assert build.SORRY_WARNING in res.output
    assert not (tmp_path / "build" / "Hopfield" / "Basic.olean").exists()
    assert [f.word for f in audit.scan_tree(src)] == ["sorry"]


@pytest.mark.proofs
def test_planted_axiom_fails_verification(tmp_path: Path) -> None:
    src = tmp_path / "lean"
    shutil.copytree(SRC, src)
    basic = src / "Hopfield" / "Basic.lean"
    basic.write_text(basic.read_text().replace(
        "end Hopfield", "axiom cheat : ∀ n : Nat, n = 0\n\nend Hopfield"))
    assert main(["audit", "--src", str(src)]) == 1
    assert main(["audit", "--src", str(SRC)]) == 0


@pytest.mark.proofs
def test_canary_fails_to_build(tc: toolchain.Toolchain, tmp_path: Path) -> None:
    results = build.build(tc, CANARY, tmp_path, jobs=1, targets=["Canary"], log=lambda _: None)
    (res,) = results
    assert res.status == "failed"
    # rejected by Lean's kernel at the false theorem (not by a crash or a missing file)
    line = next(k for k, ln in enumerate((CANARY / "Canary.lean").read_text().splitlines(), 1)
                if "canary_false" in ln)
    assert re.search(rf"Canary\.lean:{line}:\d+: error", res.output), res.output
    assert not (tmp_path / "Canary.olean").exists()


# --- the hosted workflow, the test command, the verify report --------------------------------

def test_hosted_workflow_is_a_valid_github_workflow() -> None:
    import subprocess
    import sys
    exe = Path(sys.executable).with_name("check-jsonschema")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "check_jsonschema"]
    proc = subprocess.run(cmd + ["--builtin-schema", "vendor.github-workflows",
                                 str(REPO / ".github" / "workflows" / "ci.yml")],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_test_command_uses_a_virtual_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                 ) -> None:
    import sys

    from proofs_ci import __main__ as cli
    # inside a virtual environment: the current interpreter
    monkeypatch.setattr(sys, "prefix", "/venv")
    monkeypatch.setattr(sys, "base_prefix", "/usr")
    assert cli._test_python() == Path(sys.executable)
    # outside one: the project's environment, created once (here: an existing one is reused)
    monkeypatch.setattr(sys, "prefix", "/usr")
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").write_text("")
    monkeypatch.setenv("PYREF_VENV", str(venv))
    assert cli._test_python() == venv / "bin" / "python"


def test_lakefile_declares_the_three_libraries() -> None:
    lake = (REPO / "lakefile.lean").read_text(encoding="utf-8")
    for lib in ("Hopfield", "HopfieldPinned", "HopfieldTest"):
        assert f"lean_lib {lib} where" in lake and (SRC / f"{lib}.lean").is_file()
    # the tests library is not a default target: `lake build` builds the library alone
    assert "@[default_target]\nlean_lib HopfieldTest" not in lake


@pytest.mark.proofs
def test_verify_writes_the_json_report(tc: toolchain.Toolchain) -> None:
    """A full verify (cached after test_library_builds) writes the report users cite."""
    import json
    out = REPO / "build" / "verify-report.json"
    assert main(["verify", "--json", str(out)]) == 0
    rep = json.loads(out.read_text())
    assert rep["ok"] is True and rep["toolchain"] == tc.ident
    assert set(rep["modules"]) == set(build.discover(SRC))
    assert all(s in ("built", "cached") for s in rep["modules"].values())
    assert "lean/Hopfield/Basic.lean" in rep["sources"]
    by_name = {t["name"]: t for t in rep["theorems"]}
    t1 = by_name["Hopfield.energy_asyncStep_le"]
    assert t1["spec_id"] == "T1" and t1["pinned"] is True and t1["status"] == "proved"
    # the offline route cannot list axioms: null, never a made-up empty list
    assert t1["axioms"] is None if tc.kind == "wasm" else t1["axioms"] is not None
    assert rep["vectors"]["Hopfield.energy"] > 100


def test_test_command_passes_pytest_options_verbatim(monkeypatch: pytest.MonkeyPatch) -> None:
    from proofs_ci import __main__ as cli
    seen: list[list[str]] = []
    monkeypatch.setattr(cli, "cmd_test", lambda a: seen.append(a.pytest_args) or 0)
    assert cli.main(["test", "-q", "-p", "no:cacheprovider", "tests/test_mirror.py"]) == 0
    assert cli.main(["--cache", "/tmp/c", "test", "--", "-x"]) == 0
    assert seen == [["-q", "-p", "no:cacheprovider", "tests/test_mirror.py"], ["-x"]]


def _tar(tmp: Path, entries: list[tuple[str, str]]) -> Path:
    import io
    import tarfile
    path = tmp / "t.tar"
    with tarfile.open(path, "w") as tf:
        for name, kind in entries:
            info = tarfile.TarInfo(name)
            if kind == "file":
                info.size, info.mode = 2, 0o4777
                tf.addfile(info, io.BytesIO(b"ok"))
            elif kind == "dir":
                info.type = tarfile.DIRTYPE
                tf.addfile(info)
            else:
                info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
                tf.addfile(info)
    return path


def test_safe_members_for_pythons_without_extraction_filters(tmp_path: Path) -> None:
    """Debian 12's python3 (3.11.2) has no ``tarfile`` filters: the installer then extracts
    only regular files and directories inside the destination, without ``._*`` forks."""
    import tarfile
    ok = _tar(tmp_path, [("package", "dir"), ("package/lean.js", "file"),
                         ("package/._lean.js", "file")])
    with tarfile.open(ok) as tf:
        members = toolchain.safe_members(tf, tmp_path / "out")
        assert [m.name for m in members] == ["package", "package/lean.js"]
        assert members[1].mode == 0o755  # setuid and group/other write dropped
    for bad, why in [("../evil", "outside"), ("/abs", "outside"), ("link", "not a regular")]:
        with tarfile.open(_tar(tmp_path, [(bad, "link" if bad == "link" else "file")])) as tf:
            with pytest.raises(toolchain.ToolchainError, match=why):
                toolchain.safe_members(tf, tmp_path / "out")
