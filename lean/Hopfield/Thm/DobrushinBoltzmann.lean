module

public import Hopfield.Spec.Dobrushin
public import Hopfield.Boltzmann.ZeroTemp
public import Hopfield.Thm.DobrushinRandom

/-!
# Dobrushin's condition for Boltzmann machines (spec B6)

For integer symmetric zero-diagonal weights `W`, any thresholds `θ` and `0 < q ≤ 1`, the
Boltzmann weights `w(s) = q^(E(s) - E_min)` (`Hopfield.boltzmannWeightsExact`) have influences

    |p_i(s^{j+}) - p_i(s^{j-})| ≤ C_ij = (1 - q^(2|W_ij|)) / (1 + q^(2|W_ij|))

(`Hopfield.influenceBound`, `= tanh(β |W_ij|)` for `q = e^{-β}`), where
`p_i(s) = w(s^{i+}) / (w(s^{i+}) + w(s^{i-}))`. So Dobrushin's bounds of
`Hopfield.Thm.Dobrushin` and `Hopfield.Thm.DobrushinRandom` hold with
`α = max_i ∑_j C_ij` (`Hopfield.dobrushinCoefficient`), the number pyref computes.

Proof. Write `A, B` for the weights of `(s^{j+})^{i±}` and `C, D` for those of
`(s^{j-})^{i±}`. The energy identity `E(s^{i-}) - E(s^{i+}) = 2 (h_i(s) - θ_i)` and
`h_i(s^{j+}) - h_i(s^{j-}) = 2 W_ij` give `B C = A D u²` (or `A D = B C u²` when `W_ij < 0`)
with `u = q^(2|W_ij|)`, and the four exponents give `A C + B D ≥ 2 u A D` (arithmetic and
geometric means of two powers of `q`). Then
`A/(A+B) - C/(C+D) = A D (1 - u²) / ((A+B)(C+D))` and `(A+B)(C+D) ≥ A D (1 + u)²`.

## Main results

* `Hopfield.field_set_true_sub_set_false`: `h_i(s^{j+}) - h_i(s^{j-}) = 2 W_ij`.
* `Hopfield.frac_sub_le_of_mul_eq`: the bound for four positive numbers.
* `Hopfield.influenceLe_boltzmannW`: the influence bound `C_ij` for Boltzmann weights.
* `Hopfield.sysK_boltzmannW_tv_le_dobrushin` (B6): `TV(μ S^t, π) ≤ n α^t`.
* `Hopfield.randK_boltzmannW_tv_le_dobrushin` (B6): `TV(μ K^t, π) ≤ n (1 - (1 - α)/n)^t`.
-/

@[expose] public section

noncomputable section

namespace Hopfield

variable {n : Nat}

/-! ### Fields and exponents -/

/-- Flipping neuron `j` from `-1` to `+1` moves the field of `i` by `2 W_ij`:
`h_i(s^{j+}) - h_i(s^{j-}) = 2 W_ij` (spec B6). -/
theorem field_set_true_sub_set_false (W : Weights n) (s : State n) (i j : Fin n) :
    field W (s.set j true) i - field W (s.set j false) i = 2 * W i j := by
  unfold field
  rw [sumFin_sub_of_eq_off j (fun k hk => by simp only [State.val, State.set_ne s _ hk])]
  simp only [State.val, State.set_self, spin]
  grind

/-- The exponent `E(s) - E_min` of the Boltzmann weight, as an integer (spec B6). -/
theorem toNat_energy_sub_minEnergy (W : Weights n) (θ : Thresholds n) (s : State n) :
    ((energy W θ s - minEnergy W θ).toNat : Int) = energy W θ s - minEnergy W θ := by
  have := minEnergy_le W θ s
  omega

/-! ### The bound for four positive numbers -/

/-- If `A, B, C, D > 0`, `0 < u ≤ 1`, `B C = A D u²` and `A C + B D ≥ 2 u A D`, then
`|A/(A+B) - C/(C+D)| ≤ (1 - u)/(1 + u)` (spec B6). -/
theorem frac_sub_le_of_mul_eq {A B C D u : Rat} (hA : 0 < A) (hB : 0 < B) (hC : 0 < C)
    (hD : 0 < D) (hu0 : 0 < u) (hu1 : u ≤ 1) (hBC : B * C = A * D * (u * u))
    (hmean : 2 * u * (A * D) ≤ A * C + B * D) :
    qabs (A / (A + B) - C / (C + D)) ≤ (1 - u) / (1 + u) := by
  have hAB : 0 < A + B := by grind
  have hCD : 0 < C + D := by grind
  have hAD : 0 < A * D := Rat.mul_pos hA hD
  have hM : 0 < (A + B) * (C + D) := Rat.mul_pos hAB hCD
  have e : A / (A + B) - C / (C + D) = (A * D - B * C) / ((A + B) * (C + D)) := by grind
  have huu : u * u ≤ 1 := by
    have := Rat.mul_le_mul_of_nonneg_left hu1 (Rat.le_of_lt hu0)
    grind
  have hnum : 0 ≤ A * D - B * C := by
    have := Rat.mul_le_mul_of_nonneg_left huu (Rat.le_of_lt hAD)
    grind
  have hpos : 0 ≤ (A * D - B * C) / ((A + B) * (C + D)) := div_nonneg_of_pos hnum hM
  have hlow : (A * D) * ((1 + u) * (1 + u)) ≤ (A + B) * (C + D) := by grind
  have hmul := Rat.mul_le_mul_of_nonneg_left hlow (show 0 ≤ 1 - u by grind)
  have hcross : (A * D - B * C) * (1 + u) ≤ (1 - u) * ((A + B) * (C + D)) := by
    rw [hBC]
    grind
  rw [e]
  apply qabs_le
  · exact div_le_div_of_mul_le hM (by grind) hcross
  · have : 0 ≤ (1 - u) / (1 + u) := div_nonneg_of_pos (by grind) (by grind)
    grind

/-- The bound for four powers of `q`: if `b₁ + a₀ = a₁ + b₀ + 4K` then
`|q^a₁/(q^a₁+q^b₁) - q^a₀/(q^a₀+q^b₀)| ≤ (1 - q^(2K))/(1 + q^(2K))` (`0 < q ≤ 1`)
(spec B6). -/
theorem pow_frac_sub_le {q : Rat} (hq0 : 0 < q) (hq1 : q ≤ 1) {a₁ b₁ a₀ b₀ K : Nat}
    (h : b₁ + a₀ = a₁ + b₀ + 4 * K) :
    qabs (q ^ a₁ / (q ^ a₁ + q ^ b₁) - q ^ a₀ / (q ^ a₀ + q ^ b₀)) ≤
      (1 - q ^ (2 * K)) / (1 + q ^ (2 * K)) := by
  have hu1 : q ^ (2 * K) ≤ 1 := pow_le_one_of_le (Rat.le_of_lt hq0) hq1 _
  have hBC : q ^ b₁ * q ^ a₀ = q ^ a₁ * q ^ b₀ * (q ^ (2 * K) * q ^ (2 * K)) := by
    rw [← pow_add_eq, ← pow_add_eq, ← pow_add_eq, ← pow_add_eq, h]
    congr 1
    omega
  have hmean : 2 * q ^ (2 * K) * (q ^ a₁ * q ^ b₀) ≤ q ^ a₁ * q ^ a₀ + q ^ b₁ * q ^ b₀ := by
    have hm := two_mul_pow_le_pow_add_pow (Rat.le_of_lt hq0)
      (x := a₁ + a₀) (y := b₁ + b₀) (m := a₁ + b₀ + 2 * K) (by omega)
    have e1 : q ^ (a₁ + b₀ + 2 * K) = q ^ (2 * K) * (q ^ a₁ * q ^ b₀) := by
      rw [pow_add_eq, pow_add_eq]
      grind
    rw [e1, pow_add_eq a₁ a₀, pow_add_eq b₁ b₀] at hm
    grind
  exact frac_sub_le_of_mul_eq (Rat.pow_pos hq0) (Rat.pow_pos hq0) (Rat.pow_pos hq0)
    (Rat.pow_pos hq0) (Rat.pow_pos hq0) hu1 hBC hmean

/-! ### Boltzmann weights -/

/-- The heat-bath probability of `+1` at `i` under the Boltzmann weights, as powers of `q`
(spec B6). -/
theorem plusProb_boltzmannW (q : Rat) (W : Weights n) (θ : Thresholds n) (i : Fin n)
    (s : State n) :
    plusProb (boltzmannWeightsExact q W θ) i s =
      q ^ (energy W θ (s.set i true) - minEnergy W θ).toNat /
        (q ^ (energy W θ (s.set i true) - minEnergy W θ).toNat +
          q ^ (energy W θ (s.set i false) - minEnergy W θ).toNat) := rfl

/-- `C_ij ≥ 0` for `0 < q ≤ 1` (spec B6). -/
theorem influenceBound_nonneg {q : Rat} (hq0 : 0 < q) (hq1 : q ≤ 1) (W : Weights n)
    (i j : Fin n) : 0 ≤ influenceBound q W i j := by
  unfold influenceBound
  have h1 : q ^ (2 * (W i j).natAbs) ≤ 1 := pow_le_one_of_le (Rat.le_of_lt hq0) hq1 _
  have h2 : 0 < q ^ (2 * (W i j).natAbs) := Rat.pow_pos hq0
  exact div_nonneg_of_pos (by grind) (by grind)

/-- **B6** the influence bound of Boltzmann machines: for symmetric zero-diagonal integer
`W`, any `θ` and `0 < q ≤ 1`, every influence of the Boltzmann weights `q^(E - E_min)` is at
most `C_ij = (1 - q^(2|W_ij|)) / (1 + q^(2|W_ij|))` (spec B6; pyref
`dobrushin.influence_bound`). -/
theorem influenceLe_boltzmannW {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) {q : Rat} (hq0 : 0 < q) (hq1 : q ≤ 1) :
    InfluenceLe (boltzmannWeightsExact q W θ) (influenceBound q W) := by
  intro i j _ s
  rw [plusProb_boltzmannW, plusProb_boltzmannW]
  have hf := field_set_true_sub_set_false W s i j
  have h1 := energy_set_false_sub_set_true hW hd θ (s.set j true) i
  have h0 := energy_set_false_sub_set_true hW hd θ (s.set j false) i
  have ea₁ := toNat_energy_sub_minEnergy W θ ((s.set j true).set i true)
  have eb₁ := toNat_energy_sub_minEnergy W θ ((s.set j true).set i false)
  have ea₀ := toNat_energy_sub_minEnergy W θ ((s.set j false).set i true)
  have eb₀ := toNat_energy_sub_minEnergy W θ ((s.set j false).set i false)
  generalize (energy W θ ((s.set j true).set i true) - minEnergy W θ).toNat = a₁ at *
  generalize (energy W θ ((s.set j true).set i false) - minEnergy W θ).toNat = b₁ at *
  generalize (energy W θ ((s.set j false).set i true) - minEnergy W θ).toNat = a₀ at *
  generalize (energy W θ ((s.set j false).set i false) - minEnergy W θ).toNat = b₀ at *
  unfold influenceBound
  rcases Int.le_total 0 (W i j) with hw | hw
  · exact pow_frac_sub_le hq0 hq1 (K := (W i j).natAbs) (by omega)
  · rw [qabs_sub_comm]
    exact pow_frac_sub_le hq0 hq1 (K := (W i j).natAbs) (by omega)

/-! ### Dobrushin's coefficient -/

/-- The list maximum is at least every value (spec B6). -/
theorem le_lmax {α : Type} (d : Rat) (f : α → Rat) :
    ∀ {l : List α} {x : α}, x ∈ l → f x ≤ lmax d l f
  | [], _, h => by simp at h
  | y :: l, x, h => by
    unfold lmax
    rcases List.mem_cons.mp h with rfl | h
    · split <;> grind
    · have := le_lmax d f h; split <;> grind

/-- The list maximum is at least the default (spec B6). -/
theorem le_lmax_default {α : Type} (d : Rat) (f : α → Rat) : ∀ l : List α, d ≤ lmax d l f
  | [] => Rat.le_refl
  | _ :: l => by
    have := le_lmax_default d f l
    unfold lmax
    split <;> grind

/-- Every row sum `∑_j C_ij` is at most `α` (spec B6). -/
theorem lsum_influenceBound_le_dobrushinAlpha (q : Rat) (W : Weights n) (i : Fin n) :
    lsum (List.finRange n) (fun j => influenceBound q W i j) ≤ dobrushinCoefficient q W :=
  le_lmax 0 (fun i => lsum (List.finRange n) (fun j => influenceBound q W i j))
    (List.mem_finRange i)

/-- `α ≥ 0` (spec B6). -/
theorem dobrushinAlpha_nonneg (q : Rat) (W : Weights n) : 0 ≤ dobrushinCoefficient q W :=
  le_lmax_default 0 _ _

/-! ### Dobrushin's bounds for Boltzmann machines -/

/-- **B6** Dobrushin for the systematic scan of a Boltzmann machine: for symmetric
zero-diagonal integer `W`, any `θ`, `0 < q ≤ 1` and `α = max_i ∑_j C_ij ≤ 1`
(`Hopfield.dobrushinCoefficient`), every start distribution `μ` and every `t`,
`TV(μ S^t, π) ≤ n α^t`, where `S = K_0 ⋯ K_{n-1}` and `π ∝ q^(E - E_min)` (spec B6; pyref
`dobrushin.dobrushin_tv_bound`, `scan="systematic"`). -/
theorem sysK_boltzmannW_tv_le_dobrushin {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) {q : Rat} (hq0 : 0 < q) (hq1 : q ≤ 1)
    (hα : dobrushinCoefficient q W ≤ 1) {μ : Dist n} (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow (systematicScanKernel (boltzmannWeightsExact q W θ)) t)) (normalize (boltzmannWeightsExact q W θ)) ≤
      (n : Rat) * dobrushinCoefficient q W ^ t :=
  sysK_tv_le_dobrushin (boltzmannW_pos hq0 W θ) (influenceLe_boltzmannW hW hd θ hq0 hq1)
    (influenceBound_nonneg hq0 hq1 W) (dobrushinAlpha_nonneg q W) hα
    (lsum_influenceBound_le_dobrushinAlpha q W) hμ t

/-- **B6** Dobrushin for the random scan of a Boltzmann machine: for symmetric zero-diagonal
integer `W`, any `θ`, `0 < q ≤ 1`, `n > 0` and `α = max_i ∑_j C_ij`, every start
distribution `μ` and every `t` (single-site steps), `TV(μ K^t, π) ≤ n (1 - (1 - α)/n)^t`,
where `K = (1/n) ∑_i K_i` and `π ∝ q^(E - E_min)` (spec B6; pyref
`dobrushin.dobrushin_tv_bound`, `scan="random"`). -/
theorem randK_boltzmannW_tv_le_dobrushin {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) {q : Rat} (hq0 : 0 < q) (hq1 : q ≤ 1)
    (hn : 0 < n) {μ : Dist n} (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow (randomScanKernel (boltzmannWeightsExact q W θ)) t)) (normalize (boltzmannWeightsExact q W θ)) ≤
      (n : Rat) * (1 - (1 - dobrushinCoefficient q W) / (n : Rat)) ^ t :=
  randK_tv_le_dobrushin (boltzmannW_pos hq0 W θ) hn (influenceLe_boltzmannW hW hd θ hq0 hq1)
    (influenceBound_nonneg hq0 hq1 W) (dobrushinAlpha_nonneg q W)
    (lsum_influenceBound_le_dobrushinAlpha q W) hμ t

end Hopfield

end

end
