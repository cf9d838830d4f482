"""CrossHair symbolic checks of the PEP 316 contracts in ``pyref/contracts.py``
(spec conventions, T1, T3, T4).

``crosshair check pyref.contracts`` explores every path of each contracted function with
an SMT solver.  The test asserts that no counterexample is reported (exit status 0, no
``error:`` line).  A second test plants deliberately wrong contracts in a temporary module
and asserts that CrossHair refutes them, so the check is real.  On this project's machines
every condition of ``pyref.contracts`` is reported "Confirmed over all paths" (an
exhaustive proof for the stated finite domains), but the test does not depend on that (it
is a matter of time budget).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("crosshair")

ROOT = Path(__file__).resolve().parents[1]


def _crosshair(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "crosshair", "check", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_contracts_have_no_counterexample():
    r = _crosshair("pyref.oracle.contracts", "--per_condition_timeout", "10", "--report_all",
                   cwd=ROOT)
    print(r.stdout)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "error:" not in r.stdout
    # every contracted condition was analysed (update_value has 4 post-conditions, the
    # four other functions 1 each: 8 in all)
    assert r.stdout.count("info:") == 8, r.stdout


WRONG = '''
from pyref.contracts import field, hebbian, spin, update_value, Bits4


def plus_tie_keeps(h: int, theta: int, s_i: int) -> int:
    """The plus rule does NOT keep s_i on a tie (counterexample h == theta, s_i == -1).

    pre: s_i in (-1, 1)
    post: h != theta or __return__ == s_i
    """
    return update_value(h, theta, s_i, False)


def hebbian_field_without_orthogonality(bp: Bits4, bq: Bits4) -> tuple:
    """T3's field identity with the orthogonality hypothesis dropped: false.

    post: __return__ == tuple(2 * spin(v) for v in bp)
    """
    p = tuple(spin(v) for v in bp)
    W = hebbian((p, tuple(spin(v) for v in bq)))
    return tuple(field(W, p, i) for i in range(4))
'''


def test_wrong_contracts_are_refuted(tmp_path):
    (tmp_path / "wrong_contracts.py").write_text(textwrap.dedent(WRONG))
    r = _crosshair("wrong_contracts.py", "--per_condition_timeout", "10", cwd=tmp_path)
    print(r.stdout)
    assert r.returncode == 1, r.stdout + r.stderr
    errors = [ln for ln in r.stdout.splitlines() if "error:" in ln]
    assert len(errors) == 2, r.stdout           # both wrong claims get a counterexample
    assert any("plus_tie_keeps" in ln for ln in errors)
    assert any("hebbian_field_without_orthogonality" in ln for ln in errors)
