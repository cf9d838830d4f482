"""Bipartite expander Hopfield network as a self-decoding error-correcting code.

Python-only reference (not Lean-proved) of the construction of Chaudhuri & Fiete,
"Bipartite expander Hopfield networks as self-decoding high-capacity error correcting
codes" (NeurIPS 2019), spec section "Python-only parts".

Architecture (our reading of the paper, written from its definitions):

* ``N`` visible (input) neurons with states ``x in {-1,+1}^N``.
* ``M`` constraint nodes.  A sparse bipartite graph, drawn with a seeded RNG, gives every
  visible neuron ``d_v`` constraint neighbours and every constraint ``d_c`` visible
  neighbours (``N d_v = M d_c``).  Sparse random bipartite graphs are expanders with high
  probability; :func:`expansion_profile` and :func:`expansion_radius` check that
  empirically.
* Every constraint node is a *cluster of hidden neurons* that all see the same ``d_c``
  visible neurons but with different binary weights: one hidden neuron per codeword ``w``
  of a small local binary code with parity-check matrix ``H_loc`` (the Hamming code of
  length ``2^r - 1``, the double- or triple-error-correcting BCH code of length
  ``2^m - 1``, or any ``H_loc`` given), with weights ``w_j in {-1,+1}``.  Its field is
  ``f_w = sum_j w_j x_{nbr(j)} = d_c - 2 d(w, x_nbr)``.  It has the threshold
  ``d_c - 2 t0`` (``t0`` = local correction radius): it is active iff its codeword is
  within ``t0`` of the local pattern.  The local distance is ``>= 2 t0 + 1``, so at most
  one neuron per cluster is active (exact winner-take-all); if none is, the constraint
  abstains.  For the perfect Hamming codes one is always
  active (the old nearest-codeword dynamics).  The active neuron is computed from a
  syndrome table, so clusters of ``2^51`` neurons (BCH [63,51,5]) are never materialised.
* Every visible neuron takes the majority of the votes it receives through the binary
  weights of the active hidden neurons: ``x_i <- sign(sum_c w^(c)_i)``, keeping its value
  on a tie or when no vote arrives (spec tie rule "keep").

The stable states include every global codeword (every local pattern a local codeword):
there each active neuron matches its neighbours exactly and all votes agree with ``x``.
The global code is linear over GF(2) with dimension ``k >= N - M rank(H_loc)``, so the
network has at least ``2^k`` stable states, exponentially many in ``N``.  The dynamics
themselves are the decoder (a Sipser-Spielman / Tanner style decoder realised by neurons).

Guarantees.  :func:`guaranteed_radius` is a constant number of errors.  The
constant-fraction guarantee is the theorem in :func:`contraction_factor`: if every set
of ``<= a`` visible neurons has ``>= beta d_v |S|`` constraint neighbours and
``beta > required_expansion(d_v, t0)``, every error pattern of size ``<= a`` is corrected.
Exact expansion is NP-hard; :func:`expansion_radius` finds ``a`` by a search that is
exhaustive only for sets of size ``<= 2`` (or ``<= 3``), so the fraction guarantee is
conditional on that search (a violation it finds is real, so its ``a`` is an upper bound
on the true radius, certified only up to the exhaustive sizes).  With ``d_v = 3`` and a
Hamming code (``t0 = 1``) it needs ``beta > 2/3``, which every cycle violates: no
fraction is possible for that design; with BCH (``t0 = 2``) it needs ``beta > 5/9``.
Sound lower bounds on the expansion (pair overlaps, Tanner's spectral bound), the
certified radius they give for ``d_v`` in {3, 5, 7}, and a first-moment bound for the
random-graph ensemble are in :mod:`pyref.expander_certify`.

Bits and signs: bit ``0`` is the state ``+1`` and bit ``1`` is ``-1`` (so GF(2) addition
is multiplication of signs).

A small Hebbian baseline (:func:`hebbian_recall_success`, :func:`hebbian_max_patterns`)
is included for the comparison experiment: the spec's Hebbian rule
``W = sum_k p_k p_k^T - m I`` with cyclic asynchronous sweeps (keep ties), implemented
privately here (the tests check it against ``pyref.learning``).

Layout (one module per concern; this package re-exports the public names):

* :mod:`~pyref.models.expander.local_codes` -- Hamming / BCH local codes, radius, syndromes;
* :mod:`~pyref.models.expander.gf2` -- GF(2) linear algebra;
* :mod:`~pyref.models.expander.network` -- :class:`ExpanderHopfield` and its construction;
* :mod:`~pyref.models.expander.dynamics` -- fields, winners, votes, steps, decoding;
* :mod:`~pyref.models.expander.global_code` -- the global code, codewords, bit flips;
* :mod:`~pyref.models.expander.guarantees` -- radius, certificates, the fraction theorem;
* :mod:`~pyref.models.expander.search` -- the expansion search and profile;
* :mod:`~pyref.models.expander.experiments` -- decoding and Hebbian-baseline experiments.
"""

from .dynamics import (  # noqa: F401 (re-exports)
    DecodeResult,
    decode,
    hidden_active,
    hidden_fields,
    hidden_winners,
    is_fixed_point,
    local_decisions,
    step,
    visible_update,
)
from .experiments import (  # noqa: F401 (re-exports)
    decoding_success,
    hebbian_max_patterns,
    hebbian_recall_success,
)
from .gf2 import (  # noqa: F401 (re-exports)
    gf2_rank,
)
from .global_code import (  # noqa: F401 (re-exports)
    code_dimension,
    codeword_basis,
    flip_random_bits,
    is_codeword,
    parity_check_matrix,
    random_codewords,
)
from .guarantees import (  # noqa: F401 (re-exports)
    contraction_factor,
    guaranteed_radius,
    guaranteed_rounds,
    max_shared_constraints,
    one_step_certificate,
    required_expansion,
)
from .local_codes import (  # noqa: F401 (re-exports)
    MAX_CLUSTER,
    bch_local_code,
    correction_radius,
    gf2m_powers,
    hamming_local_code,
)
from .network import (  # noqa: F401 (re-exports)
    ExpanderHopfield,
    make_expander_hopfield,
    weight_matrix,
)
from .search import (  # noqa: F401 (re-exports)
    ExpansionSearch,
    clustered_set,
    expansion_profile,
    expansion_radius,
)

__all__ = [
    "ExpanderHopfield",
    "DecodeResult",
    "ExpansionSearch",
    "MAX_CLUSTER",
    "hamming_local_code",
    "bch_local_code",
    "gf2m_powers",
    "correction_radius",
    "make_expander_hopfield",
    "weight_matrix",
    "hidden_fields",
    "hidden_active",
    "hidden_winners",
    "local_decisions",
    "visible_update",
    "step",
    "decode",
    "is_fixed_point",
    "is_codeword",
    "parity_check_matrix",
    "gf2_rank",
    "code_dimension",
    "codeword_basis",
    "random_codewords",
    "flip_random_bits",
    "max_shared_constraints",
    "guaranteed_radius",
    "one_step_certificate",
    "contraction_factor",
    "required_expansion",
    "guaranteed_rounds",
    "clustered_set",
    "expansion_radius",
    "expansion_profile",
    "decoding_success",
    "hebbian_max_patterns",
    "hebbian_recall_success",
]
