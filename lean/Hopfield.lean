module

public import Hopfield.Basic

/-!
# Hopfield: the library root

Imports every module of the library (the audit checks that no file under `lean/` is left out),
so `lake build` and `python3 -m proofs_ci verify` check all of them.

## Main definitions

See `Hopfield.Basic` (the executable specification that `pyref` mirrors).

## Main results

T1-T7 and B1-B5 of the spec; the README's theorem table lists them.
-/
