"""Per-network margin certificates checked by Lean (spec T8).

``python3 -m proofs_ci certify --weights W --patterns P [--thresholds T] [--radius D]
[--tie keep|plus]`` reads a network and patterns (text rows of integers or decimals, CSV, or
``.npy``; decimals are read exactly as rationals), computes with ``pyref.margins`` the
certified radius of every pattern (T8's radius form), and, when every pattern has one (at
least ``D`` when given), writes a Lean file stating, for the literal network, that each
pattern is a fixed point and every state within its radius reaches it in one synchronous
step and under every asynchronous schedule covering the disagreement set. The file proves
each statement by ``decide +kernel`` on the checker ``Hopfield.marginCertOk`` and ``exact``
of the library's soundness theorem ``Hopfield.recallsWithin_of_marginCertOk``; it is built
with the project's toolchain against the built library.

Rational weights and thresholds are scaled by the least common multiple of their
denominators to integers: a common positive factor changes no update, so the certificate
about the scaled integer network is one about the given network.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from fractions import Fraction
from math import lcm
from pathlib import Path
from typing import Callable

import numpy as np

from . import audit, build
from .toolchain import Toolchain

CERT_IMPORT = "Hopfield.Thm.MarginCert"
CERT_MODULE = "Certificate"
_ARTIFACTS = (".olean", ".ilean", ".hash", ".olean.private", ".olean.server", ".ir")


class CertifyError(ValueError):
    """The input cannot be certified as given (bad file, shape or entries)."""


@dataclass
class Network:
    """An integer network (weights scaled by ``scale``) and its ``+1``/``-1`` patterns."""

    W: list[list[int]]
    theta: list[int]
    patterns: list[list[int]]
    scale: int


@dataclass
class Failure:
    """The first pattern and row where the margin condition fails, in the input's units."""

    pattern: int
    row: int
    radius: int
    margin: Fraction
    bound: Fraction

    def message(self) -> str:
        short = self.bound - self.margin
        return (f"NOT CERTIFIED: pattern {self.pattern}, row {self.row}: margin "
                f"p_i (h_i - theta_i) = {self.margin} does not exceed 2 x (sum of the "
                f"{self.radius} largest |W_ij| of the row) = {self.bound}; short by {short} "
                f"(it must be strictly larger)")


def _number(tok: str, where: str) -> Fraction:
    try:
        return Fraction(tok)
    except (ValueError, ZeroDivisionError):
        raise CertifyError(f"{where}: cannot read {tok!r} as a number; expected an integer or "
                           f"a decimal such as -1.25") from None


def read_table(path: Path, name: str) -> list[list[Fraction]]:
    """A rectangular table of exact numbers from text/CSV rows or a ``.npy`` file."""
    if not path.is_file():
        raise CertifyError(f"{name}: {path} is not a file")
    if path.suffix == ".npy":
        try:
            arr = np.load(path, allow_pickle=False)
        except (ValueError, OSError) as exc:
            raise CertifyError(f"{name}: cannot read {path} as .npy ({exc})") from None
        if arr.ndim == 1:
            arr = arr[None, :]
        if arr.ndim != 2:
            raise CertifyError(f"{name}: {path} has shape {arr.shape}; expected a 1-D or 2-D "
                               f"array")
        if arr.dtype.kind == "f":
            if not np.all(np.isfinite(arr)):
                raise CertifyError(f"{name}: {path} contains NaN or infinite entries; "
                                   f"expected finite numbers")
            return [[Fraction(float(v)) for v in row] for row in arr]
        if arr.dtype.kind in "iu":
            return [[Fraction(int(v)) for v in row] for row in arr]
        raise CertifyError(f"{name}: {path} has dtype {arr.dtype}; expected integers or "
                           f"floats")
    rows: list[list[Fraction]] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        toks = [t for t in re.split(r"[,;\s]+", line) if t]
        rows.append([_number(t, f"{name}: {path}:{lineno}") for t in toks])
        if len(rows[-1]) != len(rows[0]):
            raise CertifyError(f"{name}: {path}:{lineno} has {len(rows[-1])} entries but the "
                               f"first row has {len(rows[0])}; expected a rectangular table")
    if not rows:
        raise CertifyError(f"{name}: {path} has no numbers")
    return rows


def load_network(weights: Path, patterns: Path, thresholds: Path | None) -> Network:
    """Read, check and scale a network to integers; ``CertifyError`` on bad input."""
    W = read_table(weights, "weights")
    n = len(W)
    if any(len(r) != n for r in W):
        raise CertifyError(f"weights: {weights} is {n} x {len(W[0])}; expected a square "
                           f"n x n matrix")
    if thresholds is None:
        th = [Fraction(0)] * n
    else:
        t = read_table(thresholds, "thresholds")
        th = [v for row in t for v in row] if (len(t) == 1 or len(t[0]) == 1) else []
        if len(th) != n:
            raise CertifyError(f"thresholds: {thresholds} has {len(t)} x {len(t[0])} entries; "
                               f"expected {n} (one per neuron) in a row or a column")
    P = read_table(patterns, "patterns")
    if len(P[0]) != n:
        raise CertifyError(f"patterns: rows have {len(P[0])} entries; expected {n} (the "
                           f"number of neurons)")
    for k, row in enumerate(P):
        for i, v in enumerate(row):
            if v not in (1, -1):
                raise CertifyError(f"patterns: pattern {k} entry {i} is {v}; expected every "
                                   f"entry to be +1 or -1")
    scale = lcm(*(v.denominator for row in W for v in row), *(v.denominator for v in th))
    return Network([[int(v * scale) for v in row] for row in W], [int(v * scale) for v in th],
                   [[int(v) for v in row] for row in P], scale)


def plan(net: Network, radius: int | None) -> tuple[list[int], Failure | None]:
    """The radius to certify for each pattern, or the first failure (spec T8)."""
    from pyref.margins import certified_radius, cut_values, margins, top_sums

    n = len(net.W)
    if radius is not None and not 0 <= radius <= n:
        raise CertifyError(f"--radius: got {radius}; expected 0 <= D <= n = {n}")
    radii = []
    for k, p in enumerate(net.patterns):
        r = certified_radius(net.W, net.theta, p)
        if r < 0 or (radius is not None and r < radius):
            d = 0 if radius is None else radius
            mu, top = margins(net.W, net.theta, p), top_sums(net.W, d)
            i = next(i for i in range(n) if mu[i] <= 2 * top[i])
            return radii, Failure(k, i, d, Fraction(mu[i], net.scale),
                                  Fraction(2 * top[i], net.scale))
        radii.append(r if radius is None else radius)
    return radii, None


def _list(xs: list[str]) -> str:
    return "[" + ", ".join(xs) + "]"


def render(net: Network, radii: list[int], tie: str) -> str:
    """The certificate's Lean source: literal data, kernel checks, and the T8 statements."""
    from pyref.margins import cut_values

    n = len(net.W)
    rule = "Hopfield.TieRule." + tie
    out = [
        "module", "", f"public import {CERT_IMPORT}", "",
        "/-!",
        f"# Margin certificate: {n} neurons, {len(net.patterns)} pattern(s) (spec T8)",
        "",
        "Generated by `python3 -m proofs_ci certify`. For the literal network below (weights",
        f"and thresholds scaled by {net.scale} to integers, which changes no update), each",
        "pattern is a fixed point and every state within the stated Hamming distance of it",
        "goes to it in one synchronous step and under every asynchronous schedule visiting",
        f"each neuron where it differs from the pattern (tie rule `{tie}`).",
        "",
        "## Main definitions",
        "",
        "* `rowI`, `weights`, `thresholds`, `patternK`, `cutsK`: the literal data",
        "* `net`, `theta`, `pK`: the network and the patterns as Lean's `Hopfield` objects",
        "",
        "## Main results",
        "",
        "* `patternK_check`: the margin checker `Hopfield.marginCertOk`, by `decide +kernel`",
        "* `patternK_recall`: T8 for pattern K (`Hopfield.recallsWithin_of_marginCertOk`)",
        "-/", "",
        "namespace HopfieldCertificate", "",
    ]
    for i, row in enumerate(net.W):  # one definition per row keeps each elaboration small
        out += [f"/-- Weight row {i} (spec T8). -/", f"def row{i} : List Int :=",
                "  " + _list([str(v) for v in row]), ""]
    out += ["/-- The weight rows `W_i` (spec T8). -/",
            "def weights : List (List Int) :=",
            "  " + _list([f"row{i}" for i in range(n)]), "",
            "/-- The thresholds (spec T8). -/",
            "def thresholds : List Int :=", "  " + _list([str(v) for v in net.theta]), "",
            "/-- The network's weights `W i j` (spec T8). -/",
            f"noncomputable def net : Hopfield.Weights {n} := Hopfield.Weights.ofLists weights", "",
            "/-- The network's thresholds `θ i` (spec T8). -/",
            f"noncomputable def theta : Hopfield.Thresholds {n} := Hopfield.Thresholds.ofList thresholds", ""]
    for k, (p, d) in enumerate(zip(net.patterns, radii)):
        cuts = [int(c) for c in cut_values(net.W, d)]
        out += [
            f"/-- Pattern {k} as a list of spins (spec T8). -/",
            f"def pattern{k} : List Int :=", "  " + _list([str(v) for v in p]), "",
            f"/-- Pattern {k} as a state (spec T8). -/",
            f"noncomputable def p{k} : Hopfield.State {n} := Hopfield.State.ofList pattern{k}", "",
            f"/-- The cuts for pattern {k}: per row t_i = the d-th largest |W_ij|, d = {d}",
            "(the largest for d = 0) (spec T8). -/",
            f"def cuts{k} : List Int :=", "  " + _list([str(v) for v in cuts]), "",
            f"/-- The kernel-checked margin fact for pattern {k} at radius {d} (spec T8). -/",
            f"theorem pattern{k}_check :",
            f"    Hopfield.marginCertOk {n} weights thresholds pattern{k} {d} cuts{k} = true := by",
            "  decide +kernel", "",
            f"/-- Pattern {k} is a fixed point, and every state within distance {d} of it goes",
            "to it in one synchronous step and under every schedule covering the neurons where",
            "it differs (spec T8). -/",
            f"theorem pattern{k}_recall :",
            f"    Hopfield.IsFixedPoint {rule} net theta p{k} ∧",
            f"      ∀ s : Hopfield.State {n}, Hopfield.hamming s p{k} ≤ {d} →",
            f"        Hopfield.syncStep {rule} net theta s = p{k} ∧",
            f"        ∀ l : List (Fin {n}), (∀ j, s j ≠ p{k} j → j ∈ l) →",
            f"          Hopfield.runSchedule {rule} net theta s l = p{k} := by",
            f"  exact Hopfield.recallsWithin_of_marginCertOk {rule} pattern{k}_check", "",
        ]
    out += ["end HopfieldCertificate", ""]
    return "\n".join(out)


def _closure(mods: dict[str, build.Module], root: str) -> list[str]:
    seen, stack = set(), [root]
    while stack:
        m = stack.pop()
        if m not in seen:
            seen.add(m)
            stack.extend(mods[m].imports)
    return sorted(seen)


def check_lean(tc: Toolchain, text: str, src: Path, lib_build: Path, jobs: int,
               log: Callable[[str], None]) -> build.Result:
    """Build the certificate against the library (built first into ``lib_build``).

    The certificate is compiled in a temporary tree holding it, copies of the library sources
    it imports and their built files (so those count as cached and are not rebuilt).
    """
    res = build.build(tc, src, lib_build, jobs=jobs, targets=[CERT_IMPORT], log=log)
    bad = [r for r in res if r.status not in ("built", "cached")]
    if bad:
        raise build.BuildError(f"the library module {bad[0].name} did not build: "
                               f"{bad[0].output[-2000:]}")
    mods = build.discover(src)
    with tempfile.TemporaryDirectory(prefix="hopfield-certify-") as tmp:
        tsrc, tbuild = Path(tmp) / "src", Path(tmp) / "build"
        for name in _closure(mods, CERT_IMPORT):
            rel = Path(*name.split("."))
            dst = tsrc / rel.with_suffix(".lean")
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(mods[name].path, dst)
            (tbuild / rel).parent.mkdir(parents=True, exist_ok=True)
            for ext in _ARTIFACTS:
                f = lib_build / rel.parent / (rel.name + ext)
                if f.is_file():
                    shutil.copyfile(f, tbuild / rel.parent / (rel.name + ext))
        (tsrc / f"{CERT_MODULE}.lean").write_text(text, encoding="utf-8")
        out = build.build(tc, tsrc, tbuild, jobs=1, targets=[CERT_MODULE], log=lambda _: None)
    return next(r for r in out if r.name == CERT_MODULE)


def certify(tc: Toolchain | None, weights: Path, patterns: Path, thresholds: Path | None,
            radius: int | None, tie: str, src: Path, lib_build: Path, jobs: int = 1,
            out: Path | None = None, log: Callable[[str], None] = print) -> int:
    """The ``certify`` command: 0 certified, 1 not certifiable or rejected by Lean, 2 bad
    input. ``tc=None`` stops after writing the file (no Lean run)."""
    if tie not in ("keep", "plus"):
        log(f"error: --tie: got {tie!r}; expected 'keep' or 'plus'")
        return 2
    try:
        net = load_network(weights, patterns, thresholds)
        radii, fail = plan(net, radius)
    except CertifyError as exc:
        log(f"error: {exc}")
        return 2
    if fail is not None:
        log(fail.message())
        return 1
    text = render(net, radii, tie)
    findings = audit.scan_text(text, Path(f"{CERT_MODULE}.lean"))
    if findings:  # the generator's own bug: never hand such a file to Lean
        for f in findings:
            log(f"AUDIT: {f}")
        return 1
    if out is not None:
        out.write_text(text, encoding="utf-8")
        log(f"wrote {out}")
    if tc is None:
        return 0
    t0 = time.monotonic()
    res = check_lean(tc, text, src, lib_build, jobs, log=lambda _: None)
    if res.status != "built":
        log(f"NOT CERTIFIED: Lean rejected the certificate:\n{res.output}")
        return 1
    n = len(net.W)
    log(f"CERTIFIED ({n} neurons, tie rule {tie}, Lean check {time.monotonic() - t0:.1f} s):")
    for k, d in enumerate(radii):
        log(f"  pattern {k}: fixed point, radius {d}")
    return 0
