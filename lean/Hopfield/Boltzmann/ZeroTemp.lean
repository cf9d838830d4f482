module

public import Hopfield.Boltzmann.Positivity
public import Hopfield.Energy

/-!
# The zero-temperature limit of Gibbs sampling (spec B5)

The Boltzmann weights `w s = q^(E s - E_min)` with `q = exp(-β) ∈ (0,1]` (rational `q` here:
core Lean has no real numbers). The probability that the Gibbs update of neuron `i` gives
`+1` is `w s^{i+} / (w s^{i+} + w s^{i-})`; since `E(s^{i-}) - E(s^{i+}) = 2 (h_i - θ_i)`
it differs from the deterministic update of T1 by at most `q` when `h_i ≠ θ_i`, and it is
exactly `1/2` on a tie. As `q → 0` (`β → ∞`) the Gibbs update becomes the deterministic one.

## Main definitions

The definitions pyref mirrors are in `Hopfield.Spec.Boltzmann`.

## Main results

* `Hopfield.energy_set_false_sub_set_true`: `E(s^{i-}) - E(s^{i+}) = 2 (h_i - θ_i)`.
* `Hopfield.gibbsPlus_boltzmann_sub_le` (B5): `|P(+1) - [update = +1]| ≤ q` if `h_i ≠ θ_i`.
* `Hopfield.gibbsPlus_boltzmann_tie` (B5): `P(+1) = 1/2` if `h_i = θ_i`.
-/

@[expose] public section

noncomputable section

namespace Hopfield

variable {n : Nat}

/-- The list minimum of integer values is at most every value (spec B5). -/
theorem lmin_le_int {α : Type} (d : Int) (f : α → Int) :
    ∀ {l : List α} {x : α}, x ∈ l → lmin d l f ≤ f x
  | [], _, h => by simp at h
  | y :: l, x, h => by
    unfold lmin
    rcases List.mem_cons.mp h with rfl | h
    · split <;> omega
    · have := lmin_le_int d f h; split <;> omega

/-- `E_min ≤ E(s)` (spec B5). -/
theorem minEnergy_le (W : Weights n) (θ : Thresholds n) (s : State n) :
    minEnergy W θ ≤ energy W θ s :=
  lmin_le_int _ _ (mem_enumStates s)

/-- Boltzmann weights are positive for `q > 0` (spec B5). -/
theorem boltzmannW_pos {q : Rat} (hq : 0 < q) (W : Weights n) (θ : Thresholds n) :
    Positive (boltzmannWeightsExact q W θ) :=
  fun _ => Rat.pow_pos hq

/-- `E(s^{i-}) - E(s^{i+}) = 2 (h_i(s) - θ_i)` for symmetric zero-diagonal `W` (spec B5). -/
theorem energy_set_false_sub_set_true {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) (i : Fin n) :
    energy W θ (s.set i false) - energy W θ (s.set i true) = 2 * (field W s i - θ i) := by
  have h1 := energy_sub_of_eq_off hW hd θ (s := s) (s' := s.set i true) i
    (fun j hj => State.set_ne s true hj)
  have h2 := energy_sub_of_eq_off hW hd θ (s := s) (s' := s.set i false) i
    (fun j hj => State.set_ne s false hj)
  have v1 : (s.set i true).val i = 1 := by simp [State.val, State.set_self, spin]
  have v2 : (s.set i false).val i = -1 := by simp [State.val, State.set_self, spin]
  rw [v1] at h1
  rw [v2] at h2
  grind

/-- The `+1` probability of a site update (spec B5). -/
theorem gibbsPlus_eq (w : State n → Rat) (i : Fin n) (s : State n) :
    gibbsPlusProbability w i s = w (s.set i true) / (w (s.set i true) + w (s.set i false)) := by
  unfold gibbsPlusProbability siteKernel
  rw [if_pos (agreeOff_set s i true)]

/-- `q^(a+d+1) / (q^a + q^(a+d+1)) ≤ q` for `0 < q ≤ 1` (spec B5). -/
theorem gibbs_frac_le {q : Rat} (h0 : 0 < q) (h1 : q ≤ 1) (a d : Nat) :
    q ^ (a + (d + 1)) / (q ^ a + q ^ (a + (d + 1))) ≤ q := by
  have hx : 0 < q ^ a := Rat.pow_pos h0
  have hy : 0 < q ^ (a + (d + 1)) := Rat.pow_pos h0
  have h2 := div_le_div_of_le (Rat.le_of_lt hy) Rat.le_refl hx
    (show q ^ a ≤ q ^ a + q ^ (a + (d + 1)) by grind)
  have e : q ^ (a + (d + 1)) / q ^ a = q ^ (d + 1) := by
    rw [pow_add_eq, Rat.div_def]
    have : q ^ a * (q ^ a)⁻¹ = 1 := Rat.mul_inv_cancel _ (by grind)
    grind
  have := pow_succ_le_self (Rat.le_of_lt h0) h1 d
  grind

/-- **B5** zero-temperature limit away from ties: for symmetric zero-diagonal `W`,
`0 < q ≤ 1` and `h_i ≠ θ_i`, the Gibbs probability of `+1` at neuron `i` differs from the
deterministic update (`1` if it gives `+1`, else `0`; either tie rule) by at most `q` (spec B5). -/
theorem gibbsPlus_boltzmann_sub_le {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) {q : Rat} (hq0 : 0 < q) (hq1 : q ≤ 1)
    (rule : TieRule) (s : State n) (i : Fin n) (hne : field W s i ≠ θ i) :
    qabs (gibbsPlusProbability (boltzmannWeightsExact q W θ) i s -
      bitQ (updateValue rule (field W s i) (θ i) (s i))) ≤ q := by
  have hE := energy_set_false_sub_set_true hW hd θ s i
  have m1 := minEnergy_le W θ (s.set i true)
  have m2 := minEnergy_le W θ (s.set i false)
  rw [gibbsPlus_eq]
  unfold boltzmannWeightsExact
  generalize ea : (energy W θ (s.set i true) - minEnergy W θ).toNat = a
  generalize eb : (energy W θ (s.set i false) - minEnergy W θ).toNat = b
  have hx : 0 < q ^ a := Rat.pow_pos hq0
  have hy : 0 < q ^ b := Rat.pow_pos hq0
  have hz : q ^ a + q ^ b ≠ 0 := by grind
  by_cases hlt : θ i < field W s i
  · have hu : updateValue rule (field W s i) (θ i) (s i) = true := by simp [updateValue, hlt]
    rw [hu]
    unfold bitQ
    rw [if_pos rfl]
    obtain ⟨d, hb⟩ : ∃ d, b = a + (d + 1) := ⟨b - a - 1, by omega⟩
    have key := gibbs_frac_le hq0 hq1 a d
    rw [← hb] at key
    have e : q ^ a / (q ^ a + q ^ b) = 1 - q ^ b / (q ^ a + q ^ b) := by grind
    have hp := div_nonneg_of_pos (Rat.le_of_lt hy) (show 0 < q ^ a + q ^ b by grind)
    rw [e]
    apply qabs_le <;> grind
  · have hgt : field W s i < θ i := by omega
    have hu : updateValue rule (field W s i) (θ i) (s i) = false := by
      simp [updateValue, hlt, hgt]
    rw [hu]
    unfold bitQ
    rw [if_neg (by simp)]
    obtain ⟨d, ha⟩ : ∃ d, a = b + (d + 1) := ⟨a - b - 1, by omega⟩
    have key := gibbs_frac_le hq0 hq1 b d
    rw [← ha, Rat.add_comm (q ^ b)] at key
    have hp := div_nonneg_of_pos (Rat.le_of_lt hx) (show 0 < q ^ a + q ^ b by grind)
    apply qabs_le <;> grind

/-- **B5** on a tie `h_i = θ_i` the Gibbs probability of `+1` is exactly `1/2`
(symmetric zero-diagonal `W`, `q > 0`) (spec B5). -/
theorem gibbsPlus_boltzmann_tie {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) {q : Rat} (hq0 : 0 < q) (s : State n)
    (i : Fin n) (h : field W s i = θ i) : gibbsPlusProbability (boltzmannWeightsExact q W θ) i s = 1 / 2 := by
  have hE := energy_set_false_sub_set_true hW hd θ s i
  rw [gibbsPlus_eq]
  unfold boltzmannWeightsExact
  have e : (energy W θ (s.set i false) - minEnergy W θ).toNat =
      (energy W θ (s.set i true) - minEnergy W θ).toNat := by omega
  rw [e]
  have hx : 0 < q ^ (energy W θ (s.set i true) - minEnergy W θ).toNat := Rat.pow_pos hq0
  grind

end Hopfield

end

end
