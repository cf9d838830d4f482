"""Shared pytest configuration: Hypothesis profiles (seeded, reproducible)."""

import os

from hypothesis import HealthCheck, settings

# "ci": derandomized so a CI failure reproduces exactly; "dev": random exploration.
# Either way Hypothesis prints the failing example and a @reproduce_failure blob.
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
