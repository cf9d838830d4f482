module

public import Hopfield.Thm.RbmGibbs
public import Hopfield.Boltzmann.Literal

/-!
# Kernel-checked examples of the RBM block Gibbs sampler (spec B7)

An RBM with one visible and two hidden units, `W = [[1, -1]]`, `θ_v = [0]`, `θ_h = [1, 0]`,
at `q = 1/2`. The literal numbers below are computed by `pyref.rbm_exact` from the product
form of the conditionals (independent hidden units, `P(h_j = +1 | v) = 1/(1 + q^(2 x_j))`),
and checked here by `decide +kernel` against the Lean definitions (the block conditional
`w t / Z_B(s)` of the joint law), so the two constructions agree on this machine
(`tests/test_B7_rbm_block_gibbs.py` regenerates the numbers and compares them with this
file). State order: index `k` has unit `i = +1` iff bit `i` of `k` is set; unit `0` is
the visible one.

## Main definitions

* `Hopfield.RbmExamples.W`, `θv`, `θh`: the machine.
* `Hopfield.RbmExamples.wL`: its weights `q^(E - E_min)` as a literal table.
-/

@[expose] public section

noncomputable section

namespace Hopfield.RbmExamples

/-- Couplings `W = [[1, -1]]` of the example RBM (spec B7). -/
def W : Fin 1 → Fin 2 → Int := fun _ j => if j.val = 0 then 1 else -1

/-- Visible thresholds `[0]` (spec B7). -/
def θv : Fin 1 → Int := fun _ => 0

/-- Hidden thresholds `[1, 0]` (spec B7). -/
def θh : Fin 2 → Int := fun j => if j.val = 0 then 1 else 0

/-- The weights `q^(E - E_min)` at `q = 1/2` as a literal table (spec B7). -/
def wL : State 3 → Rat := weightsOfList [1/4, 1/4, 1/64, 1/4, 1, 1/16, 1/16, 1/16]

/-- The start state `(v, h) = (-1, -1, -1)`, index `0` (spec B7). -/
def s0 : State 3 := fun _ => false

/-- The start state of index `5`: `v = +1`, `h = (-1, +1)` (spec B7). -/
def s5 : State 3 := fun i => i.val ≠ 1

/-- vector: weights -/
example : (allStates 3).map (rbmW (1 / 2) W θv θh) =
    [1/4, 1/4, 1/64, 1/4, 1, 1/16, 1/16, 1/16] := by decide +kernel
example : (allStates 3).map wL = [1/4, 1/4, 1/64, 1/4, 1, 1/16, 1/16, 1/16] := by
  decide +kernel

/-- vector: rbmHidK s0 -/
example : (allStates 3).map (rbmHidK 1 2 wL s0) =
    [16/85, 0, 1/85, 0, 64/85, 0, 4/85, 0] := by decide +kernel

/-- vector: rbmVisK s0 -/
example : (allStates 3).map (rbmVisK 1 2 wL s0) = [1/2, 1/2, 0, 0, 0, 0, 0, 0] := by
  decide +kernel

/-- vector: rbmK s0 -/
example : (allStates 3).map (rbmK 1 2 wL s0) =
    [8/85, 8/85, 1/1445, 16/1445, 1024/1445, 64/1445, 2/85, 2/85] := by decide +kernel

/-- vector: rbmK s5 -/
example : (allStates 3).map (rbmK 1 2 wL s5) =
    [1/5, 1/5, 2/85, 32/85, 8/85, 1/170, 1/20, 1/20] := by decide +kernel

/-- vector: pi -/
example : (allStates 3).map (normalize wL) =
    [16/125, 16/125, 1/125, 16/125, 64/125, 4/125, 4/125, 4/125] := by decide +kernel

/-- vector: blockMin -/
example : blockMin wL (rbmHidden 1 2) = 1 / 85 ∧
    blockMin wL (blockCompl (rbmHidden 1 2)) = 1 / 17 := by decide +kernel

-- B7 stationarity of `π` on this machine, entry by entry for the first two states
example : act (normalize wL) (rbmK 1 2 wL) s0 = 16 / 125 ∧
    act (normalize wL) (rbmK 1 2 wL) s5 = 4 / 125 := by decide +kernel

-- the Doeblin constant of `Hopfield.rbmK_tv_le_blockMin`: `2^3 · (1/85) · (1/17) = 8/1445`,
-- the least entry of the two-step kernel from `s0` (`(0,0,1) ↦ 1/1445`) is above it
example : ((2 ^ 3 : Nat) : Rat) * (1 / 85 * (1 / 17)) = 8 / 1445 ∧
    (8 / 1445 : Rat) / 8 ≤ 1 / 1445 := by decide +kernel

end Hopfield.RbmExamples

end

end
