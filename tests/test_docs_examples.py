"""Every ```python block of README.md, docs/quickstart.md and docs/conventions.md runs as written.

Each block is executed on its own, in a fresh namespace (the docs promise each block is
self-contained), with the repository root importable.  The blocks carry their own
``assert`` statements (hand-computed fields and energies, exact Boltzmann stationarity,
the B4 bound), so a doc example whose claim stops being true fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
FILES = ["../README.md", "quickstart.md", "conventions.md"]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def _blocks() -> list[tuple[str, int, str]]:
    out = []
    for name in FILES:
        text = (DOCS / name).read_text(encoding="utf-8")
        for k, m in enumerate(BLOCK.finditer(text)):
            line = text.count("\n", 0, m.start()) + 1
            out.append((name, line, m.group(1)))
    return out


BLOCKS = _blocks()


def test_docs_have_examples() -> None:
    # quickstart: store/recall, batch recall, exact Boltzmann, matrix-free B4 curve,
    # sampler (5);
    # conventions: tie rule, minus ties via theta = 1/2, normalisation, energy (4)
    counts = {name: sum(1 for b in BLOCKS if b[0] == name) for name in FILES}
    # README: the "Using the Python reference" example (1)
    assert counts == {"../README.md": 1, "quickstart.md": 5, "conventions.md": 4}


@pytest.mark.parametrize("name,line,code", BLOCKS,
                         ids=[f"{n}:{ln}" for n, ln, _ in BLOCKS])
def test_doc_block_runs(name: str, line: int, code: str, capsys: pytest.CaptureFixture
                        ) -> None:
    compiled = compile(code, f"docs/{name}:{line}", "exec")
    exec(compiled, {"__name__": f"docs_{name}_{line}"})  # noqa: S102 -- our own docs
