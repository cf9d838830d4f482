"""The public API of pyref is typed without ``Any`` (issue 18, item 4): every function in
the ``__all__`` of a canonical module (``pyref/spec``, ``pyref/_engine``, ``pyref/models``,
``pyref/oracle``, ``pyref._validate``, ``pyref.conventions``, ``pyref.cli``), and the
public methods and annotated fields of the classes there, annotate array-like inputs with
``numpy.typing.ArrayLike``, scalars with the aliases of :mod:`pyref._validate`
(``Scalar``, ``ExactScalar``, ``Real``, ``RationalLike``, ``SeedLike``,
``RequiredSeed``), and values that are only validated or passed through with ``object``.

The annotations are read unevaluated (``inspect.signature(..., eval_str=False)``: the
modules use ``from __future__ import annotations``, so an annotation is the source text,
and ``Any`` anywhere in it, e.g. ``list[Any]``, is caught).  The re-export shims at the
old paths (``pyref/classical.py`` ...) only re-export these objects."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterator
from typing import Any

#: The canonical modules (their subpackages are walked).
ROOTS = ["pyref.spec", "pyref._engine", "pyref.models", "pyref.oracle"]
SINGLE = ["pyref._validate", "pyref.conventions", "pyref.cli"]

#: Qualified names (``module.function``, ``module.Class.method``, ``module.Class.field``)
#: whose annotation may keep ``Any``, each with its reason.  Keep it short (empty today).
ALLOWED: dict[str, str] = {}

_ANY = re.compile(r"\bAny\b")


def _canonical_modules() -> list[str]:
    names = list(SINGLE)
    for root in ROOTS:
        pkg = importlib.import_module(root)
        names.append(root)
        names += [m.name for m in pkgutil.walk_packages(pkg.__path__, root + ".")]
    return sorted(set(names))


def _text(annotation: object) -> str:
    if isinstance(annotation, str):
        return annotation
    return inspect.formatannotation(annotation)


def _public_methods(cls: type) -> Iterator[tuple[str, Callable[..., Any]]]:
    for name, attr in vars(cls).items():
        if name.startswith("_") and name != "__init__":
            continue
        if isinstance(attr, (staticmethod, classmethod)):
            attr = attr.__func__
        elif isinstance(attr, property):
            attr = attr.fget
        if inspect.isfunction(attr):
            yield name, attr
    init = cls.__init__   # a dataclass/NamedTuple __init__ may be generated, not in vars
    if "__init__" not in vars(cls) and inspect.isfunction(init) and \
            init.__qualname__.split(".")[0] != "object":
        yield "__init__", init


def _annotated() -> list[tuple[str, str, str]]:
    """``(qualified name, what, annotation text)`` for every annotation of the public API:
    ``what`` is a parameter name, ``return`` or ``field``."""
    out: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def add_fn(qual: str, fn: Callable[..., Any]) -> None:
        if id(fn) in seen:
            return
        seen.add(id(fn))
        try:
            sig = inspect.signature(fn, eval_str=False)
        except (TypeError, ValueError):   # builtins without a signature
            return
        for pname, p in sig.parameters.items():
            if p.annotation is not inspect.Parameter.empty:
                out.append((qual, pname, _text(p.annotation)))
        if sig.return_annotation is not inspect.Signature.empty:
            out.append((qual, "return", _text(sig.return_annotation)))

    for modname in _canonical_modules():
        mod = importlib.import_module(modname)
        for name in getattr(mod, "__all__", []):
            obj = getattr(mod, name)
            qual = f"{modname}.{name}"
            if inspect.isfunction(obj):
                add_fn(qual, obj)
            elif inspect.isclass(obj) and obj.__module__.startswith("pyref"):
                if id(obj) in seen:
                    continue
                seen.add(id(obj))
                for mname, meth in _public_methods(obj):
                    add_fn(f"{qual}.{mname}", meth)
                for fname, ann in vars(obj).get("__annotations__", {}).items():
                    if not fname.startswith("_"):
                        out.append((f"{qual}.{fname}", "field", _text(ann)))
    return out


ANNOTATED = _annotated()


def test_public_api_found() -> None:
    """The walk sees the public API (a guard against an empty, vacuous check)."""
    quals = {q for q, _, _ in ANNOTATED}
    assert len(quals) >= 250, len(quals)
    for expected in ["pyref.spec.classical.energy", "pyref._validate.check_weights",
                     "pyref._engine.kernel.energy_core", "pyref.models.ahop.ahop_retrieve",
                     "pyref.oracle.conform.run_conformance",
                     "pyref.spec.dense.DenseRunResult.energies"]:
        assert expected in quals, expected


def test_detector_sees_any() -> None:
    """The check flags ``Any`` in string and in evaluated annotations, nested or not."""
    assert _ANY.search("list[Any]") and _ANY.search(_text(Any))
    assert _ANY.search(_text(dict[str, Any]))
    assert not _ANY.search("ArrayLike | None") and not _ANY.search("Anything")


def test_no_any_in_public_signatures() -> None:
    bad = [f"{q} ({what}): {ann}" for q, what, ann in ANNOTATED
           if _ANY.search(ann) and q not in ALLOWED]
    assert not bad, ("public annotations with Any (use numpy.typing.ArrayLike, the "
                     "pyref._validate aliases or object):\n" + "\n".join(bad))


def test_allowlist_is_needed() -> None:
    """Every allowlisted name still exists and still needs ``Any`` (no stale entries)."""
    stale = [q for q in ALLOWED
             if not any(q2 == q and _ANY.search(ann) for q2, _, ann in ANNOTATED)]
    assert not stale, stale
