"""Spec T9: the proved Hebbian capacity bound against simulation and the classical estimates.

    nice -n 10 python3 scripts/capacity_experiment.py      # writes docs/img/capacity_bound.png

Left panel: for each n, the largest m at which the proved bound
``P(all m patterns fixed) >= 1 - m n P(S_N <= -n)`` still certifies probability >= 1/2
(exact rationals, ``pyref.capacity.capacity_bound``), the simulated crossing of
``P(all m fixed) = 1/2`` (seeded, ``pyref.capacity.capacity_curve``), McEliece et al.'s
``n / (4 ln n)`` and Amit-Gutfreund-Sompolinsky's ``0.138 n``.
Right panel: at n = 1000, the bound and the simulated probability as functions of m.
Prints a markdown table and the wall / CPU time (needs matplotlib: ``.[plots]``).
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from pyref.capacity import capacity_bound, capacity_curve, simulate_all_fixed  # noqa: E402

NS = [25, 50, 100, 200, 400, 700, 1000]
TRIALS = 30
N_PANEL, MS_PANEL, TRIALS_PANEL = 1000, list(range(10, 91, 10)), 40
SEED = 20261201


def main() -> None:
    t0, c0 = time.perf_counter(), time.process_time()
    cur = capacity_curve(NS, trials=TRIALS, seed=SEED)
    t1, c1 = time.perf_counter(), time.process_time()
    bound = [max(0.0, float(capacity_bound(N_PANEL, m))) for m in MS_PANEL]
    sim = [simulate_all_fixed(N_PANEL, m, trials=TRIALS_PANEL, seed=SEED) for m in MS_PANEL]
    t2, c2 = time.perf_counter(), time.process_time()

    print("| n | proved m (P >= 1/2) | simulated m (P = 1/2) | n/(4 ln n) | 0.138 n |")
    print("|---|---|---|---|---|")
    for i, n in enumerate(cur["n"]):
        print(f"| {n} | {cur['m_bound'][i]} | {cur['m_sim'][i]} | "
              f"{cur['mceliece'][i]:.1f} | {cur['ags'][i]:.1f} |")
    print()
    print(f"| m (n = {N_PANEL}) | proved lower bound | simulated ({TRIALS_PANEL} draws) |")
    print("|---|---|---|")
    for m, b, s in zip(MS_PANEL, bound, sim):
        print(f"| {m} | {b:.4f} | {s:.2f} |")
    print()
    print(f"curve: wall {t1 - t0:.1f} s, CPU {c1 - c0:.1f} s; "
          f"panel: wall {t2 - t1:.1f} s, CPU {c2 - c1:.1f} s")

    fig, (ax, bx) = plt.subplots(1, 2, figsize=(11, 4.2))
    n = cur["n"]
    ax.plot(n, cur["m_sim"], "o-", label="simulation: P(all fixed) = 1/2")
    ax.plot(n, cur["m_bound"], "s-", label="proved (T9): bound >= 1/2")
    ax.plot(n, cur["mceliece"], "--", label="McEliece et al.: n / (4 ln n)")
    ax.plot(n, cur["ags"], ":", label="Amit et al.: 0.138 n (small error fraction)")
    ax.set_xlabel("n (neurons)")
    ax.set_ylabel("m (patterns)")
    ax.set_yscale("log")
    ax.set_title(f"Hebbian capacity, keep ties ({TRIALS} draws per point)")
    ax.legend(fontsize=8)
    bx.plot(MS_PANEL, sim, "o-", label=f"simulation ({TRIALS_PANEL} draws)")
    bx.plot(MS_PANEL, bound, "s-", label="proved lower bound 1 - m n P(S_N <= -n)")
    bx.axvline(N_PANEL / (4 * math.log(N_PANEL)), ls="--", c="gray", label="n / (4 ln n)")
    bx.set_xlabel("m (patterns)")
    bx.set_ylabel("P(all m patterns are fixed points)")
    bx.set_title(f"n = {N_PANEL}")
    bx.legend(fontsize=8)
    fig.tight_layout()
    out = ROOT / "docs" / "img" / "capacity_bound.png"
    fig.savefig(out, dpi=110)
    plt.close(fig)
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
