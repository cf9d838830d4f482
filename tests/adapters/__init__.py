"""Example adapters for the conformance kit (``pyref conform``), written from the
definitions, not from pyref: ``numpy_correct`` (passes everything), ``numpy_buggy`` (three
planted classic bugs), ``numpy_variants.make(...)`` (one adapter per convention),
``scheduler_buggy`` (its own random scheduler with dhnn's "last neuron never updated"
bug) and ``scheduler_correct`` (the same, fixed)."""
