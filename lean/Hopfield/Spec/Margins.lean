module

public import Hopfield.Spec.Classical

/-!
# Margins and certified radii: definitions (spec T8)

The margins `μ_i = p_i (h_i(p) - θ_i)`, flip costs and the radius predicate that
`pyref.margins` mirrors. Theorems in `Hopfield.Thm.Margin`.

## Main definitions

* `Hopfield.margin`
* `Hopfield.flipCost`
* `Hopfield.MarginHolds`
* `Hopfield.topSum`
* `Hopfield.absRow`
* `Hopfield.RecallsWithin`
-/

@[expose] public section

-- The wasm toolchain cannot generate code for definitions that call library functions with
-- auxiliary compiled parts (see README, "Offline toolchain"); the specification is evaluated
-- by the kernel (`decide +kernel`), so all definitions are noncomputable.
noncomputable section

namespace Hopfield

/-- The margin `μ_i = p_i (h_i(p) - θ_i)` of neuron `i` at the state `p`
(spec T8; pyref `margins`). -/
def margin {n : Nat} (W : Weights n) (θ : Thresholds n) (p : State n) (i : Fin n) : Int :=
  p.val i * (field W p i - θ i)

/-- `∑_{j ∈ D} |W_ij|` over the disagreement set `D = {j | s_j ≠ p_j}` (spec T8). -/
def flipCost {n : Nat} (W : Weights n) (p s : State n) (i : Fin n) : Int :=
  sumFin n (fun j => if s j = p j then 0 else ((W i j).natAbs : Int))

/-- The margin condition of T8: `μ_i > 2 ∑_{j ∈ D} |W_ij|` for every neuron `i` (spec T8). -/
def MarginHolds {n : Nat} (W : Weights n) (θ : Thresholds n) (p s : State n) : Prop :=
  ∀ i, 2 * flipCost W p s i < margin W θ p i

/-- The largest sum of at most `d` entries of a list of non-negative integers, i.e. the sum of
its `d` largest entries (spec T8). -/
def topSum : Nat → List Int → Int
  | 0, _ => 0
  | _ + 1, [] => 0
  | d + 1, x :: xs => max (x + topSum d xs) (topSum (d + 1) xs)

/-- Row `i` of `|W|`: `[|W_i0|, …, |W_i(n-1)|]` (spec T8). -/
def absRow {n : Nat} (W : Weights n) (i : Fin n) : List Int :=
  (List.finRange n).map (fun j => ((W i j).natAbs : Int))

/-- What T8 concludes for `p` and a radius `d`: `p` is a fixed point, and every state within
distance `d` of `p` goes to `p` in one synchronous step and under every asynchronous schedule
visiting each neuron where it differs from `p` (spec T8). -/
def RecallsWithin {n : Nat} (rule : TieRule) (W : Weights n) (θ : Thresholds n) (p : State n)
    (d : Nat) : Prop :=
  IsFixedPoint rule W θ p ∧ ∀ s : State n, hamming s p ≤ d →
    syncStep rule W θ s = p ∧
      ∀ l : List (Fin n), (∀ j, s j ≠ p j → j ∈ l) → runSchedule rule W θ s l = p

end Hopfield

end

end
