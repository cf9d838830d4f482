module

public import Hopfield.Basic

/-!
# Lemmas about `sumFin`

General algebra of the finite sums `Hopfield.sumFin n f = ∑_{i < n} f i` used by the
energy and convergence proofs (spec T1, T2, T5): linearity, congruence, swapping a double
sum, picking one term out of a sum, and order bounds.

## Main results

* `Hopfield.sumFin_one`, `Hopfield.sumFin_list_sum`: a sum of ones, and swapping `sumFin`
  with a sum over a list.
* `Hopfield.sumFin_zero`, `Hopfield.sumFin_add`, `Hopfield.sumFin_neg`, `Hopfield.sumFin_sub`,
  `Hopfield.sumFin_mul_left`, `Hopfield.sumFin_mul_right`: linearity.
* `Hopfield.sumFin_congr`: equal summands give equal sums.
* `Hopfield.sumFin_comm`: swapping the order of a double sum.
* `Hopfield.sumFin_ite_eq`, `Hopfield.sumFin_ite_eq'`: a sum supported on one index.
* `Hopfield.sumFin_split_at`: a sum is one term plus the sum of the others.
* `Hopfield.sumFin_sub_of_eq_off`: sums of functions that agree off `i` differ by the
  difference of their `i`-th terms.
* `Hopfield.sumFin_le_sumFin`, `Hopfield.sumFin_nonneg`, `Hopfield.sumFin_lt_sumFin`:
  comparison of sums.
* `Hopfield.natAbs_sumFin_le`: the triangle inequality `|∑ f| ≤ ∑ |f|`.
-/

@[expose] public section

namespace Hopfield

/-- Unfolding `sumFin` at a successor: the first term plus the rest (spec T1). -/
theorem sumFin_succ (n : Nat) (f : Fin (n + 1) → Int) :
    sumFin (n + 1) f = f 0 + sumFin n (fun i => f i.succ) := rfl

/-- The empty sum is zero (spec T1). -/
@[simp] theorem sumFin_zero_len (f : Fin 0 → Int) : sumFin 0 f = 0 := rfl

/-- Equal summands give equal sums (spec T1). -/
theorem sumFin_congr {n : Nat} {f g : Fin n → Int} (h : ∀ i, f i = g i) :
    sumFin n f = sumFin n g := by
  have : f = g := funext h
  rw [this]

/-- The sum of the zero function is zero (spec T1). -/
@[simp] theorem sumFin_zero (n : Nat) : sumFin n (fun _ => 0) = 0 := by
  induction n with
  | zero => rfl
  | succ n ih => simp [sumFin_succ, ih]

/-- A sum of sums is the sum of the two sums (spec T1). -/
theorem sumFin_add {n : Nat} (f g : Fin n → Int) :
    sumFin n (fun i => f i + g i) = sumFin n f + sumFin n g := by
  induction n with
  | zero => rfl
  | succ n ih =>
    simp only [sumFin_succ]
    rw [ih (fun i => f i.succ) (fun i => g i.succ)]
    omega

/-- The sum of negations is the negated sum (spec T1). -/
theorem sumFin_neg {n : Nat} (f : Fin n → Int) :
    sumFin n (fun i => -f i) = -sumFin n f := by
  induction n with
  | zero => rfl
  | succ n ih =>
    simp only [sumFin_succ]
    rw [ih (fun i => f i.succ)]
    omega

/-- A sum of differences is the difference of the sums (spec T1). -/
theorem sumFin_sub {n : Nat} (f g : Fin n → Int) :
    sumFin n (fun i => f i - g i) = sumFin n f - sumFin n g := by
  induction n with
  | zero => rfl
  | succ n ih =>
    simp only [sumFin_succ]
    rw [ih (fun i => f i.succ) (fun i => g i.succ)]
    omega

/-- A constant factor on the left comes out of the sum (spec T1). -/
theorem sumFin_mul_left {n : Nat} (c : Int) (f : Fin n → Int) :
    sumFin n (fun i => c * f i) = c * sumFin n f := by
  induction n with
  | zero => simp
  | succ n ih =>
    simp only [sumFin_succ]
    rw [ih (fun i => f i.succ), Int.mul_add]

/-- A constant factor on the right comes out of the sum (spec T1). -/
theorem sumFin_mul_right {n : Nat} (c : Int) (f : Fin n → Int) :
    sumFin n (fun i => f i * c) = sumFin n f * c := by
  induction n with
  | zero => simp
  | succ n ih =>
    simp only [sumFin_succ]
    rw [ih (fun i => f i.succ), Int.add_mul]

/-- Swapping the order of summation in a double sum (spec T1). -/
theorem sumFin_comm {n m : Nat} (f : Fin n → Fin m → Int) :
    sumFin n (fun i => sumFin m (fun j => f i j)) =
      sumFin m (fun j => sumFin n (fun i => f i j)) := by
  induction n with
  | zero => simp
  | succ n ih =>
    simp only [sumFin_succ]
    rw [ih (fun i j => f i.succ j), ← sumFin_add]

/-- A sum whose terms vanish off the index `i` equals its `i`-th term (spec T1). -/
theorem sumFin_ite_eq {n : Nat} (i : Fin n) (f : Fin n → Int) :
    sumFin n (fun j => if j = i then f j else 0) = f i := by
  induction n with
  | zero => exact i.elim0
  | succ n ih =>
    simp only [sumFin_succ]
    refine Fin.cases ?_ (fun k => ?_) i
    · simp [Fin.succ_ne_zero]
    · have h0 : ¬ ((0 : Fin (n + 1)) = k.succ) := fun h => Fin.succ_ne_zero k h.symm
      simp only [h0, if_false, Int.zero_add, Fin.succ_inj]
      exact ih k (fun j => f j.succ)

/-- A sum whose terms vanish off the index `i` (written `i = j`) equals its `i`-th term
(spec T1). -/
theorem sumFin_ite_eq' {n : Nat} (i : Fin n) (f : Fin n → Int) :
    sumFin n (fun j => if i = j then f j else 0) = f i := by
  rw [← sumFin_ite_eq i f]
  apply sumFin_congr
  intro j
  by_cases h : j = i
  · simp [h]
  · have h' : ¬ i = j := fun e => h e.symm
    simp [h, h']

/-- A sum is its `i`-th term plus the sum of the other terms (spec T1). -/
theorem sumFin_split_at {n : Nat} (i : Fin n) (f : Fin n → Int) :
    sumFin n f = f i + sumFin n (fun j => if j = i then 0 else f j) := by
  rw [← sumFin_ite_eq i f, ← sumFin_add]
  apply sumFin_congr
  intro j
  by_cases h : j = i <;> simp [h]

/-- Sums of two functions that agree off the index `i` differ by the difference of their
`i`-th terms (spec T1). -/
theorem sumFin_sub_of_eq_off {n : Nat} (i : Fin n) {f g : Fin n → Int}
    (h : ∀ j, j ≠ i → f j = g j) : sumFin n f - sumFin n g = f i - g i := by
  rw [sumFin_split_at i f, sumFin_split_at i g]
  have : sumFin n (fun j => if j = i then 0 else f j) =
      sumFin n (fun j => if j = i then 0 else g j) := by
    apply sumFin_congr
    intro j
    by_cases hj : j = i
    · simp [hj]
    · simp [hj, h j hj]
  omega

/-- Termwise comparison gives comparison of the sums (spec T1). -/
theorem sumFin_le_sumFin {n : Nat} {f g : Fin n → Int} (h : ∀ i, f i ≤ g i) :
    sumFin n f ≤ sumFin n g := by
  induction n with
  | zero => exact Int.le_refl 0
  | succ n ih =>
    simp only [sumFin_succ]
    have h1 := ih (f := fun i => f i.succ) (g := fun i => g i.succ) (fun i => h i.succ)
    have h2 := h 0
    omega

/-- A sum of non-negative terms is non-negative (spec T1). -/
theorem sumFin_nonneg {n : Nat} {f : Fin n → Int} (h : ∀ i, 0 ≤ f i) : 0 ≤ sumFin n f := by
  have := sumFin_le_sumFin (f := fun _ => 0) (g := f) h
  simpa using this

/-- Termwise `≤` with one strict `<` gives a strict comparison of the sums (spec T1). -/
theorem sumFin_lt_sumFin {n : Nat} {f g : Fin n → Int} (h : ∀ i, f i ≤ g i) (i : Fin n)
    (hi : f i < g i) : sumFin n f < sumFin n g := by
  rw [sumFin_split_at i f, sumFin_split_at i g]
  have : sumFin n (fun j => if j = i then 0 else f j) ≤
      sumFin n (fun j => if j = i then 0 else g j) := by
    apply sumFin_le_sumFin
    intro j
    by_cases hj : j = i
    · simp [hj]
    · simp [hj, h j]
  omega

/-- Triangle inequality: `|∑ f| ≤ ∑ |f|`, with `|x|` written `(x.natAbs : Int)` (spec T2). -/
theorem natAbs_sumFin_le {n : Nat} (f : Fin n → Int) :
    ((sumFin n f).natAbs : Int) ≤ sumFin n (fun i => ((f i).natAbs : Int)) := by
  induction n with
  | zero => simp
  | succ n ih =>
    simp only [sumFin_succ]
    have h1 := ih (fun i => f i.succ)
    omega

/-- `-∑ |f| ≤ ∑ f ≤ ∑ |f|`, the two-sided form of the triangle inequality (spec T2). -/
theorem sumFin_le_sumFin_natAbs {n : Nat} (f : Fin n → Int) :
    -sumFin n (fun i => ((f i).natAbs : Int)) ≤ sumFin n f ∧
      sumFin n f ≤ sumFin n (fun i => ((f i).natAbs : Int)) := by
  have := natAbs_sumFin_le f
  omega

/-- `sumFin` of the constant one is `n` (spec T4). -/
theorem sumFin_one (n : Nat) : sumFin n (fun _ => 1) = n := by
  induction n with
  | zero => simp [sumFin]
  | succ n ih => simp only [sumFin, ih]; omega

/-- Swapping `sumFin` with a sum over a list (spec T3). -/
theorem sumFin_list_sum {α : Type} (n : Nat) (ps : List α) (g : α → Fin n → Int) :
    sumFin n (fun j => (ps.map (fun p => g p j)).sum) = (ps.map (fun p => sumFin n (g p))).sum := by
  induction ps with
  | nil => simp [sumFin_zero]
  | cons p ps ih =>
    simp only [List.map_cons, List.sum_cons]
    rw [sumFin_add, ih]

end Hopfield

end
