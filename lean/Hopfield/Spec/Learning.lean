module

public import Hopfield.Spec.Classical

/-!
# Hebbian learning: definitions (spec T3, T4)

The Hebbian rule that `pyref.learning.hebbian` mirrors; its theorems are in
`Hopfield.Basic`, `Hopfield.Hebbian` and `Hopfield.ErrorCorrection`.

## Main definitions

* `Hopfield.hebbian`
-/

@[expose] public section

-- The wasm toolchain cannot generate code for definitions that call library functions with
-- auxiliary compiled parts (see README, "Offline toolchain"); the specification is evaluated
-- by the kernel (`decide +kernel`), so all definitions are noncomputable.
noncomputable section

namespace Hopfield

/-- Hebbian weights `W = ∑_k p_k p_kᵀ - m I` for patterns `ps` (spec T3; pyref `hebbian`). -/
def hebbian {n : Nat} (ps : List (State n)) : Weights n :=
  fun i j => (ps.map (fun p => p.val i * p.val j)).sum - if i = j then (ps.length : Int) else 0

end Hopfield

end

end
