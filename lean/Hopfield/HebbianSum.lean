module

public import Hopfield.DenseSpec

/-!
# Sum lemmas for the Hebbian and dense theorems

Small facts about `sumFin`, `overlap` and `hamming` used by the proofs of spec T3, T4 and T6.
They live in the namespace `Hopfield.HebbianSum` so that they never clash with the general
`sumFin` lemmas of `Hopfield.Sum`.

## Main results

* `Hopfield.HebbianSum.sumFin_add`, `sumFin_mul_left`, `sumFin_le`, `sumFin_ite_eq`,
  `sumFin_list_sum`: linearity, monotonicity, a Kronecker delta, and swapping `sumFin` with a
  sum over a list.
* `Hopfield.HebbianSum.hamming_eq_sumFin`: the Hamming distance as a `sumFin`.
* `Hopfield.HebbianSum.overlap_self`, `overlap_comm`, `overlap_eq_sub_hamming`,
  `natAbs_overlap_le`, `overlap_orth_bound`: facts about overlaps.
-/

@[expose] public section

namespace Hopfield

namespace HebbianSum

/-- `sumFin` of a pointwise sum (spec T3). -/
theorem sumFin_add (n : Nat) (f g : Fin n → Int) :
    sumFin n (fun i => f i + g i) = sumFin n f + sumFin n g := by
  induction n with
  | zero => simp [sumFin]
  | succ n ih =>
    simp only [sumFin]
    rw [ih (fun i => f i.succ) (fun i => g i.succ)]
    grind

/-- `sumFin` of a constant multiple (spec T3). -/
theorem sumFin_mul_left (n : Nat) (c : Int) (f : Fin n → Int) :
    sumFin n (fun i => c * f i) = c * sumFin n f := by
  induction n with
  | zero => simp [sumFin]
  | succ n ih =>
    simp only [sumFin]
    rw [ih (fun i => f i.succ)]
    grind

/-- `sumFin` of the zero function (spec T3). -/
theorem sumFin_zero (n : Nat) : sumFin n (fun _ => 0) = 0 := by
  induction n with
  | zero => simp [sumFin]
  | succ n ih => simp [sumFin, ih]

/-- `sumFin` of the constant one is `n` (spec T4). -/
theorem sumFin_one (n : Nat) : sumFin n (fun _ => 1) = n := by
  induction n with
  | zero => simp [sumFin]
  | succ n ih => simp only [sumFin, ih]; omega

/-- `sumFin` is monotone (spec T4). -/
theorem sumFin_le (n : Nat) (f g : Fin n → Int) (h : ∀ i, f i ≤ g i) :
    sumFin n f ≤ sumFin n g := by
  induction n with
  | zero => simp [sumFin]
  | succ n ih =>
    simp only [sumFin]
    have := ih (fun i => f i.succ) (fun i => g i.succ) (fun i => h i.succ)
    have := h 0
    omega

/-- Only the term `j = i` survives in `∑_j [i = j] c j` (spec T3). -/
theorem sumFin_ite_eq (n : Nat) (i : Fin n) (c : Fin n → Int) :
    sumFin n (fun j => if i = j then c j else 0) = c i := by
  induction n with
  | zero => exact i.elim0
  | succ n ih =>
    simp only [sumFin]
    cases i using Fin.cases with
    | zero =>
      have : ∀ j : Fin n, ((0 : Fin (n + 1)) = j.succ) = False := fun j => by
        simp [eq_comm, Fin.succ_ne_zero]
      simp [this, sumFin_zero]
    | succ i =>
      have h0 : ((i.succ : Fin (n + 1)) = 0) = False := by simp [Fin.succ_ne_zero]
      simp only [h0, if_false, Fin.succ_inj]
      rw [ih i (fun j => c j.succ)]
      omega

/-- Swapping `sumFin` with a sum over a list (spec T3). -/
theorem sumFin_list_sum {α : Type} (n : Nat) (ps : List α) (g : α → Fin n → Int) :
    sumFin n (fun j => (ps.map (fun p => g p j)).sum) = (ps.map (fun p => sumFin n (g p))).sum := by
  induction ps with
  | nil => simp [sumFin_zero]
  | cons p ps ih =>
    simp only [List.map_cons, List.sum_cons]
    rw [sumFin_add, ih]

/-- The Hamming distance as a sum of indicators (spec T4). -/
theorem hamming_eq_sumFin {n : Nat} (s t : State n) :
    (hamming s t : Int) = sumFin n (fun i => if s i = t i then 0 else 1) := by
  induction n with
  | zero => simp [hamming, sumFin]
  | succ n ih =>
    have := ih (fun i => s i.succ) (fun i => t i.succ)
    simp only [hamming, List.finRange_succ, List.filter_cons, List.filter_map] at this ⊢
    simp only [sumFin, ← this, Function.comp_def]
    split <;> split <;> simp_all <;> omega

/-- The overlap of a state with itself is `n` (spec T3). -/
theorem overlap_self {n : Nat} (p : State n) : overlap p p = n := by
  simp only [overlap, State.val_sq, sumFin_one]

/-- The overlap is symmetric (spec T3). -/
theorem overlap_comm {n : Nat} (p q : State n) : overlap p q = overlap q p := by
  simp only [overlap, Int.mul_comm]

/-- `p · s = n - 2 d(s, p)` (spec T4). -/
theorem overlap_eq_sub_hamming {n : Nat} (p s : State n) :
    overlap p s = n - 2 * (hamming s p : Int) := by
  rw [hamming_eq_sumFin, ← sumFin_one n, ← sumFin_mul_left]
  have : ∀ i, p.val i * s.val i = 1 + (-(2 * if s i = p i then 0 else 1)) := by
    intro i
    simp only [State.val, spin]
    cases s i <;> cases p i <;> decide
  simp only [overlap, this]
  rw [sumFin_add]
  rw [show (fun i => -(2 * if s i = p i then (0 : Int) else 1))
      = (fun i => (-1) * (2 * if s i = p i then (0 : Int) else 1)) from by funext i; omega]
  rw [sumFin_mul_left]
  omega

/-- An overlap is at most `n` in absolute value (spec T6). -/
theorem natAbs_overlap_le {n : Nat} (p s : State n) : (overlap p s).natAbs ≤ n := by
  have h1 : overlap p s ≤ n := by
    rw [← sumFin_one]
    apply sumFin_le
    intro i
    simp only [State.val, spin]
    cases p i <;> cases s i <;> decide
  have h2 : -(n : Int) ≤ overlap p s := by
    rw [← sumFin_one, ← Int.neg_one_mul, ← sumFin_mul_left]
    apply sumFin_le
    intro i
    simp only [State.val, spin]
    cases p i <;> cases s i <;> decide
  omega

/-- A pattern `q` orthogonal to `p` has overlap at most `2 d(s, p)` with `s` in absolute
value (spec T4). -/
theorem overlap_orth_bound {n : Nat} (p q s : State n) (h : overlap q p = 0) :
    -(2 * (hamming s p : Int)) ≤ overlap q s ∧ overlap q s ≤ 2 * (hamming s p : Int) := by
  have key : overlap q s = overlap q p + sumFin n (fun i => q.val i * (s.val i - p.val i)) := by
    simp only [overlap]
    rw [← sumFin_add]
    congr 1
    funext i
    grind
  rw [key, h, Int.zero_add, hamming_eq_sumFin, ← sumFin_mul_left]
  constructor
  · rw [← Int.neg_one_mul, ← sumFin_mul_left]
    apply sumFin_le
    intro i
    simp only [State.val, spin]
    cases q i <;> cases s i <;> cases p i <;> decide
  · apply sumFin_le
    intro i
    simp only [State.val, spin]
    cases q i <;> cases s i <;> cases p i <;> decide

end HebbianSum

end Hopfield

end
