"""The oracle tooling of pyref: everything that uses the reference as an oracle for other
implementations.

* :mod:`~pyref.oracle.conform`, :mod:`~pyref.oracle.conform_fuzz` -- the conformance kit
  (``pyref conform``: fixed vectors, property checks, Hypothesis fuzzing of an adapter);
* :mod:`~pyref.oracle.adapters` -- shipped adapters for real libraries;
* :mod:`~pyref.oracle.vectors` -- the frozen test-vector corpus shared with Lean
  (``pyref/data/vectors/v2/corpus.json.gz``, spec T7);
* :mod:`~pyref.oracle.contracts` -- PEP 316 contracts checked symbolically by CrossHair.

Each module is also importable at its old path (``pyref.conform``, ``pyref.adapters.NAME``
etc.), a thin re-export.
"""
