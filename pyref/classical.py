"""The classical Hopfield network (spec conventions, T1-T5, T7): the mirrored reference
:mod:`pyref.spec.classical` and the fast engine :mod:`pyref._engine.classical` (``run``,
``recall_batch``), re-exported at the path every import used before the package layout of
issue 18."""

from ._engine.classical import (  # noqa: F401 (re-exports)
    BatchRecall,
    RunResult,
    recall_batch,
    run,
)
from .spec.classical import (  # noqa: F401 (re-exports)
    async_step,
    energy,
    energy_batch,
    energy_bound,
    field,
    hamming,
    is_fixed_point,
    run_schedule,
    sweep,
    sync_step,
    trajectory,
    update,
    update_value,
)

__all__ = [
    "field",
    "update_value",
    "update",
    "energy",
    "energy_batch",
    "async_step",
    "run_schedule",
    "trajectory",
    "sweep",
    "sync_step",
    "is_fixed_point",
    "hamming",
    "energy_bound",
    "RunResult",
    "run",
    "BatchRecall",
    "recall_batch",
]
