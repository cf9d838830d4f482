"""Proof audit: only allowlisted Lean in ``lean/``, every file reachable from a root.

The audit reads each file with a lexer that follows Lean's own lexical rules
(``proofs_ci/lexer.py``: nested comments, doc comments, string/char/raw-string literals,
``«»`` names), so no comment, literal or escaped name can hide code from it, and it works by
**allowlist** (``scan_text``): a library file is a ``module`` importing only the project's
libraries, and may contain only the commands, options, instance classes and attributes the
specification needs. Everything else (syntax extensions, ``#`` commands, meta code, axioms,
``sorry``, compiler trust, kernel-check or warning options, lawless instances, literals) is
rejected with ``file:line`` and the rule broken. Generated files get no exemption.

On a native toolchain ``#print axioms`` is also run for every theorem (``axioms_native``);
the wasm toolchain refuses ``#print axioms``, so offline the guarantees are this audit, the
build's failure on every warning (``sorry`` included), the kernel canaries and the pinned
statements (``lean/HopfieldPinned/``).
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
import tempfile
from pathlib import Path

from .build import discover
from .lexer import Token, tokenize

ALLOWED_AXIOMS = {"propext", "Classical.choice", "Quot.sound"}

# The library roots: every module under lean/ must be imported (transitively) by one of them.
ROOTS = ("Hopfield", "HopfieldTest", "HopfieldPinned")

# -- the allowlist -------------------------------------------------------------------------
# A line that starts in column 0 must start one of these commands (or a comment, or `@[`).
COMMAND_START = {
    "module", "public", "private", "protected", "noncomputable", "import", "namespace",
    "section", "end", "open", "variable", "universe", "def", "abbrev", "theorem",
    "structure", "inductive", "example", "instance", "set_option", "mutual",
}
# `set_option NAME` (command, term or tactic form) only for these options.
ALLOWED_OPTIONS = {"maxHeartbeats", "maxRecDepth", "synthInstance.maxHeartbeats"}
# `instance : C ...` only of these classes: they carry proofs (Decidable) or cannot make a
# statement mean something else (Inhabited, Nonempty, Repr).
ALLOWED_INSTANCE_CLASSES = {"Decidable", "DecidableEq", "DecidablePred", "DecidableRel",
                            "Inhabited", "Nonempty", "Repr"}
ALLOWED_DERIVING = {"DecidableEq", "Repr", "Inhabited", "Nonempty"}
# `@[...]` attributes that only steer elaboration (the kernel re-checks every proof).
ALLOWED_ATTRS = {"simp", "expose", "reducible", "irreducible", "semireducible", "inline",
                 "grind", "specialize"}
# imports only of the project's own libraries (no `import Lean`: meta code, new commands)
# and no `import all`/`meta import`.

# Words rejected wherever they occur in code (as an identifier or any component of one).
FORBIDDEN = {
    "sorry": "unfinished proof",
    "admit": "unfinished proof",
    "sorryAx": "unfinished proof",
    "axiom": "declares an unproved axiom",
    "opaque": "declares a constant whose value the kernel never sees",
    "partial": "partial definitions are opaque to the kernel",
    "unsafe": "escapes the kernel's checks",
    "native_decide": "trusts the compiler (Lean.ofReduceBool)",
    "native": "`decide +native` trusts the compiler (Lean.ofReduceBool)",
    "nativeDecide": "trusts the compiler",
    "ofReduceBool": "trusts the compiler",
    "ofReduceNat": "trusts the compiler",
    "reduceBool": "trusts the compiler",
    "reduceNat": "trusts the compiler",
    "trustCompiler": "trusts the compiler",
    "implemented_by": "replaces a definition's code by unverified code",
    "extern": "replaces a definition's code by foreign code",
    "csimp": "replaces a definition's code by another",
    "debug": "debug options can switch off the kernel check (debug.skipKernelTC)",
    "skipKernelTC": "switches off the kernel check",
    "macro": "syntax extension: can make a statement mean something else",
    "macro_rules": "syntax extension: can make a statement mean something else",
    "syntax": "syntax extension: can make a statement mean something else",
    "notation": "syntax extension: can make a statement mean something else",
    "infix": "syntax extension", "infixl": "syntax extension", "infixr": "syntax extension",
    "prefix": "syntax extension", "postfix": "syntax extension",
    "elab": "elaborator extension (meta code)", "elab_rules": "elaborator extension (meta code)",
    "declare_syntax_cat": "syntax extension", "binder_predicate": "syntax extension",
    "unif_hint": "changes elaboration by unification hints",
    "initialize": "runs meta code", "builtin_initialize": "runs meta code",
    "run_cmd": "runs meta code", "run_elab": "runs meta code", "run_meta": "runs meta code",
    "run_tac": "runs meta code", "by_elab": "runs meta code",
    "include_str": "reads a file at elaboration time", "dbg_trace": "debugging hook",
    "export": "creates aliases that can make a name mean something else",
    "renaming": "creates aliases that can make a name mean something else",
    "attribute": "can add `instance`/`simp`/... attributes after the fact; use `@[...]`",
    "class": "new type classes are not needed by the specification",
    "register_simp_attr": "meta code", "register_option": "meta code",
    "register_builtin_option": "meta code", "register_parser_alias": "meta code",
    "declare_config_elab": "meta code", "declare_simp_like_tactic": "meta code",
    "simproc": "meta code", "dsimproc": "meta code", "simproc_decl": "meta code",
    "dsimproc_decl": "meta code", "builtin_simproc": "meta code",
    "builtin_dsimproc": "meta code", "builtin_simproc_decl": "meta code",
    "builtin_dsimproc_decl": "meta code", "grind_propagator": "meta code",
    "builtin_grind_propagator": "meta code",
    "seal": "changes reducibility globally", "unseal": "changes reducibility globally",
    "set_config": "changes tactic configuration globally",
    "prelude": "drops the core library", "init_quot": "adds axioms",
    "add_decl_doc": "rewrites documentation after the fact",
    "meta": "meta-level code or imports",
    "exit": "`#exit` stops checking the rest of the file",
}
COMMANDS_AT_HASH = "`#` commands (#exit, #eval, #print, ...) are not allowed in the library"


@dataclasses.dataclass(frozen=True)
class Finding:
    """A rule broken at ``path:line``: ``word`` is what was found, ``why`` the rule."""

    path: Path
    line: int
    word: str
    why: str

    def __str__(self) -> str:
        word = self.word.splitlines()[0] if self.word.strip() else self.word
        return f"{self.path}:{self.line}: forbidden `{word}` ({self.why})"


def code_tokens(text: str) -> list[Token]:
    """The tokens of ``text`` without comments (doc comments included)."""
    return [t for t in tokenize(text) if t.kind not in ("comment", "doc", "moddoc")]


def _project_module(name: str) -> bool:
    """Whether ``import name`` is allowed: the project's libraries, or core ``Init``."""
    return name.split(".")[0] in ROOTS or name == "Init" or name.startswith("Init.")


def _attr_findings(toks: list[Token], k: int, path: Path) -> tuple[list[Finding], int]:
    """Check the attribute list ``@[...]`` whose ``[`` is ``toks[k]``; returns the index after."""
    found, depth, j, item_start = [], 0, k, True
    while j < len(toks):
        t = toks[j]
        if t.kind == "sym" and t.text in ("[", "(", "{", "⟨"):
            depth += 1
        elif t.kind == "sym" and t.text in ("]", ")", "}", "⟩"):
            depth -= 1
            if depth == 0:
                return found, j + 1
        elif t.kind == "sym" and t.text == "," and depth == 1:
            item_start = True
        elif item_start and depth == 1:
            if t.kind == "ident" and t.name in ("local", "scoped"):
                pass
            elif t.kind == "sym" and t.text == "-":
                pass
            else:
                item_start = False
                if not (t.kind == "ident" and t.name in ALLOWED_ATTRS):
                    why = FORBIDDEN.get(t.name, "")
                    found.append(Finding(path, t.line, f"@[{t.text}]",
                                         (why + "; " if why else "") + "attribute not on the "
                                         f"allowlist {sorted(ALLOWED_ATTRS)}"))
        j += 1
    found.append(Finding(path, toks[k].line, "@[", "unterminated attribute list"))
    return found, j


def _instance_class(toks: list[Token], k: int) -> Token | None:
    """The class of the instance declared at ``toks[k]`` (the token after the top-level ``:``)."""
    depth = 0
    for j in range(k + 1, len(toks)):
        t = toks[j]
        if t.kind == "sym" and t.text in ("(", "[", "{", "⟨"):
            depth += 1
        elif t.kind == "sym" and t.text in (")", "]", "}", "⟩"):
            depth -= 1
        elif depth == 0 and t.kind == "sym" and t.text in (":=", "|"):
            return None
        elif depth == 0 and t.kind == "ident" and t.name == "where":
            return None
        elif depth == 0 and t.kind == "sym" and t.text == ":":
            return toks[j + 1] if j + 1 < len(toks) else None
    return None


def scan_text(text: str, path: Path) -> list[Finding]:
    """Every rule the file breaks (an empty list: the file passes the audit).

    The rules: the file is a ``module`` importing only the project's libraries; it has no
    string, char or raw-string literals, no ambiguous comment openers, no backquoted names,
    no ``#`` commands; no forbidden word (``FORBIDDEN``) occurs in code; ``set_option`` only
    for ``ALLOWED_OPTIONS``; instances only of ``ALLOWED_INSTANCE_CLASSES``; ``deriving``
    only ``ALLOWED_DERIVING``; attributes only ``ALLOWED_ATTRS``; every line that starts in
    column 0 starts a command of ``COMMAND_START``.
    """
    found: list[Finding] = []
    toks = code_tokens(text)

    def bad(t: Token, word: str, why: str) -> None:
        found.append(Finding(path, t.line, word, why))

    if not toks or toks[0].kind != "ident" or toks[0].name != "module":
        bad(toks[0] if toks else Token("sym", "", 1, 0), toks[0].text if toks else "",
            "a library file must start with `module` (after comments)")
    # the header: `module`, then `import X` / `public import X` lines
    header_end = 1 if toks and toks[0].name == "module" else 0
    while header_end < len(toks):
        if toks[header_end].name == "import":
            header_end += 2
        elif toks[header_end].name == "public" and header_end + 1 < len(toks) \
                and toks[header_end + 1].name == "import":
            header_end += 3
        else:
            break
    k = 0
    while k < len(toks):
        t = toks[k]
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if t.col == 0 and not (t.kind == "ident" and t.name in COMMAND_START) \
                and not (t.kind == "sym" and t.text == "@"):
            bad(t, t.text, "a line starting in column 0 must start an allowed command "
                f"({', '.join(sorted(COMMAND_START))}); indent continuation lines")
        if t.kind in ("string", "char"):
            bad(t, t.text[:20], "string and char literals are not allowed in lean/")
        elif t.kind == "ambiguous":
            bad(t, t.text, "a comment opener glued to a symbol: Lean may read it as code; "
                "put a space before it")
        elif t.kind == "bad":
            bad(t, t.text[:20], "unterminated comment, name or literal")
        elif t.kind == "sym":
            if "`" in t.text:
                bad(t, t.text, "quoted names and syntax quotations are meta code")
            if "#" in t.text and not (t.text == "#" and nxt is not None and nxt.text == "["
                                      and nxt.col == t.col + 1 and nxt.line == t.line):
                bad(t, t.text + (nxt.text if nxt is not None and nxt.kind == "ident" else ""),
                    COMMANDS_AT_HASH)
            if t.text == "@" and nxt is not None and nxt.text == "[" and nxt.line == t.line \
                    and nxt.col == t.col + 1:
                more, k = _attr_findings(toks, k + 1, path)
                found.extend(more)
                continue
        elif t.kind == "ident":
            parts = t.name.split(".")
            for part in parts:
                if part in FORBIDDEN:
                    bad(t, t.text, FORBIDDEN[part])
                    break
            if parts[0] in ("Lean", "Lake"):
                bad(t, t.text, "the meta-level Lean API is not allowed in the library")
            if t.name == "import":
                prev = toks[k - 1] if k else None
                if k >= header_end:
                    bad(t, "import", "imports belong in the header")
                if nxt is None or nxt.kind != "ident" or not _project_module(nxt.name):
                    bad(t, f"import {nxt.text if nxt else ''}",
                        f"only the project's libraries {ROOTS} may be imported")
                if prev is not None and prev.kind == "ident" and prev.name not in (
                        "public", "module") and prev.line == t.line:
                    bad(t, f"{prev.text} import", "only `import` and `public import`")
            elif t.name == "set_option":
                if nxt is None or nxt.kind != "ident" or nxt.name not in ALLOWED_OPTIONS:
                    bad(t, f"set_option {nxt.text if nxt else ''}",
                        f"only the options {sorted(ALLOWED_OPTIONS)} may be set")
            elif t.name == "instance":
                cls = _instance_class(toks, k)
                if cls is None or cls.kind != "ident" or cls.name not in ALLOWED_INSTANCE_CLASSES:
                    bad(t, f"instance : {cls.text if cls else '?'}",
                        "instances only of the classes "
                        f"{sorted(ALLOWED_INSTANCE_CLASSES)} (a lawless instance can make "
                        "`==` or `+` mean something else)")
            elif t.name == "deriving":
                j = k + 1
                while j < len(toks):
                    d = toks[j]
                    if d.kind != "ident" or d.name not in ALLOWED_DERIVING:
                        bad(d, f"deriving {d.text}",
                            f"only deriving {sorted(ALLOWED_DERIVING)}")
                    if j + 1 < len(toks) and toks[j + 1].text == ",":
                        j += 2
                        continue
                    break
        k += 1
    return found


def scan_tree(src_root: Path) -> list[Finding]:
    """Every rule broken by a ``.lean`` file under ``src_root``."""
    found: list[Finding] = []
    for path in sorted(src_root.rglob("*.lean")):
        found.extend(scan_text(path.read_text(encoding="utf-8"), path))
    return found


def unreachable_from_root(src_root: Path, roots: tuple[str, ...] = ROOTS) -> list[str]:
    """Modules under ``src_root`` that no root module (transitively) imports.

    A root that has no file is skipped; if none of them exists every module is reported.
    """
    mods = discover(src_root)
    present = [r for r in roots if r in mods]
    if not present:
        return sorted(mods) or [f"(missing root {roots[0]}.lean)"]
    seen, stack = set(), list(present)
    while stack:
        name = stack.pop()
        if name not in seen:
            seen.add(name)
            stack.extend(mods[name].imports)
    return sorted(set(mods) - seen)


DECL_KINDS = ("theorem", "def", "abbrev", "structure", "inductive", "instance", "example")
MODIFIERS = {"private", "protected", "public", "noncomputable", "nonrec", "local", "scoped"}
SPEC_ID_RE = re.compile(r"\b([TB][1-9])\b")


@dataclasses.dataclass(frozen=True)
class Decl:
    """A declaration found in the sources: kind, full name, spec ids in its docstring."""

    kind: str
    name: str
    module: str
    spec_ids: tuple[str, ...]
    line: int
    doc: str = ""


def declarations_in(text: str, module: str) -> list[Decl]:
    """The declarations of one file, with namespaces resolved (from Lean's tokens, so
    nothing inside a comment or literal is ever taken for a declaration)."""
    out: list[Decl] = []
    toks = tokenize(text)
    ns: list[list[str]] = []  # one entry per open namespace/section: its name parts
    doc = ""
    for k, t in enumerate(toks):
        if t.kind == "doc":
            doc = t.text
            continue
        if t.kind in ("comment", "moddoc"):
            continue
        nxt = None
        for u in toks[k + 1:k + 50]:
            if u.kind not in ("comment", "doc", "moddoc"):
                nxt = u
                break
        if t.kind == "ident" and t.name == "namespace" and nxt is not None:
            ns.append(nxt.name.split("."))
        elif t.kind == "ident" and t.name == "section":
            ns.append([])
        elif t.kind == "ident" and t.name == "end":
            if ns:
                ns.pop()
        elif t.kind == "ident" and t.name in DECL_KINDS and t.name != "example" \
                and nxt is not None and nxt.kind == "ident":
            name = nxt.name
            prefix = [p for parts in ns for p in parts]
            full = name.removeprefix("_root_.") if name.startswith("_root_.") \
                else ".".join(prefix + [name])
            ids = tuple(sorted(set(SPEC_ID_RE.findall(doc))))
            out.append(Decl(t.name, full, module, ids, t.line, doc))
        if not (t.kind == "ident" and t.name in MODIFIERS) and not (t.kind == "sym" and t.text
                                                                     in ("@", "[", "]")):
            if not (t.kind == "ident" and t.name in ALLOWED_ATTRS):
                doc = ""
    return out


def declarations(src_root: Path) -> list[Decl]:
    """Declarations under ``src_root`` with namespaces resolved and their docstrings' spec ids."""
    out: list[Decl] = []
    for path in sorted(src_root.rglob("*.lean")):
        mod = ".".join(path.relative_to(src_root).with_suffix("").parts)
        out.extend(declarations_in(path.read_text(encoding="utf-8"), mod))
    return out


def parse_print_axioms(text: str) -> dict[str, list[str]]:
    """Theorem -> axioms from the output of ``#print axioms`` (both of Lean's phrasings)."""
    found: dict[str, list[str]] = {}
    for m in re.finditer(r"'([^']+)' depends on axioms: \[([^\]]*)\]", text):
        found[m.group(1)] = sorted(a.strip() for a in m.group(2).split(",") if a.strip())
    for m in re.finditer(r"'([^']+)' does not depend on any axioms", text):
        found[m.group(1)] = []
    return found


def axioms_native(lake: Path, repo_root: Path, theorems: list[str]
                  ) -> tuple[dict[str, list[str]], list[str]]:
    """Run ``#print axioms`` in a non-module file on a native toolchain (v4.28.0 refuses it
    inside a ``module``). Returns (theorem -> axioms, violations); a theorem missing from
    Lean's output is a violation too."""
    if not theorems:
        return {}, []
    body = "".join(f"import {r}\n" for r in ROOTS) + "".join(
        f"#print axioms {t}\n" for t in theorems)
    with tempfile.NamedTemporaryFile("w", suffix=".lean", dir=repo_root, delete=False) as fh:
        fh.write(body)
        tmp = Path(fh.name)
    try:
        proc = subprocess.run([str(lake), "env", "lean", str(tmp)], cwd=repo_root,
                              capture_output=True, text=True)
    finally:
        tmp.unlink(missing_ok=True)
    text = proc.stdout + proc.stderr
    if proc.returncode != 0:
        return {}, [f"#print axioms failed: {text.strip()[-2000:]}"]
    found = parse_print_axioms(text)
    bad = []
    for name in theorems:
        if name not in found:
            bad.append(f"{name}: no `#print axioms` answer")
        elif set(found[name]) - ALLOWED_AXIOMS:
            bad.append(f"{name} depends on {sorted(set(found[name]) - ALLOWED_AXIOMS)}")
    return found, bad
