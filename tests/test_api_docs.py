"""The documented API of pyref (issue 18, items 4 and 5): the seed policy of
docs/conventions.md ("Seeds and randomness") on every public function that takes a seed,
and numpydoc ``Parameters`` / ``Returns`` sections with real descriptions on the modules
cleaned so far (the list grows as modules are documented)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable
from typing import Any

import pytest

import pyref

#: Modules maintained by other work in progress (test vectors, conformance cases); they
#: join when that work lands.
_NOT_YET = {"pyref.vectors", "pyref.conform", "pyref.cli", "pyref.__main__"}

#: Modules whose every public function has numpydoc Parameters and Returns sections
#: without the generated placeholder text.
DOCUMENTED = ["pyref._validate", "pyref.classical", "pyref.capacity", "pyref.learning",
              "pyref.rbm", "pyref.layers", "pyref.mha", "pyref.ahop", "pyref.bm_learning",
              "pyref.rbm_learning", "pyref.dobrushin", "pyref.dense", "pyref.modern",
              "pyref.conventions", "pyref.rbm_exact", "pyref.margins", "pyref.boltzmann",
              "pyref.expander", "pyref.expander_certify", "pyref.mil", "pyref.adapters",
              "pyref.contracts", "pyref.conform_fuzz", "pyref.oracle.conform",
              "pyref.oracle.vectors",
              # the canonical modules of the layout (pyref/spec, pyref/_engine, models)
              "pyref.spec.classical", "pyref._engine.classical", "pyref.spec.boltzmann",
              "pyref._engine.boltzmann",
              *[f"pyref.models.expander.{m}" for m in
                ["local_codes", "gf2", "network", "dynamics", "global_code", "guarantees",
                 "search", "experiments"]]]

PLACEHOLDER = "The value described in the summary"


def _modules() -> list[str]:
    names = [f"pyref.{m.name}" for m in pkgutil.iter_modules(pyref.__path__)
             if not m.name.startswith("_") or m.name == "_validate"]
    return [n for n in names if n not in _NOT_YET]


def _public(modname: str) -> list[tuple[str, Callable[..., Any]]]:
    mod = importlib.import_module(modname)
    out = []
    for name in getattr(mod, "__all__", []):
        obj = getattr(mod, name)
        if inspect.isfunction(obj):
            out.append((f"{modname}.{name}", obj))
    return out


SEEDED = [(q, f) for m in _modules() for q, f in _public(m)
          if "seed" in inspect.signature(f).parameters]


def _seed_doc(doc: str) -> str:
    """The numpydoc entry of ``seed`` (its line and the indented lines after it), or
    the sentences of the docstring that name ``seed``."""
    m = re.search(r"^seed\b[^\n]*\n(?:[ \t]+[^\n]*\n?)*", doc, re.M)
    if m:
        return m.group(0)
    return " ".join(p for p in re.split(r"\n\s*\n", doc) if "``seed``" in p)


def test_seeded_functions_found():
    assert len(SEEDED) >= 30


@pytest.mark.parametrize("qualname,fn", SEEDED, ids=[q for q, _ in SEEDED])
def test_seed_documents_none(qualname: str, fn: Callable[..., Any]) -> None:
    """Every function taking a seed says what ``None`` does (fresh OS entropy, or refused
    where a result must be reproducible)."""
    text = _seed_doc(inspect.getdoc(fn) or "")
    assert text, f"{qualname}: the docstring does not document its seed"
    assert "None" in text, f"{qualname}: the seed documentation does not say what None means"


def _has_section(doc: str, title: str) -> bool:
    return re.search(rf"^{title}\n-{{3,}}$", doc, re.M) is not None


DOCUMENTED_FUNCS = [qf for m in DOCUMENTED for qf in _public(m)]


@pytest.mark.parametrize("qualname,fn", DOCUMENTED_FUNCS, ids=[q for q, _ in DOCUMENTED_FUNCS])
def test_numpydoc_sections(qualname: str, fn: Callable[..., Any]) -> None:
    doc = inspect.getdoc(fn) or ""
    params = [p for p in inspect.signature(fn).parameters.values()
              if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    if params:
        assert _has_section(doc, "Parameters"), f"{qualname}: no Parameters section"
    assert _has_section(doc, "Returns") or _has_section(doc, "Yields"), \
        f"{qualname}: no Returns section"


@pytest.mark.parametrize("modname", DOCUMENTED)
def test_no_placeholder_returns(modname: str) -> None:
    bad = [q for q, f in _public(modname) if PLACEHOLDER in (inspect.getdoc(f) or "")]
    assert not bad, f"placeholder Returns text left in {bad}"


def test_no_placeholder_anywhere_in_the_sources() -> None:
    from pathlib import Path

    root = Path(pyref.__file__).resolve().parent
    bad = [str(p.relative_to(root)) for p in root.rglob("*.py")
           if PLACEHOLDER in p.read_text(encoding="utf-8")]
    assert not bad, f"placeholder text left in {bad}"
