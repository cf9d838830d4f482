module

public import Hopfield.Thm.Capacity
public import Hopfield.Thm.CapacityBound
public import Hopfield.Thm.CapacityScaling
public import Hopfield.Thm.CapacityTail

/-!
# Pinned statements: the storage capacity of the Hebbian rule (T9)

Each theorem here restates, in plain Lean, one headline theorem of the README's theorem
table, and is proved by nothing but the library theorem it names, applied to its arguments
(an `exact`). The file holds only theorem statements and these one-line proofs, so what is
printed here is what is proved. If a library theorem is weakened, renamed, re-ordered or removed, this file
stops building and `python3 -m proofs_ci verify` fails; the README table and verify's table
are generated from these statements and `proofs_ci/mirror.toml`.

Hand-maintained: change a statement here only together with the theorem it pins, and say so
in the change.

## Main definitions

None: the definitions are those of `Hopfield` (see `Hopfield.Basic`).

## Main results

* `HopfieldPinned.T9.spin_mul_field_hebbian` pins `Hopfield.spin_mul_field_hebbian`
* `HopfieldPinned.T9.lsum_crosstalk` pins `Hopfield.lsum_crosstalk`
* `HopfieldPinned.T9.length_filter_crosstalk_eq` pins `Hopfield.length_filter_crosstalk_eq`
* `HopfieldPinned.T9.lsum_unstable` pins `Hopfield.lsum_unstable`
* `HopfieldPinned.T9.lsum_allFixed_ge` pins `Hopfield.lsum_allFixed_ge`
* `HopfieldPinned.T9.signTail_mul_pow_le` pins `Hopfield.signTail_mul_pow_le`
* `HopfieldPinned.T9.lsum_allFixed_ge_chernoff` pins `Hopfield.lsum_allFixed_ge_chernoff`
* `HopfieldPinned.T9.signTail_mul_pow_block_le` pins `Hopfield.signTail_mul_pow_block_le`
* `HopfieldPinned.T9.lsum_allFixed_ge_block` pins `Hopfield.lsum_allFixed_ge_block`
* `HopfieldPinned.T9.lsum_allFixed_ge_of_mul_le` pins `Hopfield.lsum_allFixed_ge_of_mul_le`
-/

@[expose] public section

namespace HopfieldPinned

open Hopfield

/-- T9, pins `Hopfield.spin_mul_field_hebbian`: `p^k_i h_i(p^k) = (n - 1) + C`: the Hebbian field at a stored pattern is the signal `n - 1` plus the crosstalk (spec T9). -/
theorem T9.spin_mul_field_hebbian {n : Nat} (ps : List (State n)) {k : Nat} (hk : k < ps.length)
    (i : Fin n) :
    (pattern ps k).val i * field (hebbian ps) (pattern ps k) i
      = ((n : Int) - 1) + crosstalk ps k i :=
  Hopfield.spin_mul_field_hebbian ps hk i

/-- T9, pins `Hopfield.lsum_crosstalk`: The crosstalk at `(k, i)` has exactly the law of `S_N`, `N = (m - 1)(n - 1)`: `∑_{ps} F (C) = 2^(n + m - 1) · ∑_{σ ∈ {±1}^N} F (∑ σ)` for every `F` (spec T9). -/
theorem T9.lsum_crosstalk {n m k : Nat} (hk : k < m) (i : Fin n) (F : Int → Rat) :
    lsum (patternLists n m) (fun ps => F (crosstalk ps k i))
      = ((2 ^ (n + m - 1) : Nat) : Rat) * signSum ((m - 1) * (n - 1)) F :=
  Hopfield.lsum_crosstalk hk i F

/-- T9, pins `Hopfield.length_filter_crosstalk_eq`: Counting form of the law of the crosstalk: for every integer `c`, the number of lists of `m` patterns whose crosstalk at `(k, i)` is `c` equals `2^(n+m-1)` times the number of sign vectors of length `N = (m-1)(n-1)` summing to `c` (spec T9). -/
theorem T9.length_filter_crosstalk_eq {n m k : Nat} (hk : k < m) (i : Fin n) (c : Int) :
    ((patternLists n m).filter (fun ps => decide (crosstalk ps k i = c))).length
      = 2 ^ (n + m - 1) * ((allStates ((m - 1) * (n - 1))).filter
          (fun σ => decide (sumFin ((m - 1) * (n - 1)) σ.val = c))).length :=
  Hopfield.length_filter_crosstalk_eq hk i c

/-- T9, pins `Hopfield.lsum_unstable`: The instability count: the number of lists of `m` patterns in which neuron `i` of `p^k` is unstable (an asynchronous step at `i` changes `p^k`; `keep` ties, zero thresholds) is `2^(n+m-1)` times the number of sign vectors of length `(m-1)(n-1)` with sum `≤ -n`. As `2^(n m) = 2^(n+m-1) 2^N`, `P(unstable) = P(S_N ≤ -n)` exactly (spec T9). -/
theorem T9.lsum_unstable {n m k : Nat} (hk : k < m) (i : Fin n) :
    lsum (patternLists n m) (fun ps =>
      if asyncStep .keep (hebbian ps) (fun _ => 0) (pattern ps k) i = pattern ps k then 0 else 1)
      = ((2 ^ (n + m - 1) : Nat) : Rat) * signSumTail ((m - 1) * (n - 1)) n :=
  Hopfield.lsum_unstable hk i

/-- T9, pins `Hopfield.lsum_allFixed_ge`: The union bound: the number of lists of `m` patterns of `n` neurons all of whose patterns are fixed points (Hebbian weights, `keep` ties, zero thresholds) is at least `2^(n+m-1) (2^N - m n #(S_N ≤ -n))`, `N = (m-1)(n-1)`. Dividing by `2^(n m) = 2^(n+m-1) 2^N` (`Hopfield.mul_eq_add_mul_sub`): `P(all m patterns fixed) ≥ 1 - m n P(S_N ≤ -n)` (spec T9). -/
theorem T9.lsum_allFixed_ge {n m : Nat} (hn : 0 < n) (hm : 0 < m) :
    ((2 ^ (n + m - 1) : Nat) : Rat) * (((2 ^ ((m - 1) * (n - 1)) : Nat) : Rat)
        - ((m * n : Nat) : Rat) * signSumTail ((m - 1) * (n - 1)) n)
      ≤ lsum (patternLists n m) (fun ps => if AllFixed ps then 1 else 0) :=
  Hopfield.lsum_allFixed_ge hn hm

/-- T9, pins `Hopfield.signTail_mul_pow_le`: The exponential-moment (Chernoff) bound over ℚ: for `b ≥ 1`, `#(σ ∈ {±1}^N : ∑ σ ≤ -t) · b^((N + t)⁺) ≤ (1 + b²)^N`, so `P(S_N ≤ -t) ≤ ((1 + b²)/2)^N / b^(N+t)` for `N + t ≥ 0` (spec T9). -/
theorem T9.signTail_mul_pow_le {b : Rat} (hb : 1 ≤ b) (N : Nat) (t : Int) :
    signSumTail N t * b ^ ((N : Int) + t).toNat ≤ (1 + b * b) ^ N :=
  Hopfield.signTail_mul_pow_le hb N t

/-- T9, pins `Hopfield.lsum_allFixed_ge_chernoff`: The explicit capacity bound over ℚ, without `exp` or `log`: for every rational `b ≥ 1`, `b^(N+n) · #(all m patterns fixed) ≥ 2^(n+m-1) (2^N b^(N+n) - m n (1 + b²)^N)`, `N = (m-1)(n-1)`; dividing by `2^(n m) b^(N+n)`: `P(all m patterns fixed) ≥ 1 - m n ((1 + b²)/2)^N / b^(N+n)` (spec T9). -/
theorem T9.lsum_allFixed_ge_chernoff {n m : Nat} (hn : 0 < n) (hm : 0 < m) {b : Rat}
    (hb : 1 ≤ b) :
    ((2 ^ (n + m - 1) : Nat) : Rat) * (((2 ^ ((m - 1) * (n - 1)) : Nat) : Rat)
        * b ^ ((m - 1) * (n - 1) + n)
        - ((m * n : Nat) : Rat) * (1 + b * b) ^ ((m - 1) * (n - 1)))
      ≤ b ^ ((m - 1) * (n - 1) + n)
        * lsum (patternLists n m) (fun ps => if AllFixed ps then 1 else 0) :=
  Hopfield.lsum_allFixed_ge_chernoff hn hm hb

/-- T9, pins `Hopfield.signTail_mul_pow_block_le`: The tail at `b = (m + 1)/m`: `#(S_N ≤ -n) (2m + 1)^n ≤ 2^N (2m)^n`, `N = (m-1)(n-1)`, that is `P(S_N ≤ -n) ≤ (2m / (2m + 1))^n` (spec T9). -/
theorem T9.signTail_mul_pow_block_le {m : Nat} (hm : 0 < m) (n : Nat) :
    signSumTail ((m - 1) * (n - 1)) n * (2 * (m : Rat) + 1) ^ n
      ≤ ((2 ^ ((m - 1) * (n - 1)) : Nat) : Rat) * (2 * (m : Rat)) ^ n :=
  Hopfield.signTail_mul_pow_block_le hm n

/-- T9, pins `Hopfield.lsum_allFixed_ge_block`: The capacity bound at `b = (m + 1)/m`: `(2m + 1)^n #(all m patterns fixed) ≥ 2^(n m) ((2m + 1)^n - m n (2m)^n)`, that is `P(all m patterns fixed) ≥ 1 - m n (2m / (2m + 1))^n` (spec T9). -/
theorem T9.lsum_allFixed_ge_block {n m : Nat} (hn : 0 < n) (hm : 0 < m) :
    ((2 ^ (n * m) : Nat) : Rat) * ((2 * (m : Rat) + 1) ^ n
        - ((m * n : Nat) : Rat) * (2 * (m : Rat)) ^ n)
      ≤ (2 * (m : Rat) + 1) ^ n
        * lsum (patternLists n m) (fun ps => if AllFixed ps then 1 else 0) :=
  Hopfield.lsum_allFixed_ge_block hn hm

/-- T9, pins `Hopfield.lsum_allFixed_ge_of_mul_le`: The `m ≤ c n / log n` scaling without `exp` or `log`: if `(2m + 1) L ≤ n` then `2^L #(all m patterns fixed) ≥ 2^(n m) (2^L - m n)`, that is `P(all m patterns fixed) ≥ 1 - m n / 2^L`. With `2^L ≥ m n / ε` this certifies `P ≥ 1 - ε` for every `m ≤ (n / L - 1) / 2` (spec T9). -/
theorem T9.lsum_allFixed_ge_of_mul_le {n m L : Nat} (hn : 0 < n) (hm : 0 < m)
    (hL : (2 * m + 1) * L ≤ n) :
    ((2 ^ (n * m) : Nat) : Rat) * ((2 : Rat) ^ L - ((m * n : Nat) : Rat))
      ≤ (2 : Rat) ^ L * lsum (patternLists n m) (fun ps => if AllFixed ps then 1 else 0) :=
  Hopfield.lsum_allFixed_ge_of_mul_le hn hm hL

end HopfieldPinned

end
