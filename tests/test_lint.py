"""Lint and type checks (issue 18): ``ruff check pyref proofs_ci tests`` and ``mypy`` with the
configuration of ``pyproject.toml`` (``[tool.ruff]``, ``[tool.mypy]``: strict flags on the
mirrored modules ``pyref._validate``, ``pyref.classical``, ``pyref.boltzmann``) must report
nothing.  Both tools are in the ``dev`` extra."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)


def test_ruff_clean() -> None:
    r = _run(["ruff", "check", "--no-cache", "pyref", "proofs_ci", "tests"])
    assert "No module named ruff" not in r.stderr, "install the dev extra: pip install -e .[dev]"
    assert r.returncode == 0, r.stdout + r.stderr


def test_mypy_clean(tmp_path: Path) -> None:
    r = _run(["mypy", "--cache-dir", str(tmp_path / "mypy-cache")])
    assert "No module named mypy" not in r.stderr, "install the dev extra: pip install -e .[dev]"
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Success" in r.stdout


def test_mypy_config_is_strict_on_the_mirrored_modules() -> None:
    """The strict flags really apply: an untyped function in a strict module is reported."""
    import tomllib

    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    overrides = cfg["tool"]["mypy"]["overrides"]
    strict = [o for o in overrides if o.get("disallow_untyped_defs")]
    assert strict and {"pyref._validate", "pyref.classical", "pyref.boltzmann"} <= set(
        strict[0]["module"])
    for flag in ("warn_return_any", "disallow_any_generics", "disallow_untyped_calls"):
        assert strict[0].get(flag) is True, flag
