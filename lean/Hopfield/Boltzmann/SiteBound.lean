module

public import Hopfield.Boltzmann.Ergodic

/-!
# The sharper site bound `c = min_{s,i} w s / (w s^{i+} + w s^{i-})` (spec B3, B4)

`Hopfield.gibbsBound` (`min w / ∑ w`) is simple but weak. Every nonzero entry of a site
kernel is at least `c = min_{s,i} w s / (w s^{i+} + w s^{i-})` (`Hopfield.siteMin`, the
quantity `pyref.boltzmann.min_site_probability` computes), and the B3/B4 bounds hold with
any such lower bound `δ`.

## Main definitions

* `Hopfield.siteMin`: `c = min_{s,i} w s / (w s^{i+} + w s^{i-})` (`1` when `n = 0`).

## Main results

* `Hopfield.siteMin_le_siteK`, `Hopfield.siteMin_pos`: `c` is a positive site bound.
* `Hopfield.sysK_lower_of`, `Hopfield.sysK_tv_le_of`: B3/B4 for the systematic scan with
  any site bound `δ`, e.g. `α = 2^n c^n`.
* `Hopfield.kpow_randK_lower_of`, `Hopfield.randK_tv_le_of`: B3/B4 for the random scan
  with any site bound `δ`, `α = 2^n (δ/n)^n`.
-/

@[expose] public section

noncomputable section

namespace Hopfield

variable {n : Nat}

/-- `c = min_{s,i} w s / (w s^{i+} + w s^{i-})`, the smallest heat-bath move probability
(`1` when `n = 0`; spec B3, pyref `min_site_probability`). -/
def siteMin (w : State n → Rat) : Rat :=
  lmin 1 (allStates n) (fun s =>
    lmin 1 (List.finRange n) (fun i => w s / (w (s.set i true) + w (s.set i false))))

/-- Every nonzero entry of a site kernel is at least `c = siteMin w` (spec B3). -/
theorem siteMin_le_siteK (w : State n → Rat) {i : Fin n} {s t : State n}
    (h : AgreeOff i s t) : siteMin w ≤ siteKernel w i s t := by
  unfold siteKernel siteMin
  rw [if_pos h, ← h.set_eq true, ← h.set_eq false]
  exact Rat.le_trans (lmin_le _ _ (mem_enumStates t)) (lmin_le _ _ (List.mem_finRange i))

/-- `c = siteMin w > 0` for positive weights (spec B3). -/
theorem siteMin_pos {w : State n → Rat} (hw : Positive w) : 0 < siteMin w := by
  unfold siteMin
  refine lt_lmin _ (by decide) (fun s _ => lt_lmin _ (by decide) (fun i _ => ?_))
  have := hw s; have := hw (s.set i true); have := hw (s.set i false)
  rw [Rat.div_def]
  exact Rat.mul_pos (hw s) (Rat.inv_pos.mpr (by grind))

/-- **B3** with any site bound `δ`: `δ^n ≤ (K_0 ⋯ K_{n-1})(s,t)`. -/
theorem sysK_lower_of {w : State n → Rat} (hw : Positive w) {δ : Rat} (hδ0 : 0 ≤ δ)
    (hδ : ∀ i s t, AgreeOff i s t → δ ≤ siteKernel w i s t) (s t : State n) :
    δ ^ n ≤ systematicScanKernel w s t := by
  have h := kprod_lower hδ0 ((List.finRange n).map (fun i => (siteKernel w i, i)))
    (fun p hp => by
      obtain ⟨i, _, rfl⟩ := List.mem_map.mp hp
      exact ⟨isMarkov_siteK hw i, fun s t h => hδ i s t h⟩)
    s t (fun j hj => absurd (by simp [List.map_map]) hj)
  rw [List.map_map, List.length_map, List.length_finRange] at h
  exact h

/-- **B4** with any site bound `δ`: `TV(μ S^t, π) ≤ (1 - 2^n δ^n)^t` (e.g. `δ = siteMin w`). -/
theorem sysK_tv_le_of {w : State n → Rat} (hw : Positive w) {δ : Rat} (hδ0 : 0 ≤ δ)
    (hδ : ∀ i s t, AgreeOff i s t → δ ≤ siteKernel w i s t) {μ : Dist n} (hμ : IsDist μ)
    (t : Nat) :
    tvDistance (act μ (kpow (systematicScanKernel w) t)) (normalize w) ≤ (1 - ((2 ^ n : Nat) : Rat) * δ ^ n) ^ t :=
  tv_act_kpow_stationary_le (isMarkov_sysK hw) (sysK_lower_of hw hδ0 hδ) (isDist_normalize hw)
    (isStationary_sysK hw) hμ t

/-- **B3** with any site bound `δ`: `(δ/n)^n ≤ K^n(s,t)` for the random scan, `n > 0`. -/
theorem kpow_randK_lower_of {w : State n → Rat} (hw : Positive w) (hn : 0 < n) {δ : Rat}
    (hδ0 : 0 ≤ δ) (hδ : ∀ i s t, AgreeOff i s t → δ ≤ siteKernel w i s t) (s t : State n) :
    ((1 / (n : Rat)) * δ) ^ n ≤ kpow (randomScanKernel w) n s t := by
  have hn' : (0 : Rat) < n := by exact_mod_cast hn
  have hinv : (0 : Rat) ≤ 1 / (n : Rat) := div_nonneg_of_pos (by decide) hn'
  have hsite : ∀ i s t, AgreeOff i s t → (1 / (n : Rat)) * δ ≤ randomScanKernel w s t := by
    intro i s t h
    unfold randomScanKernel
    have h1 := single_le_lsum (List.finRange n) (f := fun j => siteKernel w j s t)
      (fun j _ => siteK_nonneg hw j s t) (List.mem_finRange i)
    exact Rat.mul_le_mul_of_nonneg_left (Rat.le_trans (hδ i s t h) h1) hinv
  have h := kprod_lower (Rat.mul_nonneg hinv hδ0)
    ((List.finRange n).map (fun i => (randomScanKernel w, i)))
    (fun p hp => by
      obtain ⟨i, _, rfl⟩ := List.mem_map.mp hp
      exact ⟨isMarkov_randK hw hn, fun s t h => hsite i s t h⟩)
    s t (fun j hj => absurd (by simp [List.map_map]) hj)
  rw [List.map_map, List.length_map, List.length_finRange] at h
  have e : List.map (Prod.fst ∘ fun i => (randomScanKernel w, i)) (List.finRange n) =
      List.replicate n (randomScanKernel w) := by
    rw [show (Prod.fst ∘ fun i : Fin n => (randomScanKernel w, i)) = fun _ => randomScanKernel w from rfl,
      List.map_const', List.length_finRange]
  rw [e] at h
  exact h

/-- **B4** with any site bound `δ`: `TV(μ K^(n t), π) ≤ (1 - 2^n (δ/n)^n)^t`, `n > 0`. -/
theorem randK_tv_le_of {w : State n → Rat} (hw : Positive w) (hn : 0 < n) {δ : Rat}
    (hδ0 : 0 ≤ δ) (hδ : ∀ i s t, AgreeOff i s t → δ ≤ siteKernel w i s t) {μ : Dist n}
    (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow (randomScanKernel w) (n * t))) (normalize w) ≤
      (1 - ((2 ^ n : Nat) : Rat) * ((1 / (n : Rat)) * δ) ^ n) ^ t := by
  rw [act_kpow_mul]
  exact tv_act_kpow_stationary_le (isMarkov_kpow (isMarkov_randK hw hn) n)
    (kpow_randK_lower_of hw hn hδ0 hδ) (isDist_normalize hw)
    (isStationary_kpow (isStationary_randK hw hn) n) hμ t

/-- **B4** systematic scan with `c = siteMin w`: `TV(μ S^t, π) ≤ (1 - 2^n c^n)^t`. -/
theorem sysK_tv_le_siteMin {w : State n → Rat} (hw : Positive w) {μ : Dist n}
    (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow (systematicScanKernel w) t)) (normalize w) ≤
      (1 - ((2 ^ n : Nat) : Rat) * siteMin w ^ n) ^ t :=
  sysK_tv_le_of hw (Rat.le_of_lt (siteMin_pos hw)) (fun _ _ _ h => siteMin_le_siteK w h) hμ t

-- The 2-neuron example `w = [1, 1/4, 1/4, 1]` (`W = [[0,1],[1,0]]`, `θ = 0`, `q = 1/2`):
-- `c = min(1/(1 + 1/4), (1/4)/(1/4 + 1)) = 1/5`, and every sweep entry is `≥ c^2 = 1/25`
-- (the sweep row of `(-,-)` is `[16/25, 1/25, 4/25, 4/25]`), so `α = 4/25`.
example : siteMin (n := 2) (fun s => if s 0 = s 1 then 1 else 1 / 4) = 1 / 5 := by
  decide +kernel
example : (allStates 2).all (fun s => (allStates 2).all (fun t =>
    decide ((1 / 5 : Rat) ^ 2 ≤ systematicScanKernel (fun s => if s 0 = s 1 then 1 else 1 / 4) s t))) =
      true := by decide +kernel

end Hopfield

end

end
