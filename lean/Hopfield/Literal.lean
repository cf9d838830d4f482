module

public import Hopfield.Basic

/-!
# Literal networks and trajectories (test-vector support)

Networks written as integer lists, the form in which `pyref` emits differential test vectors
(spec T7, `pyref/vectors.py`), and the trajectory of an asynchronous schedule.

## Main definitions

The definitions pyref mirrors are in `Hopfield.Spec.Classical`.

## Main results

* `Hopfield.State.toList_ofList`: reading back a `±1` list gives the list.
* `Hopfield.trajectory_getLast`: the last state of the trajectory is `runSchedule`'s result.
* `Hopfield.length_trajectory`: one state per step, plus the start.
-/

@[expose] public section

noncomputable section

namespace Hopfield

/-- A trajectory has one state per step plus the start state (spec T7). -/
theorem length_trajectory {n : Nat} (rule : TieRule) (W : Weights n) (θ : Thresholds n)
    (s : State n) (sched : List (Fin n)) :
    (trajectory rule W θ s sched).length = sched.length + 1 := by
  induction sched generalizing s with
  | nil => rfl
  | cons i is ih => simp [trajectory, ih]

/-- The last state of a trajectory is the result of `runSchedule` (spec T7). -/
theorem trajectory_getLast {n : Nat} (rule : TieRule) (W : Weights n) (θ : Thresholds n)
    (s : State n) (sched : List (Fin n)) :
    (trajectory rule W θ s sched).getLast? = some (runSchedule rule W θ s sched) := by
  induction sched generalizing s with
  | nil => rfl
  | cons i is ih =>
    cases is with
    | nil => rfl
    | cons j js =>
      simp only [trajectory] at ih ⊢
      rw [List.getLast?_cons_cons]
      exact ih (asyncStep rule W θ s i)

/-- Reading back the spins of a state built from a `±1` list gives the list (spec T7). -/
theorem State.toList_ofList {n : Nat} (l : List Int) (hl : l.length = n)
    (hpm : ∀ x ∈ l, x = 1 ∨ x = -1) : (State.ofList l : State n).toList = l := by
  subst hl
  apply List.ext_getElem
  · simp [State.toList]
  · intro k h1 h2
    have hk : k < l.length := h2
    have hx := hpm (l[k]) (List.getElem_mem hk)
    have hget : l[k]?.getD 0 = l[k] := by simp [hk]
    simp only [State.toList, List.getElem_map, List.getElem_finRange, State.val, spin,
      State.ofList, List.getD_eq_getElem?_getD]
    rcases hx with hx | hx <;> simp [hget, hx]

example : (trajectory .keep exW exθ exS [0, 1, 2]).map State.toList =
    [[1, -1, 1], [-1, -1, 1], [-1, 1, 1], [-1, 1, 1]] := by decide +kernel

end Hopfield

end

end
