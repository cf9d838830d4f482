"""Measured tables and plots for docs/expander.md (bipartite expander Hopfield network).

Run:  python scripts/expander_experiment.py [--no-plots] [--quick]
Prints markdown tables; writes docs/img/expander_capacity.png, expander_radius.png and
expander_decoding.png (needs the optional matplotlib extra).  All randomness is seeded;
the numbers in the docs come from this script.  The work is done by importable
functions of pyref.expander.

Designs compared (all d_v = 3, 4-cycle-free graphs):
* Hamming [15,11,3] (t0 = 1) -- the old design, the comparison row;
* BCH [31,21,5] and BCH [63,51,5] (t0 = 2);
* BCH [63,45,7] (t0 = 3).
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: threads only thrash

import numpy as np  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from pyref import expander as E  # noqa: E402

QUICK = "--quick" in sys.argv
D_V = 3


def designs() -> dict:
    """name -> (local_check, N grid for the radius search, N grid for decoding,
    largest N for the exact code dimension (bit-set GF(2) rank), betas)."""
    ham = E.hamming_local_code(4)[1]
    d = {
        "Hamming [15,11,3]": (ham, [600, 2400, 9600, 38400], [600, 2400, 9600], 20000,
                              [0.70]),
        "BCH [31,21,5]": (E.bch_local_code(5), [1240, 2480, 4960, 9920, 19840, 39680, 79360, 158720],
                          [1240, 4960, 19840], 20000, [0.56, 2 / 3]),
        "BCH [63,51,5]": (E.bch_local_code(6), [4200, 8400, 16800, 33600, 67200],
                          [4200, 16800], 20000, [0.56, 2 / 3]),
        "BCH [63,45,7]": (E.bch_local_code(6, t=3), [8400, 16800, 33600, 67200],
                          [8400, 16800], 20000, [0.51, 0.6]),
    }
    if QUICK:
        d = {k: (v[0], v[1][:2], v[2][:1], min(v[3], 2500), v[4]) for k, v in d.items()}
    return d


FRACTIONS = [0.0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.10]
TRIALS = 20 if QUICK else 100


def main(plots: bool = True) -> None:
    t_start = time.time()
    des = designs()
    nets: dict = {}

    def net_for(name: str, n: int) -> E.ExpanderHopfield:
        if (name, n) not in nets:
            nets[(name, n)] = E.make_expander_hopfield(n, D_V, local_check=des[name][0],
                                                       seed=n)
        return nets[(name, n)]

    # ------------------------------------------------------------------ radius vs N
    print("## Expansion radius a (largest set size with no violation found) vs N\n")
    print("| design | t0 | beta_min | beta | rho | N | a | a/N | exhaustive sizes "
          "| constant certificate (bits) | search s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    radius_rows = []
    for name, (h, ns, _, _, betas) in des.items():
        for beta in betas:
            for n in ns:
                net = net_for(name, n)
                t0 = time.time()
                res = E.expansion_radius(net, beta, seed=1, n_greedy=20, n_random=100,
                                         max_triples=40_000_000)
                dt = time.time() - t0
                rho = "-" if res.rho is None else f"{res.rho:.3f}"
                bmin = E.required_expansion(D_V, net.t0)
                radius_rows.append((name, beta, n, res.radius))
                print(f"| {name} | {net.t0} | {bmin:.3f} | {beta:.3f} | {rho} | {n} | "
                      f"{res.radius} | {res.fraction:.5f} | "
                      f"{','.join(map(str, res.exhaustive_sizes))} | "
                      f"{E.guaranteed_radius(net)} | {dt:.1f} |", flush=True)

    # ------------------------------------------------------------------ capacity
    print("\n## Stable states: code dimension k = log2 #codewords\n")
    print("| design | N | M | hidden neurons per constraint | k (exact) | rate k/N "
          "| design bound 1 - M r/N |")
    print("|---|---|---|---|---|---|---|")
    cap_rows = []
    for name, (h, ns, dns, kmax, _) in des.items():
        for n in sorted(set(dns) | {n for n in ns if n <= kmax}):
            net = net_for(name, n)
            k = E.code_dimension(net) if n <= kmax else None
            cap_rows.append((name, n, k, net.design_rate))
            ks = "-" if k is None else str(k)
            rs = "-" if k is None else f"{k / n:.3f}"
            print(f"| {name} | {n} | {net.n_constraints} | 2^{net.d_c - net.local_rank} | "
                  f"{ks} | {rs} | {net.design_rate:.3f} |", flush=True)
    hebb = {}
    for n in ([300] if QUICK else [300, 600, 1200]):
        hebb[n] = E.hebbian_max_patterns(n, seed=n, trials=20, max_sweeps=10)
    print("\nHebbian max patterns (>= 95 % exact recall from the clean cue): " +
          ", ".join(f"N={n}: {m} (log2 {np.log2(m):.2f})" for n, m in hebb.items()))

    # ------------------------------------------------------------------ decoding
    print(f"\n## Decoding success (exact recovery) vs error fraction, random errors "
          f"({TRIALS} trials per point, all-(+1) codeword, max 30 rounds)\n")
    curves = {}
    for name, (h, _, dns, _, _) in des.items():
        for n in dns:
            curves[(name, n)] = E.decoding_success(net_for(name, n), FRACTIONS, TRIALS,
                                                   seed=n + 1, max_rounds=30,
                                                   codeword="zero")
            print(f"  ({name}, N={n} done, {time.time() - t_start:.0f} s)", flush=True)
    hebb_m = hebb.get(600, hebb[min(hebb)])
    hebb_n = 600 if 600 in hebb else min(hebb)
    hebb_curve = E.hebbian_recall_success(hebb_n, hebb_m, FRACTIONS, TRIALS, seed=5,
                                          max_sweeps=10)
    hebb_q = max(1, hebb_m // 4)
    hebb_quarter = E.hebbian_recall_success(hebb_n, hebb_q, FRACTIONS, TRIALS, seed=6,
                                            max_sweeps=10)
    keys = list(curves)
    print("\n| error fraction | " + " | ".join(f"{k[0]} N={k[1]}" for k in keys) +
          f" | Hebbian N={hebb_n}, m={hebb_m} (max) | Hebbian N={hebb_n}, m={hebb_q} |")
    print("|---" * (len(keys) + 3) + "|")
    for j, f in enumerate(FRACTIONS):
        vals = " | ".join(f"{curves[k][j]:.2f}" for k in keys)
        print(f"| {f:.3f} | {vals} | {hebb_curve[j]:.2f} | {hebb_quarter[j]:.2f} |")

    print(f"\n## Decoding success, greedily clustered (adversarial) errors "
          f"({TRIALS // 2} trials per point)\n")
    cl_fracs = [0.001, 0.002, 0.005, 0.01, 0.02]
    cl_keys = [(name, dns[0]) for name, (_, _, dns, _, _) in des.items()]
    print("| error fraction | " + " | ".join(f"{k[0]} N={k[1]}" for k in cl_keys) + " |")
    print("|---" * (len(cl_keys) + 1) + "|")
    cl = {k: E.decoding_success(net_for(*k), cl_fracs, TRIALS // 2, seed=7, max_rounds=30,
                                codeword="zero", errors="clustered") for k in cl_keys}
    for j, f in enumerate(cl_fracs):
        print(f"| {f:.3f} | " + " | ".join(f"{cl[k][j]:.2f}" for k in cl_keys) + " |")
    print(f"\n(total {time.time() - t_start:.1f} s)")

    if not plots:
        return
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = os.path.join(os.path.dirname(__file__), "..", "docs", "img")
    os.makedirs(out, exist_ok=True)

    fig, ax = plt.subplots(figsize=(5.5, 4))
    for name in des:
        rows = [(n, k, dr) for nm, n, k, dr in cap_rows if nm == name]
        ns = np.array([r[0] for r in rows])
        (line,) = ax.plot(ns, np.maximum(ns * rows[0][2], 1), "--", alpha=0.6,
                          label=f"{name}: design bound N(1 - M r/N)")
        kn = [(n, k) for n, k, _ in rows if k is not None]
        if kn:
            ax.plot(*zip(*kn), "o", color=line.get_color())
    hn = sorted(hebb)
    ax.plot(hn, [np.log2(hebb[n]) for n in hn], "s-", color="k",
            label="Hebbian: log2 (max stored patterns)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("N (visible neurons)")
    ax.set_ylabel("log2 (number of stable memories)  (dots: exact k)")
    ax.legend(fontsize=6)
    ax.set_title("Stable states vs N")
    fig.tight_layout()
    fig.savefig(os.path.join(out, "expander_capacity.png"), dpi=110)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(5.5, 4))
    for name, (_, _, _, _, betas) in des.items():
        for beta in betas:
            pts = [(n, a / n) for nm, b, n, a in radius_rows if nm == name and b == beta]
            ax.plot(*zip(*pts), "o-", label=f"{name}, beta={beta:.2f}")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("N (visible neurons)")
    ax.set_ylabel("a / N (expansion radius found by the search)")
    ax.legend(fontsize=6)
    ax.set_title("Guaranteed fraction (conditional on the search)")
    fig.tight_layout()
    fig.savefig(os.path.join(out, "expander_radius.png"), dpi=110)
    plt.close(fig)

    fig, axes = plt.subplots(1, len(des), figsize=(3.2 * len(des), 3.4), sharey=True)
    for ax, name in zip(np.atleast_1d(axes), des):
        for (nm, n), c in curves.items():
            if nm == name:
                ax.plot(FRACTIONS, c, "o-", label=f"N={n}")
        ax.plot(FRACTIONS, hebb_curve, "s--", color="k", lw=0.8,
                label=f"Hebbian N={hebb_n}, m={hebb_m}")
        ax.set_title(name, fontsize=9)
        ax.set_xlabel("fraction of flipped bits")
        ax.legend(fontsize=6)
    np.atleast_1d(axes)[0].set_ylabel("exact recovery rate")
    fig.tight_layout()
    fig.savefig(os.path.join(out, "expander_decoding.png"), dpi=110)
    plt.close(fig)


if __name__ == "__main__":
    main(plots="--no-plots" not in sys.argv)
