module

public import Hopfield.Thm.CapacityBound

/-!
# An explicit capacity bound over ℚ (spec T9)

An exponential-moment (Chernoff) bound for the tail of `S_N` that needs no `exp` or `log`:
for every rational `b ≥ 1`, `#(S_N ≤ -t) · b^(N + t) ≤ (1 + b²)^N`, that is
`P(S_N ≤ -t) ≤ ((1 + b²)/2)^N / b^(N+t)`. With the union bound of
`Hopfield.lsum_allFixed_ge`: `P(all m patterns fixed) ≥ 1 - m n ((1 + b²)/2)^N / b^(N+n)`,
`N = (m-1)(n-1)`, for every rational `b ≥ 1`. (With `b = 1 + 1/m` the failure term is about
`m n e^{-n/(2m)}`, which is small for `m ≤ n / (c ln n)`, `c > 4`; that last asymptotic step is
not formalized here, see `docs/capacity.md`.)

## Main results

* `Hopfield.one_le_pow_of_one_le`, `Hopfield.pow_le_pow_of_one_le`: powers of `b ≥ 1`.
* `Hopfield.signTail_mul_pow_le`: `#(S_N ≤ -t) · b^((N + t)⁺) ≤ (1 + b²)^N`.
* `Hopfield.lsum_allFixed_ge_chernoff`: the explicit capacity bound.
-/

@[expose] public section

noncomputable section

namespace Hopfield

/-- `1 ≤ b^a` for `b ≥ 1` (spec T9). -/
theorem one_le_pow_of_one_le {b : Rat} (hb : 1 ≤ b) (a : Nat) : 1 ≤ b ^ a := by
  induction a with
  | zero => rw [Rat.pow_zero]; grind
  | succ a ih =>
    rw [Rat.pow_succ]
    have h0 : (0 : Rat) ≤ b ^ a := by grind
    have := Rat.mul_le_mul_of_nonneg_left hb h0
    grind

/-- Powers of `b ≥ 1` are monotone in the exponent (spec T9). -/
theorem pow_le_pow_of_one_le {b : Rat} (hb : 1 ≤ b) {a c : Nat} (h : a ≤ c) :
    b ^ a ≤ b ^ c := by
  induction c with
  | zero =>
    have : a = 0 := by omega
    subst this
    grind
  | succ c ih =>
    by_cases hac : a = c + 1
    · subst hac
      grind
    · have h1 := ih (by omega)
      rw [Rat.pow_succ]
      have h0 : (0 : Rat) ≤ b ^ c := by have := one_le_pow_of_one_le hb c; grind
      have := Rat.mul_le_mul_of_nonneg_left hb h0
      grind

/-- An indicator of `x + c ≤ -t` is the indicator of `x ≤ -(t + c)` (spec T9). -/
theorem ind_shift (t c : Int) :
    (fun x : Int => if x + c ≤ -t then (1 : Rat) else 0)
      = (fun x => if x ≤ -(t + c) then 1 else 0) := by
  funext x
  by_cases h : x + c ≤ -t
  · rw [if_pos h, if_pos (by omega)]
  · rw [if_neg h, if_neg (by omega)]

/-- The exponential-moment (Chernoff) bound over ℚ: for `b ≥ 1`,
`#(σ ∈ {±1}^N : ∑ σ ≤ -t) · b^((N + t)⁺) ≤ (1 + b²)^N`, so
`P(S_N ≤ -t) ≤ ((1 + b²)/2)^N / b^(N+t)` for `N + t ≥ 0` (spec T9). -/
theorem signTail_mul_pow_le {b : Rat} (hb : 1 ≤ b) (N : Nat) (t : Int) :
    signSumTail N t * b ^ ((N : Int) + t).toNat ≤ (1 + b * b) ^ N := by
  induction N generalizing t with
  | zero =>
    unfold signSumTail
    rw [Rat.pow_zero, show signSum 0 (fun x => if x ≤ -t then (1 : Rat) else 0)
      = if (0 : Int) ≤ -t then 1 else 0 from rfl]
    by_cases ht : (0 : Int) ≤ -t
    · rw [if_pos ht]
      have : (((0 : Nat) : Int) + t).toNat = 0 := by omega
      rw [this, Rat.pow_zero]
      grind
    · rw [if_neg ht]
      grind
  | succ N ih =>
    unfold signSumTail at ih ⊢
    have e1 := ind_shift t 1
    have e2 := ind_shift t (-1)
    rw [signSum_succ]
    simp only [Int.sub_eq_add_neg]
    rw [e1, e2]
    have h1 := ih (t + 1)
    have h2 := ih (t + -1)
    have x1 : ((N : Int) + (t + 1)).toNat = (((N + 1 : Nat) : Int) + t).toNat := by omega
    rw [x1] at h1
    have hA := signSum_nonneg N (F := fun x => if x ≤ -(t + 1) then (1 : Rat) else 0)
      (fun x => by dsimp only; split <;> grind)
    have hB := signSum_nonneg N (F := fun x => if x ≤ -(t + -1) then (1 : Rat) else 0)
      (fun x => by dsimp only; split <;> grind)
    have hle : (((N + 1 : Nat) : Int) + t).toNat ≤ ((N : Int) + (t + -1)).toNat + 1 + 1 := by
      omega
    have hpow := pow_le_pow_of_one_le hb hle
    rw [Rat.pow_succ, Rat.pow_succ] at hpow
    have hbb : (0 : Rat) ≤ b * b := Rat.mul_nonneg (by grind) (by grind)
    have h3 := Rat.mul_le_mul_of_nonneg_left hpow hB
    have h4 := Rat.mul_le_mul_of_nonneg_right h2 hbb
    rw [Rat.pow_succ]
    grind

/-- The explicit capacity bound over ℚ, without `exp` or `log`: for every rational `b ≥ 1`,
`b^(N+n) · #(all m patterns fixed) ≥ 2^(n+m-1) (2^N b^(N+n) - m n (1 + b²)^N)`,
`N = (m-1)(n-1)`; dividing by `2^(n m) b^(N+n)`:
`P(all m patterns fixed) ≥ 1 - m n ((1 + b²)/2)^N / b^(N+n)` (spec T9). -/
theorem lsum_allFixed_ge_chernoff {n m : Nat} (hn : 0 < n) (hm : 0 < m) {b : Rat}
    (hb : 1 ≤ b) :
    ((2 ^ (n + m - 1) : Nat) : Rat) * (((2 ^ ((m - 1) * (n - 1)) : Nat) : Rat)
        * b ^ ((m - 1) * (n - 1) + n)
        - ((m * n : Nat) : Rat) * (1 + b * b) ^ ((m - 1) * (n - 1)))
      ≤ b ^ ((m - 1) * (n - 1) + n)
        * lsum (patternLists n m) (fun ps => if AllFixed ps then 1 else 0) := by
  have hU := lsum_allFixed_ge hn hm
  have hT := signTail_mul_pow_le hb ((m - 1) * (n - 1)) n
  generalize (m - 1) * (n - 1) = N at hU hT ⊢
  have hx : ((N : Int) + (n : Int)).toNat = N + n := by omega
  rw [hx] at hT
  have hB : (0 : Rat) ≤ b ^ (N + n) := by
    have := one_le_pow_of_one_le hb (N + n); grind
  have hA : (0 : Rat) ≤ ((2 ^ (n + m - 1) : Nat) : Rat) * ((m * n : Nat) : Rat) := by
    have h1 : (0 : Rat) ≤ ((2 ^ (n + m - 1) : Nat) : Rat) := by exact_mod_cast Nat.zero_le _
    have h2 : (0 : Rat) ≤ ((m * n : Nat) : Rat) := by exact_mod_cast Nat.zero_le _
    exact Rat.mul_nonneg h1 h2
  have h1 := Rat.mul_le_mul_of_nonneg_right hU hB
  have h2 := Rat.mul_le_mul_of_nonneg_left hT hA
  grind

end Hopfield

end

end
