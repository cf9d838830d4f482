module

public import Hopfield.Boltzmann.ZeroTemp
public import Hopfield.Literal

/-!
# Literal weight tables (Boltzmann test-vector support)

The index of a state in the enumeration shared with `pyref` (neuron `i` is `+1` iff bit `i`
of the index is set), and weight functions given as tables in that order, the form in
which `pyref` emits the Boltzmann differential test vectors (spec T7, B1-B5).

## Main definitions

The definitions pyref mirrors are in `Hopfield.Spec.Boltzmann`.

## Main results

* `Hopfield.stateIndex_cons`: the index of `cons b r` is `[b] + 2 * index r`.
* Kernel-checked: `allStates n` lists the states in index order `0, 1, …, 2^n - 1` for
  `n ≤ 4` (the order `pyref.boltzmann.all_states` uses).
-/

@[expose] public section

noncomputable section

namespace Hopfield

/-- The index of `cons b r` is `[b] + 2 * index r` (spec T7). -/
theorem stateIndex_cons {n : Nat} (b : Bool) (r : State n) :
    stateIndex (State.cons b r) = (if b then 1 else 0) + 2 * stateIndex r := by
  simp only [stateIndex, State.cons_zero, State.tail_cons]

example : (allStates 0).map stateIndex = List.range 1 := by decide +kernel
example : (allStates 1).map stateIndex = List.range 2 := by decide +kernel
example : (allStates 2).map stateIndex = List.range 4 := by decide +kernel
example : (allStates 3).map stateIndex = List.range 8 := by decide +kernel
example : (allStates 4).map stateIndex = List.range 16 := by decide +kernel

end Hopfield

end

end
