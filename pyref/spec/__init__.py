"""The mirrored reference of pyref: the modules whose functions ``proofs_ci/mirror.toml``
pairs with Lean definitions of ``lean/Hopfield/`` (exact, small, pure functions).

* :mod:`~pyref.spec.classical` -- field, update rule, energy, asynchronous / synchronous
  steps, sweeps, schedules, trajectories, Hamming distance (spec conventions, T1, T2, T5,
  T7);
* :mod:`~pyref.spec.learning` -- the Hebbian rule and the other learning rules (T3, T4);
* :mod:`~pyref.spec.dense` -- dense associative memories (T6);
* :mod:`~pyref.spec.margins` -- margins and certified radii (T8);
* :mod:`~pyref.spec.capacity` -- crosstalk and capacity bounds (T9);
* :mod:`~pyref.spec.boltzmann` -- exact Boltzmann targets, Gibbs kernels, mixing bounds
  (B1-B5);
* :mod:`~pyref.spec.dobrushin` -- Dobrushin's condition (B6);
* :mod:`~pyref.spec.rbm_exact` -- exact RBM block-Gibbs kernels (B7).

Each module is also importable at its old path (``pyref.classical`` etc.), a thin
re-export; ``pyref.classical`` and ``pyref.boltzmann`` re-export the fast engines
:mod:`pyref._engine.classical` (``run``, ``recall_batch``) and :mod:`pyref._engine.boltzmann`
(``distribution_after_scan``, ``gibbs_sample``, ``empirical_distribution``) as well.
"""
