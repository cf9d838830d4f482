"""Proof audit: no escape hatches in ``lean/``, every file reachable from the root.

The scan is comment- and string-aware: forbidden words inside ``--`` comments, ``/- -/``
(doc) comments and string literals are ignored, everywhere else they are rejected. On a
native toolchain ``#print axioms`` is also run for every theorem (see ``axioms_native``);
the wasm toolchain refuses ``#print axioms`` in a module, so there the source scan, the
build's failure on "declaration uses `sorry`" and the canary are the guarantees.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
import tempfile
from pathlib import Path

from .build import discover

FORBIDDEN = {
    "sorry": "unfinished proof",
    "admit": "unfinished proof",
    "axiom": "declares an unproved axiom",
    "native_decide": "trusts the compiler (Lean.ofReduceBool)",
    "ofReduceBool": "trusts the compiler",
    "ofReduceNat": "trusts the compiler",
    "implemented_by": "replaces a definition's code by unverified code",
    "extern": "replaces a definition's code by foreign code",
    "unsafe": "escapes the kernel's checks",
}
WORD_RE = re.compile(r"(?<![\w'])(" + "|".join(FORBIDDEN) + r")(?![\w'!?])")
DEBUG_OPT_RE = re.compile(r"set_option\s+debug\.")
ALLOWED_AXIOMS = {"propext", "Classical.choice", "Quot.sound"}


@dataclasses.dataclass(frozen=True)
class Finding:
    """A forbidden construct at ``path:line``."""

    path: Path
    line: int
    word: str
    why: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: forbidden `{self.word}` ({self.why})"


def code_only(text: str) -> str:
    """Blank out comments and string/char literals, keeping line structure."""
    out: list[str] = []
    i, n, depth = 0, len(text), 0
    while i < n:
        c = text[i]
        if depth:
            if text.startswith("/-", i):
                depth += 1
                i += 2
            elif text.startswith("-/", i):
                depth -= 1
                i += 2
            else:
                out.append("\n" if c == "\n" else " ")
                i += 1
            continue
        if text.startswith("/-", i):
            depth = 1
            i += 2
            out.append("  ")
        elif text.startswith("--", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            seg = text[i:j + 1]
            out.append("".join("\n" if ch == "\n" else " " for ch in seg))
            i = j + 1
        elif c == "'" and i + 2 < n and (text[i + 2] == "'" or text[i + 1] == "\\") \
                and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_'")):
            j = text.find("'", i + 2 if text[i + 1] == "\\" else i + 1)
            j = i + 2 if j < 0 else j
            out.append(" " * (j + 1 - i))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def scan_text(text: str, path: Path) -> list[Finding]:
    """Forbidden constructs in one file's text."""
    found = []
    for lineno, line in enumerate(code_only(text).splitlines(), 1):
        for m in WORD_RE.finditer(line):
            found.append(Finding(path, lineno, m.group(1), FORBIDDEN[m.group(1)]))
        if DEBUG_OPT_RE.search(line):
            found.append(Finding(path, lineno, "set_option debug.*", "debug options"))
    return found


def scan_tree(src_root: Path) -> list[Finding]:
    """Forbidden constructs in every ``.lean`` file under ``src_root``."""
    found: list[Finding] = []
    for path in sorted(src_root.rglob("*.lean")):
        found.extend(scan_text(path.read_text(encoding="utf-8"), path))
    return found


def unreachable_from_root(src_root: Path, root: str = "Hopfield") -> list[str]:
    """Modules under ``src_root`` that the root module does not (transitively) import."""
    mods = discover(src_root)
    if root not in mods:
        return sorted(mods) or [f"(missing root {root}.lean)"]
    seen, stack = set(), [root]
    while stack:
        name = stack.pop()
        if name not in seen:
            seen.add(name)
            stack.extend(mods[name].imports)
    return sorted(set(mods) - seen)


DECL_RE = re.compile(
    r"^(?:@\[[^\]]*\]\s*)?(?:(?:private|protected|public|noncomputable|nonrec)\s+)*"
    r"(theorem|lemma|def|abbrev|structure|inductive|instance)\s+([^\s:({\[]+)")
SPEC_ID_RE = re.compile(r"\b([TB][1-7])\b")


@dataclasses.dataclass(frozen=True)
class Decl:
    """A declaration found in the sources: kind, full name, spec ids in its docstring."""

    kind: str
    name: str
    module: str
    spec_ids: tuple[str, ...]
    line: int


def declarations(src_root: Path) -> list[Decl]:
    """Declarations with their namespaces resolved and the spec ids of their docstrings."""
    out: list[Decl] = []
    for path in sorted(src_root.rglob("*.lean")):
        text = path.read_text(encoding="utf-8")
        code = code_only(text).splitlines()
        raw = text.splitlines()
        ns: list[str] = []
        mod = ".".join(path.relative_to(src_root).with_suffix("").parts)
        for k, line in enumerate(code):
            s = line.strip()
            if s.startswith("namespace "):
                ns.extend(s.split()[1].split("."))
            elif s.startswith("end ") and ns:
                parts = s.split()[1].split(".")
                if ns[-len(parts):] == parts:
                    del ns[-len(parts):]
            m = DECL_RE.match(s)
            if not m:
                continue
            kind, name = m.group(1), m.group(2)
            full = name if name.startswith("_root_.") else ".".join(ns + [name])
            full = full.removeprefix("_root_.")
            # the docstring ends on the line before (possibly after attribute lines)
            j, doc = k - 1, []
            while j >= 0 and raw[j].strip().startswith("@["):
                j -= 1
            if j >= 0 and raw[j].rstrip().endswith("-/"):
                while j >= 0:
                    doc.append(raw[j])
                    if "/--" in raw[j]:
                        break
                    j -= 1
            ids = tuple(sorted(set(SPEC_ID_RE.findall(" ".join(doc)))))
            out.append(Decl(kind, full, mod, ids, k + 1))
    return out


def axioms_native(lake: Path, repo_root: Path, theorems: list[str]) -> list[str]:
    """Run ``#print axioms`` on a native toolchain; returns violations (empty = clean)."""
    if not theorems:
        return []
    body = "import Hopfield\n" + "".join(f"#print axioms {t}\n" for t in theorems)
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
        return [f"#print axioms failed: {text.strip()[-2000:]}"]
    bad = []
    for m in re.finditer(r"'([^']+)' depends on axioms: \[([^\]]*)\]", text):
        axioms = {a.strip() for a in m.group(2).split(",") if a.strip()}
        if axioms - ALLOWED_AXIOMS:
            bad.append(f"{m.group(1)} depends on {sorted(axioms - ALLOWED_AXIOMS)}")
    return bad
