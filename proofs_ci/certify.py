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
    radii: list[int] = []
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


def encode_digits(xs: list[int], base: int, off: int) -> int:
    """The numeral whose base-``base`` digits, least significant first, are ``x + off``.

    Lean's ``Hopfield.decodeRow base off len`` reads it back (digit ``c`` stands for
    ``c - off``); every ``x + off`` must lie in ``0 .. base - 1`` (spec T8).
    """
    x = 0
    for v in reversed(xs):
        c = v + off
        if not 0 <= c < base:
            raise ValueError(f"encode_digits: {v} + {off} is not a digit in base {base}; "
                             f"expected 0 <= v + off < base")
        x = x * base + c
    return x


def decode_digits(x: int, base: int, off: int, n: int) -> list[int]:
    """``n`` entries from the numeral ``x`` as Lean's ``Hopfield.decodeRow base off n x``
    reads them: ``[(x // base^j) % base - off for j < n]`` (spec T8)."""
    out = []
    for _ in range(n):
        out.append(x % base - off)
        x //= base
    return out


def encode_spins(p: list[int]) -> int:
    """The numeral whose bit ``j`` is ``1`` iff ``p_j = +1`` (Lean ``Hopfield.decodeSpins``)."""
    return sum(1 << j for j, v in enumerate(p) if v == 1)


def decode_spins(x: int, n: int) -> list[int]:
    """``n`` spins from the bits of ``x``, as Lean's ``Hopfield.decodeSpins n x``."""
    return [2 * ((x >> j) & 1) - 1 for j in range(n)]


@dataclass
class Encoding:
    """The numerals of a certificate: rows (base ``B``, offset ``off``), thresholds (``Bh``,
    ``offh``), per distinct radius the row facts (cuts ``T``, digit sums ``S``, excesses
    ``E`` with their bases), and per pattern its bits and its radius's group."""

    B: int
    off: int
    rows: list[int]
    Bh: int
    offh: int
    H: int
    facts: list[tuple[int, int, int, int, int, int, int]]  # (d, Bt, T, Bs, S, Be, E)
    patterns: list[tuple[int, int]]  # (bits, index into facts)


def _base(xs: list[int]) -> int:
    return max(xs, default=0) + 1


def encode(net: Network, radii: list[int]) -> Encoding:
    """The compact form of the network, its patterns, cuts and row facts (spec T8)."""
    from pyref.margins import cut_values

    off = max((abs(v) for row in net.W for v in row), default=0)
    B = 2 * off + 1
    offh = max((abs(v) for v in net.theta), default=0)
    sums = [sum(v + off for v in row) for row in net.W]
    facts: list[tuple[int, int, int, int, int, int, int]] = []
    group: dict[int, int] = {}
    for d in sorted(set(radii)):
        cuts = [int(c) for c in cut_values(net.W, d)]
        exc = [sum(max(abs(v) - t, 0) for v in row) for row, t in zip(net.W, cuts)]
        group[d] = len(facts)
        facts.append((d, _base(cuts), encode_digits(cuts, _base(cuts), 0), _base(sums),
                      encode_digits(sums, _base(sums), 0), _base(exc),
                      encode_digits(exc, _base(exc), 0)))
    return Encoding(B, off, [encode_digits(row, B, off) for row in net.W], 2 * offh + 1, offh,
                    encode_digits(net.theta, 2 * offh + 1, offh), facts,
                    [(encode_spins(p), group[d]) for p, d in zip(net.patterns, radii)])


def _comment_rows(rows: list[list[int]]) -> list[str]:
    return ["  " + " ".join(str(v) for v in row) for row in rows]


def render(net: Network, radii: list[int], tie: str, only: list[int] | None = None) -> str:
    """The certificate's Lean source: the numerals, kernel checks, and the T8 statements;
    with ``only``, for those patterns (and the row facts of their radii) alone."""
    n = len(net.W)
    e = encode(net, radii)
    ks = list(range(len(net.patterns))) if only is None else only
    used = {e.patterns[k][1] for k in ks}
    rule = "Hopfield.TieRule." + tie
    rows_arg = f"{e.B} {e.off} {n} rows {e.Bh} {e.offh} {e.H}"
    out = [
        "module", "", f"public import {CERT_IMPORT}", "",
        "/-!",
        f"# Margin certificate: {n} neurons, {len(net.patterns)} pattern(s) (spec T8)",
        "",
        "Generated by `python3 -m proofs_ci certify`. For the network below (weights and",
        f"thresholds scaled by {net.scale} to integers, which changes no update), each pattern",
        "is a fixed point and every state within the stated Hamming distance of it goes to it",
        "in one synchronous step and under every asynchronous schedule visiting each neuron",
        f"where it differs from the pattern (tie rule `{tie}`).",
        "",
        "The data are numerals: weight row `i` is `rows[i]`, read by",
        f"`Hopfield.decodeRow {e.B} {e.off} {n}` (base-{e.B} digits, least significant first,",
        f"digit `c` standing for `c - {e.off}`); the thresholds by",
        f"`Hopfield.decodeRow {e.Bh} {e.offh} {n}`; a pattern by `Hopfield.decodeSpins {n}`",
        "(bit `j` is `1` for `+1`). The comments show them decoded; `proofs_ci certify`",
        "decodes the numerals of this file again and compares them with its input before Lean",
        "runs.",
        "",
        "## Main definitions",
        "",
        "* `rows`, `weights`, `thresholds`, `patternK`: the data",
        "* `net`, `theta`, `pK`: the network and the patterns as Lean's `Hopfield` objects",
        "",
        "## Main results",
        "",
        "* `factsG`: the row facts `Hopfield.factsOk` for one radius, by `decide +kernel`",
        "* `patternK_check`: the pattern check `Hopfield.dotCertOk`, by `decide +kernel`",
        "* `patternK_recall`: T8 for pattern K (`Hopfield.recallsWithin_of_dotCertOk`)",
        "-/", "",
        "namespace HopfieldCertificate", "",
        "/- The weights, decoded, one row per line:", *_comment_rows(net.W), "-/", "",
        f"/-- The weight rows as numerals, row `i` decoded by `Hopfield.decodeRow {e.B} {e.off} "
        f"{n}` (spec T8). -/",
        "def rows : List Nat :=", "  " + _list([str(r) for r in e.rows]), "",
        "/-- The weight rows `W_i` as integer lists (spec T8). -/",
        "noncomputable def weights : List (List Int) :=",
        f"  rows.map (Hopfield.decodeRow {e.B} {e.off} {n})", "",
        "/-- The thresholds, decoded: " + " ".join(str(v) for v in net.theta) + " (spec T8). -/",
        "noncomputable def thresholds : List Int :=",
        f"  Hopfield.decodeRow {e.Bh} {e.offh} {n} {e.H}", "",
        "/-- The network's weights `W i j` (spec T8). -/",
        f"noncomputable def net : Hopfield.Weights {n} := Hopfield.Weights.ofLists weights", "",
        "/-- The network's thresholds `θ i` (spec T8). -/",
        f"noncomputable def theta : Hopfield.Thresholds {n} := "
        "Hopfield.Thresholds.ofList thresholds", "",
    ]
    for g, (d, Bt, T, Bs, S, Be, E) in enumerate(e.facts):
        if g not in used:
            continue
        out += [
            f"/-- The row facts for radius {d}: per row the cut t_i = the d-th largest |W_ij|",
            "(the largest for d = 0), the digit sum and the excess over the cut; shared by",
            f"the patterns certified at radius {d} (spec T8). -/",
            f"theorem facts{g} :",
            f"    Hopfield.factsOk {e.B} {e.off} {n} rows {Bt} {T} {Bs} {S} {Be} {E} = true := by",
            "  decide +kernel", ""]
    for k in ks:
        p, (bits, g) = net.patterns[k], e.patterns[k]
        d, Bt, T, Bs, S, Be, E = e.facts[g]
        out += [
            f"/-- Pattern {k}, decoded: " + " ".join("+" if v == 1 else "-" for v in p)
            + " (spec T8). -/",
            f"noncomputable def pattern{k} : List Int := Hopfield.decodeSpins {n} {bits}", "",
            f"/-- Pattern {k} as a state (spec T8). -/",
            f"noncomputable def p{k} : Hopfield.State {n} := Hopfield.State.ofList pattern{k}",
            "",
            f"/-- The kernel-checked margin fact for pattern {k} at radius {d}, given `facts{g}`",
            "(spec T8). -/",
            f"theorem pattern{k}_check :",
            f"    Hopfield.dotCertOk {rows_arg} {bits} {d} {Bt} {T} {Bs} {S} {Be} {E} = true := by",
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
            f"  exact Hopfield.recallsWithin_of_dotCertOk {rule} facts{g} pattern{k}_check", "",
        ]
    out += ["end HopfieldCertificate", ""]
    return "\n".join(out)


@dataclass
class ReadBack:
    """What a generated certificate's numerals decode to (see ``read_back``)."""

    W: list[list[int]]
    theta: list[int]
    patterns: dict[int, list[int]]
    checks: dict[int, tuple[int, list[int]]]  # pattern -> (radius d, cuts)


_N = r"(\d+)"


def read_back(text: str) -> ReadBack:
    """Decode the numerals of a generated certificate as Lean reads them: the weight rows, the
    thresholds, the patterns, and each check's radius and cuts. It parses the Lean text, so it
    checks ``render``'s output independently of ``encode`` (spec T8)."""
    m = re.search(r"^def rows : List Nat :=\n  \[([\d, ]*)\]$", text, re.M)
    w = re.search(rf"^  rows\.map \(Hopfield\.decodeRow {_N} {_N} {_N}\)$", text, re.M)
    t = re.search(rf"^  Hopfield\.decodeRow {_N} {_N} {_N} {_N}$", text, re.M)
    if not (m and w and t):
        raise CertifyError("the generated file lacks the rows, weights or thresholds")
    B, off, n = (int(g) for g in w.groups())
    W = [decode_digits(int(r), B, off, n) for r in m.group(1).split(", ") if r]
    Bh, offh, nh, H = (int(g) for g in t.groups())
    patterns = {int(k): decode_spins(int(x), int(nn)) for k, nn, x in re.findall(
        rf"^noncomputable def pattern{_N} : List Int := Hopfield\.decodeSpins {_N} {_N}$",
        text, re.M)}
    checks: dict[int, tuple[int, list[int]]] = {}
    for g in re.findall(rf"^theorem pattern{_N}_check :\n    Hopfield\.dotCertOk {_N} {_N} "
                        rf"{_N} rows {_N} {_N} {_N} {_N} {_N} {_N} {_N}( [\d ]+)? = true := by$",
                        text, re.M):
        k, b, o, nn, bh, oh, h, bits, d, bt, T = (int(v) for v in g[:11])
        if (b, o, nn, bh, oh, h) != (B, off, n, Bh, offh, H) or bits != encode_spins(
                patterns.get(k, [])):
            raise CertifyError(f"the check of pattern {k} is not about the stated data")
        checks[k] = (d, decode_digits(T, bt, 0, nn))
    return ReadBack(W, decode_digits(H, Bh, offh, nh), patterns, checks)


def self_check(text: str, net: Network, radii: list[int],
               only: list[int] | None = None) -> str | None:
    """``None`` when the certificate's numerals decode to the input network, patterns and
    radii (those of ``only``, when given); otherwise what differs (a generator bug: the file is
    not handed to Lean)."""
    rb = read_back(text)
    ks = list(range(len(net.patterns))) if only is None else only
    if rb.W != net.W:
        return "the weight numerals do not decode to the input weights"
    if rb.theta != net.theta:
        return "the threshold numeral does not decode to the input thresholds"
    if sorted(rb.patterns) != ks or any(rb.patterns[k] != net.patterns[k] for k in ks):
        return "the pattern numerals do not decode to the input patterns"
    if sorted(rb.checks) != ks or any(rb.checks[k][0] != radii[k] for k in ks):
        return "the checks do not state the planned radii"
    return None


def _closure(mods: dict[str, build.Module], root: str) -> list[str]:
    seen, stack = set(), [root]
    while stack:
        m = stack.pop()
        if m not in seen:
            seen.add(m)
            stack.extend(mods[m].imports)
    return sorted(seen)


def per_file(n: int) -> int:
    """Patterns per certificate file: about ``2^17`` weight entries' worth of checks each.

    Measured: at n = 256 one file with all 10 patterns grew past 11 GB of memory (the whole
    machine has 24 GB) while one pattern per file peaked at 4 GB; at n = 100 one file holds
    10 patterns in about 6 GB. More files cost Lean's start-up (about 33 s CPU) each, but
    ``-j 2`` builds two at a time.
    """
    return max(1, 2 ** 17 // max(1, n * n))


def chunks(m: int, size: int) -> list[list[int]]:
    """The pattern indices ``0 .. m - 1`` in consecutive groups of ``size``."""
    return [list(range(i, min(m, i + size))) for i in range(0, m, size)]


def check_lean(tc: Toolchain, text: str | list[str], src: Path, lib_build: Path, jobs: int,
               log: Callable[[str], None]) -> build.Result:
    """Build the certificate (or several files of one) against the library (built first
    into ``lib_build``); the result of the first file that failed, else of the last.

    The certificate is compiled in a temporary tree holding it, copies of the library sources
    it imports and their built files (so those count as cached and are not rebuilt); several
    files are modules ``Certificate``, ``Certificate1``, ... built ``jobs`` at a time.
    """
    texts = [text] if isinstance(text, str) else text
    names = [CERT_MODULE if i == 0 else f"{CERT_MODULE}{i}" for i in range(len(texts))]
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
        for name, t in zip(names, texts):
            (tsrc / f"{name}.lean").write_text(t, encoding="utf-8")
        out = build.build(tc, tsrc, tbuild, jobs=jobs, targets=names, log=lambda _: None)
    mine = [r for r in out if r.name in names]
    return next((r for r in mine if r.status != "built"), mine[-1])


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
    groups = chunks(len(net.patterns), per_file(len(net.W)))
    texts = [render(net, radii, tie, ks) for ks in groups]
    for text, ks in zip(texts, groups):
        wrong = self_check(text, net, radii, ks)
        if wrong is not None:  # the generator's own bug: never hand such a file to Lean
            log(f"SELF-CHECK: {wrong}")
            return 1
        findings = audit.scan_text(text, Path(f"{CERT_MODULE}.lean"))
        if findings:  # the generator's own bug: never hand such a file to Lean
            for f in findings:
                log(f"AUDIT: {f}")
            return 1
    if out is not None:
        for i, text in enumerate(texts):
            dst = out if len(texts) == 1 else out.with_name(f"{out.stem}_{i}{out.suffix}")
            dst.write_text(text, encoding="utf-8")
            log(f"wrote {dst}")
    if tc is None:
        return 0
    t0 = time.monotonic()
    res = check_lean(tc, texts, src, lib_build, jobs, log=lambda _: None)
    if res.status != "built":
        log(f"NOT CERTIFIED: Lean rejected the certificate:\n{res.output}")
        return 1
    n = len(net.W)
    log(f"CERTIFIED ({n} neurons, tie rule {tie}, {len(texts)} Lean file(s), Lean check "
        f"{time.monotonic() - t0:.1f} s):")
    for k, d in enumerate(radii):
        log(f"  pattern {k}: fixed point, radius {d}")
    return 0
