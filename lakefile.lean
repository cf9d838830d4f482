import Lake
open Lake DSL

/-! Lake project for elan users. `lake build` builds the library `Hopfield` (sources in
`lean/`, root `lean/Hopfield.lean`) and the pinned statements `HopfieldPinned` (root
`lean/HopfieldPinned.lean`: every headline theorem restated in plain Lean); `lake build
HopfieldTest` builds the examples and the kernel-checked test vectors. Machines without elan
use the offline driver: `python3 -m proofs_ci verify` (it builds all three). -/

package hopfield

@[default_target]
lean_lib Hopfield where
  srcDir := "lean"

@[default_target]
lean_lib HopfieldPinned where
  srcDir := "lean"

lean_lib HopfieldTest where
  srcDir := "lean"
