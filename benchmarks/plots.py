"""Figures for the docs (matplotlib, an optional extra: ``pip install -e '.[plots]'``).

    python3 benchmarks/plots.py            # writes docs/img/*.png

* ``energy_descent.png`` -- energy along asynchronous trajectories (spec T1, T2);
* ``capacity.png``       -- fraction of stored random patterns that are fixed points /
  retrieved, vs P/N, with the 0.138 N line (Amit-Gutfreund-Sompolinsky);
* ``basin.png``          -- recall success vs Hamming distance for orthogonal patterns,
  with T4's guaranteed radius ``m (2d + 1) < n``;
* ``boltzmann_tv.png``   -- exact TV distance to the Boltzmann law vs sweeps, against the
  Doeblin bound of B4 (exact and explicit alpha);
* ``bench_recall.png``   -- recall times from ``benchmarks/results.json`` (run
  ``benchmarks/run.py`` first; skipped if absent).

Everything is seeded: the figures are reproducible.
"""

from __future__ import annotations

import json
import sys
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from pyref import boltzmann as bm  # noqa: E402
from pyref import classical, learning  # noqa: E402

OUT = ROOT / "docs" / "img"
DPI = 110


def walsh(k: int) -> np.ndarray:
    """The 2^k x 2^k Sylvester-Hadamard matrix: rows pairwise orthogonal +-1 vectors."""
    H = np.array([[1]])
    for _ in range(k):
        H = np.block([[H, H], [H, -H]])
    return H


def _save(fig: Any, name: str) -> Path:
    """Lay out ``fig``, write it to ``docs/img/<name>`` and close it."""
    fig.tight_layout()
    path = OUT / name
    fig.savefig(path, dpi=DPI)
    plt.close(fig)
    return path


def energy_descent() -> Path:
    rng = np.random.default_rng(7)
    n, m = 200, 12
    P = rng.choice([-1, 1], size=(m, n))
    W = learning.hebbian(P)
    fig, ax = plt.subplots(figsize=(7, 4.2))
    for k, d in enumerate([10, 30, 50, 70, 90]):
        s = learning.flip_random(P[k], d, seed=k)
        sched = list(range(n)) * 4
        traj = classical.trajectory(W, None, s, sched)
        E = classical.energy_batch(W, None, traj)
        ok = "recalled" if np.array_equal(traj[-1], P[k]) else "other fixed point"
        ax.plot(np.arange(len(E)) / n, E, lw=1.6, label=f"d = {d} flips ({ok})")
    ax.set_xlabel("sweeps (asynchronous steps / n)")
    ax.set_ylabel("energy E(s)")
    ax.set_title(f"T1: energy never increases along asynchronous steps\n"
                 f"(n = {n}, {m} random Hebbian patterns, cyclic sweeps)")
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    return _save(fig, "energy_descent.png")


def capacity() -> Path:
    fig, ax = plt.subplots(figsize=(7, 4.2))
    ratios = np.linspace(0.01, 0.25, 25)
    for n, style in ((200, "-"), (500, "--")):
        stable, retrieved = [], []
        for r in ratios:
            P_ = max(1, round(r * n))
            fs, rs = [], []
            for seed in range(4 if n == 200 else 2):
                rng = np.random.default_rng(1000 * n + 10 * P_ + seed)
                P = rng.choice([-1, 1], size=(P_, n))
                W = learning.hebbian(P)
                fs.append(learning.fraction_fixed_points(W, None, P))
                out = classical.recall_batch(W, None, P, max_sweeps=50)
                ov = np.sum(out.states * P, axis=1) / n
                rs.append(np.mean(ov >= 0.95))
            stable.append(np.mean(fs))
            retrieved.append(np.mean(rs))
        ax.plot(ratios, stable, style, color="C0", label=f"exact fixed points, n = {n}")
        ax.plot(ratios, retrieved, style, color="C1",
                label=f"run from p_k ends within 5% of p_k, n = {n}")
    ax.axvline(0.138, color="k", ls=":", label="0.138 (P/N capacity, large-n theory)")
    ax.set_xlabel("load P / N")
    ax.set_ylabel("fraction of stored patterns")
    ax.set_title("Capacity of the Hebbian rule (random patterns, keep ties)")
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    return _save(fig, "capacity.png")


def basin() -> Path:
    H = walsh(6)                                   # n = 64
    n = H.shape[0]
    fig, ax = plt.subplots(figsize=(7, 4.2))
    ds = list(range(0, 33, 1))
    for m, c in ((4, "C0"), (8, "C1")):
        P = H[1:m + 1]                              # pairwise orthogonal, m < n
        W = learning.hebbian(P)
        for mode, ls in (("sync", "-"), ("async", "--")):
            est = learning.basin_estimate(W, None, P, ds, trials=60, mode=mode, seed=m)
            ax.plot(ds, est.mean(axis=0), ls, color=c, label=f"m = {m}, {mode}")
        r = max(d for d in range(n) if m * (2 * d + 1) < n)
        ax.axvline(r, color=c, ls=":", lw=1.5, label=f"T4 radius for m = {m}: d <= {r}")
    ax.set_xlabel("Hamming distance d of the probe from p_k")
    ax.set_ylabel("fraction recalled exactly")
    ax.set_title(f"Basins of orthogonal (Walsh) patterns, n = {n}: T4 guarantees "
                 f"recall\nfor m (2d + 1) < n; beyond it recall is likely, not certain")
    ax.legend(fontsize=8, loc="lower left")
    ax.grid(alpha=0.3)
    return _save(fig, "basin.png")


def boltzmann_tv() -> Path:
    # a 4-cycle of couplings +-1 (integer energies); q = exp(-beta)
    W = np.array([[0, 1, 0, -1], [1, 0, 1, 0], [0, 1, 0, 1], [-1, 0, 1, 0]])
    fig, ax = plt.subplots(figsize=(7.5, 4.8))
    T = 30
    for q, c in ((Fraction(9, 10), "C0"), (Fraction(3, 4), "C1"), (Fraction(1, 2), "C2")):
        w = bm.boltzmann_weights_exact(W, None, q)
        pi = bm.boltzmann_exact(W, None, q)
        S = bm.systematic_scan_kernel(w)
        alpha = bm.doeblin_alpha_systematic(w)
        alpha_x = bm.doeblin_alpha_explicit(w, "systematic")
        # worst start state: the largest TV after one sweep
        starts = range(len(pi))
        mu0 = [np.array([Fraction(int(i == k)) for i in starts], dtype=object) for k in starts]
        tv = np.zeros(T + 1)
        rows = mu0
        for t in range(T + 1):
            tv[t] = max(float(bm.tv_distance(r, pi)) for r in rows)
            rows = [r @ S for r in rows]
        ts = np.arange(T + 1)
        ax.semilogy(ts, tv, "o-", ms=3, color=c, label=f"q = {q}: exact, worst start state")
        ax.semilogy(ts, [float(bm.tv_bound(alpha, t)) for t in ts], "-", color=c, alpha=0.6,
                    label=f"q = {q}: B4 bound (1 - alpha)^t, alpha = {float(alpha):.3g}")
        ax.semilogy(ts, [float(bm.tv_bound(alpha_x, t)) for t in ts], ":", color=c,
                    label=f"q = {q}: bound with explicit alpha = 2^n c^n = {float(alpha_x):.2g}")
    ax.set_ylim(1e-9, 2)
    ax.set_xlabel("systematic-scan sweeps t")
    ax.set_ylabel("total variation distance")
    ax.set_title("B4: exact TV to the Boltzmann law vs the Doeblin bound\n"
                 "(4-neuron ring with couplings +-1, exact Fraction kernels; t = sweeps)")
    ax.legend(fontsize=7, loc="lower left", ncol=1)
    ax.grid(alpha=0.3, which="both")
    return _save(fig, "boltzmann_tv.png")


def bench_bars() -> Path | None:
    src = ROOT / "benchmarks" / "results.json"
    if not src.exists():
        print("no benchmarks/results.json: run benchmarks/run.py first; skipping bars")
        return None
    res = json.loads(src.read_text())
    rows = [r for r in res["recall"] if r["N"] >= 1000]
    names = ["pyref async", "pyref async (factorised)", "pyref sync"]
    peers = [k for k in rows[0]["results"] if not k.startswith("pyref")]
    names += peers + ["bare numpy"]
    fig, ax = plt.subplots(figsize=(8, 4.5))
    width = 0.8 / len(names)
    x = np.arange(len(rows))
    for k, name in enumerate(names):
        vals, hatch = [], []
        for r in rows:
            if name == "bare numpy":
                vals.append(r["bare_numpy_async_sweeps_s"])
                hatch.append(False)
            else:
                e = r["results"].get(name, {})
                vals.append(e.get("recall_s", np.nan))
                hatch.append(bool(e.get("extrapolated")))
        bars = ax.bar(x + (k - len(names) / 2 + 0.5) * width, vals, width, label=name,
                      color=f"C{k}")
        for b, h in zip(bars, hatch):
            if h:
                b.set_hatch("//")
    ax.set_yscale("log")
    ax.set_xticks(x, [f"N = {r['N']}\nP = {r['P']}" for r in rows])
    ax.set_ylabel(f"recall time, {res['meta']['probes']} probes (CPU s)")
    ax.set_title("Recall time (log scale; hatched = extrapolated from fewer probes;\n"
                 "bare numpy = same probe-sweeps as pyref async as sign(S @ W))")
    from matplotlib.patches import Patch
    handles = [Patch(color=f"C{k}", label=name) for k, name in enumerate(names)]
    handles.append(Patch(facecolor="white", edgecolor="k", hatch="//",
                         label="extrapolated (time-capped peer)"))
    ax.legend(handles=handles, fontsize=7, ncol=2)
    ax.grid(alpha=0.3, axis="y", which="both")
    return _save(fig, "bench_recall.png")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for f in (energy_descent, capacity, basin, boltzmann_tv, bench_bars):
        p = f()
        if p is not None:
            print(f"wrote {p.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
