"""Compare pyref's RBM training with scikit-learn's ``BernoulliRBM`` on the same small data
sets: exact average log-likelihood reached, and wall time.

scikit-learn is NOT a project dependency; install it locally to run this script::

    python3 -m pip install scikit-learn
    python3 scripts/rbm_vs_sklearn.py            # from the repository root

Fairness.  ``BernoulliRBM`` uses ``{0,1}`` units, pyref ``+-1`` units.  The two are the same
model family: ``pyref.rbm_learning.binary_to_pm1`` maps scikit-learn's fitted
``(components_.T, intercept_visible_, intercept_hidden_)`` to ``+-1`` parameters with the
identical visible law, so both are scored by the same exact log-likelihood
(``rbm_log_likelihood``, enumeration of the 2^16 states of the smaller layer) on the same
data (``x01`` for scikit-learn, ``2 x01 - 1`` for pyref).  Both run persistent CD with one
Gibbs step per update, ``batch_size`` persistent chains, the same mini-batches in the same
order (data shuffled once, no reshuffling, as ``BernoulliRBM`` does), the same number of
epochs, hidden units and learning rate, and the same initial machine (scikit-learn's
``N(0, 0.01^2)`` weights for the same seed, zero biases, mapped to ``+-1`` parameters).  pyref's
``geometry="binary"`` takes the gradient step in the ``{0,1}`` parameters, which is exactly
``BernoulliRBM``'s update; ``geometry="pm1"`` and CD-1 are shown for reference.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

# one BLAS thread for both libraries (small matrices; keeps the timings comparable)
for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pyref.rbm_learning import binary_to_pm1, rbm_log_likelihood, train_rbm  # noqa: E402

try:
    from sklearn.neural_network import BernoulliRBM
except ImportError:  # pragma: no cover - the script's only non-project dependency
    sys.exit("scikit-learn is needed for this comparison: python3 -m pip install scikit-learn")


def bars_and_stripes(side: int = 4, repeat: int = 10, seed: int = 0) -> np.ndarray:
    """All 2^(side+1) - 2 distinct bars-and-stripes images (0/1), each ``repeat`` times,
    shuffled once.  The best possible average log-likelihood is ``-log(#patterns)``."""
    pats = set()
    for k in range(2**side):
        rows = np.array([(k >> i) & 1 for i in range(side)])
        pats.add(tuple(np.repeat(rows[:, None], side, axis=1).ravel()))  # horizontal bars
        pats.add(tuple(np.repeat(rows[None, :], side, axis=0).ravel()))  # vertical stripes
    X = np.array(sorted(pats), dtype=np.int64)
    X = np.repeat(X, repeat, axis=0)
    return X[np.random.default_rng(seed).permutation(len(X))]


def digits(seed: int = 0) -> np.ndarray:
    """scikit-learn's 8x8 digits (1797 images), pixels binarised at > 7 (of 16)."""
    from sklearn.datasets import load_digits
    X = (load_digits().data > 7).astype(np.int64)
    return X[np.random.default_rng(seed).permutation(len(X))]


def run_sklearn(X01, nh, lr, epochs, bs, seed):
    X = X01.astype(np.float64)
    t, c = time.perf_counter(), time.process_time()
    m = BernoulliRBM(n_components=nh, learning_rate=lr, batch_size=bs, n_iter=epochs,
                     random_state=seed).fit(X)
    dt, dc = time.perf_counter() - t, time.process_time() - c
    W, tv, th = binary_to_pm1(m.components_.T, m.intercept_visible_, m.intercept_hidden_)
    return rbm_log_likelihood(W, tv, th, 2 * X01 - 1), dt, dc


def sklearn_init(nv, nh, seed):
    """BernoulliRBM's initial parameters (W01 = N(0, 0.01^2) from RandomState(seed), biases
    0) as +-1 parameters: both libraries start from the same machine."""
    W01 = np.random.RandomState(seed).normal(0, 0.01, (nh, nv)).T
    return binary_to_pm1(W01, np.zeros(nv), np.zeros(nh))


def run_pyref(X01, nh, lr, epochs, bs, seed, method, geometry):
    S = 2 * X01 - 1
    W0, tv0, th0 = sklearn_init(S.shape[1], nh, seed)
    t, c = time.perf_counter(), time.process_time()
    r = train_rbm(S, nh, method=method, k=1, lr=lr, n_epochs=epochs, batch_size=bs,
                  geometry=geometry, shuffle=False, seed=seed, monitor=False, W0=W0,
                  theta_v0=tv0, theta_h0=th0)
    dt, dc = time.perf_counter() - t, time.process_time() - c
    return rbm_log_likelihood(r.W, r.theta_v, r.theta_h, S), dt, dc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="fewer epochs (smoke run)")
    a = ap.parse_args()
    import sklearn
    print(f"numpy {np.__version__}, scikit-learn {sklearn.__version__}, "
          f"python {sys.version.split()[0]}")
    # batch size 10 and learning rate 0.1 are BernoulliRBM's defaults; 0.05 is also shown
    bas, dig = bars_and_stripes(), digits()
    e_bas, e_dig = (20, 5) if a.quick else (100, 20)
    setups = [("bars-and-stripes 4x4 (30 patterns x 10)", bas, 16, 0.05, e_bas, 10),
              ("bars-and-stripes 4x4 (30 patterns x 10)", bas, 16, 0.1, e_bas, 10),
              ("digits 8x8 binarised (1797)", dig, 16, 0.05, e_dig, 10),
              ("digits 8x8 binarised (1797)", dig, 16, 0.1, e_dig, 10)]
    # (label, method, geometry, learning-rate factor); W01 = 4 W, so a step in the +-1
    # parameters acts about 16x more strongly: the pm1 variant uses lr / 16
    variants = [("sklearn BernoulliRBM (PCD-1)", None, None, 1.0),
                ("pyref PCD-1, binary geometry", "pcd", "binary", 1.0),
                ("pyref PCD-1, pm1 geometry, lr/16", "pcd", "pm1", 1 / 16),
                ("pyref CD-1, binary geometry", "cd", "binary", 1.0)]
    for name, X, nh, lr, epochs, bs in setups:
        M, nv = X.shape
        print(f"\n## {name}: M={M}, nv={nv}, nh={nh}, lr={lr}, epochs={epochs}, "
              f"batch={bs}, seeds={a.seeds}")
        u = np.zeros((nv, nh))
        print(f"initial (W=0, thresholds 0): L = {rbm_log_likelihood(u, None, None, 2*X-1):.4f}"
              + (f"; optimum -log(30) = {-np.log(30):.4f}" if M == 300 else ""))
        print("| variant | exact avg log-likelihood (mean ± sd) | wall s (median) "
              "| CPU s (median) |")
        print("| --- | --- | --- | --- |")
        for label, method, geo, f in variants:
            Ls, Ts, Cs = [], [], []
            for s in range(a.seeds):
                if method is None:
                    L, dt, dc = run_sklearn(X, nh, lr, epochs, bs, s)
                else:
                    L, dt, dc = run_pyref(X, nh, lr * f, epochs, bs, s, method, geo)
                Ls.append(L)
                Ts.append(dt)
                Cs.append(dc)
            print(f"| {label} | {np.mean(Ls):.3f} ± {np.std(Ls):.3f} | {np.median(Ts):.3f} "
                  f"| {np.median(Cs):.3f} |", flush=True)


if __name__ == "__main__":
    main()
