"""DeepRC's pooling (top-fraction reduction, optional subsampling) against the exact
attention pooling, as witness rate and bag size vary (docs/modern.md, "DeepRC pooling").

Run:  nice -n 10 python benchmarks/deeprc.py [--quick]
Prints a markdown table.  Bags come from pyref.mil.synthetic_bag_chunks (seeded):
standard normal instances in R^8, every (1/rate)-th instance a witness with +3 on its
first coordinate.  Keys are the embeddings themselves (key_fn = None), query e_1,
beta in {1, 4}, values = embeddings (DeepRC's convention).  Reference: mil.embedding_pool.
"""

from __future__ import annotations

import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from pyref import mil  # noqa: E402

QUICK = "--quick" in sys.argv
DIM = 8
BETAS = [1.0, 4.0]
SIZES = [10**3, 10**4, 10**5] if QUICK else [10**3, 10**4, 10**5, 10**6]
RATES = [0.1, 0.01, 0.001, 0.0001]
SUBSAMPLE = 10**4
SEEDS = [0, 1, 2]


def cell(n: int, rate: float, seed: int, beta: float) -> dict:
    every = round(1 / rate)
    Y = np.concatenate(list(mil.synthetic_bag_chunks(n, DIM, 65536, seed, witness_every=every)))
    wit = np.arange(n) % every == 0
    q = np.eye(DIM)[0]
    exact = mil.embedding_pool(Y, q, beta)
    z = Y @ q
    w = np.exp(beta * (z - exact.lse[0]))  # exact softmax weights (sum 1)
    out = {"n_wit": int(wit.sum()), "wit_exact": float(w[wit].sum())}
    for tag, kw in (("top", {}), ("sub", {"n_subsample": SUBSAMPLE, "seed": seed + 100})):
        res = mil.deeprc_pool(Y, q, beta, top_fraction=0.1, **kw)
        kept = res.kept[0]
        zk = z[kept]
        wk = np.exp(beta * (zk - zk.max()))
        wk /= wk.sum()
        err = np.linalg.norm(res.pooled[0] - exact.pooled[0])
        out[tag] = {
            "rel": float(err / np.linalg.norm(exact.pooled[0])),
            "tau": float(1 - w[kept].sum()),  # exact mass outside the kept set
            "wit": float(wk[wit[kept]].sum()),  # witness mass in DeepRC's weights
            "sig": float(res.pooled[0][0] - exact.pooled[0][0]),  # error on the motif axis
        }
    return out


def main() -> None:
    t0, c0 = time.time(), time.process_time()
    print(
        "| beta | N | witness rate | witnesses | exact witness mass | top 10 %: dropped mass tau "
        "| top 10 %: rel. error | top 10 %: witness mass | subsample 10^4 + top 10 %: "
        "rel. error | subsample: witness mass | subsample: motif-axis error |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for beta, n, rate in [(b, n, r) for b in BETAS for n in SIZES for r in RATES]:
        if rate * n < 1:
            continue
        cells = [cell(n, rate, s, beta) for s in SEEDS]

        def mean(f, cells=cells):
            return float(np.mean([f(c) for c in cells]))

        if n <= SUBSAMPLE:
            sub = "(no subsampling: N <= 10^4) | - | -"
        else:
            sub = (
                f"{mean(lambda c: c['sub']['rel']):.2e} | {mean(lambda c: c['sub']['wit']):.3f}"
                f" | {mean(lambda c: c['sub']['sig']):+.3f}"
            )
        print(
            f"| {beta:g} | {n:.0e} | {rate * 100:g} % | {cells[0]['n_wit']} "
            f"| {mean(lambda c: c['wit_exact']):.3f} "
            f"| {mean(lambda c: c['top']['tau']):.2e} "
            f"| {mean(lambda c: c['top']['rel']):.2e} "
            f"| {mean(lambda c: c['top']['wit']):.3f} | {sub} |",
            flush=True,
        )
    print(
        f"\n{len(SEEDS)} seeds per row (means); wall {time.time() - t0:.0f} s, "
        f"CPU {time.process_time() - c0:.0f} s"
    )


if __name__ == "__main__":
    main()
