"""Certified radius, random-error thresholds and capacity of the expander designs with
d_v in {3, 5, 7} (docs/expander.md, section "Designs with d_v = 3, 5, 7").

Run:  nice -n 10 python scripts/expander_certify_experiment.py [--no-plots] [--quick]
      nice -n 10 python scripts/expander_certify_experiment.py --thresholds-only
Prints markdown tables and writes docs/img/expander_certified.png (matplotlib extra).
All randomness is seeded (graph seed = N); the work is done by pyref.expander and
pyref.expander_certify.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from pyref import expander as E  # noqa: E402
from pyref import expander_certify as C  # noqa: E402

QUICK = "--quick" in sys.argv
RHO = 0.99  # contraction factor asked of the ensemble bound (beta just above required)
DELTA = 0.01


def designs() -> list[tuple[str, int, np.ndarray, list[int], bool]]:
    """(name, d_v, local check, N grid, avoid_4cycles)."""
    d = [
        ("d_v=3 Hamming [15,11,3] (old)", 3, C.hamming_check_matrix(4),
         [1000, 10000, 100000], True),
        ("d_v=3 BCH [31,21,5] (old)", 3, E.bch_local_code(5), [1240, 9920, 99200], True),
        ("d_v=5 Hamming [31,26,3]", 5, C.hamming_check_matrix(5), [992, 9982, 99913], True),
        ("d_v=7 Hamming [63,57,3]", 7, C.hamming_check_matrix(6), [1008, 9999, 99999],
         False),
        ("d_v=5 Hamming [7,4,3]", 5, C.hamming_check_matrix(3), [1001, 10003, 100002], True),
        ("d_v=7 Hamming [7,4,3]", 7, C.hamming_check_matrix(3), [1000, 10000, 100000], True),
        ("d_v=7 BCH [15,7,5]", 7, E.bch_local_code(4), [1005, 9990, 99990], True),
        ("d_v=7 BCH [15,5,7]", 7, E.bch_local_code(4, t=3), [1005, 9990, 99990], True),
    ]
    if QUICK:
        d = [(a, b, c, g[:2], f) for a, b, c, g, f in d]
    return d


FRACTIONS = [round(0.01 * i, 2) for i in range(0, 26)]
TRIALS = 10 if QUICK else 30


def main(plots: bool = True) -> None:
    t_all = time.time()
    rows, thr_rows, cap_rows, curves = [], [], [], {}
    for name, d_v, h, grid, girth6 in designs():
        for n in grid:
            t0 = time.time()
            try:
                net = E.make_expander_hopfield(n, d_v, local_check=h, seed=n,
                                               avoid_4cycles=girth6)
            except ValueError:  # girth 6 not reachable at this N: allow 4-cycles
                net = E.make_expander_hopfield(n, d_v, local_check=h, seed=n,
                                               avoid_4cycles=False)
            t_build = time.time() - t0
            t0 = time.time()
            sp = C.biadjacency_sigma2(net, dense_limit=1200)
            ce = C.certified_expansion(net, spectral=sp, max_size=min(n, 5000))
            beta = C.beta_for_rho(d_v, net.t0, RHO)
            a_ens = C.ensemble_radius(n, d_v, net.d_c, beta, DELTA, s_max=min(n, 20000))
            t_cert = time.time() - t0
            rows.append((name, n, net.n_constraints, net.t0, ce, beta, a_ens, t_build,
                         t_cert))
            curves.setdefault(name, []).append((n, ce.worst_case_radius, a_ens))
            if n == grid[0]:
                k = E.code_dimension(net)
                cap_rows.append((name, n, net.n_constraints, net.local_rank, k,
                                 net.design_rate))
            if n == grid[min(1, len(grid) - 1)]:
                t0 = time.time()
                succ = E.decoding_success(net, FRACTIONS, TRIALS, seed=1, codeword="zero",
                                          max_rounds=50)
                srch = E.expansion_radius(net, beta, seed=1, n_greedy=10, n_random=50,
                                          max_size=min(n, 2000), max_triples=0)
                thr_rows.append((name, n, succ, srch.radius, time.time() - t0))
            print(f"[{time.time() - t_all:6.0f}s] {name} N={n} done", file=sys.stderr,
                  flush=True)

    print("### Certified worst-case radius vs N\n")
    print("| design | N | M | t0 | lambda | sigma_2 | method | Ramanujan | beta_req "
          "| spectral beta max | a (pair) | a (spectral) | constant radius "
          "| certified radius | /N | ensemble a (rho=0.99, delta=0.01) | /N | build s "
          "| cert s |")
    print("|" + "---|" * 19)
    for name, n, m, t0, ce, _beta, a_ens, tb, tc in rows:
        sp = ce.spectral
        print(f"| {name} | {n} | {m} | {t0} | {ce.lam} | {sp.sigma2:.3f} | {sp.method} "
              f"| {sp.ramanujan:.3f} | {ce.beta_required:.3f} | {ce.spectral_beta_max:.3f} "
              f"| {ce.radius_pair} | {ce.radius_spectral} | {ce.constant_radius} "
              f"| {ce.worst_case_radius} | {ce.worst_case_radius / n:.1e} | {a_ens} "
              f"| {a_ens / n:.1e} | {tb:.1f} | {tc:.1f} |")

    print("\n### Random errors: success (exact recovery, all-(+1) codeword, "
          f"{TRIALS} trials, max 50 rounds) and the search's upper bound on a\n")
    print("| design | N | threshold (last f with success >= 0.9) | success at "
          "0.05 / 0.10 / 0.15 / 0.20 | search a (upper bound, beta at rho=0.99) | s |")
    print("|---|---|---|---|---|---|")
    for name, n, succ, a_s, dt in thr_rows:
        ok = [f for f, s in zip(FRACTIONS, succ) if s >= 0.9]
        first_bad = next((i for i, s in enumerate(succ) if s < 0.9), len(succ))
        thr = FRACTIONS[first_bad - 1] if first_bad else 0.0
        pts = " / ".join(f"{succ[FRACTIONS.index(f)]:.2f}" for f in (0.05, 0.1, 0.15, 0.2))
        print(f"| {name} | {n} | {thr:.2f} | {pts} | {a_s} | {dt:.1f} |")
        del ok

    print("\n### Capacity: code dimension k (stable states >= 2^k), exact GF(2) rank\n")
    print("| design | N | M | rank H_loc | k (exact) | design bound 1 - M r/N |")
    print("|---|---|---|---|---|---|")
    for name, n, m, r, k, rate in cap_rows:
        print(f"| {name} | {n} | {m} | {r} | {k} | {rate:.3f} |")
    wall = time.time() - t_all
    print(f"\nwall {wall:.0f} s, CPU {time.process_time():.0f} s")

    if plots:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots(figsize=(7.5, 4.5))
        for i, (name, pts) in enumerate(curves.items()):
            ns = np.array([p[0] for p in pts], dtype=float)
            cert = np.array([p[1] for p in pts], dtype=float)
            ens = np.array([p[2] for p in pts], dtype=float)
            col = f"C{i}"
            ax.plot(ns, cert / ns, "o-", color=col, label=f"{name}: certified")
            if np.any(ens > 0):
                ax.plot(ns, np.where(ens > 0, ens / ns, np.nan), "s--", color=col,
                        label=f"{name}: ensemble (P>=0.99)")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("N (visible neurons)")
        ax.set_ylabel("radius / N")
        ax.set_title("Worst-case radius as a fraction of N (certified vs ensemble bound)")
        ax.legend(fontsize=6, ncol=2)
        fig.tight_layout()
        out = os.path.join(os.path.dirname(__file__), "..", "docs", "img",
                           "expander_certified.png")
        fig.savefig(out, dpi=110)
        plt.close(fig)


THR_GRID = [0.005, 0.01, 0.02, 0.03, 0.05, 0.08, 0.10, 0.12, 0.14, 0.16, 0.18, 0.20, 0.23,
            0.25]


def thresholds_vs_n() -> None:
    """Random-error threshold at the smallest and largest N of each design (coarser grid,
    20 trials): does it move with N?"""
    t_all = time.time()
    print("| design | N | threshold (last f of the grid with success >= 0.9) | s |")
    print("|---|---|---|---|")
    for name, d_v, h, grid, girth6 in designs():
        for n in (grid[0], grid[-1]):
            t0 = time.time()
            try:
                net = E.make_expander_hopfield(n, d_v, local_check=h, seed=n,
                                               avoid_4cycles=girth6)
            except ValueError:
                net = E.make_expander_hopfield(n, d_v, local_check=h, seed=n,
                                               avoid_4cycles=False)
            succ = E.decoding_success(net, THR_GRID, 20, seed=2, codeword="zero",
                                      max_rounds=50)
            first_bad = next((i for i, v in enumerate(succ) if v < 0.9), len(succ))
            thr = "< 0.005" if first_bad == 0 else (
                f">= {THR_GRID[-1]}" if first_bad == len(succ) else f"{THR_GRID[first_bad - 1]}")
            print(f"| {name} | {n} | {thr} | {time.time() - t0:.0f} |", flush=True)
    print(f"\nwall {time.time() - t_all:.0f} s, CPU {time.process_time():.0f} s")


if __name__ == "__main__":
    if "--thresholds-only" in sys.argv:
        thresholds_vs_n()
    else:
        main(plots="--no-plots" not in sys.argv)
