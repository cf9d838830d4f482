"""Tests of the command line interface (pyref.cli, python -m pyref)."""

import io
import subprocess
import sys

import numpy as np
import pytest

from pyref.cli import Progress, example_patterns, main, parse_patterns


def _run(argv):
    out = io.StringIO()
    rc = main(argv, out=out)
    return rc, out.getvalue()


def test_recall_example_letters():
    rc, txt = _run(["recall", "--example", "letters", "--flips", "3", "--seed", "0"])
    assert rc == 0
    assert "stored 4 patterns of 25 neurons" in txt
    assert "status: fixed_point" in txt
    assert "recalled target exactly: True" in txt
    # the trajectory table: header + rows "t energy d state"
    rows = [ln.split() for ln in txt.splitlines() if ln.strip()[:1].isdigit()]
    energies = [int(r[1]) for r in rows]
    assert energies == sorted(energies, reverse=True)   # T1: never increases
    assert int(rows[-1][2]) == 0


def test_recall_pattern_file_and_probe(tmp_path):
    # p0 = [1,1,-1,-1], p1 = [1,-1,1,-1]: W = p0 p0^T + p1 p1^T - 2 I has W_03 = W_12 = -2
    # (-1 - 1) and every other entry 0.  Probe s = [1,1,-1,1] (p0 with neuron 3 flipped).
    # sync: h = W s = [-2, 2, -2, -2] -> [-1,1,-1,-1]; then h = [2, 2, -2, 2] -> s again:
    # a 2-cycle after 2 steps (T5)
    f = tmp_path / "pats.txt"
    f.write_text("# two patterns\n++--\n1 -1 1 -1\n\n")
    rc, txt = _run(["recall", "--patterns", str(f), "--probe", "++-+", "--mode", "sync"])
    assert rc == 0 and "stored 2 patterns of 4 neurons" in txt
    assert "Hamming distance to pattern 0: 1" in txt
    assert "status: two_cycle after 2 steps" in txt


def test_parse_patterns_errors():
    assert parse_patterns("+-\n-+\n").tolist() == [[1, -1], [-1, 1]]
    with pytest.raises(ValueError, match="different lengths"):
        parse_patterns("+-\n+\n")
    with pytest.raises(ValueError, match="no pattern"):
        parse_patterns("# nothing\n")
    with pytest.raises(ValueError, match="character 'x'"):
        parse_patterns("+x\n")
    with pytest.raises(ValueError, match=r"\+1 or -1"):
        parse_patterns("1 0\n")


def test_examples_orthogonal():
    P = example_patterns("orthogonal")
    assert P.shape == (4, 16) and np.array_equal(P @ P.T, 16 * np.eye(4))


def test_recall_errors_return_2(capsys):
    rc, _ = _run(["recall", "--example", "tiny", "--target", "5"])
    assert rc == 2
    assert "expected 0 <= target < m = 2" in capsys.readouterr().err
    rc, _ = _run(["recall", "--patterns", "/nonexistent/file.txt"])
    assert rc == 2


def test_boltzmann_command():
    rc, txt = _run(["boltzmann", "--example", "3", "--q", "1/2", "--samples", "300",
                    "--chains", "10", "--no-progress"])
    assert rc == 0
    # W = [[0,1,-1],[1,0,2],[-1,2,0]], theta = [0,1,0]; state 0 = (-,-,-):
    # E = -(1 - 1 + 2) + (-1) = -3 = E_min, state 2 = (-,+,-): E = -(-1 - 1 - 2) + 1 = 5
    # w = 2^-(E+3): [1,1,1/256,1/16,1/4,1/64,1/4,1/4] -> Z' = 725/256
    assert "Z' = sum q^(E - E_min) = 725/256" in txt
    assert "256/725" in txt and "1/725" in txt
    assert "pi K = pi: True" in txt and "pi K_sys = pi: True" in txt
    assert txt.count("sampler check") == 2


def test_boltzmann_weights_file_and_uniform(tmp_path):
    f = tmp_path / "w.txt"
    f.write_text("0 1\n1 0\n")
    rc, txt = _run(["boltzmann", "--weights", str(f), "--q", "1", "--samples", "0"])
    assert rc == 0 and txt.count("1/4") >= 4          # uniform on 4 states
    rc, _ = _run(["boltzmann", "--q", "2", "--samples", "0"])
    assert rc == 2


def test_bench_small():
    rc, txt = _run(["bench", "--n", "64", "--m", "3", "--probes", "20", "--repeat", "1",
                    "--no-progress"])
    assert rc == 0 and "recall_batch: N = 64, P = 3, 20 probes" in txt
    rc, txt = _run(["bench", "--n", "64", "--m", "3", "--probes", "20", "--repeat", "1",
                    "--no-progress", "--factored", "--mode", "sync"])
    assert rc == 0 and "hebbian_recall_batch: N = 64" in txt and "exact recall 1.000" in txt


def test_progress_bar():
    buf = io.StringIO()
    p = Progress("work", stream=buf)
    p(1, 4)
    p(4, 4)
    p.close()
    assert "100%" in buf.getvalue() and buf.getvalue().endswith("\n")
    quiet = io.StringIO()
    q = Progress("work", enabled=False, stream=quiet)
    q(4, 4)
    q.close()
    assert quiet.getvalue() == ""


def test_help_and_module_entry():
    with pytest.raises(SystemExit) as e:
        main(["--help"])
    assert e.value.code == 0
    with pytest.raises(SystemExit) as e:
        main(["recall", "--help"])
    assert e.value.code == 0
    r = subprocess.run([sys.executable, "-m", "pyref", "recall", "--example", "tiny",
                        "--flips", "1"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "status:" in r.stdout
