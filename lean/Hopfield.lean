module

public import Hopfield.Basic
public import Hopfield.Literal
public import Hopfield.Sum
public import Hopfield.Energy
public import Hopfield.Convergence
public import Hopfield.Synchronous
public import Hopfield.DenseSpec
public import Hopfield.HebbianSum
public import Hopfield.Hebbian
public import Hopfield.ErrorCorrection
public import Hopfield.Dense
public import Hopfield.Finite.States
public import Hopfield.Finite.Sum
public import Hopfield.Finite.Kernel
public import Hopfield.Finite.Doeblin
public import Hopfield.Boltzmann.Spec
public import Hopfield.Boltzmann.DetailedBalance
public import Hopfield.Boltzmann.Positivity
public import Hopfield.Boltzmann.Ergodic
public import Hopfield.Boltzmann.SiteBound
public import Hopfield.Boltzmann.ZeroTemp
public import Hopfield.Boltzmann.ZeroTempRate
public import Hopfield.Boltzmann.Literal
public import Hopfield.Spec.Rbm
public import Hopfield.Data.Rat
public import Hopfield.Thm.RbmGibbs
public import Hopfield.Thm.Dobrushin
public import Hopfield.Thm.DobrushinRandom
public import Hopfield.Data.SignSum
public import Hopfield.Data.PatternLists
public import Hopfield.Thm.Capacity
public import Hopfield.Thm.CapacityBound
public import Hopfield.Thm.CapacityTail
public import Hopfield.Thm.CapacityScaling
public import Hopfield.Thm.Margin
public import Hopfield.Thm.MarginHebbian
public import Hopfield.Thm.MarginCert
public import Hopfield.Spec.Classical
public import Hopfield.Spec.Learning
public import Hopfield.Spec.Dense
public import Hopfield.Spec.Boltzmann
public import Hopfield.Spec.Margins
public import Hopfield.Spec.Capacity
public import Hopfield.Spec.Dobrushin
public import Hopfield.Thm.DobrushinBoltzmann

/-!
# Hopfield: the library root

Imports every module of the library `Hopfield` (the audit checks that no file under
`lean/Hopfield/` is left out), so `lake build` checks all of them. The examples and the
kernel-checked test vectors are the separate library `HopfieldTest` (`lean/HopfieldTest.lean`,
`lake build HopfieldTest`), and the pinned statements of the headline theorems are
`HopfieldPinned` (`lean/HopfieldPinned.lean`); `python3 -m proofs_ci verify` builds all three.

## Main definitions

See `Hopfield.Basic` (the executable specification that `pyref` mirrors),
`Hopfield.DenseSpec` (dense associative memories), `Hopfield.Boltzmann.Spec` (Gibbs
kernels) and `Hopfield.Literal`, `Hopfield.Boltzmann.Literal` (literal networks for the
test vectors `HopfieldTest.Vectors.*`).

## Main results

T1-T7 and B1-B5 of the spec; the README's theorem table lists them.
-/
