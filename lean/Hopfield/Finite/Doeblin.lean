module

public import Hopfield.Finite.Kernel

/-!
# The Doeblin contraction in total variation

If every entry of a Markov kernel `P` on the `2^n` states is at least `ε`, then `P`
contracts total variation by the factor `1 - α`, `α = 2^n ε` (spec B4). The proof is
algebraic: `(μP - νP)(t) = ∑_s (μ s - ν s)(P(s,t) - ε)` because `∑_s (μ s - ν s) = 0`.

## Main results

* `Hopfield.tv_act_le`: `TV(μP, νP) ≤ (1 - 2^n ε) TV(μ, ν)`.
* `Hopfield.tv_act_kpow_le`: `TV(μP^t, νP^t) ≤ (1 - 2^n ε)^t TV(μ, ν)`.
* `Hopfield.tv_act_kpow_stationary_le`: `TV(μP^t, π) ≤ (1 - 2^n ε)^t` for stationary `π`.
* `Hopfield.stationary_unique`: for `ε > 0` a stationary distribution is unique.
-/

@[expose] public section

noncomputable section

namespace Hopfield

variable {n : Nat}

/-- The Doeblin constant `α = 2^n ε` is at most `1` for a Markov kernel with entries `≥ ε`
(spec B1-B5 finite layer). -/
theorem doeblin_le_one {P : Kernel n} {ε : Rat} (hP : IsMarkov P) (hε : ∀ s t, ε ≤ P s t) :
    ((2 ^ n : Nat) : Rat) * ε ≤ 1 := by
  have h := sumS_le_sumS (n := n) (f := fun _ => ε) (g := P (fun _ => false))
    (fun t => hε _ t)
  rw [sumS_const, hP.2] at h
  exact h

/-- One Doeblin step: `TV(μP, νP) ≤ (1 - 2^n ε) TV(μ, ν)` when every `P(s,t) ≥ ε`
(spec B4). -/
theorem tv_act_le {μ ν : Dist n} {P : Kernel n} {ε : Rat} (hμ : IsDist μ) (hν : IsDist ν)
    (hP : IsMarkov P) (hε : ∀ s t, ε ≤ P s t) :
    tvDistance (act μ P) (act ν P) ≤ (1 - ((2 ^ n : Nat) : Rat) * ε) * tvDistance μ ν := by
  have hd : sumS n (fun s => μ s - ν s) = 0 := by rw [sumS_sub, hμ.2, hν.2]; grind
  have hrow : ∀ t, act μ P t - act ν P t =
      sumS n (fun s => (μ s - ν s) * (P s t - ε)) := by
    intro t
    unfold act
    have e1 : sumS n (fun s => (μ s - ν s) * (P s t - ε)) =
        sumS n (fun s => μ s * P s t) - sumS n (fun s => ν s * P s t)
          - sumS n (fun s => μ s - ν s) * ε := by
      rw [← sumS_mul_right, ← sumS_sub, ← sumS_sub]
      exact sumS_congr (fun s => by grind)
    rw [e1, hd]
    grind
  have hpt : ∀ t, qabs (act μ P t - act ν P t) ≤
      sumS n (fun s => qabs (μ s - ν s) * (P s t - ε)) := by
    intro t
    rw [hrow t]
    refine Rat.le_trans (qabs_sumS_le _) (sumS_le_sumS (fun s => ?_))
    have := hε s t
    have e := qabs_mul_nonneg (μ s - ν s) (show 0 ≤ P s t - ε by grind)
    grind
  have hsum := sumS_le_sumS hpt
  rw [sumS_comm] at hsum
  have : sumS n (fun s => sumS n (fun t => qabs (μ s - ν s) * (P s t - ε))) =
      sumS n (fun s => qabs (μ s - ν s) * (1 - ((2 ^ n : Nat) : Rat) * ε)) := by
    apply sumS_congr; intro s
    rw [sumS_mul_left, sumS_sub, hP.2 s, sumS_const]
  rw [this, sumS_mul_right] at hsum
  unfold tvDistance
  grind

/-- Iterated Doeblin: `TV(μP^t, νP^t) ≤ (1 - 2^n ε)^t TV(μ, ν)` (spec B4). -/
theorem tv_act_kpow_le {P : Kernel n} {ε : Rat} (hP : IsMarkov P) (hε : ∀ s t, ε ≤ P s t)
    (t : Nat) : ∀ {μ ν : Dist n}, IsDist μ → IsDist ν →
    tvDistance (act μ (kpow P t)) (act ν (kpow P t)) ≤
      (1 - ((2 ^ n : Nat) : Rat) * ε) ^ t * tvDistance μ ν := by
  have hα := doeblin_le_one hP hε
  induction t with
  | zero =>
    intro μ ν _ _
    simp only [kpow, List.replicate, kprod, act_idK, Rat.pow_zero]
    grind
  | succ t ih =>
    intro μ ν hμ hν
    rw [act_kpow_succ, act_kpow_succ]
    have h1 := tv_act_le (isDist_act hμ (isMarkov_kpow hP t))
      (isDist_act hν (isMarkov_kpow hP t)) hP hε
    have h2 := Rat.mul_le_mul_of_nonneg_left (ih hμ hν)
      (show (0 : Rat) ≤ 1 - ((2 ^ n : Nat) : Rat) * ε by grind)
    rw [Rat.pow_succ]
    grind

/-- Doeblin convergence to a stationary distribution:
`TV(μP^t, π) ≤ (1 - 2^n ε)^t` for every start distribution `μ` (spec B4). -/
theorem tv_act_kpow_stationary_le {P : Kernel n} {ε : Rat} {π μ : Dist n}
    (hP : IsMarkov P) (hε : ∀ s t, ε ≤ P s t) (hπ : IsDist π) (hstat : IsStationary π P)
    (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow P t)) π ≤ (1 - ((2 ^ n : Nat) : Rat) * ε) ^ t := by
  have h := tv_act_kpow_le hP hε t hμ hπ
  rw [isStationary_kpow hstat t] at h
  have h1 := tv_le_one hμ hπ
  have h0 : (0 : Rat) ≤ (1 - ((2 ^ n : Nat) : Rat) * ε) ^ t :=
    Rat.pow_nonneg (by have := doeblin_le_one hP hε; grind)
  have := Rat.mul_le_mul_of_nonneg_left h1 h0
  grind

/-- With `ε > 0` the stationary distribution is unique (spec B4). -/
theorem stationary_unique {P : Kernel n} {ε : Rat} {π ν : Dist n} (hP : IsMarkov P)
    (hε0 : 0 < ε) (hε : ∀ s t, ε ≤ P s t) (hπ : IsDist π) (hπs : IsStationary π P)
    (hν : IsDist ν) (hνs : IsStationary ν P) : ν = π := by
  have h := tv_act_le hν hπ hP hε
  rw [hνs, hπs] at h
  have hpos : (0 : Rat) < ((2 ^ n : Nat) : Rat) * ε :=
    Rat.mul_pos (by have := Nat.two_pow_pos n; exact_mod_cast this)
      hε0
  apply eq_of_tv_eq_zero
  have h0 := tv_nonneg ν π
  by_cases hz : tvDistance ν π = 0
  · exact hz
  · have := Rat.mul_pos hpos (show 0 < tvDistance ν π by grind)
    grind

end Hopfield

end

end
