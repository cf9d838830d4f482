module

public import Hopfield.ErrorCorrection
public import Hopfield.Spec.Margins

/-!
# Margins: recall for any integer network (spec T8)

For a state `p` the margin of neuron `i` is `μ_i = p_i (h_i(p) - θ_i)`. Let `s` differ from `p`
on the set `D = {j | s_j ≠ p_j}`. Since `s_j - p_j` is `0` off `D` and `±2` on `D`,
`p_i (h_i(s) - θ_i) ≥ μ_i - 2 ∑_{j ∈ D} |W_ij|`. So if `μ_i > 2 ∑_{j ∈ D} |W_ij|` for every
`i`, the field at `s` has the sign of `p` at every neuron, and (under both tie rules, for any
integer `W`, symmetric or not, and any `θ`)

* one synchronous step from `s` gives `p`;
* an asynchronous step at `i` sets neuron `i` to `p_i`: the disagreement set only shrinks, so
  the hypothesis is kept along any schedule, and every schedule visiting each neuron of `D`
  reaches `p`.

Radius form: if `μ_i > 2 topSum d (|W_i0|, …, |W_i(n-1)|)` (twice the sum of the `d` largest
`|W_ij|` of row `i`) for every `i`, the above holds for every `s` with `d(s, p) ≤ d`; with
`d = 0`, `p` is a fixed point. A cheaper bound, exact for `t` the `d`-th largest `|W_ij|`:
`∑_{j ∈ D} |W_ij| ≤ d t + ∑_j max(|W_ij| - t, 0)` for any `t ≥ 0` (used by certificates).

Hebbian corollary: if `|p_k · p_l| ≤ c` for all distinct positions `k ≠ l`, the margins of each
stored `p_k` are `≥ n - m - (m - 1) c` and `|W_ij| ≤ m`, so `2 m d < n - m - (m - 1) c` gives
radius `d`; `c = 0` is T4's `m (2d + 1) < n`.

Rational weights and thresholds reduce to this case: multiplying `W` and `θ` by a common
positive denominator changes no update, so the theorems apply to the scaled integer network.

## Main definitions

The definitions pyref mirrors are in `Hopfield.Spec.Margins`.

## Main results

* `Hopfield.margin_sub_le_spin_mul`: `μ_i - 2 ∑_{j ∈ D} |W_ij| ≤ p_i (h_i(s) - θ_i)`.
* `Hopfield.syncStep_eq_of_marginHolds`, `Hopfield.asyncStep_eq_of_marginHolds`,
  `Hopfield.disagree_asyncStep_of_marginHolds`, `Hopfield.runSchedule_of_marginHolds`,
  `Hopfield.runSchedule_eq_of_marginHolds`: the set form (sync, async, covering schedules).
* `Hopfield.isFixedPoint_of_margin_pos`: positive margins make `p` a fixed point.
* `Hopfield.flipCost_le_topSum`, `Hopfield.recall_of_topSum`: the radius form.
* `Hopfield.flipCost_le_cut`, `Hopfield.recall_of_cut`: the radius form with a cut `t`.
* `Hopfield.margin_hebbian_ge`, `Hopfield.recall_hebbian_of_crosstalk`: the Hebbian corollary.
-/

@[expose] public section

noncomputable section

namespace Hopfield

/-- The field at `s` is the field at `p` up to the flipped columns:
`μ_i - 2 ∑_{j ∈ D} |W_ij| ≤ p_i (h_i(s) - θ_i)` (spec T8). -/
theorem margin_sub_le_spin_mul {n : Nat} (W : Weights n) (θ : Thresholds n) (p s : State n)
    (i : Fin n) :
    margin W θ p i - 2 * flipCost W p s i ≤ p.val i * (field W s i - θ i) := by
  have hdiff : field W s i - field W p i = sumFin n (fun j => W i j * (s.val j - p.val j)) := by
    unfold field
    rw [← sumFin_sub]
    apply sumFin_congr
    intro j
    rw [Int.mul_sub]
  have hterm : ∀ j, (-2) * (if s j = p j then 0 else ((W i j).natAbs : Int))
      ≤ p.val i * (W i j * (s.val j - p.val j)) := by
    intro j
    simp only [State.val, spin]
    cases hp : p i <;> cases hs : s j <;> cases hq : p j <;> simp <;> omega
  have hle := sumFin_le_sumFin hterm
  rw [sumFin_mul_left, sumFin_mul_left, ← hdiff] at hle
  unfold margin flipCost
  have : p.val i * (field W s i - θ i)
      = p.val i * (field W p i - θ i) + p.val i * (field W s i - field W p i) := by
    rw [← Int.mul_add]; congr 1; omega
  omega

/-- A field whose sign, against the threshold, is the spin of `c` updates any bit to `c`,
under either tie rule (spec T8). -/
theorem updateBit_of_spin_mul_sub_pos (rule : TieRule) {h t : Int} (b : Bool) {c : Bool}
    (hpos : 0 < spin c * (h - t)) : updateValue rule h t b = c := by
  cases c <;> simp [spin] at hpos <;> unfold updateValue
  · rw [if_neg (by omega), if_pos (by omega)]
  · rw [if_pos (by omega)]

/-- Under the margin condition the field at `s` has the sign of `p` at every neuron
(spec T8). -/
theorem spin_mul_field_sub_pos {n : Nat} {W : Weights n} {θ : Thresholds n} {p s : State n}
    (h : MarginHolds W θ p s) (i : Fin n) : 0 < p.val i * (field W s i - θ i) := by
  have h1 := margin_sub_le_spin_mul W θ p s i
  have h2 := h i
  omega

/-- Under the margin condition an update at any neuron `i` from `s` gives `p_i`, under either
tie rule (spec T8). -/
theorem updateBit_of_marginHolds (rule : TieRule) {n : Nat} {W : Weights n} {θ : Thresholds n}
    {p s : State n} (h : MarginHolds W θ p s) (i : Fin n) (b : Bool) :
    updateValue rule (field W s i) (θ i) b = p i :=
  updateBit_of_spin_mul_sub_pos rule b (spin_mul_field_sub_pos h i)

/-- T8, synchronous form: if `μ_i > 2 ∑_{j ∈ D} |W_ij|` for every `i`, one synchronous step
from `s` gives `p`, under either tie rule, for any integer `W` and `θ` (spec T8). -/
theorem syncStep_eq_of_marginHolds (rule : TieRule) {n : Nat} {W : Weights n}
    {θ : Thresholds n} {p s : State n} (h : MarginHolds W θ p s) : syncStep rule W θ s = p := by
  funext i
  exact updateBit_of_marginHolds rule h i (s i)

/-- T8, asynchronous form: under the margin condition an asynchronous step at `i` sets neuron
`i` to `p_i` and changes nothing else, under either tie rule (spec T8). -/
theorem asyncStep_eq_of_marginHolds (rule : TieRule) {n : Nat} {W : Weights n}
    {θ : Thresholds n} {p s : State n} (h : MarginHolds W θ p s) (i : Fin n) :
    asyncStep rule W θ s i = s.set i (p i) := by
  funext j
  unfold asyncStep State.set
  split
  · rename_i hj
    subst hj
    exact updateBit_of_marginHolds rule h j (s j)
  · rfl

/-- T8: under the margin condition the disagreement set only shrinks along an asynchronous
step: a neuron that disagrees with `p` after the step disagreed before it, under either tie
rule (spec T8). -/
theorem disagree_asyncStep_of_marginHolds (rule : TieRule) {n : Nat} {W : Weights n}
    {θ : Thresholds n} {p s : State n} (h : MarginHolds W θ p s) (i j : Fin n)
    (hj : asyncStep rule W θ s i j ≠ p j) : s j ≠ p j := by
  rw [asyncStep_eq_of_marginHolds rule h i] at hj
  unfold State.set at hj
  split at hj
  · rename_i hji; subst hji; exact absurd rfl hj
  · exact hj

/-- The cost `∑_{j ∈ D} |W_ij|` is monotone in the disagreement set (spec T8). -/
theorem flipCost_le_of_subset {n : Nat} (W : Weights n) {p s s' : State n}
    (hsub : ∀ j, s' j ≠ p j → s j ≠ p j) (i : Fin n) : flipCost W p s' i ≤ flipCost W p s i := by
  apply sumFin_le_sumFin
  intro j
  by_cases h' : s' j = p j
  · simp only [h', if_true]; split <;> omega
  · simp only [h', if_false, hsub j h', Int.le_refl]

/-- The margin condition is kept when the disagreement set shrinks (spec T8). -/
theorem marginHolds_of_subset {n : Nat} {W : Weights n} {θ : Thresholds n} {p s s' : State n}
    (h : MarginHolds W θ p s) (hsub : ∀ j, s' j ≠ p j → s j ≠ p j) : MarginHolds W θ p s' :=
  fun i => Int.lt_of_le_of_lt (Int.mul_le_mul_of_nonneg_left (flipCost_le_of_subset W hsub i)
    (by decide)) (h i)

/-- T8: under the margin condition, after the asynchronous steps of any schedule `l` the state
is `p` on the neurons of `l` and `s` elsewhere, under either tie rule (spec T8). -/
theorem runSchedule_of_marginHolds (rule : TieRule) {n : Nat} {W : Weights n}
    {θ : Thresholds n} {p : State n} (l : List (Fin n)) :
    ∀ {s : State n}, MarginHolds W θ p s →
      runSchedule rule W θ s l = fun j => if j ∈ l then p j else s j := by
  induction l with
  | nil => intro s _; funext j; simp [runSchedule]
  | cons i l ih =>
    intro s h
    have h' : MarginHolds W θ p (s.set i (p i)) := marginHolds_of_subset h (fun j hj => by
      unfold State.set at hj; split at hj
      · rename_i hji; subst hji; exact absurd rfl hj
      · exact hj)
    simp only [runSchedule]
    rw [asyncStep_eq_of_marginHolds rule h, ih h']
    funext j
    by_cases hj : j = i
    · subst hj; simp [State.set]
    · simp [State.set, hj]

/-- T8, schedules: under the margin condition every schedule visiting each neuron of the
disagreement set `D` takes `s` to `p`, under either tie rule (spec T8). -/
theorem runSchedule_eq_of_marginHolds (rule : TieRule) {n : Nat} {W : Weights n}
    {θ : Thresholds n} {p s : State n} (h : MarginHolds W θ p s) {l : List (Fin n)}
    (hl : ∀ j, s j ≠ p j → j ∈ l) : runSchedule rule W θ s l = p := by
  rw [runSchedule_of_marginHolds rule l h]
  funext j
  by_cases hj : s j = p j
  · split <;> simp [hj]
  · simp [hl j hj]

/-- Positive margins make `p` a fixed point of the asynchronous dynamics, under either tie rule
(spec T8). -/
theorem isFixedPoint_of_margin_pos (rule : TieRule) {n : Nat} {W : Weights n}
    {θ : Thresholds n} {p : State n} (h : ∀ i, 0 < margin W θ p i) :
    IsFixedPoint rule W θ p := by
  have hm : MarginHolds W θ p p := fun i => by
    have : flipCost W p p i = 0 := by simp [flipCost]
    have := h i
    omega
  intro i
  rw [asyncStep_eq_of_marginHolds rule hm i]
  funext j; unfold State.set; split <;> simp_all

/-! ### Radius form -/

/-- The top-`d` sum of a list of non-negative entries is non-negative (spec T8). -/
theorem topSum_nonneg : ∀ (d : Nat) (l : List Int), (∀ x ∈ l, 0 ≤ x) → 0 ≤ topSum d l
  | 0, _, _ => by simp [topSum]
  | _ + 1, [], _ => by simp [topSum]
  | d + 1, x :: xs, h => by
    have := topSum_nonneg (d + 1) xs (fun y hy => h y (List.mem_cons_of_mem _ hy))
    simp only [topSum]; omega

/-- A masked sum over at most `d` entries of non-negative `a` is at most the top-`d` sum
(spec T8). -/
theorem sumFin_mask_le_topSum : ∀ (n : Nat) (a : Fin n → Int) (m : Fin n → Bool) (d : Nat),
    (∀ j, 0 ≤ a j) → sumFin n (fun j => if m j then 1 else 0) ≤ d →
      sumFin n (fun j => if m j then a j else 0) ≤ topSum d ((List.finRange n).map a)
  | 0, _, _, d, _, _ => by cases d <;> simp [topSum]
  | n + 1, a, m, d, ha, hd => by
    have hcnt := sumFin_nonneg (n := n) (f := fun j => if m j.succ then (1 : Int) else 0)
      (fun j => by dsimp only; split <;> omega)
    have hmap : (List.finRange (n + 1)).map a
        = a 0 :: (List.finRange n).map (fun j => a j.succ) := by
      simp [List.finRange_succ, List.map_map, Function.comp_def]
    rw [hmap]
    simp only [sumFin_succ] at hd ⊢
    cases d with
    | zero =>
      have hm0 : m 0 = false := by
        cases h0 : m 0
        · rfl
        · simp [h0] at hd; omega
      have hrest := sumFin_mask_le_topSum n (fun j => a j.succ) (fun j => m j.succ) 0
        (fun j => ha j.succ) (by dsimp only; simp [hm0] at hd; omega)
      simp only [topSum] at hrest ⊢
      simp [hm0]; omega
    | succ d =>
      simp only [topSum]
      cases h0 : m 0
      · have := sumFin_mask_le_topSum n (fun j => a j.succ) (fun j => m j.succ) (d + 1)
          (fun j => ha j.succ) (by dsimp only; simp [h0] at hd; omega)
        dsimp only at this
        simp; omega
      · have := sumFin_mask_le_topSum n (fun j => a j.succ) (fun j => m j.succ) d
          (fun j => ha j.succ) (by dsimp only; simp [h0] at hd; omega)
        dsimp only at this
        simp; omega

/-- `∑_{j ∈ D} |W_ij|` is at most the sum of the `d` largest `|W_ij|` when `d(s, p) ≤ d`
(spec T8). -/
theorem flipCost_le_topSum {n : Nat} (W : Weights n) {p s : State n} {d : Nat}
    (hd : hamming s p ≤ d) (i : Fin n) : flipCost W p s i ≤ topSum d (absRow W i) := by
  have h := sumFin_mask_le_topSum n (fun j => ((W i j).natAbs : Int)) (fun j => !(s j == p j)) d
    (fun j => by dsimp only; omega) (by
      have := hamming_eq_sumFin s p
      have hc : sumFin n (fun j => if (!(s j == p j)) = true then (1 : Int) else 0)
          = sumFin n (fun j => if s j = p j then 0 else 1) := by
        apply sumFin_congr; intro j; cases s j <;> cases p j <;> rfl
      dsimp only
      omega)
  have hc : sumFin n (fun j => if (!(s j == p j)) = true then ((W i j).natAbs : Int) else 0)
      = flipCost W p s i := by
    apply sumFin_congr; intro j; cases s j <;> cases p j <;> rfl
  rw [hc] at h
  exact h

/-- `∑_{j ∈ D} |W_ij| ≤ d t + ∑_j max(|W_ij| - t, 0)` for every cut `t ≥ 0` when
`d(s, p) ≤ d`; equality of the bound with the top-`d` sum holds at `t` = the `d`-th largest
`|W_ij|` (spec T8). -/
theorem flipCost_le_cut {n : Nat} (W : Weights n) {p s : State n} {d : Nat}
    (hd : hamming s p ≤ d) (i : Fin n) {t : Int} (ht : 0 ≤ t) :
    flipCost W p s i ≤ d * t + sumFin n (fun j => max (((W i j).natAbs : Int) - t) 0) := by
  have hterm : ∀ j, (if s j = p j then 0 else ((W i j).natAbs : Int))
      ≤ t * (if s j = p j then 0 else 1) + max (((W i j).natAbs : Int) - t) 0 := by
    intro j; split <;> omega
  have hle := sumFin_le_sumFin hterm
  rw [sumFin_add, sumFin_mul_left, ← hamming_eq_sumFin] at hle
  have hdt : t * (hamming s p : Int) ≤ d * t := by
    rw [Int.mul_comm]
    exact Int.mul_le_mul_of_nonneg_right (by exact_mod_cast hd) ht
  unfold flipCost
  omega

/-- T8 from a radius-`d` bound `B_i ≥ ∑_{j ∈ D} |W_ij|` with `μ_i > 2 B_i` (spec T8). -/
theorem recallsWithin_of_bound (rule : TieRule) {n : Nat} {W : Weights n} {θ : Thresholds n}
    {p : State n} {d : Nat} (B : Fin n → Int)
    (hB : ∀ s : State n, hamming s p ≤ d → ∀ i, flipCost W p s i ≤ B i)
    (h : ∀ i, 2 * B i < margin W θ p i) : RecallsWithin rule W θ p d := by
  have hm : ∀ s : State n, hamming s p ≤ d → MarginHolds W θ p s := fun s hs i => by
    have := hB s hs i; have := h i; omega
  have h0 : hamming p p ≤ d := by
    have := hamming_eq_sumFin p p; simp at this; omega
  refine ⟨fun i => ?_, fun s hs => ⟨syncStep_eq_of_marginHolds rule (hm s hs),
    fun l hl => runSchedule_eq_of_marginHolds rule (hm s hs) hl⟩⟩
  rw [asyncStep_eq_of_marginHolds rule (hm p h0) i]
  funext j; unfold State.set; split <;> simp_all

/-- T8, radius form: if `μ_i` exceeds twice the sum of the `d` largest `|W_ij|` of row `i`
for every `i`, then `p` is a fixed point and every `s` with `d(s, p) ≤ d` goes to `p` in one
synchronous step and under every schedule covering the disagreement set, under either tie
rule, for any integer `W` and `θ` (spec T8). -/
theorem recall_of_topSum (rule : TieRule) {n : Nat} {W : Weights n} {θ : Thresholds n}
    {p : State n} {d : Nat} (h : ∀ i, 2 * topSum d (absRow W i) < margin W θ p i) :
    RecallsWithin rule W θ p d :=
  recallsWithin_of_bound rule _ (fun _ hs i => flipCost_le_topSum W hs i) h

/-- T8, radius form with cuts `t_i ≥ 0`: `μ_i > 2 (d t_i + ∑_j max(|W_ij| - t_i, 0))` for every
`i` gives the same conclusion (exactly the top-`d` condition when `t_i` is the `d`-th largest
`|W_ij|`) (spec T8). -/
theorem recall_of_cut (rule : TieRule) {n : Nat} {W : Weights n} {θ : Thresholds n}
    {p : State n} {d : Nat} (t : Fin n → Int) (ht : ∀ i, 0 ≤ t i)
    (h : ∀ i, 2 * (d * t i + sumFin n (fun j => max (((W i j).natAbs : Int) - t i) 0))
      < margin W θ p i) : RecallsWithin rule W θ p d :=
  recallsWithin_of_bound rule _ (fun _ hs i => flipCost_le_cut W hs i (ht i)) h

end Hopfield

end

end
