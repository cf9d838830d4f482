"""Shared pytest configuration: Hypothesis profiles (seeded, reproducible)."""

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# "ci": derandomized so a CI failure reproduces exactly; "dev": random exploration.
# Either way Hypothesis prints the failing example and a @reproduce_failure blob.
REPO = Path(__file__).resolve().parent.parent
BUILT = REPO / "build" / "lean"

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    print_blob=True,
    max_examples=100,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, print_blob=True, max_examples=100)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(scope="session")
def built_lean() -> Path:
    """The whole Lean tree built once per session into ``build/lean`` (what ``verify``
    uses), so that tests needing some of its oleans copy them instead of building a part of
    the tree cold a second time. Fails with the build log if any module fails."""
    from proofs_ci import build, toolchain

    tc = toolchain.resolve("wasm")
    lines: list[str] = []
    results = build.build(tc, REPO / "lean", BUILT, jobs=2, log=lines.append)
    failed = [r.name for r in results if r.status not in ("built", "cached")]
    if failed:
        pytest.fail(f"the Lean tree does not build ({', '.join(failed)}):\n" + "\n".join(lines))
    return BUILT


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run the tests marked ``proofs`` (they build or check Lean) after all the others, so
    that ``python3 -m proofs_ci test`` overlaps the Python tests with its background proof
    build; the order within each part is kept."""
    items.sort(key=lambda item: item.get_closest_marker("proofs") is not None)
