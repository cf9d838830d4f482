module

public import Hopfield.Spec.Classical

/-!
# Capacity: definitions (spec T9)

The crosstalk of a pattern list and the exact tail of a sum of `N` uniform signs that
`pyref.capacity` mirrors, over the finite uniform space of pattern lists. Theorems in
`Hopfield.Data.SignSum` and `Hopfield.Thm.Capacity*`.

## Main definitions

* `Hopfield.signSum`
* `Hopfield.pattern`
* `Hopfield.crossTerm`
* `Hopfield.crosstalk`
* `Hopfield.signSumTail`
-/

@[expose] public section

-- The wasm toolchain cannot generate code for definitions that call library functions with
-- auxiliary compiled parts (see README, "Offline toolchain"); the specification is evaluated
-- by the kernel (`decide +kernel`), so all definitions are noncomputable.
noncomputable section

namespace Hopfield

/-- `signSum N F = ∑_{σ ∈ {±1}^N} F (σ_1 + … + σ_N)`, the law of a sum of `N` independent
uniform signs, unnormalised (total mass `2^N`), by recursion on `N` (spec T9). -/
def signSum : Nat → (Int → Rat) → Rat
  | 0, F => F 0
  | N + 1, F => signSum N (fun x => F (x + 1)) + signSum N (fun x => F (x - 1))

/-- The pattern `p^k` at position `k` of the list (the all-`+1` state past its end)
(spec T9). -/
def pattern {n : Nat} (ps : List (State n)) (k : Nat) : State n := ps.getD k (fun _ => true)

/-- One pattern's crosstalk at neuron `i` of pattern `p`:
`∑_{j ≠ i} (p_i q_i)(q_j p_j)` (spec T9). -/
def crossTerm {n : Nat} (p q : State n) (i : Fin n) : Int :=
  sumFin n (fun j => if j = i then 0 else p.val i * q.val i * (q.val j * p.val j))

/-- The crosstalk at `(k, i)`: `C = ∑_{l ≠ k} ∑_{j ≠ i} (p^k_i p^l_i)(p^l_j p^k_j)`
(spec T9). -/
def crosstalk {n : Nat} (ps : List (State n)) (k : Nat) (i : Fin n) : Int :=
  ((ps.eraseIdx k).map (fun q => crossTerm (pattern ps k) q i)).sum

/-- The unnormalised tail `∑_{σ ∈ {±1}^N} [σ_1 + … + σ_N ≤ -t]` of a sum of `N` uniform
signs (spec T9). -/
def signSumTail (N : Nat) (t : Int) : Rat := signSum N (fun x => if x ≤ -t then 1 else 0)

end Hopfield

end

end
