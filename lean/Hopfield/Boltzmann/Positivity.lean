module

public import Hopfield.Boltzmann.DetailedBalance

/-!
# Explicit positivity of Gibbs sampling (spec B3)

Every nonzero entry of a site kernel is at least `δ = min_s w s / ∑_s w s`
(`Hopfield.gibbsBound`). Composing the `n` site updates of a sweep reaches every state:

## Main results

* `Hopfield.gibbsBound_le_siteK`: `δ ≤ K_i(s,t)` whenever `t` agrees with `s` off `i`.
* `Hopfield.kprod_lower`: a product of kernels, each moving one site with entries `≥ δ`,
  has entries `≥ δ^m` between states that agree off the sites it moves.
* `Hopfield.sysK_lower` (B3): `δ^n ≤ (K_0 ⋯ K_{n-1})(s,t)` for all `s, t`.
* `Hopfield.kpow_randK_lower` (B3): `(δ/n)^n ≤ K^n(s,t)` for the random scan.
* `Hopfield.sysK_pos`, `Hopfield.kpow_randK_pos` (B3): all entries are `> 0`.
-/

@[expose] public section

noncomputable section

namespace Hopfield

variable {n : Nat}

/-- `δ = min w / ∑ w > 0` for positive weights (spec B3). -/
theorem gibbsBound_pos {w : State n → Rat} (hw : Positive w) : 0 < gibbsBound w := by
  unfold gibbsBound
  rw [Rat.div_def]
  exact Rat.mul_pos (minS_pos hw) (Rat.inv_pos.mpr (sumS_pos hw))

/-- Two distinct terms of a positive sum are at most the sum (spec B3). -/
theorem add_le_sumS {w : State n → Rat} (hw : Positive w) {a b : State n} (hab : a ≠ b) :
    w a + w b ≤ sumS n w := by
  have h := sumS_le_sumS (n := n)
    (f := fun u => (if u = a then w a else 0) + (if u = b then w b else 0)) (g := w)
    (fun u => by
      show (if u = a then w a else 0) + (if u = b then w b else 0) ≤ w u
      by_cases ha : u = a
      · have hb : ¬ u = b := fun e => hab (ha ▸ e)
        rw [if_pos ha, if_neg hb, ha]; grind
      · by_cases hb : u = b
        · rw [if_neg ha, if_pos hb, hb]; grind
        · rw [if_neg ha, if_neg hb]; have := hw u; grind)
  rw [sumS_add, sumS_ite_eq, sumS_ite_eq] at h
  exact h

/-- Every nonzero entry of a site kernel is at least `δ = min w / ∑ w` (spec B3). -/
theorem gibbsBound_le_siteK {w : State n → Rat} (hw : Positive w) {i : Fin n}
    {s t : State n} (h : AgreeOff i s t) : gibbsBound w ≤ siteKernel w i s t := by
  unfold siteKernel gibbsBound
  rw [if_pos h]
  have := hw (s.set i true); have := hw (s.set i false)
  exact div_le_div_of_le (Rat.le_of_lt (minS_pos hw)) (minS_le w t) (by grind)
    (add_le_sumS hw (State.set_true_ne_false s i))

/-- Products of single-site kernels: if each factor `(K, i)` is Markov and has entries `≥ δ`
between states agreeing off `i`, the product has entries `≥ δ^m` between states agreeing
off the moved sites (spec B3). -/
theorem kprod_lower {δ : Rat} (hδ : 0 ≤ δ) : ∀ (P : List (Kernel n × Fin n)),
    (∀ p ∈ P, IsMarkov p.1 ∧ ∀ s t, AgreeOff p.2 s t → δ ≤ p.1 s t) →
    ∀ s t : State n, (∀ j, j ∉ P.map Prod.snd → t j = s j) →
      δ ^ P.length ≤ kprod (P.map Prod.fst) s t
  | [], _, s, t, ht => by
    have : t = s := funext (fun j => ht j (by simp))
    subst this
    simp only [List.map_nil, kprod, idK, if_true, List.length_nil, Rat.pow_zero]
    exact Rat.le_refl
  | (K, i) :: P, hP, s, t, ht => by
    have hK := hP (K, i) (by simp)
    have hP' : ∀ p ∈ P, IsMarkov p.1 ∧ ∀ s t, AgreeOff p.2 s t → δ ≤ p.1 s t :=
      fun p hp => hP p (by simp [hp])
    have hL : IsMarkov (kprod (P.map Prod.fst)) := isMarkov_kprod (fun L hL => by
      obtain ⟨p, hp, rfl⟩ := List.mem_map.mp hL
      exact (hP' p hp).1)
    have h1 : δ ≤ K s (s.set i (t i)) := hK.2 s _ (agreeOff_set s i (t i))
    have h2 : δ ^ P.length ≤ kprod (P.map Prod.fst) (s.set i (t i)) t :=
      kprod_lower hδ P hP' _ t (fun j hj => by
        by_cases hji : j = i
        · subst hji; rw [State.set_self]
        · rw [State.set_ne _ _ hji]
          exact ht j (by simp [hji, hj]))
    have h3 : K s (s.set i (t i)) * kprod (P.map Prod.fst) (s.set i (t i)) t ≤
        kprod (((K, i) :: P).map Prod.fst) s t := by
      simp only [List.map_cons, kprod, comp]
      exact single_le_sumS (f := fun v => K s v * kprod (P.map Prod.fst) v t)
        (fun v => Rat.mul_nonneg (hK.1.1 s v) (hL.1 v t)) _
    have h4 := mul_le_mul_of_le h1 h2 hδ (Rat.pow_nonneg hδ)
    simp only [List.length_cons, Rat.pow_succ]
    rw [Rat.mul_comm]
    exact Rat.le_trans h4 h3

/-- **B3** one systematic sweep reaches every state: `δ^n ≤ (K_0 ⋯ K_{n-1})(s,t)`,
`δ = min w / ∑ w` (spec B3). -/
theorem sysK_lower {w : State n → Rat} (hw : Positive w) (s t : State n) :
    gibbsBound w ^ n ≤ systematicScanKernel w s t := by
  have h := kprod_lower (Rat.le_of_lt (gibbsBound_pos hw))
    ((List.finRange n).map (fun i => (siteKernel w i, i)))
    (fun p hp => by
      obtain ⟨i, _, rfl⟩ := List.mem_map.mp hp
      exact ⟨isMarkov_siteK hw i, fun _ _ h => gibbsBound_le_siteK hw h⟩)
    s t (fun j hj => absurd (by simp [List.map_map]) hj)
  rw [List.map_map, List.length_map, List.length_finRange] at h
  exact h

/-- **B3** the systematic scan has all entries positive (spec B3). -/
theorem sysK_pos {w : State n → Rat} (hw : Positive w) (s t : State n) : 0 < systematicScanKernel w s t := by
  have := Rat.pow_pos (n := n) (gibbsBound_pos hw)
  have := sysK_lower hw s t
  grind

/-- The random scan moves to each neighbour off site `i` with probability `≥ δ / n` (spec B3). -/
theorem randK_lower_site {w : State n → Rat} (hw : Positive w) (hn : 0 < n) {i : Fin n}
    {s t : State n} (h : AgreeOff i s t) : (1 / (n : Rat)) * gibbsBound w ≤ randomScanKernel w s t := by
  unfold randomScanKernel
  have hn' : (0 : Rat) < n := by exact_mod_cast hn
  have h1 := single_le_lsum (List.finRange n) (f := fun j => siteKernel w j s t)
    (fun j _ => siteK_nonneg hw j s t) (List.mem_finRange i)
  have h2 := Rat.le_trans (gibbsBound_le_siteK hw h) h1
  exact Rat.mul_le_mul_of_nonneg_left h2 (div_nonneg_of_pos (by grind) hn')

/-- **B3** the random scan reaches every state in `n` steps: `(δ/n)^n ≤ K^n(s,t)` (spec B3). -/
theorem kpow_randK_lower {w : State n → Rat} (hw : Positive w) (hn : 0 < n)
    (s t : State n) : ((1 / (n : Rat)) * gibbsBound w) ^ n ≤ kpow (randomScanKernel w) n s t := by
  have hn' : (0 : Rat) < n := by exact_mod_cast hn
  have hδ : 0 ≤ (1 / (n : Rat)) * gibbsBound w :=
    Rat.mul_nonneg (div_nonneg_of_pos (by grind) hn') (Rat.le_of_lt (gibbsBound_pos hw))
  have h := kprod_lower hδ ((List.finRange n).map (fun i => (randomScanKernel w, i)))
    (fun p hp => by
      obtain ⟨i, _, rfl⟩ := List.mem_map.mp hp
      exact ⟨isMarkov_randK hw hn, fun _ _ h => randK_lower_site hw hn h⟩)
    s t (fun j hj => absurd (by simp [List.map_map]) hj)
  rw [List.map_map, List.length_map, List.length_finRange] at h
  have e : List.map (Prod.fst ∘ fun i => (randomScanKernel w, i)) (List.finRange n) =
      List.replicate n (randomScanKernel w) := by
    rw [show (Prod.fst ∘ fun i : Fin n => (randomScanKernel w, i)) = fun _ => randomScanKernel w from rfl,
      List.map_const', List.length_finRange]
  rw [e] at h
  exact h

/-- **B3** the `n`-step random-scan kernel has all entries positive (`n > 0`) (spec B3). -/
theorem kpow_randK_pos {w : State n → Rat} (hw : Positive w) (hn : 0 < n) (s t : State n) :
    0 < kpow (randomScanKernel w) n s t := by
  have hn' : (0 : Rat) < n := by exact_mod_cast hn
  have hδ : 0 < (1 / (n : Rat)) * gibbsBound w := by
    rw [Rat.div_def]
    exact Rat.mul_pos (Rat.mul_pos (by grind) (Rat.inv_pos.mpr hn')) (gibbsBound_pos hw)
  have := Rat.pow_pos (n := n) hδ
  have := kpow_randK_lower hw hn s t
  grind

end Hopfield

end

end
