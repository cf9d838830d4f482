module

public import Hopfield.Boltzmann.ZeroTemp

/-!
# The exponential rate of the zero-temperature limit (spec B5)

A sharper form of `Hopfield.gibbsPlus_boltzmann_sub_le`: away from ties the Gibbs
probability of `+1` differs from the deterministic update by at most `q^(2 |h_i - θ_i|)`
(`= exp(-2 β |h_i - θ_i|)` for `q = exp(-β)`).

## Main results

* `Hopfield.gibbs_frac_le_pow`: `q^(a+d+1) / (q^a + q^(a+d+1)) ≤ q^(d+1)`.
* `Hopfield.gibbsPlus_boltzmann_sub_le_pow` (B5): `|P(+1) - [update = +1]| ≤ q^(2 |h_i - θ_i|)`.
-/

@[expose] public section

noncomputable section

namespace Hopfield

variable {n : Nat}

/-- `q^(a+d+1) / (q^a + q^(a+d+1)) ≤ q^(d+1)` for `q > 0` (spec B5). -/
theorem gibbs_frac_le_pow {q : Rat} (h0 : 0 < q) (a d : Nat) :
    q ^ (a + (d + 1)) / (q ^ a + q ^ (a + (d + 1))) ≤ q ^ (d + 1) := by
  have hx : 0 < q ^ a := Rat.pow_pos h0
  have hy : 0 < q ^ (a + (d + 1)) := Rat.pow_pos h0
  have h2 := div_le_div_of_le (Rat.le_of_lt hy) Rat.le_refl hx
    (show q ^ a ≤ q ^ a + q ^ (a + (d + 1)) by grind)
  have e : q ^ (a + (d + 1)) / q ^ a = q ^ (d + 1) := by
    rw [pow_add_eq, Rat.div_def]
    have : q ^ a * (q ^ a)⁻¹ = 1 := Rat.mul_inv_cancel _ (by grind)
    grind
  grind

/-- **B5** with the exponential rate: for symmetric zero-diagonal `W`, `q > 0` and
`h_i ≠ θ_i`, the Gibbs probability of `+1` differs from the deterministic update (either tie
rule) by at most `q^(2 |h_i - θ_i|)`. -/
theorem gibbsPlus_boltzmann_sub_le_pow {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) {q : Rat} (hq0 : 0 < q)
    (rule : TieRule) (s : State n) (i : Fin n) (hne : field W s i ≠ θ i) :
    qabs (gibbsPlusProbability (boltzmannWeightsExact q W θ) i s -
      bitQ (updateValue rule (field W s i) (θ i) (s i))) ≤
      q ^ (2 * (field W s i - θ i).natAbs) := by
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
  have hr : 0 ≤ q ^ (2 * (field W s i - θ i).natAbs) := Rat.pow_nonneg (Rat.le_of_lt hq0)
  by_cases hlt : θ i < field W s i
  · have hu : updateValue rule (field W s i) (θ i) (s i) = true := by simp [updateValue, hlt]
    rw [hu]
    unfold bitQ
    rw [if_pos rfl]
    obtain ⟨d, hb, hdd⟩ : ∃ d, b = a + (d + 1) ∧ d + 1 = 2 * (field W s i - θ i).natAbs :=
      ⟨b - a - 1, by omega, by omega⟩
    have key := gibbs_frac_le_pow hq0 a d
    rw [← hb, hdd] at key
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
    obtain ⟨d, ha, hdd⟩ : ∃ d, a = b + (d + 1) ∧ d + 1 = 2 * (field W s i - θ i).natAbs :=
      ⟨a - b - 1, by omega, by omega⟩
    have key := gibbs_frac_le_pow hq0 b d
    rw [← ha, Rat.add_comm (q ^ b), hdd] at key
    have hp := div_nonneg_of_pos (Rat.le_of_lt hx) (show 0 < q ^ a + q ^ b by grind)
    apply qabs_le <;> grind

-- 2-neuron example `W = [[0,1],[1,0]]`, `θ = 0`, `q = 1/3`, `s = (-,-)`: `h_0 = -1`, so
-- `P(+1) = q^2 / (1 + q^2) = 1/10 ≤ q^2 = 1/9`.
example : qabs (gibbsPlusProbability (boltzmannWeightsExact (1 / 3) (n := 2) (fun i j => if i = j then 0 else 1)
    (fun _ => 0)) 0 (fun _ => false) - 0) ≤ (1 / 3) ^ 2 := by decide +kernel

end Hopfield

end

end
