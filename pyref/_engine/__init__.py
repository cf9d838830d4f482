"""The fast engines of pyref: vectorised, batched and float paths that compute the same
results as the mirrored reference (:mod:`pyref.spec`), property-tested against it.

* :mod:`pyref._engine.kernel` -- the exact arithmetic kernel shared with the reference
  (update rule on vectors, incremental field, energy, exact BLAS dtype, float tie band);
* :mod:`pyref._engine.classical` -- runs to convergence and batched recall of the classical
  network (``run``, ``recall_batch``; re-exported by :mod:`pyref.classical`);
* :mod:`pyref._engine.boltzmann` -- the matrix-free scans and the float Gibbs sampler of the
  Boltzmann machine (``distribution_after_scan``, ``gibbs_sample``,
  ``empirical_distribution``; re-exported by :mod:`pyref.boltzmann`).

The package is private (underscore): its public names are public within pyref, the
documented API is re-exported from the public modules.
"""
