"""Compatibility path of :mod:`pyref.models.bm_learning` (the module moved there in the
package layout of issue 18; this path keeps every import that worked before)."""

from .models.bm_learning import (  # noqa: F401 (re-exports)
    MAX_ENUM_N,
    BMTrainResult,
    GibbsStats,
    StderrProgress,
    check_data,
    check_sample_weights,
    data_statistics,
    log_likelihood,
    log_likelihood_gradient,
    log_likelihood_gradient_gibbs,
    model_statistics,
    model_statistics_gibbs,
    safe_step,
    train_bm,
)

__all__ = [
    "GibbsStats",
    "StderrProgress",
    "check_data",
    "check_sample_weights",
    "data_statistics",
    "model_statistics",
    "model_statistics_gibbs",
    "log_likelihood",
    "log_likelihood_gradient",
    "log_likelihood_gradient_gibbs",
    "safe_step",
    "BMTrainResult",
    "train_bm",
]
