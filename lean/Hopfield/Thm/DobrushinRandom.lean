module

public import Hopfield.Thm.Dobrushin

/-!
# Dobrushin's condition for the random scan (spec B6)

The random-scan analogue of `Hopfield.sysK_tv_le_dobrushin`: with the same influence bounds
`c` (row sums `≤ α ≤ 1`) and `n > 0`, one random-scan step `K = (1/n) ∑_i K_i` multiplies the
sum of the oscillation bounds by `r = 1 - (1 - α)/n`, so for every start distribution `μ`

    TV(μ K^t, π) ≤ n (1 - (1 - α)/n)^t,    π = w / ∑ w.

## Main results

* `Hopfield.kapp_randK`: `K f = (1/n) ∑_i K_i f`.
* `Hopfield.oscLe_kapp_randK`: one random-scan step and the oscillation bounds.
* `Hopfield.randK_tv_le_dobrushin` (B6): `TV(μ K^t, π) ≤ n (1 - (1 - α)/n)^t`.
-/

@[expose] public section

noncomputable section

namespace Hopfield

variable {n : Nat}

/-- The random-scan kernel on functions: `K f = (1/n) ∑_i K_i f` (spec B6). -/
theorem kapp_randK (w : State n → Rat) (f : State n → Rat) (s : State n) :
    kapp (randomScanKernel w) f s =
      (1 / (n : Rat)) * lsum (List.finRange n) (fun i => kapp (siteKernel w i) f s) := by
  unfold kapp randomScanKernel
  have h1 : sumS n (fun t => (1 / (n : Rat)) *
        lsum (List.finRange n) (fun i => siteKernel w i s t) * f t) =
      sumS n (fun t => (1 / (n : Rat)) *
        lsum (List.finRange n) (fun i => siteKernel w i s t * f t)) :=
    sumS_congr (fun t => by rw [lsum_mul_right]; grind)
  rw [h1, sumS_mul_left]
  congr 1
  unfold sumS
  rw [lsum_comm]

/-- The oscillation bounds of an average (spec B6). -/
theorem oscLe_average {G : Fin n → State n → Rat} {D : Fin n → Fin n → Rat}
    (hn : (0 : Rat) ≤ 1 / (n : Rat)) (hG : ∀ i, OscLe (G i) (D i)) :
    OscLe (fun s => (1 / (n : Rat)) * lsum (List.finRange n) (fun i => G i s))
      (fun j => (1 / (n : Rat)) * lsum (List.finRange n) (fun i => D i j)) := by
  intro j s
  show qabs ((1 / (n : Rat)) * lsum (List.finRange n) (fun i => G i (s.set j true)) -
      (1 / (n : Rat)) * lsum (List.finRange n) (fun i => G i (s.set j false))) ≤
    (1 / (n : Rat)) * lsum (List.finRange n) (fun i => D i j)
  have e : (1 / (n : Rat)) * lsum (List.finRange n) (fun i => G i (s.set j true)) -
      (1 / (n : Rat)) * lsum (List.finRange n) (fun i => G i (s.set j false)) =
      lsum (List.finRange n) (fun i => G i (s.set j true) - G i (s.set j false)) *
        (1 / (n : Rat)) := by
    rw [lsum_sub]
    grind
  rw [e, qabs_mul_nonneg _ hn]
  have h1 := qabs_lsum_le (List.finRange n) (fun i => G i (s.set j true) - G i (s.set j false))
  have h2 := lsum_le_lsum (List.finRange n) (f := fun i => qabs (G i (s.set j true) -
    G i (s.set j false))) (g := fun i => D i j) (fun i _ => hG i j s)
  have h3 := Rat.mul_le_mul_of_nonneg_right (Rat.le_trans h1 h2) hn
  grind

/-- The per-site sum: `∑_j [j ≠ i] (d j + c i j d i) ≤ ∑_j d j - (1 - α) d i` (spec B6). -/
theorem lsum_siteBound_le {c : Fin n → Fin n → Rat} (hc0 : ∀ i j, 0 ≤ c i j) {α : Rat}
    (hrow : ∀ i, lsum (List.finRange n) (fun j => c i j) ≤ α) {d : Fin n → Rat}
    (hd : ∀ j, 0 ≤ d j) (i : Fin n) :
    lsum (List.finRange n) (fun j => if j = i then 0 else d j + c i j * d i) ≤
      lsum (List.finRange n) d - (1 - α) * d i := by
  have hpt : ∀ j ∈ List.finRange n, (if j = i then 0 else d j + c i j * d i) ≤
      (d j + c i j * d i) - (if j = i then d i else 0) := by
    intro j _
    have := Rat.mul_nonneg (hc0 i j) (hd i)
    by_cases hj : j = i
    · subst hj
      simp <;> grind
    · simp [hj] <;> grind
  have hs := lsum_le_lsum _ hpt
  rw [lsum_sub, lsum_add, lsum_finRange_ite, lsum_mul_right] at hs
  have h2 : lsum (List.finRange n) (c i) * d i ≤ α * d i :=
    Rat.mul_le_mul_of_nonneg_right (hrow i) (hd i)
  grind

/-- One random-scan step multiplies `∑_j d j` by `1 - (1 - α)/n` (spec B6). -/
theorem oscLe_kapp_randK {w : State n → Rat} (hw : Positive w) (hn : 0 < n)
    {c : Fin n → Fin n → Rat} (hc : InfluenceLe w c) (hc0 : ∀ i j, 0 ≤ c i j) {α : Rat}
    (hrow : ∀ i, lsum (List.finRange n) (fun j => c i j) ≤ α) {f : State n → Rat}
    {d : Fin n → Rat} (hf : OscLe f d) (hd : ∀ j, 0 ≤ d j) :
    ∃ d' : Fin n → Rat, OscLe (kapp (randomScanKernel w) f) d' ∧ (∀ j, 0 ≤ d' j) ∧
      lsum (List.finRange n) d' ≤ (1 - (1 - α) / (n : Rat)) * lsum (List.finRange n) d := by
  have hn' : (0 : Rat) < n := by exact_mod_cast hn
  have hinv : (0 : Rat) ≤ 1 / (n : Rat) := by
    rw [Rat.div_def]
    exact Rat.mul_nonneg (by decide) (Rat.le_of_lt (Rat.inv_pos.mpr hn'))
  let D : Fin n → Fin n → Rat := fun i j => if j = i then 0 else d j + c i j * d i
  have hD0 : ∀ i j, 0 ≤ D i j := by
    intro i j
    show 0 ≤ (if j = i then 0 else d j + c i j * d i)
    have := Rat.mul_nonneg (hc0 i j) (hd i)
    have := hd j
    split <;> grind
  refine ⟨fun j => (1 / (n : Rat)) * lsum (List.finRange n) (fun i => D i j), ?_, ?_, ?_⟩
  · have e : kapp (randomScanKernel w) f = fun s => (1 / (n : Rat)) *
        lsum (List.finRange n) (fun i => kapp (siteKernel w i) f s) :=
      funext (kapp_randK w f)
    rw [e]
    exact oscLe_average hinv (fun i => oscLe_kapp_siteK hw hc hf i)
  · intro j
    exact Rat.mul_nonneg hinv (lsum_nonneg _ (fun i _ => hD0 i j))
  · rw [lsum_mul_left, lsum_comm]
    have h1 := lsum_le_lsum (List.finRange n) (f := fun i => lsum (List.finRange n) (D i))
      (g := fun i => lsum (List.finRange n) d - (1 - α) * d i)
      (fun i _ => lsum_siteBound_le hc0 hrow hd i)
    rw [lsum_sub, lsum_const, List.length_finRange, lsum_mul_left] at h1
    have h2 := Rat.mul_le_mul_of_nonneg_left h1 hinv
    have e1 : (1 / (n : Rat)) * (n : Rat) = 1 := by
      rw [Rat.div_def, Rat.one_mul]
      exact Rat.inv_mul_cancel _ (Rat.ne_of_gt hn')
    have e2 : (1 - (1 - α) / (n : Rat)) = 1 - (1 / (n : Rat)) * (1 - α) := by
      rw [Rat.div_def, Rat.div_def]
      grind
    rw [e2]
    have e3 : (1 / (n : Rat)) * ((n : Rat) * lsum (List.finRange n) d -
        (1 - α) * lsum (List.finRange n) d) =
        (1 / (n : Rat)) * (n : Rat) * lsum (List.finRange n) d -
          (1 / (n : Rat)) * (1 - α) * lsum (List.finRange n) d := by grind
    rw [e3, e1] at h2
    grind

/-- **B6** Dobrushin for the random scan: with influence bounds `c ≥ 0` of positive weights
`w`, row sums `∑_j c i j ≤ α` with `α ≥ 0` and `n > 0`, `TV(μ K^t, π) ≤ n (1 - (1 - α)/n)^t`
for every start distribution `μ`, `K = (1/n) ∑_i K_i`, `π = w / ∑ w` (spec B6). -/
theorem randK_tv_le_dobrushin {w : State n → Rat} (hw : Positive w) (hn : 0 < n)
    {c : Fin n → Fin n → Rat} (hc : InfluenceLe w c) (hc0 : ∀ i j, 0 ≤ c i j) {α : Rat}
    (hα0 : 0 ≤ α) (hrow : ∀ i, lsum (List.finRange n) (fun j => c i j) ≤ α)
    {μ : Dist n} (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow (randomScanKernel w) t)) (normalize w) ≤
      (n : Rat) * (1 - (1 - α) / (n : Rat)) ^ t := by
  have hn' : (0 : Rat) < n := by exact_mod_cast hn
  have hr : 0 ≤ 1 - (1 - α) / (n : Rat) := by
    have h1 : (1 - α) / (n : Rat) ≤ 1 := by
      rw [Rat.div_def]
      have hn1 : (1 : Rat) ≤ n := by exact_mod_cast hn
      have hi := Rat.inv_pos.mpr hn'
      have e : (n : Rat) * (n : Rat)⁻¹ = 1 := Rat.mul_inv_cancel _ (Rat.ne_of_gt hn')
      have h2 := Rat.mul_le_mul_of_nonneg_right (show 1 - α ≤ (n : Rat) by grind)
        (Rat.le_of_lt hi)
      grind
    grind
  have hπ := isDist_normalize hw
  have hs : act (normalize w) (kpow (randomScanKernel w) t) = normalize w :=
    isStationary_kpow (isStationary_randK hw hn) t
  rw [← hs]
  refine tv_act_le_of_osc hμ hπ (isMarkov_kpow (isMarkov_randK hw hn) t) (fun f hf => ?_)
  have key : ∀ t : Nat, ∃ d : Fin n → Rat, OscLe (kapp (kpow (randomScanKernel w) t) f) d ∧
      (∀ j, 0 ≤ d j) ∧
      lsum (List.finRange n) d ≤ (1 - (1 - α) / (n : Rat)) ^ t * (n : Rat) := by
    intro t
    induction t with
    | zero =>
      refine ⟨fun _ => 1, ?_, fun _ => by show (0 : Rat) ≤ 1; decide, ?_⟩
      · simp only [kpow, List.replicate, kprod]
        rw [kapp_idK]
        exact hf
      · rw [lsum_const, List.length_finRange, Rat.pow_zero, Rat.mul_one, Rat.one_mul]
        exact Rat.le_refl
    | succ t ih =>
      obtain ⟨d, h1, h2, h3⟩ := ih
      obtain ⟨d', g1, g2, g3⟩ := oscLe_kapp_randK hw hn hc hc0 hrow h1 h2
      refine ⟨d', ?_, g2, ?_⟩
      · show OscLe (kapp (comp (randomScanKernel w) (kpow (randomScanKernel w) t)) f) d'
        rw [kapp_comp]
        exact g1
      · have := Rat.mul_le_mul_of_nonneg_left h3 hr
        rw [Rat.pow_succ]
        grind
  obtain ⟨d, h1, _, h3⟩ := key t
  exact ⟨d, h1, by grind⟩

end Hopfield

end

end
