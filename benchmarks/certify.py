"""Certify benchmark (spec T8): ``python3 -m proofs_ci certify`` on Hebbian networks.

Run from the repository root, after the library is built (``python3 -m proofs_ci build``;
the certificate's imports must be up to date in ``--build-dir``)::

    python3 benchmarks/certify.py --build-dir build/lean            # n = 100 and 256
    python3 benchmarks/certify.py --build-dir build/lean --sizes 100

For each size ``n`` it stores ``m`` random patterns (seeded) by the Hebbian rule, writes the
weights and patterns as text rows, and times the whole command (reading, pyref radii,
writing the Lean file, the Lean build of the certificate against the built library): wall
clock, the CPU time of the child processes (the Lean process is one of them) and the load
average before and after (the machine may be shared). Writes ``benchmarks/certify.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pyref.learning import hebbian  # noqa: E402


def one(n: int, m: int, seed: int, build_dir: str, jobs: int) -> dict:
    """Certify ``m`` random Hebbian patterns on ``n`` neurons; timings and radii."""
    rng = np.random.default_rng(seed)
    P = rng.choice([-1, 1], size=(m, n))
    W = hebbian(P)
    with tempfile.TemporaryDirectory() as tmp:
        w, p, out = Path(tmp) / "W.txt", Path(tmp) / "P.txt", Path(tmp) / "Cert.lean"
        np.savetxt(w, W, fmt="%d")
        np.savetxt(p, P, fmt="%d")
        cmd = [sys.executable, "-m", "proofs_ci", "certify", "--build-dir", build_dir,
               "-j", str(jobs), "--weights", str(w), "--patterns", str(p), "--out", str(out)]
        load_before = os.getloadavg()
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        size = sum(f.stat().st_size for f in Path(tmp).glob("Cert*.lean"))
    radii = [int(line.rsplit(" ", 1)[1]) for line in proc.stdout.splitlines()
             if line.strip().startswith("pattern ") and "radius" in line]
    mt = re.search(r"Lean check ([\d.]+) s", proc.stdout)
    lean_s = float(mt.group(1)) if mt else None
    return {"n": n, "m": m, "seed": seed, "jobs": jobs, "rc": proc.returncode,
            "wall_s": round(wall, 2),
            "cpu_s": round(r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime, 2),
            "lean_check_s": lean_s, "radii": radii, "lean_file_bytes": size,
            "load_before": [round(v, 2) for v in load_before],
            "load_after": [round(v, 2) for v in os.getloadavg()],
            "tail": proc.stdout[-400:] + proc.stderr[-400:]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--build-dir", default=str(ROOT / "build" / "lean"))
    ap.add_argument("--sizes", type=int, nargs="*", default=[100, 256])
    ap.add_argument("--patterns", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-j", "--jobs", type=int, default=2,
                    help="Lean processes at a time (large networks use several files)")
    args = ap.parse_args()
    rows = []
    for n in args.sizes:
        r = one(n, args.patterns, args.seed, args.build_dir, args.jobs)
        print(json.dumps({k: v for k, v in r.items() if k != "tail"}), flush=True)
        if r["rc"] != 0:
            print(r["tail"], file=sys.stderr)
        rows.append(r)
    (ROOT / "benchmarks" / "certify.json").write_text(json.dumps(rows, indent=1) + "\n")
    return 0 if all(r["rc"] == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
