module

public import Hopfield.Thm.CapacityTail

/-!
# The `m ≤ c n / log n` scaling of the Hebbian capacity, without `exp` or `log` (spec T9)

The Chernoff bound of `Hopfield.Thm.CapacityTail` at `b = (m + 1)/m` gives
`P(S_N ≤ -n) ≤ (2m / (2m + 1))^n`, `N = (m - 1)(n - 1)`, hence
`P(all m patterns fixed) ≥ 1 - m n (2m / (2m + 1))^n`. Since `(2m / (2m + 1))^(2m+1) ≤ 1/2`,
whenever `(2m + 1) L ≤ n`: `P(all m patterns fixed) ≥ 1 - m n / 2^L`. Taking
`L = ⌈log₂ (m n / ε)⌉` this certifies probability `≥ 1 - ε` for all
`m ≤ (n / L - 1) / 2`, about `n / (4 log₂ n + 2 log₂ (1/ε))`: the `c n / log n` scaling.

## Main results

* `Hopfield.pow_mul_one_sub_le`: `(1 + x)^j (1 - j x) ≤ 1` for `x ≥ 0`.
* `Hopfield.signTail_mul_pow_block_le`: `#(S_N ≤ -n) (2m + 1)^n ≤ 2^N (2m)^n`.
* `Hopfield.lsum_allFixed_ge_block`:
  `(2m + 1)^n #(all fixed) ≥ 2^(n m) ((2m + 1)^n - m n (2m)^n)`.
* `Hopfield.lsum_allFixed_ge_of_mul_le`: if `(2m + 1) L ≤ n` then
  `2^L #(all fixed) ≥ 2^(n m) (2^L - m n)`, i.e. `P(all fixed) ≥ 1 - m n / 2^L`.
-/

@[expose] public section

noncomputable section

namespace Hopfield

/-- `a^(j + k) = a^j a^k` over ℚ (spec T9). -/
theorem rat_pow_add (a : Rat) (j k : Nat) : a ^ (j + k) = a ^ j * a ^ k := by
  induction k with
  | zero => rw [Nat.add_zero, Rat.pow_zero]; grind
  | succ k ih => rw [← Nat.add_assoc, Rat.pow_succ, Rat.pow_succ, ih]; grind

/-- `a^(j k) = (a^j)^k` over ℚ (spec T9). -/
theorem rat_pow_mul (a : Rat) (j k : Nat) : a ^ (j * k) = (a ^ j) ^ k := by
  induction k with
  | zero => rw [Nat.mul_zero, Rat.pow_zero, Rat.pow_zero]
  | succ k ih => rw [Nat.mul_succ, rat_pow_add, ih, Rat.pow_succ]

/-- `(a c)^k = a^k c^k` over ℚ (spec T9). -/
theorem rat_mul_pow (a c : Rat) (k : Nat) : (a * c) ^ k = a ^ k * c ^ k := by
  induction k with
  | zero => rw [Rat.pow_zero, Rat.pow_zero, Rat.pow_zero]; grind
  | succ k ih => rw [Rat.pow_succ, Rat.pow_succ, Rat.pow_succ, ih]; grind

/-- Powers are monotone in a nonnegative base (spec T9). -/
theorem rat_pow_le_pow_left {a c : Rat} (ha : 0 ≤ a) (h : a ≤ c) (k : Nat) :
    a ^ k ≤ c ^ k := by
  induction k with
  | zero => rw [Rat.pow_zero, Rat.pow_zero]; grind
  | succ k ih =>
    rw [Rat.pow_succ, Rat.pow_succ]
    have h0 : 0 ≤ a ^ k := Rat.pow_nonneg ha
    have h1 := Rat.mul_le_mul_of_nonneg_left h h0
    have h2 := Rat.mul_le_mul_of_nonneg_right ih (show 0 ≤ c by grind)
    grind

/-- The upper Bernoulli inequality: `(1 + x)^j (1 - j x) ≤ 1` for `x ≥ 0` (spec T9). -/
theorem pow_mul_one_sub_le {x : Rat} (hx : 0 ≤ x) (j : Nat) :
    (1 + x) ^ j * (1 - (j : Rat) * x) ≤ 1 := by
  induction j with
  | zero => rw [Rat.pow_zero]; push_cast; grind
  | succ j ih =>
    rw [Rat.pow_succ]
    have h0 : 0 ≤ (1 + x) ^ j := Rat.pow_nonneg (by grind)
    have hj : (0 : Rat) ≤ (j : Rat) := by exact_mod_cast Nat.zero_le j
    have h3 : 0 ≤ ((j : Rat) + 1) * x * x :=
      Rat.mul_nonneg (Rat.mul_nonneg (by grind) hx) hx
    have h4 := Rat.mul_le_mul_of_nonneg_left
      (show (1 - (j : Rat) * x) - ((j : Rat) + 1) * x * x ≤ 1 - (j : Rat) * x by grind) h0
    push_cast
    grind

/-- `0 < 1 / x` for `0 < x` (spec T9). -/
theorem one_div_pos {x : Rat} (hx : 0 < x) : 0 < 1 / x := by
  rw [Rat.div_def, Rat.one_mul]
  exact Rat.inv_pos.mpr hx

/-- `r^m ≤ (2m + 2)/(2m + 1)` for `r = 1 + 1/(2m(m+1))`, in product form (spec T9). -/
theorem pow_block_le {m : Nat} (hm : 0 < m) :
    (1 + 1 / (2 * (m : Rat) * ((m : Rat) + 1))) ^ m * (2 * (m : Rat) + 1)
      ≤ 2 * (m : Rat) + 2 := by
  have hm' : (0 : Rat) < (m : Rat) := by exact_mod_cast hm
  have hx : (0 : Rat) ≤ 1 / (2 * (m : Rat) * ((m : Rat) + 1)) :=
    Rat.le_of_lt (one_div_pos (Rat.mul_pos (Rat.mul_pos (by grind) hm') (by grind)))
  have h := pow_mul_one_sub_le hx m
  have e : 1 - (m : Rat) * (1 / (2 * (m : Rat) * ((m : Rat) + 1)))
      = (2 * (m : Rat) + 1) / (2 * (m : Rat) + 2) := by
    have : (m : Rat) ≠ 0 := by grind
    grind
  rw [e] at h
  have h2 := Rat.mul_le_mul_of_nonneg_right h (show (0 : Rat) ≤ 2 * (m : Rat) + 2 by grind)
  have e2 : (2 * (m : Rat) + 1) / (2 * (m : Rat) + 2) * (2 * (m : Rat) + 2)
      = 2 * (m : Rat) + 1 := by
    have : (2 * (m : Rat) + 2) ≠ 0 := by grind
    grind
  rw [Rat.mul_assoc, e2, Rat.one_mul] at h2
  exact h2

/-- The tail at `b = (m + 1)/m`: `#(S_N ≤ -n) (2m + 1)^n ≤ 2^N (2m)^n`, `N = (m-1)(n-1)`,
that is `P(S_N ≤ -n) ≤ (2m / (2m + 1))^n` (spec T9). -/
theorem signTail_mul_pow_block_le {m : Nat} (hm : 0 < m) (n : Nat) :
    signSumTail ((m - 1) * (n - 1)) n * (2 * (m : Rat) + 1) ^ n
      ≤ ((2 ^ ((m - 1) * (n - 1)) : Nat) : Rat) * (2 * (m : Rat)) ^ n := by
  have hm' : (0 : Rat) < (m : Rat) := by exact_mod_cast hm
  have hm0 : (m : Rat) ≠ 0 := by grind
  have hNle : (m - 1) * (n - 1) ≤ m * n := Nat.mul_le_mul (Nat.sub_le m 1) (Nat.sub_le n 1)
  generalize (m - 1) * (n - 1) = N at hNle ⊢
  have hinv := one_div_pos hm'
  -- b = 1 + 1/m and r = 1 + 1/(2m(m+1)) = (1 + b²)/(2b)
  have hb : 1 ≤ 1 + 1 / (m : Rat) := by grind
  have hT := signTail_mul_pow_le hb N n
  rw [show ((N : Int) + (n : Int)).toNat = N + n by omega, rat_pow_add] at hT
  have hx := one_div_pos (Rat.mul_pos (Rat.mul_pos (show (0 : Rat) < 2 by decide) hm')
    (show (0 : Rat) < (m : Rat) + 1 by grind))
  have e1 : 1 + (1 + 1 / (m : Rat)) * (1 + 1 / (m : Rat))
      = 2 * (1 + 1 / (m : Rat)) * (1 + 1 / (2 * (m : Rat) * ((m : Rat) + 1))) := by
    have : (m : Rat) + 1 ≠ 0 := by grind
    grind
  rw [e1, rat_mul_pow, rat_mul_pow] at hT
  generalize hB : 1 + 1 / (m : Rat) = B at hT hb
  generalize hr : 1 + 1 / (2 * (m : Rat) * ((m : Rat) + 1)) = r at hT
  have hr1 : 1 ≤ r := by grind
  have hrN := pow_le_pow_of_one_le hr1 hNle
  rw [rat_pow_mul] at hrN
  have hblock := pow_block_le hm
  rw [hr] at hblock
  -- r^m ≤ Q with Q = (2m+2)/(2m+1)
  have hQ : r ^ m ≤ (2 * (m : Rat) + 2) / (2 * (m : Rat) + 1) := by
    apply Rat.le_of_mul_le_mul_right (c := 2 * (m : Rat) + 1)
    · have : (2 * (m : Rat) + 1) ≠ 0 := by grind
      have e : (2 * (m : Rat) + 2) / (2 * (m : Rat) + 1) * (2 * (m : Rat) + 1)
          = 2 * (m : Rat) + 2 := by grind
      rw [e]; exact hblock
    · grind
  have hr0 : 0 ≤ r ^ m := by have := one_le_pow_of_one_le hr1 m; grind
  have hQn := rat_pow_le_pow_left hr0 hQ n
  have hB0 : 0 < B ^ N := by have := one_le_pow_of_one_le hb N; grind
  have h2N : (0 : Rat) ≤ (2 : Rat) ^ N := Rat.pow_nonneg (by decide)
  -- T B^N B^n ≤ 2^N B^N r^N ≤ 2^N B^N Q^n
  have hstep := Rat.mul_le_mul_of_nonneg_left (Rat.le_trans hrN hQn)
    (Rat.mul_nonneg h2N (Rat.le_of_lt hB0))
  have hTB : signSumTail N n * B ^ n ≤ (2 : Rat) ^ N
      * ((2 * (m : Rat) + 2) / (2 * (m : Rat) + 1)) ^ n := by
    apply Rat.le_of_mul_le_mul_right (c := B ^ N)
    · grind
    · exact hB0
  -- multiply by C^n, C = (2m+1) m / (m+1): B C = 2m + 1 and Q C = 2m
  have hC : (0 : Rat) ≤ (2 * (m : Rat) + 1) * (m : Rat) / ((m : Rat) + 1) := by
    have := one_div_pos (show (0 : Rat) < (m : Rat) + 1 by grind)
    have e : (2 * (m : Rat) + 1) * (m : Rat) / ((m : Rat) + 1)
        = (2 * (m : Rat) + 1) * (m : Rat) * (1 / ((m : Rat) + 1)) := by
      have : (m : Rat) + 1 ≠ 0 := by grind
      grind
    rw [e]
    exact Rat.mul_nonneg (Rat.mul_nonneg (by grind) (by grind)) (Rat.le_of_lt this)
  have hCn := Rat.mul_le_mul_of_nonneg_right hTB
    (Rat.pow_nonneg (n := n) hC)
  have e3 : B * ((2 * (m : Rat) + 1) * (m : Rat) / ((m : Rat) + 1)) = 2 * (m : Rat) + 1 := by
    rw [← hB]
    have : (m : Rat) + 1 ≠ 0 := by grind
    grind
  have e4 : (2 * (m : Rat) + 2) / (2 * (m : Rat) + 1)
      * ((2 * (m : Rat) + 1) * (m : Rat) / ((m : Rat) + 1)) = 2 * (m : Rat) := by
    have : (m : Rat) + 1 ≠ 0 := by grind
    have : 2 * (m : Rat) + 1 ≠ 0 := by grind
    grind
  rw [Rat.mul_assoc, Rat.mul_assoc, ← rat_mul_pow, ← rat_mul_pow, e3, e4] at hCn
  push_cast
  exact hCn

/-- The capacity bound at `b = (m + 1)/m`:
`(2m + 1)^n #(all m patterns fixed) ≥ 2^(n m) ((2m + 1)^n - m n (2m)^n)`, that is
`P(all m patterns fixed) ≥ 1 - m n (2m / (2m + 1))^n` (spec T9). -/
theorem lsum_allFixed_ge_block {n m : Nat} (hn : 0 < n) (hm : 0 < m) :
    ((2 ^ (n * m) : Nat) : Rat) * ((2 * (m : Rat) + 1) ^ n
        - ((m * n : Nat) : Rat) * (2 * (m : Rat)) ^ n)
      ≤ (2 * (m : Rat) + 1) ^ n
        * lsum (patternLists n m) (fun ps => if AllFixed ps then 1 else 0) := by
  have hU := lsum_allFixed_ge hn hm
  have hT := signTail_mul_pow_block_le hm n
  have hC : (0 : Rat) ≤ (2 * (m : Rat) + 1) ^ n := Rat.pow_nonneg (by grind)
  have hA : (0 : Rat) ≤ ((2 ^ (n + m - 1) : Nat) : Rat) * ((m * n : Nat) : Rat) := by
    have h1 : (0 : Rat) ≤ ((2 ^ (n + m - 1) : Nat) : Rat) := by exact_mod_cast Nat.zero_le _
    have h2 : (0 : Rat) ≤ ((m * n : Nat) : Rat) := by exact_mod_cast Nat.zero_le _
    exact Rat.mul_nonneg h1 h2
  have h1 := Rat.mul_le_mul_of_nonneg_right hU hC
  have h2 := Rat.mul_le_mul_of_nonneg_left hT hA
  rw [mul_eq_add_mul_sub n m hn hm, Nat.pow_add]
  push_cast at h1 h2 ⊢
  grind

/-- Bernoulli's inequality `1 + k y ≤ (1 + y)^k` for `y ≥ 0` (spec T9). -/
theorem one_add_mul_le_pow {y : Rat} (hy : 0 ≤ y) (k : Nat) :
    1 + (k : Rat) * y ≤ (1 + y) ^ k := by
  induction k with
  | zero => rw [Rat.pow_zero]; push_cast; grind
  | succ k ih =>
    rw [Rat.pow_succ]
    have hk : (0 : Rat) ≤ (k : Rat) := by exact_mod_cast Nat.zero_le k
    have h1 := Rat.mul_le_mul_of_nonneg_right ih (show (0 : Rat) ≤ 1 + y by grind)
    have h2 : 0 ≤ (k : Rat) * y * y := Rat.mul_nonneg (Rat.mul_nonneg hk hy) hy
    push_cast
    grind

/-- `2 (2m)^(2m+1) ≤ (2m + 1)^(2m+1)`, i.e. `(2m / (2m + 1))^(2m+1) ≤ 1/2` (spec T9). -/
theorem two_mul_pow_le_pow {m : Nat} (hm : 0 < m) :
    2 * (2 * (m : Rat)) ^ (2 * m + 1) ≤ (2 * (m : Rat) + 1) ^ (2 * m + 1) := by
  have hm' : (0 : Rat) < (m : Rat) := by exact_mod_cast hm
  have hy := one_div_pos (show (0 : Rat) < 2 * (m : Rat) by grind)
  have hb := one_add_mul_le_pow (Rat.le_of_lt hy) (2 * m + 1)
  have e : ((2 * m + 1 : Nat) : Rat) * (1 / (2 * (m : Rat))) = 1 + 1 / (2 * (m : Rat)) := by
    have : 2 * (m : Rat) ≠ 0 := by grind
    push_cast
    grind
  rw [e] at hb
  have h0 : (0 : Rat) ≤ (2 * (m : Rat)) ^ (2 * m + 1) := Rat.pow_nonneg (by grind)
  have h3 := Rat.mul_le_mul_of_nonneg_left
    (show (2 : Rat) ≤ (1 + 1 / (2 * (m : Rat))) ^ (2 * m + 1) by grind) h0
  rw [← rat_mul_pow] at h3
  have e2 : 2 * (m : Rat) * (1 + 1 / (2 * (m : Rat))) = 2 * (m : Rat) + 1 := by
    have : 2 * (m : Rat) ≠ 0 := by grind
    grind
  rw [e2] at h3
  grind

/-- `2^L (2m)^n ≤ (2m + 1)^n` whenever `(2m + 1) L ≤ n` (spec T9). -/
theorem two_pow_mul_pow_le {m n L : Nat} (hm : 0 < m) (hL : (2 * m + 1) * L ≤ n) :
    (2 : Rat) ^ L * (2 * (m : Rat)) ^ n ≤ (2 * (m : Rat) + 1) ^ n := by
  obtain ⟨r, rfl⟩ : ∃ r, n = (2 * m + 1) * L + r := ⟨n - (2 * m + 1) * L, by omega⟩
  have hm' : (0 : Rat) < (m : Rat) := by exact_mod_cast hm
  have h0 : (0 : Rat) ≤ 2 * (2 * (m : Rat)) ^ (2 * m + 1) := by
    have := Rat.pow_nonneg (n := 2 * m + 1) (show (0 : Rat) ≤ 2 * (m : Rat) by grind)
    grind
  have hblock := rat_pow_le_pow_left h0 (two_mul_pow_le_pow hm) L
  rw [rat_mul_pow, ← rat_pow_mul, ← rat_pow_mul] at hblock
  have hrest := rat_pow_le_pow_left (show (0 : Rat) ≤ 2 * (m : Rat) by grind)
    (show 2 * (m : Rat) ≤ 2 * (m : Rat) + 1 by grind) r
  rw [rat_pow_add, rat_pow_add]
  have hD : (0 : Rat) ≤ (2 * (m : Rat)) ^ r := Rat.pow_nonneg (by grind)
  have hC : (0 : Rat) ≤ (2 * (m : Rat) + 1) ^ ((2 * m + 1) * L) := Rat.pow_nonneg (by grind)
  have h1 := Rat.mul_le_mul_of_nonneg_right hblock hD
  have h2 := Rat.mul_le_mul_of_nonneg_left hrest hC
  grind

/-- The `m ≤ c n / log n` scaling without `exp` or `log`: if `(2m + 1) L ≤ n` then
`2^L #(all m patterns fixed) ≥ 2^(n m) (2^L - m n)`, that is
`P(all m patterns fixed) ≥ 1 - m n / 2^L`. With `2^L ≥ m n / ε` this certifies
`P ≥ 1 - ε` for every `m ≤ (n / L - 1) / 2` (spec T9). -/
theorem lsum_allFixed_ge_of_mul_le {n m L : Nat} (hn : 0 < n) (hm : 0 < m)
    (hL : (2 * m + 1) * L ≤ n) :
    ((2 ^ (n * m) : Nat) : Rat) * ((2 : Rat) ^ L - ((m * n : Nat) : Rat))
      ≤ (2 : Rat) ^ L * lsum (patternLists n m) (fun ps => if AllFixed ps then 1 else 0) := by
  have hB := lsum_allFixed_ge_block hn hm
  have hP := two_pow_mul_pow_le hm hL
  have hC : (0 : Rat) < (2 * (m : Rat) + 1) ^ n := Rat.pow_pos (by grind)
  have hA : (0 : Rat) ≤ ((2 ^ (n * m) : Nat) : Rat) * ((m * n : Nat) : Rat) := by
    have h1 : (0 : Rat) ≤ ((2 ^ (n * m) : Nat) : Rat) := by exact_mod_cast Nat.zero_le _
    have h2 : (0 : Rat) ≤ ((m * n : Nat) : Rat) := by exact_mod_cast Nat.zero_le _
    exact Rat.mul_nonneg h1 h2
  have h2L : (0 : Rat) ≤ (2 : Rat) ^ L := Rat.pow_nonneg (by decide)
  have h1 := Rat.mul_le_mul_of_nonneg_left hB h2L
  have h2 := Rat.mul_le_mul_of_nonneg_left hP hA
  apply Rat.le_of_mul_le_mul_left (c := (2 * (m : Rat) + 1) ^ n)
  · grind
  · exact hC

end Hopfield

end

end
