module

public import Hopfield.Boltzmann.Positivity
public import Hopfield.Finite.Doeblin

/-!
# Ergodicity of Gibbs sampling with an explicit Doeblin rate (spec B4)

With `δ = min_s w s / ∑_s w s` (`Hopfield.gibbsBound`) and `π = w / ∑ w`:

* systematic scan `S = K_0 ⋯ K_{n-1}`: `TV(μ S^t, π) ≤ (1 - α)^t`, `α = 2^n δ^n`;
* random scan `K`: `TV(μ K^(n t), π) ≤ (1 - α)^t`, `α = 2^n (δ/n)^n`;

for every start distribution `μ`, and `π` is the unique stationary distribution of both.

## Main results

* `Hopfield.sysK_doeblin_pos`, `Hopfield.randK_doeblin_pos`: `α > 0`.
* `Hopfield.sysK_tv_le`, `Hopfield.randK_tv_le`: the geometric convergence bounds.
* `Hopfield.sysK_stationary_unique`, `Hopfield.randK_stationary_unique`: uniqueness.
-/

@[expose] public section

noncomputable section

namespace Hopfield

variable {n : Nat}

/-- The Doeblin constant `α = 2^n δ^n` of the systematic scan is positive (spec B4). -/
theorem sysK_doeblin_pos {w : State n → Rat} (hw : Positive w) :
    0 < ((2 ^ n : Nat) : Rat) * gibbsBound w ^ n :=
  Rat.mul_pos (by have := Nat.two_pow_pos n; exact_mod_cast this)
    (Rat.pow_pos (gibbsBound_pos hw))

/-- The Doeblin constant `α = 2^n (δ/n)^n` of the random scan is positive (spec B4). -/
theorem randK_doeblin_pos {w : State n → Rat} (hw : Positive w) (hn : 0 < n) :
    0 < ((2 ^ n : Nat) : Rat) * ((1 / (n : Rat)) * gibbsBound w) ^ n := by
  have hn' : (0 : Rat) < n := by exact_mod_cast hn
  refine Rat.mul_pos (by have := Nat.two_pow_pos n; exact_mod_cast this) (Rat.pow_pos ?_)
  rw [Rat.div_def]
  exact Rat.mul_pos (Rat.mul_pos (by grind) (Rat.inv_pos.mpr hn')) (gibbsBound_pos hw)

/-- **B4** systematic scan: `TV(μ S^t, π) ≤ (1 - 2^n δ^n)^t` for every start distribution
`μ`, `π = w / ∑ w`, `δ = min w / ∑ w` (spec B4). -/
theorem sysK_tv_le {w : State n → Rat} (hw : Positive w) {μ : Dist n} (hμ : IsDist μ)
    (t : Nat) :
    tvDistance (act μ (kpow (systematicScanKernel w) t)) (normalize w) ≤
      (1 - ((2 ^ n : Nat) : Rat) * gibbsBound w ^ n) ^ t :=
  tv_act_kpow_stationary_le (isMarkov_sysK hw) (sysK_lower hw) (isDist_normalize hw)
    (isStationary_sysK hw) hμ t

/-- **B4** random scan: `TV(μ K^(n t), π) ≤ (1 - 2^n (δ/n)^n)^t` for every start
distribution `μ`, `π = w / ∑ w`, `δ = min w / ∑ w`, `n > 0` (spec B4). -/
theorem randK_tv_le {w : State n → Rat} (hw : Positive w) (hn : 0 < n) {μ : Dist n}
    (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow (randomScanKernel w) (n * t))) (normalize w) ≤
      (1 - ((2 ^ n : Nat) : Rat) * ((1 / (n : Rat)) * gibbsBound w) ^ n) ^ t := by
  rw [act_kpow_mul]
  exact tv_act_kpow_stationary_le (isMarkov_kpow (isMarkov_randK hw hn) n)
    (kpow_randK_lower hw hn) (isDist_normalize hw)
    (isStationary_kpow (isStationary_randK hw hn) n) hμ t

/-- **B4** `π = w / ∑ w` is the unique stationary distribution of the systematic scan. -/
theorem sysK_stationary_unique {w : State n → Rat} (hw : Positive w) {ν : Dist n}
    (hν : IsDist ν) (hνs : IsStationary ν (systematicScanKernel w)) : ν = normalize w :=
  stationary_unique (isMarkov_sysK hw) (Rat.pow_pos (gibbsBound_pos hw)) (sysK_lower hw)
    (isDist_normalize hw) (isStationary_sysK hw) hν hνs

/-- **B4** `π = w / ∑ w` is the unique stationary distribution of the random scan (spec B4). -/
theorem randK_stationary_unique {w : State n → Rat} (hw : Positive w) (hn : 0 < n)
    {ν : Dist n} (hν : IsDist ν) (hνs : IsStationary ν (randomScanKernel w)) : ν = normalize w := by
  have hn' : (0 : Rat) < n := by exact_mod_cast hn
  have hδ : 0 < (1 / (n : Rat)) * gibbsBound w := by
    rw [Rat.div_def]
    exact Rat.mul_pos (Rat.mul_pos (by grind) (Rat.inv_pos.mpr hn')) (gibbsBound_pos hw)
  exact stationary_unique (isMarkov_kpow (isMarkov_randK hw hn) n) (Rat.pow_pos hδ)
    (kpow_randK_lower hw hn) (isDist_normalize hw)
    (isStationary_kpow (isStationary_randK hw hn) n) hν (isStationary_kpow hνs n)

end Hopfield

end

end
