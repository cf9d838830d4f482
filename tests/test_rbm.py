"""Tests of pyref.rbm (restricted Boltzmann machine, Python-only; checked against the exact
enumeration of pyref.boltzmann)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref import boltzmann as bz
from pyref.classical import energy
from pyref.rbm import (
    block_gibbs,
    rbm_energy,
    rbm_free_energy,
    rbm_to_boltzmann,
    rbm_visible_marginal,
    sample_hidden,
    sample_visible,
)

W = np.array([[1, -1], [2, 0], [0, 1]])
TV = np.array([0, 1, -1])
TH = np.array([1, 0])


def test_energy_hand():
    # v = [1,-1,1], h = [1,1]: W h = [0, 2, 1], v.(W h) = 0 - 2 + 1 = -1 -> +1;
    # theta_v . v = 0 - 1 - 1 = -2; theta_h . h = 1 -> E = 1 - 2 + 1 = 0
    assert rbm_energy(W, TV, TH, [1, -1, 1], [1, 1]) == 0
    # v = [1,1,1], h = [1,-1]: W h = [2, 2, -1], v.Wh = 3 -> -3; tv.v = 0; th.h = 1 -> -2
    assert rbm_energy(W, TV, TH, [1, 1, 1], [1, -1]) == -2


def test_to_boltzmann_block_structure():
    F, t = rbm_to_boltzmann(W, TV, TH)
    assert F.shape == (5, 5) and np.array_equal(F, F.T) and np.all(np.diag(F) == 0)
    assert np.all(F[:3, :3] == 0) and np.all(F[3:, 3:] == 0)
    assert F[0, 3] == 1 and F[0, 4] == -1 and F[1, 3] == 2
    assert t.tolist() == [0, 1, -1, 1, 0]


@settings(max_examples=30)
@given(st.lists(st.sampled_from([-1, 1]), min_size=3, max_size=3),
       st.lists(st.sampled_from([-1, 1]), min_size=2, max_size=2))
def test_energy_equals_boltzmann_energy(v, h):
    F, t = rbm_to_boltzmann(W, TV, TH)
    assert rbm_energy(W, TV, TH, v, h) == energy(F, t, v + h)


def test_free_energy_and_marginal():
    beta = 0.7
    F, t = rbm_to_boltzmann(W, TV, TH)
    joint = bz.boltzmann_distribution(F, t, beta)
    # joint index = v_index + 8 * h_index (visible neurons are bits 0..2)
    pv = joint.reshape(4, 8).sum(axis=0)
    assert np.allclose(rbm_visible_marginal(W, TV, TH, beta), pv)
    # F(v) = -1/beta log sum_h exp(-beta E(v, h))
    v = [1, -1, 1]
    z = sum(math.exp(-beta * rbm_energy(W, TV, TH, v, h)) for h in bz.all_states(2))
    assert rbm_free_energy(W, TV, TH, v, beta) == pytest.approx(-math.log(z) / beta)


def test_conditionals():
    # beta huge: h_j = sign((W^T v)_j - theta_h_j); v = [1,1,1]: W^T v = [3, 0], minus
    # theta_h = [2, 0]: h_0 = +1; h_1 is a tie, probability 1/2
    H = sample_hidden(W, TH, np.tile([1, 1, 1], (4000, 1)), 50.0, seed=0)
    assert np.all(H[:, 0] == 1)
    assert abs(np.mean(H[:, 1] == 1) - 0.5) < 0.04
    # visible given h = [1, -1]: W h - theta_v = [2, 2, -1] - [0, 1, -1] = [2, 1, 0]
    V = sample_visible(W, TV, np.tile([1, -1], (4000, 1)), 50.0, seed=1)
    assert np.all(V[:, 0] == 1) and np.all(V[:, 1] == 1)
    assert abs(np.mean(V[:, 2] == 1) - 0.5) < 0.04
    assert sample_hidden(W, TH, [1, 1, 1], 1.0, seed=0).shape == (2,)
    # beta = 0.5, v = [1,1,1]: P(h_0 = +1) = sigma(2 * 0.5 * 2) = sigma(2)
    H = sample_hidden(W, TH, np.tile([1, 1, 1], (20000, 1)), 0.5, seed=2)
    assert abs(np.mean(H[:, 0] == 1) - 1 / (1 + math.exp(-2))) < 0.015


def test_block_gibbs_matches_exact():
    beta = 0.7
    F, t = rbm_to_boltzmann(W, TV, TH)
    joint = bz.boltzmann_distribution(F, t, beta)
    V, H = block_gibbs(W, TV, TH, beta, n_steps=2000, n_chains=30, seed=4, burn_in=5)
    assert V.shape == (2000, 30, 3) and H.shape == (2000, 30, 2)
    emp = bz.empirical_distribution(np.concatenate([V, H], axis=-1))
    assert bz.tv_distance(emp, joint) < 0.03
    V2, _ = block_gibbs(W, TV, TH, beta, n_steps=2000, n_chains=30, seed=4, burn_in=5)
    assert np.array_equal(V, V2)


def test_rbm_validation():
    with pytest.raises(ValueError, match="2-D"):
        rbm_energy([1, 2], None, None, [1], [1])
    with pytest.raises(ValueError, match="theta_h"):
        rbm_to_boltzmann(W, TV, [1, 2, 3])
    with pytest.raises(ValueError, match="NaN"):
        rbm_free_energy([[float("nan")]], None, None, [1])
    with pytest.raises(ValueError, match=r"\+1 or -1"):
        rbm_energy(W, TV, TH, [1, 0, 1], [1, 1])
    with pytest.raises(ValueError, match="beta"):
        block_gibbs(W, TV, TH, 0.0, n_steps=1)
    with pytest.raises(ValueError, match="n_chains"):
        block_gibbs(W, TV, TH, 1.0, n_steps=1, n_chains=2, v0=[[1, 1, 1]] * 3)
