"""proofs_ci: offline Lean toolchain, proof build driver, audit (see README)."""
