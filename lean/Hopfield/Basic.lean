module

public import Hopfield.Spec.Learning

/-!
# Basic facts about the classical Hopfield network

First facts about the definitions of `Hopfield.Spec.Classical` (states, fields, updates,
energy, steps, schedules, sweeps, Hamming distance; see that file for the conventions) and
`Hopfield.Spec.Learning` (the Hebbian rule), and kernel-checked examples on a 3-neuron
network (spec T7).

## Main definitions

The definitions pyref mirrors are in `Hopfield.Spec.Classical` and `Hopfield.Spec.Learning`.

## Main results

* `Hopfield.asyncStep_other`, `Hopfield.asyncStep_self`: a step changes only neuron `i`.
* `Hopfield.State.val_sq`: `s_i * s_i = 1`.
* `Hopfield.State.set_self`, `Hopfield.State.set_ne`, `Hopfield.State.set_self_eq`: what
  `State.set` does.
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

/-- Neuron `i` of `s.set i b` is `b` (spec T1, T6, B1). -/
theorem State.set_self {n : Nat} (s : State n) (i : Fin n) (b : Bool) : s.set i b i = b := by
  simp [State.set]

/-- `s.set i b` equals `s` at every neuron `j ≠ i` (spec T1, T6, B1). -/
theorem State.set_ne {n : Nat} (s : State n) {i j : Fin n} (b : Bool) (h : j ≠ i) :
    s.set i b j = s j := by
  simp [State.set, h]

/-- A state is its own modification by its own bit (spec T1, T6, B1). -/
theorem State.set_self_eq {n : Nat} (s : State n) (i : Fin n) : s.set i (s i) = s := by
  funext j
  by_cases hj : j = i
  · subst hj; simp [State.set_self]
  · simp [State.set_ne _ _ hj]

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
    asyncStep rule W θ s i i = updateValue rule (field W s i) (θ i) (s i) := by
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
