"""Sweeps to total variation <= 0.01 for Gibbs sampling: B4 (Doeblin) bound vs B6
(Dobrushin) bound vs the exactly measured TV (spec B4, B6).

    python3 benchmarks/mixing.py            # writes benchmarks/mixing.json,
                                            # docs/img/mixing_sweeps.png, prints the table

Model: a ring of ``n`` neurons, ``W_{i,i+1} = W_{i+1,i} = 1``, ``theta = 0``, at inverse
temperatures ``beta`` (``q = exp(-beta)``), systematic scan ``S = K_0 ... K_{n-1}``.

* B4: ``TV(mu S^t, pi) <= (1 - alpha)^t`` with ``alpha = 2^n c^n``,
  ``c = min_{s,i} P(s -> s^{i+-})`` (Lean ``Hopfield.sysK_tv_le_siteMin``);
* B6: ``TV(mu S^t, pi) <= n alpha^t`` with ``alpha = max_i sum_j tanh(beta |W_ij|) =
  2 tanh(beta)`` (``pyref.dobrushin``; Lean ``Hopfield.sysK_tv_le_dobrushin`` from influence
  bounds, the Boltzmann influence bound ``tanh(beta |W_ij|)`` property-tested);
* measured: the least ``t`` with ``max_mu TV(mu S^t, pi) <= 0.01`` over the start states
  all ``-1``, alternating ``-+-+...``, and two seeded random states (float
  ``distribution_after_scan``, the exact matrix-free ``mu S^t``).  The maximum over 4 starts
  is a lower estimate of the worst case over all starts.

Random scan (single-site steps, reported in sweep equivalents ``t / n``): the B6 bound
``n (1 - (1 - alpha)/n)^t`` and the measured value for ``n <= 12``.
"""

from __future__ import annotations

import json
import math
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pyref import boltzmann as bz  # noqa: E402
from pyref import dobrushin as db  # noqa: E402

EPS = 0.01
BETAS = (0.1, 0.25, 0.4)
NS = tuple(range(4, 21))
MAX_N_RANDOM = 12
MAX_SWEEPS = 400


def ring(n: int) -> np.ndarray:
    """Ring couplings ``W_{i,i+1} = 1`` (symmetric, zero diagonal)."""
    W = np.zeros((n, n), dtype=np.int64)
    for i in range(n):
        W[i, (i + 1) % n] = W[(i + 1) % n, i] = 1
    return W


def starts(n: int) -> list[int]:
    """State indices of the start states (bit i set = neuron i is +1)."""
    rng = np.random.default_rng(1234 + n)
    alt = sum(1 << i for i in range(1, n, 2))
    return [0, alt] + [int(x) for x in rng.integers(0, 2**n, size=2)]


def b4_sweeps(w: np.ndarray, n: int) -> float:
    """Least t with (1 - 2^n c^n)^t <= EPS, from the float log (exact is astronomically
    large at low temperature)."""
    c = float(bz.min_site_probability(w))
    log_alpha = n * math.log(2 * c)
    alpha = math.exp(log_alpha)
    if alpha >= 1:
        return 1.0
    return math.ceil(math.log(EPS) / math.log1p(-alpha))


def measured_sweeps(w: np.ndarray, n: int, scan: str) -> float | None:
    """Least t (sweeps; random scan: steps / n) with max over the starts of TV <= EPS."""
    pi = w / w.sum()
    N = 2**n
    step = 1 if scan == "systematic" else n
    worst = 0
    for k in starts(n):
        mu = np.zeros(N)
        mu[k] = 1.0
        t = 0
        while 0.5 * np.abs(mu - pi).sum() > EPS:
            if t >= MAX_SWEEPS * step:
                return None
            mu = bz.distribution_after_scan(mu, w, 1, scan=scan)
            t += 1
        worst = max(worst, t)
    return worst / step


def run() -> list[dict]:
    rows = []
    for beta in BETAS:
        q = math.exp(-beta)
        for n in NS:
            W = ring(n)
            t0, c0 = time.perf_counter(), time.process_time()
            E = bz.energies_all(W, None).astype(np.float64)
            w = np.exp(-beta * (E - E.min()))
            alpha = float(db.dobrushin_coefficient(W, q))
            row = {
                "n": n, "beta": beta, "alpha_b6": alpha,
                "b4_alpha_log10": n * math.log10(2 * float(bz.min_site_probability(w))),
                "b4_sweeps": b4_sweeps(w, n),
                "b6_sweeps": db.dobrushin_sweeps(W, q, EPS),
                "b6_random_sweeps": db.dobrushin_sweeps(W, q, EPS, scan="random") / n,
                "measured_sweeps": measured_sweeps(w, n, "systematic"),
                "measured_random_sweeps": (measured_sweeps(w, n, "random")
                                           if n <= MAX_N_RANDOM else None),
            }
            row["wall_s"] = round(time.perf_counter() - t0, 3)
            row["cpu_s"] = round(time.process_time() - c0, 3)
            rows.append(row)
            print(json.dumps(row), flush=True)
    return rows


def table(rows: list[dict]) -> str:
    def fmt(x: float | None) -> str:
        if x is None:
            return "-"
        if x >= 1e6:
            return f"{x:.1e}"
        return f"{x:g}"
    out = [("| n | beta | B6 alpha | B4 sweeps | B6 sweeps | measured | B6 random | "
           "measured random |"), "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        out.append(f"| {r['n']} | {r['beta']} | {r['alpha_b6']:.3f} | {fmt(r['b4_sweeps'])} | "
                   f"{r['b6_sweeps']} | {fmt(r['measured_sweeps'])} | "
                   f"{fmt(r['b6_random_sweeps'])} | {fmt(r['measured_random_sweeps'])} |")
    return "\n".join(out)


def plot(rows: list[dict]) -> Path:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(7.5, 4.8))
    for beta, c in zip(BETAS, ("C0", "C1", "C2")):
        rs = [r for r in rows if r["beta"] == beta]
        ns = [r["n"] for r in rs]
        ax.semilogy(ns, [r["b4_sweeps"] for r in rs], "--", color=c,
                    label=f"beta = {beta}: B4 bound (Doeblin)")
        ax.semilogy(ns, [r["b6_sweeps"] for r in rs], "-", color=c,
                    label=f"beta = {beta}: B6 bound (Dobrushin)")
        ax.semilogy(ns, [r["measured_sweeps"] for r in rs], "o", ms=4, color=c,
                    label=f"beta = {beta}: measured (exact TV, 4 starts)")
    ax.set_xlabel("n (ring of n neurons, W_{i,i+1} = 1)")
    ax.set_ylabel("systematic sweeps until TV <= 0.01")
    ax.set_title("Sweeps to TV <= 0.01: B4 vs B6 vs measured")
    ax.legend(fontsize=7, ncol=1)
    fig.tight_layout()
    path = ROOT / "docs" / "img" / "mixing_sweeps.png"
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def main() -> None:
    t0, c0 = time.perf_counter(), time.process_time()
    rows = run()
    meta = {"wall_s": round(time.perf_counter() - t0, 1),
            "cpu_s": round(time.process_time() - c0, 1),
            "machine": f"{os.cpu_count()} CPUs (shared with concurrent sessions)",
            "eps": EPS}
    (ROOT / "benchmarks" / "mixing.json").write_text(
        json.dumps({"meta": meta, "rows": rows}, indent=1) + "\n")
    print(table(rows))
    print(meta)
    print(plot(rows))


if __name__ == "__main__":
    main()
