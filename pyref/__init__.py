"""pyref: the executable reference of the verified Hopfield / Boltzmann specification.

Every public function mirrors a definition of the Lean library ``Hopfield`` (``lean/``)
or is a property-tested extension; docstrings name the spec ids (T1-T7, B1-B5). The
mirror manifest ``proofs_ci/mirror.toml`` lists which Lean definition each function
mirrors and which theorems are proved about it.

The classical dynamics, learning rules and dense memories are re-exported here; the
other parts are modules: ``pyref.boltzmann``, ``pyref.rbm``, ``pyref.bm_learning``,
``pyref.rbm_learning``, ``pyref.modern``, ``pyref.layers``, ``pyref.mil``, ``pyref.mha``,
``pyref.expander``, ``pyref.ahop``, ``pyref.vectors``; ``pyref.margins`` and
``pyref.certified_radius`` (T8) are re-exported from the module of that name; the learning
rules of other libraries' conventions (``hebbian_1_over_m``, ``storkey_keep_diagonal``) from
``pyref.conventions``.

Layout (GUIDE.md, "pyref layout"; every old import path ``pyref.<name>`` still works, a
thin module of explicit re-exports of the canonical objects):

* ``pyref._validate`` -- the one validation layer (argument checks, seeds, the caps on
  exact arithmetic and on the work of one call);
* ``pyref.spec`` -- the mirrored reference: ``classical``, ``boltzmann``, ``dense``,
  ``rbm_exact``, ``learning``, ``capacity``, ``dobrushin``, ``margins`` (the functions
  named in ``proofs_ci/mirror.toml``);
* ``pyref._engine`` -- the fast engines: the exact arithmetic kernel, the runs and batched
  recall of the classical network, the matrix-free scans and the Gibbs sampler
  (``pyref.classical`` and ``pyref.boltzmann`` re-export reference and engine together);
* ``pyref.models`` -- the Python-only models (``modern``, ``layers``, ``mha``, ``ahop``,
  ``mil``, ``expander`` (a subpackage, one module per concern), ``expander_certify``,
  ``rbm``, ``rbm_learning``, ``bm_learning``);
* ``pyref.oracle`` -- the oracle tooling: ``conform``, ``conform_fuzz``, ``adapters``,
  ``contracts``, ``vectors``; ``pyref.conventions`` (other libraries' conventions) and the
  ``pyref`` command (``cli``, ``__main__``) stay at the top level.
"""

from .classical import (
    BatchRecall,
    RunResult,
    async_step,
    energy,
    energy_batch,
    energy_bound,
    field,
    hamming,
    is_fixed_point,
    recall_batch,
    run,
    run_schedule,
    sweep,
    sync_step,
    trajectory,
    update_value,
)
from .dense import dense_energy, dense_energy_exp, dense_recall_batch, dense_run, overlap
from .margins import certified_radius, margins
from .learning import (
    basin_estimate,
    flip_random,
    fraction_fixed_points,
    hebbian,
    hebbian_normalized,
    hebbian_recall_batch,
    pseudo_inverse,
    storkey,
)
from .conventions import hebbian_1_over_m, storkey_keep_diagonal

__version__ = "0.1.0"

__all__ = [
    "BatchRecall", "RunResult", "async_step", "energy", "energy_batch", "energy_bound",
    "field", "hamming", "is_fixed_point", "recall_batch", "run", "run_schedule", "sweep",
    "sync_step", "trajectory", "update_value",
    "dense_energy", "dense_energy_exp", "dense_recall_batch", "dense_run", "overlap",
    "basin_estimate", "flip_random", "fraction_fixed_points", "hebbian",
    "hebbian_normalized", "hebbian_recall_batch", "pseudo_inverse", "storkey",
    "margins", "certified_radius",
    "hebbian_1_over_m", "storkey_keep_diagonal",
]
