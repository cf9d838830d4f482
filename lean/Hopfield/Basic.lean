module

public import Init

/-!
# Basic definitions of a classical Hopfield network

The executable specification shared by the Lean proofs and the Python reference `pyref`
(see `pyref/classical.py`). Everything here is kernel-evaluable, so concrete cases are
checked by `decide +kernel` (spec id T7).

Conventions (spec "Shared conventions"):
* a state of `n` neurons is `Fin n → Bool`, `true` standing for `+1` and `false` for `-1`;
  `State.val s i : Int` is the spin `±1`;
* weights `W : Fin n → Fin n → Int`, thresholds `θ : Fin n → Int`;
* local field `h_i(s) = ∑_j W i j * s_j`;
* update of neuron `i`: `+1` if `h_i > θ_i`, `-1` if `h_i < θ_i`, and on a tie
  `h_i = θ_i` either keep `s_i` (`TieRule.keep`, the default) or take `+1` (`TieRule.plus`);
* energy `E(s) = -∑_{i<j} W i j s_i s_j + ∑_i θ_i s_i`;
* asynchronous step at `i`, cyclic sweep, schedules, synchronous step;
* Hebbian weights `W = ∑_k p_k p_kᵀ - m I` and Hamming distance.

## Main definitions

* `Hopfield.State`, `Hopfield.State.val`, `Hopfield.Weights`, `Hopfield.Thresholds`
* `Hopfield.sumFin`: the sum `∑_{i < n} f i` used everywhere
* `Hopfield.field`, `Hopfield.updateBit`, `Hopfield.energy`
* `Hopfield.asyncStep`, `Hopfield.runSchedule`, `Hopfield.sweep`, `Hopfield.syncStep`
* `Hopfield.IsFixedPoint`, `Hopfield.hebbian`, `Hopfield.hamming`, `Hopfield.State.toList`

## Main results

* `Hopfield.asyncStep_other`, `Hopfield.asyncStep_self`: a step changes only neuron `i`.
* `Hopfield.State.val_sq`: `s_i * s_i = 1`.
* `Hopfield.hebbian_diag`, `Hopfield.hebbian_symm`: Hebbian weights have zero diagonal and
  are symmetric.
* Kernel-checked examples on a 3-neuron network.
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
def updateBit (rule : TieRule) (h t : Int) (b : Bool) : Bool :=
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
  fun j => if j = i then updateBit rule (field W s i) (θ i) (s i) else s j

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
  fun i => updateBit rule (field W s i) (θ i) (s i)

/-- `s` is a fixed point: no asynchronous step changes it (spec T2). -/
def IsFixedPoint {n : Nat} (rule : TieRule) (W : Weights n) (θ : Thresholds n) (s : State n) :
    Prop :=
  ∀ i, asyncStep rule W θ s i = s

/-- Hebbian weights `W = ∑_k p_k p_kᵀ - m I` for patterns `ps` (spec T3; pyref `hebbian`). -/
def hebbian {n : Nat} (ps : List (State n)) : Weights n :=
  fun i j => (ps.map (fun p => p.val i * p.val j)).sum - if i = j then (ps.length : Int) else 0

/-- Hamming distance: the number of neurons where `s` and `t` differ (spec conventions). -/
def hamming {n : Nat} (s t : State n) : Nat :=
  ((List.finRange n).filter (fun i => s i != t i)).length

/-- A spin squares to one. -/
theorem spin_mul_self (b : Bool) : spin b * spin b = 1 := by
  cases b <;> decide

/-- `s_i * s_i = 1` for every state and neuron. -/
theorem State.val_sq {n : Nat} (s : State n) (i : Fin n) : s.val i * s.val i = 1 :=
  spin_mul_self (s i)

/-- An asynchronous step at `i` leaves every other neuron unchanged. -/
theorem asyncStep_other {n : Nat} (rule : TieRule) (W : Weights n) (θ : Thresholds n)
    (s : State n) {i j : Fin n} (h : j ≠ i) : asyncStep rule W θ s i j = s j := by
  simp [asyncStep, h]

/-- An asynchronous step at `i` sets neuron `i` to its updated bit. -/
theorem asyncStep_self {n : Nat} (rule : TieRule) (W : Weights n) (θ : Thresholds n)
    (s : State n) (i : Fin n) :
    asyncStep rule W θ s i i = updateBit rule (field W s i) (θ i) (s i) := by
  simp [asyncStep]

/-- Hebbian weights have zero diagonal (spec T3). -/
theorem hebbian_diag {n : Nat} (ps : List (State n)) (i : Fin n) : hebbian ps i i = 0 := by
  unfold hebbian
  induction ps with
  | nil => simp
  | cons p ps ih =>
    simp only [List.map_cons, List.sum_cons, State.val_sq, if_true, List.length_cons] at ih ⊢
    omega

/-- Hebbian weights are symmetric (spec T3). -/
theorem hebbian_symm {n : Nat} (ps : List (State n)) (i j : Fin n) :
    hebbian ps i j = hebbian ps j i := by
  unfold hebbian
  have hm : (ps.map (fun p => p.val i * p.val j)) = ps.map (fun p => p.val j * p.val i) := by
    apply List.map_congr_left
    intro p _
    exact Int.mul_comm _ _
  rw [hm]
  by_cases h : i = j
  · simp [h]
  · have h' : ¬ j = i := fun e => h e.symm
    simp [h, h']

/-! ### Kernel-checked examples (T7): a 3-neuron net -/

/-- A 3-neuron example network: `W = [[0,1,-2],[1,0,3],[-2,3,0]]`. -/
def exW : Weights 3 := fun i j =>
  [[0, 1, -2], [1, 0, 3], [-2, 3, 0]].getD i.val [] |>.getD j.val 0

/-- Thresholds `[0, 1, 0]` of the example. -/
def exθ : Thresholds 3 := fun i => [0, 1, 0].getD i.val 0

/-- The state `[+1, -1, +1]`. -/
def exS : State 3 := fun i => [true, false, true].getD i.val false

example : exS.toList = [1, -1, 1] := by decide +kernel
-- h = W s = [0 - 1 - 2, 1 + 0 + 3, -2 - 3 + 0] = [-3, 4, -5]
example : (List.finRange 3).map (field exW exS) = [-3, 4, -5] := by decide +kernel
-- E = -(1*1*(-1) + (-2)*1*1 + 3*(-1)*1) + (0*1 + 1*(-1) + 0*1) = -(-6) - 1 = 5
example : energy exW exθ exS = 5 := by decide +kernel
example : (asyncStep .keep exW exθ exS 0).toList = [-1, -1, 1] := by decide +kernel
example : (syncStep .keep exW exθ exS).toList = [-1, 1, -1] := by decide +kernel
example : (sweep .keep exW exθ exS).toList = [-1, 1, 1] := by decide +kernel
example : hamming exS (syncStep .keep exW exθ exS) = 3 := by decide +kernel

end Hopfield

end

end
