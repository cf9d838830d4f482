"""Conformance adapter for the hflayers ``Hopfield`` forward pass (Ramsauer et al.; the
PyTorch layers are not on PyPI: put the fetched source on ``PYTHONPATH`` or point
``HFLAYERS_SRC`` at the directory that contains the ``hflayers`` package; needs torch).

Checked: ``hopfield_association(R, Y, W_Q, W_K, W_V, beta, steps, mask)`` against
:func:`pyref.layers.hopfield_association`, in float64, with the settings under which the
two agree (docs/conformance.md, "hflayers"): every ``normalize_*`` / ``*_affine`` flag off,
``input_bias=False``, ``disable_out_projection=True``,
``pattern_projection_as_connected=True``, the mask inverted (hflayers masks forbidden
pairs), ``update_steps_max = steps - 1`` with a tiny ``update_steps_eps``, and
``scaling = beta``.  The projection matrices are torch ``linear`` weights, i.e. the
transposes of pyref's ``W_Q``, ``W_K``, ``W_V``.
"""

from __future__ import annotations

import importlib
import os
import sys

import numpy as np

__all__ = ["LIBRARY", "CONVENTIONS", "hopfield_association"]

LIBRARY = ("hflayers", "git ml-jku/hopfield-layers")
CONVENTIONS: dict = {}


def _lib():
    src = os.environ.get("HFLAYERS_SRC")
    if src and src not in sys.path:
        sys.path.insert(0, src)
    return importlib.import_module("torch"), importlib.import_module("hflayers")


def hopfield_association(R, Y, W_Q, W_K, W_V, beta, steps, mask):
    torch, hfl = _lib()
    R, Y = np.asarray(R, dtype=float), np.asarray(Y, dtype=float)
    W_Q, W_K, W_V = (np.asarray(w, dtype=float) for w in (W_Q, W_K, W_V))
    d_r, d_y, d_k = R.shape[-1], Y.shape[-1], W_K.shape[1]
    off = dict(normalize_stored_pattern=False, normalize_stored_pattern_affine=False,
               normalize_state_pattern=False, normalize_state_pattern_affine=False,
               normalize_pattern_projection=False,
               normalize_pattern_projection_affine=False)
    layer = hfl.Hopfield(input_size=d_r, hidden_size=d_k, pattern_size=d_k,
                         stored_pattern_size=d_y, pattern_projection_size=d_y,
                         scaling=float(beta), update_steps_max=int(steps) - 1,
                         update_steps_eps=1e-300, input_bias=False,
                         disable_out_projection=True, pattern_projection_as_connected=True,
                         batch_first=True, **off).double()
    core = layer.association_core
    with torch.no_grad():
        core.q_proj_weight.copy_(torch.from_numpy(W_Q.T))
        core.k_proj_weight.copy_(torch.from_numpy(W_K.T))
        core.v_proj_weight.copy_(torch.from_numpy(W_V.T))
        Yt = torch.from_numpy(Y)[None]
        Rt = torch.from_numpy(R)[None]
        am = None if mask is None else torch.from_numpy(~np.asarray(mask, dtype=bool))
        out = layer((Yt, Rt, Yt), association_mask=am)
    return out[0].numpy()
