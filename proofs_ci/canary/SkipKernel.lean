module

public import Init

/-!
# Negative control: the same false theorem with the kernel check switched off

With `debug.skipKernelTC` the kernel never sees the proof, and Lean ACCEPTS this file: that
is what shows `Canary.lean` is rejected by the kernel (and not by the elaborator), and why
the audit must reject every option that switches the check off. `python3 -m proofs_ci
canary` checks both: Lean accepts this file when it is built alone, and the audit rejects it.
-/

set_option debug.skipKernelTC true in
/-- False, and accepted by Lean when the kernel check is off. -/
public theorem canary_false_unchecked : (2 : Int) + 2 = 5 := by decide +kernel
