"""Compatibility path of :mod:`pyref.oracle.conform_fuzz` (moved there in the package
layout of issue 18; this path keeps every import that worked before)."""

from .oracle.conform_fuzz import (  # noqa: F401 (re-exports)
    CASE_FORMAT,
    MAX_N,
    FuzzFailure,
    case_json,
    format_failures,
    fuzz,
    load_case,
    need_hypothesis,
    replay_corpus,
    reproducer,
)

__all__ = [
    "CASE_FORMAT",
    "FuzzFailure",
    "fuzz",
    "replay_corpus",
    "reproducer",
    "case_json",
    "load_case",
]
