"""Spec B7 (RBM block Gibbs sampling), property-tested on pyref in exact Fractions.

The statements of ``lean/Hopfield/Thm/RbmGibbs.lean`` on random small RBMs: the product-form
half-steps (what ``pyref.rbm.sample_hidden``/``sample_visible`` sample) equal the generic
block conditionals ``K_B(s, t) = w(t) / Z_B(s)`` of the Lean definition; detailed balance of
each half-step; ``pi = w / sum w`` stationary for ``P = K_H K_V``; every entry of ``P`` is
``>= m_H m_V >= delta^2``; the Doeblin bound ``TV(mu P^t, pi) <= (1 - alpha)^t`` from every
start state; uniqueness (``pi`` is the only fixed point of ``P``); and the seeded sampler
``pyref.rbm.block_gibbs`` agrees with ``pi``.
"""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyref import boltzmann as bz
from pyref import rbm_exact as rx
from pyref.rbm import block_gibbs, rbm_to_boltzmann

QS = st.sampled_from([Fraction(1), Fraction(1, 2), Fraction(1, 3), Fraction(2, 3),
                      Fraction(3, 4)])


@st.composite
def rbms(draw, max_units: int = 4):
    nv = draw(st.integers(1, max_units - 1))
    nh = draw(st.integers(1, max_units - nv))
    W = np.array(draw(st.lists(st.integers(-2, 2), min_size=nv * nh, max_size=nv * nh)),
                 dtype=np.int64).reshape(nv, nh)
    tv = np.array(draw(st.lists(st.integers(-1, 1), min_size=nv, max_size=nv)))
    th = np.array(draw(st.lists(st.integers(-1, 1), min_size=nh, max_size=nh)))
    return W, tv, th, draw(QS)


def _pi(w):
    z = sum(w, Fraction(0))
    out = np.empty(len(w), dtype=object)
    out[:] = [x / z for x in w]
    return out


def test_weights_are_the_boltzmann_machine_of_the_block_matrix():
    W = np.array([[1, -1], [2, 0], [0, 1]])
    tv, th = np.array([0, 1, -1]), np.array([1, 0])
    F, tf = rbm_to_boltzmann(W, tv, th)
    w = rx.rbm_weights_exact(W, tv, th, Fraction(1, 2))
    assert list(w) == list(bz.boltzmann_weights_exact(F, tf, Fraction(1, 2)))
    assert max(w) == 1


def test_hand_example_1x1():
    # nv = nh = 1, W = [[1]], q = 1/2: E(v, h) = -v h, w = q^(E + 1): states (v, h) in
    # order (-,-), (+,-), (-,+), (+,+) -> w = [1, 1/4, 1/4, 1].
    # K_H from (-,-): keep v = -1, P(h = +1 | v = -1) = w(-,+)/(w(-,-) + w(-,+)) = 1/5.
    KH, KV = rx.rbm_half_kernels_exact([[1]], None, None, Fraction(1, 2))
    assert list(KH[0]) == [Fraction(4, 5), 0, Fraction(1, 5), 0]
    assert list(KV[0]) == [Fraction(4, 5), Fraction(1, 5), 0, 0]
    P = KH @ KV
    # (-,-) -> h = -1 (4/5) then v: 4/5 (-,-), 1/5 (+,-); h = +1 (1/5) then v | h = +1:
    # (-,+) 1/5, (+,+) 4/5.
    assert list(P[0]) == [Fraction(16, 25), Fraction(4, 25), Fraction(1, 25), Fraction(4, 25)]


@settings(max_examples=40, deadline=None)
@given(rbms())
def test_B7_product_form_is_the_block_conditional(m):
    W, tv, th, q = m
    nv, nh = W.shape
    w = rx.rbm_weights_exact(W, tv, th, q)
    H = rx.hidden_mask(nv, nh)
    KH, KV = rx.rbm_half_kernels_exact(W, tv, th, q)
    assert (KH == rx.block_kernel_exact(w, H)).all()
    assert (KV == rx.block_kernel_exact(w, ~H)).all()


@settings(max_examples=40, deadline=None)
@given(rbms())
def test_B7_detailed_balance_and_stationarity(m):
    W, tv, th, q = m
    w = rx.rbm_weights_exact(W, tv, th, q)
    pi = _pi(w)
    KH, KV = rx.rbm_half_kernels_exact(W, tv, th, q)
    for K in (KH, KV):
        assert all(sum(row, Fraction(0)) == 1 for row in K)
        D = pi[:, None] * K
        assert (D == D.T).all()                    # pi(s) K(s,t) = pi(t) K(t,s)
        assert (pi @ K == pi).all()
    P = KH @ KV
    assert (pi @ P == pi).all()
    assert (P == rx.rbm_block_kernel_exact(W, tv, th, q)).all()


@settings(max_examples=40, deadline=None)
@given(rbms())
def test_B7_positivity_bounds(m):
    W, tv, th, q = m
    nv, nh = W.shape
    w = rx.rbm_weights_exact(W, tv, th, q)
    H = rx.hidden_mask(nv, nh)
    P = rx.rbm_block_kernel_exact(W, tv, th, q)
    mH, mV = rx.block_min(w, H), rx.block_min(w, ~H)
    delta = min(w) / sum(w, Fraction(0))
    assert mH >= delta and mV >= delta
    lo = min(P.ravel())
    assert lo > 0
    assert lo >= mH * mV >= delta**2
    n = nv + nh
    assert rx.rbm_doeblin_alpha(W, tv, th, q) == 2**n * mH * mV
    assert rx.rbm_doeblin_alpha(W, tv, th, q, bound="gibbs") == 2**n * delta**2
    assert 0 < 2**n * mH * mV <= 1


@settings(max_examples=25, deadline=None)
@given(rbms(max_units=4))
def test_B7_doeblin_tv_every_start(m):
    W, tv, th, q = m
    w = rx.rbm_weights_exact(W, tv, th, q)
    pi = _pi(w)
    P = rx.rbm_block_kernel_exact(W, tv, th, q)
    alpha = rx.rbm_doeblin_alpha(W, tv, th, q)
    N = len(w)
    M = np.empty((N, N), dtype=object)
    M[...] = Fraction(0)
    for k in range(N):
        M[k, k] = Fraction(1)
    for t in range(4):
        for row in M:                              # every start state (a point mass)
            assert bz.tv_distance(row, pi) <= (1 - alpha) ** t
        M = M @ P


@settings(max_examples=25, deadline=None)
@given(rbms(max_units=3))
def test_B7_uniqueness(m):
    # P - I has rank N - 1: the fixed points of mu P = mu form the line through pi
    W, tv, th, q = m
    P = rx.rbm_block_kernel_exact(W, tv, th, q).astype(np.float64)
    N = P.shape[0]
    sv = np.linalg.svd(P.T - np.eye(N), compute_uv=False)
    assert sv[-1] < 1e-9 and sv[-2] > 1e-9


def test_identity_half_steps_do_not_mix():
    # negative control: the block B = everything makes K_B(s, .) = pi (one step mixes),
    # the empty block makes K_B the identity (never mixes) -- the complement structure of
    # P = K_B K_{B^c} is what gives positivity
    w = rx.rbm_weights_exact([[1, 1]], None, None, Fraction(1, 2))
    pi = _pi(w)
    full = np.ones(3, dtype=bool)
    K = rx.block_kernel_exact(w, full)
    assert all((row == pi).all() for row in K)
    I = rx.block_kernel_exact(w, ~full)
    assert all(I[s, t] == (1 if s == t else 0) for s in range(8) for t in range(8))


def test_sampler_matches_pi():
    W = np.array([[1, -1], [0, 1]])
    tv, th = np.array([0, 1]), np.array([1, 0])
    q = Fraction(1, 2)
    beta = -np.log(0.5)
    pi = np.array([float(x) for x in _pi(rx.rbm_weights_exact(W, tv, th, q))])
    V, H = block_gibbs(W, tv, th, beta, n_steps=4000, n_chains=50, seed=7, burn_in=20)
    S = np.concatenate([V, H], axis=2).reshape(-1, 4)
    idx = ((S > 0) * (1 << np.arange(4))).sum(axis=1)
    emp = np.bincount(idx, minlength=16) / len(idx)
    assert 0.5 * np.abs(emp - pi).sum() < 0.01


def test_errors():
    with pytest.raises(ValueError, match="integer"):
        rx.rbm_weights_exact([[0.5]], None, None, Fraction(1, 2))
    with pytest.raises(ValueError, match="nv \\+ nh"):
        rx.rbm_weights_exact(np.ones((5, 4), dtype=int), None, None, Fraction(1, 2))
    with pytest.raises(ValueError, match="boolean mask"):
        rx.block_kernel_exact(rx.rbm_weights_exact([[1]], None, None, 1), [1, 0])
    with pytest.raises(ValueError, match="bound"):
        rx.rbm_doeblin_alpha([[1]], None, None, 1, bound="nope")
    with pytest.raises(ValueError):
        rx.rbm_weights_exact([[1]], None, None, Fraction(3, 2))


LEAN_EXAMPLES = (Path(__file__).resolve().parent.parent / "lean" / "HopfieldTest" / "Examples"
                 / "Rbm.lean")


def _lean_vector(text: str, tag: str) -> list[Fraction]:
    m = re.search(r"/-- vector: " + re.escape(tag) + r" -/\n(.*?)by\s+decide", text, re.S)
    assert m, f"no vector {tag!r} in {LEAN_EXAMPLES.name}"
    body = re.findall(r"\[([^\]]*)\]", m.group(1))[-1]
    return [Fraction(x.replace(" ", "")) for x in body.split(",")]


def test_B7_lean_vectors_match_pyref():
    # the numbers that Lean checks by `decide +kernel` against its block conditionals are
    # the product-form numbers of pyref
    text = LEAN_EXAMPLES.read_text()
    W, tv, th, q = np.array([[1, -1]]), np.array([0]), np.array([1, 0]), Fraction(1, 2)
    w = rx.rbm_weights_exact(W, tv, th, q)
    KH, KV = rx.rbm_half_kernels_exact(W, tv, th, q)
    P = KH @ KV
    assert _lean_vector(text, "weights") == list(w)
    assert _lean_vector(text, "rbmHidK s0") == list(KH[0])
    assert _lean_vector(text, "rbmVisK s0") == list(KV[0])
    assert _lean_vector(text, "rbmK s0") == list(P[0])
    assert _lean_vector(text, "rbmK s5") == list(P[5])
    assert _lean_vector(text, "pi") == list(_pi(w))
    H = rx.hidden_mask(1, 2)
    m = re.search(r"blockMin wL \(rbmHidden 1 2\) = (\d+) / (\d+) ∧\n\s*blockMin wL "
                  r"\(blockCompl \(rbmHidden 1 2\)\) = (\d+) / (\d+)", text)
    assert m
    a, b, c, d = map(int, m.groups())
    assert (Fraction(a, b), Fraction(c, d)) == (rx.block_min(w, H), rx.block_min(w, ~H))
