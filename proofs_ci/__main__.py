"""Command line of the proof pipeline: ``python3 -m proofs_ci {verify,test,build,...}``.

``verify`` is the main job (install the toolchain if missing, audit, build, print the
theorem table); ``test`` installs the dev dependencies and runs the whole test suite.
"""

from __future__ import annotations

import argparse
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
    """Source audit + root reachability; prints findings, returns success."""
    ok = True
    for f in audit.scan_tree(src):
        _log(f"AUDIT: {f}")
        ok = False
    for name in audit.unreachable_from_root(src):
        _log(f"AUDIT: module {name} is not imported (transitively) by lean/Hopfield.lean")
        ok = False
    _log("audit: " + ("clean (no sorry/admit/axiom/native_decide/ofReduceBool/"
                      "implemented_by/extern/unsafe/debug options)" if ok else "FAILED"))
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
    _log(f"build: {'OK' if ok else 'FAILED'} in {time.monotonic() - t0:.1f} s")
    return ok, status


def theorem_table(src: Path, status: dict[str, str], audit_ok: bool) -> str:
    """The manifest's table with a status column from this build."""
    decl_status = {d.name: ("proved" if status.get(d.module) in ("built", "cached")
                            and audit_ok else "not verified")
                   for d in audit.declarations(src)}
    return mirror.table(status=decl_status)


def cmd_verify(args: argparse.Namespace) -> int:
    tc = _toolchain(args)
    audit_ok = run_audit(SRC)
    ok, status = run_build(tc, SRC, Path(args.build_dir), args.jobs)
    if tc.kind == "native" and ok:
        names = [d.name for d in audit.declarations(SRC) if d.kind in ("theorem", "lemma")]
        bad = audit.axioms_native(tc.lake, REPO, names)
        for b in bad:
            _log(f"AXIOMS: {b}")
        audit_ok = audit_ok and not bad
        _log(f"#print axioms: {len(names)} theorems, "
             + ("only propext/Classical.choice/Quot.sound" if not bad else "VIOLATIONS"))
    _log("")
    _log(theorem_table(SRC, status, audit_ok))
    _log("")
    try:
        import numpy  # noqa: F401  (pyref's only run-time dependency)
        problems = mirror.check(REPO, SRC)
    except ImportError:
        problems = []
        _log("mirror check skipped: numpy is not installed (the test command installs it)")
    for p in problems:
        _log(f"MIRROR: {p}")
    good = ok and audit_ok and not problems
    _log("verify: " + ("OK: every theorem above is kernel-checked" if good else "FAILED"))
    return 0 if good else 1


def cmd_build(args: argparse.Namespace) -> int:
    tc = _toolchain(args)
    ok, _ = run_build(tc, Path(args.src), Path(args.build_dir), args.jobs, args.targets or None)
    return 0 if ok else 1


def cmd_audit(args: argparse.Namespace) -> int:
    return 0 if run_audit(Path(args.src)) else 1


def cmd_canary(args: argparse.Namespace) -> int:
    """Build the canary (a false theorem); success means the build REJECTED it."""
    tc = _toolchain(args)
    if tc.kind == "native":
        proc = subprocess.run([str(tc.lean), str(CANARY / "Canary.lean")],
                              capture_output=True, text=True)
        ok, text = proc.returncode == 0, proc.stdout + proc.stderr
    else:
        results = build.build(tc, CANARY, Path(args.build_dir) / "canary", jobs=1, log=_log)
        ok, text = results[0].status == "built", results[0].output
    # rejected for the right reason: Lean's error at the false theorem, not a crash
    rejected = not ok and re.search(r"Canary\.lean:\d+:\d+: error", text) is not None
    _log("canary: " + ("rejected as it must be" if rejected
                       else "NOT rejected by Lean's checker: the build is broken"))
    return 0 if rejected else 1


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


def cmd_test(args: argparse.Namespace) -> int:
    """Install the package with its dev extras, then run pytest (which builds the proofs)."""
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "-e", f"{REPO}[dev]"]
    _log("$ " + " ".join(pip))
    if subprocess.run(pip).returncode != 0:
        _log("test: installing the dev dependencies failed (see pip's message above)")
        return 2
    cmd = [sys.executable, "-m", "pytest", *args.pytest_args]
    _log("$ " + " ".join(cmd))
    return subprocess.run(cmd, cwd=REPO).returncode


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
    sp = sub.add_parser("test", help="pip install -e .[dev], then pytest (builds the proofs)")
    sp.add_argument("pytest_args", nargs=argparse.REMAINDER, help="passed to pytest")
    sp.set_defaults(func=cmd_test)
    return p


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
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
