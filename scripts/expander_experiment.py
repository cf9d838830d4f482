"""Measured tables and plots for docs/expander.md (bipartite expander Hopfield network).

Run:  python scripts/expander_experiment.py [--no-plots]
Prints markdown tables; writes docs/img/expander_capacity.png and
docs/img/expander_decoding.png (needs the optional matplotlib extra).  All randomness is
seeded; the numbers in the docs come from this script.  The work is done by importable
functions of pyref.expander.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: threads only thrash

import numpy as np  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from pyref import expander as E  # noqa: E402

SIZES = [300, 600, 1200, 2400]
HEBB_SIZES = [300, 600, 1200]
FRACTIONS = [0.0, 0.01, 0.015, 0.02, 0.025, 0.03, 0.04, 0.05, 0.06, 0.08, 0.10, 0.15]
D_V, R = 3, 4  # d_c = 15, local Hamming [15, 11, 3] code


def capacity_rows() -> list[dict]:
    rows = []
    for n in SIZES:
        net = E.make_expander_hopfield(n, d_v=D_V, r=R, seed=n)
        k = E.code_dimension(net)
        hebb = (E.hebbian_max_patterns(n, seed=n, trials=20, max_sweeps=10)
                if n in HEBB_SIZES else None)
        rows.append(dict(n=n, m=net.n_constraints, hidden=net.n_hidden, k=k, rate=k / n,
                         design=net.design_rate, lam=E.max_shared_constraints(net),
                         radius=E.guaranteed_radius(net), hebb=hebb, net=net))
    return rows


def main(plots: bool = True) -> None:
    t0 = time.time()
    rows = capacity_rows()
    print("## Stable states vs N (d_v = 3, d_c = 15, Hamming [15,11,3] local code)\n")
    print("| N | constraints M | hidden neurons | code dim k = log2 #codewords | rate k/N "
          "| design bound 1 - M r/N | max shared constraints | certified radius (bits) "
          "| Hebbian max patterns | log2 Hebbian |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        hb = "-" if r["hebb"] is None else str(r["hebb"])
        lh = "-" if r["hebb"] is None else f"{np.log2(r['hebb']):.2f}"
        print(f"| {r['n']} | {r['m']} | {r['hidden']} | {r['k']} | {r['rate']:.3f} | "
              f"{r['design']:.3f} | {r['lam']} | {r['radius']} | {hb} | {lh} |")

    net600 = next(r["net"] for r in rows if r["n"] == 600)
    prof = E.expansion_profile(net600, [1, 2, 5, 10, 20, 40], n_samples=30, seed=1)
    print("\n## Empirical expansion, N = 600: min |N(S)| / (d_v |S|)\n")
    print("| |S| | random sets | greedy clustered sets | unique-neighbour fraction (greedy) |")
    print("|---|---|---|---|")
    for s, p in prof.items():
        print(f"| {s} | {p['random']:.3f} | {p['greedy']:.3f} | {p['unique_greedy']:.3f} |")

    trials = 200
    curves = {}
    for r in rows:
        curves[r["n"]] = E.decoding_success(r["net"], FRACTIONS, trials, seed=r["n"] + 1)
    hebb_m = next(r["hebb"] for r in rows if r["n"] == 600)
    hebb_curve = E.hebbian_recall_success(600, hebb_m, FRACTIONS, 100, seed=5, max_sweeps=10)
    hebb_half = E.hebbian_recall_success(600, max(1, hebb_m // 4), FRACTIONS, 100, seed=6,
                                         max_sweeps=10)
    print(f"\n## Decoding success (exact recovery) vs error fraction ({trials} trials per "
          f"point; Hebbian 100)\n")
    head = " | ".join(f"expander N={n}" for n in curves)
    print(f"| error fraction | {head} | Hebbian N=600, m={hebb_m} (max) | "
          f"Hebbian N=600, m={max(1, hebb_m // 4)} |")
    print("|---" * (len(curves) + 3) + "|")
    for j, f in enumerate(FRACTIONS):
        vals = " | ".join(f"{curves[n][j]:.3f}" for n in curves)
        print(f"| {f:.3f} | {vals} | {hebb_curve[j]:.2f} | {hebb_half[j]:.2f} |")
    print(f"\n(total {time.time() - t0:.1f} s)")

    if not plots:
        return
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = os.path.join(os.path.dirname(__file__), "..", "docs", "img")
    os.makedirs(out, exist_ok=True)
    fig, ax = plt.subplots(figsize=(5.5, 4))
    ns = np.array([r["n"] for r in rows])
    ax.plot(ns, [r["k"] for r in rows], "o-", label="expander: log2 #codewords (k)")
    ax.plot(ns, ns * rows[0]["design"], "--", label="design bound N(1 - d_v r / d_c)")
    hn = [r["n"] for r in rows if r["hebb"]]
    ax.plot(hn, [np.log2(r["hebb"]) for r in rows if r["hebb"]], "s-",
            label="Hebbian: log2 (max stored patterns)")
    ax.set_xlabel("N (visible neurons)")
    ax.set_ylabel("log2 (number of stable memories)")
    ax.set_yscale("log")
    ax.legend(fontsize=8)
    ax.set_title("Stable states vs N")
    fig.tight_layout()
    fig.savefig(os.path.join(out, "expander_capacity.png"), dpi=110)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(5.5, 4))
    for n, c in curves.items():
        ax.plot(FRACTIONS, c, "o-", label=f"expander N={n} (2^{rows[SIZES.index(n)]['k']})")
    ax.plot(FRACTIONS, hebb_curve, "s--", color="k", label=f"Hebbian N=600, m={hebb_m}")
    ax.plot(FRACTIONS, hebb_half, "^:", color="gray",
            label=f"Hebbian N=600, m={max(1, hebb_m // 4)}")
    ax.set_xlabel("fraction of flipped bits")
    ax.set_ylabel("exact recovery rate")
    ax.legend(fontsize=7)
    ax.set_title("Self-decoding by the network dynamics")
    fig.tight_layout()
    fig.savefig(os.path.join(out, "expander_decoding.png"), dpi=110)
    plt.close(fig)


if __name__ == "__main__":
    main(plots="--no-plots" not in sys.argv)
