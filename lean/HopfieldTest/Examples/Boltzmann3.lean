module

public import Hopfield.Boltzmann.Ergodic
public import Hopfield.Boltzmann.ZeroTemp

/-!
# Kernel-checked examples on a 3-neuron Boltzmann machine (spec B1-B5)

The 3-neuron network of `Hopfield.Basic` (`W = [[0,1,-2],[1,0,3],[-2,3,0]]`, `θ = [0,1,0]`)
at `q = 1/3`, checked by `decide +kernel` (state order: index `k` has neuron `i = +1` iff
bit `i` of `k` is set).

## Main definitions

* `Hopfield.BoltzmannExamples.w3`: its Boltzmann weights `q^(E + 5)`, `E_min = -5`.
-/

@[expose] public section

noncomputable section

namespace Hopfield.BoltzmannExamples

-- E(s) = -(s0 s1 - 2 s0 s2 + 3 s1 s2) + s1; e.g. (-,-,-): -(1 - 2 + 3) - 1 = -3,
-- (+,-,-): -(-1 + 2 + 3) - 1 = -5, (-,+,-): -(-1 - 2 - 3) + 1 = 7.
example : (allStates 3).map (energy exW exθ) = [-3, -5, 7, 1, -1, 5, -3, -1] := by
  decide +kernel
example : minEnergy exW exθ = -5 := by decide +kernel

/-- The Boltzmann weights of the 3-neuron example at `q = 1/3`, with `E_min = -5` inlined
(spec B5). -/
def w3 : State 3 → Rat := fun s => (1 / 3) ^ (energy exW exθ s + 5).toNat

/-- `w3` is `boltzmannWeightsExact (1/3)` of the example network (spec B5). -/
theorem w3_eq : w3 = boltzmannWeightsExact (1 / 3) exW exθ := by
  have h : minEnergy exW exθ = -5 := by decide +kernel
  funext s
  simp only [w3, boltzmannWeightsExact, h]
  rfl

-- exponents E - E_min = [2, 0, 12, 6, 4, 10, 2, 4]
example : (allStates 3).map w3 =
    [1/9, 1, 1/531441, 1/729, 1/81, 1/59049, 1/9, 1/81] := by decide +kernel

/-- B1 for the random scan on all 64 pairs of states. -/
example : (allStates 3).all (fun s => (allStates 3).all (fun t =>
    decide (w3 s * randomScanKernel w3 s t = w3 t * randomScanKernel w3 t s))) = true := by decide +kernel

/-- B2: `w3` is stationary for the site kernel `K_1`, unnormalised. -/
example : (allStates 3).map (act w3 (siteKernel w3 1)) = (allStates 3).map w3 := by
  decide +kernel

/-- B3/B4: the sweep entry from `(-,-,-)` to `(+,+,+)` is at least `δ^3`, `δ = min w / ∑ w`. -/
example : gibbsBound w3 ^ 3 ≤ systematicScanKernel w3 (fun _ => false) (fun _ => true) := by decide +kernel

/-- B5 at `s = (+,-,+)`: fields `h = [-3, 4, -5]`, `θ = [0, 1, 0]`; the Gibbs `+1`
probabilities are within `q = 1/3` of the deterministic update `[0, 1, 0]`. -/
example : (List.finRange 3).all (fun i =>
    decide (qabs (gibbsPlusProbability w3 i exS - bitQ (updateValue .keep (field exW exS i) (exθ i) (exS i)))
      ≤ 1 / 3)) = true := by decide +kernel

end Hopfield.BoltzmannExamples

end

end
