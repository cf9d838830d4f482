"""Compatibility path of :mod:`pyref.oracle.adapters` (moved there in the package layout of
issue 18).  ``pyref conform pyref.adapters.NAME`` keeps working: each adapter module is also
importable here, a thin re-export of :mod:`pyref.oracle.adapters.NAME`."""

from ..oracle.adapters import (  # noqa: F401 (re-exports)
    cli_options,
)

__all__ = [
    "cli_options",
]
