module

public import Hopfield.Boltzmann.Ergodic
public import Hopfield.Boltzmann.ZeroTemp

/-!
# Kernel-checked examples of the stochastic theorems (spec B1-B5)

Small Boltzmann machines with rational `q`, checked by `decide +kernel`, showing that the
theorems of `Hopfield.Boltzmann.*` are not vacuous and fixing the numbers `pyref` must
reproduce exactly (state order: index `k` has neuron `i = +1` iff bit `i` of `k` is set).

## Main definitions

* `Hopfield.BoltzmannExamples.W2`, `θ2`, `w2`: a 2-neuron machine `W = [[0,1],[1,0]]`,
  `θ = 0`, `q = 1/2`.
-/

@[expose] public section

noncomputable section

namespace Hopfield.BoltzmannExamples

/-- Weights `[[0,1],[1,0]]` of the 2-neuron example (spec B1-B5). -/
def W2 : Weights 2 := fun i j => if i = j then 0 else 1

/-- Zero thresholds of the 2-neuron example (spec B1-B5). -/
def θ2 : Thresholds 2 := fun _ => 0

/-- Boltzmann weights at `q = 1/2` of the 2-neuron example (spec B5). -/
def w2 : State 2 → Rat := boltzmannWeightsExact (1 / 2) W2 θ2

/-- The state `(-1, -1)`, index `0` (spec B1-B5). -/
def s0 : State 2 := fun _ => false

-- E = -s0 s1: energies [-1, 1, 1, -1] in state order [--, +-, -+, ++], E_min = -1
example : (allStates 2).map (energy W2 θ2) = [-1, 1, 1, -1] := by decide +kernel
example : minEnergy W2 θ2 = -1 := by decide +kernel
-- w = q^(E - E_min) = [1, 1/4, 1/4, 1]
example : (allStates 2).map w2 = [1, 1/4, 1/4, 1] := by decide +kernel
-- K_0 from (-,-): flip to (+,-) with w(+-)/(w(--)+w(+-)) = (1/4)/(5/4) = 1/5
example : (allStates 2).map (siteKernel w2 0 s0) = [4/5, 1/5, 0, 0] := by decide +kernel
-- random scan row of (-,-): (1/2)(K_0 + K_1) = [4/5, 1/10, 1/10, 0]
example : (allStates 2).map (randomScanKernel w2 s0) = [4/5, 1/10, 1/10, 0] := by decide +kernel

/-- B1 on every pair of states, for both site kernels and the random scan. -/
example : (allStates 2).all (fun s => (allStates 2).all (fun t =>
    decide (w2 s * randomScanKernel w2 s t = w2 t * randomScanKernel w2 t s) &&
    decide (w2 s * siteKernel w2 0 s t = w2 t * siteKernel w2 0 t s) &&
    decide (w2 s * siteKernel w2 1 s t = w2 t * siteKernel w2 1 t s))) = true := by decide +kernel

/-- B2: `π = w / ∑ w = [2/5, 1/10, 1/10, 2/5]` is stationary for the systematic scan. -/
example : (allStates 2).map (normalize w2) = [2/5, 1/10, 1/10, 2/5] := by decide +kernel
example : (allStates 2).map (act (normalize w2) (systematicScanKernel w2)) = [2/5, 1/10, 1/10, 2/5] := by
  decide +kernel

-- B3: δ = min w / ∑ w = (1/4) / (5/2) = 1/10; every sweep entry is ≥ δ^2 = 1/100.
-- Sweep from (-,-): K_0 gives (-,-) 4/5, (+,-) 1/5; then K_1 from (-,-): 4/5, 1/5 to (-,+),
-- from (+,-): (+,-) (1/4)/(5/4) = 1/5, (+,+) 4/5: [16/25, 1/25, 4/25, 4/25].
example : gibbsBound w2 = 1 / 10 := by decide +kernel
example : (allStates 2).map (systematicScanKernel w2 s0) = [16/25, 1/25, 4/25, 4/25] := by decide +kernel
example : (allStates 2).all (fun s => (allStates 2).all (fun t =>
    decide (1 / 100 ≤ systematicScanKernel w2 s t))) = true := by decide +kernel

/-- B4: from the point mass at `(-,-)`, one sweep is within `1 - α = 1 - 4/100 = 24/25` of
`π` (actual: `1/2 (|16-10| + |1-5/2| + |4-5/2| + |4-10|)/25 = 3/10`). -/
example : tvDistance (act (fun s => if s = s0 then 1 else 0) (kpow (systematicScanKernel w2) 1)) (normalize w2) = 3 / 10 ∧
    (3 / 10 : Rat) ≤ 1 - ((2 ^ 2 : Nat) : Rat) * gibbsBound w2 ^ 2 := by decide +kernel

/-- B5: at `q = 1/3` and `s = (-,-)`, `h_0 = -1 < 0 = θ_0`: `P(+1) = q^2/(1+q^2) = 1/10 ≤ q`. -/
example : gibbsPlusProbability (boltzmannWeightsExact (1 / 3) W2 θ2) 0 s0 = 1 / 10 := by decide +kernel

end Hopfield.BoltzmannExamples

end

end
