"""Compatibility path of :mod:`pyref.oracle.contracts` (moved there in the package
layout of issue 18; this path keeps every import that worked before)."""

from .oracle.contracts import (  # noqa: F401 (re-exports)
    W3,
    Bits3,
    Bits4,
    Row3,
    Vector,
    async_energy_change,
    energy,
    field,
    flip_energy_change,
    hebbian,
    hebbian_field_two,
    hebbian_sync_one,
    spin,
    update_value,
)

__all__ = [
    "update_value",
    "spin",
    "field",
    "energy",
    "flip_energy_change",
    "async_energy_change",
    "hebbian",
    "hebbian_field_two",
    "hebbian_sync_one",
]
