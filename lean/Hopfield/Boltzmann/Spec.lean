module

public import Hopfield.Finite.Kernel

/-!
# Gibbs (heat-bath) dynamics of a Boltzmann machine: definitions

The target distribution is given by positive rational weights `w` on the `2^n` states
(spec "Stochastic theorems"). The Boltzmann distribution at inverse temperature `β` is the
case `w s = q^(E s - E_min)` with `q = exp(-β)`; core Lean has no real numbers, so the
theorems are stated for every positive rational weight function, which covers every
rational `q ∈ (0,1]` (see `Hopfield.Boltzmann.ZeroTemp`).

## Main definitions

* `Hopfield.State.set`: `s` with neuron `i` set to `b`.
* `Hopfield.AgreeOff`: `t` agrees with `s` except possibly at neuron `i`.
* `Hopfield.siteK`: the Gibbs site kernel `K_i(s,t) = w t / (w s^{i+} + w s^{i-})` if `t`
  agrees with `s` off `i`, else `0`.
* `Hopfield.randK`: the random-scan kernel `K = (1/n) ∑_i K_i`.
* `Hopfield.sysK`: the systematic scan `K_0 K_1 ⋯ K_{n-1}` (site `0` first).
* `Hopfield.normalize`: `w / ∑_s w s`, the target distribution.
* `Hopfield.minS`, `Hopfield.gibbsBound`: `δ = min_s w s / ∑_s w s`, a lower bound for every
  nonzero entry of every site kernel (spec B3).

## Main results

* `Hopfield.agreeOff_iff`: `t` agrees with `s` off `i` iff `t = s^{i+}` or `t = s^{i-}`.
* `Hopfield.siteK_eq`: the site kernel as a sum of two indicators.
-/

@[expose] public section

noncomputable section

namespace Hopfield

variable {n : Nat}

/-- `s` with neuron `i` set to `b`: `s^{i+}` for `b = true`, `s^{i-}` for `b = false`
(spec B1). -/
def State.set (s : State n) (i : Fin n) (b : Bool) : State n :=
  fun j => if j = i then b else s j

/-- `t` agrees with `s` at every neuron except possibly `i` (spec B1). -/
def AgreeOff (i : Fin n) (s t : State n) : Prop := ∀ j, j ≠ i → t j = s j

/-- Agreement off a site is decidable (kernel-evaluable) (spec B1). -/
instance AgreeOff.decidable (i : Fin n) (s t : State n) : Decidable (AgreeOff i s t) :=
  inferInstanceAs (Decidable (∀ j, j ≠ i → t j = s j))

/-- Gibbs site kernel: `K_i(s,t) = w t / (w s^{i+} + w s^{i-})` if `t` agrees with `s` off
`i`, else `0` (spec B1; pyref mirrors it with `Fraction`). -/
def siteK (w : State n → Rat) (i : Fin n) : Kernel n := fun s t =>
  if AgreeOff i s t then w t / (w (s.set i true) + w (s.set i false)) else 0

/-- Random-scan kernel `K = (1/n) ∑_i K_i` (spec B1). -/
def randK (w : State n → Rat) : Kernel n := fun s t =>
  (1 / (n : Rat)) * lsum (List.finRange n) (fun i => siteK w i s t)

/-- Systematic-scan kernel `K_0 K_1 ⋯ K_{n-1}`, site `0` first (spec B2). -/
def sysK (w : State n → Rat) : Kernel n := kprod ((List.finRange n).map (siteK w))

/-- The distribution `w / ∑_s w s` of positive weights `w` (spec B2, B4). -/
def normalize (w : State n → Rat) : Dist n := fun s => w s / sumS n w

/-- Positive weights: the target of spec B1-B5 is any positive `π`. -/
def Positive (w : State n → Rat) : Prop := ∀ s, 0 < w s

/-- The minimum of `f` over a list, `d` for the empty list (spec B1). -/
def lmin {α : Type} (d : Rat) : List α → (α → Rat) → Rat
  | [], _ => d
  | x :: l, f => if f x ≤ lmin d l f then f x else lmin d l f

/-- `min_s w s` over all states (spec B3). -/
def minS (w : State n → Rat) : Rat := lmin (w (fun _ => false)) (enumStates n) w

/-- `δ = min_s w s / ∑_s w s`: every nonzero entry of every site kernel is `≥ δ` (spec B3). -/
def gibbsBound (w : State n → Rat) : Rat := minS w / sumS n w

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

/-- Neuron `i` of `s.set i b` is `b` (spec B1). -/
theorem State.set_self (s : State n) (i : Fin n) (b : Bool) : s.set i b i = b := by
  simp [State.set]

/-- `s.set i b` equals `s` at every neuron `j ≠ i` (spec B1). -/
theorem State.set_ne (s : State n) {i j : Fin n} (b : Bool) (h : j ≠ i) : s.set i b j = s j := by
  simp [State.set, h]

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

/-- A state is its own modification by its own bit (spec B1). -/
theorem State.set_self_eq (s : State n) (i : Fin n) : s.set i (s i) = s := by
  funext j
  by_cases hj : j = i
  · subst hj; simp [State.set_self]
  · simp [State.set_ne _ _ hj]

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
    siteK w i s t =
      (if t = s.set i true then w (s.set i true) / (w (s.set i true) + w (s.set i false))
        else 0) +
      (if t = s.set i false then w (s.set i false) / (w (s.set i true) + w (s.set i false))
        else 0) := by
  unfold siteK
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
