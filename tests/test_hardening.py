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
