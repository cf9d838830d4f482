import Lake
open Lake DSL

/-! Lake project for elan users: `lake build` builds the library `Hopfield` (sources in
`lean/`, root module `lean/Hopfield.lean`). Machines without elan use the offline driver:
`python3 -m proofs_ci verify`. -/

package hopfield

@[default_target]
lean_lib Hopfield where
  srcDir := "lean"
