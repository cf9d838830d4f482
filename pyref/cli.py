"""Command line interface ``pyref`` (also ``python -m pyref``).

Subcommands
-----------
``recall``     store patterns (a file or a built-in example), recall a noisy probe and print
               the trajectory with its energies (spec T1-T5).
``boltzmann``  exact stationary distribution, Doeblin mixing bound and a Gibbs-sampler check
               for a small Boltzmann machine (spec B1-B4).
``bench``      time batched recall (``recall_batch``) on random patterns.
``vectors``    regenerate the kernel-checked Lean test vectors (spec T7).
``conform``    check another implementation (an adapter module) against the versioned JSON
               conformance vectors (``docs/conformance.md``); exit 1 on any mismatch.

Pattern files: one pattern per line, either a string of ``+``/``-`` characters or numbers
``1``/``-1`` separated by spaces or commas; blank lines and lines starting with ``#`` are
ignored.  Weight files: ``n`` rows of ``n`` integers (``numpy.loadtxt`` format).
"""

from __future__ import annotations

import argparse
import io
import math
import os
import sys
import time
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any, TextIO

import numpy as np

from . import boltzmann as bz
from ._validate import check_patterns, check_q, check_real, check_state
from .classical import hamming, recall_batch, run
from .learning import (
    flip_random,
    fraction_fixed_points,
    hebbian,
    hebbian_recall_batch,
    pseudo_inverse,
    storkey,
)

__all__ = ["main", "Progress", "parse_patterns", "EXAMPLES"]


class Progress:
    """A tiny stderr progress bar: call ``p(done, total)``; ``p.close()`` ends the line.

    Disabled (silent) when ``enabled`` is False.  Redraws at most every 0.1 s.
    """

    def __init__(self, label: str, enabled: bool = True, stream: TextIO | None = None,
                 width: int = 30) -> None:
        self.label = label
        self.enabled = enabled
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self._last = -1.0
        self._drawn = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        frac = min(1.0, done / total)
        k = int(round(frac * self.width))
        self.stream.write(f"\r{self.label} [{'#' * k}{'.' * (self.width - k)}] "
                          f"{100 * frac:3.0f}% ({done}/{total})")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Finish the line (only if something was drawn)."""
        if self.enabled and self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False


# --------------------------------------------------------------------------- examples

_LETTERS = {
    # 5 x 5 pixel letters, '#' = +1, '.' = -1 (row by row)
    "T": "#####..#....#....#....#..",
    "L": "#....#....#....#....#####",
    "X": "#...#.#.#...#...#.#.#...#",
    "O": ".###.#...##...##...#.###.",
}

EXAMPLES = {
    "tiny": "4 neurons, 2 orthogonal patterns (T3/T4 hold: m(2d+1) < n for d = 0)",
    "orthogonal": "16 neurons, 4 pairwise-orthogonal Walsh patterns (T3, T4 with d = 1)",
    "letters": "5x5 pixel letters T, L, X, O (25 neurons, 4 patterns)",
    "random": "N random patterns (--n, --m, --seed)",
}


def _walsh(n: int, m: int) -> np.ndarray:
    """Rows 1..m of the Sylvester-Hadamard matrix of order n (n a power of 2)."""
    H = np.array([[1]])
    while H.shape[0] < n:
        H = np.block([[H, H], [H, -H]])
    return H[1:m + 1].astype(np.int64)


def example_patterns(name: str, *, n: int = 100, m: int = 5, seed: int = 0) -> np.ndarray:
    """The built-in pattern sets of :data:`EXAMPLES`."""
    if name == "tiny":
        return np.array([[1, 1, -1, -1], [1, -1, 1, -1]])
    if name == "orthogonal":
        return _walsh(16, 4)
    if name == "letters":
        return np.array([[1 if c == "#" else -1 for c in v] for v in _LETTERS.values()])
    if name == "random":
        rng = np.random.default_rng(seed)
        return rng.choice(np.array([-1, 1]), size=(m, n))
    raise ValueError(f"example: got {name!r}; expected one of {sorted(EXAMPLES)}")


def _parse_line(line: str, lineno: int) -> list[int]:
    if any(c in line for c in " ,\t"):
        toks = [t for t in line.replace(",", " ").split() if t]
        try:
            vals = [int(t) for t in toks]
        except ValueError as exc:
            raise ValueError(f"line {lineno}: {line!r} is not a list of integers "
                             f"1/-1") from exc
        return vals
    out = []
    for c in line:
        if c == "+":
            out.append(1)
        elif c == "-":
            out.append(-1)
        else:
            raise ValueError(f"line {lineno}: character {c!r} in {line!r}; expected a "
                             f"string of '+' and '-' or numbers 1/-1 separated by spaces")
    return out


def parse_patterns(text: str) -> np.ndarray:
    """Parse a pattern file's text (format in the module docstring) into ``(m, n)``."""
    rows = []
    for k, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        rows.append(_parse_line(line, k))
    if not rows:
        raise ValueError("patterns: the file contains no pattern; expected one per line")
    lens = {len(r) for r in rows}
    if len(lens) != 1:
        raise ValueError(f"patterns: lines have different lengths {sorted(lens)}; expected "
                         f"every pattern to have the same number of neurons")
    return check_patterns(np.array(rows))


def _fmt_state(s: np.ndarray, limit: int = 72) -> str:
    txt = "".join("+" if v == 1 else "-" for v in s)
    return txt if len(txt) <= limit else txt[:limit] + f"...({len(txt)})"


# --------------------------------------------------------------------------- recall

def _check_counts(args: argparse.Namespace, lower: dict[str, int]) -> None:
    """Each ``--option`` named in ``lower`` must be an integer >= its bound (before any
    output is produced)."""
    for opt, lo in lower.items():
        v = getattr(args, opt.replace("-", "_"))
        if v < lo:
            raise ValueError(f"--{opt}: got {v}; expected an integer >= {lo}")


def _cmd_recall(args: argparse.Namespace, out: TextIO) -> int:
    _check_counts(args, {"n": 1, "m": 1, "max-sweeps": 1, "seed": 0, "flips": 0,
                         "target": 0})
    if args.patterns is not None:
        with open(args.patterns, encoding="utf-8") as fh:
            P = parse_patterns(fh.read())
        src = args.patterns
    else:
        P = example_patterns(args.example, n=args.n, m=args.m, seed=args.seed)
        src = f"example '{args.example}'"
    m, n = P.shape
    if args.rule == "hebbian":
        W: Any = hebbian(P)
    elif args.rule == "storkey":
        W = storkey(P)
    else:
        W = pseudo_inverse(P)
    theta = np.zeros(n, dtype=np.int64)
    if not 0 <= args.target < m:
        raise ValueError(f"--target: got {args.target}; expected 0 <= target < m = {m}")
    target = P[args.target]
    if args.probe is not None:
        probe = check_state(_parse_line(args.probe.strip(), 0), n, "--probe")
        how = "given probe"
    else:
        if not 0 <= args.flips <= n:
            raise ValueError(f"--flips: got {args.flips}; expected 0 <= flips <= n = {n}")
        probe = flip_random(target, args.flips, seed=args.seed)
        how = f"pattern {args.target} with {args.flips} random flips (seed {args.seed})"
    print(f"stored {m} patterns of {n} neurons from {src} with the {args.rule} rule", file=out)
    print(f"fraction of stored patterns that are fixed points: "
          f"{fraction_fixed_points(W, theta, P, args.tie):.3f}", file=out)
    print(f"probe: {how}; Hamming distance to pattern {args.target}: "
          f"{hamming(probe, target)}", file=out)
    res = run(W, theta, probe, mode=args.mode, schedule=args.schedule, tie=args.tie,
              max_sweeps=args.max_sweeps, seed=args.seed)
    unit = "sweep" if args.mode == "async" else "step"
    print(f"{unit:>5}  {'energy':>12}  {'d(target)':>9}  state", file=out)
    for t, (s, e) in enumerate(zip(res.trajectory, res.energies)):
        e_txt = f"{e}" if isinstance(e, (int, np.integer)) else f"{float(e):.6g}"
        print(f"{t:>5}  {e_txt:>12}  {hamming(s, target):>9}  {_fmt_state(s)}", file=out)
    d = [hamming(res.state, p) for p in P]
    k = int(np.argmin(d))
    extra = f", {res.flips} flips" if res.flips is not None else ""
    print(f"status: {res.status} after {res.sweeps} {unit}s{extra}", file=out)
    print(f"nearest stored pattern: {k} at Hamming distance {d[k]}; "
          f"recalled target exactly: {d[args.target] == 0}", file=out)
    return 0


# --------------------------------------------------------------------------- boltzmann

_BM_EXAMPLES = {
    "3": (np.array([[0, 1, -1], [1, 0, 2], [-1, 2, 0]]), np.array([0, 1, 0])),
    "4": (np.array([[0, 1, 0, -1], [1, 0, 1, 0], [0, 1, 0, 1], [-1, 0, 1, 0]]),
          np.array([0, 0, 1, 0])),
}


def _cmd_boltzmann(args: argparse.Namespace, out: TextIO) -> int:
    _check_counts(args, {"samples": 0, "chains": 1, "burn-in": 0, "seed": 0})
    check_real(args.eps, "--eps", lo=0.0, hi=1.0, lo_open=True, hi_open=True)
    if args.weights is not None:
        W = np.atleast_2d(np.loadtxt(args.weights, dtype=np.int64))
        theta = (np.zeros(W.shape[0], dtype=np.int64) if args.thresholds is None
                 else np.array([int(t) for t in args.thresholds.replace(",", " ").split()]))
    else:
        W, theta = _BM_EXAMPLES[args.example]
    n = W.shape[0]
    if n > bz.MAX_EXACT_KERNEL_N:
        raise ValueError(f"W: n = {n}; the exact rational kernels of this command are for "
                         f"n <= {bz.MAX_EXACT_KERNEL_N}")
    q = check_q(args.q)
    if q == 1:
        beta_txt, beta = "0 (uniform)", None
    else:
        beta = -math.log(float(q))
        beta_txt = f"{beta:.6g}"
    E = bz.energies_all(W, theta)
    w = bz.boltzmann_weights_exact(W, theta, q)
    pi = bz.boltzmann_exact(W, theta, q)
    Zp = sum(w, Fraction(0))
    print(f"Boltzmann machine: n = {n}, q = exp(-beta) = {q}, beta = {beta_txt}", file=out)
    print(f"{'k':>4}  {'state':<{max(5, n)}}  {'E':>5}  {'pi (exact)':>22}  {'pi':>10}",
          file=out)
    for k, s in enumerate(bz.all_states(n)):
        print(f"{k:>4}  {_fmt_state(s):<{max(5, n)}}  {int(E[k]):>5}  {str(pi[k]):>22}  "
              f"{float(pi[k]):>10.6f}", file=out)
    Emin = min(int(e) for e in E)
    print(f"Z' = sum q^(E - E_min) = {Zp}  (E_min = {Emin})", file=out)
    if beta is not None:
        print(f"log Z = log sum exp(-beta E) = {Emin * -beta + math.log(float(Zp)):.6f}  "
              f"(log-sum-exp: {bz.log_partition_function(W, theta, beta):.6f})", file=out)
    K = bz.random_scan_kernel(w)
    Ssys = bz.systematic_scan_kernel(w)
    print(f"B2 stationarity exact: pi K = pi: {bool(np.all(pi @ K == pi))}; "
          f"pi K_sys = pi: {bool(np.all(pi @ Ssys == pi))}", file=out)
    for label, alpha, block in (
            ("random scan, K^n", bz.doeblin_alpha_random_scan(w), f"{n} steps"),
            ("systematic scan", bz.doeblin_alpha_systematic(w), "1 sweep")):
        t = bz.steps_for_tv(alpha, args.eps)
        print(f"Doeblin ({label}): alpha = {float(alpha):.6g}; TV <= (1 - alpha)^t; "
              f"TV <= {args.eps} after t = {t} blocks of {block}", file=out)
    if args.samples > 0:
        scans = ["random", "systematic"] if args.scan == "both" else [args.scan]
        bq = beta if beta is not None else 1e-300
        pif = np.array([float(x) for x in pi])
        for scan in scans:
            prog = Progress(f"gibbs {scan}", enabled=args.progress)
            smp = bz.gibbs_sample(W, theta, bq, n_sweeps=args.samples, scan=scan,
                                  n_chains=args.chains, seed=args.seed, burn_in=args.burn_in,
                                  progress=prog)
            prog.close()
            emp = bz.empirical_distribution(smp)
            tv = bz.tv_distance(emp, pif)
            print(f"sampler check ({scan} scan, {args.chains} chains x {args.samples} sweeps,"
                  f" seed {args.seed}): TV(empirical, pi) = {tv:.4f}", file=out)
    return 0


# --------------------------------------------------------------------------- bench

def _cmd_bench(args: argparse.Namespace, out: TextIO) -> int:
    _check_counts(args, {"n": 1, "m": 1, "probes": 1, "max-sweeps": 1, "repeat": 1,
                         "seed": 0})
    check_real(args.noise, "--noise (flip probability)", lo=0.0, hi=1.0)
    rng = np.random.default_rng(args.seed)
    P = rng.choice(np.array([-1, 1]), size=(args.m, args.n))
    W = hebbian(P)
    targets = rng.integers(0, args.m, size=args.probes)
    probes = P[targets] * np.where(rng.random((args.probes, args.n)) < args.noise, -1, 1)
    times = []
    res = None
    prog = Progress("bench", enabled=args.progress)
    for r in range(args.repeat):
        t0 = time.perf_counter()
        if args.factored:
            res = hebbian_recall_batch(P, probes, mode=args.mode, tie=args.tie,
                                       max_sweeps=args.max_sweeps)
        else:
            res = recall_batch(W, None, probes, mode=args.mode, tie=args.tie,
                               max_sweeps=args.max_sweeps)
        times.append(time.perf_counter() - t0)
        prog(r + 1, args.repeat)
    prog.close()
    assert res is not None              # --repeat >= 1 was checked
    ok = np.mean(np.all(res.states == P[targets], axis=1))
    fn = "hebbian_recall_batch" if args.factored else "recall_batch"
    print(f"{fn}: N = {args.n}, P = {args.m}, {args.probes} probes, noise "
          f"{args.noise}, mode {args.mode}: best {min(times):.4f} s, median "
          f"{sorted(times)[len(times) // 2]:.4f} s over {args.repeat} runs; "
          f"exact recall {ok:.3f}; mean sweeps {res.sweeps.mean():.2f}", file=out)
    return 0


def repo_lean_dir(cwd: Path | None = None) -> Path | None:
    """The ``lean/`` directory of the source checkout this package was imported from, if
    ``cwd`` (default: the current directory) lies inside that checkout; else ``None``."""
    root = Path(__file__).resolve().parent.parent
    lean = root / "lean"
    if not ((root / "lakefile.lean").is_file() and (lean / "Hopfield").is_dir()):
        return None
    here = (cwd if cwd is not None else Path.cwd()).resolve()
    if here != root and root not in here.parents:
        return None
    return lean


def _cmd_vectors(args: argparse.Namespace, out: TextIO) -> int:
    from .oracle import vectors

    if args.draw:
        doc = vectors.draw_corpus()
        for group, (count, seed) in vectors.LATER_GROUPS.items():
            doc = vectors.draw_group(doc, group, count, seed)
        path = vectors.write_corpus(doc)
        later = ", ".join(f"{g} with seed {s}" for g, (_c, s) in vectors.LATER_GROUPS.items())
        print(f"drew the corpus afresh (seed {vectors.DRAW_SEED}; then {later}): {path}",
              file=out)
    if args.lean_root is not None:
        lean_root = Path(args.lean_root)
    else:
        found = repo_lean_dir()
        if found is None:
            raise ValueError("--out: not given and the current directory is not inside the "
                             "pyref source checkout; expected --out DIR (the Lean source "
                             "root that receives HopfieldTest/Vectors/)")
        lean_root = found
    paths = vectors.write_lean_files(lean_root)
    for path in paths:
        print(f"wrote {path}", file=out)
    counts = ", ".join(f"{len(v)} {g}" for g, v in vectors.load_corpus()["groups"].items())
    print(f"{counts} cases of the frozen corpus in {len(paths)} files; the proof build "
          "(python3 -m proofs_ci verify) checks them with the Lean kernel", file=out)
    return 0


def _cmd_conform(args: argparse.Namespace, out: TextIO) -> int:
    import json

    from .oracle import conform, conform_fuzz

    if args.write_vectors is not None:
        path = conform.write_vectors(args.write_vectors)
        n = len(conform.load_vectors(path)["cases"])
        print(f"wrote {n} conformance cases to {path}", file=out)
        return 0
    if args.adapter is None:
        raise ValueError("ADAPTER: missing; give an adapter module (or .py file), or "
                         "--write-vectors FILE")
    conv = conform.Conventions(tie=args.tie, thresholds=not args.no_thresholds,
                               energy=args.energy, energy_scale=args.energy_scale,
                               hebbian=args.hebbian_normalisation,
                               storkey_diagonal=args.storkey_diagonal, spins=args.spins)
    require = [r.strip() for r in (args.require or "").split(",") if r.strip()]
    if args.fuzz is not None:
        conform_fuzz.need_hypothesis()
    cwd = os.getcwd()
    if cwd not in sys.path and "" not in sys.path:   # as `python -m` would: import from .
        sys.path.insert(0, cwd)
    adapter = conform.load_adapter(args.adapter)
    report = conform.ConformanceReport(conventions=conv)
    if args.save:
        conform_fuzz.replay_corpus(adapter, args.save, conv, report, args.properties)
    if not args.skip_vectors:
        doc = conform.load_vectors(args.vectors)
        fixed = conform.run_conformance(adapter, doc, conventions_=conv,
                                        properties=args.properties, finish=False)
        _merge_reports(report, fixed)
    if args.fuzz is not None:
        conform_fuzz.fuzz(adapter, conv, args.fuzz, args.seed, report=report,
                          properties=args.properties, save_dir=args.save)
    for name in conform.ADAPTER_FUNCTIONS:
        if not callable(getattr(adapter, name, None)) and name not in report.skipped:
            report.skipped.append(name)
    report.cases = sum(report.sections.values())
    report.finish(require)
    src = "skipped" if args.skip_vectors else (args.vectors or "built-in (version 1)")
    print(f"adapter {args.adapter}; vectors {src}"
          + (f"; fuzz {args.fuzz} cases per function, seed {args.seed}"
             if args.fuzz is not None else ""), file=out)
    if args.json:
        doc = report.to_dict(args.max_report)
        doc["adapter"] = args.adapter
        doc["reproducers"] = [conform_fuzz.reproducer(f.mismatches[0], args.adapter,
                                                      conv.describe())
                              for f in report.fuzz_failures]
        Path(args.json).write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    for line in conform.format_report(report, args.max_report):
        if line.startswith("cases:"):
            for f in conform_fuzz.format_failures(report, args.adapter):
                print(f, file=out)
        print(line, file=out)
    return 0 if report.ok else 1


def _merge_reports(into: Any, other: Any) -> None:
    """Add the counts and mismatches of ``other`` to ``into`` (conformance reports)."""
    for k, v in other.checks.items():
        into.checks[k] = into.checks.get(k, 0) + v
    for k, v in other.passed.items():
        into.passed[k] = into.passed.get(k, 0) + v
    for k, v in other.sections.items():
        into.sections[k] = into.sections.get(k, 0) + v
    into.mismatches.extend(other.mismatches)
    into.skipped.extend(s for s in other.skipped if s not in into.skipped)


# --------------------------------------------------------------------------- main

def _version() -> str:
    from . import __version__
    return __version__


def build_parser() -> argparse.ArgumentParser:
    """The argparse parser of ``pyref``."""
    p = argparse.ArgumentParser(
        prog="pyref",
        description="Executable reference of the verified Hopfield / Boltzmann "
                    "specification (Lean library Hopfield).")
    p.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    r = sub.add_parser("recall", help="store patterns and recall a noisy probe",
                       description="Store patterns, recall a noisy probe, print the "
                                   "trajectory and the energies (spec T1-T5).")
    src = r.add_mutually_exclusive_group()
    src.add_argument("--patterns", metavar="FILE",
                     help="pattern file: one pattern per line, '+-+-' or '1 -1 1 -1'")
    src.add_argument("--example", choices=sorted(EXAMPLES), default="letters",
                     help="built-in pattern set (default: letters). " + "; ".join(
                         f"{k}: {v}" for k, v in EXAMPLES.items()))
    r.add_argument("--n", type=int, default=100, help="neurons for --example random")
    r.add_argument("--m", type=int, default=5, help="patterns for --example random")
    r.add_argument("--rule", choices=["hebbian", "storkey", "pinv"], default="hebbian")
    r.add_argument("--target", type=int, default=0, help="index of the pattern to corrupt")
    r.add_argument("--flips", type=int, default=3, help="number of flipped neurons")
    r.add_argument("--probe", help="explicit probe instead of a corrupted pattern")
    r.add_argument("--mode", choices=["async", "sync"], default="async")
    r.add_argument("--schedule", choices=["cyclic", "random"], default="cyclic")
    r.add_argument("--tie", choices=["keep", "plus"], default="keep")
    r.add_argument("--max-sweeps", type=int, default=100)
    r.add_argument("--seed", type=int, default=0)

    b = sub.add_parser("boltzmann", help="exact distribution, mixing bound, sampler check",
                       description="Exact stationary distribution (Fractions), Doeblin "
                                   "mixing bound and a Gibbs sampler check for a small "
                                   "Boltzmann machine (spec B1-B4).")
    bsrc = b.add_mutually_exclusive_group()
    bsrc.add_argument("--example", choices=sorted(_BM_EXAMPLES), default="3",
                      help="built-in machine with 3 or 4 neurons (default 3)")
    bsrc.add_argument("--weights", metavar="FILE", help="integer weight matrix file")
    b.add_argument("--thresholds", help="integer thresholds, e.g. '0 1 0' (with --weights)")
    b.add_argument("--q", default="1/2", help="q = exp(-beta), rational in (0, 1] "
                                              "(default 1/2)")
    b.add_argument("--eps", type=float, default=0.01, help="TV target for the mixing bound")
    b.add_argument("--samples", type=int, default=2000, help="sweeps per chain (0: skip)")
    b.add_argument("--chains", type=int, default=20)
    b.add_argument("--burn-in", type=int, default=10)
    b.add_argument("--scan", choices=["random", "systematic", "both"], default="both")
    b.add_argument("--seed", type=int, default=0)
    b.add_argument("--progress", action=argparse.BooleanOptionalAction,
                   default=sys.stderr.isatty(), help="progress bar on stderr")

    c = sub.add_parser("bench", help="time batched recall",
                       description="Time recall_batch on random Hebbian patterns.")
    c.add_argument("--n", type=int, default=1000)
    c.add_argument("--m", type=int, default=50)
    c.add_argument("--probes", type=int, default=1000)
    c.add_argument("--noise", type=float, default=0.1, help="flip probability per neuron")
    c.add_argument("--mode", choices=["async", "sync"], default="async")
    c.add_argument("--tie", choices=["keep", "plus"], default="keep")
    c.add_argument("--max-sweeps", type=int, default=100)
    c.add_argument("--repeat", type=int, default=3)
    c.add_argument("--factored", action="store_true",
                   help="use hebbian_recall_batch (fields via (S P^T) P - m S, W never formed)")
    c.add_argument("--seed", type=int, default=0)
    c.add_argument("--progress", action=argparse.BooleanOptionalAction,
                   default=sys.stderr.isatty(), help="progress bar on stderr")

    v = sub.add_parser("vectors", help="regenerate the kernel-checked test vectors (T7)",
                       description="Write lean/HopfieldTest/Vectors/V*.lean from the frozen "
                                   "corpus pyref/data/vectors/v2/corpus.json.gz: literal case "
                                   "records checked by `decide +kernel` against the Lean "
                                   "definitions (spec T7).")
    v.add_argument("--out", "--lean-root", dest="lean_root", default=None, metavar="DIR",
                   help="the Lean source root to write into (default: the checkout's lean/ "
                        "when run from inside the pyref source checkout; required "
                        "elsewhere)")
    v.add_argument("--draw", action="store_true",
                   help="first draw the corpus afresh (seeded) and overwrite it: only when "
                        "the corpus itself is to change (a new version)")

    k = sub.add_parser("conform", help="check an implementation against the conformance "
                                       "vectors",
                       description="Run the versioned JSON conformance vectors (pyref's "
                                   "outputs, the classical ones kernel-checked in Lean, spec "
                                   "T7) against ADAPTER, a module exposing any of: "
                                   "field, energy, async_step, sync_step, sweep, "
                                   "is_fixed_point, hebbian, storkey, site_kernel, "
                                   "random_scan_kernel, systematic_scan_kernel, "
                                   "boltzmann_distribution, run_async, run_sync (see "
                                   "docs/conformance.md). Functions it lacks are skipped "
                                   "(shown in the coverage table); an adapter with none "
                                   "fails. Exit status 0: no mismatch; 1: some mismatch, "
                                   "nothing checked or a --require'd function unchecked; "
                                   "2: usage error.")
    k.add_argument("adapter", nargs="?", metavar="ADAPTER_MODULE",
                   help="adapter module name (importable from the current directory) or "
                        "path to a .py file")
    k.add_argument("--vectors", metavar="FILE",
                   help="vectors file (default: the built-in conformance-v1.json)")
    k.add_argument("--tie", choices=["keep", "plus", "minus"], default="keep",
                   help="the adapter's tie rule: h_i = theta_i keeps s_i (keep, the spec "
                        "default), gives +1 (plus) or -1 (minus)")
    k.add_argument("--no-thresholds", action="store_true",
                   help="the adapter has no thresholds: check only cases whose thresholds "
                        "are zero (the others are re-derived with theta = 0)")
    k.add_argument("--energy", choices=["spec", "half-quadratic"], default="spec",
                   help="energy convention: -sum_{i<j} W_ij s_i s_j + theta.s (spec) or "
                        "-1/2 s^T W s + theta.s (half-quadratic), times --energy-scale")
    k.add_argument("--energy-scale", default="1", type=Fraction,
                   help="factor of the adapter's energy (rational, default 1)")
    k.add_argument("--hebbian-normalisation", choices=["integer", "1/n", "1/m"],
                   default="integer",
                   help="the adapter's Hebbian rule: sum p p^T - m I (integer), that / n "
                        "or that / m")
    k.add_argument("--storkey-diagonal", choices=["zero", "keep"], default="zero",
                   help="the adapter's Storkey rule zeroes (zero) or accumulates (keep) "
                        "the diagonal")
    k.add_argument("--spins", choices=["pm1", "01"], default="pm1",
                   help="states +1/-1 (pm1) or 0/1 (01: x = (s+1)/2, thresholds "
                        "t = (theta + W 1)/2)")
    k.add_argument("--require", metavar="F1,F2",
                   help="fail unless these adapter functions were checked")
    k.add_argument("--fuzz", type=int, metavar="N",
                   help="differential fuzzing: N fresh Hypothesis cases per function, "
                        "shrunk to a minimal case on a mismatch (needs hypothesis)")
    k.add_argument("--seed", type=int, default=0, help="fuzzing seed (default 0)")
    k.add_argument("--save", metavar="DIR",
                   help="corpus directory: failing fuzz cases are saved there and every "
                        "saved case is replayed first")
    k.add_argument("--properties", action="store_true",
                   help="property mode: check the adapter's run_async / run_sync "
                        "trajectories (energy, legal steps, fixed points, 2-cycles)")
    k.add_argument("--json", metavar="FILE",
                   help="also write the report as JSON (coverage, mismatches, minimal fuzz "
                        "cases and reproducers)")
    k.add_argument("--skip-vectors", action="store_true",
                   help="do not run the fixed vectors (fuzz / corpus only)")
    k.add_argument("--max-report", type=int, default=50,
                   help="print at most this many mismatches (default 50)")
    k.add_argument("--write-vectors", metavar="FILE",
                   help="instead of checking, write the vectors to FILE")
    return p


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Entry point of the ``pyref`` console script; returns the exit status."""
    dest = out if out is not None else sys.stdout
    args = build_parser().parse_args(argv)
    cmd = {"recall": _cmd_recall, "boltzmann": _cmd_boltzmann, "bench": _cmd_bench,
           "vectors": _cmd_vectors, "conform": _cmd_conform}
    # the report subcommands write into a buffer first: an error prints nothing on stdout
    buf: TextIO = dest if args.command == "conform" else io.StringIO()
    try:
        rc = cmd[args.command](args, buf)
    except (ValueError, OSError) as exc:
        if isinstance(exc, BrokenPipeError):
            return _broken_pipe(dest)
        print(f"pyref {args.command}: error: {exc}", file=sys.stderr)
        return 2
    try:
        if isinstance(buf, io.StringIO):
            dest.write(buf.getvalue())
        dest.flush()
    except BrokenPipeError:
        return _broken_pipe(dest)
    return rc


def _broken_pipe(dest: TextIO) -> int:
    """The reader went away (``pyref ... | head``): stop quietly, as Python's docs advise
    (stdout is pointed at devnull so the interpreter's final flush cannot fail)."""
    if dest is sys.stdout:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
    return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
