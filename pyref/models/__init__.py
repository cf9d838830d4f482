"""The Python-only models of pyref: property-tested extensions, not mirrored by Lean
definitions (their tests check them against the exact B/T references).

* :mod:`~pyref.models.modern`, :mod:`~pyref.models.layers`, :mod:`~pyref.models.mha`,
  :mod:`~pyref.models.ahop`, :mod:`~pyref.models.mil` -- modern (dense, continuous)
  Hopfield networks, Hopfield layers, multi-head attention, adaptive similarity,
  multiple-instance pooling;
* :mod:`~pyref.models.expander`, :mod:`~pyref.models.expander_certify` -- expander-code
  Hopfield networks and their certificates;
* :mod:`~pyref.models.rbm`, :mod:`~pyref.models.rbm_learning`,
  :mod:`~pyref.models.bm_learning` -- restricted Boltzmann machines, samplers and
  learning rules.

Each module is also importable at its old path (``pyref.modern`` etc.), a thin re-export.
"""
