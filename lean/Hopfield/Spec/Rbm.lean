module

public import Hopfield.Boltzmann.ZeroTemp

/-!
# Block Gibbs sampling and restricted Boltzmann machines: definitions (spec B7)

A block Gibbs step resamples every site of a block `B ⊆ {0, …, n-1}` (a mask
`B : Fin n → Bool`) at once from the conditional law of the target `π = w / ∑ w` given the
sites outside `B`. The restricted Boltzmann machine (RBM) with `nv` visible and `nh` hidden
units is the Boltzmann machine on `nv + nh` neurons (visible first) with the block weight
matrix `[[0, W], [Wᵀ, 0]]`; its block Gibbs sampler (spec B7, `pyref.rbm.block_gibbs`)
first draws `h | v` (block `B` = the hidden units), then `v | h` (the complement).

## Main definitions

* `Hopfield.AgreeOut`: `t` agrees with `s` at every site outside the block `B`.
* `Hopfield.blockCompl`: the complementary block.
* `Hopfield.blockMass`: `Z_B(s) = ∑_{u = s off B} w u`.
* `Hopfield.blockK`: the block kernel `K_B(s,t) = w t / Z_B(s)` if `t = s` off `B`, else `0`.
* `Hopfield.blockGibbsK`: the two-step kernel `K_B K_{Bᶜ}` (first `B`, then `Bᶜ`).
* `Hopfield.blockMin`: the least nonzero entry of `K_B` (`1` if there is none).
* `Hopfield.rbmHidden`, `Hopfield.rbmHidK`, `Hopfield.rbmVisK`, `Hopfield.rbmK`: the RBM
  hidden block, the half-steps `h | v` and `v | h`, and the two-step kernel.
* `Hopfield.rbmWeights`, `Hopfield.rbmThresholds`, `Hopfield.rbmW`: the RBM as a Boltzmann
  machine on `nv + nh` neurons and its Boltzmann weights `q^(E(v,h) - E_min)`.
-/

@[expose] public section

noncomputable section

namespace Hopfield

variable {n : Nat}

/-- `t` agrees with `s` at every site outside the block `B` (spec B7). -/
def AgreeOut (B : Fin n → Bool) (s t : State n) : Prop := ∀ j, B j = false → t j = s j

/-- Agreement outside a block is decidable (kernel-evaluable) (spec B7). -/
instance AgreeOut.decidable (B : Fin n → Bool) (s t : State n) :
    Decidable (AgreeOut B s t) :=
  inferInstanceAs (Decidable (∀ j, B j = false → t j = s j))

/-- The complementary block `Bᶜ` (spec B7). -/
def blockCompl (B : Fin n → Bool) : Fin n → Bool := fun i => !B i

/-- `Z_B(s) = ∑_{u = s off B} w u`, the weight of the states that agree with `s` outside
`B` (spec B7). -/
def blockMass (w : State n → Rat) (B : Fin n → Bool) (s : State n) : Rat :=
  sumS n (fun u => if AgreeOut B s u then w u else 0)

/-- Block Gibbs kernel: resample the sites of `B` from the conditional law of `w / ∑ w`
given the rest, `K_B(s,t) = w t / Z_B(s)` if `t = s` off `B`, else `0` (spec B7). -/
def blockK (w : State n → Rat) (B : Fin n → Bool) : Kernel n := fun s t =>
  if AgreeOut B s t then w t / blockMass w B s else 0

/-- The two-step block Gibbs kernel `K_B K_{Bᶜ}`: first the block `B`, then its complement
(spec B7). -/
def blockGibbsK (w : State n → Rat) (B : Fin n → Bool) : Kernel n :=
  comp (blockK w B) (blockK w (blockCompl B))

/-- The least nonzero entry `min_{t = s off B} K_B(s,t)` of a block kernel (`1` if there is
none) (spec B7; pyref `rbm_exact.block_min`). -/
def blockMin (w : State n → Rat) (B : Fin n → Bool) : Rat :=
  lmin 1 (allStates n) (fun s =>
    lmin 1 (allStates n) (fun t => if AgreeOut B s t then blockK w B s t else 1))

/-- The hidden block of an RBM with `nv` visible units first and `nh` hidden units after
them (spec B7). -/
def rbmHidden (nv nh : Nat) : Fin (nv + nh) → Bool := fun i => decide (nv ≤ i.val)

/-- The RBM half-step `h | v`: resample all hidden units given the visible ones (spec B7;
pyref `rbm.sample_hidden`). -/
def rbmHidK (nv nh : Nat) (w : State (nv + nh) → Rat) : Kernel (nv + nh) :=
  blockK w (rbmHidden nv nh)

/-- The RBM half-step `v | h`: resample all visible units given the hidden ones (spec B7;
pyref `rbm.sample_visible`). -/
def rbmVisK (nv nh : Nat) (w : State (nv + nh) → Rat) : Kernel (nv + nh) :=
  blockK w (blockCompl (rbmHidden nv nh))

/-- The RBM block Gibbs kernel: `h | v`, then `v | h` (spec B7; pyref `rbm.block_gibbs`,
`rbm_exact.rbm_block_kernel`). -/
def rbmK (nv nh : Nat) (w : State (nv + nh) → Rat) : Kernel (nv + nh) :=
  comp (rbmHidK nv nh w) (rbmVisK nv nh w)

/-- The RBM weight matrix `[[0, W], [Wᵀ, 0]]` on `nv + nh` neurons, visible first
(spec B7; pyref `rbm.rbm_to_boltzmann`). -/
def rbmWeights (nv nh : Nat) (W : Fin nv → Fin nh → Int) : Weights (nv + nh) := fun i j =>
  if hi : i.val < nv then
    (if hj : nv ≤ j.val then W ⟨i.val, hi⟩ ⟨j.val - nv, by have := j.isLt; omega⟩ else 0)
  else
    (if hj : j.val < nv then W ⟨j.val, hj⟩ ⟨i.val - nv, by have := i.isLt; omega⟩ else 0)

/-- The RBM thresholds `(θ_v, θ_h)` on `nv + nh` neurons (spec B7; pyref
`rbm.rbm_to_boltzmann`). -/
def rbmThresholds (nv nh : Nat) (θv : Fin nv → Int) (θh : Fin nh → Int) :
    Thresholds (nv + nh) := fun i =>
  if hi : i.val < nv then θv ⟨i.val, hi⟩ else θh ⟨i.val - nv, by have := i.isLt; omega⟩

/-- RBM Boltzmann weights `q^(E(v,h) - E_min)`, `E(v,h) = -vᵀ W h + θ_v·v + θ_h·h`
(spec B7; pyref `rbm_exact.rbm_weights_exact`). -/
def rbmW {nv nh : Nat} (q : Rat) (W : Fin nv → Fin nh → Int) (θv : Fin nv → Int)
    (θh : Fin nh → Int) : State (nv + nh) → Rat :=
  boltzmannWeightsExact q (rbmWeights nv nh W) (rbmThresholds nv nh θv θh)

end Hopfield

end

end
