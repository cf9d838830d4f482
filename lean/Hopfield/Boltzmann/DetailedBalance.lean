module

public import Hopfield.Boltzmann.Spec
public import Hopfield.Data.Rat

/-!
# Detailed balance and stationarity of Gibbs sampling (spec B1, B2)

## Main definitions

* `Hopfield.IsReversible`: detailed balance `μ s K(s,t) = μ t K(t,s)`.

## Main results

* `Hopfield.isMarkov_siteK`, `Hopfield.isMarkov_randK`, `Hopfield.isMarkov_sysK`: the Gibbs
  kernels are Markov kernels (positive weights; `n > 0` for the random scan).
* `Hopfield.siteK_detailedBalance` (B1): `w s K_i(s,t) = w t K_i(t,s)`.
* `Hopfield.randK_detailedBalance` (B1): the same for the random scan.
* `Hopfield.isStationary_siteK`, `Hopfield.isStationary_randK`, `Hopfield.isStationary_sysK`
  (B2): the normalised target `w / ∑ w` is stationary for all three kernels.
* `Hopfield.isDist_normalize`: `w / ∑ w` is a distribution.
-/

@[expose] public section

noncomputable section

namespace Hopfield

variable {n : Nat}

/-- Detailed balance (reversibility) of `K` with respect to `μ` (spec B1). -/
def IsReversible (μ : Dist n) (K : Kernel n) : Prop := ∀ s t, μ s * K s t = μ t * K t s

/-- The sum of positive weights is positive (spec B1, B2). -/
theorem sumS_pos {w : State n → Rat} (hw : Positive w) : 0 < sumS n w :=
  by
  have := hw (fun _ => false)
  have := single_le_sumS (fun s => Rat.le_of_lt (hw s)) (fun _ => false)
  grind

/-- `w / ∑ w` is a probability distribution (spec B2, B4). -/
theorem isDist_normalize {w : State n → Rat} (hw : Positive w) : IsDist (normalize w) := by
  have hZ := sumS_pos hw
  refine ⟨fun s => div_nonneg_of_pos (Rat.le_of_lt (hw s)) hZ, ?_⟩
  unfold normalize
  rw [sumS_congr (g := fun s => w s * (sumS n w)⁻¹) (fun s => Rat.div_def _ _), sumS_mul_right]
  grind

/-- Site-kernel entries are nonnegative for positive weights (spec B1, B2). -/
theorem siteK_nonneg {w : State n → Rat} (hw : Positive w) (i : Fin n) (s t : State n) :
    0 ≤ siteKernel w i s t := by
  unfold siteKernel
  split
  · have := hw (s.set i true); have := hw (s.set i false)
    exact div_nonneg_of_pos (Rat.le_of_lt (hw t)) (by grind)
  · exact Rat.le_refl

/-- Each row of a site kernel sums to one (spec B1). -/
theorem siteK_row {w : State n → Rat} (hw : Positive w) (i : Fin n) (s : State n) :
    sumS n (siteKernel w i s) = 1 := by
  rw [sumS_congr (siteK_eq w i s), sumS_add, sumS_ite_eq, sumS_ite_eq]
  have := hw (s.set i true); have := hw (s.set i false)
  grind

/-- The Gibbs site kernel is a Markov kernel (spec B1). -/
theorem isMarkov_siteK {w : State n → Rat} (hw : Positive w) (i : Fin n) :
    IsMarkov (siteKernel w i) :=
  ⟨siteK_nonneg hw i, siteK_row hw i⟩

/-- The random-scan kernel is a Markov kernel, `n > 0` (spec B1). -/
theorem isMarkov_randK {w : State n → Rat} (hw : Positive w) (hn : 0 < n) :
    IsMarkov (randomScanKernel w) := by
  have hn' : (0 : Rat) < n := by exact_mod_cast hn
  refine ⟨fun s t => ?_, fun s => ?_⟩
  · unfold randomScanKernel
    refine Rat.mul_nonneg (div_nonneg_of_pos (by grind) hn') ?_
    exact lsum_nonneg _ (fun i _ => siteK_nonneg hw i s t)
  · unfold randomScanKernel
    rw [sumS_mul_left]
    unfold sumS
    rw [← lsum_comm]
    have e : lsum (List.finRange n) (fun x => lsum (allStates n) (fun y => siteKernel w x s y)) =
        lsum (List.finRange n) (fun _ => (1 : Rat)) :=
      lsum_congr _ (fun i _ => siteK_row hw i s)
    rw [e, lsum_const, List.length_finRange]
    grind

/-- The systematic scan is a Markov kernel (spec B2). -/
theorem isMarkov_sysK {w : State n → Rat} (hw : Positive w) : IsMarkov (systematicScanKernel w) :=
  isMarkov_kprod (fun K hK => by
    obtain ⟨i, _, rfl⟩ := List.mem_map.mp hK
    exact isMarkov_siteK hw i)

/-- **B1** detailed balance of each Gibbs site kernel: `w s K_i(s,t) = w t K_i(t,s)`
(any weights `w`) (spec B1, B2). -/
theorem siteK_detailedBalance (w : State n → Rat) (i : Fin n) (s t : State n) :
    w s * siteKernel w i s t = w t * siteKernel w i t s := by
  unfold siteKernel
  by_cases h : AgreeOff i s t
  · rw [if_pos h, if_pos h.symm, h.set_eq true, h.set_eq false]
    grind
  · have h' : ¬ AgreeOff i t s := fun h2 => h h2.symm
    rw [if_neg h, if_neg h']
    grind

/-- **B1** detailed balance of the random-scan kernel: `w s K(s,t) = w t K(t,s)` (spec B1, B2). -/
theorem randK_detailedBalance (w : State n → Rat) (s t : State n) :
    w s * randomScanKernel w s t = w t * randomScanKernel w t s := by
  have e : ∀ s t, w s * randomScanKernel w s t =
      (1 / (n : Rat)) * lsum (List.finRange n) (fun i => w s * siteKernel w i s t) := by
    intro s t
    unfold randomScanKernel
    rw [lsum_mul_left]
    grind
  rw [e, e]
  congr 1
  exact lsum_congr _ (fun i _ => siteK_detailedBalance w i s t)

/-- Detailed balance is preserved by normalising the weights (spec B1, B2). -/
theorem IsReversible.normalize {w : State n → Rat} {K : Kernel n} (h : IsReversible w K) :
    IsReversible (normalize w) K := by
  intro s t
  unfold Hopfield.normalize
  rw [Rat.div_def, Rat.div_def]
  have := h s t
  have e1 : w s * (sumS n w)⁻¹ * K s t = (w s * K s t) * (sumS n w)⁻¹ := by grind
  have e2 : w t * (sumS n w)⁻¹ * K t s = (w t * K t s) * (sumS n w)⁻¹ := by grind
  rw [e1, e2, this]

/-- Detailed balance and unit row sums give stationarity (spec B2). -/
theorem isStationary_of_reversible {μ : Dist n} {K : Kernel n} (h : IsReversible μ K)
    (hrow : ∀ s, sumS n (K s) = 1) : IsStationary μ K := by
  funext t
  unfold act
  rw [sumS_congr (fun s => h s t), sumS_mul_left, hrow t]
  grind

/-- **B2** the target `w / ∑ w` is stationary for each site kernel (spec B1, B2). -/
theorem isStationary_siteK {w : State n → Rat} (hw : Positive w) (i : Fin n) :
    IsStationary (normalize w) (siteKernel w i) :=
  isStationary_of_reversible (IsReversible.normalize (siteK_detailedBalance w i))
    (siteK_row hw i)

/-- **B2** the target `w / ∑ w` is stationary for the random scan (`n > 0`) (spec B1, B2). -/
theorem isStationary_randK {w : State n → Rat} (hw : Positive w) (hn : 0 < n) :
    IsStationary (normalize w) (randomScanKernel w) :=
  isStationary_of_reversible (IsReversible.normalize (randK_detailedBalance w))
    (isMarkov_randK hw hn).2

/-- **B2** the target `w / ∑ w` is stationary for the systematic scan `K_0 ⋯ K_{n-1}`
(spec B1, B2). -/
theorem isStationary_sysK {w : State n → Rat} (hw : Positive w) :
    IsStationary (normalize w) (systematicScanKernel w) :=
  isStationary_kprod (fun K hK => by
    obtain ⟨i, _, rfl⟩ := List.mem_map.mp hK
    exact isStationary_siteK hw i)

end Hopfield

end

end
