module

public import Hopfield.Sum

/-!
# Energy descent of asynchronous steps (spec T1)

For symmetric weights with zero diagonal, an asynchronous step at neuron `i` changes the
energy by exactly `-(s'_i - s_i) (h_i - θ_i)`. Hence the energy never increases (for both tie
rules), and a step that changes the state lowers it by exactly `2 |h_i - θ_i|`; with the
default tie rule `keep` this is at least `2`. With the tie rule `plus` a change either lowers
the energy or keeps it and lowers the number of `-1` entries (a lexicographic descent).

## Main definitions

* `Hopfield.pairSum`: the quadratic part `∑_{i<j} W i j x_i x_j` of the energy.
* `Hopfield.negCount`: the number of `-1` entries of a state.

## Main results

* `Hopfield.energy_sub_of_eq_off`: the energy change of a change at one neuron.
* `Hopfield.energy_asyncStep_sub`: the exact energy change of an asynchronous step.
* `Hopfield.energy_asyncStep_le`: an asynchronous step never raises the energy (both rules).
* `Hopfield.energy_asyncStep_of_ne`: a state-changing step lowers `E` by `2 |h_i - θ_i|`.
* `Hopfield.energy_asyncStep_keep_of_ne`, `Hopfield.energy_asyncStep_keep_add_two_le`:
  with `keep` ties a change means `h_i ≠ θ_i` and lowers `E` by at least `2`.
* `Hopfield.energy_asyncStep_plus_of_ne`: with `plus` ties `(E, negCount)` strictly
  decreases lexicographically on a change.
-/

@[expose] public section

noncomputable section

namespace Hopfield

variable {n : Nat}

/-- The quadratic part `∑_{i<j} W i j x_i x_j` of the energy, for any integer vector `x`
(spec T1). -/
def pairSum (W : Weights n) (x : Fin n → Int) : Int :=
  sumFin n (fun i => sumFin n (fun j => if i.val < j.val then W i j * x i * x j else 0))

/-- The number of `-1` entries of a state, as an integer (spec T1, `plus` ties). -/
def negCount (s : State n) : Int :=
  sumFin n (fun i => if s i then 0 else 1)

/-- The energy is minus the quadratic part plus the threshold term (spec T1). -/
theorem energy_eq (W : Weights n) (θ : Thresholds n) (s : State n) :
    energy W θ s = -pairSum W s.val + sumFin n (fun i => θ i * s.val i) := rfl

/-- One term of `pairSum x' - pairSum x` when `x'` and `x` agree off `k` (spec T1). -/
theorem pairSum_term_sub {W : Weights n} (hW : ∀ i j, W i j = W j i) {x x' : Fin n → Int}
    {k : Fin n} (hx : ∀ j, j ≠ k → x' j = x j) (i j : Fin n) :
    (if i.val < j.val then W i j * x' i * x' j else 0) -
        (if i.val < j.val then W i j * x i * x j else 0) =
      (if i = k then (if k.val < j.val then W k j * x j * (x' k - x k) else 0) else 0) +
        (if j = k then (if i.val < k.val then W k i * x i * (x' k - x k) else 0) else 0) := by
  by_cases hi : i = k
  · subst hi
    by_cases hj : j = i
    · subst hj
      simp
    · rw [hx j hj]
      by_cases hlt : i.val < j.val
      · simp only [hlt, if_true, hj, if_false]
        grind
      · simp [hlt, hj]
  · by_cases hj : j = k
    · subst hj
      rw [hx i hi, hW i j]
      by_cases hlt : i.val < j.val
      · simp only [hlt, if_true, hi, if_false]
        grind
      · simp [hlt, hi]
    · rw [hx i hi, hx j hj]
      simp [hi, hj]

/-- Summing a double sum of terms supported on the row `i = k` (spec T1). -/
theorem sumFin_sumFin_row (k : Fin n) (a : Fin n → Int) :
    sumFin n (fun i => sumFin n (fun j => if i = k then a j else 0)) = sumFin n a := by
  have h : ∀ i, sumFin n (fun j => if i = k then a j else 0) =
      if i = k then sumFin n a else 0 := by
    intro i
    by_cases hi : i = k <;> simp [hi]
  rw [sumFin_congr h]
  exact sumFin_ite_eq k (fun _ => sumFin n a)

/-- Summing a double sum of terms supported on the column `j = k` (spec T1). -/
theorem sumFin_sumFin_col (k : Fin n) (b : Fin n → Int) :
    sumFin n (fun i => sumFin n (fun j => if j = k then b i else 0)) = sumFin n b := by
  apply sumFin_congr
  intro i
  exact sumFin_ite_eq k (fun _ => b i)

/-- The quadratic part changes by `(x'_k - x_k) ∑_{j ≠ k} W k j x_j` when only entry `k`
changes, for symmetric `W` (spec T1). -/
theorem pairSum_sub_of_eq_off {W : Weights n} (hW : ∀ i j, W i j = W j i)
    {x x' : Fin n → Int} (k : Fin n) (hx : ∀ j, j ≠ k → x' j = x j) :
    pairSum W x' - pairSum W x =
      (x' k - x k) * sumFin n (fun j => if j = k then 0 else W k j * x j) := by
  have h1 : pairSum W x' - pairSum W x =
      sumFin n (fun i => sumFin n (fun j =>
        (if i = k then (if k.val < j.val then W k j * x j * (x' k - x k) else 0) else 0) +
        (if j = k then (if i.val < k.val then W k i * x i * (x' k - x k) else 0) else 0))) := by
    unfold pairSum
    rw [← sumFin_sub]
    apply sumFin_congr
    intro i
    rw [← sumFin_sub]
    apply sumFin_congr
    intro j
    exact pairSum_term_sub hW hx i j
  have h2 : ∀ i, sumFin n (fun j =>
        (if i = k then (if k.val < j.val then W k j * x j * (x' k - x k) else 0) else 0) +
        (if j = k then (if i.val < k.val then W k i * x i * (x' k - x k) else 0) else 0)) =
      sumFin n (fun j =>
        (if i = k then (if k.val < j.val then W k j * x j * (x' k - x k) else 0) else 0)) +
      sumFin n (fun j =>
        (if j = k then (if i.val < k.val then W k i * x i * (x' k - x k) else 0) else 0)) :=
    fun i => sumFin_add _ _
  rw [h1, sumFin_congr h2, sumFin_add, sumFin_sumFin_row, sumFin_sumFin_col, ← sumFin_add,
    ← sumFin_mul_left]
  apply sumFin_congr
  intro j
  by_cases hj : j = k
  · subst hj
    simp
  · have hne : j.val ≠ k.val := fun e => hj (Fin.ext e)
    by_cases hlt : k.val < j.val
    · have : ¬ j.val < k.val := by omega
      simp only [hlt, this, hj, if_true, if_false]
      grind
    · have : j.val < k.val := by omega
      simp only [hlt, this, hj, if_true, if_false]
      grind

/-- With zero diagonal, the sum over `j ≠ k` of `W k j x_j` is the full sum (spec T1). -/
theorem sumFin_off_diag {W : Weights n} (hd : ∀ i, W i i = 0) (x : Fin n → Int) (k : Fin n) :
    sumFin n (fun j => if j = k then 0 else W k j * x j) = sumFin n (fun j => W k j * x j) := by
  rw [sumFin_split_at k (fun j => W k j * x j), hd k]
  simp

/-- Energy change when the state changes only at neuron `k`, for symmetric zero-diagonal
`W`: `E(s') - E(s) = -(s'_k - s_k) (h_k(s) - θ_k)` (spec T1). -/
theorem energy_sub_of_eq_off {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) {s s' : State n} (k : Fin n)
    (h : ∀ j, j ≠ k → s' j = s j) :
    energy W θ s' - energy W θ s = -((s'.val k - s.val k) * (field W s k - θ k)) := by
  have hx : ∀ j, j ≠ k → s'.val j = s.val j := by
    intro j hj
    simp only [State.val, h j hj]
  have hq := pairSum_sub_of_eq_off hW k hx
  rw [sumFin_off_diag hd] at hq
  have hl := sumFin_sub_of_eq_off k (f := fun i => θ i * s'.val i) (g := fun i => θ i * s.val i)
    (fun j hj => by simp only [hx j hj])
  simp only at hl
  rw [energy_eq, energy_eq]
  unfold field
  grind

/-- A step at `i` leaves the state unchanged iff the updated bit equals the old one
(spec T1). -/
theorem asyncStep_eq_self_iff (rule : TieRule) (W : Weights n) (θ : Thresholds n)
    (s : State n) (i : Fin n) :
    asyncStep rule W θ s i = s ↔ updateValue rule (field W s i) (θ i) (s i) = s i := by
  constructor
  · intro h
    have := congrFun h i
    rwa [asyncStep_self] at this
  · intro h
    funext j
    by_cases hj : j = i
    · subst hj
      rw [asyncStep_self, h]
    · exact asyncStep_other rule W θ s hj

/-- The exact energy change of an asynchronous step at `i`, for symmetric zero-diagonal `W`
and either tie rule: `E(s') - E(s) = -(s'_i - s_i) (h_i - θ_i)` (spec T1). -/
theorem energy_asyncStep_sub {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (rule : TieRule) (θ : Thresholds n) (s : State n) (i : Fin n) :
    energy W θ (asyncStep rule W θ s i) - energy W θ s =
      -((spin (updateValue rule (field W s i) (θ i) (s i)) - s.val i) * (field W s i - θ i)) := by
  rw [energy_sub_of_eq_off hW hd θ i (fun j hj => asyncStep_other rule W θ s hj)]
  simp only [State.val, asyncStep_self]

/-- The updated bit moves the spin in the direction of `h - t` (spec T1). -/
theorem updateBit_descent (rule : TieRule) (h t : Int) (b : Bool) :
    0 ≤ (spin (updateValue rule h t b) - spin b) * (h - t) := by
  unfold updateValue
  by_cases h1 : t < h
  · cases b <;> simp [h1, spin] <;> omega
  · by_cases h2 : h < t
    · cases b <;> simp [h1, h2, spin] <;> omega
    · have : h - t = 0 := by omega
      rw [this, Int.mul_zero]
      exact Int.le_refl 0

/-- When the updated bit differs from the old one, the spin moves by `2` in the direction of
`h - t`: `(s'_i - s_i)(h - t) = 2 |h - t|` (spec T1, both tie rules). -/
theorem updateBit_descent_of_ne (rule : TieRule) (h t : Int) (b : Bool)
    (hne : updateValue rule h t b ≠ b) :
    (spin (updateValue rule h t b) - spin b) * (h - t) = 2 * ((h - t).natAbs : Int) := by
  revert hne
  unfold updateValue
  by_cases h1 : t < h
  · cases b <;> simp [h1, spin] <;> omega
  · by_cases h2 : h < t
    · cases b <;> simp [h1, h2, spin] <;> omega
    · have : h - t = 0 := by omega
      intro _
      rw [this]
      simp

/-- With `keep` ties the bit changes only off a tie (spec T1). -/
theorem ne_of_updateBit_keep_ne {h t : Int} {b : Bool} (hne : updateValue .keep h t b ≠ b) :
    h ≠ t := by
  intro e
  apply hne
  simp [updateValue, e]

/-- An asynchronous step never raises the energy, for symmetric zero-diagonal `W` and either
tie rule (spec T1). -/
theorem energy_asyncStep_le {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (rule : TieRule) (θ : Thresholds n) (s : State n) (i : Fin n) :
    energy W θ (asyncStep rule W θ s i) ≤ energy W θ s := by
  have h1 := energy_asyncStep_sub hW hd rule θ s i
  have h2 := updateBit_descent rule (field W s i) (θ i) (s i)
  simp only [State.val] at h1
  omega

/-- A state-changing asynchronous step lowers the energy by exactly `2 |h_i - θ_i|`, for
symmetric zero-diagonal `W` and either tie rule (spec T1). -/
theorem energy_asyncStep_of_ne {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (rule : TieRule) (θ : Thresholds n) (s : State n) (i : Fin n)
    (hne : asyncStep rule W θ s i ≠ s) :
    energy W θ (asyncStep rule W θ s i) =
      energy W θ s - 2 * ((field W s i - θ i).natAbs : Int) := by
  have hb : updateValue rule (field W s i) (θ i) (s i) ≠ s i :=
    fun e => hne ((asyncStep_eq_self_iff rule W θ s i).2 e)
  have h1 := energy_asyncStep_sub hW hd rule θ s i
  have h2 := updateBit_descent_of_ne rule (field W s i) (θ i) (s i) hb
  simp only [State.val] at h1
  omega

/-- With `keep` ties, a state-changing asynchronous step happens only off a tie,
`h_i ≠ θ_i`, and lowers the energy by exactly `2 |h_i - θ_i| > 0` (spec T1). -/
theorem energy_asyncStep_keep_of_ne {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) (i : Fin n)
    (hne : asyncStep .keep W θ s i ≠ s) :
    field W s i ≠ θ i ∧
      energy W θ (asyncStep .keep W θ s i) =
        energy W θ s - 2 * ((field W s i - θ i).natAbs : Int) := by
  have hb : updateValue .keep (field W s i) (θ i) (s i) ≠ s i :=
    fun e => hne ((asyncStep_eq_self_iff .keep W θ s i).2 e)
  exact ⟨ne_of_updateBit_keep_ne hb, energy_asyncStep_of_ne hW hd .keep θ s i hne⟩

/-- With `keep` ties, a state-changing asynchronous step lowers the energy by at least `2`
(spec T1). -/
theorem energy_asyncStep_keep_add_two_le {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) (i : Fin n)
    (hne : asyncStep .keep W θ s i ≠ s) :
    energy W θ (asyncStep .keep W θ s i) + 2 ≤ energy W θ s := by
  have ⟨h1, h2⟩ := energy_asyncStep_keep_of_ne hW hd θ s i hne
  omega

/-- With `plus` ties, a state-changing asynchronous step either lowers the energy (by at
least `2`) or keeps it and lowers the number of `-1` entries: `(E, negCount)` strictly
decreases lexicographically (spec T1). -/
theorem energy_asyncStep_plus_of_ne {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) (i : Fin n)
    (hne : asyncStep .plus W θ s i ≠ s) :
    energy W θ (asyncStep .plus W θ s i) + 2 ≤ energy W θ s ∨
      (energy W θ (asyncStep .plus W θ s i) = energy W θ s ∧
        negCount (asyncStep .plus W θ s i) < negCount s) := by
  have hE := energy_asyncStep_of_ne hW hd .plus θ s i hne
  by_cases ht : field W s i = θ i
  · right
    refine ⟨by rw [hE, ht]; simp, ?_⟩
    have hb : updateValue .plus (field W s i) (θ i) (s i) ≠ s i :=
      fun e => hne ((asyncStep_eq_self_iff .plus W θ s i).2 e)
    have hup : updateValue .plus (field W s i) (θ i) (s i) = true := by
      simp [updateValue, ht]
    have hsi : s i = false := by
      rw [hup] at hb
      cases h : s i
      · rfl
      · rw [h] at hb; exact absurd rfl hb
    have hc := sumFin_sub_of_eq_off i
      (f := fun j => if asyncStep .plus W θ s i j then 0 else 1)
      (g := fun j => if s j then 0 else 1)
      (fun j hj => by simp only [asyncStep_other .plus W θ s hj])
    have hs' : asyncStep .plus W θ s i i = true := by rw [asyncStep_self, hup]
    simp [hs', hsi] at hc
    unfold negCount
    omega
  · left
    omega

/-! ### Kernel-checked examples on the 3-neuron network of `Hopfield.Basic` -/

example : ∀ i j, exW i j = exW j i := by decide +kernel
example : ∀ i, exW i i = 0 := by decide +kernel
-- h_0(exS) = -3 < θ_0 = 0: neuron 0 flips from +1 to -1 and E drops from 5 by 2 * 3 to -1.
example : energy exW exθ (asyncStep .keep exW exθ exS 0) = -1 := by decide +kernel
example : energy exW exθ (asyncStep .keep exW exθ exS 0) =
    energy exW exθ exS - 2 * ((field exW exS 0 - exθ 0).natAbs : Int) := by decide +kernel
-- A tie: with `W = 0`, `θ = 0` every field is 0 = θ_i; `plus` turns `-1` into `+1` at the
-- same energy 0 and `negCount` drops from 1 to 0.
example : energy (fun _ _ => 0) (fun _ => 0) (asyncStep .plus (fun _ _ => 0) (fun _ => 0)
    (fun _ : Fin 1 => false) 0) = 0 ∧
    negCount (asyncStep .plus (fun _ _ => 0) (fun _ => 0) (fun _ : Fin 1 => false) 0) = 0 ∧
    negCount (fun _ : Fin 1 => false) = 1 := by decide +kernel

end Hopfield

end

end
