module

public import Hopfield.Finite.States

/-!
# Rational sums over lists and over all states

The summation layer of the finite-probability library used by the Boltzmann-machine
theorems (spec B1-B5). Sums are plain recursions, so they reduce in the kernel.

## Main definitions

The definitions pyref mirrors are in `Hopfield.Spec.Boltzmann`.

## Main results

* linearity (`lsum_add`, `lsum_mul_left`, `lsum_sub`), order (`lsum_nonneg`, `lsum_le_lsum`,
  `single_le_lsum`), exchange of double sums (`lsum_comm`), indicators (`lsum_ite_eq`),
  triangle inequality (`qabs_lsum_le`);
* the same for `sumS`, e.g. `sumS_ite_eq`: `∑_t [t = a] c = c`.
-/

@[expose] public section

noncomputable section

namespace Hopfield

section lsum
variable {α β : Type}

/-- The empty sum is zero (spec B1-B5 finite layer). -/
@[simp] theorem lsum_nil (f : α → Rat) : lsum [] f = 0 := rfl

/-- A sum over `x :: l` is `f x` plus the rest (spec B1-B5 finite layer). -/
@[simp] theorem lsum_cons (x : α) (l : List α) (f : α → Rat) :
    lsum (x :: l) f = f x + lsum l f := rfl

/-- The sum of a sum is the sum of the sums (spec B1-B5 finite layer). -/
theorem lsum_add (l : List α) (f g : α → Rat) :
    lsum l (fun x => f x + g x) = lsum l f + lsum l g := by
  induction l with
  | nil => simp only [lsum_nil]; grind
  | cons x l ih => simp only [lsum_cons, ih]; grind

/-- Sums are linear: differences (spec B1-B5 finite layer). -/
theorem lsum_sub (l : List α) (f g : α → Rat) :
    lsum l (fun x => f x - g x) = lsum l f - lsum l g := by
  induction l with
  | nil => simp only [lsum_nil]; grind
  | cons x l ih => simp only [lsum_cons, ih]; grind

/-- A constant factor on the left comes out of the sum (spec B1-B5 finite layer). -/
theorem lsum_mul_left (l : List α) (c : Rat) (f : α → Rat) :
    lsum l (fun x => c * f x) = c * lsum l f := by
  induction l with
  | nil => simp
  | cons x l ih => simp only [lsum_cons, ih]; grind

/-- A constant factor on the right comes out of the sum (spec B1-B5 finite layer). -/
theorem lsum_mul_right (l : List α) (c : Rat) (f : α → Rat) :
    lsum l (fun x => f x * c) = lsum l f * c := by
  induction l with
  | nil => simp
  | cons x l ih => simp only [lsum_cons, ih]; grind

/-- Sums of functions equal on the list are equal (spec B1-B5 finite layer). -/
theorem lsum_congr (l : List α) {f g : α → Rat} (h : ∀ x ∈ l, f x = g x) :
    lsum l f = lsum l g := by
  induction l with
  | nil => rfl
  | cons x l ih =>
    simp only [lsum_cons]
    rw [h x (by simp), ih (fun y hy => h y (by simp [hy]))]

/-- The sum of a constant (spec B1-B5 finite layer). -/
theorem lsum_const (l : List α) (c : Rat) : lsum l (fun _ => c) = l.length * c := by
  induction l with
  | nil => simp
  | cons x l ih => simp only [lsum_cons, ih, List.length_cons]; push_cast; grind

/-- A sum of zeros vanishes (spec B1-B5 finite layer). -/
theorem lsum_eq_zero (l : List α) {f : α → Rat} (h : ∀ x ∈ l, f x = 0) : lsum l f = 0 := by
  rw [lsum_congr l (g := fun _ => 0) h, lsum_const]; simp

/-- A sum of nonnegative terms is nonnegative (spec B1-B5 finite layer). -/
theorem lsum_nonneg (l : List α) {f : α → Rat} (h : ∀ x ∈ l, 0 ≤ f x) :
    0 ≤ lsum l f := by
  induction l with
  | nil => simp only [lsum_nil]; grind
  | cons x l ih =>
    simp only [lsum_cons]
    have h1 := h x (by simp)
    have h2 := ih (fun y hy => h y (by simp [hy]))
    grind

/-- Sums are monotone (spec B1-B5 finite layer). -/
theorem lsum_le_lsum (l : List α) {f g : α → Rat} (h : ∀ x ∈ l, f x ≤ g x) :
    lsum l f ≤ lsum l g := by
  have := lsum_nonneg l (f := fun x => g x - f x) (fun x hx => by have := h x hx; grind)
  rw [lsum_sub] at this
  grind

/-- One term of a sum of nonnegative terms is at most the sum (spec B1-B5 finite layer). -/
theorem single_le_lsum (l : List α) {f : α → Rat} (h : ∀ x ∈ l, 0 ≤ f x) {a : α}
    (ha : a ∈ l) : f a ≤ lsum l f := by
  induction l with
  | nil => simp at ha
  | cons x l ih =>
    simp only [lsum_cons]
    have h0 := lsum_nonneg l (fun y hy => h y (by simp [hy]))
    have hx := h x (by simp)
    rcases List.mem_cons.mp ha with rfl | ha'
    · grind
    · have := ih (fun y hy => h y (by simp [hy])) ha'
      grind

/-- Exchange of a double sum (spec B1-B5 finite layer). -/
theorem lsum_comm (l : List α) (m : List β) (f : α → β → Rat) :
    lsum l (fun x => lsum m (fun y => f x y)) = lsum m (fun y => lsum l (fun x => f x y)) := by
  induction l with
  | nil => simp only [lsum_nil]; rw [lsum_eq_zero]; simp
  | cons x l ih => simp only [lsum_cons, ih]; rw [lsum_add]

/-- Summing an indicator over a duplicate-free list containing `a` (spec B1-B5 finite layer). -/
theorem lsum_ite_eq [DecidableEq α] (l : List α) (hl : l.Nodup) {a : α} (ha : a ∈ l)
    (c : Rat) : lsum l (fun x => if x = a then c else 0) = c := by
  induction l with
  | nil => simp at ha
  | cons x l ih =>
    rw [List.nodup_cons] at hl
    simp only [lsum_cons]
    by_cases hx : x = a
    · subst hx
      rw [lsum_eq_zero l (fun y hy => by
        have : y ≠ x := fun e => hl.1 (e ▸ hy)
        simp [this])]
      simp only [if_true]; grind
    · have ha' : a ∈ l := by
        rcases List.mem_cons.mp ha with h | h
        · exact absurd h.symm hx
        · exact h
      rw [ih hl.2 ha']
      simp only [hx, if_false]; grind

/-- If the terms are nonnegative and sum to zero, each term is zero (spec B1-B5 finite layer). -/
theorem eq_zero_of_lsum_eq_zero (l : List α) {f : α → Rat} (h : ∀ x ∈ l, 0 ≤ f x)
    (hs : lsum l f = 0) {a : α} (ha : a ∈ l) : f a = 0 := by
  have h1 := single_le_lsum l h ha
  have h2 := h a ha
  grind

end lsum

/-! ### Absolute value -/

/-- `|x| ≥ 0` (spec B1-B5 finite layer). -/
theorem qabs_nonneg (x : Rat) : 0 ≤ qabs x := by unfold qabs; split <;> grind

/-- `x ≤ |x|` (spec B1-B5 finite layer). -/
theorem le_qabs (x : Rat) : x ≤ qabs x := by unfold qabs; split <;> grind

/-- `-x ≤ |x|` (spec B1-B5 finite layer). -/
theorem neg_le_qabs (x : Rat) : -x ≤ qabs x := by unfold qabs; split <;> grind

/-- `|x| ≤ c` from `x ≤ c` and `-x ≤ c` (spec B1-B5 finite layer). -/
theorem qabs_le {x c : Rat} (h1 : x ≤ c) (h2 : -x ≤ c) : qabs x ≤ c := by
  unfold qabs; split <;> grind

/-- Triangle inequality `|x + y| ≤ |x| + |y|` (spec B1-B5 finite layer). -/
theorem qabs_add_le (x y : Rat) : qabs (x + y) ≤ qabs x + qabs y := by
  have := le_qabs x; have := le_qabs y; have := neg_le_qabs x; have := neg_le_qabs y
  exact qabs_le (by grind) (by grind)

/-- `|x - y| = |y - x|` (spec B1-B5 finite layer). -/
theorem qabs_sub_comm (x y : Rat) : qabs (x - y) = qabs (y - x) := by
  unfold qabs; split <;> split <;> grind

/-- `|x| = 0` only for `x = 0` (spec B1-B5 finite layer). -/
theorem qabs_eq_zero {x : Rat} (h : qabs x = 0) : x = 0 := by
  unfold qabs at h; split at h <;> grind

/-- `|x * c| = |x| * c` for `c ≥ 0` (spec B1-B5 finite layer). -/
theorem qabs_mul_nonneg (x : Rat) {c : Rat} (hc : 0 ≤ c) : qabs (x * c) = qabs x * c := by
  unfold qabs
  by_cases hx : x < 0
  · have : x * c ≤ 0 := by
      have := Rat.mul_le_mul_of_nonneg_right (Rat.le_of_lt hx) hc
      grind
    by_cases h : x * c < 0 <;> simp only [hx, h, if_true, if_false] <;> grind
  · have : 0 ≤ x * c := Rat.mul_nonneg (by grind) hc
    have : ¬ x * c < 0 := by grind
    simp only [hx, this, if_false]

/-- Triangle inequality for sums: `|∑ f| ≤ ∑ |f|` (spec B1-B5 finite layer). -/
theorem qabs_lsum_le {α : Type} (l : List α) (f : α → Rat) :
    qabs (lsum l f) ≤ lsum l (fun x => qabs (f x)) := by
  induction l with
  | nil => simp only [lsum_nil]; unfold qabs; split <;> grind
  | cons x l ih =>
    simp only [lsum_cons]
    have := qabs_add_le (f x) (lsum l f)
    grind

/-! ### Sums over all states -/

section sumS
variable {n : Nat}

/-- Sums over states are additive (spec B1-B5 finite layer). -/
theorem sumS_add (f g : State n → Rat) :
    sumS n (fun s => f s + g s) = sumS n f + sumS n g := lsum_add _ f g

/-- Sums over states respect differences (spec B1-B5 finite layer). -/
theorem sumS_sub (f g : State n → Rat) :
    sumS n (fun s => f s - g s) = sumS n f - sumS n g := lsum_sub _ f g

/-- A constant factor on the left comes out of a sum over states (spec B1-B5 finite layer). -/
theorem sumS_mul_left (c : Rat) (f : State n → Rat) :
    sumS n (fun s => c * f s) = c * sumS n f := lsum_mul_left _ c f

/-- A constant factor on the right comes out of a sum over states (spec B1-B5 finite layer). -/
theorem sumS_mul_right (c : Rat) (f : State n → Rat) :
    sumS n (fun s => f s * c) = sumS n f * c := lsum_mul_right _ c f

/-- Pointwise equal summands give equal sums over states (spec B1-B5 finite layer). -/
theorem sumS_congr {f g : State n → Rat} (h : ∀ s, f s = g s) : sumS n f = sumS n g :=
  lsum_congr _ (fun s _ => h s)

/-- The sum of a constant over all states is `2^n` times it (spec B1-B5 finite layer). -/
theorem sumS_const (c : Rat) : sumS n (fun _ => c) = (2 ^ n : Nat) * c := by
  unfold sumS; rw [lsum_const, length_enumStates]

/-- A sum of nonnegative terms over states is nonnegative (spec B1-B5 finite layer). -/
theorem sumS_nonneg {f : State n → Rat} (h : ∀ s, 0 ≤ f s) : 0 ≤ sumS n f :=
  lsum_nonneg _ (fun s _ => h s)

/-- Sums over states are monotone (spec B1-B5 finite layer). -/
theorem sumS_le_sumS {f g : State n → Rat} (h : ∀ s, f s ≤ g s) : sumS n f ≤ sumS n g :=
  lsum_le_lsum _ (fun s _ => h s)

/-- One term of a sum of nonnegative terms over states is at most the sum
(spec B1-B5 finite layer). -/
theorem single_le_sumS {f : State n → Rat} (h : ∀ s, 0 ≤ f s) (a : State n) :
    f a ≤ sumS n f := single_le_lsum _ (fun s _ => h s) (mem_enumStates a)

/-- Exchange of a double sum over states (spec B1-B5 finite layer). -/
theorem sumS_comm (f : State n → State n → Rat) :
    sumS n (fun s => sumS n (fun t => f s t)) = sumS n (fun t => sumS n (fun s => f s t)) :=
  lsum_comm _ _ f

/-- `∑_t [t = a] c = c` (spec B1-B5 finite layer). -/
theorem sumS_ite_eq (a : State n) (c : Rat) :
    sumS n (fun t => if t = a then c else 0) = c :=
  lsum_ite_eq _ nodup_enumStates (mem_enumStates a) c

/-- Nonnegative terms summing to zero over states are all zero (spec B1-B5 finite layer). -/
theorem eq_zero_of_sumS_eq_zero {f : State n → Rat} (h : ∀ s, 0 ≤ f s) (hs : sumS n f = 0)
    (a : State n) : f a = 0 :=
  eq_zero_of_lsum_eq_zero _ (fun s _ => h s) hs (mem_enumStates a)

/-- Triangle inequality `|∑_s f s| ≤ ∑_s |f s|` (spec B1-B5 finite layer). -/
theorem qabs_sumS_le (f : State n → Rat) : qabs (sumS n f) ≤ sumS n (fun s => qabs (f s)) :=
  qabs_lsum_le _ f

end sumS

example : sumS 2 (fun s => if s 0 then 1 else 2) = 6 := by decide +kernel

end Hopfield

end

end
