module

public import Init

/-!
# The classical Hopfield network: definitions (spec conventions, T1-T5, T7)

The executable specification that `pyref.classical` mirrors, and nothing else: no
theorems here (they import this file). Everything is kernel-evaluable, so concrete cases are
checked by `decide +kernel` (spec T7).

Conventions (spec "Shared conventions"): a state of `n` neurons is `Fin n → Bool`, `true`
standing for `+1` and `false` for `-1`; weights `W : Fin n → Fin n → Int`, thresholds
`θ : Fin n → Int`; local field `h_i(s) = ∑_j W i j * s_j`; update of neuron `i`: `+1` if
`h_i > θ_i`, `-1` if `h_i < θ_i`, and on a tie keep `s_i` (`TieRule.keep`, the default) or
take `+1` (`TieRule.plus`); energy `E(s) = -∑_{i<j} W i j s_i s_j + ∑_i θ_i s_i`.

## Main definitions

* `Hopfield.State`
* `Hopfield.Weights`
* `Hopfield.Thresholds`
* `Hopfield.spin`
* `Hopfield.State.val`
* `Hopfield.State.toList`
* `Hopfield.State.set`
* `Hopfield.sumFin`
* `Hopfield.field`
* `Hopfield.TieRule`
* `Hopfield.updateValue`
* `Hopfield.energy`
* `Hopfield.asyncStep`
* `Hopfield.runSchedule`
* `Hopfield.sweep`
* `Hopfield.syncStep`
* `Hopfield.IsFixedPoint`
* `Hopfield.hamming`
* `Hopfield.State.ofList`
* `Hopfield.Weights.ofLists`
* `Hopfield.Thresholds.ofList`
* `Hopfield.trajectory`
-/

@[expose] public section

-- The wasm toolchain cannot generate code for definitions that call library functions with
-- auxiliary compiled parts (see README, "Offline toolchain"); the specification is evaluated
-- by the kernel (`decide +kernel`), so all definitions are noncomputable.
noncomputable section

namespace Hopfield

/-- A state of `n` neurons: `true` is the spin `+1`, `false` is `-1` (spec conventions). -/
abbrev State (n : Nat) := Fin n → Bool

/-- Integer weights `W i j` (symmetric with zero diagonal where the theory needs it). -/
abbrev Weights (n : Nat) := Fin n → Fin n → Int

/-- Integer thresholds `θ i`. -/
abbrev Thresholds (n : Nat) := Fin n → Int

/-- The spin of a bit: `+1` for `true`, `-1` for `false`. -/
def spin (b : Bool) : Int := if b then 1 else -1

/-- The spin `s_i ∈ {-1, +1}` of neuron `i` in state `s` (spec conventions). -/
def State.val {n : Nat} (s : State n) (i : Fin n) : Int := spin (s i)

/-- The state as a list of spins `[s_0, …, s_{n-1}]`, the form test vectors compare. -/
def State.toList {n : Nat} (s : State n) : List Int := (List.finRange n).map s.val

/-- `s` with neuron `i` set to `b`: `s^{i+}` for `b = true`, `s^{i-}` for `b = false`
(spec T1, T6, B1). -/
def State.set {n : Nat} (s : State n) (i : Fin n) (b : Bool) : State n :=
  fun j => if j = i then b else s j

/-- `∑_{i < n} f i`, by recursion on `n` (first term `f 0`), kernel-evaluable. -/
def sumFin : (n : Nat) → (Fin n → Int) → Int
  | 0, _ => 0
  | n + 1, f => f 0 + sumFin n (fun i => f i.succ)

/-- Local field `h_i(s) = ∑_j W i j * s_j` (spec conventions; pyref `field`). -/
def field {n : Nat} (W : Weights n) (s : State n) (i : Fin n) : Int :=
  sumFin n (fun j => W i j * s.val j)

/-- How a tie `h_i = θ_i` is resolved: keep `s_i` (the default) or take `+1`. -/
inductive TieRule where
  /-- `s_i` unchanged on a tie (the project's default, spec T1). -/
  | keep
  /-- `+1` on a tie (what most libraries do). -/
  | plus
  deriving DecidableEq, Repr

/-- The new bit of neuron `i` given its field `h`, threshold `t` and old bit `b`:
`+1` if `h > t`, `-1` if `h < t`, tie by `rule` (spec conventions; pyref `update_value`). -/
def updateValue (rule : TieRule) (h t : Int) (b : Bool) : Bool :=
  if t < h then true
  else if h < t then false
  else match rule with
    | .keep => b
    | .plus => true

/-- Energy `E(s) = -∑_{i<j} W i j s_i s_j + ∑_i θ_i s_i` (spec conventions; pyref `energy`). -/
def energy {n : Nat} (W : Weights n) (θ : Thresholds n) (s : State n) : Int :=
  -(sumFin n (fun i => sumFin n (fun j =>
      if i.val < j.val then W i j * s.val i * s.val j else 0)))
    + sumFin n (fun i => θ i * s.val i)

/-- Asynchronous step at neuron `i`: only `s_i` changes, to the updated bit
(spec conventions; pyref `async_step`). -/
def asyncStep {n : Nat} (rule : TieRule) (W : Weights n) (θ : Thresholds n) (s : State n)
    (i : Fin n) : State n :=
  fun j => if j = i then updateValue rule (field W s i) (θ i) (s i) else s j

/-- Run asynchronous steps along a schedule, a list of neuron indices (pyref `run_schedule`). -/
def runSchedule {n : Nat} (rule : TieRule) (W : Weights n) (θ : Thresholds n) :
    State n → List (Fin n) → State n
  | s, [] => s
  | s, i :: is => runSchedule rule W θ (asyncStep rule W θ s i) is

/-- One cyclic sweep: asynchronous steps at `0, 1, …, n-1` in order (pyref `sweep`). -/
def sweep {n : Nat} (rule : TieRule) (W : Weights n) (θ : Thresholds n) (s : State n) :
    State n :=
  runSchedule rule W θ s (List.finRange n)

/-- Synchronous step: every neuron updated from the same old state (pyref `sync_step`). -/
def syncStep {n : Nat} (rule : TieRule) (W : Weights n) (θ : Thresholds n) (s : State n) :
    State n :=
  fun i => updateValue rule (field W s i) (θ i) (s i)

/-- `s` is a fixed point: no asynchronous step changes it (spec T2). -/
def IsFixedPoint {n : Nat} (rule : TieRule) (W : Weights n) (θ : Thresholds n) (s : State n) :
    Prop :=
  ∀ i, asyncStep rule W θ s i = s

/-- Hamming distance: the number of neurons where `s` and `t` differ (spec conventions). -/
def hamming {n : Nat} (s t : State n) : Nat :=
  ((List.finRange n).filter (fun i => s i != t i)).length

/-- The state whose neuron `i` is `+1` iff entry `i` of `l` is `1` (missing entries: `-1`)
(spec T7). -/
def State.ofList {n : Nat} (l : List Int) : State n := fun i => l.getD i.val 0 == 1

/-- Weights read row by row from nested lists (missing entries: `0`) (spec T7). -/
def Weights.ofLists {n : Nat} (rows : List (List Int)) : Weights n :=
  fun i j => (rows.getD i.val []).getD j.val 0

/-- Thresholds read from a list (missing entries: `0`) (spec T7). -/
def Thresholds.ofList {n : Nat} (l : List Int) : Thresholds n := fun i => l.getD i.val 0

/-- The states visited by asynchronous steps along a schedule: the start state, then the
state after each step (spec T7; pyref `trajectory`). -/
def trajectory {n : Nat} (rule : TieRule) (W : Weights n) (θ : Thresholds n) :
    State n → List (Fin n) → List (State n)
  | s, [] => [s]
  | s, i :: is => s :: trajectory rule W θ (asyncStep rule W θ s i) is

end Hopfield

end

end
