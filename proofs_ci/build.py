"""The offline proof build driver.

Discovers ``<src>/**/*.lean``, builds the import graph, compiles the modules in topological
order with ``jobs`` parallel Lean processes, and writes ``.olean``/``.ilean`` files under a
build directory that mirrors module names (``Hopfield/Basic.olean`` for
``Hopfield.Basic``). A module is skipped when the content hash of its source, of its
imports' hashes and of the toolchain is unchanged. Output is filtered (the wasm build prints
``[DEBUG:...]`` lines); progress is shown as ``[k/N] Module (s)``. The build FAILS on any
error and on every Lean warning not in ``WARNING_ALLOWLIST`` (``sorry`` included).
"""

from __future__ import annotations

import dataclasses
import fcntl
import hashlib
import os
import re
import subprocess
import tempfile
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path

from .toolchain import Toolchain

IMPORT_RE = re.compile(r"^\s*(?:(?:public|private|meta)\s+)*import\s+(?:all\s+)?([\w.'«»]+)")
HEADER_SKIP_RE = re.compile(r"^\s*(module\b.*|prelude\b.*|--.*)?$")
MESSAGE_RE = re.compile(r"^\S.*?:\d+:\d+: (error|warning|info|information)\b")
SORRY_WARNING = "declaration uses `sorry`"
WARNING_RE = re.compile(r"^\S.*?:\d+:\d+: warning: .*$", re.M)
# Lean warnings the build accepts. Every other warning (unused variables, deprecations,
# `sorry`, linter findings, `#exit`'s "skipping the rest of the file", ...) FAILS the module:
# a warning can be the only sign that part of a file was not checked. Each entry is a
# regex on the whole message line and must say why it is harmless. Empty today.
WARNING_ALLOWLIST: tuple[tuple[str, str], ...] = ()


def disallowed_warnings(text: str) -> list[str]:
    """The warning lines of Lean's output that ``WARNING_ALLOWLIST`` does not excuse."""
    return [m.group(0) for m in WARNING_RE.finditer(text)
            if not any(re.search(rx, m.group(0)) for rx, _why in WARNING_ALLOWLIST)]
EXTERNAL_ROOTS = ("Init", "Std", "Lean", "Lake")


class BuildError(RuntimeError):
    """The source tree cannot be built (import cycle, missing module, ...)."""


@dataclasses.dataclass
class Module:
    """One Lean module: name, source path, and the library modules it imports."""

    name: str
    path: Path
    imports: list[str]


def module_name(src_root: Path, path: Path) -> str:
    """``lean/Hopfield/Basic.lean`` under ``lean/`` is ``Hopfield.Basic``."""
    rel = path.relative_to(src_root).with_suffix("")
    return ".".join(rel.parts)


_COMMENT_MARK = re.compile(r"/-|-/")


def strip_block_comments(text: str) -> str:
    """Remove (nested) ``/- ... -/`` comments, keeping newlines so line numbers survive.

    (A ``-/`` outside any comment is ordinary text; scanning jumps from mark to mark.)"""
    out: list[str] = []
    depth, i = 0, 0
    while True:
        m = _COMMENT_MARK.search(text, i)
        j = m.start() if m else len(text)
        seg = text[i:j]
        out.append(seg if depth == 0 else "\n" * seg.count("\n"))
        if m is None:
            return "".join(out)
        if m.group() == "/-":
            depth, i = depth + 1, j + 2
        elif depth:
            depth, i = depth - 1, j + 2
        else:
            out.append("-")
            i = j + 1


def parse_imports(text: str) -> list[str]:
    """The modules imported in the header (``import``/``public import``... lines)."""
    imports = []
    for line in strip_block_comments(text).splitlines():
        m = IMPORT_RE.match(line)
        if m:
            imports.append(m.group(1))
        elif not HEADER_SKIP_RE.match(line):
            break  # the header ends at the first other command
    return imports


def discover(src_root: Path) -> dict[str, Module]:
    """All modules under ``src_root`` with their imports inside the tree."""
    if not src_root.is_dir():
        raise BuildError(f"source directory {src_root} does not exist")
    mods: dict[str, Module] = {}
    for path in sorted(src_root.rglob("*.lean")):
        name = module_name(src_root, path)
        mods[name] = Module(name, path, parse_imports(path.read_text(encoding="utf-8")))
    for mod in mods.values():
        for imp in mod.imports:
            if imp not in mods and imp.split(".")[0] not in EXTERNAL_ROOTS:
                raise BuildError(f"{mod.path}: imports {imp}, which is neither a file under "
                                 f"{src_root} nor part of core Lean (Init, Std, Lean)")
        mod.imports = [i for i in mod.imports if i in mods]
    return mods


def topo_order(mods: dict[str, Module]) -> list[str]:
    """Modules in dependency order; raises ``BuildError`` on an import cycle."""
    order, state = [], {}

    def visit(name: str, stack: list[str]) -> None:
        if state.get(name) == "done":
            return
        if state.get(name) == "active":
            cycle = " -> ".join(stack[stack.index(name):] + [name])
            raise BuildError(f"import cycle: {cycle}")
        state[name] = "active"
        for dep in mods[name].imports:
            visit(dep, stack + [name])
        state[name] = "done"
        order.append(name)

    for name in sorted(mods):
        visit(name, [])
    return order


def module_hashes(mods: dict[str, Module], order: list[str], toolchain_id: str) -> dict[str, str]:
    """Content hash of each module: its source, its imports' hashes, the toolchain."""
    hashes: dict[str, str] = {}
    for name in order:
        h = hashlib.sha256()
        h.update(toolchain_id.encode())
        h.update(name.encode())
        h.update(mods[name].path.read_bytes())
        for dep in sorted(mods[name].imports):
            h.update(hashes[dep].encode())
        hashes[name] = h.hexdigest()
    return hashes


def filter_output(text: str) -> str:
    """Drop the wasm build's ``[DEBUG:...]`` lines and their continuation lines.

    A debug block (a ``[DEBUG`` line and the lines after it, e.g. the echoed file content)
    ends at the next Lean message header ``file:line:col: error|warning|info`` or at a line
    from Node itself (an uncaught exception); everything outside debug blocks is kept.
    """
    kept, in_debug = [], False
    for line in text.splitlines():
        if line.startswith("[DEBUG"):
            in_debug = True
            continue
        if in_debug and (MESSAGE_RE.match(line) or line.startswith(
                ("error", "uncaught", "node:", "INTERNAL PANIC", "Error", "RangeError"))):
            in_debug = False
        if not in_debug:
            kept.append(line)
    return "\n".join(kept).strip("\n")


@dataclasses.dataclass
class Result:
    """Outcome of one module: ``built``, ``cached``, ``failed`` or ``skipped``."""

    name: str
    status: str
    seconds: float = 0.0
    output: str = ""
    cpu_seconds: float = 0.0


def _mounts(paths: list[Path]) -> str:
    """Directories the wasm Lean must see, minus those already mounted or nested."""
    roots: list[str] = []
    for p in sorted({str(p.resolve()) for p in paths}, key=len):
        if p in ("/tmp", "/home") or p.startswith(("/tmp/", "/home/")):
            continue
        if any(p == r or p.startswith(r + "/") for r in roots):
            continue
        roots.append(p)
    return ":".join(roots)


def compile_module(tc: Toolchain, mod: Module, src_root: Path, build_dir: Path
                   ) -> tuple[int, str, float]:
    """Compile one module with the wasm toolchain; returns (exit code, filtered output, CPU
    seconds of the Lean process, user + system)."""
    rel = mod.path.relative_to(src_root)
    out_base = build_dir / rel.with_suffix("")
    out_base.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env["LEAN_PATH"] = f"{tc.lib_dir}{os.pathsep}{build_dir}"
    # lean.js looks for its own directory (the package) as well as the core library
    env["LEAN_WASM_MOUNTS"] = _mounts([src_root, build_dir, tc.lib_dir, tc.lean_js.parent])
    cmd = tc.wasm_command() + [str(rel), "-o", f"{out_base}.olean", "-i", f"{out_base}.ilean"]
    # one task-manager worker: the driver runs one Lean process per core, and each extra
    # worker thread costs an instantiation of the module (see toolchain.py)
    cmd.append("-j1")
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, cwd=src_root, env=env, stdout=out, stderr=err)
        # wait4 gives this child's own resource usage, so parallel jobs are told apart
        _, wstatus, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(wstatus)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", errors="replace")
        stderr = err.read().decode("utf-8", errors="replace")
    text = filter_output(stdout) + "\n" + filter_output(stderr)
    return proc.returncode, text.strip("\n"), usage.ru_utime + usage.ru_stime


def critical_path(results: list[Result], imports: dict[str, list[str]]
                  ) -> tuple[float, list[str]]:
    """The longest chain of imports, weighted by the modules' wall seconds in ``results``
    (cached modules weigh 0): the least wall time any number of parallel jobs could take."""
    secs = {r.name: r.seconds for r in results}
    best: dict[str, tuple[float, list[str]]] = {}

    def visit(name: str) -> tuple[float, list[str]]:
        if name not in best:
            prev = max((visit(d) for d in imports.get(name, []) if d in secs),
                       default=(0.0, []), key=lambda x: x[0])
            best[name] = (prev[0] + secs.get(name, 0.0), prev[1] + [name])
        return best[name]

    return max((visit(n) for n in secs), default=(0.0, []), key=lambda x: x[0])


def estimated_cost(mod: Module) -> float:
    """A guess of a module's compile time in seconds, before any build: a fixed start-up
    plus a term linear in its size (the data-shaped vector files are the big ones)."""
    return 5.0 + mod.path.stat().st_size / 1000.0


def schedule_priority(mods: dict[str, Module], order: list[str]) -> dict[str, float]:
    """Module -> its estimated cost plus the largest priority among the modules in
    ``order`` that import it (the estimated length of the longest chain it starts)."""
    users: dict[str, list[str]] = {n: [] for n in order}
    for n in order:
        for d in mods[n].imports:
            if d in users:
                users[d].append(n)
    prio: dict[str, float] = {}
    for n in reversed(order):  # importers come later in a topological order
        prio[n] = estimated_cost(mods[n]) + max((prio[u] for u in users[n]), default=0.0)
    return prio


def build(tc: Toolchain, src_root: Path, build_dir: Path, jobs: int = 2,
          targets: list[str] | None = None, log=print) -> list[Result]:
    """Build the modules under ``src_root`` (or only ``targets`` and their imports).

    Returns one ``Result`` per module, in completion order. Never raises for a Lean error:
    failed modules have status ``failed`` and their dependents ``skipped``.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be >= 1, got {jobs}")
    src_root, build_dir = src_root.resolve(), build_dir.resolve()
    mods = discover(src_root)
    order = topo_order(mods)
    if targets:
        unknown = [t for t in targets if t not in mods]
        if unknown:
            raise BuildError(f"unknown target module(s) {unknown}; known: {sorted(mods)}")
        needed: set[str] = set()
        stack = list(targets)
        while stack:
            n = stack.pop()
            if n not in needed:
                needed.add(n)
                stack.extend(mods[n].imports)
        order = [n for n in order if n in needed]
    hashes = module_hashes(mods, order, tc.ident)
    build_dir.mkdir(parents=True, exist_ok=True)
    # one build at a time per build directory (e.g. `proofs_ci test`'s background build
    # and a test that needs its oleans): a second one waits, then finds them cached
    with open(build_dir / ".lock", "w") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        return _build_locked(tc, mods, order, hashes, src_root, build_dir, jobs, log)


def _build_locked(tc: Toolchain, mods: dict[str, Module], order: list[str],
                  hashes: dict[str, str], src_root: Path, build_dir: Path, jobs: int,
                  log) -> list[Result]:
    total, results, lock = len(order), [], threading.Lock()
    done: dict[str, str] = {}

    def stamp_path(name: str) -> Path:
        return build_dir / (name.replace(".", "/") + ".hash")

    def run_one(name: str) -> Result:
        mod = mods[name]
        olean = build_dir / (name.replace(".", "/") + ".olean")
        stamp = stamp_path(name)
        if olean.is_file() and stamp.is_file() and stamp.read_text() == hashes[name]:
            return Result(name, "cached")
        stamp.unlink(missing_ok=True)
        t0 = time.monotonic()
        rc, text, cpu = compile_module(tc, mod, src_root, build_dir)
        secs = time.monotonic() - t0
        warnings = disallowed_warnings(text)
        if rc != 0 or SORRY_WARNING in text or warnings or not olean.is_file():
            olean.unlink(missing_ok=True)
            if rc == 0 and SORRY_WARNING in text:
                text += "\nerror: the build treats `sorry` as a failure"
            elif rc == 0 and warnings:
                text += (f"\nerror: the build treats Lean warnings as failures ({len(warnings)} "
                         "warning(s) above; see WARNING_ALLOWLIST in proofs_ci/build.py)")
            return Result(name, "failed", secs, text, cpu)
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(hashes[name])
        return Result(name, "built", secs, text, cpu)

    def report(res: Result) -> None:
        with lock:
            results.append(res)
            k = len(results)
            secs = (f" ({res.seconds:.1f} s, {res.cpu_seconds:.1f} s CPU)" if res.seconds
                    else "")
            log(f"[{k}/{total}] {res.status:7s} {res.name}{secs}")
            if res.output and res.status in ("failed", "built"):
                for line in res.output.splitlines():
                    log(f"    {line}")

    # longest estimated path first: a module's cost is guessed from its size, and modules
    # are started in order of the estimated work that still depends on them (so the long
    # chain to the vector files starts early and small files fill in around it)
    prio = schedule_priority(mods, order)
    pending = sorted(order, key=lambda n: -prio[n])
    running: dict[Future, str] = {}
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        while pending or running:
            progressed = True
            while progressed:
                progressed = False
                for name in list(pending):
                    deps = mods[name].imports
                    if any(done.get(d) in ("failed", "skipped") for d in deps):
                        pending.remove(name)
                        done[name] = "skipped"
                        report(Result(name, "skipped", output="not built: an import failed"))
                        progressed = True
                    elif all(done.get(d) in ("built", "cached") for d in deps) \
                            and len(running) < jobs:
                        pending.remove(name)
                        running[pool.submit(run_one, name)] = name
                        progressed = True
            if not running:
                continue
            finished, _ = wait(list(running), return_when=FIRST_COMPLETED)
            for fut in finished:
                name = running.pop(fut)
                res = fut.result()
                done[name] = res.status
                report(res)
    # the wasm runtime drops an (empty) LLVM profile into its working directory
    (src_root / "default.profraw").unlink(missing_ok=True)
    return results


def build_native(tc: Toolchain, repo_root: Path, log=print) -> bool:
    """``lake build`` of all three libraries with a native toolchain; returns success."""
    cmd = [str(tc.lake), "build", "Hopfield", "HopfieldPinned", "HopfieldTest"]
    log("$ " + " ".join(cmd))
    proc = subprocess.run(cmd, cwd=repo_root, text=True, capture_output=True)
    out = proc.stdout + proc.stderr
    for line in out.splitlines():
        log(f"    {line}")
    return proc.returncode == 0 and SORRY_WARNING not in out and not disallowed_warnings(out)

