module

public import Init

/-!
# Canary: a false theorem that only the kernel can reject

This module is deliberately kept OUTSIDE the library (`lean/`). It states a false theorem
proved by `decide +kernel`, which skips the elaborator's own evaluation and hands the
proof `of_decide_eq_true (Eq.refl true)` straight to the kernel. So the build rejects it only
if the kernel really checks proofs. (`by decide` would be rejected by the elaborator, and
would still fail with the kernel check switched off: it tests nothing about the kernel.)
`python3 -m proofs_ci canary` and `tests/test_exploits.py` build it and expect Lean's error.
-/

/-- False: 2 + 2 is not 5. A checker that accepts this checks nothing. -/
public theorem canary_false : (2 : Int) + 2 = 5 := by decide +kernel
