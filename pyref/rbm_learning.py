"""Compatibility path of :mod:`pyref.models.rbm_learning` (the module moved there in the
package layout of issue 18; this path keeps every import that worked before)."""

from .models.rbm_learning import (  # noqa: F401 (re-exports)
    MAX_ENUM_N,
    RBMTrainResult,
    binary_to_pm1,
    cd_gradient,
    pm1_to_binary,
    rbm_free_energies,
    rbm_log_likelihood,
    rbm_log_likelihood_gradient,
    rbm_log_partition,
    rbm_model_statistics,
    rbm_model_statistics_gibbs,
    to_binary,
    to_pm1,
    train_rbm,
)

__all__ = [
    "to_pm1",
    "to_binary",
    "pm1_to_binary",
    "binary_to_pm1",
    "rbm_free_energies",
    "rbm_log_partition",
    "rbm_log_likelihood",
    "rbm_model_statistics",
    "rbm_model_statistics_gibbs",
    "rbm_log_likelihood_gradient",
    "cd_gradient",
    "RBMTrainResult",
    "train_rbm",
]
