"""Regression tests of issue 18 (pyref hardened): one test per reported item, each with the
reproducer of the issue.  The contract: a correct finite result, or ValueError/TypeError
saying what was wrong, in bounded time."""

from __future__ import annotations

import io
import math
import os
import subprocess
import sys
import time
from fractions import Fraction as F
from pathlib import Path

import numpy as np
import pytest

from pyref import _validate as v
from pyref import bm_learning, classical, layers, learning, modern, rbm
from pyref import boltzmann as bz
from pyref.cli import main, repo_lean_dir

ROOT = Path(__file__).resolve().parent.parent


def _quick(call, limit=5.0):
    """Run ``call`` and return (result or exception, seconds)."""
    t0 = time.perf_counter()
    try:
        out = call()
    except (ValueError, TypeError) as exc:
        out = exc
    return out, time.perf_counter() - t0


# --------------------------------------------------------------------------- item 1

def test_item1_steps_for_tv_tiny_alpha_is_bounded_and_minimal():
    t, secs = _quick(lambda: bz.steps_for_tv(1e-15, 0.01))
    assert secs < 1.0 and isinstance(t, int)
    a = F(1e-15)                               # the float's exact value
    # t is minimal: (1 - a)^t <= 0.01 < (1 - a)^(t - 1), checked in logs far from a tie
    assert t * math.log1p(-float(a)) <= math.log(0.01) < (t - 1) * math.log1p(-float(a)) + 1e-9
    t2, secs = _quick(lambda: bz.steps_for_tv(F(1, 10**6), 0.01))
    assert secs < 1.0
    # ln(0.01) / ln(1 - 1e-6) = 4605167.9...: the exact answer is 4605168
    assert t2 == 4605168


def test_item1_steps_for_tv_exact_small_cases():
    for a in (F(1, 2), F(1, 3), F(2, 7), F(9, 10)):
        for e in (F(1, 2), F(1, 10), F(1, 1000), 0.25):
            t = bz.steps_for_tv(a, e)
            assert (1 - a) ** t <= F(e) and (t == 0 or (1 - a) ** (t - 1) > F(e))
    assert bz.steps_for_tv(F(1, 2), F(1, 4)) == 2        # an exact tie: (1/2)^2 = 1/4
    for bad in ("0.5", True, 1j, 0, 1.5, float("nan")):
        with pytest.raises((ValueError, TypeError), match="alpha"):
            bz.steps_for_tv(bad, 0.1)


def test_item1_cli_boltzmann_weights_file_finishes(tmp_path):
    w = tmp_path / "w.txt"
    w.write_text("0 1 -1 2\n1 0 1 -1\n-1 1 0 3\n2 -1 3 0\n")
    out = io.StringIO()
    t0 = time.perf_counter()
    assert main(["boltzmann", "--weights", str(w), "--samples", "0"], out=out) == 0
    assert time.perf_counter() - t0 < 30
    assert "Doeblin (systematic scan)" in out.getvalue()


# --------------------------------------------------------------------------- item 2

def test_item2_exact_powers_are_limited_with_the_limit_in_the_message():
    with pytest.raises(ValueError, match=str(v.MAX_EXACT_BITS)):
        bz.boltzmann_exact([[0]], [10**12], F(1, 2))
    with pytest.raises(ValueError, match=str(v.MAX_EXACT_BITS)):
        bz.tv_bound(F(1, 10**6), 10**7)
    # the float route gives the value
    assert bz.tv_bound(1e-6, 10**7) == pytest.approx(math.exp(1e7 * math.log1p(-1e-6)))
    # small exact powers still exact
    assert bz.tv_bound(F(1, 2), 3) == F(1, 8)


def test_item2_dense_kernels_are_limited_and_name_the_matrix_free_route():
    w_exact = np.array([F(1)] * 2**7, dtype=object)
    with pytest.raises(ValueError, match="distribution_after_scan"):
        bz.systematic_scan_kernel(w_exact)
    with pytest.raises(ValueError, match=f"n <= {bz.MAX_KERNEL_N}"):
        bz.random_scan_kernel(np.ones(2**(bz.MAX_KERNEL_N + 1)))
    # the matrix-free route answers for the same target (uniform is stationary)
    mu = np.array([F(1, 2**7)] * 2**7, dtype=object)
    assert list(bz.distribution_after_scan(mu, w_exact, 1)) == list(mu)


# --------------------------------------------------------------------------- item 3

def test_item3_normalised_hebbian_recall_runs_at_integer_speed():
    rng = np.random.default_rng(0)
    P = rng.choice([-1, 1], size=(8, 200))
    S = P[:4].copy()
    S[:, :20] *= -1
    exact = classical.recall_batch(learning.hebbian_normalized(P), None, S)
    integer = classical.recall_batch(learning.hebbian(P), None, S)
    assert np.array_equal(exact.states, integer.states)       # T3: the same dynamics
    assert np.array_equal(exact.sweeps, integer.sweeps)
    # run() on Fractions: the same trajectory, energies exactly 1/n of the integer ones
    r_exact = classical.run(learning.hebbian_normalized(P), None, S[0])
    r_int = classical.run(learning.hebbian(P), None, S[0])
    assert np.array_equal(r_exact.trajectory, r_int.trajectory)
    assert all(F(a) == F(b, 200) for a, b in zip(r_exact.energies, r_int.energies))


# --------------------------------------------------------------------------- item 4

def test_item4_int64_overflow_is_exact():
    assert rbm.rbm_energy([[2**62] * 2] * 2, None, None, [1, 1], [1, 1]) == -2**64
    assert classical.energy([[0]], np.array([-2**63]), [-1]) == 2**63
    th = v.check_thresholds(np.array([-2**63, 0]), 2)
    assert th.dtype == object and th[0] == -2**63


# --------------------------------------------------------------------------- item 6

def test_item6_no_zero_division_or_domain_errors():
    Q = np.zeros((2, 0))
    with pytest.raises(ValueError, match="d_k"):
        layers.scaled_dot_product_attention(Q, Q, np.zeros((2, 1)))
    with pytest.raises(ValueError, match="float64"):
        modern.storage_capacity(2, 1.0, 1.0, 1e-320)
    with pytest.raises(ValueError, match="beta"):
        bm_learning.safe_step(1, 1e-200)
    thr = modern.separation_threshold(2, 1e-200, 1.0)
    # 2/(beta N) + ln(2 (N-1) N beta M^2)/beta = 1 + ln(4e-400)
    assert thr == pytest.approx(1.0 + math.log(4.0) - 400 * math.log(10.0))
    assert bm_learning.safe_step(3, 2.0) == 1.0 / 24.0


# --------------------------------------------------------------------------- item 7

def test_item7_strings_bools_complex_are_not_numbers():
    with pytest.raises(ValueError, match="not numeric"):
        bz.doeblin_alpha([["0.5", "0.5"], ["0.5", "0.5"]])
    with pytest.raises(ValueError, match="complex"):
        classical.energy(np.array([[0, 1j], [1j, 0]]), None, [1, 1])
    with pytest.raises(ValueError, match="beta"):
        modern.lse("1.0", [1.0, 2.0])
    with pytest.raises(ValueError):
        v.check_real(True, "x")
    with pytest.raises(ValueError, match="string, bool or complex"):
        v.check_finite(np.array([1, "2"], dtype=object))


def test_item7_seeds_validated_eagerly():
    W = learning.hebbian([[1, -1, 1]])
    for bad in ("x", 1.5, True, -1):
        with pytest.raises((ValueError, TypeError), match="seed"):
            classical.run(W, None, [1, 1, 1], seed=bad)      # cyclic: seed unused, checked
    with pytest.raises(TypeError, match="seed"):
        v.as_generator("x")
    assert isinstance(v.check_seed(np.random.default_rng(0)), np.random.Generator)


def test_item7_non_distributions_rejected():
    with pytest.raises(ValueError, match="negative"):
        bz.tv_distance([2, -1], [1, 0])
    with pytest.raises(ValueError, match="sums to"):
        bz.tv_distance([0.5, 0.6], [1.0, 0.0])
    with pytest.raises(ValueError, match="negative"):
        bz.distribution_after([2, -1], [[1, 0], [0, 1]], 3)
    with pytest.raises(ValueError, match="row does not sum to 1"):
        bz.kernel_power([[0.5, 0.6], [0.5, 0.5]], 2)
    assert bz.tv_distance([F(1, 2), F(1, 2)], [1, 0]) == F(1, 2)


def test_item7_float_overflow_rejected_not_nan():
    with pytest.raises(ValueError, match="overflow"):
        bz.boltzmann_distribution([[0, 1e308], [1e308, 0]], None, 1.0)
    with pytest.raises(ValueError, match="overflow"):
        classical.energy([[0, 1.7e308, 1.7e308], [0, 0, 1.7e308], [0, 0, 0]], None,
                         [1, 1, 1])
    with pytest.raises(ValueError, match="overflow"):
        modern.lse(1e-308, [1.7e308, 1.7e308])


# --------------------------------------------------------------------------- item 8

def _cli(argv):
    out = io.StringIO()
    return main(argv, out=out), out.getvalue()


@pytest.mark.parametrize("argv,msg", [
    (["bench", "--repeat", "0"], "--repeat"),
    (["bench", "--noise", "1.5"], "--noise"),
    (["boltzmann", "--samples", "-1"], "--samples"),
    (["recall", "--max-sweeps", "0"], "--max-sweeps"),
    (["recall", "--seed", "-3"], "--seed"),
])
def test_item8_cli_bad_numbers_rejected_before_any_output(argv, msg, capsys):
    rc, txt = _cli(argv)
    assert rc == 2 and txt == ""
    assert msg in capsys.readouterr().err


def test_item8_cli_error_after_work_prints_nothing(capsys):
    # the probe length is checked only after the patterns were read: still no output
    rc, txt = _cli(["recall", "--example", "letters", "--probe", "+-+"])
    assert rc == 2 and txt == ""


def test_item8_cli_version():
    r = subprocess.run([sys.executable, "-m", "pyref", "--version"], capture_output=True,
                       text=True, cwd=ROOT, timeout=60)
    assert r.returncode == 0 and r.stdout.strip().startswith("pyref 0.")


def test_item8_cli_broken_pipe_is_quiet():
    # the reader closes at once: writing the report hits EPIPE
    p = subprocess.Popen([sys.executable, "-m", "pyref", "boltzmann", "--samples", "0"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    p.stdout.close()
    err = p.stderr.read().decode()
    p.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err
    assert p.returncode == 1


def test_item8_cli_vectors_needs_out_outside_the_checkout(tmp_path, capsys):
    assert repo_lean_dir(tmp_path) is None
    assert repo_lean_dir(ROOT) == ROOT / "lean"
    r = subprocess.run([sys.executable, "-m", "pyref", "vectors"], capture_output=True,
                       text=True, cwd=tmp_path, timeout=60,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode == 2 and "--out" in r.stderr
    assert not (tmp_path / "lean").exists() and list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- item 9

def test_item9_recall_batch_and_run_defaults_agree():
    import inspect
    d_batch = inspect.signature(classical.recall_batch).parameters["max_sweeps"].default
    d_run = inspect.signature(classical.run).parameters["max_sweeps"].default
    assert d_batch == d_run
    # and the results agree probe by probe with default arguments
    rng = np.random.default_rng(2)
    P = rng.choice([-1, 1], size=(3, 30))
    W = learning.hebbian(P)
    S = rng.choice([-1, 1], size=(5, 30))
    res = classical.recall_batch(W, None, S)
    for k in range(5):
        r = classical.run(W, None, S[k])
        assert np.array_equal(res.states[k], r.state) and res.sweeps[k] == r.sweeps


def test_item9_run_record_energies_match_energy():
    rng = np.random.default_rng(5)
    P = rng.choice([-1, 1], size=(3, 40))
    W = learning.hebbian(P)
    r = classical.run(W, None, rng.choice([-1, 1], size=40), record=True)
    assert r.energies == [classical.energy(W, None, s) for s in r.trajectory]


def test_item9_exact_kernel_n12_refused_quickly():
    w = np.array([F(1)] * 2**12, dtype=object)
    _, secs = _quick(lambda: bz.systematic_scan_kernel(w))
    assert secs < 1.0
    with pytest.raises(ValueError, match=f"n <= {bz.MAX_EXACT_KERNEL_N}"):
        bz.systematic_scan_kernel(w)


def test_layer_steps_are_bounded():
    Q = np.eye(2)
    with pytest.raises(ValueError, match="at most 10000"):
        layers.hopfield_core(Q, Q, steps=10**6)
    # within the bound the iteration runs (fixed points of an orthonormal set stay put)
    assert np.allclose(layers.hopfield_core(Q, Q, beta=50.0, steps=3), Q, atol=1e-12)


# --------------------------------------------------------------------------- fuzz findings
# (second pass: huge values; each call must answer or refuse within a second or so)

def test_dobrushin_huge_weights_refused_quickly():
    from pyref import dobrushin
    W = np.array([[0, 2**61], [2**61, 0]])
    for call in (lambda: dobrushin.dobrushin_sweeps(W, F(1, 2), F(1, 10)),
                 lambda: dobrushin.influence_bound(W, F(1, 2)),
                 lambda: dobrushin.dobrushin_tv_bound(W, F(1, 2), 3)):
        out, secs = _quick(call)
        assert secs < 1.0 and isinstance(out, ValueError)
        assert "limited to" in str(out) and "float" in str(out)
    # the float route answers: tanh(beta 2^61) = 1 in float64, so alpha = 1 is refused
    with pytest.raises(ValueError, match="alpha"):
        dobrushin.dobrushin_sweeps(W, 0.5, F(1, 10))


def test_dobrushin_long_exact_bound_refused_small_one_exact():
    from pyref import dobrushin
    W = np.array([[0, 1], [1, 0]])
    a = dobrushin.dobrushin_coefficient(W, F(1, 2))       # tanh(ln 2) = 3/5
    assert a == F(3, 5)
    assert dobrushin.dobrushin_tv_bound(W, F(1, 2), 4) == 2 * F(3, 5) ** 4
    out, secs = _quick(lambda: dobrushin.dobrushin_tv_bound(W, F(1, 2), 10**6))
    assert secs < 1.0 and isinstance(out, ValueError) and "alpha**1000000" in str(out)
    # the float q gives the float bound at any t
    assert dobrushin.dobrushin_tv_bound(W, 0.5, 10**6) == 0.0
    # the least t is still decided exactly: 2 (3/5)^t <= 1/10 first at t = 6
    assert dobrushin.dobrushin_sweeps(W, F(1, 2), F(1, 10)) == 6


def test_sign_sum_counts_huge_N_refused_with_the_limit():
    from pyref import capacity
    out, secs = _quick(lambda: capacity.sign_sum_counts(10**7))
    assert secs < 0.5 and isinstance(out, ValueError)
    assert str(capacity.MAX_SIGN_COUNTS_N) in str(out)
    c = capacity.sign_sum_counts(capacity.MAX_SIGN_COUNTS_N)      # the limit itself runs
    assert sum(c.values()) == 2**capacity.MAX_SIGN_COUNTS_N
    with pytest.raises(ValueError, match=str(capacity.MAX_SIGN_SUM_N)):
        capacity.sign_sum_tail(capacity.MAX_SIGN_SUM_N + 1, 3)
    with pytest.raises(ValueError, match="N = \\(m - 1\\)\\(n - 1\\)"):
        capacity.capacity_bound(10**4, 10**3)


def test_sign_sum_tail_near_N_is_cheap_and_exact():
    from pyref import capacity
    N = capacity.MAX_SIGN_SUM_N
    out, secs = _quick(lambda: capacity.sign_sum_tail(N, N - 2))
    assert secs < 0.5 and out == 1 + N             # a = 0 or a = 1 plus signs
    for N in range(12):
        for t in range(-N - 1, N + 2):
            brute = sum(math.comb(N, a) for a in range(N + 1) if 2 * a - N <= -t)
            assert capacity.sign_sum_tail(N, t) == brute


def test_capacity_exact_powers_refused_not_hung():
    from pyref import capacity
    for call in (lambda: capacity.block_bound(10**9, 3),
                 lambda: capacity.chernoff_bound(10**4, 10**3)):
        out, secs = _quick(call)
        assert secs < 0.5 and isinstance(out, ValueError) and "bits" in str(out)


def test_certified_m_huge_n_fast_and_matches_the_scan():
    from pyref import capacity

    def scan(n, e):
        best = 0
        for m in range(1, n + 1):
            L = 0
            while (1 << L) * e < m * n:
                L += 1
            if (2 * m + 1) * L <= n:
                best = m
        return best
    for e in (F(1, 2), F(1), F(1, 1000)):
        for n in range(1, 120):
            assert capacity.certified_m(n, e) == scan(n, e)
    out, secs = _quick(lambda: capacity.certified_m(10**12))
    assert secs < 0.5 and isinstance(out, int) and out > 0


def test_energy_half_quadratic_huge_finite_floats():
    from pyref import conventions as cv
    W = np.array([[0.0, 1e308], [1e308, 0.0]])
    # -1/2 s^T W s = 1e308 for s = (1, -1): float64 overflowed in the intermediate 2e308
    assert cv.energy_half_quadratic(W, [0.0, 0.0], [1, -1]) == 1e308
    assert cv.energy_half_quadratic(W, [0.0, 0.0], [1, 1], 0.5) == -5e307
    with pytest.raises(ValueError, match="beyond float64"):
        cv.energy_half_quadratic(np.full((2, 2), 1.7e308), [0.0, 0.0], [1, 1])
    # int64 extremes stay exact (Python ints, no wrap)
    Wi = np.array([[0, 2**62], [2**62, 0]])
    assert cv.energy_half_quadratic(Wi, np.array([1, -1]), np.array([1, 1])) == -2**62
    assert cv.energy_half_quadratic(Wi, [0, 0], [1, 1], F(1, 3)) == F(-2**62, 3)


@pytest.mark.parametrize("call", [
    lambda: bz.gibbs_sample(np.zeros((4, 4)), None, 1.0, n_sweeps=10**9, seed=0),
    lambda: bz.gibbs_sample(np.zeros((4, 4)), None, 1.0, n_sweeps=10, burn_in=10**6, seed=0),
    lambda: bz.gibbs_sample(np.zeros((4, 4)), None, 1.0, n_sweeps=10, n_chains=10**9, seed=0),
    lambda: rbm.block_gibbs(np.zeros((3, 2)), None, None, 1.0, n_steps=10**7, seed=0),
    lambda: rbm.block_gibbs(np.zeros((3, 2)), None, None, 1.0, n_steps=10, n_chains=10**9,
                            seed=0),
    lambda: bm_learning.train_bm(np.ones((2, 3)), 1.0, n_iter=10**6, method="gibbs", seed=0),
    lambda: bm_learning.train_bm(np.ones((2, 3)), 1.0, n_iter=10**7, seed=0),
], ids=["gibbs-sweeps", "gibbs-burn-in", "gibbs-chains", "block-steps", "block-chains",
        "train-bm-gibbs", "train-bm-exact"])
def test_sampler_work_caps(call):
    out, secs = _quick(call)
    assert secs < 1.0 and isinstance(out, ValueError)
    assert "per-call cap" in str(out) and ("MAX_LOOP_STEPS" in str(out)
                                           or "MAX_WORK" in str(out))


def test_sampler_work_caps_more():
    from pyref import capacity, rbm_learning
    D = np.array([[1, -1, 1], [-1, 1, -1]])
    with pytest.raises(ValueError, match="per-call cap"):
        rbm_learning.train_rbm(D, 2, n_epochs=10**7, seed=0)
    with pytest.raises(ValueError, match="trials \\* n"):
        capacity.simulate_all_fixed(10**6, 2, trials=100, seed=0)
    with pytest.raises(ValueError, match="per-call cap"):
        capacity.capacity_curve([10**4], trials=100, seed=0)
    # a run at the scale of the tests and docs is untouched by the caps
    S = bz.gibbs_sample(np.zeros((4, 4)), None, 1.0, n_sweeps=200, n_chains=50, seed=0)
    assert S.shape == (200, 50, 4)


def test_unproved_run_sweeps_capped_default_allowed():
    A = np.array([[0, 1], [-1, 0]])            # not symmetric: the run may cycle forever
    s = np.array([1, 1])
    for mode in ("sync", "async"):
        for call in (lambda mode=mode: classical.run(A, None, s, mode=mode, max_sweeps=10**9,
                                           require_symmetric=False),
                     lambda mode=mode: classical.recall_batch(A, None, [s], mode=mode,
                                                    max_sweeps=10**9, require_symmetric=False)):
            out, secs = _quick(call)
            assert secs < 1.0 and isinstance(out, ValueError)
            assert "MAX_LOOP_STEPS" in str(out)
        # the default max_sweeps runs and reports the cycle as status "max_sweeps"
        r = classical.run(A, None, s, mode=mode, require_symmetric=False)
        assert r.status == "max_sweeps" and r.sweeps == 1000
    # with symmetric W the run converges: a huge max_sweeps is only a bound
    W = np.array([[0, -1], [-1, 0]])
    assert classical.run(W, None, s, max_sweeps=10**9).status == "fixed_point"


def test_flip_random_and_make_memories_sizes_capped():
    from pyref import ahop
    with pytest.raises(ValueError, match="count = 1000000000: exceeds the per-call cap"):
        learning.flip_random(np.ones(10, dtype=int), 2, count=10**9, seed=0)
    with pytest.raises(ValueError, match="k \\* d"):
        ahop.make_memories(10**9, 4, seed=0)
    assert learning.flip_random(np.ones(10, dtype=int), 2, count=3, seed=0).shape == (3, 10)
