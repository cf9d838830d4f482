module

public import Hopfield.Spec.Rbm
public import Hopfield.Boltzmann.Ergodic

/-!
# Block Gibbs sampling and the RBM sampler: stationarity, positivity, Doeblin (spec B7)

For positive weights `w` on the `2^n` states and a block `B` of sites, the block kernel
`K_B` (`Hopfield.blockK`) resamples the sites of `B` from the conditional law of
`π = w / ∑ w` given the rest. The two-step kernel `P = K_B K_{Bᶜ}` (`Hopfield.blockGibbsK`)
is the RBM block Gibbs sampler when `B` is the hidden layer (`Hopfield.rbmK`: `h | v`, then
`v | h`). For every positive `w`, in particular the RBM Boltzmann weights
`q^(E(v,h) - E_min)` with rational `0 < q ≤ 1` (`Hopfield.rbmW_pos`):

* each half-step is reversible for `π`, so `π` is stationary for both and for `P`;
* `P(s,t) ≥ δ₁ δ₂` for every pair of states, where `δ₁`, `δ₂` bound the nonzero entries of
  `K_B`, `K_{Bᶜ}` from below: `δ = min w / ∑ w` or the exact `Hopfield.blockMin`;
* Doeblin: `TV(μ P^t, π) ≤ (1 - 2^n δ₁ δ₂)^t` for every start distribution `μ`, and `π` is
  the unique stationary distribution of `P`.

That the RBM conditional `h | v` factorises into independent units (what
`pyref.rbm.sample_hidden` samples) is not used here; it is checked on exact rational
kernels in `Hopfield.Thm.RbmExamples` and `tests/test_B7_rbm_block_gibbs.py`.

## Main results

* `Hopfield.blockK_detailedBalance`, `Hopfield.isMarkov_blockK`,
  `Hopfield.isStationary_blockK`: each half-step.
* `Hopfield.isMarkov_blockGibbsK`, `Hopfield.isStationary_blockGibbsK`: the two-step kernel.
* `Hopfield.blockGibbsK_lower_of`, `Hopfield.blockGibbsK_lower`, `Hopfield.blockGibbsK_pos`:
  explicit positivity.
* `Hopfield.blockGibbsK_tv_le`, `Hopfield.blockGibbsK_tv_le_blockMin`,
  `Hopfield.blockGibbsK_stationary_unique`: Doeblin rate and uniqueness.
* `Hopfield.rbmHidK_detailedBalance`, `Hopfield.rbmVisK_detailedBalance`,
  `Hopfield.isStationary_rbmK`, `Hopfield.rbmK_pos`, `Hopfield.rbmK_tv_le`,
  `Hopfield.rbmK_tv_le_blockMin`, `Hopfield.rbmK_stationary_unique`: the RBM statements.
-/

@[expose] public section

noncomputable section

namespace Hopfield

variable {n : Nat}

/-! ### Agreement outside a block -/

/-- Every state agrees with itself outside `B` (spec B7). -/
theorem agreeOut_refl (B : Fin n → Bool) (s : State n) : AgreeOut B s s := fun _ _ => rfl

/-- Agreement outside `B` is symmetric (spec B7). -/
theorem AgreeOut.symm {B : Fin n → Bool} {s t : State n} (h : AgreeOut B s t) :
    AgreeOut B t s := fun j hj => (h j hj).symm

/-- Agreement outside `B` is transitive (spec B7). -/
theorem AgreeOut.trans {B : Fin n → Bool} {s t u : State n} (h1 : AgreeOut B s t)
    (h2 : AgreeOut B t u) : AgreeOut B s u := fun j hj => (h2 j hj).trans (h1 j hj)

/-- The state that takes `t` on `B` and `s` off `B`: the only way from `s` to `t` through
`K_B` then `K_{Bᶜ}` (spec B7). -/
def blockMid (B : Fin n → Bool) (s t : State n) : State n := fun j => if B j then t j else s j

/-- `blockMid B s t` agrees with `s` outside `B` (spec B7). -/
theorem agreeOut_blockMid_left (B : Fin n → Bool) (s t : State n) :
    AgreeOut B s (blockMid B s t) := fun j hj => by simp [blockMid, hj]

/-- `t` agrees with `blockMid B s t` outside `Bᶜ` (spec B7). -/
theorem agreeOut_blockMid_right (B : Fin n → Bool) (s t : State n) :
    AgreeOut (blockCompl B) (blockMid B s t) t := fun j hj => by
  simp only [blockCompl, Bool.not_eq_false'] at hj
  simp [blockMid, hj]

/-! ### The block mass and the half-step kernel -/

/-- The summands of `Z_B(s)` are nonnegative (spec B7). -/
theorem blockTerm_nonneg {w : State n → Rat} (hw : Positive w) (B : Fin n → Bool)
    (s u : State n) : 0 ≤ (if AgreeOut B s u then w u else 0) := by
  split
  · exact Rat.le_of_lt (hw u)
  · exact Rat.le_refl

/-- `Z_B(t) = Z_B(s)` when `t = s` outside `B` (spec B7). -/
theorem blockMass_congr (w : State n → Rat) (B : Fin n → Bool) {s t : State n}
    (h : AgreeOut B s t) : blockMass w B t = blockMass w B s := by
  unfold blockMass
  apply sumS_congr
  intro u
  by_cases hu : AgreeOut B s u
  · rw [if_pos (h.symm.trans hu), if_pos hu]
  · have : ¬ AgreeOut B t u := fun h' => hu (h.trans h')
    rw [if_neg this, if_neg hu]

/-- `Z_B(s) ≥ w s > 0` (spec B7). -/
theorem blockMass_pos {w : State n → Rat} (hw : Positive w) (B : Fin n → Bool)
    (s : State n) : 0 < blockMass w B s := by
  have h := single_le_sumS (fun u => blockTerm_nonneg hw B s u) s
  rw [if_pos (agreeOut_refl B s)] at h
  have := hw s
  unfold blockMass
  grind

/-- `Z_B(s) ≤ ∑_u w u` (spec B7). -/
theorem blockMass_le_sumS {w : State n → Rat} (hw : Positive w) (B : Fin n → Bool)
    (s : State n) : blockMass w B s ≤ sumS n w := by
  unfold blockMass
  refine sumS_le_sumS (fun u => ?_)
  show (if AgreeOut B s u then w u else 0) ≤ w u
  split
  · exact Rat.le_refl
  · exact Rat.le_of_lt (hw u)

/-- `K_B(s,t) = [t = s off B] w t · Z_B(s)⁻¹` (spec B7). -/
theorem blockK_eq_mul (w : State n → Rat) (B : Fin n → Bool) (s t : State n) :
    blockK w B s t = (if AgreeOut B s t then w t else 0) * (blockMass w B s)⁻¹ := by
  unfold blockK
  split
  · exact Rat.div_def _ _
  · exact (Rat.zero_mul _).symm

/-- Block-kernel entries are nonnegative (spec B7). -/
theorem blockK_nonneg {w : State n → Rat} (hw : Positive w) (B : Fin n → Bool)
    (s t : State n) : 0 ≤ blockK w B s t := by
  rw [blockK_eq_mul]
  exact Rat.mul_nonneg (blockTerm_nonneg hw B s t)
    (Rat.le_of_lt (Rat.inv_pos.mpr (blockMass_pos hw B s)))

/-- Each row of a block kernel sums to one (spec B7). -/
theorem blockK_row {w : State n → Rat} (hw : Positive w) (B : Fin n → Bool) (s : State n) :
    sumS n (blockK w B s) = 1 := by
  rw [sumS_congr (blockK_eq_mul w B s), sumS_mul_right]
  exact Rat.mul_inv_cancel _ (Rat.ne_of_gt (blockMass_pos hw B s))

/-- The block kernel is a Markov kernel (spec B7). -/
theorem isMarkov_blockK {w : State n → Rat} (hw : Positive w) (B : Fin n → Bool) :
    IsMarkov (blockK w B) :=
  ⟨blockK_nonneg hw B, blockK_row hw B⟩

/-- **B7** detailed balance of each half-step: `w s K_B(s,t) = w t K_B(t,s)` (any weights)
(spec B7). -/
theorem blockK_detailedBalance (w : State n → Rat) (B : Fin n → Bool) (s t : State n) :
    w s * blockK w B s t = w t * blockK w B t s := by
  unfold blockK
  by_cases h : AgreeOut B s t
  · rw [if_pos h, if_pos h.symm, blockMass_congr w B h, Rat.div_def, Rat.div_def]
    grind
  · rw [if_neg h, if_neg (fun h' => h h'.symm)]
    grind

/-- **B7** `π = w / ∑ w` is stationary for each half-step (spec B7). -/
theorem isStationary_blockK {w : State n → Rat} (hw : Positive w) (B : Fin n → Bool) :
    IsStationary (normalize w) (blockK w B) :=
  isStationary_of_reversible (IsReversible.normalize (blockK_detailedBalance w B))
    (blockK_row hw B)

/-! ### The two-step kernel -/

/-- The two-step block Gibbs kernel is a Markov kernel (spec B7). -/
theorem isMarkov_blockGibbsK {w : State n → Rat} (hw : Positive w) (B : Fin n → Bool) :
    IsMarkov (blockGibbsK w B) :=
  isMarkov_comp (isMarkov_blockK hw B) (isMarkov_blockK hw (blockCompl B))

/-- **B7** `π = w / ∑ w` is stationary for the two-step kernel `K_B K_{Bᶜ}` (spec B7). -/
theorem isStationary_blockGibbsK {w : State n → Rat} (hw : Positive w) (B : Fin n → Bool) :
    IsStationary (normalize w) (blockGibbsK w B) := by
  show act (normalize w) (comp (blockK w B) (blockK w (blockCompl B))) = normalize w
  rw [act_comp, isStationary_blockK hw B, isStationary_blockK hw (blockCompl B)]

/-- **B7** explicit positivity with any bounds: if `δ₁ ≤ K_B(s,t)` and `δ₂ ≤ K_{Bᶜ}(s,t)`
whenever the states agree off the block, then `δ₁ δ₂ ≤ (K_B K_{Bᶜ})(s,t)` for all `s, t`
(spec B7). -/
theorem blockGibbsK_lower_of {w : State n → Rat} (hw : Positive w) (B : Fin n → Bool)
    {δ₁ δ₂ : Rat} (h₁ : 0 ≤ δ₁) (h₂ : 0 ≤ δ₂)
    (hB : ∀ s t, AgreeOut B s t → δ₁ ≤ blockK w B s t)
    (hC : ∀ s t, AgreeOut (blockCompl B) s t → δ₂ ≤ blockK w (blockCompl B) s t)
    (s t : State n) : δ₁ * δ₂ ≤ blockGibbsK w B s t := by
  have hle := single_le_sumS (f := fun u => blockK w B s u * blockK w (blockCompl B) u t)
    (fun u => Rat.mul_nonneg (blockK_nonneg hw B s u) (blockK_nonneg hw _ u t))
    (blockMid B s t)
  have hm := mul_le_mul_of_le (hB _ _ (agreeOut_blockMid_left B s t))
    (hC _ _ (agreeOut_blockMid_right B s t)) h₁ h₂
  exact Rat.le_trans hm hle

/-- Every nonzero entry of a block kernel is at least `δ = min w / ∑ w` (spec B7). -/
theorem gibbsBound_le_blockK {w : State n → Rat} (hw : Positive w) {B : Fin n → Bool}
    {s t : State n} (h : AgreeOut B s t) : gibbsBound w ≤ blockK w B s t := by
  unfold blockK gibbsBound
  rw [if_pos h]
  exact div_le_div_of_le (Rat.le_of_lt (minS_pos hw)) (minS_le w t) (blockMass_pos hw B s)
    (blockMass_le_sumS hw B s)

/-- `x ^ 2 = x * x` (spec B7). -/
theorem rat_sq (x : Rat) : x ^ 2 = x * x := by
  rw [Rat.pow_succ, Rat.pow_succ, Rat.pow_zero, Rat.one_mul]

/-- **B7** explicit positivity: `(min w / ∑ w)^2 ≤ (K_B K_{Bᶜ})(s,t)` for all `s, t`
(spec B7). -/
theorem blockGibbsK_lower {w : State n → Rat} (hw : Positive w) (B : Fin n → Bool)
    (s t : State n) : gibbsBound w ^ 2 ≤ blockGibbsK w B s t := by
  have h0 := Rat.le_of_lt (gibbsBound_pos hw)
  rw [rat_sq]
  exact blockGibbsK_lower_of hw B h0 h0 (fun _ _ h => gibbsBound_le_blockK hw h)
    (fun _ _ h => gibbsBound_le_blockK hw h) s t

/-- **B7** the two-step kernel has all entries positive (spec B7). -/
theorem blockGibbsK_pos {w : State n → Rat} (hw : Positive w) (B : Fin n → Bool)
    (s t : State n) : 0 < blockGibbsK w B s t := by
  have := Rat.pow_pos (n := 2) (gibbsBound_pos hw)
  have := blockGibbsK_lower hw B s t
  grind

/-- The exact bound `blockMin w B` is at most every nonzero entry of `K_B` (spec B7). -/
theorem blockMin_le_blockK (w : State n → Rat) {B : Fin n → Bool} {s t : State n}
    (h : AgreeOut B s t) : blockMin w B ≤ blockK w B s t := by
  have h2 := lmin_le 1 (fun t => if AgreeOut B s t then blockK w B s t else 1)
    (mem_enumStates t)
  dsimp only at h2
  rw [if_pos h] at h2
  exact Rat.le_trans (lmin_le _ _ (mem_enumStates s)) h2

/-- `blockMin w B > 0` for positive weights (spec B7). -/
theorem blockMin_pos {w : State n → Rat} (hw : Positive w) (B : Fin n → Bool) :
    0 < blockMin w B := by
  unfold blockMin
  refine lt_lmin _ (by decide) (fun s _ => lt_lmin _ (by decide) (fun t _ => ?_))
  dsimp only
  split
  · unfold blockK
    rw [if_pos (by assumption), Rat.div_def]
    exact Rat.mul_pos (hw t) (Rat.inv_pos.mpr (blockMass_pos hw B s))
  · decide

/-! ### Doeblin rate and uniqueness -/

/-- **B7** Doeblin with any entry bound `ε ≤ P(s,t)`: `TV(μ P^t, π) ≤ (1 - 2^n ε)^t`,
`P = K_B K_{Bᶜ}`, `π = w / ∑ w` (spec B7). -/
theorem blockGibbsK_tv_le_of {w : State n → Rat} (hw : Positive w) (B : Fin n → Bool)
    {ε : Rat} (hε : ∀ s t, ε ≤ blockGibbsK w B s t) {μ : Dist n} (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow (blockGibbsK w B) t)) (normalize w) ≤
      (1 - ((2 ^ n : Nat) : Rat) * ε) ^ t :=
  tv_act_kpow_stationary_le (isMarkov_blockGibbsK hw B) hε (isDist_normalize hw)
    (isStationary_blockGibbsK hw B) hμ t

/-- **B7** Doeblin: `TV(μ P^t, π) ≤ (1 - 2^n δ^2)^t`, `δ = min w / ∑ w`,
`P = K_B K_{Bᶜ}`, for every start distribution `μ` (spec B7). -/
theorem blockGibbsK_tv_le {w : State n → Rat} (hw : Positive w) (B : Fin n → Bool)
    {μ : Dist n} (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow (blockGibbsK w B) t)) (normalize w) ≤
      (1 - ((2 ^ n : Nat) : Rat) * gibbsBound w ^ 2) ^ t :=
  blockGibbsK_tv_le_of hw B (blockGibbsK_lower hw B) hμ t

/-- **B7** Doeblin with the exact half-step minima:
`TV(μ P^t, π) ≤ (1 - 2^n m_B m_{Bᶜ})^t`, `m_B = blockMin w B` (spec B7). -/
theorem blockGibbsK_tv_le_blockMin {w : State n → Rat} (hw : Positive w) (B : Fin n → Bool)
    {μ : Dist n} (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow (blockGibbsK w B) t)) (normalize w) ≤
      (1 - ((2 ^ n : Nat) : Rat) * (blockMin w B * blockMin w (blockCompl B))) ^ t :=
  blockGibbsK_tv_le_of hw B (blockGibbsK_lower_of hw B (Rat.le_of_lt (blockMin_pos hw B))
    (Rat.le_of_lt (blockMin_pos hw _)) (fun _ _ h => blockMin_le_blockK w h)
    (fun _ _ h => blockMin_le_blockK w h)) hμ t

/-- **B7** `π = w / ∑ w` is the unique stationary distribution of `K_B K_{Bᶜ}` (spec B7). -/
theorem blockGibbsK_stationary_unique {w : State n → Rat} (hw : Positive w)
    (B : Fin n → Bool) {ν : Dist n} (hν : IsDist ν) (hνs : IsStationary ν (blockGibbsK w B)) :
    ν = normalize w :=
  stationary_unique (isMarkov_blockGibbsK hw B) (Rat.pow_pos (gibbsBound_pos hw))
    (blockGibbsK_lower hw B) (isDist_normalize hw) (isStationary_blockGibbsK hw B) hν hνs

/-! ### The restricted Boltzmann machine -/

section rbm
variable {nv nh : Nat}

/-- The RBM Boltzmann weights `q^(E - E_min)` are positive for `q > 0` (spec B7). -/
theorem rbmW_pos {q : Rat} (hq : 0 < q) (W : Fin nv → Fin nh → Int) (θv : Fin nv → Int)
    (θh : Fin nh → Int) : Positive (rbmW q W θv θh) :=
  boltzmannW_pos hq _ _

/-- **B7** detailed balance of the half-step `h | v`: `w s K_H(s,t) = w t K_H(t,s)`
(spec B7). -/
theorem rbmHidK_detailedBalance (w : State (nv + nh) → Rat) (s t : State (nv + nh)) :
    w s * rbmHidK nv nh w s t = w t * rbmHidK nv nh w t s :=
  blockK_detailedBalance w _ s t

/-- **B7** detailed balance of the half-step `v | h`: `w s K_V(s,t) = w t K_V(t,s)`
(spec B7). -/
theorem rbmVisK_detailedBalance (w : State (nv + nh) → Rat) (s t : State (nv + nh)) :
    w s * rbmVisK nv nh w s t = w t * rbmVisK nv nh w t s :=
  blockK_detailedBalance w _ s t

/-- **B7** the RBM block Gibbs kernel is a Markov kernel (spec B7). -/
theorem isMarkov_rbmK {w : State (nv + nh) → Rat} (hw : Positive w) :
    IsMarkov (rbmK nv nh w) :=
  isMarkov_blockGibbsK hw _

/-- **B7** `π = w / ∑ w` is stationary for the RBM block Gibbs kernel (spec B7). -/
theorem isStationary_rbmK {w : State (nv + nh) → Rat} (hw : Positive w) :
    IsStationary (normalize w) (rbmK nv nh w) :=
  isStationary_blockGibbsK hw _

/-- **B7** explicit positivity of the RBM kernel: `(min w / ∑ w)^2 ≤ P(s,t)` (spec B7). -/
theorem rbmK_lower {w : State (nv + nh) → Rat} (hw : Positive w) (s t : State (nv + nh)) :
    gibbsBound w ^ 2 ≤ rbmK nv nh w s t :=
  blockGibbsK_lower hw _ s t

/-- **B7** the RBM kernel has all entries positive (spec B7). -/
theorem rbmK_pos {w : State (nv + nh) → Rat} (hw : Positive w) (s t : State (nv + nh)) :
    0 < rbmK nv nh w s t :=
  blockGibbsK_pos hw _ s t

/-- **B7** Doeblin for the RBM sampler: `TV(μ P^t, π) ≤ (1 - 2^(nv+nh) δ^2)^t`,
`δ = min w / ∑ w` (spec B7). -/
theorem rbmK_tv_le {w : State (nv + nh) → Rat} (hw : Positive w) {μ : Dist (nv + nh)}
    (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow (rbmK nv nh w) t)) (normalize w) ≤
      (1 - ((2 ^ (nv + nh) : Nat) : Rat) * gibbsBound w ^ 2) ^ t :=
  blockGibbsK_tv_le hw _ hμ t

/-- **B7** Doeblin for the RBM sampler with the exact half-step minima:
`TV(μ P^t, π) ≤ (1 - 2^(nv+nh) m_H m_V)^t` (spec B7). -/
theorem rbmK_tv_le_blockMin {w : State (nv + nh) → Rat} (hw : Positive w)
    {μ : Dist (nv + nh)} (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow (rbmK nv nh w) t)) (normalize w) ≤
      (1 - ((2 ^ (nv + nh) : Nat) : Rat) *
        (blockMin w (rbmHidden nv nh) * blockMin w (blockCompl (rbmHidden nv nh)))) ^ t :=
  blockGibbsK_tv_le_blockMin hw _ hμ t

/-- **B7** `π = w / ∑ w` is the unique stationary distribution of the RBM sampler
(spec B7). -/
theorem rbmK_stationary_unique {w : State (nv + nh) → Rat} (hw : Positive w)
    {ν : Dist (nv + nh)} (hν : IsDist ν) (hνs : IsStationary ν (rbmK nv nh w)) :
    ν = normalize w :=
  blockGibbsK_stationary_unique hw _ hν hνs

end rbm

end Hopfield

end

end
