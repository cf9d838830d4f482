"""The package layout of pyref (issue 18, items 3 and 4): the mirrored reference lives in
``pyref/spec/``, the fast engines in ``pyref/_engine/``, the Python-only models in
``pyref/models/``, the oracle tooling in ``pyref/oracle/``, and every import path that
worked before still works (the old module is a thin module of explicit re-exports of the
same objects).  No pyref module imports another module's private (underscore) names."""

from __future__ import annotations

import ast
import importlib
import importlib.util
from pathlib import Path

import pytest

PYREF = Path(__file__).resolve().parent.parent / "pyref"

#: old path (relative to pyref) -> the canonical module(s) it re-exports
MOVED: dict[str, list[str]] = {
    **{name: [f"models.{name}"] for name in
       ["modern", "layers", "mha", "ahop", "expander_certify", "mil", "bm_learning", "rbm",
        "rbm_learning"]},
    "expander": ["models.expander"],
    **{name: [f"spec.{name}"] for name in
       ["learning", "dense", "margins", "capacity", "dobrushin", "rbm_exact"]},
    "classical": ["spec.classical", "_engine.classical"],
    "boltzmann": ["spec.boltzmann", "_engine.boltzmann"],
    **{name: [f"oracle.{name}"] for name in ["conform", "conform_fuzz", "contracts", "vectors"]},
    "adapters": ["oracle.adapters"],
    **{f"adapters.{name}": [f"oracle.adapters.{name}"] for name in
       ["dhnn", "hflayers", "hopfieldkit", "hopfieldnetwork", "neurodynex3", "neurolab",
        "sklearn_rbm"]},
}


def _shim_file(name: str) -> Path:
    p = PYREF.joinpath(*name.split("."))
    return p / "__init__.py" if p.is_dir() else p.with_suffix(".py")


@pytest.mark.parametrize("name", sorted(MOVED))
def test_old_path_reexports_the_same_objects(name: str) -> None:
    old = importlib.import_module(f"pyref.{name}")
    news = [importlib.import_module(f"pyref.{m}") for m in MOVED[name]]
    public = [a for new in news for a in new.__all__]
    assert set(old.__all__) <= set(public)
    if len(news) == 1:
        assert old.__all__ == news[0].__all__
    for attr in old.__all__:
        owner = next(n for n in news if attr in n.__all__)
        assert getattr(old, attr) is getattr(owner, attr), f"pyref.{name}.{attr}"


@pytest.mark.parametrize("name", sorted(MOVED))
def test_shim_is_explicit_reexports_only(name: str) -> None:
    """No star import and no code: one ``from .<canonical> import (...)`` per canonical
    module, and ``__all__``."""
    tree = ast.parse(_shim_file(name).read_text())
    body = [n for n in tree.body if not (isinstance(n, ast.Expr)
                                         and isinstance(n.value, ast.Constant))]
    *imps, assign = body
    depth = len(name.split(".")) + (_shim_file(name).name == "__init__.py")
    assert sorted(i.module for i in imps if isinstance(i, ast.ImportFrom)) \
        == sorted(MOVED[name])
    for imp in imps:
        assert isinstance(imp, ast.ImportFrom) and imp.level == depth
        assert all(a.name != "*" and not a.name.startswith("_") for a in imp.names)
    assert isinstance(assign, ast.Assign)
    target = assign.targets[0]
    assert isinstance(target, ast.Name) and target.id == "__all__"


def test_moved_modules_are_not_at_the_old_place_any_more() -> None:
    for name, canon in MOVED.items():
        for m in canon:
            mod = importlib.import_module(f"pyref.{m}")
            assert mod.__file__ is not None
            assert Path(mod.__file__).resolve() != _shim_file(name).resolve()
        src = _shim_file(name).read_text()
        assert "def " not in src and "class " not in src


def test_the_layer_directories() -> None:
    """The four layers are visible from the tree."""
    assert {p.stem for p in (PYREF / "spec").glob("*.py")} >= {
        "classical", "learning", "dense", "boltzmann", "margins", "capacity", "dobrushin",
        "rbm_exact"}
    assert {p.stem for p in (PYREF / "_engine").glob("*.py")} >= {"kernel", "classical",
                                                                 "boltzmann"}
    for pkg in ("spec", "_engine", "models", "oracle", "oracle/adapters"):
        assert (PYREF / pkg / "__init__.py").is_file(), pkg
    assert {p.stem for p in (PYREF / "oracle").glob("*.py")} >= {
        "conform", "conform_fuzz", "contracts", "vectors"}


def test_data_files_stay_and_are_found() -> None:
    """The corpus and the conformance vectors stay in ``pyref/data``; the moved modules
    find them there (and the package data of pyproject.toml names them)."""
    from pyref.oracle import conform, vectors

    assert vectors.CORPUS == PYREF / "data" / "vectors" / "v2" / "corpus.json.gz"
    assert vectors.CORPUS.is_file()
    assert conform.DEFAULT_VECTORS == PYREF / "data" / "conformance-v1.json"
    assert conform.DEFAULT_VECTORS.is_file()


def test_every_subpackage_is_a_regular_package() -> None:
    """setuptools' ``packages.find`` (pyproject.toml) only finds directories with an
    ``__init__.py``: every directory of pyref holding Python files has one."""
    for d in PYREF.rglob("*"):
        if d.is_dir() and d.name != "__pycache__" and any(d.glob("*.py")):
            assert (d / "__init__.py").is_file(), d


def test_mirror_manifest_resolves_to_the_spec_package() -> None:
    """Every pyref function that ``proofs_ci/mirror.toml`` pairs with a Lean definition
    (``[[mirror]]``) is defined in ``pyref.spec``."""
    import tomllib

    data = tomllib.loads((PYREF.parent / "proofs_ci" / "mirror.toml").read_text())
    names = [m["pyref"] for m in data.get("mirror", [])]
    assert names
    for dotted in names:
        modname, _, attr = dotted.rpartition(".")
        obj = getattr(importlib.import_module(modname), attr)
        assert obj.__module__.startswith("pyref.spec."), (dotted, obj.__module__)


# --------------------------------------------------------------------------- private imports

def _pyref_module_of(path: Path, root: Path) -> str:
    rel = path.relative_to(root.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _resolve(current: str, is_pkg: bool, module: str | None, level: int) -> str:
    """The absolute module name of ``from <level dots><module> import ...`` in ``current``."""
    if level == 0:
        return module or ""
    base = current.split(".")
    if not is_pkg:
        base = base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def private_imports(root: Path = PYREF) -> list[str]:
    """``file:line: name`` of every import of an underscore name from another pyref module
    (``from X import _y``, ``import pyref.X._y``-style attribute use ``X._y`` of a module
    imported from pyref, and ``from pyref.X import _y`` inside generated code strings).
    Dunder names (``__version__``) are allowed; so is importing the public names of the
    private modules ``pyref._validate`` and ``pyref._engine.*``."""
    bad: list[str] = []
    for path in sorted(root.rglob("*.py")):
        current = _pyref_module_of(path, root)
        is_pkg = path.name == "__init__.py"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_aliases: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                target = _resolve(current, is_pkg, node.module, node.level)
                if not (target == "pyref" or target.startswith("pyref.")):
                    continue
                for a in node.names:
                    sub = f"{target}.{a.name}"
                    if _is_module(sub):
                        module_aliases.add(a.asname or a.name)
                        if a.name.startswith("_") and a.name not in ("_validate", "_engine"):
                            bad.append(f"{path}:{node.lineno}: module {sub}")
                    elif a.name.startswith("_") and not a.name.startswith("__"):
                        bad.append(f"{path}:{node.lineno}: {a.name} from {target}")
            elif isinstance(node, ast.Import):
                for a in node.names:
                    if a.name.startswith("pyref") and a.asname:
                        module_aliases.add(a.asname)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                for line in node.value.splitlines():
                    s = line.strip()
                    if s.startswith("from pyref") and " import " in s:
                        names = s.split(" import ", 1)[1].replace("(", "").replace(")", "")
                        for n in names.split(","):
                            n = n.strip().split(" as ")[0]
                            if n.startswith("_") and not n.startswith("__"):
                                bad.append(f"{path}:{node.lineno}: generated import of {n}")
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                    and node.value.id in module_aliases and node.attr.startswith("_") \
                    and not node.attr.startswith("__"):
                bad.append(f"{path}:{node.lineno}: {node.value.id}.{node.attr}")
    return bad


def _is_module(dotted: str) -> bool:
    try:
        return importlib.util.find_spec(dotted) is not None
    except (ImportError, ValueError):
        return False


def test_no_private_cross_module_imports() -> None:
    assert private_imports() == []


def test_the_private_import_scan_finds_them(tmp_path: Path) -> None:
    pkg = tmp_path / "pyref"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "a.py").write_text(
        "from ..classical import _tie_tol\n"
        "from .. import classical as c\n"
        "from .._validate import check_state\n"
        "x = c._prep\n"
        "CODE = 'from pyref.conform import load_adapter, _same'\n")
    found = private_imports(pkg)
    assert len(found) == 3, found
    assert any("_tie_tol" in f for f in found)
    assert any("c._prep" in f for f in found)
    assert any("_same" in f for f in found)


# --------------------------------------------------------------------------- expander

EXPANDER_MODULES = ["local_codes", "gf2", "network", "dynamics", "global_code", "guarantees",
                    "search", "experiments"]


def test_expander_is_a_package_of_one_module_per_concern() -> None:
    pkg = importlib.import_module("pyref.models.expander")
    assert Path(pkg.__file__).name == "__init__.py"
    seen: list[str] = []
    for name in EXPANDER_MODULES:
        mod = importlib.import_module(f"pyref.models.expander.{name}")
        for attr in mod.__all__:
            assert getattr(pkg, attr) is getattr(mod, attr), f"{name}.{attr}"
        seen += mod.__all__
    assert sorted(seen) == sorted(pkg.__all__), "each public name in exactly one module"
    assert len(pkg.__all__) == len(set(pkg.__all__)) >= 37
    # both old paths give the same objects
    old = importlib.import_module("pyref.expander")
    assert old.__all__ == pkg.__all__
    assert all(getattr(old, a) is getattr(pkg, a) for a in pkg.__all__)


def test_expander_package_init_is_explicit_reexports_only() -> None:
    tree = ast.parse((PYREF / "models" / "expander" / "__init__.py").read_text())
    body = [n for n in tree.body if not (isinstance(n, ast.Expr)
                                         and isinstance(n.value, ast.Constant))]
    *imps, assign = body
    assert sorted(i.module for i in imps if isinstance(i, ast.ImportFrom)) \
        == sorted(EXPANDER_MODULES)
    for imp in imps:
        assert isinstance(imp, ast.ImportFrom) and imp.level == 1
        assert all(a.name != "*" and not a.name.startswith("_") for a in imp.names)
    assert isinstance(assign, ast.Assign)
