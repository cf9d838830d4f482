module

public import Hopfield.Basic
public import Hopfield.Spec.Dense

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

The definitions pyref mirrors are in `Hopfield.Spec.Dense`.

## Main results

* `Hopfield.State.set_self`, `Hopfield.State.set_ne`: what `State.set` does.
* Kernel-checked examples of the dense energy and step on 4 neurons.
-/

@[expose] public section

noncomputable section

namespace Hopfield

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
