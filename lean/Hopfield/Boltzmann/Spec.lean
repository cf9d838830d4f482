module

public import Hopfield.Finite.Kernel

/-!
# Gibbs (heat-bath) dynamics of a Boltzmann machine: first facts

The target distribution is given by positive rational weights `w` on the `2^n` states
(spec "Stochastic theorems"). The Boltzmann distribution at inverse temperature `β` is the
case `w s = q^(E s - E_min)` with `q = exp(-β)`; core Lean has no real numbers, so the
theorems are stated for every positive rational weight function, which covers every
rational `q ∈ (0,1]` (see `Hopfield.Boltzmann.ZeroTemp`).

## Main definitions

The definitions pyref mirrors are in `Hopfield.Spec.Boltzmann`.

## Main results

* `Hopfield.agreeOff_iff`: `t` agrees with `s` off `i` iff `t = s^{i+}` or `t = s^{i-}`.
* `Hopfield.siteK_eq`: the site kernel as a sum of two indicators.
-/

@[expose] public section

noncomputable section

namespace Hopfield

variable {n : Nat}

/-- The list minimum is at most every value (spec B1). -/
theorem lmin_le {α : Type} (d : Rat) (f : α → Rat) :
    ∀ {l : List α} {x : α}, x ∈ l → lmin d l f ≤ f x
  | [], _, h => by simp at h
  | y :: l, x, h => by
    unfold lmin
    rcases List.mem_cons.mp h with rfl | h
    · split <;> grind
    · have := lmin_le d f h; split <;> grind

/-- A strict lower bound of the default and of every value bounds the minimum (spec B1). -/
theorem lt_lmin {α : Type} {d c : Rat} (f : α → Rat) (hd : c < d) :
    ∀ {l : List α}, (∀ x ∈ l, c < f x) → c < lmin d l f
  | [], _ => hd
  | y :: l, h => by
    unfold lmin
    have := h y (by simp)
    have := lt_lmin f hd (l := l) (fun x hx => h x (by simp [hx]))
    split <;> grind

/-- The minimum is at most every value (spec B3). -/
theorem minS_le (w : State n → Rat) (s : State n) : minS w ≤ w s :=
  lmin_le _ _ (mem_enumStates s)

/-- The minimum of positive weights is positive (spec B3). -/
theorem minS_pos {w : State n → Rat} (hw : Positive w) : 0 < minS w :=
  lt_lmin w (hw _) (fun s _ => hw s)

/-- `s^{i+} ≠ s^{i-}` (spec B1). -/
theorem State.set_true_ne_false (s : State n) (i : Fin n) : s.set i true ≠ s.set i false := by
  intro h
  have := congrArg (fun t => t i) h
  simp [State.set_self] at this

/-- `s.set i b` agrees with `s` off `i` (spec B1). -/
theorem agreeOff_set (s : State n) (i : Fin n) (b : Bool) : AgreeOff i s (s.set i b) :=
  fun _ hj => State.set_ne s b hj

/-- Agreement off a site is symmetric (spec B1). -/
theorem AgreeOff.symm {i : Fin n} {s t : State n} (h : AgreeOff i s t) : AgreeOff i t s :=
  fun j hj => (h j hj).symm

/-- States agreeing off `i` have the same `i`-modifications (spec B1). -/
theorem AgreeOff.set_eq {i : Fin n} {s t : State n} (h : AgreeOff i s t) (b : Bool) :
    t.set i b = s.set i b := by
  funext j
  by_cases hj : j = i
  · subst hj; simp [State.set_self]
  · simp [State.set_ne _ _ hj, h j hj]

/-- `t` agrees with `s` off `i` iff `t = s^{i+}` or `t = s^{i-}` (spec B1). -/
theorem agreeOff_iff {i : Fin n} {s t : State n} :
    AgreeOff i s t ↔ t = s.set i true ∨ t = s.set i false := by
  constructor
  · intro h
    have e := (h.symm.set_eq (t i)).symm
    rw [State.set_self_eq] at e
    cases hb : t i
    · right; rw [hb] at e; exact e
    · left; rw [hb] at e; exact e
  · rintro (rfl | rfl) <;> exact agreeOff_set _ _ _

/-- The site kernel as two indicators: `K_i(s,·) = p⁺ [· = s^{i+}] + p⁻ [· = s^{i-}]`
(spec B1). -/
theorem siteK_eq (w : State n → Rat) (i : Fin n) (s t : State n) :
    siteKernel w i s t =
      (if t = s.set i true then w (s.set i true) / (w (s.set i true) + w (s.set i false))
        else 0) +
      (if t = s.set i false then w (s.set i false) / (w (s.set i true) + w (s.set i false))
        else 0) := by
  unfold siteKernel
  by_cases h1 : t = s.set i true
  · have h2 : ¬ t = s.set i false := fun e => State.set_true_ne_false s i (h1 ▸ e)
    have ha : AgreeOff i s t := agreeOff_iff.mpr (Or.inl h1)
    rw [if_pos ha, if_pos h1, if_neg h2, h1]
    grind
  · by_cases h2 : t = s.set i false
    · have ha : AgreeOff i s t := agreeOff_iff.mpr (Or.inr h2)
      rw [if_pos ha, if_neg h1, if_pos h2, h2]
      grind
    · have ha : ¬ AgreeOff i s t := fun h => (agreeOff_iff.mp h).elim h1 h2
      rw [if_neg ha, if_neg h1, if_neg h2]
      grind

end Hopfield

end

end
