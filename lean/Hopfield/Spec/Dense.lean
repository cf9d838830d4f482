module

public import Hopfield.Spec.Classical

/-!
# Dense associative memories: definitions (spec T6)

The polynomial-interaction dense memory that `pyref.dense` mirrors:
`E(s) = -∑_k F(p_k · s)` with `F(x) = x^a`, asynchronous updates that take the lower of the
two energies, sweeps. Theorems in `Hopfield.DenseSpec` and `Hopfield.Dense`.

## Main definitions

* `Hopfield.overlap`
* `Hopfield.denseEnergy`
* `Hopfield.State.set`
* `Hopfield.denseStep`
* `Hopfield.denseRun`
* `Hopfield.denseSweep`
* `Hopfield.denseSweeps`
* `Hopfield.IsDenseFixedPoint`
* `Hopfield.denseChanges`
-/

@[expose] public section

-- The wasm toolchain cannot generate code for definitions that call library functions with
-- auxiliary compiled parts (see README, "Offline toolchain"); the specification is evaluated
-- by the kernel (`decide +kernel`), so all definitions are noncomputable.
noncomputable section

namespace Hopfield

/-- The overlap `p · s = ∑_i p_i s_i` of two states (spec T3, T4, T6; pyref `overlap`). -/
def overlap {n : Nat} (p s : State n) : Int := sumFin n (fun i => p.val i * s.val i)

/-- Dense associative memory energy `E(s) = -∑_μ (ξ_μ · s) ^ a` for the patterns `ps`
(spec T6; pyref `dense_energy`). -/
def denseEnergy {n : Nat} (a : Nat) (ps : List (State n)) (s : State n) : Int :=
  -((ps.map (fun p => (overlap p s) ^ a)).sum)

/-- One asynchronous step of the dense associative memory at neuron `i`: neuron `i` takes the
value of strictly lower energy, and keeps `s_i` on a tie (spec T6; pyref `dense_step`). -/
def denseStep {n : Nat} (a : Nat) (ps : List (State n)) (s : State n) (i : Fin n) :
    State n :=
  s.set i
    (if denseEnergy a ps (s.set i true) < denseEnergy a ps (s.set i false) then true
     else if denseEnergy a ps (s.set i false) < denseEnergy a ps (s.set i true) then false
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

end Hopfield

end

end
