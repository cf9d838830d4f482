"""Run the conformance kit on real libraries and write docs/peers.md (issue 17).

Each peer is installed from PyPI in its own virtual environment under ``--venvs``
(default ``$PYREF_PEERS_DIR`` or ``/tmp/pyref-peers``), never into the project's; pyref is
put on ``PYTHONPATH`` from this checkout.  For each peer the shipped adapter
``pyref.adapters.NAME`` runs through ``pyref conform`` with the conventions it declares,
twice: the fixed vectors with property mode, then ``--fuzz N --seed S`` with property
mode.  The JSON reports go to ``--out`` (default ``/tmp/pyref-peers/reports``) and the
summary to ``docs/peers.md``.

    python3 benchmarks/peers.py                    # all peers, 200 fuzz cases per function
    python3 benchmarks/peers.py --fuzz 50 --only dhnn hopfieldkit
    python3 benchmarks/peers.py --hflayers-src /path/to/hopfield-layers   # adds hflayers
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pyref.adapters import cli_options  # noqa: E402

#: name -> (adapter module, pip requirements, pip options)
PEERS: dict[str, tuple[str, list[str], list[str]]] = {
    "hopfieldkit": ("hopfieldkit", ["hopfieldkit==0.1.0", "numpy", "hypothesis>=6.100"], []),
    "hopfieldnetwork": ("hopfieldnetwork",
                        ["hopfieldnetwork==1.0.1", "numpy", "hypothesis>=6.100"], []),
    "neurolab": ("neurolab", ["neurolab==0.3.5", "numpy<2", "hypothesis>=6.100"], []),
    "dhnn": ("dhnn", ["dhnn==0.1.12", "numpy", "hypothesis>=6.100"], []),
    # neurodynex3's install requirements (brian2, matplotlib, ...) are not needed by its
    # hopfield_network.network module: install it without them
    "neurodynex3": ("neurodynex3", ["numpy", "hypothesis>=6.100", "--no-deps",
                                    "neurodynex3==1.0.4"], []),
    "scikit-learn": ("sklearn_rbm", ["scikit-learn", "numpy", "hypothesis>=6.100"], []),
    # not on PyPI: only with --hflayers-src (the fetched source, never committed)
    "hflayers": ("hflayers", ["torch==2.13.0", "numpy", "hypothesis>=6.100"], []),
}

DHNN_NOTE = (
    "Root cause: `DHNN.predict` draws the neuron to update with "
    "`np.random.randint(0, len(self._w) - 1, ...)`; numpy's upper bound is exclusive, so "
    "the last neuron is never updated (and for one neuron the call raises `ValueError: "
    "high <= 0`). A state whose only unstable neuron is the last one comes back unchanged "
    "from any number of epochs, so the library treats it as a stored memory. The adapter "
    "`pyref.adapters.dhnn` does not special-case this: it asks whether a long `predict` "
    "leaves the state unchanged; `--fuzz` finds both failure classes and shrinks the "
    "wrong answer to two neurons with zero weights. Fixed-vector mismatches by class: {classes}.")

HOPFIELDKIT_CLAIM = """
import numpy as np, hopfieldkit
net = hopfieldkit.HopfieldNetwork(2)           # W = 0: every field is 0, a tie
s, energies = net.recall(np.array([-1.0, -1.0]), order="sequential", max_steps=1,
                         record_energy=True)
print([float(x) for x in s], energies)
"""


def venv(venvs: Path, name: str, reqs: list[str]) -> Path:
    """The peer's interpreter, creating and filling its venv on first use."""
    d = venvs / name
    py = d / "bin" / "python"
    stamp = d / ".pyref-peers-installed"
    if not stamp.is_file() or stamp.read_text() != json.dumps(reqs):
        subprocess.run([sys.executable, "-m", "venv", str(d)], check=True)
        split = reqs.index("--no-deps") if "--no-deps" in reqs else len(reqs)
        subprocess.run([str(py), "-m", "pip", "install", "-q", *reqs[:split]], check=True)
        if split < len(reqs):
            subprocess.run([str(py), "-m", "pip", "install", "-q", *reqs[split:]],
                           check=True)
        stamp.write_text(json.dumps(reqs))
    return py


def version(py: Path, dist: str) -> str:
    r = subprocess.run([str(py), "-c", "import importlib.metadata as m, sys; "
                        f"print(m.version({dist!r}))"], capture_output=True, text=True)
    return r.stdout.strip() or "?"


def run_kit(py: Path, module: str, opts: list[str], extra: list[str], out: Path,
            env_extra: dict | None = None) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), **(env_extra or {}))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run([str(py), "-m", "pyref", "conform", f"pyref.adapters.{module}",
                        *opts, *extra, "--json", str(out), "--max-report", "20"],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode not in (0, 1):
        raise RuntimeError(f"{module}: pyref conform failed ({r.returncode}):\n{r.stderr}")
    doc = json.loads(out.read_text())
    doc["rc"], doc["wall_s"] = r.returncode, wall
    doc["cpu_s"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    doc["stdout"] = r.stdout
    return doc


def git_head(src: Path) -> str:
    """The commit of the fetched hflayers source: a ``.git-commit`` file in it, or its git
    HEAD, else '?'."""
    stamp = src / ".git-commit"
    if stamp.is_file():
        return stamp.read_text().strip()[:7]
    r = subprocess.run(["git", "-C", str(src), "rev-parse", "--short", "HEAD"],
                       capture_output=True, text=True)
    return r.stdout.strip() or "?"


def conventions_of(py: Path, module: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run([str(py), "-c", f"import json, pyref.adapters.{module} as m; "
                        "print(json.dumps(m.CONVENTIONS))"], env=env, capture_output=True,
                       text=True, check=True)
    return json.loads(r.stdout)


def _row_counts(doc: dict) -> tuple[int, int, list[str], list[str]]:
    checked = [c for c in doc["coverage"] if c["status"] == "checked"]
    passed = sum(c["passed"] for c in checked)
    total = sum(c["checks"] for c in checked)
    names = [c["function"] for c in checked]
    skipped = [c["function"] for c in doc["coverage"] if c["status"] == "skipped"]
    return passed, total, names, skipped


def render(results: list[dict], args: argparse.Namespace) -> str:
    lines = [
        "# Peers: the conformance kit on real libraries",
        "",
        "Generated by `python3 benchmarks/peers.py` "
        f"(`--fuzz {args.fuzz} --seed {args.seed}`) on {time.strftime('%Y-%m-%d')}: each "
        "library installed from PyPI in its own virtual environment, checked through its "
        "shipped adapter `pyref.adapters.NAME` with the conventions it declares, in two "
        "runs: the fixed vectors (1100 cases, plus 40 seeded RBM and 30 seeded Hopfield-"
        "layer cases) with property mode, then differential fuzzing with property mode "
        "(`--fuzz` cases per adapter function). Times are wall / CPU seconds "
        f"of each `pyref conform` process on a shared 2-core machine "
        f"(Python {platform.python_version()}); other sessions were running, so wall "
        "times are upper figures. How to write an adapter: "
        "[conformance.md](conformance.md).",
        "",
        "| library | version | conventions (`pyref conform` options) | functions checked "
        "| fixed checks passed | properties passed | fuzz cases | verdict | fixed run "
        "wall / CPU s | fuzz run wall / CPU s |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        fx, fz = r["fixed"], r["fuzz"]
        passed, total, names, _ = _row_counts(fx)
        props = {**fx["properties"]}
        pp = sum(v[0] for v in props.values())
        pt = sum(v[1] for v in props.values())
        fcases = sum(c["fuzz_cases"] for c in fz["coverage"])
        verdict = "PASS" if fx["ok"] and fz["ok"] else "**FAIL**"
        opts = " ".join(r["options"]) or "(defaults)"
        lines.append(
            f"| {r['name']} | {r['version']} | `{opts}` | {', '.join(names)} | "
            f"{passed}/{total} | {pp}/{pt} | {fcases} | {verdict} | "
            f"{fx['wall_s']:.1f} / {fx['cpu_s']:.1f} | {fz['wall_s']:.1f} / {fz['cpu_s']:.1f} |")
    lines += ["", "## Findings", ""]
    for r in results:
        fx, fz = r["fixed"], r["fuzz"]
        lines.append(f"### {r['name']} {r['version']}")
        lines.append("")
        if fx["ok"] and fz["ok"]:
            lines.append("No mismatch: every check of the fixed vectors, every property "
                         "and every fuzz case agrees with pyref under the conventions "
                         "above.")
        else:
            fns = sorted(set(fx["mismatch_functions"]) | set(fz["mismatch_functions"]))
            lines.append(f"Fixed vectors: {fx['mismatch_count']} mismatches "
                         f"({', '.join(fx['mismatch_functions']) or 'none'}); fuzzing: "
                         f"{len(fz['fuzz_failures'])} minimal failing cases "
                         f"({', '.join(fns)}).")
            for f, rep in zip(fz["fuzz_failures"], fz["reproducers"]):
                m = f["mismatches"][0]
                lines += ["", f"Minimal case ({f['function']}, after shrinking): "
                          f"`{m['call']}` - expected `{m['expected']}`, got `{m['got']}`.",
                          "", "```python", rep, "```"]
        for note in r.get("notes", []):
            lines += ["", note]
        lines.append("")
    skipped = {r["name"]: _row_counts(r["fixed"])[3] for r in results}
    lines += ["## Not checked", "",
              "Functions a library does not offer are skipped (the coverage table of each "
              "run lists them); e.g. no peer above has a single-neuron step except through "
              "a whole sweep or run, none has thresholds except neurolab (bias), and only "
              "scikit-learn has an RBM. Per library, skipped: " + "; ".join(
                  f"{k}: {len(v)} of {len(results[0]['fixed']['coverage'])}"
                  for k, v in skipped.items()) + ".",
              "",
              "hflayers is not on PyPI: its row (if present) comes from "
              "`--hflayers-src DIR`, a fetched copy of its source (never committed) with "
              "torch from PyPI; see [conformance.md](conformance.md#hflayers).", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--venvs", type=Path,
                   default=Path(os.environ.get("PYREF_PEERS_DIR", "/tmp/pyref-peers")))
    p.add_argument("--out", type=Path, default=None, help="JSON reports directory")
    p.add_argument("--fuzz", type=int, default=200, help="fuzz cases per function")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--only", nargs="*", default=None, help="peer names")
    p.add_argument("--doc", type=Path, default=ROOT / "docs" / "peers.md")
    p.add_argument("--hflayers-src", type=Path, default=None,
                   help="directory holding the fetched hflayers package (adds hflayers)")
    args = p.parse_args(argv)
    out = args.out or args.venvs / "reports"
    out.mkdir(parents=True, exist_ok=True)
    results = []
    for name, (module, reqs, _) in PEERS.items():
        if args.only and name not in args.only:
            continue
        env_extra = {}
        if name == "hflayers":
            if args.hflayers_src is None:
                continue
            env_extra = {"HFLAYERS_SRC": str(args.hflayers_src.resolve())}
        py = venv(args.venvs, name, reqs)
        conv = conventions_of(py, module)
        opts = cli_options(conv)
        print(f"{name}: {' '.join(opts)}", flush=True)
        fixed = run_kit(py, module, opts, ["--properties"], out / f"{name}-fixed.json",
                        env_extra)
        fz = run_kit(py, module, opts, ["--skip-vectors", "--properties", "--fuzz",
                                        str(args.fuzz), "--seed", str(args.seed)],
                     out / f"{name}-fuzz.json", env_extra)
        ver = version(py, name) if name != "hflayers" else \
            f"git {git_head(args.hflayers_src)} (torch {version(py, 'torch')})"
        notes: list[str] = []
        res = {"name": name, "version": ver, "options": opts, "fixed": fixed, "fuzz": fz,
               "notes": notes}
        if name == "dhnn":
            notes.append(DHNN_NOTE.format(classes=", ".join(
                f"{k} {v}" for k, v in sorted(fixed["mismatch_classes"].items()))))
        if name == "hflayers":
            notes.append(
                "With the settings of [conformance.md](conformance.md#hflayers) (all "
                "normalisations, the input bias and the output projection off, "
                "`pattern_projection_as_connected=True`, the mask inverted, "
                "`update_steps_max = steps - 1`, `scaling = beta`) every seeded and fuzzed "
                "case agrees with `pyref.layers.hopfield_association` within the kit's "
                "relative 1e-9 (float64).")
        if name == "hopfieldkit":
            r = subprocess.run([str(py), "-c", HOPFIELDKIT_CLAIM], capture_output=True,
                               text=True, check=True)
            notes.append(
                "Docstring claim (`hopfieldkit.base`: \"a unit only flips when doing so "
                "strictly lowers its own contribution to E\") is false on ties: with "
                "`W = 0` one sequential pass from `(-1, -1)` gives state and recorded "
                f"energies `{r.stdout.strip()}`: both units flip (`local_field >= 0` "
                "gives +1) and the energy stays 0. The energy never rises (the property "
                "checks pass), so convergence is unaffected; the strict claim is wrong.")
        results.append(res)
        print(f"  fixed: rc {fixed['rc']}, {fixed['wall_s']:.1f} s; fuzz: rc {fz['rc']}, "
              f"{fz['wall_s']:.1f} s", flush=True)
    if not args.only:
        args.doc.write_text(render(results, args), encoding="utf-8")
        print(f"wrote {args.doc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
