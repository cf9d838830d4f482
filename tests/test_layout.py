"""The package layout of pyref (issue 18, item 3): the Python-only models live in
``pyref/models/``, and every import path that worked before still works (the old module
is a thin module of explicit re-exports of the same objects)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PYREF = Path(__file__).resolve().parent.parent / "pyref"

MOVED = ["modern", "layers", "mha", "ahop", "expander", "expander_certify", "mil",
         "bm_learning", "rbm", "rbm_learning"]


@pytest.mark.parametrize("name", MOVED)
def test_old_path_reexports_the_same_objects(name: str) -> None:
    old = importlib.import_module(f"pyref.{name}")
    new = importlib.import_module(f"pyref.models.{name}")
    assert old.__all__ == new.__all__
    for attr in new.__all__:
        assert getattr(old, attr) is getattr(new, attr), f"pyref.{name}.{attr}"


@pytest.mark.parametrize("name", MOVED)
def test_shim_is_explicit_reexports_only(name: str) -> None:
    """No star import and no code: one ``from .models.<name> import (...)`` and
    ``__all__``."""
    tree = ast.parse((PYREF / f"{name}.py").read_text())
    body = [n for n in tree.body if not (isinstance(n, ast.Expr)
                                         and isinstance(n.value, ast.Constant))]
    assert len(body) == 2
    imp, assign = body
    assert isinstance(imp, ast.ImportFrom) and imp.module == f"models.{name}" and imp.level == 1
    assert all(a.name != "*" for a in imp.names)
    assert isinstance(assign, ast.Assign) and assign.targets[0].id == "__all__"


def test_models_are_not_at_the_top_level_any_more() -> None:
    for name in MOVED:
        mod = importlib.import_module(f"pyref.models.{name}")
        assert Path(mod.__file__).parent.name == "models"
        src = (PYREF / f"{name}.py").read_text()
        assert "def " not in src and "class " not in src
