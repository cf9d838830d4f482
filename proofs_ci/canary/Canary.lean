module

public import Init

/-!
# Canary: a false theorem

This module is deliberately kept OUTSIDE the library (`lean/`). It states a false theorem
with a proof attempt; a build pipeline that really checks proofs must REJECT it. The test
`tests/test_proofs_ci.py::test_canary_fails_to_build` builds it and expects failure.
-/

/-- False: 2 + 2 is not 5. A checker that accepts this checks nothing. -/
public theorem canary_false : (2 : Int) + 2 = 5 := by decide
