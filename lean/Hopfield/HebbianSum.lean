module

public import Hopfield.DenseSpec
public import Hopfield.Sum

/-!
# Overlap and Hamming-distance lemmas for the Hebbian and dense theorems

Facts about `overlap` and `hamming` used by the proofs of spec T3, T4 and T6, on
top of the general `sumFin` algebra of `Hopfield.Sum` (linearity, monotonicity, one-index
sums), which they use.

## Main results

* `Hopfield.hamming_eq_sumFin`: the Hamming distance as a `sumFin`.
* `Hopfield.overlap_self`, `overlap_comm`, `overlap_eq_sub_hamming`,
  `natAbs_overlap_le`, `overlap_orth_bound`: facts about overlaps.
-/

@[expose] public section

namespace Hopfield

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
    apply sumFin_le_sumFin
    intro i
    simp only [State.val, spin]
    cases p i <;> cases s i <;> decide
  have h2 : -(n : Int) ≤ overlap p s := by
    rw [← sumFin_one, ← Int.neg_one_mul, ← sumFin_mul_left]
    apply sumFin_le_sumFin
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
    apply sumFin_le_sumFin
    intro i
    simp only [State.val, spin]
    cases q i <;> cases s i <;> cases p i <;> decide
  · apply sumFin_le_sumFin
    intro i
    simp only [State.val, spin]
    cases q i <;> cases s i <;> cases p i <;> decide

end Hopfield

end
