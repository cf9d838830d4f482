"""Shipped conformance adapters for real libraries (examples for ``pyref conform``; never
dependencies).  Each module imports its library lazily, on the first call, and exposes
``CONVENTIONS`` (the ``pyref conform`` options that describe the library) and
``LIBRARY`` (the PyPI distribution and the version it was written against):

* :mod:`pyref.adapters.hopfieldkit` -- hopfieldkit 0.1.0;
* :mod:`pyref.adapters.hopfieldnetwork` -- hopfieldnetwork 1.0.1;
* :mod:`pyref.adapters.neurolab` -- neurolab 0.3.5 (needs numpy < 2);
* :mod:`pyref.adapters.dhnn` -- dhnn 0.1.12;
* :mod:`pyref.adapters.neurodynex3` -- the Hopfield network of neurodynex3 1.0.4;
* :mod:`pyref.adapters.sklearn_rbm` -- scikit-learn's ``BernoulliRBM``;
* :mod:`pyref.adapters.hflayers` -- the hflayers ``Hopfield`` forward pass (torch; the
  source is not on PyPI, see docs/conformance.md).

Run one with ``pyref conform pyref.adapters.NAME`` plus the options of its
``CONVENTIONS`` (``benchmarks/peers.py`` does that for all of them, see docs/peers.md).
"""

from __future__ import annotations

__all__ = ["cli_options"]


def cli_options(conventions: dict) -> list[str]:
    """The ``pyref conform`` options for an adapter's ``CONVENTIONS`` dict.

    Parameters
    ----------
    conventions : dict
        An adapter's ``CONVENTIONS`` (option name -> value, e.g. ``{"tie": "minus"}``;
        ``thresholds`` is a bool).

    Returns
    -------
    list[str]
        The ``pyref conform`` command-line options, e.g.
        ``['--tie', 'minus', '--no-thresholds']``.
    """
    out: list[str] = []
    for key, val in conventions.items():
        if key == "thresholds":
            out += [] if val else ["--no-thresholds"]
        else:
            out += ["--" + key.replace("_", "-"), str(val)]
    return out
