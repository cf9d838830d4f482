module

public import Hopfield.Basic

/-!
# Dense associative memory: definitions

The dense associative memory (Krotov–Hopfield) with polynomial interaction `F(x) = x ^ a`
(spec T6), and the overlap `p · s` of two states used by the Hebbian theorems (spec T3, T4).
The Python reference mirrors these definitions exactly.

* overlap `p · s = ∑_i p_i s_i`;
* energy `E(s) = -∑_μ (ξ_μ · s) ^ a` for the stored patterns `ξ_μ`;
* an asynchronous step at `i` gives neuron `i` the value of lower energy, keeping `s_i` on a
  tie (the "keep" rule of the spec conventions).

## Main definitions

* `Hopfield.overlap`: the overlap `p · s` of two states
* `Hopfield.denseEnergy`: the energy `-∑_μ (ξ_μ · s) ^ a`
* `Hopfield.setBit`: the state with neuron `i` set to a given bit
* `Hopfield.denseStep`: one asynchronous step of the dense network
* `Hopfield.denseRun`, `Hopfield.denseSweep`, `Hopfield.denseSweeps`: steps along a schedule,
  one cyclic sweep, and `k` cyclic sweeps
* `Hopfield.IsDenseFixedPoint`: no dense step changes the state
* `Hopfield.denseChanges`: the number of state-changing steps along a schedule

## Main results

* `Hopfield.setBit_self`, `Hopfield.setBit_other`: what `setBit` does.
* Kernel-checked examples of the dense energy and step on 4 neurons.
-/

@[expose] public section

noncomputable section

namespace Hopfield

/-- The overlap `p · s = ∑_i p_i s_i` of two states (spec T3, T4, T6; pyref `overlap`). -/
def overlap {n : Nat} (p s : State n) : Int := sumFin n (fun i => p.val i * s.val i)

/-- Dense associative memory energy `E(s) = -∑_μ (ξ_μ · s) ^ a` for the patterns `ps`
(spec T6; pyref `dense_energy`). -/
def denseEnergy {n : Nat} (a : Nat) (ps : List (State n)) (s : State n) : Int :=
  -((ps.map (fun p => (overlap p s) ^ a)).sum)

/-- The state `s` with neuron `i` set to the bit `b` (spec T6). -/
def setBit {n : Nat} (s : State n) (i : Fin n) (b : Bool) : State n :=
  fun j => if j = i then b else s j

/-- One asynchronous step of the dense associative memory at neuron `i`: neuron `i` takes the
value of strictly lower energy, and keeps `s_i` on a tie (spec T6; pyref `dense_step`). -/
def denseStep {n : Nat} (a : Nat) (ps : List (State n)) (s : State n) (i : Fin n) :
    State n :=
  setBit s i
    (if denseEnergy a ps (setBit s i true) < denseEnergy a ps (setBit s i false) then true
     else if denseEnergy a ps (setBit s i false) < denseEnergy a ps (setBit s i true) then false
     else s i)

/-- Dense steps along a schedule of neuron indices (spec T6; pyref `dense_run`). -/
def denseRun {n : Nat} (a : Nat) (ps : List (State n)) : State n → List (Fin n) → State n
  | s, [] => s
  | s, i :: is => denseRun a ps (denseStep a ps s i) is

/-- One cyclic sweep of dense steps at `0, 1, …, n-1` (spec T6; pyref `dense_sweep`). -/
def denseSweep {n : Nat} (a : Nat) (ps : List (State n)) (s : State n) : State n :=
  denseRun a ps s (List.finRange n)

/-- `k` cyclic sweeps of dense steps (spec T6). -/
def denseSweeps {n : Nat} (a : Nat) (ps : List (State n)) : Nat → State n → State n
  | 0, s => s
  | k + 1, s => denseSweeps a ps k (denseSweep a ps s)

/-- `s` is a fixed point of the dense dynamics: no step changes it (spec T6). -/
def IsDenseFixedPoint {n : Nat} (a : Nat) (ps : List (State n)) (s : State n) : Prop :=
  ∀ i, denseStep a ps s i = s

/-- The number of state-changing dense steps along a schedule (a step at `i` changes the state
exactly when it changes neuron `i`) (spec T6). -/
def denseChanges {n : Nat} (a : Nat) (ps : List (State n)) : State n → List (Fin n) → Nat
  | _, [] => 0
  | s, i :: is =>
    (if denseStep a ps s i i = s i then 0 else 1) + denseChanges a ps (denseStep a ps s i) is

/-- `setBit s i b` has bit `b` at neuron `i` (spec T6). -/
theorem setBit_self {n : Nat} (s : State n) (i : Fin n) (b : Bool) : setBit s i b i = b := by
  simp [setBit]

/-- `setBit s i b` leaves every other neuron unchanged (spec T6). -/
theorem setBit_other {n : Nat} (s : State n) {i j : Fin n} (b : Bool) (h : j ≠ i) :
    setBit s i b j = s j := by
  simp [setBit, h]

/-! ### Kernel-checked examples -/

/-- Example patterns on 4 neurons: `ξ_1 = [+,+,+,+]`, `ξ_2 = [+,-,+,-]`. -/
def exDensePs : List (State 4) :=
  [fun _ => true, fun i => [true, false, true, false].getD i.val false]

/-- Example probe `[+,+,+,-]`. -/
def exDenseS : State 4 := fun i => [true, true, true, false].getD i.val false

-- overlaps: ξ_1 · s = 1+1+1-1 = 2, ξ_2 · s = 1-1+1+1 = 2; a = 3: E = -(8 + 8) = -16
example : denseEnergy 3 exDensePs exDenseS = -16 := by decide +kernel
-- step at neuron 3: setting +1 gives overlaps 4, 0 and E = -64; -1 gives E = -16: take +1
example : (denseStep 3 exDensePs exDenseS 3).toList = [1, 1, 1, 1] := by decide +kernel
-- step at neuron 1: +1 gives E = -16 (current); -1 gives overlaps 0, 4, E = -64: take -1
example : (denseStep 3 exDensePs exDenseS 1).toList = [1, -1, 1, -1] := by decide +kernel
example : (denseSweep 3 exDensePs exDenseS).toList = [1, -1, 1, -1] := by decide +kernel
-- the sweep changes only neuron 1 (neuron 3 then already agrees with the lower energy)
example : denseChanges 3 exDensePs exDenseS (List.finRange 4) = 1 := by decide +kernel

end Hopfield

end

end
