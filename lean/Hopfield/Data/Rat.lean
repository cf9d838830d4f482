module

public import Init

/-!
# Rational-number lemmas (generic)

Order and power facts about `Rat` that core Lean does not provide in this form, used by the
Boltzmann-machine proofs (spec B1-B7). Nothing here mentions the project's definitions.

## Main results

* `Hopfield.div_nonneg_of_pos`
* `Hopfield.div_le_div_of_le`
* `Hopfield.mul_le_mul_of_le`
* `Hopfield.pow_le_one_of_le`
* `Hopfield.pow_succ_le_self`
* `Hopfield.pow_add_eq`
* `Hopfield.mul_sq_sub_nonneg`
* `Hopfield.div_le_div_of_mul_le`
* `Hopfield.two_mul_pow_le_pow_add_pow`
-/

@[expose] public section

namespace Hopfield

/-- `a / b ≥ 0` for `a ≥ 0` and `b > 0` (spec B1, B2). -/
theorem div_nonneg_of_pos {a b : Rat} (ha : 0 ≤ a) (hb : 0 < b) : 0 ≤ a / b := by
  rw [Rat.div_def]; exact Rat.mul_nonneg ha (Rat.le_of_lt (Rat.inv_pos.mpr hb))

/-- `m / y' ≤ x / y` from `0 ≤ m ≤ x` and `0 < y ≤ y'` (spec B3). -/
theorem div_le_div_of_le {m x y y' : Rat} (hm : 0 ≤ m) (hmx : m ≤ x) (hy : 0 < y)
    (hyy : y ≤ y') : m / y' ≤ x / y := by
  have hy' : 0 < y' := by grind
  have h1 : m * y ≤ x * y' :=
    Rat.le_trans (Rat.mul_le_mul_of_nonneg_left hyy hm)
      (Rat.mul_le_mul_of_nonneg_right hmx (by grind))
  have hu := Rat.inv_pos.mpr hy
  have hv := Rat.inv_pos.mpr hy'
  have h2 := Rat.mul_le_mul_of_nonneg_right h1
    (Rat.le_of_lt (Rat.mul_pos hu hv))
  have e1 : y * y⁻¹ = 1 := Rat.mul_inv_cancel _ (by grind)
  have e2 : y' * y'⁻¹ = 1 := Rat.mul_inv_cancel _ (by grind)
  have e3 : m * y * (y⁻¹ * y'⁻¹) = m / y' := by rw [Rat.div_def]; grind
  have e4 : x * y' * (y⁻¹ * y'⁻¹) = x / y := by rw [Rat.div_def]; grind
  rw [e3, e4] at h2
  exact h2

/-- `a * c ≤ b * d` from `0 ≤ a ≤ b` and `0 ≤ c ≤ d` (spec B3). -/
theorem mul_le_mul_of_le {a b c d : Rat} (hab : a ≤ b) (hcd : c ≤ d) (ha : 0 ≤ a)
    (hc : 0 ≤ c) : a * c ≤ b * d :=
  Rat.le_trans (Rat.mul_le_mul_of_nonneg_right hab hc)
    (Rat.mul_le_mul_of_nonneg_left hcd (Rat.le_trans ha hab))

/-- `q^d ≤ 1` for `0 ≤ q ≤ 1` (spec B5). -/
theorem pow_le_one_of_le {q : Rat} (h0 : 0 ≤ q) (h1 : q ≤ 1) : ∀ d : Nat, q ^ d ≤ 1
  | 0 => by rw [Rat.pow_zero]; exact Rat.le_refl
  | d + 1 => by
    rw [Rat.pow_succ]
    have := Rat.mul_le_mul_of_nonneg_right (pow_le_one_of_le h0 h1 d) h0
    grind

/-- `q^(d+1) ≤ q` for `0 ≤ q ≤ 1` (spec B5). -/
theorem pow_succ_le_self {q : Rat} (h0 : 0 ≤ q) (h1 : q ≤ 1) (d : Nat) : q ^ (d + 1) ≤ q := by
  rw [Rat.pow_succ]
  have := Rat.mul_le_mul_of_nonneg_right (pow_le_one_of_le h0 h1 d) h0
  grind

/-- `q^(a+d) = q^a q^d` (spec B5). -/
theorem pow_add_eq {q : Rat} (a : Nat) : ∀ d : Nat, q ^ (a + d) = q ^ a * q ^ d
  | 0 => by rw [Nat.add_zero, Rat.pow_zero]; grind
  | d + 1 => by rw [← Nat.add_assoc, Rat.pow_succ, Rat.pow_succ, pow_add_eq a d]; grind

/-- `0 ≤ x (1 - y)²` for `x ≥ 0` (spec B6). -/
theorem mul_sq_sub_nonneg {x : Rat} (hx : 0 ≤ x) (y : Rat) : 0 ≤ x * ((1 - y) * (1 - y)) := by
  apply Rat.mul_nonneg hx
  by_cases h : 0 ≤ 1 - y
  · exact Rat.mul_nonneg h h
  · have h' : 0 ≤ y - 1 := by grind
    have := Rat.mul_nonneg h' h'
    grind

/-- `a / b ≤ c / d` from `a d ≤ c b` for `b, d > 0` (spec B6). -/
theorem div_le_div_of_mul_le {a b c d : Rat} (hb : 0 < b) (hd : 0 < d) (h : a * d ≤ c * b) :
    a / b ≤ c / d := by
  have e1 : a / b = (a * d) * (b * d)⁻¹ := by grind
  have e2 : c / d = (c * b) * (b * d)⁻¹ := by grind
  have hp : 0 < (b * d)⁻¹ := Rat.inv_pos.mpr (Rat.mul_pos hb hd)
  rw [e1, e2]
  exact Rat.mul_le_mul_of_nonneg_right h (Rat.le_of_lt hp)

/-- Arithmetic and geometric means of two powers: `q^x + q^y ≥ 2 q^m` when `x + y = 2 m`
(`q ≥ 0`) (spec B6). -/
theorem two_mul_pow_le_pow_add_pow {q : Rat} (hq : 0 ≤ q) {x y m : Nat} (h : x + y = 2 * m) :
    2 * q ^ m ≤ q ^ x + q ^ y := by
  rcases Nat.le_total x y with hxy | hxy
  · obtain ⟨e, hm, hy⟩ : ∃ e, m = x + e ∧ y = x + e + e := ⟨m - x, by omega, by omega⟩
    subst hm hy
    have h1 := mul_sq_sub_nonneg (Rat.pow_nonneg (a := q) (n := x) hq) (q ^ e)
    rw [pow_add_eq, pow_add_eq, pow_add_eq]
    grind
  · obtain ⟨e, hm, hx⟩ : ∃ e, m = y + e ∧ x = y + e + e := ⟨m - y, by omega, by omega⟩
    subst hm hx
    have h1 := mul_sq_sub_nonneg (Rat.pow_nonneg (a := q) (n := y) hq) (q ^ e)
    rw [pow_add_eq, pow_add_eq, pow_add_eq]
    grind

end Hopfield

end
