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
public import Hopfield.Vectors.V00
public import Hopfield.Vectors.V01
public import Hopfield.Vectors.V02
public import Hopfield.Vectors.V03
public import Hopfield.Vectors.V04
public import Hopfield.Vectors.V05

/-!
# Hopfield: the library root

Imports every module of the library (the audit checks that no file under `lean/` is left out),
so `lake build` and `python3 -m proofs_ci verify` check all of them.

## Main definitions

See `Hopfield.Basic` (the executable specification that `pyref` mirrors) and
`Hopfield.Literal` (literal networks for the test vectors `Hopfield.Vectors.*`).

## Main results

T1-T7 and B1-B5 of the spec; the README's theorem table lists them.
-/
